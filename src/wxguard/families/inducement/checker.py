"""WX3 inducement: sharing, following or clicking tied to a reward, a gate, a count or a threat.

Ordinary messages say 转发, 分享, 关注 and 邀请 all the time, so no word fires alone: an action
must be joined to what makes it inducement within a clause or a short window (see
``phrases.joins``). Matching runs on the compact clause view, so spaced-out and traditional
spellings are caught and spans still point into the original text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...phrases.clauses import Clauses
from ...phrases.joins import find_joins
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
        for join in find_joins(clauses, model.banks, model.combines, model.alones):
            start, end = clauses.original(join.start, join.end)
            a0, a1 = clauses.original(*join.action)
            action = original[a0:a1]
            if join.label is not None:
                joined = join.label
            else:
                j0, j1 = clauses.original(*join.joined)
                joined = original[j0:j1]
            yield Finding(
                rule=join.rule,
                start=start,
                end=end,
                term=original[start:end],
                confidence=join.confidence,
                fields={"action": action, "reward": joined},
            )
