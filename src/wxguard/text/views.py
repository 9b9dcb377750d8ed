"""The views of one message and the maps from each view back to the original text.

- ``sound``: the folded text without noise, every CJK character and digit written as its
  syllable class (``text.sound``). One ``str.translate`` builds it.
- ``collapsed``: ``sound`` with each run of a repeated class reduced to one (stutter).
- ``skeleton``: the folded characters themselves, same length as ``sound``.
- ``folded``: every character folded to one (same length as the original), noise kept.
- ``compact``: the clause view (``text.compact``).

A short text's four translated views come from one ``str.translate`` (``_fused``).

Offset maps are built only when asked for, because most messages contain nothing to map.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cache
from itertools import accumulate
from typing import Any, TypeVar

from .compact import compact
from .folding import HAS_HIGH_NOISE, HIGH_NOISE, TABLE_SIZE, fold, fold_one_to_one
from .sound import class_table

T = TypeVar("T")
STUTTER = re.compile(r"(.)\1+", re.S)
_REPEATED = re.compile(r"(.)(?=\1)", re.S)
_BLOCK = 64


class BlockMap:
    """Maps a position in ``fn(src)`` back to the index in ``src`` that produced it,
    for any ``fn`` that works character by character (``fn(a + b) == fn(a) + fn(b)``).

    Output lengths are summed per block of source characters with one ``fn`` call each;
    a block's per-character offsets are worked out only when a position falls in it."""

    __slots__ = ("_blocks", "_ends", "_sizes", "fn", "src")

    def __init__(
        self,
        src: str,
        fn: Callable[[str], str],
        sizes: Callable[[str], Iterable[int]] | None = None,
    ) -> None:
        """``sizes``: the output length of each character of a string, as ``len(fn(c))``
        for each, in one call (a long text maps every block: a call per character took
        most of the time to place thousands of findings)."""
        self.src = src
        self.fn = fn
        self._sizes = sizes
        self._ends: list[int] | None = None
        self._blocks: dict[int, list[int]] = {}

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
        starts = self._blocks.get(block)
        if starts is None:
            out = ends[block - 1] if block else 0
            chars = self.src[block * _BLOCK : (block + 1) * _BLOCK]
            fn = self.fn
            sizes = self._sizes(chars) if self._sizes else (len(fn(c)) for c in chars)
            starts = list(accumulate(sizes, initial=out))
            starts.pop()
            self._blocks[block] = starts
        i = bisect_right(starts, pos) - 1
        # Characters with empty output share an offset with the next one: take the last.
        return block * _BLOCK + i, starts[i]

    def source_index(self, pos: int) -> int:
        return self.locate(pos)[0]


class FlatMap:
    """``BlockMap``'s answers for a text asked about everywhere: every character's output
    offset worked out at once, so a question is one bisection (a long text's pinyin windows
    are asked twice for each of its candidates, each a bisection of the blocks and one of a
    block's offsets through a ``BlockMap``)."""

    __slots__ = ("_size", "_starts")

    def __init__(self, src: str, sizes: Callable[[str], Iterable[int]]) -> None:
        self._starts = list(accumulate(sizes(src), initial=0))
        self._size = self._starts.pop()

    def locate(self, pos: int) -> tuple[int, int]:
        """(source index, offset of that character's output) for output position ``pos``."""
        if not 0 <= pos < self._size:
            raise IndexError(pos)
        # Characters with empty output share an offset with the next one: take the last.
        i = bisect_right(self._starts, pos) - 1
        return i, self._starts[i]

    def source_index(self, pos: int) -> int:
        return self.locate(pos)[0]


def sound_classes(text: str) -> str:
    out = text.translate(class_table())
    if HAS_HIGH_NOISE.search(out):
        out = HIGH_NOISE.sub("", out)
    return out


def collapse(sound: str) -> str:
    """``sound`` with each run of a repeated class reduced to one, as ``STUTTER.sub(r"\\1")``
    but several times faster: deleting each character the next one repeats needs no
    replacement template, so ``re`` never calls back into Python."""
    return _REPEATED.sub("", sound)


# Texts at least this long are folded with numpy array lookups instead of str.translate.
ARRAY_THRESHOLD = 4096

# Each character's folded, compact, skeleton and sound views side by side, four characters
# (``_WIDTH``): a view's character, ``_NONE`` where the view drops it, ``_MANY`` where it
# writes several (or one of these two). Every view works character by character, so the
# views of a text are every fourth character of its translation. One translation of a
# message instead of four: each looked up and wrote every character through a table of
# 205,744 entries, most of them out of the CPU's caches by the next message (11.7 against
# 5.3 µs a review alone; docs/performance-log.md, session 17). Filled as characters come
# (laid out whole it took 0.5 s); a list, not a dict of the characters met (a dict
# compares each key: the whole check gained 5 % with it, 10 % with the list), which the
# collector walks at a full collection (~4 ms at load 10) as it does not a tuple; none ran
# in 5,000 checks.
_WIDTH = 4
_NONE, _MANY = "\x00", "\x01"


@cache
def _fused_table() -> list[str]:
    """The table, empty (``""``: a character not filled in yet is dropped)."""
    return [""] * TABLE_SIZE


def _slot(view: str) -> str:
    """One character's entry in one view: ``view`` if it is a character of its own."""
    if not view:
        return _NONE
    return view if len(view) == 1 and view not in (_NONE, _MANY) else _MANY


def _fused(text: str) -> str | None:
    """``text`` through the fused table, or None when a character lies beyond the folding
    tables (which keep it as it is, and ``fold`` may drop it)."""
    table = _fused_table()
    out = text.translate(table)
    if len(out) != _WIDTH * len(text):
        for char in set(text):
            cp = ord(char)
            if cp < TABLE_SIZE and not table[cp]:
                table[cp] = (
                    fold_one_to_one(char)
                    + _slot(compact(char))
                    + _slot(fold(char))
                    + _slot(sound_classes(char))
                )
        out = text.translate(table)
        if len(out) != _WIDTH * len(text):
            return None
    return out


def _view(fused: str, at: int, make: Callable[[str], str], text: str) -> str:
    """The view at ``at`` of ``text``'s fused translation, or ``make(text)`` where one of its
    characters writes several."""
    view = fused[at::_WIDTH]
    return make(text) if _MANY in view else view.replace(_NONE, "")


class TextView:
    """Original text and its views for one message, with lazy offset maps.

    Short texts are folded with ``str.translate``; long ones with numpy (``arrays``), which
    also yields the offset maps as arrays. Both give identical views.
    """

    __slots__ = (
        "_arrays",
        "_collapsed",
        "_compact",
        "_folded",
        "_memo",
        "_runs",
        "_skeleton",
        "_skeleton_map",
        "_sound",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._sound: str | None = None
        self._collapsed: str | None = None
        self._compact: str | None = None
        self._folded: str | None = None
        self._memo: dict[str, Any] = {}
        self._skeleton: str | None = None
        self._skeleton_map: BlockMap | None = None
        self._runs: tuple[list[int], list[int], list[int]] | None = None
        self._arrays: _Arrays | None = _Arrays.build(text) if len(text) >= ARRAY_THRESHOLD else None

    @property
    def arrays(self) -> _Arrays | None:
        """The numpy form of the views, for long texts."""
        return self._arrays

    def _translated(self) -> tuple[str, str, str, str]:
        """The four translated views of a short text, made at once (``_fused``) and kept:
        folded, compact, skeleton, sound. A view is made on its own where one of its
        characters writes several, the compact view where the text has a full stop (a
        decimal point stays one), and all four where the text reaches past the tables."""
        text = self.text
        fused = _fused(text)
        if fused is None:
            folded, compacted, skeleton, sound = (
                fold_one_to_one(text),
                compact(text),
                fold(text),
                sound_classes(text),
            )
        else:
            folded = fused[::_WIDTH]
            points = "." in text or "．" in text
            compacted = compact(text) if points else _view(fused, 1, compact, text)
            skeleton = _view(fused, 2, fold, text)
            sound = _view(fused, 3, sound_classes, text)
        views = (folded, compacted, skeleton, sound)
        self._folded, self._compact, self._skeleton, self._sound = views
        return views

    @property
    def sound(self) -> str:
        if self._sound is None:
            arrays = self._arrays
            self._sound = self._translated()[3] if arrays is None else arrays.to_str(arrays.classes)
        return self._sound

    @property
    def collapsed(self) -> str:
        if self._collapsed is None:
            arrays = self._arrays
            self._collapsed = (
                collapse(self.sound) if arrays is None else arrays.to_str(arrays.collapsed)
            )
        return self._collapsed

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """A view a checker derives (``build()``), built once per message and shared by
        every checker that asks for the same ``key``."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]  # type: ignore[no-any-return]

    @property
    def folded(self) -> str:
        """Same length as the original: width, case, compatibility forms, homoglyphs and
        traditional characters folded, noise kept. For regex-based checkers."""
        if self._folded is None:
            self._folded = (
                self._translated()[0] if self._arrays is None else fold_one_to_one(self.text)
            )
        return self._folded

    @property
    def compact(self) -> str:
        """The clause view (``text.compact``), which ``phrases.clauses`` reads."""
        if self._compact is None:
            self._compact = self._translated()[1] if self._arrays is None else compact(self.text)
        return self._compact

    @property
    def skeleton(self) -> str:
        if self._skeleton is None:
            self._skeleton = (
                self._translated()[2] if self._arrays is None else self._arrays.skeleton()
            )
        return self._skeleton

    def latin_runs(self) -> list[tuple[int, int]]:
        """Skeleton ranges of Latin-letter runs (where pinyin could be typed)."""
        if self._arrays is not None:
            return self._arrays.latin_runs()
        return [m.span() for m in _LATIN_RUN.finditer(self.sound)]

    def skeleton_slice(self, start: int, end: int) -> str:
        return self.skeleton[start:end]

    def orig_of_skeleton(self, s_index: int) -> int:
        """Index in the original text of the character behind skeleton index ``s_index``."""
        if self._arrays is not None:
            return self._arrays._s2t[s_index]  # type: ignore[no-any-return]
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

    def collapsed_index(self, s_index: int) -> int:
        """Collapsed index of the run that holds skeleton index ``s_index`` (the inverse of
        ``skeleton_run``)."""
        arrays = self._arrays
        if arrays is not None:
            import numpy as np

            return int(np.searchsorted(arrays.k2s, s_index, side="right")) - 1
        if len(self.collapsed) == len(self.sound):
            return s_index
        k_pos, s_start, s_len = self._stutter_runs()
        r = bisect_right(s_start, s_index) - 1
        if r < 0:
            return s_index
        last = s_start[r] + s_len[r] - 1
        return k_pos[r] if s_index <= last else k_pos[r] + s_index - last

    def skeleton_run(self, k_index: int) -> tuple[int, int]:
        """First and last skeleton index of the run behind collapsed index ``k_index``."""
        if self._arrays is not None:
            return self._arrays.run(k_index)
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


# Opening with a lone class, which ``re`` scans for in C (``[a-z]+`` enters the matcher at
# every character: 0.74 against 0.42 µs a review).
_LATIN_RUN = re.compile(r"[a-z][a-z]*")


class _Arrays:
    """numpy views of a long text: classes (skeleton order), the collapsed classes, and the
    maps skeleton → original and collapsed → skeleton."""

    __slots__ = ("_k2s", "_s2t", "classes", "codes", "collapsed", "k2s", "s2t")

    def __init__(self, codes: Any, classes: Any, collapsed: Any, s2t: Any, k2s: Any) -> None:
        self.codes = codes
        self.classes = classes
        self.collapsed = collapsed
        self.s2t = s2t
        self.k2s = k2s
        # The maps read one index at a time through a memoryview, which gives a Python int
        # (``int(array[i])`` makes a numpy scalar first: three times the cost, for every
        # placed candidate of a long text).
        self._s2t: Any = memoryview(s2t)
        self._k2s: Any = memoryview(k2s)

    def skeleton(self) -> str:
        from .arrays import folded_array

        return self.to_str(folded_array()[self.codes[self.s2t]])

    @staticmethod
    def build(text: str) -> _Arrays | None:
        import numpy as np

        from .arrays import EXPANDS, class_arrays

        try:
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        except UnicodeEncodeError:
            return None
        classes = class_arrays()[codes]
        if len(classes) and classes.max() == EXPANDS:
            return None  # characters that fold to several: the translate path maps them
        s2t = np.flatnonzero(classes)
        classes = classes[s2t]
        if len(classes) == 0:
            return _Arrays(codes, classes, classes, s2t, s2t)
        keep = np.empty(len(classes), dtype=bool)
        keep[0] = True
        np.not_equal(classes[1:], classes[:-1], out=keep[1:])
        k2s = np.flatnonzero(keep)
        return _Arrays(codes, classes, classes[k2s], s2t, k2s)

    @staticmethod
    def to_str(values: Any) -> str:
        return str(values.astype("<u4").tobytes().decode("utf-32-le"))

    def latin_runs(self) -> list[tuple[int, int]]:
        import numpy as np

        latin = (self.classes >= 0x61) & (self.classes <= 0x7A)
        if not latin.any():
            return []
        edges = np.flatnonzero(np.diff(np.concatenate(([False], latin, [False])).astype(np.int8)))
        return [(int(a), int(b)) for a, b in zip(edges[0::2], edges[1::2], strict=True)]

    def run(self, k_index: int) -> tuple[int, int]:
        k2s = self._k2s
        first = k2s[k_index]
        last = k2s[k_index + 1] - 1 if k_index + 1 < len(k2s) else len(self.classes) - 1
        return first, last
