"""WX2 in notices about scams: a warning that quotes a bad link names it to warn, so every
finding on the link is lowered with the reason (kind ``quoted-link``, a warning: the link it
sends can still be tapped); a link written so it cannot be tapped (``[.]``, 点) is how a
notice should name it (kind ``defanged-link``, info). A scam dressed as a notice (it asks
the reader to open the link) keeps every severity."""

from __future__ import annotations

import pytest

from wxguard import Guard, Severity, Verdict

WX2 = Guard(select=["WX2"])


def _marks(guard: Guard, text: str) -> list[tuple[str, Severity, str | None]]:
    return [(v.rule, v.severity, v.frame) for v in guard.check(text).violations]


@pytest.mark.parametrize(
    "text",
    [
        "警方提醒：近期有人冒充工行发送 http://icbc-verify.top/login 钓鱼链接，请勿点击。",
        "反诈中心提醒：收到 http://www.icbc.com.cn@evil.top 这类链接的短信都是诈骗",
        "警惕 https://paypa1.com/signin 这类钓鱼网站",
    ],
)
def test_a_notice_quoting_a_phishing_link_asks_for_review(text: str) -> None:
    report = WX2.check(text)
    assert report.verdict is Verdict.REVIEW
    spoof = [v for v in report.violations if v.rule == "WX208"]
    assert [(v.severity, v.frame) for v in spoof] == [(Severity.WARNING, "quoted-link")]
    assert "反诈提醒中" in spoof[0].message


def test_every_error_on_a_quoted_link_is_lowered_not_only_the_spoof() -> None:
    strict = Guard(select=["WX2"], severity={"WX201": "error", "WX205": "error"})
    text = "警方提示：http://bit.ly/abc 这类短链接都是诈骗，不要点"
    # one link, one mark: the short link leads and carries the http finding, both lowered
    (mark,) = strict.check(text).violations
    assert [(v.rule, v.severity, v.frame) for v in (mark, *mark.also)] == [
        ("WX205", Severity.WARNING, "quoted-link"),
        ("WX201", Severity.WARNING, "quoted-link"),
    ]
    (mark,) = strict.check("点此 http://bit.ly/abc 领取").violations
    assert {mark.rule, *mark.also_codes} == {"WX201", "WX205"}
    assert strict.check("点此 http://bit.ly/abc 领取").verdict is Verdict.BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "反诈提醒：verify-account[.]top 是钓鱼网站，请勿访问",
        "警惕！icbc.com.cn.verify-account[.]top 是冒充工行的钓鱼网站",
        "防骗提醒：收到 icbc-verify(dot)top 这类网址的短信都是诈骗",
        "谨防诈骗：www［.］icbc-verify［.］top 是假网站",
    ],
)
def test_a_defanged_link_in_a_notice_is_information(text: str) -> None:
    report = WX2.check(text)
    assert report.verdict is Verdict.PASS
    assert report.violations and all(
        (v.severity, v.frame) == (Severity.INFO, "defanged-link") for v in report.violations
    )


def test_a_defanged_link_outside_a_notice_is_still_a_disguise() -> None:
    assert _marks(WX2, "加我领取 verify-account[.]top") == [("WX207", Severity.ERROR, None)]


@pytest.mark.parametrize(
    "text",
    ["谨防诈骗，icbc-verify点top 领取补贴", "谨防诈骗：w w w . i c b c - v e r i f y . t o p"],
)
def test_spams_own_disguises_are_not_defanging(text: str) -> None:
    """点, 。 and spaced letters are how spam hides a link from filters: in a notice the link
    is quoted (a warning), not defanged (information)."""
    report = WX2.check(text)
    assert report.verdict is Verdict.REVIEW
    assert {v.frame for v in report.violations} == {"quoted-link"}


def test_a_partly_defanged_link_still_opens_its_domain() -> None:
    """icbc[.]com.cn.evil.top: what an app links is com.cn.evil.top, the phishing domain."""
    marks = _marks(WX2, "反诈提醒：icbc[.]com.cn.evil.top 是钓鱼网站")
    assert marks and all(frame == "quoted-link" for _, _, frame in marks)


@pytest.mark.parametrize(
    "text",
    [
        "【反诈提醒】\nhttps://www.12306.cn.refund-help.com/ 这个网址是假的，大家注意",
        "反诈提醒\n近期冒充铁路客服的短信增多。\nhttps://www.12306.cn.refund-help.com/ 不是官网",
    ],
)
def test_a_heading_on_its_own_line_frames_the_links_below_it(text: str) -> None:
    report = WX2.check(text)
    assert report.verdict is Verdict.REVIEW
    assert [(v.frame, v.severity) for v in report.violations] == [("quoted-link", Severity.WARNING)]
    assert "「反诈」" in report.violations[0].message


@pytest.mark.parametrize(
    "text",
    [
        # an ask in the link's sentence
        "反诈提醒：您的账户存在异常，请登录 verify-account[.]top 验证",
        "谨防诈骗，请登录 http://icbc-verify.top/login 验证",
        "【反诈提醒】\n您的账户异常，请登录 https://www.12306.cn.refund-help.com/ 验证",
        # under a heading alone, an ask anywhere in the message
        "【反诈提醒】\n您的账户异常，请点击下方链接验证。\nhttps://www.12306.cn.refund-help.com/",
        # a heading too long to be one is a sentence of its own
        "国家反诈中心温馨提示您本人的银行账户近期存在异常交易风险需要立即处理\nhttps://icbc-verify.top/",
    ],
)
def test_phishing_dressed_as_a_notice_stays_an_error(text: str) -> None:
    report = WX2.check(text)
    assert report.verdict is Verdict.BLOCK
    assert all(v.frame is None for v in report.violations)


def test_frames_off_keeps_the_notices_errors() -> None:
    text = "反诈提醒：verify-account[.]top 是钓鱼网站，请勿访问"
    assert _marks(Guard(select=["WX2"], frames=False), text) == [("WX207", Severity.ERROR, None)]


def test_many_quoted_links_in_one_notice_are_each_judged() -> None:
    text = "谨防诈骗：" + " 和 ".join(f"https://www.icbc.com.cn.evil{i}.top/" for i in range(50))
    marks = _marks(WX2, text)
    assert len(marks) == 50 and all(m == ("WX208", Severity.WARNING, "quoted-link") for m in marks)
