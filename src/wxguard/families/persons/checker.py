"""WX5 persons: personal information in the message, inducement of minors to spend, and a
child's identifying details posted together.

The recognizers (``families.persons``) give each number or address a score; that score is
the finding's confidence, so a bare number without a check or context word never shows up
and a checked one next to 身份证 or 卡号 comes with confidence near 1.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ...catalog import Text, catalog
from ...phrases.batch import Batch
from ..base import CheckContext, Checker, Finding
from .analyzer import CANDIDATE, NUMERAL, SPELLED, analyzer
from .child_details import child_details_detector
from .contact import NOTICE, offered
from .exposure import exposure_detector
from .minors import minors_detector
from .redact import mask

if TYPE_CHECKING:
    from ...config import GuardConfig


class PersonsChecker(Checker):
    family = "WX5"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.analyzer = analyzer()
        self.minors = minors_detector()
        self.child = child_details_detector()
        self.exposure = exposure_detector()

    def screen(self, texts: Sequence[str]) -> set[int]:
        """The messages the analyzer or the minors' detectors read further: an "@" or seven
        digits (as written or in Chinese numerals), a spending phrase, one specific child, or
        a document or a ranking of a class group (their first tests), each one scan of the
        batch."""
        batch = Batch.of(texts)
        return (
            batch.matching(CANDIDATE, batch.folded, batch.starts)
            | batch.matching(SPELLED, batch.folded, batch.starts)
            | batch.matching(self.minors.spending, batch.folded, batch.starts)
            | batch.matching(self.child.child, batch.folded, batch.starts)
            | batch.matching(self.child.screen, batch.folded, batch.starts)
        )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        folded = ctx.view.folded
        notice: bool | None = None  # a notice to be spread (寻人, 失物招领), read once if asked
        numbers = self.analyzer.analyze(ctx.view.text, folded)
        exposed = self.exposure.find(folded, numbers)
        if exposed is not None:
            yield Finding(
                rule="WX506",
                start=exposed.start,
                end=exposed.end,
                term=folded[exposed.cue[0] : exposed.cue[1]],
                confidence=0.9,
                fields={
                    "details": _listed([_exposed_word(k) for k in exposed.kinds]),
                    "cue": ctx.view.text[exposed.cue[0] : exposed.cue[1]],
                },
            )
        for r in numbers:
            found = {"document": catalog().word("document", r.kind), "context": r.context or ""}
            variant = _VARIANTS.get(r.kind)
            if r.rule == "WX501":  # the fix shows the number itself masked
                if offered(folded, r.start):  # the sender's number to call: no mask (contact)
                    if notice is None:
                        notice = NOTICE.search(folded) is not None
                    if notice:
                        continue
                    variant = "contact"
                found["masked"] = mask(ctx.view.text[r.start : r.end], r.rule)
            yield Finding(
                rule=r.rule,
                start=r.start,
                end=r.end,
                term=r.pattern,
                confidence=r.score,
                techniques=("chinese-numerals",) if NUMERAL.search(folded, r.start, r.end) else (),
                fields=found,
                variant=variant,
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
        child = self.child.find(folded)
        if child is not None:
            yield Finding(
                rule="WX511",
                start=child.start,
                end=child.end,
                term="+".join(child.kinds),
                confidence=min(0.6 + 0.1 * len(child.kinds), 0.95),
                fields={
                    "details": _listed([catalog().word("child-detail", k) for k in child.kinds])
                },
                variant=child.case,
            )
        post = self.child.class_post(folded)
        if post is not None:
            term = ctx.view.text[post.term[0] : post.term[1]]
            yield Finding(
                rule="WX511",
                start=post.start,
                end=post.end,
                term=term,
                confidence=0.8,
                fields={"document": term} if post.case == "collect" else {"count": str(post.count)},
                variant=post.case,
            )


# Kinds of value that are cases of their own in the catalog.
_VARIANTS = {"resident-id-minor": "minor"}


def _exposed_word(kind: str) -> Text:
    """A number's kind (``mobile``) or ``home``, as the finding names it."""
    if kind == "home":
        return catalog().word("child-detail", kind)
    return catalog().word("document", kind)


def _listed(words: list[Text]) -> Text:
    """``姓名、班级`` / ``name, class``."""
    return Text(zh="、".join(w.zh for w in words), en=", ".join(w.en for w in words))
