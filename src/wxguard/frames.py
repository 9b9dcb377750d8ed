"""The frame judge: a warning is not an offer, a report is not a sale.

Schools, committees, police stations and newspapers name drugs, gambling and scams to warn
against them (请大家不要吸毒, 反诈：下载APP领红包的都是骗子) or to report a case (警方破获一起
贩毒案). Before a finding of the judged rules reaches the report, the judge reads its clause
and sentence (and a short heading) for the cues of a frame; in one, the finding is reported
at the frame kind's severity and carries the frame, so the reader sees it was judged, not
missed. A contact, a price or an offer in the finding's sentence defeats the frame: a
solicitation dressed as a warning (提醒：货到了，要冰毒的私聊) keeps its severity.

Everything the judge reads is data (``wordlists/frames.toml``, which users extend with a
``[frames]`` table in their phrase files); it runs in the engine on every family's findings,
and costs nothing on a message without a judged finding. Families whose judgement must be
made while they match consult it through ``Cues`` and ``Notice`` (WX3: a debunking or a
report quoted in a join's sentence lowers the join, with a ``Frame`` of kind ``refuted``;
WX8: a warning in a join's sentence cancels a described scam, and a quoted link or number).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path
from typing import Any

from .catalog import catalog
from .compiled import compiled
from .errors import WordListError
from .families.base import Finding, Frame
from .models import Severity
from .phrases.banks import Bank, BankSource, Hit, add_user_phrases, bundled_family
from .phrases.clauses import Clauses, compact
from .phrases.joins import Spans, uncovered
from .text.views import TextView

FILE = "wordlists/frames.toml"
EXEMPT = "exempt"
CHANNEL = "channel"  # phone numbers, chat ids and links, found by code
OFFICIAL = "official"
DEFEATERS = ("contact", "price", "offer", "sale")
REACHES = ("clause", "sentence")
SCOPES = ("sentence", "message")
# A finding inside 《…》 (a book, film, article or news title) is cited, not said.
_TITLE = re.compile(r"《[^《》\n]{1,60}》")


@dataclass(frozen=True)
class Kind:
    """A frame kind: what a framed finding becomes and what defeats it."""

    name: str
    severity: Severity
    defeated_by: tuple[str, ...]
    governed: frozenset[str]


@dataclass(frozen=True)
class Cue:
    """A cue bank and where its phrases must stand relative to the finding."""

    bank: str
    kind: str
    reach: str
    before: bool
    gap: int | None
    title: bool
    next: int
    skip: frozenset[str]  # rules this cue does not frame


@dataclass(frozen=True)
class FrameModel:
    banks: dict[str, Bank]
    cues: tuple[Cue, ...]
    kinds: dict[str, Kind]
    rules: frozenset[str]
    title: int  # a first sentence at most this long is a heading
    quoted: str | None  # the kind of a finding inside 《…》


def frame_model(files: tuple[Path, ...]) -> FrameModel:
    """The model with the phrases of these users' files added."""
    return compiled("frames", lambda: _build(files), files=files, what="phrase file")


def _build(files: tuple[Path, ...]) -> FrameModel:
    data, sources = bundled_family("frames")
    if CHANNEL in sources:
        raise WordListError(
            FILE, None, f"banks.{CHANNEL}: the name is reserved for the channels found by code"
        )
    for name in (EXEMPT, OFFICIAL, *DEFEATERS):
        sources.setdefault(name, BankSource(name, "", [], [], {}))
    add_user_phrases("frames", sources, files)
    banks = {name: src.compile() for name, src in sources.items()}
    for name, bank in banks.items():
        if bank.options.get("scope", "sentence") not in SCOPES:
            raise WordListError(
                FILE, None, f"banks.{name}.scope must be one of {', '.join(SCOPES)}"
            )
    banks[CHANNEL] = BankSource(CHANNEL, "", [], [], {}).compile()
    kinds = {name: _kind(name, spec, banks) for name, spec in _table(data, "kinds").items()}
    judge = _table(data, "judge")
    rules = catalog().resolve(_names(judge, "rules", "judge"), (), _names(judge, "skip", "judge"))
    cues = tuple(
        _cue(name, bank.options, kinds) for name, bank in banks.items() if "kind" in bank.options
    )
    title = judge.get("title", 0)
    if not isinstance(title, int) or title < 0:
        raise WordListError(
            FILE, None, f"judge.title must be a non-negative integer, got {title!r}"
        )
    quoted = judge.get("quoted")
    if quoted is not None and quoted not in kinds:
        raise WordListError(FILE, None, f"judge.quoted: unknown kind {quoted!r}")
    return FrameModel(banks, cues, kinds, rules, title, quoted)


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise WordListError(FILE, None, f"[{key}] must be a table")
    return value


def _names(spec: dict[str, Any], key: str, where: str) -> list[str]:
    value = spec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise WordListError(FILE, None, f"{where}.{key} must be a list of rule selectors")
    return value


def _kind(name: str, spec: Any, banks: dict[str, Bank]) -> Kind:
    where = f"kinds.{name}"
    if not isinstance(spec, dict):
        raise WordListError(FILE, None, f"{where} must be a table")
    if name not in catalog().frames:
        raise WordListError(
            FILE,
            None,
            f"{where}: the catalog has no text for this kind (data/rules.toml [frames.{name}])",
        )
    try:
        severity = Severity(spec.get("severity"))
    except ValueError:
        raise WordListError(
            FILE, None, f"{where}.severity must be info, warning or error"
        ) from None
    lists = {key: spec.get(key, []) for key in ("defeated-by", "governed")}
    for key, value in lists.items():
        if not isinstance(value, list) or any(v not in banks for v in value):
            raise WordListError(FILE, None, f"{where}.{key} must list known banks, got {value!r}")
    return Kind(name, severity, tuple(lists["defeated-by"]), frozenset(lists["governed"]))


def _cue(name: str, options: dict[str, Any], kinds: dict[str, Kind]) -> Cue:
    where = f"banks.{name}"
    kind, reach = options.get("kind"), options.get("reach", "sentence")
    if kind not in kinds:
        raise WordListError(
            FILE, None, f"{where}.kind: unknown kind {kind!r} (known: {', '.join(kinds)})"
        )
    if reach not in REACHES:
        raise WordListError(
            FILE, None, f"{where}.reach must be one of {', '.join(REACHES)}, got {reach!r}"
        )
    gap, after = options.get("gap"), options.get("next", 0)
    for key, value in (("gap", gap), ("next", after)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise WordListError(
                FILE, None, f"{where}.{key} must be a non-negative integer, got {value!r}"
            )
    flags = {key: options.get(key, False) for key in ("before", "title")}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise WordListError(FILE, None, f"{where}.{key} must be true or false, got {value!r}")
    skip = (
        catalog().resolve(_names(options, "skip", where), (), ())
        if options.get("skip")
        else frozenset()
    )
    return Cue(name, str(kind), str(reach), flags["before"], gap, flags["title"], after, skip)


class Cues:
    """One cue bank's hits in a message's clause view, less those an exemption covers, looked
    up by bisection: the judge a family consults while it matches, so that many joins in a
    long text stay cheap."""

    def __init__(
        self, bank: Bank, text: str, exempt: Bank | None = None, *, overlapping: bool = True
    ) -> None:
        hits = bank.hits(text, overlapping=overlapping)
        if hits and exempt is not None:
            hits = uncovered(hits, exempt.hits(text))
        self.spans = [(h.start, h.end) for h in hits]
        self.starts = [h.start for h in hits]

    def first(self, begin: int, end: int) -> tuple[int, int] | None:
        """The first cue that starts at ``begin`` or later, if it ends by ``end``."""
        i = bisect_left(self.starts, begin)
        if i < len(self.spans) and self.spans[i][1] <= end:
            return self.spans[i]
        return None


class Notice:
    """Whether a span of a message stands in a sentence with a cue of one bank (WX8: a
    warning about scams describes, it does not demand), and whether it is quoted. The cues
    are looked for when the first span asks, the quotation marks when the first quote is."""

    def __init__(self, bank: Bank, clauses: Clauses) -> None:
        self.bank, self.clauses = bank, clauses
        self._cues: Spans | None = None
        self._quotes: Quotes | None = None

    def warns(self, start: int, end: int) -> bool:
        """A cue in the sentence of the compact ``[start, end)``."""
        if self._cues is None:
            self._cues = Spans(self.bank.hits(self.clauses.text))
        clauses = self.clauses
        return self._cues.inside_from(clauses.sentence_start(start), clauses.sentence_end(end - 1))

    def quoted(self, start: int, end: int) -> bool:
        """The compact ``[start, end)`` lies inside one pair of quotation marks."""
        if self._quotes is None:
            self._quotes = Quotes(self.clauses.original_text)
        return self._quotes.around(*self.clauses.original(start, end))


_OPENERS = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》", '"': '"'}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}


_QUOTE_MARKS = re.compile("[" + "".join(sorted({*_OPENERS, *_CLOSERS})) + "]")


class Quotes:
    """The quotation marks of a text, read once: which one is open (innermost) after each
    mark. Reading the text up to every join again took a long text's length squared."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._marks: list[int] = []
        self._open: list[str | None] = []  # the innermost open mark after each of _marks
        depth: list[str] = []
        for m in _QUOTE_MARKS.finditer(text):
            c = m.group()
            if c == '"' and depth and depth[-1] == '"':
                depth.pop()
            elif c in _OPENERS:
                depth.append(c)
            elif c in _CLOSERS and depth and depth[-1] == _CLOSERS[c]:
                depth.pop()
            self._marks.append(m.start())
            self._open.append(depth[-1] if depth else None)
        self._last = {closer: text.rfind(closer) for closer in _CLOSERS}

    def around(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` lie inside one pair of quotation marks?"""
        i = bisect_left(self._marks, start)
        opener = self._open[i - 1] if i else None
        if opener is None:
            return False
        closer = _OPENERS[opener]
        return closer not in self.text[start:end] and self._last[closer] >= end


class FrameJudge:
    """Lowers the findings that stand in a frame; built once per Guard, shared by threads."""

    def __init__(self, files: tuple[Path, ...]) -> None:
        self.model = frame_model(files)
        self._floor = min(
            (k.severity.rank for k in self.model.kinds.values()), default=Severity.ERROR.rank
        )

    def judge(
        self, findings: list[Finding], view: TextView, severity_of: Callable[[Finding], Severity]
    ) -> list[Finding]:
        """``findings`` with every framed one lowered to its frame's severity (never raised)."""
        rules = self.model.rules
        todo = [
            i
            for i, f in enumerate(findings)
            if f.rule in rules and severity_of(f).rank > self._floor
        ]
        if not todo:
            return findings
        reading = _Reading(self.model, view, [findings[i] for i in todo])
        out = list(findings)
        for i in todo:
            f = findings[i]
            frame = reading.frame(f, severity_of(f))
            if frame is not None:
                out[i] = replace(f, severity=frame.severity, frame=frame)
        return out


class _Reading:
    """One message as the judge reads it: the clause view, each bank's hits once, and the
    compact positions of the findings it judges."""

    def __init__(self, model: FrameModel, view: TextView, findings: list[Finding]) -> None:
        self.model = model
        self.clauses = Clauses.of(view)
        self.view = view
        self.original = view.text
        self._hits: dict[str, tuple[list[Hit], list[int]]] = {}
        self._exempt: list[Hit] | None = None
        self._titles: list[tuple[int, int]] | None = None
        points = {p for f in findings for p in (f.start, f.end)}
        self.at = _compact_positions(self.original, points)
        text = self.clauses.text
        first = self.clauses.sentence_end(0)
        self.heading = first if 0 < first <= model.title and first < len(text) else 0

    # -- hits ----------------------------------------------------------------------------
    def hits(self, bank: str) -> tuple[list[Hit], list[int]]:
        """The bank's hits that no longer exemption covers, and their starts (for bisection)."""
        found = self._hits.get(bank)
        if found is None:
            hits = self.model.banks[bank].hits(self.clauses.text)
            if hits and bank != EXEMPT:
                hits = _unexempted(hits, self.exempt())
            if bank == CHANNEL:
                hits = self.channels()
            found = self._hits[bank] = (hits, [h.start for h in hits])
        return found

    def exempt(self) -> list[Hit]:
        if self._exempt is None:
            self._exempt = self.model.banks[EXEMPT].hits(self.clauses.text)
        return self._exempt

    def within(self, bank: str, lo: int, hi: int) -> Iterable[Hit]:
        hits, starts = self.hits(bank)
        for k in range(bisect_left(starts, lo), len(hits)):
            if hits[k].start >= hi:
                break
            if hits[k].end <= hi:
                yield hits[k]

    def channels(self) -> list[Hit]:
        """Phone numbers, chat ids and links, found by code, as contact hits."""
        from .families.scams.channels import (
            find_channels,
            may_have_channel,
        )  # only framed messages need them

        if not may_have_channel(self.view.folded):
            return []
        found = find_channels(self.original, self.view.folded)
        points = _compact_positions(self.original, {p for c in found for p in (c.start, c.end)})
        return [
            Hit(points[c.start], points[c.end], CHANNEL)
            for c in found
            if points[c.end] > points[c.start]
        ]

    # -- judging -------------------------------------------------------------------------
    def frame(self, f: Finding, severity: Severity) -> Frame | None:
        """The most lenient undefeated frame around ``f`` that lowers its severity."""
        start, end = self.at[f.start], self.at[f.end]
        if end <= start:
            return None
        found: dict[str, list[tuple[int, int]]] = {}
        for cue in self.model.cues:
            if f.rule in cue.skip:
                continue
            found.setdefault(cue.kind, []).extend(self.cues(cue, start, end))
        title = self.quoted(f) if self.model.quoted is not None else None
        if title is not None and self.model.quoted is not None:
            found.setdefault(self.model.quoted, []).append(title[0])
        framing = sorted(
            (self.model.kinds[k] for k, spans in found.items() if spans),
            key=lambda k: k.severity.rank,
        )
        for kind in framing:
            if kind.severity.rank >= severity.rank:
                break
            spans = found[kind.name]
            if self.defeated(kind, spans, start, end):
                continue
            nearest = min(spans, key=lambda span: max(span[0] - end, start - span[1], 0))
            if title is not None and nearest == title[0]:
                lo, hi = title[1]
            else:
                lo, hi = self.clauses.original(*nearest)
            return Frame(kind.name, self.original[lo:hi], kind.severity)
        return None

    def cues(self, cue: Cue, start: int, end: int) -> list[tuple[int, int]]:
        """The hits of ``cue`` that frame the finding at compact ``[start, end)``."""
        clauses = self.clauses
        if cue.reach == "clause":
            lo, hi = clauses.clause_start(start), clauses.clause_end(end - 1)
        else:
            lo, hi = clauses.sentence_start(start), clauses.sentence_end(end - 1)
            for _ in range(cue.next):
                if hi < len(clauses.text):
                    hi = clauses.sentence_end(hi + 1)
        spans = [
            (hit.start, hit.end)
            for hit in self.within(cue.bank, lo, hi)
            if not (hit.start < end and start < hit.end)
            and not (cue.before and hit.end > start)
            and not (cue.gap is not None and start - hit.end > cue.gap)
        ]
        if cue.title and self.heading and start >= self.heading:
            spans += [(hit.start, hit.end) for hit in self.within(cue.bank, 0, self.heading)]
        return spans

    def defeated(self, kind: Kind, cues: list[tuple[int, int]], start: int, end: int) -> bool:
        """A contact, a price or an offer in the finding's sentence (a contact the sender
        gives, 私我 or 加我, anywhere in the message) that no cue governs: a prohibition
        governs the verb of its own clause (严禁出售)."""
        clauses = self.clauses
        sentence = clauses.sentence_start(start), clauses.sentence_end(end - 1)
        governing = {clauses.clause_start(a) for a, _ in cues}
        for bank in kind.defeated_by:
            whole = self.model.banks[bank].options.get("scope") == "message"
            lo, hi = (0, len(clauses.text)) if whole else sentence
            for hit in self.within(bank, lo, hi):
                clause = clauses.clause_start(hit.start)
                if bank in kind.governed and clause in governing:
                    continue
                if bank in (CHANNEL, "contact") and self.official(
                    clause, clauses.clause_end(hit.start)
                ):
                    continue
                return True
        return False

    def official(self, lo: int, hi: int) -> bool:
        return any(True for _ in self.within(OFFICIAL, lo, hi))

    def quoted(self, f: Finding) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The 《title》 that holds the finding, in compact and in original indices."""
        if self._titles is None:
            self._titles = (
                [m.span() for m in _TITLE.finditer(self.original)] if "《" in self.original else []
            )
        for a, b in self._titles:
            if a < f.start and f.end < b:
                points = _compact_positions(self.original, (a, b))
                return (points[a], points[b]), (a, b)
        return None


def _unexempted(hits: list[Hit], exempt: list[Hit]) -> list[Hit]:
    """Hits not inside a longer exemption (不要钱 is no prohibition; 识别 stays a cue even
    though an exemption may list it). An exemption holding a hit is longer unless it has the
    hit's own span, so the furthest end among exemptions starting at or before the hit (and
    strictly before, for an equal end) decides: linear after sorting, for long texts."""
    if not exempt:
        return hits
    ordered = sorted(exempt, key=lambda e: e.start)
    starts = [e.start for e in ordered]
    reach = list(accumulate((e.end for e in ordered), max))
    kept: list[Hit] = []
    for h in hits:
        at_or_before = bisect_right(starts, h.start)
        before = bisect_left(starts, h.start)
        if at_or_before and reach[at_or_before - 1] > h.end:
            continue
        if before and reach[before - 1] >= h.end:
            continue
        kept.append(h)
    return kept


def _compact_positions(original: str, points: Iterable[int]) -> dict[int, int]:
    """Each original index's position in the compact view: one pass over the text in
    order, since compacting works character by character."""
    out: dict[int, int] = {}
    at, pos = 0, 0
    for p in sorted(points):
        at += len(compact(original[pos:p]))
        out[p] = at
        pos = p
    return out
