"""WX510: content that induces minors to tip, top up or spend.

A sentence is inducement when it joins a phrase naming minors (or paying with a parent's
phone or account) to a spending phrase, close together, with no protective wording
(``禁止未成年人充值`` warns, it does not induce). Phrases live in
``wordlists/persons/minors.toml``; spaces between their characters are seen through.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ...errors import WordListError
from ...resources import wordlist_toml
from ...text.folding import fold_one_to_one
from ...text.storedregex import stored_regex

_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
# Farthest a minors phrase may stand from the spending phrase, in characters.
MAX_DISTANCE = 40
# Longest span a phrase can take: phrases are short and at most two spaces sit between letters.
_LONGEST = 24


@dataclass(frozen=True)
class MinorsHit:
    start: int
    end: int
    action: str
    parents: bool

    @property
    def confidence(self) -> float:
        return 0.95 if self.parents else 0.85


def _bank(data: dict[str, object], key: str, where: str) -> re.Pattern[str]:
    value = data.get(key)
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise WordListError(where, None, f"{key}: expected a non-empty list of phrases")
    # Longest first, ties in a fixed order: the same source in every process, which the
    # stored code is found by (a set's order changes with the process's hash seed).
    phrases = sorted({fold_one_to_one(v.strip()) for v in value}, key=lambda p: (-len(p), p))
    return stored_regex("|".join(r"\s{0,2}".join(map(re.escape, p)) for p in phrases))


class MinorsDetector:
    """The phrase banks compiled once; ``find`` runs per message."""

    def __init__(self, data: dict[str, object], where: str) -> None:
        self.minors = _bank(data, "minors", where)
        self.spending = _bank(data, "spending", where)
        self.parents = _bank(data, "parents", where)
        self.protective = _bank(data, "protective", where)
        markers = data.get("beneficiary-markers", [])
        if not isinstance(markers, list) or not all(
            isinstance(m, str) and len(m) == 1 for m in markers
        ):
            raise WordListError(
                where, None, "beneficiary-markers: expected a list of single characters"
            )
        self.markers = frozenset(markers)

    def find(self, folded: str) -> Iterator[MinorsHit]:
        if not self.spending.search(folded):
            return
        for sentence in _SENTENCE.finditer(folded):
            a, b = sentence.span()
            spends = list(self.spending.finditer(folded, a, b))
            if not spends or self.protective.search(folded, a, b):
                continue
            who = [
                (m, False)
                for m in self.minors.finditer(folded, a, b)
                if folded[m.start() - 1 : m.start()] not in self.markers
            ]
            who += [(m, True) for m in self.parents.finditer(folded, a, b)]
            if not who:
                continue
            who.sort(key=lambda item: item[0].start())
            starts = [m.start() for m, _ in who]
            for spend in spends:
                lo = bisect_left(starts, spend.start() - MAX_DISTANCE - _LONGEST)
                hi = bisect_right(starts, spend.end() + MAX_DISTANCE)
                near = [
                    (m, p)
                    for m, p in who[lo:hi]
                    if _distance(m.span(), spend.span()) <= MAX_DISTANCE
                ]
                if near:
                    start = min(spend.start(), *(m.start() for m, _ in near))
                    end = max(spend.end(), *(m.end() for m, _ in near))
                    action = re.sub(r"\s+", "", spend.group())
                    yield MinorsHit(start, end, action, any(p for _, p in near))
                    break


def _distance(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(0, max(x[0], y[0]) - min(x[1], y[1]))


@cache
def minors_detector() -> MinorsDetector:
    source = wordlist_toml("persons", "minors.toml")
    return MinorsDetector(source.data, source.where)
