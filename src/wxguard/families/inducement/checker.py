"""WX3 inducement: sharing, following or clicking tied to a reward, a gate, a count or a threat.

Ordinary messages say 转发, 分享, 关注 and 邀请 all the time, so no word fires alone: an action
must be joined to what makes it inducement within a clause or a short window (see
``phrases.joins``). Matching runs on the compact clause view, so spaced-out and traditional
spellings are caught and spans still point into the original text.

Anti-fraud and anti-rumour notices quote the very offers they warn about (反诈：下载APP领红包的
都是骗子). A join whose sentence, or the next one, calls it a scam or a rumour (the ``refuted``
bank) is reported as info with the word that framed it: judged, not missed, and no block.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...models import Severity
from ...phrases.clauses import Clauses
from ...phrases.joins import Join, find_joins, placed, uncovered
from ..base import CheckContext, Checker, Finding
from .model import InducementModel, inducement_model

if TYPE_CHECKING:
    from ...config import GuardConfig


class InducementChecker(Checker):
    family = "WX3"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.model: InducementModel = inducement_model(config.phrases)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        model = self.model
        clauses = Clauses.of(ctx.view)
        if model.trigger is None or model.trigger.search(clauses.text) is None:
            return
        original = ctx.view.text
        joins = find_joins(clauses, model.banks, model.combines, model.alones)
        frames = _Frames(clauses, model) if joins else None
        for join in joins:
            at = placed(join, clauses)
            term = original[at.start : at.end]
            fields = {"action": at.action, "reward": at.joined}
            frame = frames.of(join) if frames is not None else None
            if frame is None:
                yield Finding(
                    join.rule, at.start, at.end, term, confidence=join.confidence, fields=fields
                )
                continue
            f0, f1 = clauses.original(*frame)
            yield Finding(
                join.rule,
                at.start,
                at.end,
                term,
                confidence=join.confidence,
                fields={**fields, "frame": original[f0:f1]},
                variant="refuted",
                severity=Severity.INFO,
            )


class _Frames:
    """The ``refuted`` words of one message (not covered by an exemption such as 不是骗局),
    looked up per join by bisection, so many joins in a long text stay cheap."""

    def __init__(self, clauses: Clauses, model: InducementModel) -> None:
        self.clauses = clauses
        refuted = model.banks["refuted"].hits(clauses.text, overlapping=False)
        if refuted:
            refuted = uncovered(refuted, model.banks["exempt"].hits(clauses.text))
        self.spans = [(h.start, h.end) for h in refuted]
        self.starts = [h.start for h in refuted]

    def of(self, join: Join) -> tuple[int, int] | None:
        """The first refuting word in the join's sentence or the next one."""
        if not self.spans:
            return None
        clauses = self.clauses
        begin = clauses.sentence_start(join.start)
        end = clauses.sentence_end(join.end)
        if end < len(clauses.text):
            end = clauses.sentence_end(end + 1)
        i = bisect_left(self.starts, begin)
        if i < len(self.spans) and self.spans[i][1] <= end:
            return self.spans[i]
        return None
