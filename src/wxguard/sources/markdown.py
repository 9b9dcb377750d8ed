"""Markdown to prose by same-length masking: what is not prose becomes spaces.

Code blocks, inline code, link and image targets, reference labels and definitions,
autolinks, HTML tags and comments, front matter, table rules and thematic breaks are
replaced character for character by spaces (line breaks kept), so every offset, line and
column in the masked text is the offset, line and column in the file. HTML comments are
kept aside: suppression directives live in them.

Link destinations (of links, images, reference definitions and autolinks) are what a
reader of a WeCom or DingTalk Markdown message can open, so a second text, ``links``, is
the prose with those destinations put back: the links family reads it, every other family
reads only the prose.

This is a scanner, not a full CommonMark parser: it follows the constructs' rules where
they decide what is prose (fence lengths, backtick-run lengths, balanced link targets,
indented code only outside lists and after a blank line).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_FRONT_MATTER_OPEN = "---"
_FRONT_MATTER_CLOSE = ("---", "...")
_QUOTE_PREFIX = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-+*]|(\d{1,9})[.)])(?:[ \t]|$)")
_RULE_LINE = re.compile(r"^[ \t|:]*(?:[-=*_][ \t|:]*){3,}$")
_REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?P<destination>\S+)")
_INLINE = re.compile(
    r"""
    (?P<escape>\\[!-/:-@\[-`{-~])
    |(?P<comment><!--)
    |(?P<code>`+)
    |(?P<autolink><(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]{1,31}):[^\s<>]*|[^\s@<>]+@[^\s@<>]+)>)
    |(?P<tag></?[A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z_:][\w.:\-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>)
    |(?P<target>\]\()
    |(?P<label>\]\[[^\]\n]*\])
    """,
    re.X,
)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True)
class Comment:
    """An HTML comment: its span in the file and its body without ``<!--`` and ``-->``."""

    start: int
    end: int
    body: str


@dataclass(frozen=True)
class MaskedText:
    """``text`` has the original's length; ``runs`` are the masked spans, in order.
    ``links`` is ``text`` with the link destinations put back (``None`` when there are
    none) and ``link_runs`` the spans still masked there."""

    text: str
    runs: tuple[tuple[int, int], ...]
    comments: tuple[Comment, ...]
    links: str | None = None
    link_runs: tuple[tuple[int, int], ...] = ()


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _without(runs: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``runs`` outside ``holes`` (both sorted and disjoint), in one merge."""
    out: list[tuple[int, int]] = []
    h = 0
    for start, end in runs:
        while h < len(holes) and holes[h][1] <= start:
            h += 1
        k = h
        while k < len(holes) and holes[k][0] < end:
            if holes[k][0] > start:
                out.append((start, holes[k][0]))
            start = max(start, holes[k][1])
            k += 1
        if start < end:
            out.append((start, end))
    return out


def _destination(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The destination inside a link target ``text[start:end]`` (between its parentheses):
    ``<…>`` or the characters up to the first blank, without the title."""
    while start < end and text[start] in " \t\r\n":
        start += 1
    if start < end and text[start] == "<":
        close = text.find(">", start, end)
        return (start + 1, close) if close > start + 1 else None
    stop = start
    while stop < end and text[stop] not in " \t\r\n":
        stop += 1
    return (start, stop) if stop > start else None


class _Masker:
    def __init__(self, text: str) -> None:
        self.source = text
        self.chars = list(text)
        self.runs: list[tuple[int, int]] = []
        self.comments: list[Comment] = []
        self.destinations: list[tuple[int, int]] = []

    def mask(self, start: int, end: int) -> None:
        if end <= start:
            return
        for i in range(start, end):
            if self.chars[i] not in "\r\n":
                self.chars[i] = " "
        self.runs.append((start, end))

    def current(self) -> str:
        return "".join(self.chars)

    def destination(self, span: tuple[int, int] | None) -> None:
        if span is not None:
            self.destinations.append(span)

    def result(self) -> MaskedText:
        merged = _merged(self.runs)
        prose = self.current()
        if not self.destinations:
            return MaskedText(prose, tuple(merged), tuple(self.comments))
        destinations = _merged(self.destinations)
        chars = self.chars
        for start, end in destinations:
            chars[start:end] = self.source[start:end]
        return MaskedText(
            prose,
            tuple(merged),
            tuple(self.comments),
            "".join(chars),
            tuple(_without(merged, destinations)),
        )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break (``\\r`` excluded too)."""
    out = []
    start = 0
    while True:
        nl = text.find("\n", start)
        end = len(text) if nl == -1 else nl
        out.append((start, end - 1 if end > start and text[end - 1] == "\r" else end))
        if nl == -1:
            return out
        start = nl + 1


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _front_matter(m: _Masker, lines: list[tuple[int, int]]) -> int:
    """Mask a leading YAML front matter block; return the index of the first line after it."""
    text = m.source
    if not lines or text[lines[0][0] : lines[0][1]] != _FRONT_MATTER_OPEN:
        return 0
    for k in range(1, len(lines)):
        if text[lines[k][0] : lines[k][1]].rstrip() in _FRONT_MATTER_CLOSE:
            m.mask(lines[0][0], lines[k][1])
            return k + 1
    return 0


def _blocks(m: _Masker, lines: list[tuple[int, int]], first: int) -> None:
    """Fenced and indented code, reference definitions, rules and list numbers."""
    scan = _BlockScan(m)
    for start, end in lines[first:]:
        scan.line(start, end)


class _BlockScan:
    """The block scan, a line at a time: whether a fence is open (its character and length),
    whether the previous line was blank or indented code, and whether a list is open."""

    def __init__(self, m: _Masker) -> None:
        self.m = m
        self.fence: tuple[str, int] | None = None
        self.prev_blank, self.prev_code, self.in_list = True, False, False

    def line(self, start: int, end: int) -> None:
        line = self.m.source[start:end]
        quote = _QUOTE_PREFIX.match(line)
        offset = quote.end() if quote else 0
        rest = line[offset:]
        if self.fence is not None:
            self._fenced(start, end, rest)
        elif not self._fence_opens(start, end, rest):
            if not rest.strip():
                self.prev_blank = True
                return
            indent = _indent(rest)
            if indent >= 4 and (self.prev_blank or self.prev_code) and not self.in_list:
                self.m.mask(start, end)
                self.prev_blank, self.prev_code = False, True
                return
            self._prose(start + offset, end, rest, indent)

    def _fenced(self, start: int, end: int, rest: str) -> None:
        """A line inside a fence is code; a run of the fence's character as long closes it."""
        self.m.mask(start, end)
        stripped = rest.strip()
        char, length = self.fence or ("", 0)
        if stripped and stripped.strip(char) == "" and len(stripped) >= length:
            self.fence = None
        self.prev_blank, self.prev_code = False, False

    def _fence_opens(self, start: int, end: int, rest: str) -> bool:
        opening = _FENCE.match(rest)
        if not opening or (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            return False
        self.fence = (opening.group(1)[0], len(opening.group(1)))
        self.m.mask(start, end)
        self.prev_blank, self.prev_code = False, False
        return True

    def _prose(self, at: int, end: int, rest: str, indent: int) -> None:
        """A prose line (``at``: after any quote marks): list numbers, reference definitions
        and thematic breaks are masked."""
        m = self.m
        item = _LIST_ITEM.match(rest)
        if item:
            self.in_list = True
            if item.group(1):
                number = at + item.start(1)
                m.mask(number, number + len(item.group(1)) + 1)
        elif indent == 0 and self.prev_blank:
            self.in_list = False
        definition = _REFERENCE_DEFINITION.match(rest)
        if definition:
            m.destination(_destination(m.source, at + definition.start("destination"), end))
        if definition or _RULE_LINE.match(rest):
            m.mask(at, end)
        self.prev_blank, self.prev_code = False, False


def _closing_parens(text: str) -> dict[int, int]:
    """For every ``(`` that a later ``)`` closes before a blank line, that ``)``: one pass
    with a stack (backslash escapes skipped), so a link target is found in constant time
    however many unclosed ``](`` precede it."""
    closing: dict[int, int] = {}
    open_: list[int] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            open_.append(i)
        elif char == ")" and open_:
            closing[open_.pop()] = i
        elif char == "\n" and open_ and _BLANK_LINE.match(text, i):
            open_.clear()
        i += 1
    return closing


class _CodeCloser:
    """Where each run of backticks of each length starts, found in one pass: the run that
    closes an opening one is a bisection away, where a search from every unclosed run went
    to the end of the text."""

    def __init__(self, text: str) -> None:
        self.starts: dict[int, list[int]] = {}
        for run in re.finditer("`+", text):
            self.starts.setdefault(run.end() - run.start(), []).append(run.start())

    def find(self, ticks: int, start: int) -> tuple[int, int] | None:
        """(start, end) of the first run of exactly ``ticks`` backticks at or after ``start``."""
        starts = self.starts.get(ticks, [])
        i = bisect_left(starts, start)
        return (starts[i], starts[i] + ticks) if i < len(starts) else None


def _email_autolink(inner: str) -> bool:
    """``local@domain`` with a dot inside the domain (checked here, not by a backtracking
    pattern)."""
    domain = inner.partition("@")[2]
    return "." in domain[1:-1]


def _inline(m: _Masker) -> None:
    """Inline code, comments, autolinks, tags, link targets and reference labels."""
    text = m.current()
    closing_parens: dict[int, int] | None = None
    code = _CodeCloser(text)
    last_comment_end = text.rfind("-->")
    pos = 0
    while (found := _INLINE.search(text, pos)) is not None:
        kind = found.lastgroup
        pos = found.end()
        if kind == "comment":
            close = text.find("-->", found.end()) if last_comment_end >= found.end() else -1
            if close != -1:
                m.comments.append(Comment(found.start(), close + 3, m.source[found.end() : close]))
                m.mask(found.start(), close + 3)
                pos = close + 3
        elif kind == "code":
            closing = code.find(len(found.group("code")), found.end())
            if closing and not _BLANK_LINE.search(text, found.end(), closing[0]):
                m.mask(found.start(), closing[1])
                pos = closing[1]
        elif kind == "target":
            if closing_parens is None:
                closing_parens = _closing_parens(text)
            close_at = closing_parens.get(found.start() + 1)
            if close_at is not None:
                m.mask(found.start() + 1, close_at + 1)
                m.destination(_destination(m.source, found.start() + 2, close_at))
                pos = close_at + 1
        elif kind == "label":
            m.mask(found.start() + 1, found.end())
        elif kind == "autolink":
            if found.group("scheme") is not None:
                m.mask(found.start(), found.end())
                m.destination((found.start() + 1, found.end() - 1))
            elif _email_autolink(found.group("autolink")[1:-1]):
                m.mask(found.start(), found.end())
            else:
                pos = found.start() + 1
        elif kind == "tag":
            m.mask(found.start(), found.end())


def mask_markdown(text: str) -> MaskedText:
    """The prose of a Markdown document, everything else masked by spaces of equal length."""
    masker = _Masker(text)
    lines = _lines(text)
    first = _front_matter(masker, lines)
    _blocks(masker, lines, first)
    _inline(masker)
    return masker.result()
