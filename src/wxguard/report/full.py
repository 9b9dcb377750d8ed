"""The ``full`` format: each finding with its source line, ``^`` under the span, the
suggestion and the consequence. Carets follow terminal display width (a CJK character or
an emoji takes two cells, a zero-width character none), so they sit under the span."""

from __future__ import annotations

import unicodedata
from typing import Sequence

from ..models import Report, Violation
from .concise import header, located_violations
from .positions import LineIndex

TAB = "    "
# Spans over more lines show the first and the last ones around an ellipsis.
MAX_LINES = 4


def _display(char: str) -> str:
    """What a terminal is given: tabs expanded, control characters (escape sequences
    included) as U+FFFD, format characters (zero-width, bidi overrides) dropped."""
    if char == "\t":
        return TAB
    category = unicodedata.category(char)
    if category == "Cc":
        return "\ufffd"
    return "" if category == "Cf" else char


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


def _snippet(report: Report, v: Violation) -> list[str]:
    assert v.location is not None
    index = LineIndex(report.text)
    first = v.location.line - report.line + 1
    last = v.location.end_line - report.line + 1
    if v.location.end_column == 1 and last > first:
        last -= 1  # the span ends with a line break: its last line is the one before
    numbers = list(range(first, last + 1))
    if len(numbers) > MAX_LINES:
        numbers = numbers[: MAX_LINES - 1] + [-1] + numbers[-1:]
    gutter = len(str(last + report.line - 1))
    out = [f"{'':>{gutter}} |"]
    for number in numbers:
        if number == -1:
            out.append(f"{'':>{gutter}} | ...")
            continue
        line = index.line_text(number)
        line_start = index.starts[number - 1]
        lo = max(v.start - line_start, 0)
        hi = min(v.end - line_start, len(line))
        out.append(f"{number + report.line - 1:>{gutter}} | {_shown(line)}".rstrip())
        carets = "^" * max(_width(line[lo:hi]), 1 if number == first else 0)
        if carets:
            out.append(f"{'':>{gutter}} | {' ' * _width(line[:lo])}{carets}")
    out.append(f"{'':>{gutter}} |")
    return out


def violation_block(report: Report, v: Violation) -> list[str]:
    lines = [f"{header(report, v)}: {v.rule} ({v.name}) [{v.severity.value}] {v.message}"]
    lines += _snippet(report, v)
    if v.techniques:
        lines.append(f"  = seen through: {', '.join(v.techniques)}")
    if v.suggestion:
        lines.append(f"  = help: {v.suggestion}")
    lines.append(f"  = consequence: {v.consequence}")
    return lines


def render(reports: Sequence[Report]) -> str:
    blocks = ["\n".join(violation_block(r, v)) + "\n" for r in reports for v in located_violations(r)]
    return "\n".join(blocks)
