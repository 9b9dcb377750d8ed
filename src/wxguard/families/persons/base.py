"""Recognizers in the style of Microsoft Presidio: patterns with a base score, a validator
that confirms or rejects a match, and context words that raise the score.

A recognizer reads the folded view (same length as the original, full-width and circled
digits already ASCII), so every span is an original span. A score is a confidence: a match
is reported when it reaches ``THRESHOLD``; a shape with no check and no context word near it
stays below, because order numbers and SKUs share those shapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar, NamedTuple

from ...text.folding import fold_one_to_one

# Words before a number that say it is not personal: order, meeting, parcel and product
# numbers, verification codes.
NOT_PERSONAL = (
    "订单",
    "单号",
    "编号",
    "工号",
    "学号",
    "会议",
    "会议号",
    "验证码",
    "校验码",
    "券码",
    "兑换码",
    "取件码",
    "快递",
    "运单",
    "物流",
    "流水号",
    "交易号",
    "货号",
    "型号",
    "批号",
    "批次",
    "条码",
    "序列号",
    "isbn",
    "sku",
    "sn",
    "房间号",
    "发票",
    "税号",
    "备案",
)


# A labelled list's first field, a name, between the label and the number (快递单上的信息：
# 李华，15900001234): the not-personal word names the list, not the number.
_NAMED_FIELD = re.compile(r"[：:]\s*[\u4e00-\u9fff·]{2,5}[，,、\s]+$")


@dataclass(frozen=True)
class Pattern:
    """A named regular expression with the score a bare match gets; ``needs`` lists context
    words of which one must be near for this pattern to count at all."""

    name: str
    regex: str
    score: float
    needs: tuple[str, ...] = ()
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"pattern {self.name}: score {self.score} is not within 0..1")
        object.__setattr__(self, "compiled", re.compile(self.regex))


class Result(NamedTuple):
    """One piece of personal information: span in the original text, entity, rule, score.
    A tuple: made at the rate of the numbers in a text (80,000 a MB of a phone list), and
    a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``."""

    entity: str
    rule: str
    start: int
    end: int
    score: float
    pattern: str
    kind: str
    context: str | None = None


def _alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
    folded = sorted({fold_one_to_one(w).lower() for w in words}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, folded))) if folded else None


class PatternRecognizer:
    """Matches ``PATTERNS``, keeps what ``validate`` accepts, scores with ``CONTEXT``."""

    ENTITY: ClassVar[str]
    RULE: ClassVar[str]
    KIND: ClassVar[str]
    PATTERNS: ClassVar[tuple[Pattern, ...]]
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    NEGATIVE: ClassVar[tuple[str, ...]] = NOT_PERSONAL
    REQUIRES_CONTEXT: ClassVar[bool] = False
    # Presidio's LemmaContextAwareEnhancer: +0.35 with a floor of 0.4 when context is found.
    CONTEXT_BOOST: ClassVar[float] = 0.35
    MIN_WITH_CONTEXT: ClassVar[float] = 0.4
    THRESHOLD: ClassVar[float] = 0.5
    # Characters looked at before and after a match for context words.
    BEFORE: ClassVar[int] = 12
    AFTER: ClassVar[int] = 6

    def __init__(self) -> None:
        self._context = _alternation(self.CONTEXT)
        self._negative = _alternation(self.NEGATIVE)
        self._needs = {p.name: _alternation(p.needs) for p in self.PATTERNS if p.needs}

    def normalise(self, matched: str) -> str:
        """The value a match stands for: its digits and letters, separators dropped."""
        if matched.isalnum():  # most numbers are written without separators
            return matched
        return "".join(c for c in matched if c.isalnum())

    def validate(self, value: str, pattern: Pattern) -> float | None:
        """The score of a match's value, or None to drop it."""
        return pattern.score

    def kind_of(self, value: str, pattern: Pattern) -> tuple[str, str]:
        """(rule, kind) of an accepted value; a recognizer may file some values elsewhere."""
        return self.RULE, self.KIND

    def span_of(self, m: re.Match[str]) -> tuple[int, int]:
        return m.span("num") if "num" in m.re.groupindex else m.span()

    def analyze(self, folded: str) -> Iterator[Result]:
        for pattern in self.PATTERNS:
            for m in pattern.compiled.finditer(folded):
                start, end = self.span_of(m)
                value = self.normalise(folded[start:end])
                score = self.validate(value, pattern)
                if score is None:
                    continue
                blocked, word = self._near(folded, start, end, self._context, self._negative)
                if blocked:
                    continue
                needs = self._needs.get(pattern.name)
                if needs is not None and not self._near(folded, start, end, needs, None)[1]:
                    continue
                if word:
                    score = min(1.0, max(score + self.CONTEXT_BOOST, self.MIN_WITH_CONTEXT))
                elif self.REQUIRES_CONTEXT:
                    continue
                if score < self.THRESHOLD:
                    continue
                rule, kind = self.kind_of(value, pattern)
                yield Result(
                    self.ENTITY, rule, start, end, round(score, 2), pattern.name, kind, word or None
                )

    def _near(
        self,
        folded: str,
        start: int,
        end: int,
        positive: re.Pattern[str] | None,
        negative: re.Pattern[str] | None,
    ) -> tuple[bool, str]:
        """(blocked, word): the context word nearest before (else after) the match, or "";
        blocked when a not-personal word stands nearer before it than any context word, unless
        a name stands as a field between them (快递单上的信息：李华，15900001234)."""
        before = folded[max(0, start - self.BEFORE) : start]
        best_pos, best = -1, ""
        if positive is not None:
            for m in positive.finditer(before):
                best_pos, best = m.end(), m.group()
        if negative is not None:
            for m in negative.finditer(before):
                if m.end() > best_pos and not _NAMED_FIELD.search(before, m.end()):
                    return True, ""
        if best:
            return False, best
        if positive is not None:
            after = positive.search(folded, end, min(len(folded), end + self.AFTER))
            if after:
                return False, after.group()
        return False, ""
