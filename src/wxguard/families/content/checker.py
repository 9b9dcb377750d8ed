"""WX1 content security: sensitive terms seen through disguises.

Candidates come from the lexicon's automata over the collapsed, skeleton and sound views,
and from the masks in the text (傻X). Each is mapped back to the original text and then
judged (``judge``): word edges for Latin and digit terms, the noise gap between letters,
the allow-list (covering semantics), jieba word boundaries, the parts of a term with gaps
and the companion word a term needs. One policy then picks the findings: exact evidence
first, longest and most severe wins, a sound-alike only where no exact finding overlaps.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..base import CheckContext, Checker, Finding
from .judge import Hit, Judge
from .lexicon import Lexicon
from .model import lexicon_for
from .terms import shape

if TYPE_CHECKING:
    from ...config import GuardConfig


def _pick(hits: list[Hit], ctx: CheckContext) -> list[Hit]:
    """Longest, then most severe, wins; exact evidence before sound-alikes."""
    chosen: list[Hit] = []
    starts: list[int] = []  # chosen spans never overlap, so sorted starts find neighbours
    for group in (False, True):
        pool = [h for h in hits if h.sound is group]
        pool.sort(
            key=lambda h: (
                -(h.end - h.start),
                -h.severity(ctx.config).rank,
                h.rule,
                h.start,
                -h.confidence,
            )
        )
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
        lexicon = self.lexicon
        candidates = lexicon.candidates(ctx.view)
        masks = lexicon.mask_positions(ctx.view)
        if not candidates and not masks:
            return
        for hit in _pick(Judge(lexicon, ctx.view, masks).hits(candidates), ctx):
            term = hit.term
            fields: dict[str, object] = {"term": shape(term.text).shown, "category": term.category}
            if hit.companion is not None:
                fields["companion"] = hit.companion
            yield Finding(
                rule=hit.rule,
                start=hit.start,
                end=hit.end,
                term=term.text,
                category=term.category,
                techniques=hit.techniques,
                confidence=hit.confidence,
                fields=fields,
                variant=_variant(hit),
                severity=hit.severity(ctx.config) if term.tier == "review" else None,
            )


def _variant(hit: Hit) -> str | None:
    """The catalog message that says the tier and the companion seen."""
    review = hit.term.tier == "review" and not hit.sound
    if hit.companion is not None:
        return "review-companion" if review else "companion"
    return "review" if review else None
