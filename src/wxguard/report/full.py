"""The ``full`` format: each finding with its source line, ``^`` under the span, the
suggestion and the consequence. Carets follow terminal display width (a CJK character or
an emoji takes two cells, a zero-width character none), so they sit under the span.

A long line (a 1,500-character message is one) is shown as a window around the span, not
whole; a long span shows its beginning. Each report's line index is built once, and only
the window is copied and measured, so the time is linear in findings and text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..models import Violation
from .concise import header, located_violations
from .positions import LineIndex
from .terminal import BLUE, BOLD, SEVERITY, escape, inert, is_unsafe, paint

if TYPE_CHECKING:
    from . import Report

TAB = "    "
# Spans over more lines show the first and the last ones around an ellipsis.
MAX_LINES = 4
# A line longer than WIDE characters is shown as CONTEXT characters either side of the span,
# of which at most SPAN characters are shown; "..." marks what is left out.
WIDE = 120
CONTEXT = 30
SPAN = 60
CUT = "..."


@lru_cache(maxsize=8192)
def _display(char: str) -> str:
    """What a terminal is given: tabs expanded, control characters (escape sequences
    included) and bidi controls as visible escapes, other format characters (zero-width)
    dropped."""
    if char == "\t":
        return TAB
    if is_unsafe(char):
        return escape(char)
    return "" if unicodedata.category(char) == "Cf" else char


@lru_cache(maxsize=8192)
def cell_width(char: str) -> int:
    shown = _display(char)
    if len(shown) != 1:
        return len(shown)
    if unicodedata.category(shown) in ("Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(shown) in ("W", "F") else 1


def _shown(text: str) -> str:
    return "".join(_display(c) for c in text)


def _width(text: str) -> int:
    return sum(cell_width(c) for c in text)


def _window(length: int, lo: int, hi: int) -> tuple[int, int]:
    """The part of a line of ``length`` characters to show for the span ``lo:hi`` in it."""
    if length <= WIDE:
        return 0, length
    return max(0, lo - CONTEXT), min(length, min(hi, lo + SPAN) + CONTEXT)


def _snippet(report: Report, v: Violation, index: LineIndex, colour: bool) -> list[str]:
    assert v.location is not None
    first = v.location.line - report.line + 1
    last = v.location.end_line - report.line + 1
    if v.location.end_column == 1 and last > first:
        last -= 1  # the span ends with a line break: its last line is the one before
    numbers = list(range(first, last + 1))
    if len(numbers) > MAX_LINES:
        numbers = [*numbers[: MAX_LINES - 1], -1, *numbers[-1:]]
    gutter_width = len(str(last + report.line - 1))
    bar = paint("|", colour, BOLD, BLUE)
    empty = f"{'':>{gutter_width}} {bar}"
    out = [empty]
    for number in numbers:
        if number == -1:
            out.append(f"{empty} ...")
            continue
        line_start, line_end = index.line_bounds(number)
        lo = max(v.start, line_start) - line_start
        hi = max(min(v.end, line_end) - line_start, lo)
        a, b = _window(line_end - line_start, lo, hi)
        before = CUT if a > 0 else ""
        after = CUT if line_start + b < line_end else ""
        text = report.text[line_start + a : line_start + b]
        label = paint(f"{number + report.line - 1:>{gutter_width}}", colour, BOLD, BLUE)
        out.append(f"{label} {bar} {before}{_shown(text)}{after}".rstrip())
        lo, hi = min(max(lo, a), b), min(hi, b)
        carets = "^" * max(_width(text[lo - a : hi - a]), 1 if number == first else 0)
        if carets:
            pad = " " * (len(before) + _width(text[: lo - a]))
            out.append(f"{empty} {pad}{paint(carets, colour, BOLD, SEVERITY[v.severity])}")
    out.append(empty)
    return out


def _said(message: str, suggestion: str) -> bool:
    """Whether the message already gives every fix of the suggestion (an ad's missing label,
    sender and opt-out say theirs in the one line a concise report shows): a help line that
    repeats it read as a second problem (new-user trial s12)."""
    return all(fix.strip() in message for fix in re.split("[；;]", suggestion) if fix.strip())


def violation_block(report: Report, v: Violation, index: LineIndex, colour: bool) -> list[str]:
    code = SEVERITY[v.severity]
    lines = [
        f"{header(report, v, colour)}: {paint(v.rule, colour, BOLD, code)} ({v.name}) "
        f"{paint(f'[{v.severity.value}]', colour, code)} {inert(v.message)}"
    ]
    lines += _snippet(report, v, index, colour)
    if v.techniques:
        lines.append(f"  {paint('= seen through:', colour, BOLD)} {inert(', '.join(v.techniques))}")
    if v.suggestion and not _said(v.message, v.suggestion):
        lines.append(f"  {paint('= help:', colour, BOLD)} {inert(v.suggestion)}")
    lines.append(f"  {paint('= consequence:', colour, BOLD)} {inert(v.consequence)}")
    return lines


def render(reports: Sequence[Report], colour: bool = False) -> str:
    blocks = []
    for report in reports:
        violations = located_violations(report)
        if violations:
            index = LineIndex(report.text)
            blocks += [
                "\n".join(violation_block(report, v, index, colour)) + "\n" for v in violations
            ]
    return "\n".join(blocks)
