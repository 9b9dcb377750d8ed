"""wxguard.redact and Report.redacted: personal information masked, everything else kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wxguard
from wxguard import Guard, WxguardError, redact
from wxguard.families.persons.redact import find_spans, redact_spans

MASKED = [
    ("联系电话15912340000", "联系电话159****0000"),
    ("手机：159 1234 0000，或 +86-159-1234-0000", "手机：159 **** 0000，或 +86-159-****-0000"),
    ("身份证11010519491231002X", "身份证110***********002X"),
    ("卡号6222 0202 0011 2233 446", "卡号6222 **** **** ***3 446"),
    ("简历发到 zhang.san@example.com。", "简历发到 z****.***@example.com。"),
    # a name of one or two letters keeps none of them: a@b.com would stay a@b.com
    ("邮箱 a@b.com 或 ab@cd.com", "邮箱 *@b.com 或 **@cd.com"),
    ("护照号E12345678", "护照号E******78"),
    ("手机１３８１２３４５６７８", "手机１３８＊＊＊＊５６７８".replace("＊", "*")),
    ("订单号 13812345678，价格 ¥99", "订单号 13812345678，价格 ¥99"),
    ("今晚八点直播", "今晚八点直播"),
    # numbers spelled in capital or mixed numerals are masked as they are written (newuser-s12)
    ("我电话是壹叁捌壹贰叁肆伍陆柒捌", "我电话是壹叁捌****伍陆柒捌"),
    ("我电话是138壹贰叁肆伍陆柒捌", "我电话是138****伍陆柒捌"),
    ("电话 一三八 一二三四 五六七八", "电话 一三八 **** 五六七八"),
]


@pytest.mark.parametrize(("text", "expected"), MASKED)
def test_mask(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_replace_and_hash() -> None:
    text = "手机 13812345678，邮箱 zhang@example.com"
    assert redact(text, "replace") == "手机 <MOBILE>，邮箱 <EMAIL>"
    hashed = redact(text, "hash")
    assert hashed.startswith("手机 <MOBILE:") and "，邮箱 <EMAIL:" in hashed
    # the same value hashes alike however it is written; a salt changes every token
    assert redact("138-1234-5678", "hash") == redact("13812345678", "hash")
    assert redact("13812345678", "hash", salt="s") != redact("13812345678", "hash")
    assert not any(c.isdigit() for c in redact("13812345678", "hash"))


def test_rules_select_what_is_redacted() -> None:
    text = "手机 13812345678，邮箱 zhang@example.com"
    assert redact(text, rules=["WX501"]) == "手机 138****5678，邮箱 zhang@example.com"
    with pytest.raises(WxguardError, match="WX510"):
        redact(text, rules=["WX510"])
    with pytest.raises(WxguardError, match="operator"):
        redact(text, "encrypt")  # type: ignore[arg-type]


def test_report_redacted_masks_what_the_report_found() -> None:
    text = "小朋友们快用爸妈手机给主播刷礼物，联系 13812345678"
    report = Guard().check(text)
    assert report.redacted() == "小朋友们快用爸妈手机给主播刷礼物，联系 138****5678"
    assert Guard(ignore=["WX501"]).check(text).redacted() == text
    assert report.redacted("replace") == "小朋友们快用爸妈手机给主播刷礼物，联系 <MOBILE>"


def test_redact_is_exported() -> None:
    assert "redact" in wxguard.__all__


PIECES = st.sampled_from(
    [
        "13812345678",
        "138 1234 5678",
        "+86 ",
        "11010519491231002X",
        "6228 4804 0256 4890 018",
        "zhang.san@example.com",
        "a@b.cn",
        "护照号",
        "E12345678",
        "手机",
        "订单号",
        "卡号",
        "。",
        "，",
        " ",
        "-",
        "*",
        "@",
        "1",
        "x",
        "好",
        "京ICP备2024077296号",
        "https://a.com/",
        "＠",
        "１３８１２３４５６７８",
        "壹叁捌",
        "一二三四",
        "伍陆柒捌",
        "幺",
        "万",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), st.sampled_from(["mask", "replace", "hash"]))
def test_redact_changes_only_the_spans_it_masks_and_is_idempotent(text: str, operator: str) -> None:
    once = redact(text, operator)  # type: ignore[arg-type]
    assert redact(once, operator) == once  # type: ignore[arg-type]
    # redact is one-pass rewriting repeated to a fixed point; each pass keeps all text
    # outside its spans, piece for piece
    current = text
    while True:
        spans = find_spans(current)
        after = redact_spans(current, spans, operator)  # type: ignore[arg-type]
        pieces, last = [], 0
        for s, e, _ in spans:
            pieces.append(current[last:s])
            last = e
        pieces.append(current[last:])
        pos = 0
        for piece in pieces:
            found = after.find(piece, pos)
            assert found >= 0
            pos = found + len(piece)
        if operator == "mask":
            assert len(after) == len(current)
            assert all(
                a == b or (b == "*" and a.isalnum()) for a, b in zip(current, after, strict=True)
            )
        if after == current:
            break
        current = after
    assert current == once


def test_numbers_glued_together_are_all_redacted() -> None:
    assert redact("11010519491231002X13812345678", "replace") == "<RESIDENT_ID><MOBILE>"
