"""The ``allow`` setting applied to every family's findings: phrases never to flag.

A finding is dropped when one occurrence of an allowed phrase, or one match of an allowed
``/regex/``, covers its whole span. Phrases are looked for in the folded text (full-width,
case, traditional and compatibility forms fold, as in ``TextView.folded``, whose offsets are
the original's); regexes run on the original text, each with a time limit (``userregex``).
Findings without a span (attachments, send cadence: WX606, WX607, WX7) match no text, so
``allow`` never drops them. WX1 also applies the phrases while matching, through disguises
(``families/content``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .text.folding import fold_one_to_one
from .userregex import spans as regex_spans

if TYPE_CHECKING:
    import re

    from .families import Finding


class AllowList:
    """Allowed phrases (one Aho-Corasick automaton) and regexes, built once per Guard."""

    def __init__(self, phrases: Sequence[str], regexes: Sequence[re.Pattern[str]]) -> None:
        import ahocorasick

        self.regexes = tuple(regexes)
        self.automaton = ahocorasick.Automaton() if phrases else None
        if self.automaton is not None:
            for phrase in phrases:
                folded = fold_one_to_one(phrase)
                self.automaton.add_word(folded, len(folded))
            self.automaton.make_automaton()

    def _spans(self, text: str, folded: str) -> list[tuple[int, int]]:
        spans = regex_spans(self.regexes, text)
        if self.automaton is not None:
            spans += [(end + 1 - length, end + 1) for end, length in self.automaton.iter(folded)]
        return sorted(spans)

    def keep(self, text: str, folded: str, findings: list[Finding]) -> list[Finding]:
        """The findings no allowed occurrence covers (one bisection each)."""
        spans = self._spans(text, folded)
        if not spans:
            return findings
        starts = [a for a, _ in spans]
        furthest: list[int] = []
        for _, b in spans:
            furthest.append(max(b, furthest[-1]) if furthest else b)
        kept = []
        for f in findings:
            i = bisect_right(starts, f.start)
            if f.start == f.end or i == 0 or furthest[i - 1] < f.end:
                kept.append(f)
        return kept
