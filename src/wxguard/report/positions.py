"""Offsets to 1-based line and column (code points), computed in one place for every face."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from ..models import Location, Violation

if TYPE_CHECKING:
    from . import Report


class LineIndex:
    """Line starts of a text, for offset → (line, column) lookups."""

    def __init__(self, text: str) -> None:
        starts = [0]
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self.starts = starts
        self.text = text

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def location(self, start: int, end: int, line_offset: int = 0) -> Location:
        """The span's location; the end column is exclusive (one past the last character)."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Location(
            line=line + line_offset,
            column=column,
            end_line=end_line + line_offset,
            end_column=end_column,
        )

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Offsets of a 1-based line's first character and of its end, before its line
        break (``\r\n`` too), without copying the line."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end


def locate(report: Report, path: str | None, line: int) -> Report:
    """The report with its file path, first line and every violation's file location, the
    findings a mark took in (``also``) included: one on another line is pointed at there."""
    index = LineIndex(report.text)
    shift = line - 1

    def placed(v: Violation) -> Violation:
        update: dict[str, object] = {"location": index.location(v.start, v.end, shift)}
        if v.also:
            update["also"] = tuple(placed(a) for a in v.also)
        return v.model_copy(update=update)

    violations = tuple(placed(v) for v in report.violations)
    return report.model_copy(update={"path": path, "line": line, "violations": violations})
