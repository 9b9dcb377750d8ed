"""The clause view's characters: a message folded, its clause punctuation written as two
markers and every other character that is not a letter, digit or % dropped.

It is one of the views ``TextView`` builds from a message (``views``), so it lives beside
the folding tables; ``phrases.clauses`` reads clauses out of it. Built with BMP tables
(``str.translate`` with a tuple is several times faster than with a dict or a regex);
characters outside the BMP take the slower exact path.
"""

from __future__ import annotations

import re
from functools import cache

from .folding import BLANK_LETTERS, SENTENCE_ENDS, fold_one_to_one, tables

STRONG = "。"
WEAK = "，"
# Folded text has ASCII punctuation where the original had full-width forms.
_MARKS = {ord(c): STRONG for c in SENTENCE_ENDS} | {ord(c): WEAK for c in ",、:"}
_BMP = 0x10000
_DROP = re.compile(rf"[^\w。，%]|[_{BLANK_LETTERS}]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_DECIMAL_POINT = re.compile(r"(?<=\d)[.．](?=\d)")


@cache
def _squeeze_table() -> tuple[int | str | None, ...]:
    """Fold + compact as a BMP table, from the foundation's one-to-one fold table (a tuple,
    which the collector stops walking once seen)."""
    fold = tables().one_to_one[:_BMP]
    squeeze: list[int | str | None] = [
        cp if chr(cp).isalnum() and chr(cp) not in BLANK_LETTERS else None for cp in fold
    ]
    for cp, target in enumerate(fold):
        if target == ord("%"):
            squeeze[cp] = target
        elif target in _MARKS:
            squeeze[cp] = _MARKS[target]
    return tuple(squeeze)


def compact(text: str) -> str:
    """Folded, clause markers for punctuation, everything else that is not a letter, digit
    or % dropped; a full stop between digits stays a decimal point (领0.5元红包 is one
    clause). Works character by character (a decimal point is one character either way),
    so positions map back with a ``BlockMap``."""
    if "." in text or "．" in text:
        parts = _DECIMAL_POINT.split(text)
        if len(parts) > 1:
            return ".".join(_squeeze(part) for part in parts)
    return _squeeze(text)


@cache
def _size_table() -> tuple[str, ...]:
    """Per BMP character, the length of its ``compact`` output (0 or 1) as a character."""
    return tuple(
        "\x00" if t is None else chr(len(t) if isinstance(t, str) else 1) for t in _squeeze_table()
    )


def compact_sizes(text: str) -> bytes:
    """The length of each character's ``compact`` output, in one pass over ``text``."""
    sizes = text.translate(_size_table())
    if _ASTRAL.search(sizes):
        sizes = _ASTRAL.sub(lambda m: chr(len(_squeeze(m.group()))), sizes)
    return sizes.encode("latin-1")


def _squeeze(text: str) -> str:
    if _ASTRAL.search(text):
        return _DROP.sub("", fold_one_to_one(text).translate(_MARKS))
    return text.translate(_squeeze_table())
