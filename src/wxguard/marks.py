"""One problem, one mark: findings of several rules on the same words become one finding.

A gambling term spelt as a sound-alike (百榢乐) is one problem, not a WX103 and a WX109; a
gambling lure (注册送8元) is not also an induced click; the card number of a payment demand
is the demand's, not also a privacy leak; one reward joined to two actions (分享…下载…享红包)
is one inducement, and so is one reward offered again in another sentence; the terms of one
gambling offer in one sentence are one offer, and an illegal offer or a scam is not also an
ad missing its 广告 label, nor is a blocked inducement, a term held for review or a
disguised word (new-user trial s15: a pinyin gun sale was told to add 【广告】). The catalog's
``[[one-mark]]`` tables say which rules' findings absorb which others' where they overlap
(or, with ``reach``, in one sentence or one message): the kept finding (the most severe, then
where a table says so a word list's over a built one, then the longest, then the earlier
rule) names the others in its message and carries them whole in ``also``.

A link is one mark whatever number of its problems (the new-user trial of session 7 read two
marks on one link as two problems, and the earlier choice to keep an http link's missing UTM
tags apart, for their different fix, as inconsistent beside a scam's link that already took
its http finding): the worst leads (a table's ``first`` order), and its suggestion adds the
others' fixes (``fixes``), unless the link must go (a brand look-alike, a disguised or blocked
link), where https or tags are no advice. Advice that cannot apply is left out and the mark
says why (``moot``), not naming it as a problem: a phishing message is told neither to add
【广告】 nor 回T退订.

Everything that filters by rule (per-file ignores, suppression comments) works on
``parts``: the merged findings taken apart, so ignoring the kept rule leaves the absorbed
ones standing; ``merge`` puts them back together afterwards.

An anchor (a finding whose span only says where a fix goes, such as the missing 广告 label
at the message's start) is moved clear of the other findings, so that it does not stack on
a problem of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate
from operator import attrgetter

from .catalog import OneMark, catalog
from .families.base import Finding
from .models import _FOUND_FIELDS, Severity, Violation, unvalidated
from .text.folding import SENTENCE_ENDS, fold_one_to_one
from .text.segment import word_bounds

# Where a sentence ends, as the clause view reads it: a full stop between digits is a
# decimal point.
_SENTENCE_END = re.compile(
    "[" + re.escape(SENTENCE_ENDS.replace(".", "")) + r"]|(?<!\d)\.|\.(?!\d)"
)


# The technique of a finding built by a join of ordinary words (``families.content.trade``,
# not imported here: start-up does not load the trade model).
SOLICITATION = "solicitation"


@dataclass(frozen=True)
class _Table:
    """One ``[[one-mark]]`` table as the merge asks it, for one kept rule."""

    absorb: frozenset[str]
    reach: str
    same_rule: bool
    least: int  # severity rank
    parts: bool
    framed: bool  # whether a finding a frame lowered takes or is absorbed
    listed_first: bool  # a word list's finding leads over a built one (a solicitation)
    earliest: bool  # the earlier finding leads over a longer one


@cache
def _tables() -> dict[str, tuple[_Table, ...]]:
    """For each rule, the tables by which its findings absorb others'."""
    out: dict[str, list[_Table]] = {}
    for t in catalog().one_mark:
        table = _Table(
            frozenset(t.absorb),
            t.reach,
            t.same_rule,
            t.least.rank,
            t.parts,
            t.framed,
            t.listed_first,
            t.earliest,
        )
        for code in t.keep:
            out.setdefault(code, []).append(table)
    return {code: tuple(tables) for code, tables in out.items()}


@cache
def _order() -> dict[str, int]:
    """Each rule's place when equally severe findings of the same length compete for a mark:
    the catalog's order, except that a table's ``first`` list reorders its rules among the
    places they hold (a link's worst problem leads)."""
    codes = [rule.code for rule in catalog().rules]
    for t in catalog().one_mark:
        if t.first:
            places = sorted(codes.index(code) for code in t.first)
            for place, code in zip(places, t.first, strict=True):
                codes[place] = code
    return {code: i for i, code in enumerate(codes)}


@cache
def _pairs() -> dict[tuple[str, str], tuple[OneMark, ...]]:
    """The tables by which a (kept, absorbed) pair of rules may merge, in catalog order."""
    out: dict[tuple[str, str], list[OneMark]] = {}
    for t in catalog().one_mark:
        for keep in t.keep:
            for absorb in t.absorb:
                out.setdefault((keep, absorb), []).append(t)
    return {pair: tuple(tables) for pair, tables in out.items()}


@cache
def _table_for(
    kept: str, other: str, rank: int, overlap: bool, framed: bool, kept_framed: bool = False
) -> OneMark | None:
    """The table by which a finding of ``kept`` at severity ``rank`` took one of ``other``
    (``overlap``: their spans overlap; ``framed``, ``kept_framed``: a frame lowered the
    other, the kept one), read off the two
    findings alone, so that a mark's note can be taken off again: the first that applies to
    the kept finding's severity, a table of the same words first where the two overlap
    (they merge first). Remembered: a mark in a long text absorbs thousands of findings of
    a few rules."""
    tables = [
        t
        for t in _pairs().get((kept, other), ())
        if rank >= t.least.rank
        and (not t.same_rule or other == kept)
        and (t.framed or not (framed or kept_framed))
    ]
    if overlap:
        tables.sort(key=lambda t: t.reach != "overlap")
    else:
        tables = [t for t in tables if t.reach != "overlap"]
    return tables[0] if tables else None


@cache
def _tier(code: str) -> int:
    """How many ``parts`` tables absorb the rule: of equally severe findings, the part that
    absorbs others comes first (the label takes the sender and the opt-out, whatever their
    spans' lengths), so that the parts make one mark, not two."""
    return sum(code in t.absorb for t in catalog().one_mark if t.parts)


def merge(violations: Sequence[Violation], lang: str, text: str | None = None) -> list[Violation]:
    """``violations`` with every group that marks one problem made one finding. ``text`` (the
    message) places sentences; without it, tables that reach a sentence are not applied.
    Findings on the same words merge first, so that a term absorbed into its offer's mark
    brings along what it absorbed; but advice a message's blocking finding makes moot (a
    scam's link told to add UTM tags, new-user trial s11) is left for that finding to name as
    moot, not taken by a milder mark on the same words (the link's missing https)."""
    held = _held(violations)
    return _merged(_merged(violations, lang, text, ("overlap",), held), lang, text, _WIDE)


_WIDE = ("sentence", "message")


@cache
def _moot_tables() -> tuple[tuple[frozenset[str], frozenset[str], int, bool], ...]:
    """(keep, absorb, least rank, framed) of each table that reaches the whole message and
    says why the advice it absorbs does not apply."""
    return tuple(
        (frozenset(t.keep), frozenset(t.absorb), t.least.rank, t.framed)
        for t in catalog().one_mark
        if t.moot is not None and t.reach == "message"
    )


def _held(violations: Sequence[Violation]) -> dict[int, int]:
    """The findings whose advice a message-wide moot table's keeper makes moot: index → the
    severity rank a keeper on the same words must reach to take it first."""
    held: dict[int, int] = {}
    for keep, absorb, least, framed in _moot_tables():
        rank = max(
            (
                v.severity.rank
                for v in violations
                if v.rule in keep and v.severity.rank >= least and (framed or v.frame is None)
            ),
            default=None,
        )
        if rank is None:
            continue
        for j, v in enumerate(violations):
            if v.rule in absorb:
                held[j] = max(held.get(j, rank), rank)
    return held


@cache
def _depth(reaches: tuple[str, ...]) -> dict[str, int]:
    """For each rule, the longest chain of tables beyond one sentence's words that absorb it
    from another rule: of equally severe findings, the one another may take has its turn
    later, so that an illegal offer takes the inducement beside it before the inducement
    takes the missing label the offer makes moot (new-user trial s15). A table whose rules
    absorb each other (a link's problems) orders nothing here."""
    edges = {
        (k, a)
        for t in catalog().one_mark
        if t.reach != "overlap" and t.reach in reaches and not t.same_rule
        for k in t.keep
        for a in t.absorb
        if k != a and not (k in t.absorb and a in t.keep)
    }
    depth: dict[str, int] = {}
    for _ in range(len(edges)):  # a chain is at most as long as the edges
        changed = False
        for k, a in edges:
            if depth.get(a, 0) < depth.get(k, 0) + 1:
                depth[a] = depth.get(k, 0) + 1
                changed = True
        if not changed:
            break
    return depth


@cache
def _reaching(reaches: tuple[str, ...]) -> dict[str, tuple[_Table, ...]]:
    """For each rule, its tables that reach this far: worked out once, not at every merge
    (most reports that have findings have one, and merge nothing)."""
    return {
        code: kept
        for code, all_ in _tables().items()
        if (kept := tuple(t for t in all_ if t.reach in reaches))
    }


def _merged(
    violations: Sequence[Violation],
    lang: str,
    text: str | None,
    reaches: tuple[str, ...],
    held: dict[int, int] | None = None,
) -> list[Violation]:
    """One pass of ``merge`` over the tables that reach this far; ``held``: findings that
    only a keeper at least this severe may take (``_held``)."""
    if len(violations) < 2:
        return list(violations)
    tables = _reaching(reaches)
    # Each violation's rule, place and severity read once into lists: a long text's merge
    # asks them of tens of thousands, several times each.
    rules = [v.rule for v in violations]
    keeping = [i for i, rule in enumerate(rules) if rule in tables]
    if not keeping:
        return list(violations)
    starts = [v.start for v in violations]
    ends = [v.end for v in violations]
    # A span that overlaps no other takes nothing by a table of the same words: a keeper
    # with no other table is left out (most findings of a long text stand alone).
    if "overlap" in reaches:
        crowded = _crowded(starts, ends)
        keeping = [i for i in keeping if crowded[i] or not _near_only(rules[i], reaches)]
        if not keeping:
            return list(violations)
    wanted = frozenset().union(
        *(t.absorb for rule in {rules[i] for i in keeping} for t in tables[rule])
    )
    candidates = sorted(
        (i for i, rule in enumerate(rules) if rule in wanted), key=starts.__getitem__
    )
    if not candidates:
        return list(violations)
    ranks = [_RANK[v.severity] for v in violations]
    # Per set of rules absorbed, the candidates of those rules: a keeper asks only them (a
    # term's table for links and ads asked every nearby term, each then refused).
    near: dict[frozenset[str], _Near] = {}
    sentences: _Sentences | None = None  # built when a sentence-reaching table is asked
    order = _order()
    last = len(order)
    # Keepers by (most severe, depth, tier, listed before built where a table says so, longest
    # unless a table says the earlier, rule's place, earliest): what a rule and a severity say
    # of the order is looked up once per pair, not per finding.
    kept_rules = {rules[i] for i in keeping}
    listed_first = {rule for rule in kept_rules if any(t.listed_first for t in tables[rule])}
    in_order = {rule for rule in kept_rules if any(t.earliest for t in tables[rule])}
    depth = _depth(reaches)
    heads: dict[tuple[str, int], tuple[int, int, int, int]] = {}
    keys = []
    for i in keeping:
        rule, rank = rules[i], ranks[i]
        head = heads.get((rule, rank))
        if head is None:
            head = heads[rule, rank] = (
                -rank,
                depth.get(rule, 0),
                _tier(rule),
                order.get(rule, last),
            )
        built = rule in listed_first and SOLICITATION in violations[i].techniques
        longest = 0 if rule in in_order else starts[i] - ends[i]
        keys.append((head[0], head[1], head[2], built, longest, head[3], starts[i], i))
    keys.sort()
    taken: dict[int, list[int]] = {}
    gone: set[int] = set()
    wide: dict[_Table, list[int]] = {}
    left: dict[tuple[_Table, int, int, str], list[int]] = {}
    for key in keys:
        k = key[-1]
        if k in gone:
            continue
        rule, rank = rules[k], ranks[k]
        for table in tables[rule]:
            if rank < table.least or (not table.framed and violations[k].frame is not None):
                continue
            reach = table.reach
            absorb = table.absorb
            if reach == "overlap":
                found = near.get(absorb)
                if found is None:
                    found = near[absorb] = _Near(
                        starts, ends, [i for i in candidates if rules[i] in absorb]
                    )
                if not found.any:
                    continue
                pool: Iterable[int] = found.around(starts[k], ends[k])
            elif reach == "sentence":
                if sentences is None:
                    sentences = _Sentences(starts, candidates, text)
                # a keeper joined across a sentence end (溜冰吗？有货，冰毒K粉) reaches every
                # sentence it spans
                first = sentences.index(starts[k])
                last = sentences.index(max(starts[k], ends[k] - 1))
                at = (table, first, last, rule if table.same_rule else "")
                found_left = left.get(at)
                pool = sentences.between(first, last) if found_left is None else found_left
            else:  # what no keeper took yet: each is looked at until one takes it
                # (those no later keeper of the table can take are left out for good)
                pool = wide[table] = [
                    j
                    for j in wide.get(table, candidates)
                    if j not in gone
                    and j not in taken
                    and rules[j] in absorb
                    and (table.framed or violations[j].frame is None)
                ]
            staying: list[int] = []
            for j in pool:
                if j == k:
                    staying.append(j)
                    continue
                if (
                    j in gone
                    or j in taken
                    or rules[j] not in absorb
                    or ranks[j] > rank
                    or (table.same_rule and rules[j] != rule)
                    or (not table.framed and violations[j].frame is not None)
                    or (
                        reach == "overlap"
                        and not _spans_overlap(starts[k], ends[k], starts[j], ends[j])
                    )
                    or (held and rank < held.get(j, rank))
                ):
                    continue
                taken.setdefault(k, []).append(j)
                gone.add(j)
            if reach == "sentence":
                # What a keeper leaves is what no later keeper can take either (they come
                # no more severe, a same-rule table's pool is its rule's): a sentence of many
                # framed warnings is walked once, not once per keeper.
                left[at] = staying
    if not taken:
        return list(violations)
    out = []
    memo: dict[tuple[object, ...], tuple[str, str]] = {}
    for i, v in enumerate(violations):
        if i in gone:
            continue
        absorbed = taken.get(i)
        out.append(
            v if absorbed is None else _joined(v, [violations[j] for j in absorbed], lang, memo)
        )
    return out


_RANK = {severity: severity.rank for severity in Severity}


@cache
def _near_only(rule: str, reaches: tuple[str, ...]) -> bool:
    """Whether every table of ``rule`` that reaches this far reaches only its own words."""
    return all(t.reach == "overlap" for t in _reaching(reaches)[rule])


def _crowded(starts: Sequence[int], ends: Sequence[int]) -> bytearray:
    """1 for each span that overlaps another's (``_overlap``), else 0. An empty span
    overlaps only the same empty span; of the others, taken by start, one overlaps an
    earlier one when the furthest earlier end passes its start, and a later one when the
    next starts before its end."""
    out = bytearray(len(starts))
    empty: dict[int, list[int]] = {}
    spans = []
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if start == end:
            empty.setdefault(start, []).append(i)
        else:
            spans.append((start, end, i))
    for same in empty.values():
        if len(same) > 1:
            for i in same:
                out[i] = 1
    spans.sort()
    reach = -1
    for k, (start, end, i) in enumerate(spans):
        if reach > start or (k + 1 < len(spans) and spans[k + 1][0] < end):
            out[i] = 1
        if end > reach:
            reach = end
    return out


def _joined(
    kept: Violation,
    absorbed: list[Violation],
    lang: str,
    memo: dict[tuple[object, ...], tuple[str, str]] | None = None,
) -> Violation:
    """``kept`` carrying ``absorbed`` (and whatever they carried) in ``also``. ``memo``: the
    note and fixes of marks alike (``_added``), kept for one merge."""
    carried = [w for v in (kept, *absorbed) for w in v.also]
    also = (*carried, *(v if not v.also else _bare(v, lang, memo) for v in absorbed))
    also = tuple(sorted(also, key=_PLACE))
    kept = _bare(kept, lang, memo)
    note, fixes = _added(kept, also, lang, memo)
    suggestion = kept.suggestion + fixes if kept.suggestion is not None else kept.suggestion
    return _updated(kept, kept.message + note, suggestion, also)


def _added(
    kept: Violation,
    also: Sequence[Violation],
    lang: str,
    memo: dict[tuple[object, ...], tuple[str, str]] | None = None,
) -> tuple[str, str]:
    """The note and the fixes ``kept`` adds for ``also``: remembered in ``memo`` by what
    they read of the two (a long text repeats one mark thousands of times)."""
    if memo is None or len(also) > _ALIKE:
        read = _read(kept, also)
        return _note(kept, also, lang, read), _fixes(kept, also, lang, read)
    key = (
        kept.rule,
        kept.severity,
        kept.frame is None,
        kept.suggestion,
        tuple((v.rule, _overlap(kept, v), v.frame is None, v.suggestion, v.text) for v in also),
    )
    found = memo.get(key)
    if found is None:
        read = _read(kept, also)
        found = memo[key] = (_note(kept, also, lang, read), _fixes(kept, also, lang, read))
    return found


# Marks of more findings than this are not remembered: a long text repeats small ones.
_ALIKE = 8


def _updated(
    v: Violation, message: str, suggestion: str | None, also: tuple[Violation, ...]
) -> Violation:
    """``v.model_copy(update=…)`` of these three fields, made directly: a long text's merge
    makes one per mark, and pydantic's copy went through ``copy.copy`` three times."""
    values = v.__dict__.copy()
    values["message"], values["suggestion"], values["also"] = message, suggestion, also
    fields = v.__pydantic_fields_set__
    # A finding's violation and a mark share the set of what validation records as set,
    # as ``Violation.placed`` does: one set fewer for the collector to walk per mark.
    marked = _MARKED if fields is _FOUND_FIELDS or fields is _MARKED else fields | _UPDATED
    return unvalidated(Violation, values, marked)


_UPDATED = frozenset(("message", "suggestion", "also"))
_MARKED = _FOUND_FIELDS | _UPDATED


def _bare(
    v: Violation, lang: str, memo: dict[tuple[object, ...], tuple[str, str]] | None = None
) -> Violation:
    """``v`` without what it absorbed, and without the note and the fixes that named them."""
    if not v.also:
        return v
    note, fixes = _added(v, v.also, lang, memo)
    message = v.message[: -len(note)] if note and v.message.endswith(note) else v.message
    suggestion = v.suggestion
    if fixes and suggestion is not None and suggestion.endswith(fixes):
        suggestion = suggestion[: -len(fixes)]
    return _updated(v, message, suggestion, ())


_PLACE = attrgetter("start", "end", "rule")
# Whether each absorbed finding overlaps the kept one, and the table by which it was taken.
_Read = tuple[list[bool], list[OneMark | None]]


def _read(kept: Violation, also: Sequence[Violation]) -> _Read:
    """Whether each of ``also`` overlaps ``kept``, and the table by which ``kept`` took it
    (``_table_for``): read once for the note and the fixes, as a mark in a long text absorbs
    thousands."""
    rule, rank, kept_framed = kept.rule, kept.severity.rank, kept.frame is not None
    a0, a1 = kept.start, kept.end
    # ``_overlap`` of each, written out: a call a finding was half of this reading.
    if a0 == a1:
        over = [v.start == a0 and v.end == a1 for v in also]
    else:
        over = [v.start != v.end and a0 < v.end and v.start < a1 for v in also]
    known: dict[tuple[str, bool, bool], OneMark | None] = {}  # a few pairs, thousands of times
    tables = []
    for v, o in zip(also, over, strict=True):
        framed = v.frame is not None
        key = (v.rule, o, framed)
        table = known.get(key)
        if table is None and key not in known:
            table = known[key] = _table_for(rule, v.rule, rank, o, framed, kept_framed)
        tables.append(table)
    return over, tables


def _missing(
    kept: Violation, also: Sequence[Violation], tables: Sequence[OneMark | None]
) -> list[Violation]:
    """Of ``also``, the other missing parts of the kept finding's problem."""
    return [v for v, t in zip(also, tables, strict=True) if t is not None and t.parts]


def _fixes(kept: Violation, also: Sequence[Violation], lang: str, read: _Read | None = None) -> str:
    """What the kept finding's suggestion adds: the fixes of the other missing parts, then of
    the other problems of the same thing (a link's), each once. A finding the frame judge
    lowered gives the frame's advice alone: a phishing link quoted in a warning is taken out
    or defanged, not moved to https."""
    tables = (read or _read(kept, also))[1]
    missing = sorted(_missing(kept, also, tables), key=lambda v: _tier(v.rule))
    fixes = [v.suggestion for v in missing if v.suggestion]
    if kept.frame is None:
        fixes += [
            v.suggestion
            for v, t in zip(also, tables, strict=True)
            if t is not None and t.fixes and v.suggestion
        ]
    fixes = [f for f in dict.fromkeys(fixes) if f != kept.suggestion]
    return "".join(("; " if lang == "en" else "；") + f for f in fixes)


# A short exclamation heads the sentence after it (转发抽奖！转发本条到朋友圈，抽三人送): one
# sentence to the marks, so that the headline's findings and the offer's are one mark
# (new-user trial s15). At most this many characters; a headed sentence heads no other.
_HEADLINE = 8


def _sentence_ends(text: str) -> list[int]:
    """Where the sentences of ``text`` end, a headline's end left out."""
    folded = fold_one_to_one(text)
    ends: list[int] = []
    start, headed = 0, False
    for m in _SENTENCE_END.finditer(folded):
        end = m.start()
        if not headed and folded[end] == "!" and 0 < len(folded[start:end].strip()) <= _HEADLINE:
            headed = True
        else:
            ends.append(end)
            headed = False
        start = end + 1
    return ends


class _Sentences:
    """The candidates by the sentence they start in (sentence ends as the clause view reads
    them), so that a finding asks only its own sentence's."""

    def __init__(self, starts: Sequence[int], candidates: list[int], text: str | None) -> None:
        """``candidates``: indices into ``starts``, by start."""
        self._ends = _sentence_ends(text) if text is not None else None
        self._by: dict[int, list[int]] = {}
        if self._ends is not None:
            # ``candidates`` come by start, so their sentences do too: a walk along the
            # ends, not a bisection a candidate.
            ends, by, n = self._ends, self._by, len(self._ends)
            group: list[int] | None
            k, group = 0, None  # the sentence's index and its list
            for i in candidates:
                start = starts[i]
                if k < n and ends[k] < start:
                    k = bisect_left(ends, start, k)
                    group = None
                if group is None:
                    group = by.setdefault(k, [])
                group.append(i)

    def index(self, start: int) -> int:
        """The place of the sentence a finding starting at ``start`` starts in."""
        return -1 if self._ends is None else bisect_left(self._ends, start)

    def between(self, first: int, last: int) -> list[int]:
        """The candidates of the sentences at places ``first`` to ``last`` (``index``)."""
        if first == last:
            return self._by.get(first, [])
        return [i for k in range(first, last + 1) for i in self._by.get(k, [])]


class _Near:
    """The candidates that may overlap a span, found without a pass over all of them: short
    ones (most: terms, numbers, joins) within one window's bisection (as far back as the
    longest of them reaches), long ones (links) by bisection and a walk back that stops where
    no earlier one reaches the span."""

    SHORT = 64

    def __init__(self, starts: Sequence[int], ends: Sequence[int], candidates: list[int]) -> None:
        short = [i for i in candidates if ends[i] - starts[i] <= self.SHORT]
        self.short, self.short_starts = short, [starts[i] for i in short]
        self.longest = max((ends[i] - starts[i] for i in short), default=0)
        long = [i for i in candidates if ends[i] - starts[i] > self.SHORT]
        self.long, self.long_starts = long, [starts[i] for i in long]
        self.reach = list(accumulate((ends[i] for i in long), max))
        self.any = bool(candidates)

    def around(self, start: int, end: int) -> list[int]:
        """The candidates that may overlap ``[start, end)``."""
        end = max(end, start + 1)
        lo = bisect_left(self.short_starts, start - self.longest)
        found = self.short[lo : bisect_left(self.short_starts, end)]
        k = bisect_left(self.long_starts, end) - 1
        while k >= 0 and self.reach[k] >= start:
            found.append(self.long[k])
            k -= 1
        return found


def parts(violations: Iterable[Violation], lang: str) -> list[Violation]:
    """Each merged finding taken apart again: the kept one as it was, and those it absorbed."""
    out: list[Violation] = []
    for v in violations:
        if not v.also:
            out.append(v)
            continue
        out.append(_bare(v, lang))
        out.extend(v.also)
    return out


def _overlap(a: Violation, b: Violation) -> bool:
    return _spans_overlap(a.start, a.end, b.start, b.end)


def _spans_overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Two spans share a character, or are the same empty span (an anchor's)."""
    if a0 == a1 or b0 == b1:
        return a0 == b0 and a1 == b1
    return a0 < b1 and b0 < a1


def _note(kept: Violation, also: Sequence[Violation], lang: str, read: _Read | None = None) -> str:
    """What the kept finding's message adds: the codes and names of those on its words, and
    of those elsewhere (its own rule's with their words: the other terms of one offer); for
    those whose advice does not apply, only the reason (their codes read as jargon to a
    sender who never saw them: new-user trial s16; ``also`` keeps them)."""
    over, tables = read or _read(kept, also)
    missing = _missing(kept, also, tables)
    here: list[Violation] = []
    there: list[Violation] = []
    # the reasons, those of findings on the kept finding's words first (the link's, then the
    # message's): one pass (a mark in a long text absorbs thousands)
    moot_here: dict[str, None] = {}
    moot_there: dict[str, None] = {}
    for v, t, o in zip(also, tables, over, strict=True):
        if t is not None and t.moot is not None:
            (moot_here if o else moot_there)[t.moot.pick(lang)] = None
        elif t is None or not t.parts:
            (here if o else there).append(v)
    out = ""
    if missing:
        out += ("; it also lacks " if lang == "en" else "；还缺少") + _parts_named(missing, lang)
    if here:
        out += (
            "; the same words also fall under " if lang == "en" else "；同一处也属于 "
        ) + _named(here, kept.rule, lang)
    if there:
        out += ("; this mark also covers " if lang == "en" else "；一并标出 ") + _named(
            there, kept.rule, lang
        )
    for reason in {**moot_here, **moot_there}:
        out += f"; {reason}" if lang == "en" else f"；{reason}"
    return out


def applying(kept: Violation) -> tuple[Violation, ...]:
    """Of the findings ``kept`` absorbed, those whose advice still applies: a label beside the
    mark names a rule to act on, and a blocked gambling offer is not told to add 【广告】 (the
    note says why those do not apply)."""
    tables = _read(kept, kept.also)[1]
    return tuple(v for v, t in zip(kept.also, tables, strict=True) if t is None or t.moot is None)


def _parts_named(missing: Sequence[Violation], lang: str) -> str:
    """「发送者名称（WX404）和退订方式（WX403）：fixes」, in the order the parts are added."""
    words = catalog().words.get("missing", {})
    names = []
    missing = sorted(missing, key=lambda v: _tier(v.rule))
    for v in missing:
        rule = catalog().by_code[v.rule]
        summary = rule.summary_en if lang == "en" else rule.summary_zh
        name = words[v.rule].pick(lang) if v.rule in words else summary
        names.append(f"{name} ({v.rule})" if lang == "en" else f"{name}（{v.rule}）")
    fixes = [v.suggestion for v in missing if v.suggestion]
    if lang == "en":
        listed = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)
        return listed + (": " + "; ".join(fixes) if fixes else "")
    listed = "和".join(["、".join(names[:-1]), names[-1]] if len(names) > 2 else names)
    return listed + ("：" + "；".join(fixes) if fixes else "")


def _named(found: Sequence[Violation], own: str, lang: str) -> str:
    codes = sorted(dict.fromkeys(v.rule for v in found), key=lambda c: c != own)
    rules = [catalog().by_code[c] for c in codes if c in catalog().by_code]
    named = []
    for r in rules:
        words = "".join(f"「{v.text}」" for v in found if v.rule == r.code == own and v.text)
        summary = r.summary_en if lang == "en" else r.summary_zh
        named.append(
            f"{r.code} ({summary}){words}" if lang == "en" else f"{r.code}（{summary}）{words}"
        )
    return (", " if lang == "en" else "、").join(named)


# -- anchors -----------------------------------------------------------------------------
def clear_anchors(findings: list[Finding], text: str) -> list[Finding]:
    """Findings with every anchor moved off the others' spans: to the first free stretch of
    its span (the last, for an anchor at the end), cut back to whole words; an anchor with no
    free stretch stays where it is, beside the other mark: an empty span would be no mark to
    see (new-user trial s8), and a later clause would not be where the fix goes."""
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
            continue
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
    a, b = _whole_words(text, *(stretches[-1] if at_end else stretches[0]), at_end)
    return _stripped(text, a, b)


def _stripped(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without the spaces at its edges: a mark on 王洋 in 王洋 13812345678, not on
    王洋 and the space the number's mark left (new-user trial s13)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


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
