"""Suppression directives, WX001 for unused ones, and masked regions as hard breaks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard
from wxguard.sources import FileSettings, check_text

GUARD = Guard(
    default_wordlists=False,
    words={"drugs": ["冰毒", "大麻"], "custom": ["稳赚"]},
    select=["WX1", "WX0"],
)
SETTINGS = FileSettings(GUARD, None, (), GUARD.enabled_rules)


def found(
    text: str, kind: str = "md", settings_: FileSettings = SETTINGS
) -> list[tuple[str, int, int]]:
    out = []
    for report in check_text(text, kind, settings_, "f"):  # type: ignore[arg-type]
        for v in report.violations:
            assert v.location is not None
            out.append((v.rule, v.location.line, v.location.column))
    return out


CASES = [
    # Markdown ranges
    (
        "md",
        "<!-- wxguard-disable WX104 -->\n出售冰毒\n<!-- wxguard-enable -->\n出售冰毒",
        [("WX104", 4, 3)],
    ),
    # a directive without codes hides no error: it names the errors it met (WX001 ``bare``)
    (
        "md",
        "<!-- wxguard-disable -->\n出售冰毒 稳赚\n<!-- wxguard-enable -->",
        [("WX001", 1, 1), ("WX104", 2, 3), ("WX108", 2, 6)],
    ),
    ("md", "<!-- wxguard-disable WX1 -->\n出售冰毒 稳赚", []),
    (
        "md",
        "<!-- wxguard-disable WX104, WX108 -->\n冰毒\n<!-- wxguard-enable WX104 -->\n冰毒 稳赚",
        [("WX104", 4, 1)],
    ),
    ("md", "<!-- WXGUARD-DISABLE wx104 -->\n冰毒", []),
    # next line only
    ("md", "<!-- wxguard-disable-next-line WX104 -->\n冰毒\n冰毒", [("WX104", 3, 1)]),
    (
        "md",
        "冰毒 <!-- wxguard-disable-next-line -->\n冰毒",
        [("WX104", 1, 1), ("WX001", 1, 4), ("WX104", 2, 1)],
    ),
    # directives inside lists, quotes and tables (textlint#1443)
    ("md", "- <!-- wxguard-disable-next-line WX104 -->\n- 冰毒", []),
    ("md", "> <!-- wxguard-disable-next-line WX104 -->\n> 冰毒", []),
    ("md", "| a <!-- wxguard-disable-next-line WX104 --> |\n| 冰毒 |", []),
    # unused → WX001 at the directive, naming the unused codes
    ("md", "<!-- wxguard-disable-next-line WX104 -->\n今天天气好", [("WX001", 1, 1)]),
    ("md", "正文 <!-- wxguard-disable WX104, WX108 -->\n冰毒", [("WX001", 1, 4)]),
    ("md", "<!-- wxguard-disable WX999 -->\n冰毒", [("WX001", 1, 1), ("WX104", 2, 1)]),
    ("md", "<!-- wxguard-disable-line WX104 -->\n冰毒", [("WX001", 1, 1), ("WX104", 2, 1)]),
    # a code switched off by the settings is not "unused"
    ("md", "<!-- wxguard-disable WX402 -->\n冰毒", [("WX104", 2, 1)]),
    # plain text: a trailing marker per line
    ("txt", "出售冰毒 wxguard: ignore[WX104]\n出售冰毒", [("WX104", 2, 3)]),
    ("txt", "出售冰毒 wxguard: ignore", [("WX104", 1, 3), ("WX001", 1, 6)]),
    # a code naming no family is a blanket comment by another name (review s16)
    ("txt", "出售冰毒 wxguard: ignore[WX]", [("WX104", 1, 3), ("WX001", 1, 6)]),
    ("txt", "出售冰毒 wxguard: ignore[w]", [("WX104", 1, 3), ("WX001", 1, 6)]),
    ("md", "<!-- wxguard-disable WX -->\n出售冰毒", [("WX001", 1, 1), ("WX104", 2, 3)]),
    # an error a comment naming its rule hides was refused by no blanket one beside it
    ("md", "<!-- wxguard-disable WX104 -->\n<!-- wxguard-disable -->\n冰毒", [("WX001", 2, 1)]),
    ("txt", "出售冰毒 Wxguard:Ignore[wx1]", []),
    ("txt", "出售冰毒 wxguard: ignore[WX108]", [("WX104", 1, 3), ("WX001", 1, 6)]),
    (
        "txt",
        "出售冰毒 wxguard: ignore[WX104] 之后",
        [("WX104", 1, 3), ("WX001", 1, 6)],
    ),  # not at the end: no marker
    ("txt", "今天天气好 wxguard: ignore", [("WX001", 1, 7)]),
    # two markers at a line's end each count, whichever comes last (review s16: only the last did)
    ("txt", "出售冰毒 wxguard: ignore[WX104] wxguard: ignore", [("WX001", 1, 29)]),
    ("txt", "出售冰毒 wxguard: ignore wxguard: ignore[WX104]", [("WX001", 1, 6)]),
    ("txt", "出售冰毒 wxguard: ignore[WX108] wxguard: ignore[WX104]", [("WX001", 1, 6)]),
    # a mistyped plain-text directive is reported like an unknown Markdown one, and the line is still checked
    ("txt", "出售冰毒 wxguard: ignor[WX104]", [("WX104", 1, 3), ("WX001", 1, 6)]),
    ("txt", "出售冰毒 wxguard:ignore WX104", [("WX104", 1, 3), ("WX001", 1, 6)]),
    ("txt", "出售冰毒 wxguard-disable-next-line WX104", [("WX104", 1, 3), ("WX001", 1, 6)]),
    # the second 冰毒 (no suppression: not a code) is in the first one's sentence: one mark
    ("txt", "出售冰毒 wxguard: 冰毒", [("WX104", 1, 3), ("WX001", 1, 6)]),
    ("txt", "访问 wxguard-docs 了解", []),
    ("md", "<!-- wxguard-disable-nextline WX104 -->\n冰毒", [("WX001", 1, 1), ("WX104", 2, 1)]),
    # masked regions are hard breaks: no term is stitched together across them
    ("md", "稳`code`赚", []),
    ("md", "冰[x](http://a)毒", []),
    ("md", "冰<!-- c -->毒", []),
    ("md", "稳 赚", [("WX108", 1, 1)]),
    ("md", "`稳赚` 稳赚", [("WX108", 1, 6)]),
]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES)
def test_suppression(kind: str, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert sorted(found(text, kind)) == sorted(expected)


def test_unused_message_names_the_codes() -> None:
    (report,) = check_text("正文 <!-- wxguard-disable WX104, WX108 -->\n冰毒", "md", SETTINGS, "f")
    (unused,) = [v for v in report.violations if v.rule == "WX001"]
    assert unused.message == "抑制注释未抑制任何问题：WX108"
    assert unused.text == "<!-- wxguard-disable WX104, WX108 -->"
    assert unused.severity.value == "warning"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("出售冰毒 wxguard: ignore[WX999]", "抑制注释里的规则代码不存在：WX999"),
        ("稳赚 wxguard: ignore[WX14, WX108]", "抑制注释里的规则代码不存在：WX14"),
        ("今天天气好 wxguard: ignore[WX104]", "抑制注释未抑制任何问题：WX104"),
    ],
)
def test_a_code_no_rule_has_is_named_as_unknown(text: str, message: str) -> None:
    """A typo in a code is told as one (review s16), not as a comment that went unused."""
    (report,) = check_text(text, "txt", SETTINGS, "f")
    assert [v.message for v in report.violations if v.rule == "WX001"] == [message]


def test_a_blanket_directive_names_the_errors_it_did_not_hide() -> None:
    (report,) = check_text("出售冰毒 wxguard: ignore", "txt", SETTINGS, "f")
    drug, bare = report.violations
    assert drug.rule == "WX104" and bare.rule == "WX001"
    assert bare.message == "不带规则代码的抑制注释不隐藏错误级问题：WX104"
    assert bare.suggestion is not None and "wxguard: ignore[WX104]" in bare.suggestion
    (named,) = check_text("出售冰毒 wxguard: ignore[WX104]", "txt", SETTINGS, "f")
    assert named.violations == ()


def test_a_mistyped_directive_names_itself() -> None:
    (report,) = check_text("出售冰毒 wxguard: ignor[WX104]", "txt", SETTINGS, "f")
    (typo,) = [v for v in report.violations if v.rule == "WX001"]
    assert (
        typo.text == "wxguard: ignor[WX104]"
        and typo.message == "抑制注释未抑制任何问题：wxguard: ignor[WX104]"
    )


def test_wx001_can_be_switched_off() -> None:
    guard = Guard(default_wordlists=False, words={"drugs": ["冰毒"]}, select=["WX1"])
    quiet = FileSettings(guard, None, (), guard.enabled_rules)
    assert found("今天天气好 wxguard: ignore[WX104]", "txt", quiet) == []


def test_reports_keep_the_original_text() -> None:
    text = "正文 `代码` 冰毒\n"
    (report,) = check_text(text, "md", SETTINGS, "a.md")
    assert report.text == text and report.path == "a.md"
    for v in report.violations:
        assert text[v.start : v.end] == v.text


@given(
    st.sampled_from(["冰毒", "大麻", "稳赚"]),
    st.sampled_from(["WX104", "WX108", "WX1", ""]),
    st.integers(0, 3),
)
@settings(max_examples=60, deadline=None)
def test_suppression_removes_exactly_the_targeted_codes(term: str, code: str, padding: int) -> None:
    line = "好" * padding + term
    plain = {r for r, _, _ in found(line, "txt")}
    suppressed = {
        r
        for r, _, _ in found(
            f"{line} wxguard: ignore[{code}]" if code else f"{line} wxguard: ignore", "txt"
        )
    }
    removed = {r for r in plain if code and r.startswith(code)}  # every term here is an error
    expected = plain - removed
    if not removed:
        expected = expected | {"WX001"}
    assert suppressed == expected


BITS = st.sampled_from(
    [
        "冰毒",
        "大麻",
        "稳",
        "赚",
        "`",
        "\n",
        "\r\n",
        " ",
        "<!-- wxguard-disable WX104 -->",
        "<!-- wxguard-enable -->",
        "<!-- wxguard-disable-next-line -->",
        " wxguard: ignore[WX1]",
        "[a](b)",
        "```\n",
        "🧧",
        "\u200b",
        "> ",
        "- ",
    ]
)


@given(
    st.lists(st.one_of(BITS, st.text(max_size=2)), max_size=25).map("".join),
    st.sampled_from(["md", "txt"]),
)
@settings(max_examples=150, deadline=None)
def test_file_positions_point_into_the_file(text: str, kind: str) -> None:
    lines = text.split("\n")
    for report in check_text(text, kind, SETTINGS, "f"):  # type: ignore[arg-type]
        for v in report.violations:
            assert report.text[v.start : v.end] == v.text
            assert v.location is not None
            if v.location.line == v.location.end_line:
                line = lines[v.location.line - 1]
                assert line[v.location.column - 1 : v.location.end_column - 1] == v.text
