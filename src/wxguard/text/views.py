"""The views of one message and the maps from each view back to the original text.

- ``sound``: the folded text without noise, every CJK character and digit written as its
  syllable class (``text.sound``). One ``str.translate`` builds it.
- ``collapsed``: ``sound`` with each run of a repeated class reduced to one (stutter).
- ``skeleton``: the folded characters themselves, same length as ``sound``; built only when a
  candidate needs its characters compared.

Offset maps are built only when asked for, because most messages contain nothing to map.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

from .folding import HIGH_NOISE, fold
from .sound import class_table

STUTTER = re.compile(r"(.)\1+", re.S)
_BLOCK = 256


class BlockMap:
    """Maps a position in ``fn(src)`` back to the index in ``src`` that produced it,
    for any ``fn`` that works character by character (``fn(a + b) == fn(a) + fn(b)``)."""

    __slots__ = ("src", "fn", "_ends")

    def __init__(self, src: str, fn: Callable[[str], str]) -> None:
        self.src = src
        self.fn = fn
        self._ends: list[int] | None = None

    def _block_ends(self) -> list[int]:
        if self._ends is None:
            ends, total, src, fn = [], 0, self.src, self.fn
            for i in range(0, len(src), _BLOCK):
                total += len(fn(src[i : i + _BLOCK]))
                ends.append(total)
            self._ends = ends
        return self._ends

    def locate(self, pos: int) -> tuple[int, int]:
        """(source index, offset of that character's output) for output position ``pos``."""
        ends = self._block_ends()
        block = bisect_right(ends, pos)
        if block >= len(ends):
            raise IndexError(pos)
        base = ends[block - 1] if block else 0
        src, fn = self.src, self.fn
        lo, hi = block * _BLOCK, min(len(src), (block + 1) * _BLOCK)
        start = lo
        # Smallest i whose prefix output reaches past pos: binary search on prefix lengths.
        while lo < hi:
            mid = (lo + hi) // 2
            if base + len(fn(src[start : mid + 1])) > pos:
                hi = mid
            else:
                lo = mid + 1
        return lo, base + len(fn(src[start:lo]))

    def source_index(self, pos: int) -> int:
        return self.locate(pos)[0]


def sound_classes(text: str) -> str:
    out = text.translate(class_table())
    if HIGH_NOISE.search(out):
        out = HIGH_NOISE.sub("", out)
    return out


class TextView:
    """Original text and its views for one message, with lazy offset maps."""

    __slots__ = ("text", "sound", "collapsed", "_skeleton", "_skeleton_map", "_runs")

    def __init__(self, text: str) -> None:
        self.text = text
        self.sound = sound_classes(text)
        self.collapsed = STUTTER.sub(r"\1", self.sound)
        self._skeleton: str | None = None
        self._skeleton_map: BlockMap | None = None
        self._runs: tuple[list[int], list[int], list[int]] | None = None

    @property
    def skeleton(self) -> str:
        if self._skeleton is None:
            self._skeleton = fold(self.text)
        return self._skeleton

    def orig_of_skeleton(self, s_index: int) -> int:
        """Index in the original text of the character behind skeleton index ``s_index``."""
        if self._skeleton_map is None:
            self._skeleton_map = BlockMap(self.text, fold)
        return self._skeleton_map.source_index(s_index)

    def _stutter_runs(self) -> tuple[list[int], list[int], list[int]]:
        if self._runs is None:
            k_pos: list[int] = []
            s_start: list[int] = []
            s_len: list[int] = []
            removed = 0
            for m in STUTTER.finditer(self.sound):
                a, b = m.span()
                k_pos.append(a - removed)
                s_start.append(a)
                s_len.append(b - a)
                removed += b - a - 1
            self._runs = (k_pos, s_start, s_len)
        return self._runs

    def skeleton_run(self, k_index: int) -> tuple[int, int]:
        """First and last skeleton index of the run behind collapsed index ``k_index``."""
        if len(self.collapsed) == len(self.sound):
            return k_index, k_index
        k_pos, s_start, s_len = self._stutter_runs()
        r = bisect_right(k_pos, k_index) - 1
        if r < 0:
            return k_index, k_index
        if k_pos[r] == k_index:
            return s_start[r], s_start[r] + s_len[r] - 1
        s = s_start[r] + s_len[r] - 1 + (k_index - k_pos[r])
        return s, s
