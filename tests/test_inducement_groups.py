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
