"""``allow``: phrases (and ``/regex/``) never to flag, whichever family found them.

A finding is dropped when one allowed occurrence covers its whole span; findings that match
no text (attachments, cadence) are never dropped. One case per family."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from wxguard import Guard, Message, SendLog

from .clitools import Cli


def rules(guard: Guard, text: str) -> list[str]:
    return [v.rule for v in guard.check(text).violations]


@pytest.mark.parametrize(
    ("family", "text", "allowed", "found"),
    [
        ("WX1", "出售冰毒，量大从优", "出售冰毒", ["WX104"]),
        ("WX2", "戳 https://t.cn/A6abcd", "https://t.cn/A6abcd", ["WX205"]),
        ("WX3", "转发本消息到朋友圈即可领取红包", "转发本消息到朋友圈即可领取红包", ["WX301"]),
        # one mark per span: the missing label is marked beside the absolute term, not on it
        ("WX4", "全网最低价，买到就是赚到", "全网最低价，买到就是赚到", ["WX401", "WX402"]),
        ("WX5", "联系电话15912340000", "15912340000", ["WX501"]),
        (
            "WX6",
            "BUY NOW LIMITED OFFER TODAY",
            "buy now limited offer today",
            ["WX603"],
        ),  # folded: case
    ],
)
def test_an_allowed_phrase_covering_the_finding_drops_it(
    family: str, text: str, allowed: str, found: list[str]
) -> None:
    assert sorted(rules(Guard(select=[family]), text)) == found
    assert rules(Guard(select=[family], allow=[allowed]), text) == []


@pytest.mark.parametrize(
    ("family", "text", "allowed"),
    [
        ("WX2", "戳 https://t.cn/A6abcd", "/https://t\\.cn/\\w+/"),
        ("WX3", "转发本消息到朋友圈即可领取红包", "/转发.*红包/"),
        ("WX5", "联系电话15912340000", "/联系电话\\d{11}/"),
    ],
)
def test_an_allowed_regex_drops_what_it_covers(family: str, text: str, allowed: str) -> None:
    assert rules(Guard(select=[family]), text) != []
    assert rules(Guard(select=[family], allow=[allowed]), text) == []


def test_a_phrase_that_covers_only_part_of_a_finding_keeps_it() -> None:
    assert rules(Guard(select=["WX3"], allow=["朋友圈"]), "转发本消息到朋友圈即可领取红包") == [
        "WX301"
    ]
    assert rules(Guard(select=["WX5"], allow=["1591234"]), "联系电话15912340000") == ["WX501"]


def test_full_width_and_traditional_forms_fold_for_phrases() -> None:
    assert (
        rules(Guard(select=["WX5"], allow=["15912340000"]), "聯繫電話１５９１２３４００００") == []
    )


def test_cadence_and_attachment_findings_are_never_allowed_away() -> None:
    """WX7 (and WX606/WX607) findings match no text: allow cannot cover them."""
    guard = Guard(select=["WX7"], allow=["今晚八点直播，准时开始"])
    log = SendLog()
    start = datetime(2024, 5, 7, 20, 0)
    for i in range(5):
        log.record(
            Message(text="今晚八点直播，准时开始", send_at=start + timedelta(minutes=i), group="g")
        )
    message = Message(
        text="今晚八点直播，准时开始", send_at=start + timedelta(minutes=6), group="g"
    )
    assert "WX701" in [v.rule for v in guard.check(message, log=log).violations]


def test_allow_from_the_configuration_file(cli: Cli) -> None:
    cli.write("wxguard.toml", 'select = ["WX5"]\nallow = ["15912340000"]\n')
    cli.write("a.txt", "手机号码15912340000\n手机号码15912340001\n")
    assert cli("check", "a.txt").findings == ["a.txt:2:5: WX501 [warning] 包含手机号码"]
