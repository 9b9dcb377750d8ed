"""Linear time on hostile input in the families (timed as ``tests/linear.py`` says): the
patterns of issue 16's audit and their neighbours. ``benchmarks/bench_hostile.py`` holds the
absolute budget (seconds per MB) for these and more."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wxguard import Guard

from .linear import BOUND, growth

# Timing ×1 and ×4 inputs takes minutes: `pytest -m "not slow"` leaves them to CI.
pytestmark = pytest.mark.slow

GUARDS = {
    family: Guard(select=[family]) for family in ("WX1", "WX2", "WX3", "WX4", "WX5", "WX8")
} | {"all": Guard()}

# A spam line of every kind at once (bench_hostile.py's), repeated to make a long message.
SPAM = (
    "关注公众号领红包，转发到3个群即可免费领取！加微信 wx_abc123 咨询，点击 http://a.cn/x?id=1 注册送88元，"
    "代开发票，出售冰毒，量大从优。请登录 www.bank-icbc.com.cn 输入银行卡号和验证码。客服电话 13800138000，"
    "限时特价全场5折，扫码进群抽iPhone，集赞满30个送面膜。b a n 假 证 一条龙，微 信：abc_123。"
)

CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    # every reward tried for every action, and every join against every kept one
    # every offer word asked of every claim and every quotation (review s16: ×8000 took 10 s)
    "training claims in one run": ("WX4", lambda n: "90%的学员考上" * n),
    "分享到3个群，× n": ("WX3", lambda n: "分享到3个群，" * n),
    "dense inducement words": ("WX3", lambda n: "转发领红包，关注即可抽奖，邀请3位好友助力，" * n),
    # overlapping bank hits restarted one digit on, each read to the end of the run
    "digit run in a count": ("WX3", lambda n: "分享到" + "3" * n + "个群"),
    "digit run, no count": ("WX3", lambda n: "分享到" + "3" * n + "个"),
    "Chinese numeral run": ("WX3", lambda n: "分享到" + "三" * n + "个群"),
    "多一 run": ("WX3", lambda n: "分享到" + "多一" * n + "个群"),
    # canvassing: each vote asked for tested against the polls' exempt phrases
    "canvassing and polls": ("WX3", lambda n: "帮我投一票，链接，帮忙投票选一下，链接，" * n),
    # pinyin among characters: every join and each of its characters asked of every run
    "pinyin-spelt offers": ("WX3", lambda n: "转fa到wu个群，jie图找我领hong包。" * n),
    "pinyin bargains": ("WX3", lambda n: "帮我kan一刀，" * n),
    # a bare domain tried from every letter of a run the start guard did not know
    "é run then x.": ("WX2", lambda n: "é" * n + "x."),
    "λ run then x.": ("WX2", lambda n: "λ" * n + "x."),
    "ж run then x.": ("WX2", lambda n: "ж" * n + "x."),
    "éa run then x.": ("WX2", lambda n: "éa" * n + "x."),
    # spoofed links: the text up to each one compacted again to place it in the clauses
    "spoofed links": ("WX2", lambda n: "https://www.icbc.com.cn.evil.top/ " * n),
    "spoofed links quoted in a warning": ("WX2", lambda n: "谨防诈骗 http://icbc-verify.top/ " * n),
    "defanged links in a warning": ("WX2", lambda n: "反诈提醒：verify-account[.]top，" * n),
    "notice asks between spoofs": (
        "WX2",
        lambda n: "谨防诈骗，请登录 https://www.12306.cn.x.top/ 验证，" * n,
    ),
    # trade offers: every contact, exact spelling, warning and word-list finding of the
    # message read again for each join
    "realistic spam line (WX1)": ("WX1", lambda n: SPAM * n),
    "invoice offers with a contact": ("WX1", lambda n: "代开发票，加微信 wx_abc123 咨询，" * n),
    # emoji read as product words: the copy of the message read for offers again
    "emoji offers": ("WX1", lambda n: "出售🔫，私聊，💊懂的来，" * n),
    # the frame judge: every cue, contact and title of a long sentence listed for each finding
    "warnings in one sentence": ("WX1", lambda n: "谨防有人出售冰毒 " * n),
    # each clause's sale governed by its own warning: every clause asked for every finding
    "warnings clause by clause": ("WX1", lambda n: "谨防有人出售冰毒，" * n),
    # offers each governed by a prohibition in its own clause, away from every finding
    "prohibited offers clause by clause": ("WX1", lambda n: "谨防有人出售冰毒，切勿加微信，" * n),
    "prohibitions with contacts": ("WX1", lambda n: "严禁出售冰毒，加微信abc_123 " * n),
    "book titles": ("WX1", lambda n: "《出售冰毒》 " * n),
    # joins a term marks that still compete for their places with another join of the rule
    "marked offers that compete": ("WX1", lambda n: "出售冰毒海洛因 " * n),
    # one mark absorbs every WX104 of the sentence: its note and fixes read each of them
    "disguised words": ("WX1", lambda n: "冰\u200b毒 辦假證 b a n 假 证 " * n),
    # scams: every kept join and channel, and every warning, against each new one
    "realistic spam line (WX8)": ("WX8", lambda n: SPAM * n),
    # the audit's 1 MB spam line took 131 s through the API: every family at once
    "realistic spam line (every family)": ("all", lambda n: SPAM * n),
    "frozen accounts with channels": (
        "WX8",
        lambda n: (
            "您的银行卡已冻结，请点击 http://a.cn/x 解冻，客服 13800138000，微信 abc_123，" * n
        ),
    ),
    "scams in a warning": (
        "WX8",
        lambda n: "反诈提醒：您的账户已冻结，请联系 13800138000 处理，" * n,
    ),
    # scams under anti-fraud labels: each join's sentence asked for its cues and asks
    "scams under a label": (
        "WX8",
        lambda n: "【反诈中心】您涉嫌洗钱，请立即按9转人工。" * n,
    ),
    # one long sentence of them, commas only: a sentence's label and channels judged once,
    # not again for each of its joins (×18 time for ×4 length)
    "scams under a label, one sentence": (
        "WX8",
        lambda n: "【反诈中心】你涉嫌一起洗钱案件，请立即将资金转入安全账户，" * n,
    ),
    # a warning quoting scams: the text up to each join read again for its quotation marks
    "quoted scams in a warning": (
        "WX8",
        lambda n: (
            "提醒：谨防诈骗，骗子常说“您的账户已冻结，请联系 13800138000 处理”，不要理会。" * n
        ),
    ),
    # the joins of one sentence asking the reader with warning words around them, a told
    # script among them: each join's clauses and the sentence before them read once
    "asked scams among warning words, one sentence": (
        "WX8",
        lambda n: "为防诈骗，请提供您的银行卡号和验证码，骗子会说：请将资金转入安全账户，" * n,
    ),
    # a notice typed a phrase a line: the line breaks that run on placed in one pass
    "a notice a phrase a line": (
        "WX8",
        lambda n: "近期有不法分子冒充客服\n要求业主提供银行卡号和验证码\n" * n,
    ),
    # two clauses meeting at a term's letters, again and again
    "terms across clause breaks": ("WX1", lambda n: "正规发票，代开的发票不予报销，" * n),
    # WX511: a name heading a line was tried after every line break, each reading all the
    # blank lines after it (a Markdown code block is masked to such lines)
    # numbers spelled in numerals: a run is read from its start only, its Arabic part once
    "Arabic digits spaced, then a numeral": ("WX5", lambda n: "1 " * n + "壹"),
    "Arabic and capital digits": ("WX5", lambda n: "1壹" * n),
    "six-digit runs of numerals": ("WX5", lambda n: "壹贰叁肆伍陆，" * n),
    "line breaks": ("WX5", lambda n: "\n" * n),
    "line breaks then a child": ("WX5", lambda n: "\n" * n + "我家孩子叫王小明，三年级二班"),
    "blank lines": ("WX5", lambda n: " \n" * n),
    # WX511's class-group cases: every sentence a request, every clause a ranked pupil
    "papers asked for, sentence by sentence": (
        "WX5",
        lambda n: "请家长把孩子身份证号发到群里。" * n,
    ),
    "a long ranking": ("WX5", lambda n: "期中考试排名：" + "第一名 王小明 98分，" * n),
    # WX107's curses with an order out, WX1's drug questions
    "curses with orders out": ("WX1", lambda n: "你妈的，滚出去，" * n),
    "drug questions": ("WX1", lambda n: "什么是冰毒，" * n),
}


@pytest.mark.parametrize("name", list(CASES))
def test_families_are_linear(name: str) -> None:
    family, make = CASES[name]
    guard = GUARDS[family]
    ratio, n = growth(make, guard.check)
    assert ratio < BOUND, f"{name}: ×4 input took ×{ratio:.1f} (n={n})"


def test_counts_and_domains_are_still_found() -> None:
    wx3 = GUARDS["WX3"]
    for text in (
        "分享到3个群即可领取",
        "分享到三个群即可领取",
        "分享到100个群即可领取",
        "每转发一次多一次抽奖机会",
    ):
        assert [v.rule for v in wx3.check(text).violations], text
    assert [v.text for v in GUARDS["WX2"].check("访问 www.bаidu-login.cn 领取").violations]
    assert [v.rule for v in GUARDS["WX1"].check("代开发票，加微信 wx_abc123 咨询").violations]
    wx8 = GUARDS["WX8"]
    assert [v.rule for v in wx8.check("您的账户已冻结，请联系 13800138000 处理").violations]
    assert [
        v.rule for v in wx8.check("反诈提醒：您的账户已冻结，请联系 13800138000 处理").violations
    ]
    quoted = "提醒：谨防诈骗，骗子常说“您的账户已冻结，请联系 13800138000 处理”，不要理会。"
    assert [(v.rule, v.frame) for v in wx8.check(quoted).violations] == [("WX801", "warned")]
