"""All recognizers over one text, with conflicts settled.

Numbers inside ICP / public-security filing numbers and inside URLs are not personal
information here (links are the WX2 checker's business). When two results overlap, one
that contains the other wins (an email holds the phone number in its local part), then the
higher score, then the recognizer listed first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ...text.folding import fold_one_to_one
from ..links.icp import find_filing_numbers
from .bank_card_recognizer import BankCardRecognizer
from .base import PatternRecognizer, Result
from .document_recognizer import DocumentRecognizer
from .email_recognizer import EmailRecognizer
from .mobile_recognizer import MobileRecognizer
from .resident_id_recognizer import ResidentIdRecognizer

# Every recognizer needs an "@" or seven digits in a row (spaces and dashes allowed between);
# the same matches as ``@|\d(?:[ -]?\d){6}``, opening with a class (0.75 against 0.55 µs).
CANDIDATE = re.compile(r"[@\d](?:(?<=@)|(?:[ -]?\d){6})")
# A number spelled in Chinese numerals (身份证：一一零一零五…, 一三八…), capital ones (壹叁捌…,
# as on a cheque; traditional 參 陸 貳 fold to 参 陆 贰), 幺 for one as a number is read aloud,
# or any of them mixed with Arabic digits (138壹贰叁…), is read as the digits it spells, one
# character for one, so every recognizer sees it and spans stay the original's. A run counts
# from seven digits (single spaces or dashes between, as the recognizers allow) with one
# numeral among them; amounts (壹万贰仟元) and dates (二〇二六年) are broken up by their units.
_NUMERALS = "〇零一二三四五六七八九幺壹贰叁参肆伍陆柒捌玖"
_DIGIT = f"[0-9{_NUMERALS}]"
# Tried only where a run starts, and the Arabic part is read once (possessive), so a long run
# of digits costs linear time.
SPELLED = re.compile(
    rf"(?<!{_DIGIT})(?<!{_DIGIT}[ -])(?=(?:{_DIGIT}[ -]?){{6}}{_DIGIT})"
    rf"(?:[0-9]|[ -](?={_DIGIT}))*+[{_NUMERALS}](?:{_DIGIT}|[ -](?={_DIGIT}))*"
)
# What ``SPELLED``'s lookahead asks, opening with a class: ``re`` scans for that in C, where
# ``SPELLED``, opening with lookbehinds, enters the matcher at every character (0.3 against
# 2.3 µs a review; most reviews hold no such run).
_RUN = re.compile(rf"{_DIGIT}(?:[ -]?{_DIGIT}){{6}}")
NUMERAL = re.compile(f"[{_NUMERALS}]")
_DIGITS = str.maketrans(_NUMERALS, "0012345678911233456789")
_URL = re.compile(r"(?:https?|ftp)://[!-~]+")


class Analyzer:
    """Runs the recognizers; built once (patterns compiled) and shared by threads."""

    def __init__(self, recognizers: tuple[PatternRecognizer, ...] | None = None) -> None:
        self.recognizers = recognizers or (
            ResidentIdRecognizer(),
            BankCardRecognizer(),
            MobileRecognizer(),
            EmailRecognizer(),
            DocumentRecognizer(),
        )

    def analyze(self, text: str, folded: str | None = None) -> list[Result]:
        """Personal information in ``text``; ``folded`` is its same-length folded view."""
        if folded is None:
            folded = fold_one_to_one(text)
        found = self._read(folded)
        if _RUN.search(folded) is None or SPELLED.search(folded) is None:
            return found
        # Digits are read as written first (电话13812345678一定要接 is a number before 一定);
        # numerals add only the numbers they spell where nothing was read.
        read = _Spans([(r.start, r.end) for r in found])
        spelled = self._read(SPELLED.sub(lambda m: m.group().translate(_DIGITS), folded))
        found += [r for r in spelled if not read.overlaps(r.start, r.end)]
        return sorted(found, key=lambda r: r.start)

    def _read(self, folded: str) -> list[Result]:
        if not CANDIDATE.search(folded):
            return []
        found: list[tuple[int, Result]] = []
        for order, recognizer in enumerate(self.recognizers):
            found.extend((order, r) for r in recognizer.analyze(folded))
        if not found:
            return []
        blocked = _Spans(
            [(n.start, n.end) for n in find_filing_numbers(folded)]
            + [m.span() for m in _URL.finditer(folded)]
        )
        if blocked:
            found = [(o, r) for o, r in found if not blocked.overlaps(r.start, r.end)]
        return _settle(found)


class _Spans:
    """Sorted disjoint spans (overlapping ones merged), for overlap tests by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __bool__(self) -> bool:
        return bool(self.starts)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        if i and self.ends[i - 1] > start:
            return True
        return i < len(self.starts) and self.starts[i] < end


def _settle(found: list[tuple[int, Result]]) -> list[Result]:
    """Drop results inside longer ones, then settle each cluster of overlapping results:
    higher score first, then longer, then the recognizer listed first."""
    found.sort(key=lambda item: (item[1].start, -item[1].end))
    out: list[Result] = []
    cluster: list[tuple[int, Result]] = []
    max_end, max_start = -1, -1
    for order, r in found:
        if max_end > r.end or (max_end == r.end and max_start < r.start):
            continue  # inside a longer result
        if cluster and r.start >= max_end:
            out.extend(_pick(cluster))
            cluster = []
        cluster.append((order, r))
        if r.end > max_end:
            max_end, max_start = r.end, r.start
    out.extend(_pick(cluster))
    return out


def _pick(cluster: list[tuple[int, Result]]) -> list[Result]:
    if len(cluster) == 1:
        return [cluster[0][1]]
    cluster.sort(
        key=lambda item: (-item[1].score, -(item[1].end - item[1].start), item[0], item[1].start)
    )
    kept: list[Result] = []
    for _, r in cluster:
        if all(r.end <= k.start or r.start >= k.end for k in kept):
            kept.append(r)
    kept.sort(key=lambda r: r.start)
    return kept


@cache
def analyzer() -> Analyzer:
    return Analyzer()
