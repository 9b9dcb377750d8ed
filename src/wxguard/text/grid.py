"""Text written as a grid and meant to be read down its columns (竖读, 藏头).

Spam hides an offer by writing it in columns: 办货保 / 证到留 / 刻付备 / 章款用 reads 办证刻章,
货到付款, 保留备用 downwards, and "请竖着往下看" says so. Sent as lines of equal length it is
a grid of lines; pasted or relayed into one line (as the anonymised fake-base-station
messages are), the columns are every k-th character of a run of Chinese characters, k being
the grid's width. A column is given as the original index of each of its characters, so a
finding in its text maps back to the place in the message.
"""

from __future__ import annotations

from collections.abc import Sequence

from .storedregex import stored_regex

# Widths of a grid typed as one run (a column is every k-th character), and the shortest
# run read so: four rows, as a four-character offer (办证刻章) needs. Spam in the fake-base-
# station data writes three columns; its two-column interleaves (有和普赠通植) spell by sound,
# which a column does not count, and each width read costs a pass over every long run.
WIDTHS = (3,)
SHORTEST = 4 * max(WIDTHS)
# A grid of lines: at least three lines of the same length, each this long at most.
ROWS = 3
WIDEST = 12
CJK_RUN = stored_regex(rf"[\u3400-\u9fff\uf900-\ufaff]{{{SHORTEST},}}")


def columns(text: str) -> list[Sequence[int]]:
    """The original indices of each column of every grid the text may be written as: each
    long run of Chinese characters read at each width (a ``range``: nothing is built until
    read), and each block of equal-length lines read down."""
    found: list[Sequence[int]] = []
    for run in CJK_RUN.finditer(text):
        for width in WIDTHS:
            found += [range(run.start() + c, run.end(), width) for c in range(width)]
    if "\n" in text:
        found += _line_grids(text)
    return found


def take(text: str, at: Sequence[int]) -> str:
    """The characters of ``text`` at these indices, as one string."""
    if isinstance(at, range):
        return text[at.start : at.stop : at.step]
    return "".join(text[i] for i in at)


def _line_grids(text: str) -> list[Sequence[int]]:
    """Columns of each block of at least ``ROWS`` consecutive lines of one length."""
    lines: list[tuple[int, int]] = []  # (start, length)
    at = 0
    for line in text.split("\n"):
        lines.append((at, len(line)))
        at += len(line) + 1
    found: list[Sequence[int]] = []
    i = 0
    while i < len(lines):
        width = lines[i][1]
        j = i
        while j < len(lines) and lines[j][1] == width:
            j += 1
        if j - i >= ROWS and 2 <= width <= WIDEST:
            found += [tuple(start + c for start, _ in lines[i:j]) for c in range(width)]
        i = j
    return found
