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
WX8: a warning in a join's sentence lowers a described scam, and a quoted link or number,
with a ``Frame`` of kind ``warned``). ``Guard(frames=False)`` turns all of it off.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

from .catalog import catalog
from .compiled import compiled
from .errors import WordListError
from .families.base import Finding, Frame
from .models import Severity
from .phrases.banks import Bank, BankSource, Found, Hit, add_user_phrases, bundled_family
from .phrases.clauses import Clauses, compact_sizes
from .phrases.joins import Spans, uncovered
from .text.folding import SENTENCE_ENDS
from .text.views import TextView

FILE = "wordlists/frames.toml"
EXEMPT = "exempt"
CHANNEL = "channel"  # phone numbers, chat ids and links, found by code
OFFICIAL = "official"
DEFEATERS = ("contact", "price", "offer", "sale")
REACHES = ("clause", "sentence")
SCOPES = ("sentence", "message")
# A bank, the compact range its hits are read in, and whether a quoted hit is cited (a
# notice quotes the offer it warns of: 有人发“出售冰毒”的信息，请举报).
_Window = tuple[str, int, int, bool]
# A finding inside 《…》 (a book, film, article or news title) is cited, not said.
_TITLE = re.compile(r"《[^《》\n]{1,60}》")
# What a verb cue may have after it and still point back at what came before (大家要远离它).
_REFERENT = re.compile(r"(它们?|他们|她们|此类?|这些|这类|那些|那类|其)[的吧呀啊哦了！!。…]*")
# A tag the message opens with (【新闻】, [通知]): it tells nothing the sentence after it says.
_TAG = re.compile(r"\s*[【〖\[][^】〗\]\n]{1,12}[】〗\]]")
# A title opening a sentence (【严禁违法】出售冰毒) is a clause of its own: a cue in it governs
# nothing after it, while one that names the act inside a sentence still does (请大家不要【吸毒】).
_HEAD_TITLE = re.compile(
    r"(?:^|(?<=[" + re.escape(SENTENCE_ENDS) + r"]))\s*[【〖\[][^】〗\]\n]{1,30}([】〗\]])"
)


@dataclass(frozen=True)
class Kind:
    """A frame kind: what a framed finding becomes and what defeats it."""

    name: str
    severity: Severity
    defeated_by: tuple[str, ...]
    governed: frozenset[str]
    told: frozenset[str]  # defeaters a cue of the finding's own sentence tells of


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
    previous: int
    skip: frozenset[str]  # rules this cue does not frame
    # A verb that takes an object (谨防, 远离): with something else after it in its clause
    # (远离假平台, 谨防假冒), it warns of that, not of the finding.
    object: bool = False
    # The rules this cue frames instead of the judged ones, skipped or not (a rebuke names
    # someone else's curse, which no warning lowers).
    only: frozenset[str] | None = None

    def frames(self, rule: str, judged: frozenset[str]) -> bool:
        if self.only is not None:
            return rule in self.only
        return rule in judged and rule not in self.skip


@dataclass(frozen=True)
class FrameModel:
    banks: dict[str, Bank]
    cues: tuple[Cue, ...]
    kinds: dict[str, Kind]
    judged: frozenset[str]  # the rules every cue frames but those it skips
    title: int  # a first sentence at most this long is a heading
    quoted: str | None  # the kind of a finding inside 《…》
    # Rules only some cues frame (their ``only``), and those cues' banks: a finding of one
    # is read only in a message where one of them has a hit.
    narrow: dict[str, frozenset[str]]

    @property
    def rules(self) -> frozenset[str]:
        """Every rule whose findings the judge may lower."""
        return self.judged | self.narrow.keys()

    @property
    def cue_banks(self) -> frozenset[str]:
        return frozenset(c.bank for c in self.cues)


def _kind_order(cues: tuple[Cue, ...]) -> dict[str, int]:
    """Kinds of equal severity are tried in the order their first cue is listed, whichever
    cues have hits in a message, so the frame named does not depend on what else it says."""
    order: dict[str, int] = {}
    for cue in cues:
        order.setdefault(cue.kind, len(order))
    return order


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
    narrow: dict[str, set[str]] = {}
    for cue in cues:
        for rule in cue.only or ():
            if rule not in rules:
                narrow.setdefault(rule, set()).add(cue.bank)
    return FrameModel(
        banks, cues, kinds, rules, title, quoted, {r: frozenset(b) for r, b in narrow.items()}
    )


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
    lists = {key: spec.get(key, []) for key in ("defeated-by", "governed", "told")}
    for key, value in lists.items():
        if not isinstance(value, list) or any(v not in banks for v in value):
            raise WordListError(FILE, None, f"{where}.{key} must list known banks, got {value!r}")
    whole = [v for v in lists["governed"] if banks[v].options.get("scope") == "message"]
    if whole:
        raise WordListError(
            FILE,
            None,
            f'{where}.governed: {", ".join(whole)} has scope = "message"; a cue governs'
            " the clauses of its sentence, so only sentence-scope banks can be governed",
        )
    stray = [v for v in lists["told"] if v not in lists["defeated-by"]]
    if stray:
        raise WordListError(
            FILE, None, f"{where}.told: {', '.join(stray)} is not in {where}.defeated-by"
        )
    return Kind(
        name,
        severity,
        tuple(lists["defeated-by"]),
        frozenset(lists["governed"]),
        frozenset(lists["told"]),
    )


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
    gap, after, before = options.get("gap"), options.get("next", 0), options.get("previous", 0)
    for key, value in (("gap", gap), ("next", after), ("previous", before)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise WordListError(
                FILE, None, f"{where}.{key} must be a non-negative integer, got {value!r}"
            )
    flags = {key: options.get(key, False) for key in ("before", "title", "object")}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise WordListError(FILE, None, f"{where}.{key} must be true or false, got {value!r}")
    skip = (
        catalog().resolve(_names(options, "skip", where), (), ())
        if options.get("skip")
        else frozenset()
    )
    only = catalog().resolve(_names(options, "only", where), (), ()) if "only" in options else None
    return Cue(
        name,
        str(kind),
        str(reach),
        flags["before"],
        gap,
        flags["title"],
        after,
        before,
        skip,
        flags["object"],
        only,
    )


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

    def last_before(self, end: int) -> tuple[int, int] | None:
        """Of the cues that end at or before ``end``, the one starting last."""
        k = bisect_left(self.starts, end) - 1
        while k >= 0 and self.spans[k][1] > end:
            k -= 1
        return self.spans[k] if k >= 0 else None

    def first_clear(
        self, begin: int, end: int, parts: tuple[tuple[int, int], ...]
    ) -> tuple[int, int] | None:
        """The first cue inside ``[begin, end)`` that overlaps none of ``parts``: what a rule
        matched is never a cue (否则将被封号 is the threat, not a report of one), while a cue
        between the parts still is (转发所谓的…即可领取红包). A bisection per cue skipped."""
        at = begin
        while (found := self.first(at, end)) is not None:
            if not any(a < found[1] and found[0] < b for a, b in parts):
                return found
            at = found[0] + 1
        return None


class Notice:
    """Whether a span of a message stands in a sentence with a cue of one bank (WX8: a
    warning about scams describes, it does not demand; WX2: a notice quotes a bad link), and
    whether it is quoted. With ``heading`` (the model's ``title``), a cue in a first sentence
    that short (【反诈提醒】 on its own line) warns every sentence after it. The cues are
    looked for when the first span asks, the quotation marks when the first quote is."""

    def __init__(
        self, bank: Bank, clauses: Clauses, *, heading: int = 0, exempt: Bank | None = None
    ) -> None:
        """``exempt``: a cue inside one of its hits is none (WX8: 不要透露 inside a fake
        official's 不要透露给任何人 keeps a secret, it warns of nothing)."""
        self.bank, self.clauses, self.exempt = bank, clauses, exempt
        first = clauses.sentence_end(0)
        self._heading = first if 0 < first <= heading and first < len(clauses.text) else 0
        self._cues: Spans[Hit] | None = None
        self._quotes: Quotes | None = None

    def warns(self, start: int, end: int) -> bool:
        """A cue in the sentence of the compact ``[start, end)``."""
        return self.cue(start, end) is not None

    def any(self) -> bool:
        """A cue anywhere in the message."""
        return bool(self._spans().hits)

    def _spans(self) -> Spans[Hit]:
        if self._cues is None:
            text = self.clauses.text
            hits = self.bank.hits(text)
            if hits and self.exempt is not None:
                hits = uncovered(hits, self.exempt.hits(text))
            self._cues = Spans(hits)
        return self._cues

    def hits(self) -> list[Hit]:
        """Every cue of the message, by start (compact indices)."""
        return self._spans().hits

    def overlaps(self, start: int, end: int) -> bool:
        """Some cue overlaps the compact ``[start, end)``."""
        return self._spans().overlaps(start, end)

    def cue(self, start: int, end: int) -> tuple[int, int] | None:
        """The first cue in the sentence of the compact ``[start, end)`` (else in the
        heading above it): its compact span."""
        clauses = self.clauses
        begin, last = clauses.sentence_start(start), clauses.sentence_end(end - 1)
        found = self._first(begin, last)
        if found is None and self._heading and start > self._heading:
            found = self._first(0, self._heading)
        return found

    def _first(self, begin: int, last: int) -> tuple[int, int] | None:
        cues = self._spans()
        for k in cues.starting(begin, last):  # all but the last few end in the range
            if cues.hits[k].end <= last:
                return cues.hits[k].start, cues.hits[k].end
        return None

    def quoted(self, start: int, end: int) -> bool:
        """The compact ``[start, end)`` lies inside one pair of quotation marks."""
        if self._quotes is None:
            self._quotes = Quotes(self.clauses.original_text)
        return self._quotes.around(*self.clauses.original(start, end))


_OPENERS = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》", '"': '"', "'": "'"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_SYMMETRIC = {c for c, close in _OPENERS.items() if c == close}

# An ASCII apostrophe quotes only with no Latin letter or digit on either side: in don't,
# it's, 90's and 5' it is no quotation mark.
_QUOTE_MARKS = re.compile(
    "[" + "".join(sorted({*_OPENERS, *_CLOSERS} - {"'"})) + "]|(?<![A-Za-z0-9])'(?![A-Za-z0-9])"
)


class Quotes:
    """The quotation marks of a text, read once: which one is open (innermost) after each
    mark. Reading the text up to every join again took a long text's length squared."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._marks: list[int] = []
        self._open: list[str | None] = []  # the innermost open mark after each of _marks
        self._last: dict[str, int] = {}  # each mark's last place (not an apostrophe's)
        depth: list[str] = []
        for m in _QUOTE_MARKS.finditer(text):
            c = m.group()
            if c in _SYMMETRIC and depth and depth[-1] == c:
                depth.pop()
            elif c in _OPENERS:
                depth.append(c)
            elif c in _CLOSERS and depth and depth[-1] == _CLOSERS[c]:
                depth.pop()
            self._marks.append(m.start())
            self._open.append(depth[-1] if depth else None)
            self._last[c] = m.start()

    def around(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` lie inside one pair of quotation marks?"""
        i = bisect_left(self._marks, start)
        opener = self._open[i - 1] if i else None
        if opener is None:
            return False
        closer = _OPENERS[opener]
        return closer not in self.text[start:end] and self._last.get(closer, -1) >= end


_BY_RANK = {s.rank: s for s in Severity}


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
        model = self.model
        rules = model.rules
        floor = self._floor
        # (index, severity rank): a pair of ints, which the collector stops walking once it
        # has seen it (a severity in the pair kept a long text's pairs tracked).
        todo = [
            (i, rank)
            for i, f in enumerate(findings)
            if f.rule in rules and (rank := severity_of(f).rank) > floor
        ]
        if todo and model.narrow:
            todo = self._framable(todo, findings, view)
        if not todo:
            return findings
        terms = [f for f in findings if f.rule in rules]
        reading = _Reading(self.model, view, [findings[i] for i, _ in todo], terms)
        if not reading.may_frame():
            return findings
        out = list(findings)
        for i, rank in todo:
            f = findings[i]
            frame = reading.frame(f, _BY_RANK[rank])
            if frame is not None:
                out[i] = f.framed(frame)
        return out

    def _framable(
        self, todo: list[tuple[int, int]], findings: list[Finding], view: TextView
    ) -> list[tuple[int, int]]:
        """``todo`` less the findings of a rule only some cues frame when none of those has a
        hit in the message: most curses stand in no rebuke, and reading them all cost a
        message full of them a third more time."""
        narrow = self.model.narrow
        asked = {findings[i].rule for i, _ in todo} & narrow.keys()
        if not asked:
            return todo
        text = _listed(view).text
        banks = self.model.banks
        live = {r for r in asked if any(banks[b].found(text) for b in narrow[r])}
        return [
            (i, s) for i, s in todo if findings[i].rule not in asked or findings[i].rule in live
        ]


class _Reading:
    """One message as the judge reads it: the clause view, each bank's hits once (plain
    tuples, ``Found``, which the collector stops walking: a long text holds one or two a
    finding), and the compact positions of the findings it judges."""

    def __init__(
        self,
        model: FrameModel,
        view: TextView,
        findings: list[Finding],
        terms: list[Finding] | None = None,
    ) -> None:
        """``findings`` are those judged; ``terms`` every finding of the judged rules (by
        default, those of ``findings``)."""
        if terms is None:
            terms = [f for f in findings if f.rule in model.rules]
        self.model = model
        self.clauses = _listed(view)
        self.view = view
        self._quotes: Quotes | None = None
        self.original = view.text
        # The text the judge's clauses were built from (titles closed by a comma): compact
        # positions are counted in it.
        self.read = self.clauses.original_text
        self._hits: dict[str, tuple[list[Found], list[int]]] = {}
        self._cue_hits: dict[str, list[Found]] = {}
        self._exempt: list[Found] | None = None
        self._titles: list[tuple[int, int]] | None = None
        self._title_at: dict[int, int] = {}
        self._by_end: dict[str, tuple[list[Found], list[int], int]] = {}
        self._open: dict[_Window, list[int]] = {}
        self._headlines: dict[str, _Listed] = {}
        self._far: dict[
            tuple[_Window, tuple[tuple[str, int, int], ...], tuple[str, ...]],
            tuple[list[int], list[int]],
        ] = {}
        self._cued: dict[str, frozenset[int]] = {}
        self._frames: dict[tuple[str, str], Frame] = {}
        self._live: list[Cue] | None = None
        self._rule_cues: dict[str, list[tuple[Cue, tuple[str, int, int]]]] = {}
        self._defeaters: dict[str, list[tuple[str, bool, bool, bool]]] = {}
        self._defeating: dict[tuple[str, tuple[int, int], bool], list[_Window]] = {}
        self._order: dict[str, int] | None = None
        self._judged, self._judged_terms = findings, terms
        self._at: dict[int, int] | None = None
        self._terms: list[tuple[int, int]] = []
        self._idle: tuple[list[int], list[int]] | None = None
        text = self.clauses.text
        first = self.clauses.sentence_end(0)
        self.heading = first if 0 < first <= model.title and first < len(text) else 0
        tag = _TAG.match(self.original)
        self.tag = _compact_positions(self.read, {tag.end()})[tag.end()] if tag else 0

    def positions(self) -> dict[int, int]:
        """The compact position of each edge of the judged findings and terms, counted on
        first need (a message in which no cue has a hit and no title stands needs none)."""
        if self._at is None:
            terms = self._judged_terms
            points = {p for f in (*self._judged, *terms) for p in (f.start, f.end)}
            at = self._at = _compact_positions(self.read, points)
            self._terms = sorted((at[f.start], at[f.end]) for f in terms if at[f.end] > at[f.start])
        return self._at

    @property
    def terms(self) -> list[tuple[int, int]]:
        """What the judged rules matched, in compact indices: a term is never a cue."""
        self.positions()
        return self._terms

    def may_frame(self) -> bool:
        """Whether any finding can be framed: some cue has a hit (``live_cues``), or a title
        may hold one (``quoted``). With neither, every finding is left as it is, unread (a
        long text dense with terms and no cue)."""
        return bool(self.live_cues()) or (self.model.quoted is not None and "《" in self.original)

    # -- hits ----------------------------------------------------------------------------
    def hits(self, bank: str) -> tuple[list[Found], list[int]]:
        """The bank's hits that no longer exemption covers, and their starts (for bisection)."""
        found = self._hits.get(bank)
        if found is None:
            if bank == CHANNEL:
                hits = self.channels()
            elif bank in self.model.cue_banks:
                hits = self.cue_hits(bank)
                if hits:
                    hits = self.idle_out(hits)
            else:
                hits = self.model.banks[bank].found(self.clauses.text)
                if hits and bank != EXEMPT:
                    hits = _unexempted(hits, self.exempt())
            found = self._hits[bank] = (hits, [h[0] for h in hits])
        return found

    def cue_hits(self, bank: str) -> list[Found]:
        """A cue bank's hits that no longer exemption covers and that lie inside no finding
        (a term is never a cue), before a verb's idle object is taken out: read once for
        ``hits`` and for the verbs of ``idle``."""
        found = self._cue_hits.get(bank)
        if found is None:
            hits = self.model.banks[bank].found(self.clauses.text)
            if hits:
                hits = _uncontained(_unexempted(hits, self.exempt()), self.terms)
            found = self._cue_hits[bank] = hits
        return found

    def idle_out(self, hits: list[Found]) -> list[Found]:
        """``hits`` less those a verb cue's object holds, the verb included, when that object
        is something other than a finding: 代开发票，谨防上当受骗 warns the buyer of being
        cheated (by others), 百家乐，远离假平台 of other sites; 大家要远离 and 远离毒品 still
        warn of what they name."""
        if self._idle is None:
            self._idle = self.idle()
        starts, ends = self._idle
        if not starts:
            return hits
        return [h for h in hits if not ((i := bisect_right(starts, h[0])) and h[0] < ends[i - 1])]

    def idle(self) -> tuple[list[int], list[int]]:
        """The compact ranges from a verb cue to the end of its clause whose object holds no
        finding of the judged rules (merged, by start)."""
        clauses, text = self.clauses, self.clauses.text
        term_starts = [a for a, _ in self.terms]
        ranges: list[tuple[int, int]] = []
        for bank in {c.bank for c in self.model.cues if c.object}:
            for h in self.cue_hits(bank):
                last = clauses.clause_end(h[0])
                # What follows the verb in its clause, read in place: a copy of it for each
                # verb took a long clause's length squared (谨防有人出售冰毒 × n, one clause).
                if h[1] >= last or _REFERENT.fullmatch(text, h[1], last):
                    continue
                i = bisect_left(term_starts, h[1])
                if i < len(term_starts) and term_starts[i] < last:
                    continue
                ranges.append((h[0], last))
        ranges.sort()
        starts: list[int] = []
        ends: list[int] = []
        for a, b in ranges:
            if starts and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        return starts, ends

    def exempt(self) -> list[Found]:
        if self._exempt is None:
            self._exempt = self.model.banks[EXEMPT].found(self.clauses.text)
        return self._exempt

    def within(self, bank: str, lo: int, hi: int) -> Iterable[Found]:
        hits, starts = self.hits(bank)
        for k in range(bisect_left(starts, lo), len(hits)):
            if hits[k][0] >= hi:
                break
            if hits[k][1] <= hi:
                yield hits[k]

    def channels(self) -> list[Found]:
        """Phone numbers, chat ids and links, found by code, as contact hits."""
        from .families.scams.channels import (
            find_channels,
            may_have_channel,
        )  # only framed messages need them

        if not may_have_channel(self.view.folded):
            return []
        found = find_channels(self.original, self.view.folded)
        points = _compact_positions(self.read, {p for c in found for p in (c.start, c.end)})
        return [
            (points[c.start], points[c.end], CHANNEL)
            for c in found
            if points[c.end] > points[c.start]
        ]

    # -- judging -------------------------------------------------------------------------
    def frame(self, f: Finding, severity: Severity) -> Frame | None:
        """The most lenient undefeated frame around ``f`` that lowers its severity."""
        at = self.positions()
        start, end = at[f.start], at[f.end]
        if end <= start:
            return None
        found: dict[str, list[_Cued | _Listed]] = {}
        windows: dict[tuple[str, int, int], tuple[int, int]] = {}  # one per reach, for all cues
        headed = bool(self.heading) and start >= self.heading
        clauses = self.clauses
        sentence = clauses.sentence_start(start), clauses.sentence_end(end - 1)
        for cue, reach in self.rule_cues(f.rule):
            parts = found.setdefault(cue.kind, [])
            window = windows.get(reach)
            if window is None:
                window = windows[reach] = self.window(cue, start, end, sentence)
            if cue.reach == "clause" or self.starts_in(cue.bank, *window):
                parts.append(_Cued(self, cue, start, end, *window))
            if cue.title and headed:
                parts.append(self.headline(cue.bank))
        model = self.model
        quoted = model.quoted
        title = self.quoted(f) if quoted is not None and f.rule in model.judged else None
        if title is not None and quoted is not None:
            found.setdefault(quoted, []).append(_Listed(self, [title[0]]))
        if self._order is None:
            self._order = _kind_order(model.cues)
        order = self._order
        kinds = model.kinds
        framing: list[Kind] = []
        for name, parts in found.items():  # a loop, not a comprehension's frame a finding
            for part in parts:
                if part.any():
                    framing.append(kinds[name])
                    break
        if len(framing) > 1:  # most findings stand in one kind's frame, or none
            framing.sort(key=lambda k: (k.severity.rank, order.get(k.name, len(order))))
        for kind in framing:
            if kind.severity.rank >= severity.rank:
                break
            parts = found[kind.name]
            if self.defeated(kind, parts, start, end, sentence):
                continue
            nearest: tuple[int, tuple[int, int]] | None = None
            for part in parts:  # the first of the nearest, in the order the cues are listed
                near = part.nearest(start, end)
                if near is not None and (nearest is None or near[0] < nearest[0]):
                    nearest = near
            assert nearest is not None  # the kind has a cue
            if title is not None and nearest[1] == title[0]:
                lo, hi = title[1]
            else:
                lo, hi = clauses.original(*nearest[1])
            key = (kind.name, self.original[lo:hi])
            made = self._frames.get(key)
            if made is None:  # one object for every finding a cue frames alike
                made = self._frames[key] = Frame(kind.name, key[1], kind.severity)
            return made
        return None

    def rule_cues(self, rule: str) -> list[tuple[Cue, tuple[str, int, int]]]:
        """The live cues that frame findings of ``rule``, in order, each with its reach
        (which names its window): asked once per rule, not per finding."""
        found = self._rule_cues.get(rule)
        if found is None:
            judged = self.model.judged
            found = self._rule_cues[rule] = [
                (cue, (cue.reach, cue.next, cue.previous))
                for cue in self.live_cues()
                if cue.frames(rule, judged)
            ]
        return found

    def live_cues(self) -> list[Cue]:
        """The cues whose bank has a hit in the message. A cue with none frames nothing,
        governs nothing and defeats nothing, so a finding need not ask it; in a long text
        with many findings and few cues, asking every cue for every finding was most of
        the judge's time."""
        if self._live is None:
            self._live = [cue for cue in self.model.cues if self.hits(cue.bank)[0]]
        return self._live

    def starts_in(self, bank: str, lo: int, hi: int) -> bool:
        """Some hit of ``bank`` starts in ``[lo, hi)``. A sentence-reaching cue with none
        in its window is inert (it only ever reads that window); a clause-reaching one is
        not, since it governs its own clause wherever the finding stands."""
        starts = self.hits(bank)[1]
        i = bisect_left(starts, lo)
        return i < len(starts) and starts[i] < hi

    def window(self, cue: Cue, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
        """Where the hits of ``cue`` may frame the finding at compact ``[start, end)``, which
        stands in ``sentence``."""
        clauses = self.clauses
        if cue.reach == "clause":
            return clauses.clause_start(start), clauses.clause_end(end - 1)
        lo, hi = sentence
        for _ in range(cue.next):
            if hi < len(clauses.text):
                hi = clauses.sentence_end(hi + 1)
        for _ in range(cue.previous):
            if lo > 0:
                lo = clauses.sentence_start(lo - 1)
        return lo, hi

    def headline(self, bank: str) -> _Listed:
        """The bank's hits in the heading, which frame the findings after it."""
        found = self._headlines.get(bank)
        if found is None:
            spans = [(h[0], h[1]) for h in self.within(bank, 0, self.heading)]
            found = self._headlines[bank] = _Listed(self, spans, heading=True)
        return found

    def by_end(self, bank: str) -> tuple[list[Found], list[int], int]:
        """The bank's hits by (end, start), their ends, and the longest hit's length."""
        found = self._by_end.get(bank)
        if found is None:
            hits = sorted(self.hits(bank)[0], key=lambda h: (h[1], h[0]))
            longest = max((h[1] - h[0] for h in hits), default=0)
            found = self._by_end[bank] = (hits, [h[1] for h in hits], longest)
        return found

    def defeated(
        self,
        kind: Kind,
        cues: list[_Cued | _Listed],
        start: int,
        end: int,
        sentence: tuple[int, int],
    ) -> bool:
        """A contact, a price or an offer in the finding's sentence (a contact the sender
        gives, 私我 or 加我, anywhere in the message) that no cue governs: a prohibition
        governs the verb of its own clause (严禁出售)."""
        # News tells of a sale in its own sentence (男子出售冰毒被抓获); under a bare heading
        # or tag (【新闻】出售冰毒，…) the sale is the offer itself.
        told = False
        if kind.told:  # a loop, not a generator's frame a finding
            tag = self.tag
            for c in cues:
                if c.any_from(tag) if isinstance(c, _Cued) else not c.heading and c.any():
                    told = True
                    break
        for window in self.defeating(kind, sentence, told):
            if not window[3] or self.ungoverned(window, cues, start, end):
                return True
        return False

    def defeating(self, kind: Kind, sentence: tuple[int, int], told: bool) -> list[_Window]:
        """The windows of the kind's defeaters (the sentence, or the whole message) that hold
        a hit in an open clause, in order, up to the first that no cue governs (it defeats
        whatever the finding): worked out once per sentence, not per finding. The banks are
        read in order and no further, so those after one that defeats outright are never
        read."""
        key = (kind.name, sentence, told)
        found = self._defeating.get(key)
        if found is None:
            found = []
            size = len(self.clauses.text)
            for bank, whole, governed, tells in self.defeaters(kind):
                if told and tells:
                    continue
                lo, hi = (0, size) if whole else sentence
                window = (bank, lo, hi, governed)
                if self.open_clauses(window):
                    found.append(window)
                    if not governed:
                        break
            self._defeating[key] = found
        return found

    def defeaters(self, kind: Kind) -> list[tuple[str, bool, bool, bool]]:
        """The kind's defeating banks in order, each with whether it reaches the whole
        message, whether a cue governs it and whether a cue tells of it: read once per kind,
        not per finding. Their hits are read only when asked (the channels, found by code,
        cost a long text more than the rest of the judge once a contact defeats first)."""
        found = self._defeaters.get(kind.name)
        if found is None:
            banks = self.model.banks
            found = self._defeaters[kind.name] = [
                (
                    bank,
                    banks[bank].options.get("scope") == "message",
                    bank in kind.governed,
                    bank in kind.told,
                )
                for bank in kind.defeated_by
            ]
        return found

    def open_clauses(self, window: _Window) -> list[int]:
        """The starts of the clauses of ``[lo, hi)`` holding a hit of ``bank`` that no official
        clause excuses (a contact in 举报请拨打…): read once per window, whatever the number
        of findings asking."""
        found = self._open.get(window)
        if found is None:
            bank, lo, hi, cited = window
            clauses = self.clauses
            found = []
            hits, starts = self.hits(bank)
            k = bisect_left(starts, lo)
            while k < len(hits) and hits[k][0] < hi:
                hit = hits[k]
                k += 1
                if hit[1] > hi or (cited and self.cited(hit)):
                    continue
                clause, last = clauses.clause_start(hit[0]), clauses.clause_end(hit[0])
                k = max(k, bisect_right(starts, last))  # one answer per clause
                if not (bank in (CHANNEL, "contact") and self.official(clause, last)):
                    found.append(clause)
            self._open[window] = found
        return found

    def ungoverned(
        self, window: _Window, cues: list[_Cued | _Listed], start: int, end: int
    ) -> bool:
        """Some clause of ``open_`` that no cue framing the finding at ``[start, end)``
        governs. The finding's own clauses are asked directly; for the others the answer
        does not depend on where in the sentence the finding stands (a cue reaching its
        clause only governs there; one reaching its sentence governs a clause it stands in,
        before the finding or after it), so it comes from an index of the sentence's clauses
        built once: in a long sentence, asking every clause for every finding took the
        text's length squared. A cue that reaches only its own clause (不要, 切勿) governs
        the clause it stands in wherever the finding is (谨防…诈骗，切勿添加微信)."""
        clauses = self.clauses
        first, last = clauses.clause_start(start), clauses.clause_end(end - 1)
        listed: set[int] = set()
        cued: list[_Cued] = []
        own: list[frozenset[int]] = []
        # What ``far`` keys its index by, gathered in the same pass (building it there from
        # ``cued`` took three comprehensions a finding).
        windows: list[tuple[str, int, int]] = []
        banks: list[str] = []
        for c in cues:  # one pass (most findings have one cue), no comprehension's frame
            if isinstance(c, _Listed):
                listed.update(clauses.clause_start(a) for a, _ in c.spans)
            else:
                cued.append(c)
                cue = c.cue
                if cue.reach == "clause":
                    own.append(self.cued_clauses(cue.bank))
                    banks.append(cue.bank)
                else:
                    windows.append((cue.bank, c.lo, c.hi))
        open_ = self.open_clauses(window)
        for clause in open_[bisect_left(open_, first) : bisect_right(open_, last)]:
            if clause in listed or any(clause in held for held in own):
                continue
            for c in cued:  # a loop, not a generator's frame a finding
                if c.governs(clause):
                    break
            else:
                return True
        before, after = self.far(window, cued, (window, tuple(windows), tuple(banks)))
        # An earlier clause the index cannot clear may still be governed by a cue hit that
        # ends close before the finding (a cue with a gap) or runs into a later clause.
        i = bisect_left(before, first) - 1
        while i >= 0:
            clause = before[i]
            if clause not in listed and not any(c.governs(clause) for c in cued):
                return True
            i -= 1
        k = bisect_right(after, last)  # read in place: a copy of the rest for each finding
        return any(after[j] not in listed for j in range(k, len(after)))

    def cued_clauses(self, bank: str) -> frozenset[int]:
        """The starts of the clauses holding a hit of ``bank``."""
        found = self._cued.get(bank)
        if found is None:
            clause_start = self.clauses.clause_start
            found = self._cued[bank] = frozenset(clause_start(h[0]) for h in self.hits(bank)[0])
        return found

    def far(
        self,
        window: _Window,
        cued: list[_Cued],
        key: tuple[_Window, tuple[tuple[str, int, int], ...], tuple[str, ...]],
    ) -> tuple[list[int], list[int]]:
        """Of the window's open clauses that no clause-reaching cue holds, those a
        sentence-reaching cue does not govern from inside the clause when the finding stands
        after it (a cue with a gap is left to the caller), and those it does not govern when
        the finding stands before it. ``key``: the window, each sentence-reaching cue's bank
        and window, and the clause-reaching cues' banks, in the order of ``cued``."""
        found = self._far.get(key)
        if found is None:
            sentence = [c for c in cued if c.cue.reach == "sentence"]
            own = key[2]
            clauses = self.clauses
            before: list[int] = []
            after: list[int] = []
            held = [self.cued_clauses(bank) for bank in own]
            for clause in self.open_clauses(window):
                if any(clause in h for h in held):
                    continue
                last = clauses.clause_end(clause)
                if not any(c.inside(clause, last, last) for c in sentence if c.cue.gap is None):
                    before.append(clause)
                if not any(c.inside(clause, last, c.hi) for c in sentence if not c.cue.before):
                    after.append(clause)
            found = self._far[key] = (before, after)
        return found

    def cited(self, hit: Found) -> bool:
        """The hit lies inside quotation marks: the notice quotes it (警惕“出售冰毒”的信息)."""
        if self._quotes is None:
            self._quotes = Quotes(self.original)
        return self._quotes.around(*self.clauses.original(hit[0], hit[1]))

    def official(self, lo: int, hi: int) -> bool:
        return any(True for _ in self.within(OFFICIAL, lo, hi))

    def quoted(self, f: Finding) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The 《title》 that holds the finding, in compact and in original indices."""
        if self._titles is None:
            self._titles = (
                [m.span() for m in _TITLE.finditer(self.original)] if "《" in self.original else []
            )
            # Placed in one pass, not each from the start of the text.
            self._title_at = _compact_positions(self.read, {p for t in self._titles for p in t})
        # Titles never overlap: only the last one opening before the finding can hold it.
        i = bisect_left(self._titles, (f.start,)) - 1
        if i >= 0:
            a, b = self._titles[i]
            if a < f.start and f.end < b:
                return (self._title_at[a], self._title_at[b]), (a, b)
        return None


class _Listed:
    """Spans named outright (a heading's cues, the title holding the finding)."""

    __slots__ = ("heading", "reading", "spans")

    def __init__(
        self, reading: _Reading, spans: list[tuple[int, int]], *, heading: bool = False
    ) -> None:
        self.reading, self.spans, self.heading = reading, spans, heading

    def any(self) -> bool:
        return bool(self.spans)

    def nearest(self, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
        best: tuple[int, tuple[int, int]] | None = None
        for span in self.spans:
            gap = max(span[0] - end, start - span[1], 0)
            if best is None or gap < best[0]:
                best = (gap, span)
        return best

    def governs(self, clause: int) -> bool:
        return any(self.reading.clauses.clause_start(a) == clause for a, _ in self.spans)


class _Cued:
    """A cue's hits that frame one finding: those of its window ``[lo, hi)`` that end before
    the finding (within ``gap``) or, unless the cue must come ``before``, start after it.
    Asked by bisection near the finding, never listed: in a long sentence every finding
    listing every cue took the text's length squared."""

    __slots__ = ("_any", "cue", "end", "hi", "hits", "lo", "reading", "start", "starts")

    def __init__(self, reading: _Reading, cue: Cue, start: int, end: int, lo: int, hi: int) -> None:
        self.reading, self.cue = reading, cue
        self.start, self.end, self.lo, self.hi = start, end, lo, hi
        self.hits, self.starts = reading.hits(cue.bank)
        self._any: bool | None = None

    def _before(self, a: int, b: int) -> Found | None:
        """The first hit starting in ``[a, b]`` that frames the finding from before it."""
        gap, start, hi = self.cue.gap, self.start, self.hi
        a = max(a, self.lo)
        if gap is not None:  # a hit starting further back ends too far back
            a = max(a, start - gap - self.reading.by_end(self.cue.bank)[2])
        b = min(b, start - 1, hi - 1)
        hits = self.hits
        for k in range(bisect_left(self.starts, a), len(hits)):
            h = hits[k]
            if h[0] > b:
                return None
            if h[1] <= start and h[1] <= hi and (gap is None or start - h[1] <= gap):
                return h
        return None

    def _after(self, a: int, b: int) -> Found | None:
        """The first hit starting in ``[a, b]`` that frames the finding from after it
        (within ``gap`` of its end: 冰毒是什么 asks about the drug, 办假证取最是什么 not)."""
        if self.cue.before:
            return None
        a, b = max(a, self.end, self.lo), min(b, self.hi - 1)
        if self.cue.gap is not None:
            b = min(b, self.end + self.cue.gap)
        hits = self.hits
        for k in range(bisect_left(self.starts, a), len(hits)):
            h = hits[k]
            if h[0] > b:
                return None
            if h[1] <= self.hi:
                return h
        return None

    def any(self) -> bool:
        """A framing hit (asked twice of most: does the cue frame, and does it tell)."""
        if self._any is None:
            self._any = self._any_from(self.lo)
        return self._any

    def any_from(self, at: int) -> bool:
        """A framing hit that starts at ``at`` or later."""
        return self.any() if at <= self.lo else self._any_from(at)

    def _any_from(self, at: int) -> bool:
        return self._before(max(at, self.lo), self.start) is not None or (
            self._after(max(at, self.end), self.hi) is not None
        )

    def nearest(self, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
        """The nearest framing hit; of equals, the first by start (a hit before first)."""
        by_end, ends, _ = self.reading.by_end(self.cue.bank)
        gap, best = self.cue.gap, None
        k = bisect_right(ends, min(start, self.hi)) - 1
        while k >= 0:
            h = by_end[k]
            if h[1] < self.lo or (gap is not None and start - h[1] > gap):
                break
            if best is not None and h[1] < best[1]:
                break
            if self.lo <= h[0] < self.hi:
                best = h  # walking back through equal ends: the earliest start wins
            k -= 1
        after = self._after(end, self.hi)
        if best is not None and (after is None or start - best[1] <= after[0] - end):
            return start - best[1], (best[0], best[1])
        if after is not None:
            return after[0] - end, (after[0], after[1])
        return None

    def inside(self, a: int, b: int, bound: int) -> bool:
        """A hit of the window starting in ``[a, b]`` and ending by ``bound``."""
        a, b, bound = max(a, self.lo), min(b, self.hi - 1), min(bound, self.hi)
        hits = self.hits
        for k in range(bisect_left(self.starts, a), len(hits)):
            if hits[k][0] > b:
                return False
            if hits[k][1] <= bound:
                return True
        return False

    def governs(self, clause: int) -> bool:
        """Some framing hit starts in the clause that begins at ``clause``."""
        last = self.reading.clauses.clause_end(clause)
        return self._before(clause, last) is not None or self._after(clause, last) is not None


def _listed(view: TextView) -> Clauses:
    """The message's clauses as the judge reads them: a list comma (、) is no clause break, as
    the items of a list share the clause of the verb or the warning around them (不要出租、出售
    银行卡; 凡是让你出售银行卡、出租电话卡的都是违法的) and a cue governs them as one; a title
    opening a sentence ends a clause (``_titled``). Built from the text with those titles
    closed by a comma, of the same length: original indices stay valid, compact ones are the
    judge's own (``_Reading.read``)."""
    text = view.text
    titled = _titled(text)
    if titled is text and "、" not in text:
        return Clauses.of(view)

    def build() -> Clauses:
        clauses = Clauses.of(view) if titled is text else Clauses(titled)
        if "、" not in text:
            return clauses
        commas = [i for i, c in enumerate(text) if c == "、"]
        return clauses.joined(list(_compact_positions(titled, commas).values()))

    return view.memo("frame-clauses", build)


def _titled(text: str) -> str:
    """``text`` with the closing bracket of every title that opens a sentence written as a
    comma (【严禁违法,出售冰毒): a clause of its own, so its 严禁 governs no sale after it."""
    if "】" not in text and "〗" not in text and "]" not in text:
        return text
    ends = [m.start(1) for m in _HEAD_TITLE.finditer(text)]
    if not ends:
        return text
    chars = list(text)
    for at in ends:
        chars[at] = ","
    return "".join(chars)


def _unexempted(hits: list[Found], exempt: list[Found]) -> list[Found]:
    """Hits not inside a longer exemption (不要钱 is no prohibition; 识别 stays a cue even
    though an exemption may list it). An exemption holding a hit is longer unless it has the
    hit's own span, so the furthest end among exemptions starting at or before the hit (and
    strictly before, for an equal end) decides: linear after sorting, for long texts."""
    if not exempt:
        return hits
    ordered = sorted(exempt, key=lambda e: e[0])
    starts = [e[0] for e in ordered]
    reach = list(accumulate((e[1] for e in ordered), max))
    kept: list[Found] = []
    for h in hits:
        at_or_before = bisect_right(starts, h[0])
        before = bisect_left(starts, h[0])
        if at_or_before and reach[at_or_before - 1] > h[1]:
            continue
        if before and reach[before - 1] >= h[1]:
            continue
        kept.append(h)
    return kept


def _uncontained(hits: list[Found], spans: list[tuple[int, int]]) -> list[Found]:
    """Hits that lie inside none of ``spans`` (sorted by start)."""
    if not spans:
        return hits
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    return [h for h in hits if not ((i := bisect_right(starts, h[0])) and reach[i - 1] >= h[1])]


def _compact_positions(original: str, points: Iterable[int]) -> dict[int, int]:
    """Each original index's position in the compact view: the characters before it that
    compacting keeps (one or none each: ``compact_sizes``), counted in one pass over the
    text in order. Compacting each stretch between two points cost a text's length in new
    strings for every finding of a long text."""
    ordered = sorted(points)
    if not ordered:
        return {}
    sizes = compact_sizes(original[: ordered[-1]])
    out: dict[int, int] = {}
    at, pos = 0, 0
    for p in ordered:
        at += p - pos - sizes.count(0, pos, p)
        out[p] = at
        pos = p
    return out
