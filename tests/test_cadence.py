"""WX7 cadence and timing with fixed clocks: every rule at its boundaries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from wxguard import Attachment, ConfigError, Guard, Message, SendLog, WxguardError
from wxguard.clock import local
from wxguard.errors import MessageError
from wxguard.families.cadence.sendlog import content_digest

UTC = UTC
TUESDAY = datetime(2024, 5, 7, 20, 0)  # naive = Beijing
CADENCE = Guard(select=["WX7"])


def rules(report: Any) -> list[str]:
    return [v.rule for v in report.violations]


def fired(report: Any) -> list[str]:
    """Every rule that fired, those one mark absorbed included."""
    return [w.rule for v in report.violations for w in (v, *v.also)]


def at(
    minutes: float = 0, text: str = "今晚八点直播，准时开始", base: datetime = TUESDAY, **kw: Any
) -> Message:
    return Message(text=text, send_at=base + timedelta(minutes=minutes), **kw)


def fill(
    log: SendLog, n: int, *, start: float = 0, step: float = 1, text: str = "消息", **kw: Any
) -> None:
    for i in range(n):
        log.record(at(start + i * step, f"{text}{i}" if text == "消息" else text, **kw))


# -- WX701 repeats --------------------------------------------------------------------
@pytest.mark.parametrize(("before", "fires"), [(4, False), (5, True), (9, True)])
def test_wx701_sixth_identical_message_in_a_row(before: int, fires: bool) -> None:
    log = SendLog()
    fill(log, before, text="双十一预售开始", group="g1")
    report = CADENCE.check(at(before, "双十一预售开始", group="g1"), log=log)
    assert ("WX701" in rules(report)) is fires
    if fires:
        v = next(v for v in report.violations if v.rule == "WX701")
        assert (v.start, v.end, v.text) == (0, 0, "") and f"第 {before + 1} 次" in v.message


def test_wx701_sees_through_trivial_edits() -> None:
    log = SendLog()
    for i, text in enumerate(
        [
            "双十一预售开始",
            "双十一 预售开始！",
            "雙十一預售開始",
            "双十一预售开始🎉🎉",
            "【双十一】预售开始",
        ]
    ):
        log.record(at(i, text, group="g1"))
    assert "WX701" in rules(CADENCE.check(at(5, "双十一，预售开始。", group="g1"), log=log))


def test_wx701_counts_in_a_row_per_group() -> None:
    log = SendLog()
    fill(log, 3, text="同一条", group="g1")
    log.record(at(3, "另一条", group="g1"))  # breaks the run
    fill(log, 2, start=4, text="同一条", group="g1")
    fill(log, 5, text="同一条", group="g2")  # another group
    assert "WX701" not in rules(CADENCE.check(at(6, "同一条", group="g1"), log=log))
    assert "WX701" in rules(CADENCE.check(at(6, "同一条", group="g2"), log=log))


# -- WX702 hourly and per-minute caps -------------------------------------------------
@pytest.mark.parametrize(("before", "fires"), [(29, False), (30, True)])
def test_wx702_thirty_first_message_in_an_hour(before: int, fires: bool) -> None:
    log = SendLog()
    fill(log, before, step=2)  # one every 2 minutes: all inside the past hour
    report = CADENCE.check(at(59), log=log)
    assert ("WX702" in rules(report)) is fires
    if fires:
        assert "第 31 条" in next(v.message for v in report.violations if v.rule == "WX702")


@pytest.mark.parametrize(
    ("age", "counts"), [(timedelta(hours=1), True), (timedelta(hours=1, microseconds=1), False)]
)
def test_wx702_window_edge_is_inclusive(age: timedelta, counts: bool) -> None:
    log = SendLog()
    log.record(Message(text="最早的一条"), sent_at=TUESDAY - age)
    fill(log, 29, start=-29)
    assert ("WX702" in rules(CADENCE.check(at(0), log=log))) is counts


def test_wx702_counts_the_senders_messages_in_every_group() -> None:
    log = SendLog()
    for i in range(30):
        log.record(at(i, f"消息{i}", group=f"g{i % 3}", sender="alice"))
    assert "WX702" in rules(CADENCE.check(at(30, group="g9", sender="alice"), log=log))
    assert "WX702" not in rules(CADENCE.check(at(30, group="g9", sender="bob"), log=log))
    assert "WX702" not in rules(CADENCE.check(at(30, group="g9"), log=log))  # no sender: the group


@pytest.mark.parametrize(
    ("platform", "before", "fires"),
    [("wecom", 19, False), ("wecom", 20, True), ("dingtalk", 20, True), ("wechat", 20, False)],
)
def test_wx702_robot_cap_of_twenty_a_minute(platform: str, before: int, fires: bool) -> None:
    log = SendLog()
    fill(log, before, step=0.05, group="robot")  # all within one minute
    report = CADENCE.check(at(before * 0.05, group="robot", platform=platform), log=log)
    assert ("WX702" in rules(report)) is fires
    if fires:
        assert "一分钟" in report.violations[0].message


# -- WX703 industry frequency ---------------------------------------------------------
@pytest.mark.parametrize(
    ("industry", "sends", "fires"),
    [
        ("ecommerce", [0, 60], True),  # third promotion today
        ("ecommerce", [-60 * 21], False),  # yesterday 23:00 does not count today
        (
            "education",
            [-60 * 24 * 1, -60 * 24 * 0.5, -60],
            True,
        ),  # Mon, Mon night, today: 4th this week
        ("education", [-60 * 24 * 2, -60 * 24 * 1, -60], False),  # Sunday belongs to last week
        ("enterprise", [-600, -300, -10], True),
        ("enterprise", [-600, -300], False),
        ("finance", [0] * 10, False),  # the seed gives no frequency
    ],
)
def test_wx703_industry_frequency(industry: str, sends: list[float], fires: bool) -> None:
    log = SendLog()
    for i, minutes in enumerate(sends):
        log.record(at(minutes, f"第{i}条", group="g1", industry=industry))
    report = CADENCE.check(at(90, group="g1", industry=industry), log=log)
    assert ("WX703" in rules(report)) is fires


def test_wx703_untagged_records_belong_to_the_guards_industry() -> None:
    shop = Guard(select=["WX703"], industry="ecommerce")
    log = SendLog()
    log.record(at(0, "一", group="g1"))
    log.record(at(1, "二", group="g1", industry="ecommerce"))
    log.record(at(2, "三", group="g1", industry="education"))
    assert rules(shop.check(at(3, group="g1"), log=log)) == ["WX703"]
    # an explicitly tagged message counts only records with its own tag
    assert rules(shop.check(at(3, group="g1", industry="education"), log=log)) == []


# -- WX704 media per day --------------------------------------------------------------
@pytest.mark.parametrize(("before", "fires"), [(49, False), (50, True)])
def test_wx704_fifty_first_image_of_the_day(before: int, fires: bool) -> None:
    log = SendLog()
    image = (Attachment(kind="image", size_bytes=1000),)
    fill(log, before, step=0.5, group="g1", attachments=image)
    assert (
        "WX704" in rules(CADENCE.check(at(100, group="g1", attachments=image), log=log))
    ) is fires
    assert "WX704" not in rules(
        CADENCE.check(at(100, group="g1"), log=log)
    )  # no media, nothing added


def test_wx704_day_starts_at_midnight_beijing_even_for_utc_input() -> None:
    log = SendLog()
    video = (Attachment(kind="video", size_bytes=1000, duration_s=10),)
    for i in range(50):  # 23:00–23:49 Beijing on Monday, 15:00 UTC
        log.record(
            Message(text=f"v{i}", attachments=video),
            sent_at=datetime(2024, 5, 6, 15, i, tzinfo=UTC),
        )
    just_after_midnight = Message(
        text="新的一天", attachments=video, send_at=datetime(2024, 5, 6, 16, 0, tzinfo=UTC)
    )
    assert "WX704" not in rules(CADENCE.check(just_after_midnight, log=log))
    last_minute = Message(
        text="还是昨天", attachments=video, send_at=datetime(2024, 5, 6, 15, 59, tzinfo=UTC)
    )
    assert "WX704" in rules(CADENCE.check(last_minute, log=log))


# -- WX705 / WX706 timing -------------------------------------------------------------
@pytest.mark.parametrize(
    ("industry", "when", "wx705", "wx706"),
    [
        (None, datetime(2024, 5, 7, 12, 0, 0), False, False),  # 12:00 sharp: the rest has not begun
        (None, datetime(2024, 5, 7, 12, 0, 1), True, False),
        (None, datetime(2024, 5, 7, 13, 29, 59), True, False),
        (None, datetime(2024, 5, 7, 13, 30, 0), False, False),
        (None, datetime(2024, 5, 7, 3, 0), False, False),  # no industry: only the rest period
        ("ecommerce", datetime(2024, 5, 7, 20, 0), False, False),
        ("ecommerce", datetime(2024, 5, 7, 21, 30), False, False),
        ("ecommerce", datetime(2024, 5, 7, 21, 30, 1), True, False),
        ("ecommerce", datetime(2024, 5, 7, 19, 59, 59), True, False),
        ("ecommerce", datetime(2024, 5, 7, 12, 30), True, False),
        ("education", datetime(2024, 5, 11, 7, 45), False, False),  # Saturday is fine for schools
        ("education", datetime(2024, 5, 7, 9, 0), True, False),
        ("enterprise", datetime(2024, 5, 7, 9, 30), False, False),
        (
            "enterprise",
            datetime(2024, 5, 7, 15, 0),
            True,
            False,
        ),  # working hours, not the best window
        (
            "enterprise",
            datetime(2024, 5, 10, 17, 0),
            True,
            False,
        ),  # Friday 17:00 still working hours
        ("enterprise", datetime(2024, 5, 10, 17, 0, 1), True, True),
        ("enterprise", datetime(2024, 5, 7, 8, 59, 59), True, True),
        ("enterprise", datetime(2024, 5, 11, 9, 30), True, True),  # Saturday
        ("enterprise", datetime(2024, 5, 5, 22, 0), True, True),  # Sunday night
        ("enterprise", datetime(2024, 5, 7, 12, 15), True, False),  # lunch: rest period
    ],
)
def test_wx705_wx706_send_windows(
    industry: str | None, when: datetime, wx705: bool, wx706: bool
) -> None:
    report = CADENCE.check(Message(text="通知", industry=industry, send_at=when))  # type: ignore[arg-type]
    found = fired(report)
    assert ("WX705" in found, "WX706" in found) == (wx705, wx706)
    assert all((v.start, v.end, v.text) == (0, 0, "") for v in report.violations)
    # one send time, one mark: outside working hours, the warning names the window too
    assert len(report.violations) == 1 or not wx706


@pytest.mark.parametrize(
    ("utc", "in_rest"),
    [
        (datetime(2024, 5, 7, 4, 0, 0, tzinfo=UTC), False),
        (datetime(2024, 5, 7, 4, 0, 1, tzinfo=UTC), True),
        (datetime(2024, 1, 7, 4, 0, 1, tzinfo=UTC), True),
        (datetime(2024, 7, 7, 5, 30, 0, tzinfo=UTC), False),
    ],
)
def test_utc_input_is_judged_in_beijing_time(utc: datetime, in_rest: bool) -> None:
    assert ("WX705" in rules(CADENCE.check(Message(text="通知", send_at=utc)))) is in_rest


def test_beijing_has_no_daylight_saving() -> None:
    for month in range(1, 13):
        assert local(datetime(2024, month, 15, 4, 0, tzinfo=UTC)).utcoffset() == timedelta(hours=8)


def test_messages_name_time_and_weekday_in_both_languages() -> None:
    sunday = Message(text="通知", industry="enterprise", send_at=datetime(2024, 5, 5, 22, 0))
    (zh,) = CADENCE.check(sunday).violations
    (en,) = Guard(select=["WX7"], lang="en").check(sunday).violations
    assert zh.message == (
        "企业通知在非工作时间 2024-05-05 22:00（周日）发送，建议工作日 09:00–17:00"
        "；同一处也属于 WX705（不在最佳发送时段或处于午休）"
    )
    assert (
        en.also[0].message
        == "send time 2024-05-05 22:00 (Sun) is outside the enterprise notices window (weekdays 09:00–10:00)"
    )
    noon = Message(text="通知", send_at=datetime(2024, 5, 7, 12, 0, 1))
    assert (
        CADENCE.check(noon).violations[0].message
        == "发送时间 2024-05-07 12:00:01（周二）处于 12:00–13:30 午休时段"
    )


# -- when the rules run ---------------------------------------------------------------
def test_plain_text_without_send_time_or_log_is_not_timed() -> None:
    assert CADENCE.check(Message(text="通知", industry="enterprise")).violations == ()


def test_a_log_supplies_now_from_its_clock() -> None:
    log = SendLog(clock=lambda: datetime(2024, 5, 5, 14, 0, tzinfo=UTC))  # Sunday 22:00 Beijing
    assert fired(CADENCE.check(Message(text="通知", industry="enterprise"), log=log)) == [
        "WX706",
        "WX705",
    ]
    log.record(Message(text="通知"))
    assert log.records()[0].sent_at.hour == 22


def test_naive_and_aware_inputs_count_the_same() -> None:
    naive, aware = SendLog(), SendLog()
    for i in range(30):
        naive.record(at(i, f"消息{i}"))
        aware.record(Message(text=f"消息{i}", send_at=datetime(2024, 5, 7, 12, i, tzinfo=UTC)))
    probe_naive = at(30)
    probe_aware = Message(text=probe_naive.text, send_at=datetime(2024, 5, 7, 12, 30, tzinfo=UTC))
    for log in (naive, aware):
        for probe in (probe_naive, probe_aware):
            assert rules(CADENCE.check(probe, log=log)) == ["WX702"]


# -- bad input ------------------------------------------------------------------------
def test_unknown_platform_or_industry_is_a_clear_error() -> None:
    with pytest.raises(
        WxguardError,
        match=r"platform: unknown platform 'weixin' \(known: dingtalk, wechat, wecom\)",
    ):
        CADENCE.check(Message(text="你好", platform="weixin"))
    with pytest.raises(ConfigError, match=r"^platform: unknown platform 'weixin'"):
        Guard(platform="weixin")
    with pytest.raises(
        MessageError, match=r"^Message\.industry: Input should be .* \(given 'retail'\)$"
    ):
        Message(text="你好", industry="retail")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"^industry"):
        Guard(industry="retail")
    with pytest.raises(MessageError, match=r"^Message\.platform: .*\(given 'WeCom'\)$"):
        Message(text="你好", platform="WeCom")
    # reading a message as data refuses it the same way (review s16)
    with pytest.raises(MessageError, match=r"^Message\.industry: .*\(given 'retail'\)$"):
        Message.model_validate({"text": "你好", "industry": "retail"})
    with pytest.raises(MessageError, match=r"^Message\.text: .*\(given 1\)$"):
        Message.model_validate_json('{"text": 1}')


def test_check_refuses_a_log_that_is_not_a_send_log() -> None:
    with pytest.raises(WxguardError, match=r"takes a SendLog, not list"):
        CADENCE.check("你好", log=[])  # type: ignore[arg-type]


def test_cadence_checks_do_not_record() -> None:
    log = SendLog()
    CADENCE.check(at(0), log=log)
    assert len(log) == 0


# -- a straightforward reference ------------------------------------------------------
SEND = st.tuples(
    st.integers(0, 60) | st.integers(230, 250),  # minutes after 20:00; midnight is at 240
    st.sampled_from(["g1", None]),
    st.sampled_from(["alice", None]),
    st.sampled_from(["同一条", "同 一 条！", "另一条"]),
    st.integers(0, 3),  # images
)


def _expected(
    sends: list[tuple[int, str | None, str | None, str, int]],
    probe: tuple[int, str | None, str | None, str, int],
) -> set[str]:
    """WX701, WX702 and WX704 by brute force over the list of sends (WeChat profile)."""
    minute, group, sender, text, images = probe
    same_group = [(i, s) for i, s in enumerate(sends) if s[1] == group and s[0] <= minute]
    same_group.sort(key=lambda item: (item[1][0], item[0]), reverse=True)
    run = 0
    for _, s in same_group:
        if content_digest(s[3]) != content_digest(text):
            break
        run += 1
    account = [s for s in sends if (s[2] == sender if sender else s[1] == group)]
    hourly = sum(1 for s in account if minute - 60 <= s[0] <= minute) + 1
    day_start = 4 * 60  # START is 20:00, so Beijing midnight is 240 minutes later
    media = (
        sum(
            s[4]
            for s in account
            if (day_start if minute >= day_start else -(10**6)) <= s[0] <= minute
        )
        + images
    )
    found = set()
    if run >= 5:
        found.add("WX701")
    if hourly > 30:
        found.add("WX702")
    if images and media > 50:
        found.add("WX704")
    return found


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 120).flatmap(lambda n: st.lists(SEND, min_size=n, max_size=n)), SEND)
def test_counting_rules_agree_with_a_brute_force_reference(sends: list[Any], probe: Any) -> None:
    guard = Guard(select=["WX701", "WX702", "WX704"])
    log = SendLog()

    def message(s: Any) -> Message:
        return at(
            s[0], s[3], group=s[1], sender=s[2], attachments=(Attachment(kind="image"),) * s[4]
        )

    for s in sends:
        log.record(message(s))
    expected = _expected(sends, probe)
    for code in sorted(expected):
        event(code)
    assert set(rules(guard.check(message(probe), log=log))) == expected
