"""Markdown prose scoping: non-prose is masked by spaces of equal length, so positions hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard.sources import mask_markdown

# (markdown, parts that must be masked, parts that must stay prose)
CASES = [
    ("正文 `出售冰毒` 正文", ["`出售冰毒`"], ["正文 ", " 正文"]),
    ("``a ` b`` 后", ["``a ` b``"], [" 后"]),
    ("未闭合的 `反引号 仍是正文", [], ["未闭合的 `反引号 仍是正文"]),
    ("转义 \\`不是代码\\` 正文", [], ["不是代码"]),
    ("前\n```python\n出售冰毒\n```\n后", ["```python", "出售冰毒"], ["前", "后"]),
    ("前\n~~~~\n```\n出售冰毒\n~~~~\n后", ["出售冰毒"], ["前", "后"]),
    ("> 引用\n> ```\n> 出售冰毒\n> ```\n> 引用后", ["出售冰毒"], ["引用", "引用后"]),
    ("段落\n\n    缩进代码 冰毒\n\n段落二", ["缩进代码 冰毒"], ["段落", "段落二"]),
    ("- 列表\n\n    列表续行 正文", [], ["列表续行 正文"]),
    ("段落\n    懒续行 正文", [], ["懒续行 正文"]),
    ("看[这里](https://x.com/冰毒(1)) 吧", ["(https://x.com/冰毒(1))"], ["看[这里]", " 吧"]),
    ("![图片说明](img/冰毒.png)", ["(img/冰毒.png)"], ["图片说明"]),
    (
        '[文字][标签] 后\n\n[标签]: https://x.com/冰毒 "标题"',
        ["[标签]", '[标签]: https://x.com/冰毒 "标题"'],
        ["文字", " 后"],
    ),
    ("脚注[^1]\n\n[^1]: 脚注正文", [], ["脚注正文"]),
    ("自动链接 <https://x.com/冰毒> 后", ["<https://x.com/冰毒>"], ["自动链接 ", " 后"]),
    ("邮件 <a@b.com> 后", ["<a@b.com>"], ["邮件 ", " 后"]),
    ('<span class="x">粗体</span>', ['<span class="x">', "</span>"], ["粗体"]),
    ("前 <!-- 注释 冰毒 --> 后", ["<!-- 注释 冰毒 -->"], ["前 ", " 后"]),
    ("前\n<!--\n多行\n注释\n-->\n后", ["多行", "注释"], ["前", "后"]),
    ("---\ntitle: 冰毒\n---\n正文", ["title: 冰毒"], ["正文"]),
    ("正文\n---\n不是前言", ["---"], ["正文", "不是前言"]),
    ("| a | b |\n|---|:--:|\n| 1 | 2 |", ["|---|:--:|"], ["| a | b |"]),
    ("1. 第一\n2) 第二", ["1.", "2)"], ["第一", "第二"]),
    ("价格 < 100 且 > 50", [], ["价格 < 100 且 > 50"]),
]


@pytest.mark.parametrize(("markdown", "masked", "kept"), CASES)
def test_masking(markdown: str, masked: list[str], kept: list[str]) -> None:
    result = mask_markdown(markdown)
    assert len(result.text) == len(markdown)
    for part in masked:
        at = markdown.index(part)
        shown = result.text[at : at + len(part)]
        assert shown.strip() == "", (part, shown)
        assert any(a <= at and at + len(part) <= b for a, b in result.runs), part
    for part in kept:
        at = markdown.index(part)
        assert result.text[at : at + len(part)] == part


@pytest.mark.parametrize(
    ("markdown", "destinations"),
    [
        ('看[活动页](http://t.cn/abc "标题") 吧', ["http://t.cn/abc"]),
        ("![图](https://img.example.com/a.png)", ["https://img.example.com/a.png"]),
        ("[a](<http://x.cn/a b>)", ["http://x.cn/a b"]),
        ("自动链接 <https://t.cn/x> 后", ["https://t.cn/x"]),
        ('[文字][r]\n\n[r]: http://t.cn/ref "标题"', ["http://t.cn/ref"]),
        ("邮件 <a@b.com>、代码 `http://t.cn/c`", []),
    ],
)
def test_link_destinations_come_back_for_the_links_family(
    markdown: str, destinations: list[str]
) -> None:
    result = mask_markdown(markdown)
    if not destinations:
        assert result.links is None
        return
    assert result.links is not None and len(result.links) == len(markdown)
    for destination in destinations:
        at = markdown.index(destination)
        assert result.links[at : at + len(destination)] == destination
        assert (
            result.text[at : at + len(destination)].strip() == ""
        )  # still masked for the other families
    assert all(
        not (a < markdown.index(d) + len(d) and b > markdown.index(d))
        for d in destinations
        for a, b in result.link_runs
    )


def test_comments_are_kept_aside_with_their_spans() -> None:
    text = "正文<!-- wxguard-disable WX402 -->正文"
    result = mask_markdown(text)
    (comment,) = result.comments
    assert text[comment.start : comment.end] == "<!-- wxguard-disable WX402 -->"
    assert comment.body == " wxguard-disable WX402 "


def test_comments_inside_code_are_not_comments() -> None:
    assert mask_markdown("`<!-- wxguard-disable -->`").comments == ()
    assert mask_markdown("```\n<!-- wxguard-disable -->\n```").comments == ()


def test_crlf_lines_keep_their_breaks() -> None:
    text = "前\r\n```\r\n冰毒\r\n```\r\n后"
    masked = mask_markdown(text).text
    assert [i for i, c in enumerate(masked) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"
    ]
    assert masked.endswith("后") and "冰毒" not in masked


MARKDOWN_BITS = st.sampled_from(
    [
        "`",
        "```",
        "~~~",
        "\n",
        "\r\n",
        "    ",
        "> ",
        "- ",
        "1. ",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "<!--",
        "-->",
        "---",
        "|",
        "\\",
        "!",
        "冰毒",
        "正文",
        "a@b.c",
        "https://x",
        "🧧",
        " ",
    ]
)


@given(st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=3)), max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_masking_keeps_length_and_line_breaks(text: str) -> None:
    result = mask_markdown(text)
    assert len(result.text) == len(text)
    for original, shown in zip(text, result.text, strict=True):
        assert shown == original or (shown == " " and original not in "\r\n")
    for a, b in result.runs:
        assert 0 <= a < b <= len(text)
    for comment in result.comments:
        assert (
            text[comment.start : comment.start + 4] == "<!--"
            and text[comment.end - 3 : comment.end] == "-->"
        )
    if result.links is not None:  # the prose, plus original characters put back where masked
        assert len(result.links) == len(text)
        for original, prose, linked in zip(text, result.text, result.links, strict=True):
            assert linked == prose or (prose == " " and linked == original)
