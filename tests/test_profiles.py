"""Platform profiles: the bundled data, user-defined profiles, and how rules use them."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from wxguard import ConfigError, Guard, Message, SendLog
from wxguard.families import CheckContext
from wxguard.profiles import bundled, industry_schedule, profile_for
from wxguard.text.views import TextView

DOCS = Path(__file__).resolve().parent.parent / "docs" / "profiles.md"


@pytest.mark.parametrize(
    ("name", "recall", "receipt", "links", "robot_cap"),
    [
        ("wechat", 2, "recipient-confirms", "keyword-domain", None),
        ("wecom", 24 * 60, "always-shown", "whitelist", 20),
        ("dingtalk", 24 * 60, "optional", "sandbox", 20),
    ],
)
def test_bundled_profiles_carry_the_seed_comparison(
    name: str, recall: int, receipt: str, links: str, robot_cap: int | None
) -> None:
    profile = bundled().profiles[name]
    assert (profile.recall_minutes, profile.read_receipt, profile.link_policy) == (
        recall,
        receipt,
        links,
    )
    assert (
        profile.text_limit,
        profile.media_size_mb,
        profile.max_repeats,
        profile.media_per_day,
    ) == (1500, 25, 5, 50)
    hourly = [c for c in profile.rate_limits if c.per == "hour"]
    assert [(c.limit, c.scope) for c in hourly] == [(30, "sender")]
    per_minute = [c for c in profile.rate_limits if c.per == "minute"]
    assert [c.limit for c in per_minute] == ([robot_cap] if robot_cap else [])
    for cap in (*profile.rate_limits, *profile.mass_sends):
        assert cap.source.startswith(("sources.md#", "https://"))


def test_mass_send_caps_with_sources() -> None:
    wecom = bundled().profiles["wecom"].mass_sends
    assert [(m.limit, m.per) for m in wecom] == [("days-in-month", "month")]
    assert wecom[0].source == "https://developer.work.weixin.qq.com/document/path/92135"
    wechat = {m.channel: (m.limit, m.per) for m in bundled().profiles["wechat"].mass_sends}
    assert wechat == {"service-account": (4, "month"), "subscription-account": (1, "day")}
    assert bundled().profiles["wecom"].robot_text_bytes == 2048


@pytest.mark.parametrize(
    ("industry", "window", "limit", "period"),
    [
        ("ecommerce", (time(20, 0), time(21, 30)), 2, "day"),
        ("education", (time(7, 30), time(8, 30)), 3, "week"),
        ("enterprise", (time(9, 0), time(10, 0)), 3, "day"),
    ],
)
def test_industry_schedules_from_the_seed(
    industry: str, window: tuple[time, time], limit: int, period: str
) -> None:
    schedule = industry_schedule(industry)
    assert schedule is not None
    assert ((schedule.window.start, schedule.window.end), schedule.limit, schedule.period) == (
        window,
        limit,
        period,
    )
    assert industry_schedule("finance") is None and industry_schedule(None) is None
    assert str(bundled().rest_period) == "12:00–13:30"


def test_checkers_see_the_messages_profile() -> None:
    guard = Guard(platform="wecom")
    ctx = CheckContext(message=Message(text="x"), view=TextView("x"), config=guard.config)
    assert ctx.profile.link_policy == "whitelist"
    ctx = CheckContext(
        message=Message(text="x", platform="dingtalk"), view=TextView("x"), config=guard.config
    )
    assert ctx.profile.name == "dingtalk"


def test_users_override_a_profile_and_define_their_own() -> None:
    guard = Guard(
        select=["WX7"],
        profiles={
            "wechat": {"max-repeats": 2},
            "ops-robot": {
                "base": "wecom",
                "rate_limits": [
                    {
                        "per": "minute",
                        "limit": 5,
                        "scope": "group",
                        "channel": "our robot",
                        "source": "team policy",
                    }
                ],
            },
        },
        platform="ops-robot",
    )
    robot = profile_for(guard.config, "ops-robot")
    assert (
        robot.link_policy == "whitelist"
        and robot.recall_minutes == 1440
        and robot.rate_limits[0].limit == 5
    )
    assert profile_for(guard.config, "wechat").max_repeats == 2
    log = SendLog()
    t0 = datetime(2024, 5, 7, 20, 0)
    for i in range(5):
        log.record(Message(text=f"告警{i}", group="ops", send_at=t0 + timedelta(seconds=i)))
    report = guard.check(
        Message(text="告警5", group="ops", send_at=t0 + timedelta(seconds=5)), log=log
    )
    assert [v.rule for v in report.violations] == ["WX702"] and "our robot" in report.violations[
        0
    ].message
    for i in range(2):
        log.record(Message(text="同一条", group="chat", send_at=t0 + timedelta(seconds=i)))
    repeat = Message(
        text="同一条", group="chat", platform="wechat", send_at=t0 + timedelta(seconds=3)
    )
    assert [v.rule for v in guard.check(repeat, log=log).violations] == ["WX701"]


def test_profiles_from_a_config_file(tmp_path: Path) -> None:
    path = tmp_path / "wxguard.toml"
    path.write_text(
        'platform = "shop-bot"\n'
        'campaign-keywords = ["双十一"]\n'
        "[format]\nparagraph-lines = 2\n"
        '[profiles.shop-bot]\nbase = "dingtalk"\ntext-limit = 500\n',
        encoding="utf-8",
    )
    guard = Guard.from_config(path)
    assert guard.config.platform == "shop-bot" and guard.config.format.paragraph_lines == 2
    assert {v.rule for v in guard.check("好" * 501).violations if v.rule.startswith("WX6")} == {
        "WX601",
        "WX608",
    }


@pytest.mark.parametrize(
    ("profiles", "pattern"),
    [
        ({"x": {"base": "qq"}}, "profiles: profile 'x': unknown base 'qq'"),
        ({"x": {"text-limit": 0}}, "profiles.x.text-limit"),
        ({"x": {"link-policy": "open"}}, "profiles.x.link-policy"),
        ({"x": {"recall-minute": 3}}, "profiles.x.recall-minute"),
        (
            {
                "x": {
                    "rate-limits": [
                        {
                            "per": "second",
                            "limit": 1,
                            "scope": "group",
                            "channel": "c",
                            "source": "s",
                        }
                    ]
                }
            },
            "profiles.x.rate-limits.0.per",
        ),
        ({"X Y": {}}, "profiles.X Y.name"),
        ({"x": 3}, "profiles.x"),
    ],
)
def test_bad_user_profiles_name_the_key(profiles: dict[str, object], pattern: str) -> None:
    with pytest.raises(ConfigError, match="^" + pattern.replace(".", "\\.").replace("(", "\\(")):
        Guard(profiles=profiles)


def test_an_unknown_profile_file_key_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "wxguard.toml"
    path.write_text("[profiles.x]\nmax-repeat = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"wxguard\.toml:\d+: profiles\.x\.max-repeat"):
        Guard.from_config(path)


def test_guards_with_user_profiles_pickle() -> None:
    import pickle

    guard = Guard(profiles={"mine": {"base": "wecom", "max-repeats": 3}}, platform="mine")
    clone = pickle.loads(pickle.dumps(guard))
    assert profile_for(clone.config, "mine").max_repeats == 3


def test_docs_state_every_bundled_number() -> None:
    doc = DOCS.read_text(encoding="utf-8")
    for profile in bundled().profiles.values():
        assert (
            f"`{profile.name}`" in doc
            and profile.link_policy in doc
            and profile.read_receipt in doc
        )
        for cap in profile.rate_limits:
            assert cap.source in doc or cap.source.startswith("sources.md#")
    for schedule in bundled().industries.values():
        assert str(schedule.window) in doc
