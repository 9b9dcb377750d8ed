"""Joining an action to what makes it a finding, within a clause or a short window.

A word such as 转发 or 关注 is no evidence on its own: minutes are forwarded and weather is
关注-ed every day. A finding needs the action joined to a reward, a gate, a number of
groups or people, or a threat, with no sentence end between them. The rules of the join
(which banks, how far, in which order) are data: ``[[combine]]`` and ``[[alone]]`` in a
family's bank file (``wordlists/inducement.toml``).

The context banks (``exempt``, ``blocker``, ``link``, ``link-head``, ``requirement``,
``completion``, ``acquire``) shape a join when a family has them and are empty when it does
not. A family may also find some banks' hits itself (links, phone numbers: things a phrase
cannot spell) and hand them in (``given``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

from ..catalog import catalog
from ..errors import WordListError
from ..text.quickregex import any_of
from .banks import Bank, BankIndex, Found, Hit, bank_index, prefilter
from .clauses import STRONG, WEAK, Clauses

# An acquire verb counts for a reward noun at most this far before it (领取一份价值99元的红包).
ACQUIRE_REACH = 6
# A blocker (已, 无需, 禁止 …) cancels an action it ends at most this far before (a blocker
# bank may set its own ``reach``).
BLOCKER_REACH = 2
# After a clause break, the joined phrase must open its clause (this many characters of lead
# at most) unless a link word (即可, 就, 每人 …) ties it to the action.
CLAUSE_LEAD = 1
LINK_BANKS = ("link", "link-head")
# A rule's ``lead`` phrase (登录 before a link) ends at most this far before the joined phrase.
LEAD_REACH = 8

CONFIDENCE = {"clause": 0.9, "window": 0.8, "reverse": 0.75, "alone": 0.95}


@dataclass(frozen=True)
class Combine:
    rule: str
    action: str
    with_: tuple[str, ...]
    after: int
    before: int
    clauses: int
    yield_to: tuple[str, ...]
    condition: bool = True  # a phrase before the action joins only when the action is a condition
    sentences: int = 0  # sentence ends allowed between the action and what it joins
    tied: bool = (
        True  # after a clause break the joined phrase opens its clause or a link word ties it
    )
    lead: tuple[str, ...] = ()  # banks one of which must stand right before the joined phrase


@dataclass(frozen=True)
class Alone:
    rule: str
    bank: str
    label: str


@dataclass(slots=True, unsafe_hash=True)
class Join:
    """A finding in compact indices: the action, what it is joined to, and how sure we are.
    Slotted: a long text keeps tens of thousands, and a dict each was more for the garbage
    collector to walk. Never changed once made, but not frozen: a frozen dataclass sets each
    field through ``object.__setattr__`` (3 µs a join against 1 µs), and a long text makes
    one for every action it joins; hashed by its fields all the same."""

    rule: str
    action: tuple[int, int]
    joined: tuple[int, int]
    confidence: float
    label: str | None = None
    whole: tuple[int, int] | None = None  # a stand-alone phrase's own span
    banks: tuple[str, str] = ("", "")  # the banks of the action and of what it is joined to

    @property
    def start(self) -> int:
        return self.whole[0] if self.whole else min(self.action[0], self.joined[0])

    @property
    def end(self) -> int:
        return self.whole[1] if self.whole else max(self.action[1], self.joined[1])


class Placed(NamedTuple):
    """A join in the original text: its span and the words of its two parts."""

    start: int
    end: int
    action: str
    joined: str


def placed(join: Join, clauses: Clauses, original: str | None = None) -> Placed:
    """Where ``join`` (found in ``clauses``) stands in the original text; a stand-alone
    phrase without a marked action names its joined part by its label. ``original``: the
    words to read when the clauses were built from a masked copy of the same length."""
    original = clauses.original_text if original is None else original
    a0, a1 = clauses.original(*join.action)
    if join.label is not None:
        joined = join.label
        start, end = clauses.original(join.start, join.end)
    else:
        j0, j1 = clauses.original(*join.joined)
        joined = original[j0:j1]
        # The map back rises with the position: the span of the two parts is theirs.
        start, end = (
            (min(a0, j0), max(a1, j1)) if join.whole is None else clauses.original(*join.whole)
        )
    return Placed(start, end, original[a0:a1], joined)


def _int(spec: dict[str, Any], key: str, default: int, where: str) -> int:
    value = spec.get(key, default)
    if not isinstance(value, int) or value < 0:
        raise WordListError(where, None, f"{key} must be a non-negative integer, got {value!r}")
    return value


def _bool(spec: dict[str, Any], key: str, default: bool, where: str) -> bool:
    value = spec.get(key, default)
    if not isinstance(value, bool):
        raise WordListError(where, None, f"{key} must be true or false, got {value!r}")
    return value


def read_rules(
    data: dict[str, Any], banks: dict[str, Bank], where: str, family: str
) -> tuple[list[Combine], list[Alone]]:
    """The ``[[combine]]`` and ``[[alone]]`` tables, checked against the known banks and the
    codes of ``family`` (a catalog prefix such as ``WX3``)."""

    def bank(name: Any, key: str) -> str:
        if name not in banks:
            raise WordListError(where, None, f"{key}: unknown bank {name!r}")
        return str(name)

    def code(value: Any) -> str:
        if not (isinstance(value, str) and value in catalog().codes(family)):
            raise WordListError(
                where, None, f"rule must be a {family} code of the catalog, got {value!r}"
            )
        return value

    for name, known in banks.items():
        for option in ("reach", "head"):
            if option in known.options:
                _int(known.options, option, 0, f"{where} banks.{name}")
    combines = []
    for spec in data.get("combine", []):
        rule = code(spec.get("rule"))
        combines.append(
            Combine(
                rule=rule,
                action=bank(spec.get("action"), f"combine {rule}.action"),
                with_=tuple(bank(b, f"combine {rule}.with") for b in spec.get("with", [])),
                after=_int(spec, "after", 20, where),
                before=_int(spec, "before", 0, where),
                clauses=_int(spec, "clauses", 2, where),
                yield_to=tuple(
                    bank(b, f"combine {rule}.yield-to") for b in spec.get("yield-to", [])
                ),
                condition=_bool(spec, "condition", True, where),
                sentences=_int(spec, "sentences", 0, where),
                tied=_bool(spec, "tied", True, where),
                lead=tuple(bank(b, f"combine {rule}.lead") for b in spec.get("lead", [])),
            )
        )
    alones = [
        Alone(
            code(spec.get("rule")), bank(spec.get("bank"), "alone.bank"), str(spec.get("label", ""))
        )
        for spec in data.get("alone", [])
    ]
    return combines, alones


# A hit (``Hit``) or a plain tuple of the same fields (``Found``, as the joins keep them).
H = TypeVar("H", bound=Found)


class Spans(Generic[H]):
    """Hits sorted by start, indexed for the questions joins ask about a position, so that
    each costs a bisection and the hits near it, not a pass over the whole message (a long
    hostile text has hits everywhere)."""

    __slots__ = ("_by_end", "_ends", "_furthest", "_least_end", "hits", "starts")

    def __init__(self, hits: list[H]) -> None:
        self.hits = hits
        self.starts = [h[0] for h in hits]
        self._by_end = sorted(hits, key=_END_START)
        self._ends = [h[1] for h in self._by_end]
        self._least_end: list[int] | None = None
        self._furthest: list[int] | None = None

    def starting(self, lo: int, hi: int) -> range:
        """Indices into ``hits`` of those starting in ``[lo, hi]``."""
        return range(bisect_left(self.starts, lo), bisect_right(self.starts, hi))

    def ending(self, lo: int, hi: int) -> list[H]:
        """The hits ending in ``[lo, hi]``."""
        return self._by_end[bisect_left(self._ends, lo) : bisect_right(self._ends, hi)]

    def inside_from(self, begin: int, end: int) -> bool:
        """Some hit starts at ``begin`` or later and ends by ``end``."""
        if self._least_end is None:
            self._least_end = list(accumulate(reversed([h[1] for h in self.hits]), min))[::-1]
        i = bisect_left(self.starts, begin)
        return i < len(self.hits) and self._least_end[i] <= end

    def overlaps(self, start: int, end: int) -> bool:
        """Some hit overlaps ``[start, end)``."""
        if self._furthest is None:
            self._furthest = list(accumulate((h[1] for h in self.hits), max))
        i = bisect_left(self.starts, end)
        return i > 0 and self._furthest[i - 1] > start


_END_START = itemgetter(1, 0)  # a hit's (end, start)
# A phrase that may join an action: its span, whether it is a bare noun, and its bank.
Candidate = tuple[int, int, bool, str]
# A bank's candidates by where their phrases start: the starts, the candidates, the hits
# (for a bank whose nouns need a verb of getting, else None) and the bank's reach.
Joinables = tuple[list[int], list[Candidate], list[Found] | None, int]
# Whether a bank's hit at [start, end) is spelled as the bank writes it (not by sound).
Written = Callable[[str, int, int], bool]


@dataclass
class _Message:
    """Per-message state: bank hits are found once, when a rule first asks."""

    clauses: Clauses
    banks: dict[str, Bank]
    given: Mapping[str, list[Hit]] = field(default_factory=dict)
    written: Written | None = None
    # a phrase in the action's own sentence is joined before a nearer one in another
    own_sentence: bool = False
    # banks joined only where the family accepts the join, and its judgement
    partner: tuple[frozenset[str], Callable[[Join], bool]] | None = None
    _hits: dict[tuple[str, bool], list[Found]] = field(default_factory=dict)
    _live: dict[tuple[str, bool], list[Found]] = field(default_factory=dict)
    _index: BankIndex | None = None
    _present: int = -1  # the index's bits of the banks whose anchors the text holds
    _spans: dict[str, Spans[Found]] = field(default_factory=dict)
    _bound: dict[str, list[tuple[Found, tuple[int, int, bool]]]] = field(default_factory=dict)
    _reach: dict[str, int] = field(default_factory=dict)
    _rows: dict[str, Joinables] = field(default_factory=dict)
    # Per action and per joined phrase's start: asked again for each rule and candidate.
    _conditional: dict[Found, bool] = field(default_factory=dict)
    _tied: dict[int, bool] = field(default_factory=dict)
    _links: list[tuple[Spans[Found], int | None]] | None = None  # each link bank's, and head
    _blockers: tuple[Spans[Found], int] | None = None  # the blockers' spans and reach

    def raw(self, name: str, overlapping: bool = True) -> list[Found]:
        """A bank's hits (none when the family has no such bank), with those the family
        found itself, as plain tuples (``Found``)."""
        key = (name, overlapping)
        hits = self._hits.get(key)
        if hits is None:
            bank = self.banks.get(name)
            every = None if overlapping else self._hits.get((name, True))
            if every is not None and bank is not None and _unique(bank) and name not in self.given:
                hits = _leftmost(every)
            else:
                hits = (
                    bank.found(self.clauses.text, overlapping)
                    if bank is not None and self._may_hit(name, bank)
                    else []
                )
            given = self.given.get(name)
            if given:
                hits = sorted(hits + [(*h,) for h in given], key=lambda h: (h[0], -h[1]))
            self._hits[key] = hits
        return hits

    def _may_hit(self, name: str, bank: Bank) -> bool:
        """False when the bank has no hit in the text for want of its anchors (one pass over
        the text for every bank of the family, on the first question)."""
        bit = self.anchored().get(name)
        return bit is None or bool(self.present() & bit)

    def anchored(self) -> dict[str, int]:
        """The bit of each bank of the family that has anchors (``BankIndex``)."""
        if self._index is None:
            self._index = bank_index(self.banks)
        return self._index.bits

    def present(self) -> int:
        """The bits of the banks one of whose anchors the text holds."""
        if self._present < 0:
            if self._index is None:
                self._index = bank_index(self.banks)
            self._present = self._index.scan(self.clauses.text)
        return self._present

    def live(self, name: str, overlapping: bool = True) -> list[Found]:
        """Hits not covered by an exemption. Actions are read leftmost-longest
        (``overlapping=False``) so 转发到朋友圈 is one action, not also 发到朋友圈."""
        key = (name, overlapping)
        found = self._live.get(key)
        if found is None:
            # The exemptions are read only for a bank with hits: most banks of a message
            # have none, and reading ``exempt`` was a third of WX3's time on plain reviews.
            # Without exempt phrases the hits are the bank's own list, not a copy: a long
            # text's lists are walked by the garbage collector at each full collection.
            if not overlapping and self.written is not None:
                self.raw(name)  # asked below where there are hits: the reading is taken from it
            hits = self.raw(name, overlapping)
            if hits and not overlapping and self.written is not None:
                hits = self._as_written_first(name, hits, self.written)
            exempt = self.raw("exempt") if hits else []
            found = self._live[key] = uncovered(hits, exempt) if exempt else hits
        return found

    def _as_written_first(self, name: str, read: list[Found], written: Written) -> list[Found]:
        """The leftmost-longest reading ``read``, except that a hit as written wins over a
        sound-alike it overlaps: 售枪 read as 手枪 starts first in 出售枪支, overlaps the
        sale word and would hide 枪支 beside it. Only a text where some hit was passed over
        for an overlap is read again."""
        every = self.raw(name)
        if len(every) == len(read):
            return read
        ranked = sorted(every, key=lambda h: (not written(name, h[0], h[1]), h[0]))
        taken = Disjoint()
        chosen = []
        for hit in ranked:
            if not taken.overlaps(hit[0], hit[1]):
                taken.add(hit[0], hit[1])
                chosen.append(hit)
        chosen.sort(key=itemgetter(0))
        return chosen

    def spans(self, *names: str) -> Spans[Found]:
        """The live (overlapping) hits of these banks, indexed."""
        key = names[0] if len(names) == 1 else "+".join(names)
        found = self._spans.get(key)
        if found is None:
            hits = (
                self.live(names[0])
                if len(names) == 1
                else sorted((h for n in names for h in self.live(n)), key=lambda h: (h[0], -h[1]))
            )
            found = self._spans[key] = Spans(hits)
        return found

    def quiet(self, start: int, end: int) -> bool:
        """No clause marker in ``[start, end)``."""
        text = self.clauses.text
        return STRONG not in text[start:end] and WEAK not in text[start:end]

    def blocked(self, action: Found) -> bool:
        if self._blockers is None:
            bank = self.banks.get("blocker")
            reach = bank.options.get("reach", BLOCKER_REACH) if bank is not None else BLOCKER_REACH
            self._blockers = (self.spans("blocker"), reach)
        blockers, reach = self._blockers
        if not blockers.hits:
            return False
        near = blockers.ending(action[0] - reach, action[0])
        # A warning is never disguised: read by sound, 聚宝 would be 举报 and hide 竞彩 after it.
        written = self.written
        return bool(near) and any(
            self.quiet(b[1], action[0])
            and not self.titled(b, action)
            and (written is None or written("blocker", b[0], b[1]))
            for b in near
        )

    def titled(self, blocker: Found, action: Found) -> bool:
        """A title closes between the two (【禁止违法犯罪】出售公民个人信息): a blocker in a
        title forbids nothing after it. The compact view drops brackets, so the original
        between them is read."""
        if blocker[1] >= action[0]:
            return False
        clauses = self.clauses
        lo = clauses.original(blocker[0], blocker[1])[1]
        hi = clauses.original(action[0], action[1])[0]
        between = clauses.original_text[lo:hi]
        return "】" in between or "〗" in between

    def joinables(self, name: str) -> Joinables:
        """Spans of a bank that can join an action, whether each is a bare noun, and the
        bank, by where its phrase starts: ``(starts, rows, nouns, reach)``. Nouns that need
        a verb of getting get it (领取 … 红包) or follow the action directly (转发抽奖: then
        ``nouns``, the bank's hits, give the noun's own span); a bare noun only joins an
        action stated as its condition (红包等你拿！只需转发). Made once a message and
        bisected by ``_candidates``: a long text asks for every action."""
        made = self._rows.get(name)
        if made is None:
            spans = self.spans(name)
            acquire = self.banks[name].options.get("needs") == "acquire"
            if not acquire:
                rows = [(h[0], h[1], False, name) for h in spans.hits]
            else:
                rows = [(*grown, name) for _, grown in self.acquired(name)]
            nouns = spans.hits if acquire else None
            made = self._rows[name] = (spans.starts, rows, nouns, self.reach(name))
        return made

    def reach(self, name: str) -> int:
        """How far a span of this bank can stand from where its phrase starts: the longest
        phrase, or a verb of getting grown over (so a window around an action, widened by
        this, holds every span of the bank that can join it)."""
        found = self._reach.get(name)
        if found is None:
            longest = max((h[1] - h[0] for h in self.live(name)), default=0)
            grown = 0
            if self.banks[name].options.get("needs") == "acquire":
                grown = max((noun[0] - span[0] for noun, span in self.acquired(name)), default=0)
            found = self._reach[name] = longest + grown
        return found

    def acquired(self, name: str) -> list[tuple[Found, tuple[int, int, bool]]]:
        """Each noun of a bank with its span grown back over the nearest verb of getting
        before it (bare when there is none). It does not depend on the action, so it is
        worked out once per message: long texts have many actions."""
        found = self._bound.get(name)
        if found is None:
            verbs = self.spans("acquire")
            text = self.clauses.text
            found = []
            for noun in self.live(name):
                at = noun[0]
                # The latest-ending verb with no clause marker before the noun, then the
                # longest, then the first (a loop, not a list and ``max``: once per noun).
                verb: Found | None = None
                for q in verbs.ending(at - ACQUIRE_REACH, at):
                    between = text[q[1] : at]
                    if (
                        STRONG not in between
                        and WEAK not in between
                        and (verb is None or (q[1], q[1] - q[0]) > (verb[1], verb[1] - verb[0]))
                    ):
                        verb = q
                if verb is not None:
                    found.append((noun, (verb[0], noun[1], False)))
                else:
                    found.append((noun, (at, noun[1], True)))
            self._bound[name] = found
        return found

    def lead(self, names: tuple[str, ...], pos: int) -> Found | None:
        """The nearest phrase of these banks ending shortly before ``pos`` in its clause, or
        in the clause a colon or comma right before ``pos`` ends (请点击链接认证：http…)."""
        end = pos - 1 if pos and self.clauses.text[pos - 1] == WEAK else pos
        near = [
            h for h in self.spans(*names).ending(pos - LEAD_REACH, end) if self.quiet(h[1], end)
        ]
        return max(near, key=lambda h: (h[1], h[1] - h[0])) if near else None

    def tied(self, joined_start: int) -> bool:
        """After a clause break: the joined phrase opens its clause or a link word ties it.
        Words of ``link`` tie from anywhere before the phrase (联系客服即可领取); words of
        ``link-head`` only from the clause's first ``head`` characters (a bank option of
        either), since deeper in the clause has its own subject (符合条件的老人可免费领取)."""
        found = self._tied.get(joined_start)
        if found is None:
            found = self._tied[joined_start] = self._tied_now(joined_start)
        return found

    def _tied_now(self, joined_start: int) -> bool:
        begin = self.clauses.clause_start(joined_start)
        if joined_start - begin <= CLAUSE_LEAD:
            return True
        if self._links is None:
            self._links = [
                (self.spans(name), bank.options.get("head") if bank is not None else None)
                for name in LINK_BANKS
                for bank in (self.banks.get(name),)
            ]
        for spans, head in self._links:
            if head is None:
                if spans.inside_from(begin, joined_start):
                    return True
            elif any(
                spans.hits[i][1] <= joined_start
                for i in spans.starting(begin, min(joined_start, begin + head))
            ):
                return True
        return False

    def conditional(self, action: Found) -> bool:
        """The action is the condition: 只需转发 …, or … 转发到朋友圈即可."""
        found = self._conditional.get(action)
        if found is None:
            found = self._conditional[action] = self._conditional_now(action)
        return found

    def _conditional_now(self, action: Found) -> bool:
        first, last = action[0], action[1]
        # Most actions have neither phrase beside them: no generator is made for none.
        required = self.spans("requirement").ending(first - 1, first)
        if required and any(self.quiet(r[1], first) for r in required):
            return True
        end = self.clauses.clause_end(last)
        done = self.spans("completion").ending(end - 1, end)
        return bool(done) and any(last <= c[0] for c in done)


def _unique(bank: Bank) -> bool:
    """Every match of the bank holds a literal anchor (so none is empty) and every hit
    counts (no ``min-number`` drops some): its leftmost-longest reading is then the longest
    phrase at every position read left to right, each past the last (``_leftmost``)."""
    return bank.anchors is not None and bank.min_number is None


def _leftmost(every: list[Found]) -> list[Found]:
    """The leftmost-longest reading (``Bank.found(overlapping=False)``) of a bank's
    overlapping hits, by start: the same tuples, not a second scan of the text and a second
    tuple for each hit."""
    out = []
    reach = -1
    for hit in every:
        if hit[0] >= reach:
            out.append(hit)
            reach = hit[1]
    return out


def uncovered(hits: list[H], cover: list[H]) -> list[H]:
    """``hits`` that no span of ``cover`` contains. Sorted starts with a running maximum of
    ends answer each hit with one bisection, so a long text with many hits stays fast."""
    if not cover:
        return list(hits)
    spans = sorted((c[0], c[1]) for c in cover)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    out = []
    for h in hits:
        i = bisect_right(starts, h[0])
        if not (i and reach[i - 1] >= h[1]):
            out.append(h)
    return out


def find_joins(
    clauses: Clauses,
    banks: dict[str, Bank],
    combines: list[Combine],
    alones: list[Alone],
    given: Mapping[str, list[Hit]] | None = None,
    accept: Callable[[Join], bool] | None = None,
    written: Written | None = None,
    dropped: Callable[[Join], bool] | None = None,
    own_sentence: bool = False,
    partner: tuple[frozenset[str], Callable[[Join], bool]] | None = None,
) -> list[Join]:
    """Every rule's joins in one message, at most one per rule where spans overlap.
    ``given``: hits of some banks that the caller found itself, in ``clauses.text`` indices.
    ``accept``: a family's further judgement of a join, made before one is kept per place,
    so that a join it rejects does not hide a good one beside it. ``written``: for banks
    matched by sound, which hits are spelled as written; those win the actions and
    stand-alone phrases over sound-alikes they overlap. ``dropped``: the joins the caller
    drops whatever the judgement (a term marks the place; it must drop every join whose
    span holds one it drops); one that overlaps no other join of its rule is left out
    before ``accept``, as it can neither be kept nor hide another (《出售冰毒》 × n: every
    join), while one that overlaps another still competes. A join whose action alone is
    dropped is not even built (``_Deferred``) unless the place it can reach holds a join
    of its rule that is: dropped joins that overlap only one another cannot change what
    the others keep. ``own_sentence``: a rule that reaches across sentences joins a phrase of
    the action's own sentence before a nearer one of another (WX8: a line's own link, not the
    number of the line before). ``partner``: banks whose phrase is joined only when the
    family accepts the join it would make, and that judgement; a rejected one gives way to
    the next nearest phrase (trade: 转开 counts only with a contact, so 转开发票，点数低 joins
    点数 instead)."""
    msg = _Message(clauses, banks, given or {}, written, own_sentence=own_sentence, partner=partner)
    found: list[Join | None] = []  # None: a dropped action's join, built only if needed
    deferred: list[_Deferred] = []
    setups: list[tuple[Combine, list[str]]] = []  # what a set-aside action is joined by
    blocked: dict[Found, bool] = {}  # an action's blocker is the same for every rule
    anchored, present = msg.anchored(), msg.present()
    for spec in combines:
        bit = anchored.get(spec.action)
        if bit is not None and not present & bit and spec.action not in msg.given:
            continue  # the action's bank has none of its anchors here: no action
        actions = msg.live(spec.action, overlapping=False)
        # Only the banks with a phrase in the text are asked, for each action (a bank
        # without one has nothing to join).
        names = [name for name in spec.with_ if msg.live(name)] if actions else []
        if not names:
            continue  # nothing to join: a long text would still try every action
        rows: list[Joinables] | None = None  # made once an action is joined here
        yielding: Spans[Found] | None = None  # looked up once an action joins: most never do
        # How far a join can reach from its action: its phrase starts within a span's reach
        # of the window, ends within a span's reach of its start, and widens over phrases
        # twice as far (``_join``, ``_widen``). A lead before the action has no bound.
        bounded = dropped is not None and not (spec.lead and spec.before)
        reach = max(msg.reach(name) for name in names) if bounded else 0
        setup = -1  # this combine's place in ``setups``, once an action is set aside
        for action in actions:
            if bounded:
                assert dropped is not None
                first, last = action[0], action[1]
                if dropped(Join(spec.rule, (first, last), (first, last), 0.0)):
                    lo, hi = first - spec.before - 2 * reach, last + spec.after + 3 * reach
                    if setup < 0:
                        setup = len(setups)
                        setups.append((spec, names))
                    deferred.append((lo, hi, len(found), setup, action))
                    found.append(None)
                    continue
            stop = blocked.get(action)
            if stop is None:
                stop = blocked[action] = msg.blocked(action)
            if stop:
                continue
            if rows is None:
                rows = [msg.joinables(name) for name in names]
            join = _join(msg, spec, action, rows)
            if join is None:
                continue
            if yielding is None:
                yielding = msg.spans(*spec.yield_to)
            if not yielding.overlaps(action[0], action[1]):
                found.append(join)
    for alone in alones:
        bank = banks[alone.bank]
        cuts: dict[str, tuple[int, int] | None] = {}  # a long text repeats the same phrases
        for hit in msg.live(alone.bank, overlapping=False):
            start, end = hit[0], hit[1]
            matched = clauses.text[start:end]
            if matched in cuts:
                cut = cuts[matched]
            else:
                cut = cuts[matched] = bank.split(matched)
            whole = (start, end)
            parts = (alone.bank, alone.bank)
            if cut is None:
                found.append(
                    Join(alone.rule, whole, whole, CONFIDENCE["alone"], alone.label, banks=parts)
                )
                continue
            a, b = start + cut[0], start + cut[1]
            joined = (b, end) if b < end else (start, a) if a > start else whole
            label = None if joined != whole else alone.label
            found.append(Join(alone.rule, (a, b), joined, CONFIDENCE["alone"], label, whole, parts))
    if deferred:
        for _, _, slot, setup, action in _needed(deferred, setups, found):
            stop = blocked.get(action)
            if stop is None:
                stop = blocked[action] = msg.blocked(action)
            if stop:
                continue
            spec, names = setups[setup]
            join = _join(msg, spec, action, [msg.joinables(n) for n in names])
            if join is not None and not msg.spans(*spec.yield_to).overlaps(action[0], action[1]):
                found[slot] = join
    joins = [j for j in found if j is not None]
    if dropped is not None:
        joins = _unless_dropped(joins, dropped)
    return _one_per_place([j for j in joins if accept(j)] if accept is not None else joins)


# An action whose join would be dropped, set aside: the place ``[lo, hi)`` its join can
# reach, its slot among the joins, its combine and the banks it may be joined to (an index
# into the caller's list of them) and the action. A plain tuple of ints and the action's
# plain tuple, which the collector stops walking: a long text sets aside one an offer, and
# a named tuple holding the combine stayed tracked (28,000 a MB of warnings, walked at
# every full collection).
_Deferred = tuple[int, int, int, int, Found]


def _needed(
    deferred: list[_Deferred],
    setups: list[tuple[Combine, list[str]]],
    found: list[Join | None],
) -> list[_Deferred]:
    """The set-aside actions whose joins must be built: those in a run of places that
    overlap one another (per rule) where a join of the rule that was built may stand. In
    any other run every join would be dropped and could overlap only another of the run:
    whatever one hid there, nothing of it is kept. ``setups``: each item's combine and
    banks, by its index."""
    out: list[_Deferred] = []
    by_rule: dict[str, list[_Deferred]] = {}
    for item in deferred:
        by_rule.setdefault(setups[item[3]][0].rule, []).append(item)
    for rule, items in by_rule.items():
        built = sorted((j.start, j.end) for j in found if j is not None and j.rule == rule)
        if not built:
            continue
        starts = [a for a, _ in built]
        furthest = list(accumulate((b for _, b in built), max))
        items.sort(key=itemgetter(0))
        run: list[_Deferred] = []
        lo = hi = 0
        for item in items:
            if run and item[0] >= hi:
                if _reached(starts, furthest, lo, hi):
                    out.extend(run)
                run = []
            if not run:
                lo, hi = item[0], item[1]
            run.append(item)
            hi = max(hi, item[1])
        if _reached(starts, furthest, lo, hi):
            out.extend(run)
    out.sort(key=itemgetter(2))  # built in the order they were found
    return out


def _reached(starts: list[int], furthest: list[int], lo: int, hi: int) -> bool:
    """Some span (by start, with the running maximum of their ends) overlaps ``[lo, hi)``."""
    i = bisect_left(starts, hi)
    return i > 0 and furthest[i - 1] > lo


def _join(msg: _Message, spec: Combine, action: Found, rows: list[Joinables]) -> Join | None:
    """The nearest phrase of ``spec.with_`` (``rows``: the joinables of those banks that have
    any) that this action is joined to, if any. Only phrases near enough to widen over once
    one is joined are looked at (within twice a span's reach of the action's window: a
    phrase near enough to be joined starts within one reach of it), so an action costs the
    same however long the message; they are looked up once for both."""
    first, last = action[0], action[1]
    after, before = spec.after, spec.before
    # The nearest wins (the first listed among equals): try them nearest first, each within
    # its side's reach, and stop at the first that is tied to the action.
    order: list[tuple[int, int, Candidate]] = []
    append = order.append
    far = last + after
    near: list[list[Candidate]] = []
    for made in rows:
        reach = 2 * made[3]
        found = _candidates(made, last, first - before - reach, far + reach)
        near.append(found)
        for candidate in found:
            start = candidate[0]
            if start >= last and not candidate[2]:
                if start <= far:
                    append((start - last, len(order), candidate))
            elif before and 0 <= first - candidate[1] <= before:
                append((first - candidate[1], len(order), candidate))
    if not order:
        return None
    order.sort()
    # A side is closed once a phrase on it fails for its distance in clause breaks and
    # sentence ends (or, before the action, for an action that is no condition): every phrase
    # farther on that side fails the same way, so a long text does not try them all.
    closed_after = closed_before = False
    # With ``own_sentence``, a phrase in another sentence (a rule with ``sentences``) is kept
    # only in case none in the action's own joins: a line's link beats the line before's number.
    best: tuple[tuple[int, int], float, str] | None = None
    sentence = msg.clauses.sentence_start(first) if spec.sentences and msg.own_sentence else -1
    for _, _, (start, end, bare, bank) in order:
        later = start >= last and not bare
        if closed_after if later else closed_before:
            continue
        tried = _placed(msg, spec, action, start, end, bare, bank)
        if isinstance(tried, tuple):
            joined, confidence = tried
            partner = msg.partner
            if (
                partner is not None
                and bank in partner[0]
                and not partner[1](
                    Join(spec.rule, (first, last), joined, confidence, banks=(spec.action, bank))
                )
            ):
                continue
            if sentence < 0 or msg.clauses.sentence_start(start) == sentence:
                best = (joined, confidence, bank)
                break
            if best is None:
                best = (joined, confidence, bank)
            continue
        if later:
            closed_after = tried
        else:
            closed_before = tried
    if best is None:
        return None
    joined, confidence, bank = best
    # made once widened: a long text joins every action
    return Join(
        spec.rule,
        (first, last),
        _widen(joined, action, near),
        confidence,
        banks=(spec.action, bank),
    )


def _candidates(made: Joinables, after: int, lo: int, hi: int) -> list[Candidate]:
    """The candidates of ``made`` (``_Message.joinables``) whose phrase starts in
    ``[lo, hi]``, for an action ending at ``after``: a noun right after the action needs no
    verb of getting, so its own span joins."""
    starts, rows, nouns, _ = made
    a, b = bisect_left(starts, lo), bisect_right(starts, hi)
    found = rows[a:b]
    if nouns is not None:
        j = bisect_left(starts, after, a, b)
        while j < b and starts[j] == after:
            noun = nouns[j]
            found[j - a] = (noun[0], noun[1], False, rows[j][3])
            j += 1
    return found


def _placed(
    msg: _Message, spec: Combine, action: Found, start: int, end: int, bare: bool, bank: str
) -> tuple[tuple[int, int], float] | bool:
    """The joined span and the join's confidence when the phrase at ``[start, end)`` is
    close enough and tied to the action:
    after it within ``after`` characters and the allowed clause breaks and sentence ends
    (``sentences``, a run of marks counted once: 。 and a line break end one sentence; with
    ``tied``, a later clause must open with the phrase or a link word),
    or before it within ``before`` when the action is stated as the condition (a bare noun
    only then) or the rule does not ask for one (``condition = false``: then within the
    same breaks as after). With a ``lead``, the phrase counts only right after one of its
    phrases, and the join names both (登录 + a link). Otherwise True when every phrase
    farther from the action on the same side fails too (the distance, the breaks, a
    condition the action is not), else False."""
    first, last = action[0], action[1]
    if start >= last and not bare:
        if start - last > spec.after:
            return True  # before counting breaks: a long text has many distant candidates
        strong, weak = msg.clauses.breaks(last, start)
        if strong > 1 and spec.sentences:
            strong = msg.clauses.sentence_ends(last, start)
        if strong > spec.sentences or weak > spec.clauses:
            return True
        if (strong or weak) and spec.tied and not msg.tied(start):
            return False
        kind = "window" if strong or weak else "clause"
    elif end <= first and spec.before:
        if first - end > spec.before:
            return True
        strong, weak = msg.clauses.breaks(end, first)
        if strong > 1 and spec.sentences:
            strong = msg.clauses.sentence_ends(end, first)
        if not spec.condition:
            if strong > spec.sentences or weak > spec.clauses:
                return True
        elif strong + weak > max(1, spec.clauses) or not msg.conditional(action):
            return True
        kind = "reverse"
    else:
        return False
    if spec.lead:
        lead = msg.lead(spec.lead, start)
        if lead is None:
            return False
        start = max(lead[0], last) if start >= last else lead[0]
    return (start, end), CONFIDENCE[kind]


def _widen(joined: tuple[int, int], action: Found, near: list[list[Candidate]]) -> tuple[int, int]:
    """The joined span grown over the phrases ``near`` it (bare nouns left out: ``_join``'s
    candidates of each bank within twice a span's reach of the action's window) that overlap
    it (即可领取 + 领取红包), so the finding names the whole reward; never over the action."""
    first, last = action[0], action[1]
    start, end = joined
    grown = False
    # The span grown to its closure, the same in any order: a first pass over the
    # candidates as they come, and their list made only where one grew (most grow nothing).
    for found in near:
        for a, b, bare, _ in found:
            if (
                not bare
                and a < end
                and start < b
                and (a < start or b > end)
                and (b <= first or a >= last)
            ):
                start, end, grown = min(a, start), max(b, end), True
    if not grown:
        return joined
    spans = [(a, b) for found in near for a, b, bare, _ in found if not bare]
    while grown:
        grown = False
        for a, b in spans:
            if a < end and start < b and (a < start or b > end) and (b <= first or a >= last):
                start, end, grown = min(a, start), max(b, end), True
    return start, end


class Disjoint:
    """Spans that never overlap, kept in (start, end) order. Their ends then rise too, so the
    first one ending after a new span's start is the only one that can overlap it: each
    question is a bisection, not a pass over every kept span (a long text keeps thousands)."""

    __slots__ = ("_ends", "_spans")

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._ends, start)
        return i < len(self._spans) and self._spans[i][0] < end

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        insort(self._ends, end)


def _unless_dropped(joins: list[Join], dropped: Callable[[Join], bool]) -> list[Join]:
    """``joins`` less those ``dropped`` that overlap no other join of their rule. By rule,
    in (start, end) order, a join overlaps an earlier one when the furthest earlier end
    passes its start, and a later one when the next starts before its end."""
    by_rule: dict[str, list[tuple[int, int, int]]] = {}
    for i, join in enumerate(joins):
        by_rule.setdefault(join.rule, []).append((join.start, join.end, i))
    lone: set[int] = set()
    for spans in by_rule.values():
        spans.sort()
        reach = -1
        for k, (start, end, i) in enumerate(spans):
            if reach <= start and (k + 1 == len(spans) or spans[k + 1][0] >= end):
                lone.add(i)
            reach = max(reach, end)
    return [j for i, j in enumerate(joins) if i not in lone or not dropped(j)]


def _one_per_place(joins: list[Join]) -> list[Join]:
    """Within a rule, overlapping joins keep the surest, then the tightest, then the earliest."""
    # Plain tuples sorted as they are, the join's index before its rule (so the rule is never
    # compared): the order a stable sort by (surest, tightest, earliest) gives, without a key
    # function per join (a long text keeps tens of thousands).
    order = []
    for i, join in enumerate(joins):
        whole = join.whole  # ``start`` and ``end`` read in place: two calls fewer a join
        if whole is None:
            (a, b), (c, d) = join.action, join.joined
            start, end = min(a, c), max(b, d)
        else:
            start, end = whole
        order.append((-join.confidence, end - start, start, i, join.rule, end))
    order.sort()
    kept: list[tuple[int, str, int]] = []
    # Per rule, the kept spans' starts and ends (``Disjoint``, written out: two method calls
    # a join were a third of this): they never overlap, so both rise, and the first ending
    # after a span's start is the only one that can overlap it, and where it goes if not.
    placed: dict[str, tuple[list[int], list[int]]] = {}
    for _, _, start, i, rule, end in order:
        taken = placed.get(rule)
        if taken is None:
            taken = placed[rule] = ([], [])
        starts, ends = taken
        k = bisect_right(ends, start)
        if k == len(starts) or starts[k] >= end:
            starts.insert(k, start)
            ends.insert(k, end)
            kept.append((start, rule, i))
    kept.sort(key=itemgetter(0, 1))  # stable: equal places stay in the order kept
    return [joins[i] for _, _, i in kept]


def trigger(banks: dict[str, Bank], names: list[str]) -> re.Pattern[str] | None:
    """A quick test that every action or stand-alone phrase passes, so a message that fails
    it is skipped: literal anchors when every phrase has one, else the banks' own union."""
    chosen = [banks[n] for n in dict.fromkeys(names)]
    literal = prefilter(chosen)
    if literal is not None:
        return literal
    sources = [b.source for b in chosen if b.source is not None]
    return any_of(sources) if sources else None
