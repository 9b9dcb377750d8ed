"""One problem, one mark: findings of several rules on the same words become one finding.

A gambling term spelt as a sound-alike (百榢乐) is one problem, not a WX103 and a WX109; a
gambling lure (注册送8元) is not also an induced click; the card number of a payment demand
is the demand's, not also a privacy leak; one reward joined to two actions (分享…下载…享红包)
is one inducement. The catalog's ``[[one-mark]]`` tables say which rules' findings absorb
which others' where they overlap: the kept finding (the most severe, then the longest, then
the earlier rule) names the others in its message and carries them whole in ``also``. Rules
with different fixes on the same words (an http link without UTM tags: use https, add the
tags) are not listed and keep their own marks.

Everything that filters by rule (per-file ignores, suppression comments) works on
``parts``: the merged findings taken apart, so ignoring the kept rule leaves the absorbed
ones standing; ``merge`` puts them back together afterwards.

An anchor (a finding whose span only says where a fix goes, such as the missing 广告 label
at the message's start) is moved clear of the other findings, so that it does not stack on
a problem of its own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from itertools import accumulate

from .catalog import catalog
from .families.base import Finding
from .models import Violation
from .text.segment import word_bounds


@cache
def _absorbs() -> dict[str, frozenset[str]]:
    """For each rule, the rules whose overlapping findings its findings absorb."""
    out: dict[str, set[str]] = {}
    for table in catalog().one_mark:
        for code in table.keep:
            out.setdefault(code, set()).update(table.absorb)
    return {code: frozenset(absorbed) for code, absorbed in out.items()}


def _order() -> dict[str, int]:
    return {rule.code: i for i, rule in enumerate(catalog().rules)}


def merge(violations: Sequence[Violation], lang: str) -> list[Violation]:
    """``violations`` with every group that marks one problem made one finding."""
    absorbs = _absorbs()
    keepers = [v for v in violations if v.rule in absorbs]
    if not keepers or len(violations) < 2:
        return list(violations)
    wanted = frozenset().union(*(absorbs[v.rule] for v in keepers))
    candidates = sorted(
        (i for i, v in enumerate(violations) if v.rule in wanted),
        key=lambda i: violations[i].start,
    )
    if not candidates:
        return list(violations)
    near = _Near(violations, candidates)
    order = _order()
    ranked = sorted(
        (i for i, v in enumerate(violations) if v.rule in absorbs),
        key=lambda i: (
            -violations[i].severity.rank,
            -(violations[i].end - violations[i].start),
            order.get(violations[i].rule, len(order)),
            violations[i].start,
        ),
    )
    taken: dict[int, list[int]] = {}
    gone: set[int] = set()
    for k in ranked:
        if k in gone:
            continue
        keeper = violations[k]
        rank = keeper.severity.rank
        for j in near.around(keeper):
            other = violations[j]
            if (
                j == k
                or j in gone
                or j in taken
                or other.rule not in absorbs[keeper.rule]
                or not _overlap(keeper, other)
                or other.severity.rank > rank
            ):
                continue
            taken.setdefault(k, []).append(j)
            gone.add(j)
    if not taken:
        return list(violations)
    out = []
    for i, v in enumerate(violations):
        if i in gone:
            continue
        absorbed = taken.get(i)
        out.append(v if absorbed is None else _joined(v, [violations[j] for j in absorbed], lang))
    return out


class _Near:
    """The candidates that may overlap a span, found without a pass over all of them: short
    ones (most: terms, numbers, joins) within one window's bisection, long ones (links) by
    bisection and a walk back that stops where no earlier one reaches the span."""

    SHORT = 64

    def __init__(self, violations: Sequence[Violation], candidates: list[int]) -> None:
        self.violations = violations
        short = [i for i in candidates if violations[i].end - violations[i].start <= self.SHORT]
        self.short, self.short_starts = short, [violations[i].start for i in short]
        long = [i for i in candidates if violations[i].end - violations[i].start > self.SHORT]
        self.long, self.long_starts = long, [violations[i].start for i in long]
        self.reach = list(accumulate((violations[i].end for i in long), max))

    def around(self, v: Violation) -> Iterator[int]:
        end = max(v.end, v.start + 1)
        lo = bisect_left(self.short_starts, v.start - self.SHORT)
        yield from self.short[lo : bisect_left(self.short_starts, end)]
        k = bisect_left(self.long_starts, end) - 1
        while k >= 0 and self.reach[k] >= v.start:
            yield self.long[k]
            k -= 1


def parts(violations: Iterable[Violation], lang: str) -> list[Violation]:
    """Each merged finding taken apart again: the kept one as it was, and those it absorbed."""
    out: list[Violation] = []
    for v in violations:
        if not v.also:
            out.append(v)
            continue
        note = _note(v.also, lang)
        message = v.message[: -len(note)] if note and v.message.endswith(note) else v.message
        out.append(v.model_copy(update={"message": message, "also": ()}))
        out.extend(v.also)
    return out


def _overlap(a: Violation, b: Violation) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start == b.start and a.end == b.end
    return a.start < b.end and b.start < a.end


def _joined(kept: Violation, absorbed: list[Violation], lang: str) -> Violation:
    also = tuple(sorted(absorbed, key=lambda v: (v.start, v.end, v.rule)))
    return kept.model_copy(update={"message": kept.message + _note(also, lang), "also": also})


def _note(also: Sequence[Violation], lang: str) -> str:
    """What the kept finding's message adds: the codes and names of the others."""
    codes = list(dict.fromkeys(v.rule for v in also))
    rules = [catalog().by_code[c] for c in codes if c in catalog().by_code]
    if lang == "en":
        named = ", ".join(f"{r.code} ({r.summary_en})" for r in rules)
        return f"; the same words also fall under {named}" if named else ""
    named = "、".join(f"{r.code}（{r.summary_zh}）" for r in rules)
    return f"；同一处也属于 {named}" if named else ""


# -- anchors -----------------------------------------------------------------------------
def clear_anchors(findings: list[Finding], text: str) -> list[Finding]:
    """Findings with every anchor moved off the others' spans: to the first free stretch of
    its span (the last, for an anchor at the end), cut back to whole words; an anchor with no
    free stretch becomes the empty span at its side (insert the fix here)."""
    if len(findings) < 2 or not any(f.anchor for f in findings):
        return findings
    out = list(findings)
    for i, f in enumerate(findings):
        if f.anchor is None:
            continue
        busy = sorted(
            (g.start, g.end)
            for g in findings
            if g is not f and g.anchor is None and g.start < f.end and f.start < g.end
        )
        if not busy:
            continue
        at_end = f.anchor == "end"
        spot = _free(text, f.start, f.end, busy, at_end)
        if spot is None:
            side = f.end if at_end else f.start
            spot = side, side
        out[i] = replace(f, start=spot[0], end=spot[1], term=text[spot[0] : spot[1]])
    return out


def _free(
    text: str, start: int, end: int, busy: list[tuple[int, int]], at_end: bool
) -> tuple[int, int] | None:
    stretches, pos = [], start
    for a, b in busy:
        if a > pos:
            stretches.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        stretches.append((pos, end))
    stretches = [(a, b) for a, b in stretches if _meaningful(text[a:b])]
    if not stretches:
        return None
    a, b = stretches[-1] if at_end else stretches[0]
    return _whole_words(text, a, b, at_end)


def _meaningful(piece: str) -> bool:
    return any(c.isalnum() for c in piece)


def _whole_words(text: str, a: int, b: int, at_end: bool) -> tuple[int, int]:
    """``[a, b)`` without the part of a word that a busy span cut at its inner edge (the end,
    or the start for an anchor at the end), unless that leaves nothing."""
    bounds = word_bounds(text, a, b)
    if at_end:
        if a in bounds:
            return a, b
        cut = min((p for p in bounds if a < p < b and _meaningful(text[p:b])), default=a)
        return cut, b
    if b in bounds:
        return a, b
    cut = max((p for p in bounds if a < p < b and _meaningful(text[a:p])), default=b)
    return a, cut
