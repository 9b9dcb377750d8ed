"""Offsets to 1-based line and column (code points), computed in one place for every face."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Line starts of a text, for offset → (line, column) lookups."""

    def __init__(self, text: str) -> None:
        starts = [0]
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
