"""Where a pattern could start in a long text: a numpy lookup of each pair of classes.

Every pattern of the main automaton has at least two classes, so it can only start where
the collapsed text holds its first pair of classes, and, if it is longer, its second pair
right after. For a long text those places are few; the Aho-Corasick automaton then runs only
on windows from each such place to the longest pattern's length past it, and finds exactly
the matches a full scan would.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Beyond this many distinct classes the pair table would take too much memory.
MAX_WIDTH = 4096


class PairPrefilter:
    def __init__(self, keys: Iterable[str], alphabet: Iterable[str], longest: int) -> None:
        """``keys`` may be cut to their first three classes; ``longest`` is the longest
        whole key."""
        import numpy as np

        symbols = sorted(set(alphabet))
        self.width = len(symbols) + 1
        dense = np.zeros(0x110000, dtype=np.uint16)
        for i, symbol in enumerate(symbols, start=1):
            dense[ord(symbol)] = i
        size = self.width * self.width
        whole, first, second = (np.zeros(size, dtype=bool) for _ in range(3))
        for key in keys:
            ids = [int(dense[ord(c)]) for c in key]
            if len(ids) == 2:
                whole[ids[0] * self.width + ids[1]] = True
            else:
                first[ids[0] * self.width + ids[1]] = True
                second[ids[1] * self.width + ids[2]] = True
        self.dense, self.longest = dense, max(2, longest)
        self.whole, self.first, self.second = whole, first, second

    @classmethod
    def build(cls, keys: list[str], alphabet: list[str], longest: int) -> PairPrefilter | None:
        if not keys or len(set(alphabet)) + 1 > MAX_WIDTH:
            return None
        return cls(keys, alphabet, longest)

    def windows(self, classes: Any) -> list[tuple[int, int]]:
        """Merged ``[start, end)`` windows of ``classes`` that can hold a match."""
        import numpy as np

        if len(classes) < 2:
            return []
        dense = self.dense[classes]
        pairs = dense[:-1].astype(np.uint32) * self.width + dense[1:]
        can_start = self.whole[pairs]
        can_start[:-1] |= self.first[pairs[:-1]] & self.second[pairs[1:]]
        starts = np.flatnonzero(can_start)
        if len(starts) == 0:
            return []
        reach = np.maximum.accumulate(starts + self.longest)
        gaps = np.flatnonzero(starts[1:] > reach[:-1])
        firsts = starts[np.concatenate(([0], gaps + 1))]
        lasts = np.minimum(reach[np.concatenate((gaps, [len(starts) - 1]))], len(classes))
        return [(int(a), int(b)) for a, b in zip(firsts, lasts, strict=True)]
