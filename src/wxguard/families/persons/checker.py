"""WX5 persons: personal information in the message, and inducement of minors to spend.

The recognizers (``families.persons``) give each number or address a score; that score is
the finding's confidence, so a bare number without a check or context word never shows up
and a checked one next to 身份证 or 卡号 comes with confidence near 1.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ...catalog import catalog
from ...phrases.batch import Batch
from ..base import CheckContext, Checker, Finding
from .analyzer import CANDIDATE, analyzer
from .minors import minors_detector

if TYPE_CHECKING:
    from ...config import GuardConfig


class PersonsChecker(Checker):
    family = "WX5"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.analyzer = analyzer()
        self.minors = minors_detector()

    def screen(self, texts: Sequence[str]) -> set[int]:
        """The messages the analyzer or the minors' detector reads further: an "@" or seven
        digits, or a spending phrase (their first tests), each one scan of the batch."""
        batch = Batch.of(texts)
        return batch.matching(CANDIDATE, batch.folded, batch.starts) | batch.matching(
            self.minors.spending, batch.folded, batch.starts
        )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        folded = ctx.view.folded
        for r in self.analyzer.analyze(ctx.view.text, folded):
            yield Finding(
                rule=r.rule,
                start=r.start,
                end=r.end,
                term=r.pattern,
                confidence=r.score,
                fields={"document": catalog().word("document", r.kind), "context": r.context or ""},
            )
        for hit in self.minors.find(folded):
            yield Finding(
                rule="WX510",
                start=hit.start,
                end=hit.end,
                term=hit.action,
                confidence=hit.confidence,
                techniques=("parents-payment",) if hit.parents else (),
                fields={"action": hit.action},
            )
