"""WX1 content security: sensitive terms seen through disguises.

Candidates come from the lexicon's automata over the collapsed, skeleton and sound views.
Each is mapped back to the original text and then judged: word edges for Latin and digit
terms, the noise gap between letters, the allow-list (covering semantics) and jieba word
boundaries. One policy then picks the findings: exact evidence first, longest and most
severe wins, a sound-alike only where no exact finding overlaps.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Iterator

from ..base import CheckContext, Checker, Finding
from .judge import Hit, Judge
from .lexicon import Lexicon
from .model import lexicon_for

if TYPE_CHECKING:
    from ...config import GuardConfig


def _severity_rank(rule: str, ctx: CheckContext) -> int:
    return ctx.config.severity_of(rule).rank


def _pick(hits: list[Hit], ctx: CheckContext) -> list[Hit]:
    """Longest, then most severe, wins; exact evidence before sound-alikes."""
    chosen: list[Hit] = []
    starts: list[int] = []  # chosen spans never overlap, so sorted starts find neighbours
    for group in (False, True):
        pool = [h for h in hits if h.sound is group]
        pool.sort(key=lambda h: (-(h.end - h.start), -_severity_rank(h.rule, ctx), h.rule, h.start, -h.confidence))
        for hit in pool:
            i = bisect_right(starts, hit.start)
            if i and chosen[i - 1].end > hit.start:
                continue
            if i < len(chosen) and chosen[i].start < hit.end:
                continue
            starts.insert(i, hit.start)
            chosen.insert(i, hit)
    return chosen


class ContentChecker(Checker):
    family = "WX1"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.lexicon: Lexicon = lexicon_for(config)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        candidates = self.lexicon.candidates(ctx.view)
        if not candidates:
            return
        judge = Judge(self.lexicon, ctx.view)
        hits: list[Hit] = []
        for cand in candidates:
            hits.extend(judge.letters(cand) if cand.view == "letters" else judge.classes(cand))
        for hit in _pick(hits, ctx):
            yield Finding(
                rule=hit.rule,
                start=hit.start,
                end=hit.end,
                term=hit.pattern.term.text,
                category=hit.pattern.term.category,
                techniques=hit.techniques,
                confidence=hit.confidence,
                fields={"term": hit.pattern.term.text, "category": hit.pattern.term.category},
            )
