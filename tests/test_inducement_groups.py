"""WX3 on group messages of six kinds (lotteries, 集赞, assist counts, bought votes, chain
letters, share-to-claim) and on traps with the same words: ``tests/data/inducement/groups.toml``."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wxguard import Guard, Severity, Verdict

DATA = Path(__file__).parent / "data" / "inducement" / "groups.toml"
KINDS = ("lottery", "likes", "assist", "vote", "chain", "claim", "framed")


def _cases() -> dict[str, dict[str, list[object]]]:
    data = tomllib.loads(DATA.read_text("utf-8"))
    assert tuple(data) == KINDS, f"{DATA}: tables {list(data)}, expected {list(KINDS)}"
    for kind, table in data.items():
        for key in ("found", "judged"):
            for entry in table.get(key, []):
                ok = (
                    isinstance(entry, list)
                    and len(entry) == 3
                    and all(isinstance(x, str) for x in entry)
                )
                assert ok and entry[1] in entry[2], f"{DATA} [{kind}] {key}: bad entry {entry!r}"
    return data


CASES = _cases()
FOUND = [(kind, *entry) for kind, table in CASES.items() for entry in table.get("found", [])]
JUDGED = [(kind, *entry) for kind, table in CASES.items() for entry in table.get("judged", [])]
PASSES = [(kind, text) for kind, table in CASES.items() for text in table.get("passes", [])]


@pytest.fixture(scope="module")
def wx3() -> Guard:
    return Guard(select=["WX3"])


def test_the_set_is_large_and_every_kind_has_traps() -> None:
    assert len(FOUND) >= 150 and len(PASSES) + len(JUDGED) >= len(FOUND)
    for kind in KINDS:
        assert any(k == kind for k, *_ in FOUND) and any(k == kind for k, _ in PASSES)


@pytest.mark.parametrize(("kind", "rule", "span", "text"), FOUND)
def test_inducement_is_an_error_on_its_span(
    wx3: Guard, kind: str, rule: str, span: str, text: str
) -> None:
    start = text.index(span)
    errors = {  # with the findings a mark on the same words absorbed (one problem, one mark)
        (w.rule, w.start, w.end)
        for v in wx3.check(text).violations
        for w in (v, *v.also)
        if w.severity is Severity.ERROR
    }
    assert (rule, start, start + len(span)) in errors


@pytest.mark.parametrize(("kind", "text"), PASSES)
def test_the_same_words_in_ordinary_messages_pass(wx3: Guard, kind: str, text: str) -> None:
    assert wx3.check(text).violations == ()


@pytest.mark.parametrize(("kind", "rule", "span", "text"), JUDGED)
def test_an_offer_quoted_in_a_warning_is_judged_not_blocked(
    wx3: Guard, kind: str, rule: str, span: str, text: str
) -> None:
    report = wx3.check(text)
    start = text.index(span)
    judged = [
        v for v in report.violations if (v.rule, v.start, v.end) == (rule, start, start + len(span))
    ]
    assert judged and judged[0].severity is Severity.INFO
    assert "反诈、辟谣或新闻报道语境" in judged[0].message
    assert report.verdict is Verdict.PASS


@pytest.mark.parametrize(
    "text",
    [
        "麻烦大家帮忙投个票，投完私我领个小红包哈",
        "帮我家孩子投一票吧，投完给你发个小红包",
        "帮忙投个票，投完私我领小红包感谢",
        "谢谢大家帮忙投票，投了的私我领小红包",
    ],
)
def test_a_vote_asked_of_friends_with_a_thank_you_is_for_review(wx3: Guard, text: str) -> None:
    """Issue 14: WX305's catalog entry is about campaigns that reward the number of people
    invited and are stopped from spreading; friends asked for a vote and thanked with a small
    red packet are neither, so the catalog's case ``thanks`` makes it a review, not a block."""
    report = wx3.check(text)
    assert report.verdict is Verdict.REVIEW
    (v,) = report.violations
    assert (v.rule, v.severity) == ("WX305", Severity.WARNING)
    assert v.message.startswith("拉票并许以酬谢") and v.consequence.startswith("待人工确认")


@pytest.mark.parametrize(
    "text",
    [
        "帮忙投个票，每票一个小红包",  # a rate per vote
        "麻烦帮我家孩子投一票，投完截图发我，发个红包感谢",  # a screenshot to claim with
        "帮忙投五票，投完私我领小红包",  # a quota
        "点击链接投票，投完私我领小红包",  # a link
        "帮忙投个票，投完私我领5元小红包",  # an amount
    ],
)
def test_a_vote_campaign_with_a_small_red_packet_stays_an_error(wx3: Guard, text: str) -> None:
    assert wx3.check(text).verdict is Verdict.BLOCK


@pytest.mark.parametrize(
    ("text", "span", "message"),
    [
        (
            "投票拉票：每投一票返现1元，私聊我",
            "每投一票返现1元",
            "诱导投票：以「返现1元」换取「每投一票」",
        ),
        (
            "帮我家宝宝投一票，投完截图给我，发红包感谢",
            "投一票，投完截图给我，发红包",
            "诱导投票：以「发红包」换取「投一票」",
        ),
    ],
)
def test_a_bought_vote_is_named_as_one_from_the_vote_asked_for(
    wx3: Guard, text: str, span: str, message: str
) -> None:
    """New-user trial, session 7: bought votes were called 好友助力/邀请 with the fix for
    invitation campaigns, quoting 「每投」 or 「投完」, and the mark left out the vote asked for."""
    (v,) = wx3.check(text).violations
    assert (v.rule, v.severity, v.text, v.message) == ("WX305", Severity.ERROR, span, message)
    assert "投票" in v.suggestion and "邀请" not in v.suggestion


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "帮我家孩子投一票，每天可以投三次，链接在这：https://vote.example.com/123",
            "帮我家孩子投一票，每天可以投三次",
        ),
        (
            "我家孩子参加了市里的绘画比赛，麻烦大家帮忙投一票，每人每天可以投5票，谢谢！",
            "帮忙投一票，每人每天可以投5票",
        ),
        ("给我们班投一票吧，第18号，一天能投十次", "给我们班投一票吧，第18号，一天能投十次"),
        ("求投票！我家宝贝12号，每天能投3票，拜托了", "求投票！我家宝贝12号，每天能投3票"),
        ("帮忙给我朋友的店投一票 https://vote.example.com/12", "帮忙给我朋友的店投一票 https"),
        ("萌宝大赛，帮我女儿投个票，链接：vote.example.com/8，谢谢大家", "帮我女儿投个票，链接"),
        ("拉票拉票🙏 帮我家孩子投一票，一天可以投五次哦", "帮我家孩子投一票，一天可以投五次"),
        ("幫我家孩子投一票，每天可以投三次", "幫我家孩子投一票，每天可以投三次"),
    ],
)
def test_canvassing_votes_with_a_link_or_repeated_votes_is_for_review(
    wx3: Guard, text: str, span: str
) -> None:
    """New-user trial s12: a vote asked for one's own entry with the link to vote at, or with
    votes to cast again and again (每天可以投三次), passed. It is the 拉票 of vote contests, a
    friend-assist campaign in all but the reward: for a person to look at, not a block."""
    report = wx3.check(text)
    assert report.verdict is Verdict.REVIEW
    (v,) = report.violations
    assert (v.rule, v.severity, v.text) == ("WX308", Severity.WARNING, span)
    assert v.message.startswith("拉票")


@pytest.mark.parametrize(
    "text",
    [
        "班委选举明天投票",
        "业委会选举投票链接：https://vote.example.com/1 ，请各位业主本周内完成投票",
        "春游地点投票，大家点链接投一下：https://wj.qq.com/s/1",
        "关于团建地点，请大家在群里投票，每人可以投两票",
        "新闻：央视春晚最喜爱节目评选开启，观众每天可投三次票",
        "投票规则：每人每天可以投三次，结果周五公布",
        "请为我校参赛作品投票，每天可投一次，谢谢支持",
        "给我们班投票的家长，谢谢你们，我们班拿了第一",
        "把投票链接转发给亲戚朋友，帮我们学校拉拉票",
        "本群禁止拉票，每天可以投三次的那种链接发了就移出",
        "我帮你投了三票，不用谢",
        "爸妈帮我投一票吧，谢谢啦",
        "大家帮忙投票选一下春游地点，链接在群公告",
    ],
)
def test_votes_without_canvassing_pass(wx3: Guard, text: str) -> None:
    assert wx3.check(text).violations == ()


def test_a_vote_bought_while_canvassing_is_one_error() -> None:
    """The reward makes it the bought vote (WX305): the canvassing is no second mark."""
    text = "帮我家孩子投一票，每天可以投三次，投完截图私我领红包，链接：https://vote.example.com/1"
    (v,) = Guard(select=["WX3"]).check(text).violations
    assert (v.rule, v.severity) == ("WX305", Severity.ERROR)
    assert [w.rule for w in v.also] == []
