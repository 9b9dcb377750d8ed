"""Masked letters: 傻X, 傻*, 傻b — one character of a term hidden behind a mask symbol or
written as the initial of its pinyin.

A mask cannot be found by the class automata: ``*`` and ``×`` are noise that folding
deletes, and ``X`` or ``b`` could stand for any character. So the search starts from the
masks, which few messages hold: each one is looked up with the folded characters on either
side, and only terms whose unmasked characters sit exactly there are judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ...text.folding import fold, is_cjk
from ...text.sound import spell
from .terms import Term, shape

# Terms of this many Chinese characters or more get masked spellings without being marked.
AUTOMATIC = 3
# What writers type for a hidden character (after the one-to-one fold: X → x, ＊ → *).
MASK_SYMBOLS = "x*×✕✖╳⨯叉□■○●"
# A mask symbol, or a Latin letter standing alone (the initial of the hidden character).
_CANDIDATE = re.compile(rf"[{re.escape(MASK_SYMBOLS)}]|(?<![a-z])[a-z](?![a-z])")
# The same, cheaply, on the original text: could it hold a mask at all?
_POSSIBLE = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ*＊×✕✖╳⨯叉□■○●]")


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
    initial: bool


class MaskIndex:
    """Masked slots by the folded characters right before and after the mask."""

    def __init__(self, slots: Iterable[MaskedSlot]) -> None:
        self.by_edge: dict[tuple[str, str], list[MaskedSlot]] = {}
        self.reach = 0
        for slot in slots:
            self.by_edge.setdefault((slot.before[-1:], slot.after[:1]), []).append(slot)
            self.reach = max(self.reach, len(slot.before), len(slot.after))

    def possible(self, text: str) -> bool:
        """False when ``text`` has no mask (most messages): nothing to look up."""
        return bool(self.by_edge) and _POSSIBLE.search(text) is not None

    def hits(self, text: str, folded: str) -> Iterator[MaskHit]:
        """Every place where a mask in ``folded`` (the one-to-one fold of ``text``) hides
        one character of a term whose other characters surround it exactly."""
        reach = self.reach * 2 + 1
        for m in _CANDIDATE.finditer(folded):
            p = m.start()
            mask = m.group()
            if mask == "x" and not _alone(folded, p):
                continue
            before = fold(text[max(0, p - reach) : p])
            after = fold(text[p + 1 : p + 1 + reach])
            for key in {(before[-1:], after[:1]), (before[-1:], ""), ("", after[:1])}:
                for slot in self.by_edge.get(key, ()):
                    if not (before.endswith(slot.before) and after.startswith(slot.after)):
                        continue
                    symbol = mask in MASK_SYMBOLS
                    if not symbol and mask != slot.initial:
                        continue
                    start = _back(text, p, len(slot.before))
                    end = _forward(text, p + 1, len(slot.after))
                    yield MaskHit(slot, start, end, p, not symbol)


def _alone(folded: str, p: int) -> bool:
    return not (p > 0 and "a" <= folded[p - 1] <= "z") and not (p + 1 < len(folded) and "a" <= folded[p + 1] <= "z")


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
