"""One problem, one mark (issue 14 item 3): findings of several rules on the same words for
one problem are one finding that names the others; select, ignore, per-file ignores and
suppression comments still act on each code; anchors (where a fix goes) stay off problems."""

from __future__ import annotations

from hypothesis import given, settings

from wxguard import Guard, Severity, Violation
from wxguard.marks import merge, parts

from .clitools import Cli
from .linear import BOUND, growth
from .strategies import MIXED

# Lines in the style of the spam and FBS rows where several rules stacked on one span.
GAMBLING_SOUND_ALIKE = "通知恭喜您受邀资格，首存送8百榢乐电子游戏"
GAMBLING_LURE = "某地银河娱乐场已开通网上博彩，注册送8元筹码，提款快"
PAYMENT = "农行卡号:6222021234567890123  户名:徐阳杰"
TWO_ACTIONS = "关注和分享微信公众号并下载安装爱流量客户端均可轻松享百兆流量红包"
# Two problems on one link, with different fixes: both stay.
PLAIN_LINK = "天羽米砖团购价99元 http://s.example.com/a"
GUARD = Guard()


def _top(text: str, guard: Guard = GUARD) -> list[tuple[str, tuple[str, ...]]]:
    return [(v.rule, tuple(w.rule for w in v.also)) for v in guard.check(text).violations]


def _overlapping(text: str, guard: Guard = GUARD) -> list[tuple[str, str]]:
    vs = guard.check(text).violations
    return [
        (a.rule, b.rule)
        for i, a in enumerate(vs)
        for b in vs[i + 1 :]
        if a.start < b.end and b.start < a.end
    ]


def test_a_sound_alike_is_one_mark_with_the_term_it_spells() -> None:
    (kept,) = [v for v in GUARD.check(GAMBLING_SOUND_ALIKE).violations if v.also]
    assert kept.rule == "WX103" and [w.rule for w in kept.also] == ["WX109"]
    assert "同一处也属于 WX109（谐音或拼音变体）" in kept.message
    (alike,) = kept.also
    assert alike.text == "百榢乐" and alike.severity is Severity.WARNING
    assert not _overlapping(GAMBLING_SOUND_ALIKE)


def test_an_illegal_offers_lure_is_not_also_an_induced_click() -> None:
    assert ("WX103", ("WX307",)) in _top(GAMBLING_LURE)
    assert not _overlapping(GAMBLING_LURE)


def test_the_number_an_illegal_offer_gives_is_the_offers_mark() -> None:
    text = "淡水新装五星酒店隆重推出【莞式一条龙服务】新到佳丽百名，欢迎前来体验，13812345678"
    assert ("WX102", ("WX501",)) in _top(text)
    assert not _overlapping(text)
    assert "13812345678" not in GUARD.check(text).redacted()


def test_the_account_of_a_payment_demand_is_one_mark_and_is_still_redacted() -> None:
    report = GUARD.check(PAYMENT)
    assert _top(PAYMENT) == [("WX808", ("WX503",))]
    assert "6222021234567890123" not in report.redacted()


def test_one_reward_joined_to_two_actions_is_one_inducement() -> None:
    found = _top(TWO_ACTIONS)
    wx3 = [(rule, also) for rule, also in found if rule.startswith("WX3")]
    assert len(wx3) == 1 and wx3[0][1], found
    assert not _overlapping(TWO_ACTIONS)


def test_two_problems_on_one_link_keep_two_marks() -> None:
    assert {"WX201", "WX209"} <= {rule for rule, _ in _top(PLAIN_LINK)}


def test_ignoring_the_kept_rule_leaves_the_absorbed_one_standing() -> None:
    assert _top(GAMBLING_SOUND_ALIKE, Guard(select=["WX109"])) == [("WX109", ())]
    without = _top(GAMBLING_SOUND_ALIKE, Guard(ignore=["WX103"]))
    assert ("WX109", ()) in without
    assert _top(PAYMENT, Guard(ignore=["WX808"])) == [("WX503", ())]
    assert _top(PAYMENT, Guard(ignore=["WX503"])) == [("WX808", ())]


def test_a_suppression_comment_on_the_kept_code_leaves_the_absorbed_one(cli: Cli) -> None:
    cli.write("wxguard.toml", "select = ['WX5', 'WX8']\n")
    cli.write("pay.txt", PAYMENT + " wxguard: ignore[WX808]\n")
    result = cli("check", "pay.txt", "--output-format", "concise")
    assert [line.split()[1] for line in result.findings] == ["WX503"], result.out
    cli.write("pay.txt", PAYMENT + "\n")
    result = cli("check", "pay.txt")
    assert [line.split()[1] for line in result.findings] == ["WX808"], result.out


def test_per_file_ignores_of_the_kept_code_leave_the_absorbed_one(cli: Cli) -> None:
    cli.write(
        "wxguard.toml", "select = ['WX5', 'WX8']\n[per-file-ignores]\n\"pay.txt\" = ['WX808']\n"
    )
    cli.write("pay.txt", PAYMENT + "\n")
    result = cli("check", "pay.txt")
    assert [line.split()[1] for line in result.findings] == ["WX503"], result.out


def test_a_missing_label_is_anchored_off_the_problems_in_the_message() -> None:
    text = "奥门新葡京首次开通网上现金平台，开户送88体验金"
    report = GUARD.check(text)
    (label,) = [v for v in report.violations if v.rule == "WX401"]
    assert label.text == "奥门" and not _overlapping(text)


def test_every_format_shows_the_absorbed_code(cli: Cli) -> None:
    cli.write("wxguard.toml", "select = ['WX5', 'WX8']\n")
    for fmt in ("concise", "full", "github", "json", "sarif"):
        out = cli("check", "-", "--output-format", fmt, stdin=PAYMENT).out
        assert "WX503" in out and out.count("WX808") >= 1, fmt
    assert "WX503" in GUARD.check(PAYMENT).to_html()


@settings(max_examples=200, deadline=None)
@given(MIXED)
def test_taking_marks_apart_and_merging_again_gives_the_same_report(text: str) -> None:
    report = GUARD.check(text)
    flat = parts(report.violations, "zh")
    assert merge(flat, "zh") == list(report.violations)
    assert len({(v.rule, v.start, v.end) for v in flat}) == len(flat)
    assert all(not v.also for v in flat)


def _plain(start: int, end: int, rule: str, severity: Severity) -> Violation:
    return Violation.model_construct(
        rule=rule,
        name="n",
        category="c",
        severity=severity,
        start=start,
        end=end,
        text="",
        term=None,
        techniques=(),
        confidence=1.0,
        message="m",
        suggestion=None,
        consequence="c",
        frame=None,
        also=(),
        location=None,
    )


def test_merging_is_linear_even_beside_a_long_link() -> None:
    """Scams beside their card numbers and UTM-less links, and one long link over them all:
    each mark looks only at the findings near it (the first version compared every pair)."""

    def make(n: int) -> list[Violation]:
        return [
            *(_plain(10 * i, 10 * i + 3, "WX801", Severity.ERROR) for i in range(n)),
            *(_plain(10 * i + 2, 10 * i + 4, "WX503", Severity.WARNING) for i in range(n)),
            *(_plain(10 * i + 5, 10 * i + 8, "WX209", Severity.INFO) for i in range(n)),
            _plain(0, 10 * n, "WX202", Severity.WARNING),
        ]

    ratio, n = growth(make, lambda found: merge(found, "zh"))
    assert ratio < BOUND, f"×4 input took ×{ratio:.1f} (n={n})"
