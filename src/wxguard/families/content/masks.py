"""Masked letters: 傻X, 傻*, 傻b — one character of a term hidden behind a mask symbol or
written as the initial of its pinyin.

A mask cannot be found by the class automata: ``*`` and ``×`` are noise that folding
deletes, and ``X`` or ``b`` could stand for any character. So the search starts from the
masks, which few messages hold: each one is looked up with the folded characters on either
side, and only terms whose unmasked characters sit exactly there are judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...text.folding import fold, fold_one_to_one, is_cjk, is_noise
from ...text.sound import spell
from ...text.views import TextView
from .terms import Term, shape

# Terms of this many Chinese characters or more get masked spellings without being marked.
AUTOMATIC = 3
# What writers type for a hidden character (after the one-to-one fold: X → x, ＊ → *).
MASK_SYMBOLS = "x*×✕✖╳⨯叉□■○●"
_WRITTEN_SYMBOLS = "X＊" + MASK_SYMBOLS
_LETTERS = "A-Za-zＡ-Ｚａ-ｚ"
# A mask symbol, or a Latin letter standing alone (the initial of the hidden character).
_CANDIDATE = re.compile(
    rf"[{re.escape(_WRITTEN_SYMBOLS)}]|(?<![{_LETTERS}])[{_LETTERS}](?![{_LETTERS}])"
)
# At most this many windows are remembered by ``MaskIndex.hits``.
MEMO = 4096
# Any letter or mask symbol at all: a search several times quicker that most messages fail.
_ANY = re.compile(rf"[{_LETTERS}{re.escape(_WRITTEN_SYMBOLS)}]")


@dataclass(frozen=True)
class MaskedSlot:
    """A term with one character hidden: the folded characters before and after it, and
    the pinyin initial that may stand for it."""

    term: Term
    rule: str
    before: str
    after: str
    initial: str


@dataclass(frozen=True)
class MaskHit:
    """Where a masked spelling sits in the original text, and how it was masked."""

    slot: MaskedSlot
    start: int
    end: int
    mask: int
    char: str  # the mask, folded (x, *, b)
    initial: bool


class MaskIndex:
    """Masked slots by the folded characters right before and after the mask."""

    def __init__(self, slots: Iterable[MaskedSlot]) -> None:
        self.by_edge: dict[tuple[str, str], list[MaskedSlot]] = {}
        self.reach = 0
        # For a quick test before any window is folded: what can stand right around a mask.
        self.befores: set[str] = set()
        self.afters: set[str] = set()
        self.initials: set[str] = set()
        for slot in slots:
            self.by_edge.setdefault((slot.before[-1:], slot.after[:1]), []).append(slot)
            self.reach = max(self.reach, len(slot.before), len(slot.after))
            self.befores.add(slot.before[-1:])
            self.afters.add(slot.after[:1])
            self.initials.add(slot.initial)

    def __bool__(self) -> bool:
        return bool(self.by_edge)

    def hits(self, text: str, positions: Iterable[int]) -> Iterator[MaskHit]:
        """Every place among ``positions`` (``mask_candidates``) where a mask hides one
        character of a term whose other characters surround it exactly. What a place holds
        depends only on the characters within ``reach`` of it, so a long text repeating one
        clause looks each of its masks up once (by that window, at most ``MEMO`` at a time)."""
        reach = self.reach * 2 + 1
        seen: dict[tuple[str, int], list[tuple[MaskedSlot, int, int, str, bool]]] = {}
        for p in positions:
            if not self.possible(text, p):
                continue
            lo = max(0, p - reach)
            key = (text[lo : p + 1 + reach], p - lo)
            found = seen.get(key)
            if found is None:
                if len(seen) >= MEMO:
                    seen.clear()
                found = seen[key] = list(self._at(text, p))
            for slot, start, end, mask, initial in found:
                yield MaskHit(slot, p + start, p + end, p, mask, initial)

    def _at(self, text: str, p: int) -> Iterator[tuple[MaskedSlot, int, int, str, bool]]:
        """The slots a mask at ``p`` fills: (slot, start and end relative to ``p``, the mask
        folded, whether it is an initial)."""
        reach = self.reach * 2 + 1
        mask = fold_one_to_one(text[p])
        symbol = mask in MASK_SYMBOLS
        before = fold(text[max(0, p - reach) : p])
        after = fold(text[p + 1 : p + 1 + reach])
        for key in {(before[-1:], after[:1]), (before[-1:], ""), ("", after[:1])}:
            for slot in self.by_edge.get(key, ()):
                if not (before.endswith(slot.before) and after.startswith(slot.after)):
                    continue
                if not symbol and mask != slot.initial:
                    continue
                start = _back(text, p, len(slot.before))
                end = _forward(text, p + 1, len(slot.after))
                yield slot, start - p, end - p, mask, not symbol

    def possible(self, text: str, p: int) -> bool:
        """The quick tests of ``text[p]`` and its two neighbours, before any window is folded:
        False where no masked slot can be (most lone letters)."""
        mask = fold_one_to_one(text[p])
        if not (mask in MASK_SYMBOLS or mask in self.initials) or not self._neighbours(text, p):
            return False
        return mask != "x" or _alone(text, p)

    def _neighbours(self, text: str, p: int) -> bool:
        """Whether the characters right beside ``text[p]`` could surround a mask; a noise
        character or the end of the text beside it (傻 X) leaves the question to the full
        look-up."""
        for i, near in ((p - 1, self.befores), (p + 1, self.afters)):
            if not 0 <= i < len(text) or is_noise(text[i]) or fold_one_to_one(text[i]) in near:
                return True
        return False


def mask_candidates(view: TextView) -> list[int]:
    """Where a mask may be: mask symbols and lone Latin letters (with numpy on long texts,
    where the regular expression would test every character)."""
    arrays = view.arrays
    if arrays is None:
        text = view.text
        return [m.start() for m in _CANDIDATE.finditer(text)] if _ANY.search(text) else []
    kinds = _kind_table()[arrays.codes]  # 1: a Latin letter, 2: a mask symbol (x, X: both)
    letter = (kinds & 1).astype(bool)
    lone = letter.copy()
    lone[1:] &= ~letter[:-1]
    lone[:-1] &= ~letter[1:]
    found: list[int] = (lone | (kinds >= 2)).nonzero()[0].tolist()
    return found


@cache
def _kind_table() -> Any:
    import numpy as np

    table = np.zeros(0x110000, dtype=np.uint8)
    for a, b in (("A", "Z"), ("a", "z"), ("Ａ", "Ｚ"), ("ａ", "ｚ")):
        table[ord(a) : ord(b) + 1] = 1
    table[[ord(c) for c in _WRITTEN_SYMBOLS]] |= 2
    return table


def _alone(text: str, p: int) -> bool:
    """No Latin letter right before or after ``text[p]``."""
    return not any(0 <= i < len(text) and _LATIN.match(text[i]) for i in (p - 1, p + 1))


_LATIN = re.compile(f"[{_LETTERS}]")


def _back(text: str, p: int, letters: int) -> int:
    """Index of the first of the ``letters`` folded characters that end just before ``p``."""
    i = p
    while letters > 0:
        i -= 1
        letters -= len(fold(text[i]))
    return i


def _forward(text: str, p: int, letters: int) -> int:
    """End index of the ``letters`` folded characters that start at ``p``."""
    i = p
    while letters > 0:
        letters -= len(fold(text[i]))
        i += 1
    return i


def masked_slots(term: Term, rule: str, automatic: bool) -> list[MaskedSlot]:
    """The slots of a term: the characters marked ``{c}``, and with ``automatic`` those of a
    one-part term of Chinese characters: the inner ones from three characters on, the
    first and last too from four."""
    form = shape(term.text)
    if len(form.parts) != 1:
        return []
    part = form.parts[0]
    folded = fold(part)
    positions = {len(fold(part[:i])) for i in form.masks}
    if automatic and len(folded) >= AUTOMATIC and all(is_cjk(c) for c in folded):
        # Inside a term the mask has context on both sides (草X妈); at an edge only on one,
        # so it needs three characters there (X你大爷, never x日的 for 狗日的: x月x日的).
        positions.update(range(1, len(folded) - 1))
        if len(folded) > AUTOMATIC:
            positions.update((0, len(folded) - 1))
    slots: list[MaskedSlot] = []
    for i in sorted(positions):
        if i >= len(folded):
            continue
        char = folded[i]
        initial = spell(char)[:1] if is_cjk(char) else ""
        slots.append(MaskedSlot(term, rule, folded[:i], folded[i + 1 :], initial))
    return slots
