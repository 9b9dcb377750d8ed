"""The compiled WX4 model and the commerciality score.

Whether a message is commercial is a weighted sum of evidence: each signal bank that occurs in
the message (a price, a discount, a call to buy, a contact line, a sender's signature, an
opt-out, …) adds its weight once; notices, account messages, purchase chat and a neighbour's
one-off sale take weight away. The banks are data (``wordlists/advertising.toml``); their
weights are fitted on labelled messages by ``scripts/fit_commercial.py`` and shipped as data
(``wordlists/advertising-weights.toml``), except the few a bank fixes itself (``weight``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from ...compiled import compiled
from ...errors import WordListError
from ...models import Message
from ...phrases.banks import Bank, BankSource, family_banks, mask_automaton, prefilter
from ...phrases.batch import JOIN
from ...phrases.clauses import compact, folded
from ...resources import read_toml, wordlist_path
from ...text.folding import fold_one_to_one
from ...text.quickregex import exists, literal_of, quick

DEFAULT_THRESHOLD = 4.0
# Sets of banks whose most possible score ``Ceiling`` keeps (a hostile text could show many).
KNOWN = 4096
MARGIN = 0.001
SIGNAL_PREFIX = "signal-"
LABEL = "label"
UNSUBSCRIBE = "unsubscribe"
WEIGHTS = "advertising-weights.toml"
_WHERE = "wordlists/advertising.toml"
REQUIRED = (
    "label",
    "unsubscribe",
    "identity",
    "identity-generic",
    "identity-not",
    "identity-head",
    "absolute",
    "absolute-ranking",
    "ranking-time",
    "ranking-source",
    "absolute-exempt",
    "claim-exempt",
    "claim-cancel",
    "claim-warning",
    "claim-report",
    "claim-hearsay",
    "offer",
    "seller",
    "seller-claim",
    "seller-boast",
    "boast-guest",
    "seller-not",
)


class CommercialSignal(BaseModel):
    """One piece of evidence: its kind (bank name without ``signal-``), where, and its weight."""

    model_config = ConfigDict(frozen=True)

    kind: str
    text: str
    start: int
    end: int
    weight: float


class CommercialScore(BaseModel):
    """How commercial a message reads: the score, the threshold it was judged against, and the
    signals behind it (each kind once, in text order)."""

    model_config = ConfigDict(frozen=True)

    score: float
    threshold: float
    commercial: bool
    signals: tuple[CommercialSignal, ...] = ()


class Signal(NamedTuple):
    """One signal bank's first match in the folded text (its working form; ``CommercialSignal``
    is built from it only when asked for)."""

    kind: str
    start: int
    end: int
    weight: float


@dataclass(frozen=True)
class Evidence:
    """The score and the signals behind it, in text order."""

    signals: tuple[Signal, ...]
    score: float

    @property
    def primary(self) -> Signal | None:
        """The strongest positive signal in the content (the first of equals; the 广告 label
        and the opt-out are not content): what a message is commercial for."""
        positive = [s for s in self.signals if s.weight > 0 and s.kind not in (LABEL, UNSUBSCRIBE)]
        return max(positive, key=lambda s: (s.weight, -s.start)) if positive else None

    def public(self, text: str, threshold: float) -> CommercialScore:
        return CommercialScore(
            score=self.score,
            threshold=threshold,
            commercial=self.score >= threshold,
            signals=tuple(
                CommercialSignal(
                    kind=s.kind,
                    text=text[s.start : s.end],
                    start=s.start,
                    end=s.end,
                    weight=s.weight,
                )
                for s in self.signals
            ),
        )


NO_EVIDENCE = Evidence((), 0.0)


@dataclass(frozen=True)
class SignalSpec:
    """What the fitting script needs to know of a signal bank: its kind, whether it is
    evidence against commerciality, its hand-set weight when it has one, and the weight the
    fit starts from and is pulled back towards (``prior``: what the bank's curator expects)."""

    kind: str
    against: bool
    fixed: float | None
    prior: float


@dataclass(frozen=True)
class SignalScanner:
    """Finds which signal banks occur in a folded text, each with its first match, in one scan.

    Every literal phrase of every bank and every bank's anchor strings are one Aho-Corasick
    automaton (in C, overlapping matches in one pass: a third of the time of a trie regex on
    the review corpus); a match tells which banks occur there and which banks' regexes
    (phrases with ``{N}`` or ``{*}``, and patterns) are worth running. A bank counts wherever
    any of its phrases occurs, whatever other bank matches the same characters."""

    specs: tuple[SignalSpec, ...]
    # literal → (its length, banks it is a phrase of, banks whose regex it wakes)
    automaton: Any  # ahocorasick.Automaton (untyped), or None without literals
    always: tuple[int, ...]
    regexes: tuple[Lazy | None, ...]
    rejects: tuple[Callable[[str], bool] | None, ...]
    gated: tuple[tuple[int, Lazy], ...]  # banks whose regex runs when this gate matches
    whole: tuple[Bank, ...]  # each bank's phrases and patterns in one regex (``Bank.regex``)
    pieces: tuple[str | None, ...]  # the piece of evidence a bank's match is part of (``_apart``)
    unless: tuple[Bank | None, ...]  # a match of this bank's regex cancels the bank's signal
    beside: tuple[frozenset[int], ...]  # the bank counts only beside one of these (``_beside``)

    def scan(self, view: str) -> dict[int, tuple[int, int]]:
        """{bank index: (start, end) of its first match} for the banks found in ``view``,
        read with the gaps inside words closed (``closed``); spans are ``view``'s."""
        shut = closed(view)
        if shut is None:
            return self._scan(view)
        squeezed, index = shut
        return {b: (index[a], index[e - 1] + 1) for b, (a, e) in self._scan(squeezed).items()}

    def _scan(self, view: str) -> dict[int, tuple[int, int]]:
        found: dict[int, tuple[int, int]] = {}
        woken: set[int] = set(self.always)
        rejects = self.rejects
        if self.automaton is not None:
            for last, (n, banks, triggers) in self.automaton.iter(view):
                end = last + 1
                start = end - n
                for b in banks:
                    old = found.get(b)
                    if old is not None and (old[0] < start or (old[0] == start and old[1] >= end)):
                        continue
                    reject = rejects[b]
                    if reject is None or not reject(view[start:end]):
                        found[b] = (start, end)
                if triggers:
                    woken.update(triggers)
        woken.update(
            b for b, gate in self.gated if b not in woken and gate.get().search(view) is not None
        )
        for b in woken:
            lazy = self.regexes[b]
            span = _first(lazy.get(), view, rejects[b]) if lazy is not None else None
            if span is not None and (b not in found or span[0] < found[b][0]):
                found[b] = span
        for b in [b for b in found if self.unless[b] is not None]:
            unless = self.unless[b]
            cancel = unless.regex if unless is not None else None
            if cancel is not None and cancel.search(view) is not None:
                del found[b]
        found = self._apart(view, found)
        for b in [b for b in found if self.beside[b]]:
            if found.keys().isdisjoint(self.beside[b]):
                del found[b]
        return found

    def _apart(self, view: str, found: dict[int, tuple[int, int]]) -> dict[int, tuple[int, int]]:
        """One piece of evidence counts once. Of two signals of the same ``piece`` whose
        matches overlap or touch (a gap of spaces or a colon), one is a part of the other: the
        inner one where one lies inside the other (原价 and 价599 inside the contrast
        原价599，现200), else the one of the bank listed later (登录 https://… is a link to
        click, not that and a link; 请致电95539 is a call, not that and a number). A part
        counts only where its bank also matches clear of every match of its piece kept."""
        pieces = [b for b in found if self.pieces[b] is not None]
        if len(pieces) < 2:
            return found
        parts = [
            b
            for b in pieces
            if any(
                c != b
                and self.pieces[b] == self.pieces[c]
                and _part(view, b, found[b], c, found[c])
                for c in pieces
            )
        ]
        if not parts:
            return found
        kept = [(self.pieces[c], found[c]) for c in pieces if c not in parts]
        for b in parts:
            del found[b]
            regex, reject = self.whole[b].regex, self.rejects[b]
            for m in regex.finditer(view) if regex is not None else ():
                span = m.span()
                if (
                    span[1] > span[0]
                    and not any(p == self.pieces[b] and _near(view, span, o) for p, o in kept)
                    and (reject is None or not reject(m.group()))
                ):
                    found[b] = span
                    break
        return found


# Spam spaces out the characters of its words, or puts a slash or a star between them, to get
# past filters (现 场 办 理, 贷/款, 资*金): the clause view drops them, and the signal banks,
# which read the folded text with its punctuation, read it with these gaps closed. Only
# between two Chinese characters: a price (xx 元), a number or a Latin word keeps its spaces.
_GAP = re.compile(r"[ \t/*·#_&](?<=[\u4e00-\u9fff].)[ \t/*·#_&]*(?=[\u4e00-\u9fff])")


def closed(view: str) -> tuple[str, list[int]] | None:
    """``view`` with the gaps between two Chinese characters removed, and the index in
    ``view`` of each character kept; None when there is no such gap."""
    gaps = [m.span() for m in _GAP.finditer(view)]
    if not gaps:
        return None
    index: list[int] = []
    at = 0
    for start, end in gaps:
        index.extend(range(at, start))
        at = end
    index.extend(range(at, len(view)))
    return "".join(view[i] for i in index), index


class Lazy:
    """A regex (``quick``) compiled when first used: most messages wake few signal banks,
    and compiling all of them was most of the model's build, which every process pays
    (``Guard()`` and a cold ``wxguard check``). A race compiles it twice, to the same."""

    __slots__ = ("_pattern", "_test", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._pattern: re.Pattern[str] | None = None
        self._test: re.Pattern[str] | None = None

    def get(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = quick(self.source)
        return self._pattern

    def test(self) -> re.Pattern[str]:
        """For whether the regex matches anywhere (``quickregex.exists``), not where."""
        if self._test is None:
            self._test = exists(self.source)
        return self._test


# What may lie between two matches that read one piece of text (详情见 https://…, 热线：400…).
_TOUCH = re.compile(r"[\s:：]{0,2}")


def _near(view: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """``a`` and ``b`` overlap, or only spaces or a colon lie between them."""
    if a[0] < b[1] and b[0] < a[1]:
        return True
    gap = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return _TOUCH.fullmatch(view, gap[0], gap[1]) is not None


def _part(view: str, b: int, a: tuple[int, int], c: int, o: tuple[int, int]) -> bool:
    """Signal ``b`` (matched at ``a``) is a part of signal ``c`` (at ``o``) of its piece: it
    lies inside it, or the two overlap or touch, neither holds the other and ``b``'s bank is
    listed later."""
    if _within(a, o, strict=True):
        return True
    return not _within(o, a, strict=True) and b > c and _near(view, a, o)


def _within(a: tuple[int, int], b: tuple[int, int], *, strict: bool) -> bool:
    """``a`` lies inside ``b`` (and, if ``strict``, is not ``b`` itself)."""
    return b[0] <= a[0] and a[1] <= b[1] and not (strict and a == b)


def _first(
    regex: re.Pattern[str], view: str, reject: Callable[[str], bool] | None
) -> tuple[int, int] | None:
    for m in regex.finditer(view):
        if m.end() > m.start() and (reject is None or not reject(m.group())):
            return m.span()
    return None


# The symbols ``Symbols`` writes: two alphabets of ``WIDTH`` for a literal's characters, one
# symbol for every other character and one for ``JOIN``.
WIDTH = 32
_HIGH, _LOW, _OTHER, _BREAK = 0x100, 0x180, "\x00", "\x01"
_BREAKS = re.compile(_BREAK)


class Symbols:
    """Each character of a set of literals as two symbols of two small disjoint alphabets,
    every other character as one symbol that no literal holds. pyahocorasick searches a
    node's children one by one, and literals starting with 340 characters made every
    character of a text a search of the root's 340 children: in symbols the root has at
    most a few dozen (docs/performance-log.md, session 6). The table (a BMP list, as
    ``str.translate`` reads fastest) is made on first use. Literals with characters
    outside the BMP are kept as they are."""

    __slots__ = ("_chars", "_table", "_width")

    def __init__(self, literals: Iterable[str], width: int = WIDTH) -> None:
        self._width = width
        chars = sorted({c for k in literals for c in k})
        self._chars = "".join(chars) if all(ord(c) < 0x10000 for c in chars) else None
        self._table: tuple[str, ...] | None = None

    def __getstate__(self) -> tuple[None, dict[str, Any]]:
        return None, {"_chars": self._chars, "_width": self._width}  # the table: made on use

    def __setstate__(self, state: tuple[None, dict[str, Any]]) -> None:
        self._chars = state[1]["_chars"]
        self._width = state[1]["_width"]
        self._table = None

    def encode(self, text: str) -> str:
        if self._chars is None:
            return text
        table = self._table
        if table is None:
            made = [_OTHER] * 0x10000
            for n, c in enumerate(self._chars):
                made[ord(c)] = chr(_HIGH + n // self._width) + chr(_LOW + n % self._width)
            if JOIN not in self._chars:  # else each text is read on its own
                made[ord(JOIN)] = _BREAK
            table = self._table = tuple(made)
        return text.translate(table)


class Ceiling:
    """The most a text can score, found without the scan: the positive weights of every bank
    one of whose literals occurs in it, or whose regex a literal, the bank itself (no
    anchor) or its gate would run, plus the negative weights of the banks found for sure
    (a literal of a bank with no reject, no ``unless``, no ``piece`` and no ``beside``: the
    scan counts it wherever the literal occurs). The scan finds no other positive bank (rejects, ``unless``
    and ``_apart`` only take banks away). Where that reaches the threshold, the banks only a
    regex could find (woken by an anchor or a gate) are asked for a match of it, heaviest
    first, until the rest cannot reach it: an anchor such as 元 or 价 wakes the price
    pattern in most reviews, which do not name a price. Of the review corpus, 40 % reached
    the threshold on the automaton's banks alone, 0.7 % do once the negative ones count and
    the woken regexes are asked (docs/performance.md, session 10)."""

    __slots__ = (
        "_automaton",
        "_base",
        "_gated",
        "_known",
        "_negatives",
        "_regexes",
        "_size",
        "_symbols",
        "_weights",
    )

    def __init__(self, scanner: SignalScanner, weights: tuple[float, ...]) -> None:
        # A text's banks are one int: bit b, bank b has a literal there; bit size + b, its
        # regex is woken; bit 2 * size + b, it has a negative weight and is there for sure.
        size = self._size = len(weights)
        self._weights = tuple(max(w, 0.0) for w in weights)
        self._negatives = tuple(min(w, 0.0) for w in weights)
        self._regexes = scanner.regexes
        positive = {b for b, w in enumerate(self._weights) if w > 0}
        sure = {
            b
            for b, w in enumerate(weights)
            if w < 0
            and scanner.rejects[b] is None
            and scanner.unless[b] is None
            and scanner.pieces[b] is None
            and not scanner.beside[b]
        }
        self._base = sum(1 << (size + b) for b in scanner.always if b in positive)
        # A gate that is a literal (广告) is one more key of the automaton, which wakes its
        # bank's regex where it occurs; the others are searched when a bank could count.
        woken: dict[str, int] = {}
        gated: list[tuple[int, float, Lazy]] = []
        for b, gate in scanner.gated:
            literal = literal_of(gate.source) if b in positive else None
            if literal:
                woken[literal] = woken.get(literal, 0) | 1 << (size + b)
            elif b in positive:
                gated.append((b, self._weights[b], gate))
        self._gated = tuple(gated)
        self._known: dict[int, tuple[float, float, tuple[tuple[float, int, Lazy | None], ...]]] = {}
        masks = {
            key: sum(1 << b for b in set(banks) if b in positive)
            | sum(1 << (size + b) for b in set(triggers) if b in positive)
            | sum(1 << (2 * size + b) for b in set(banks) if b in sure)
            for key, (_, banks, triggers) in (
                scanner.automaton.items() if scanner.automaton is not None else ()
            )
        }
        for key, m in woken.items():
            masks[key] = masks.get(key, 0) | m
        masks = {key: m for key, m in masks.items() if m}
        self._symbols = Symbols(masks)
        self._automaton: Any = mask_automaton(
            {self._symbols.encode(key): m for key, m in masks.items()}
        )

    def may_reach(self, view: str, threshold: float) -> bool:
        shut = closed(view)
        if shut is not None:
            view = shut[0]
        present = self._base
        if self._automaton is not None:
            for _, mask in self._automaton.iter(self._symbols.encode(view)):
                present |= mask
        return self.reaches(present, view, threshold)

    def screen(self, folded: str, starts: list[int], threshold: float) -> set[int]:
        """``may_reach`` of each text in ``folded``, the texts' folded views joined by
        ``JOIN``, which start at ``starts``: one pass of the automaton over the whole."""
        present = [self._base] * len(starts)
        ends = [*starts[1:], len(folded) + 1]
        if self._automaton is not None:
            encoded = self._symbols.encode(folded)
            breaks = [0, *(m.end() for m in _BREAKS.finditer(encoded))]
            if len(breaks) != len(starts):  # a text holds ``JOIN`` itself: each on its own
                return {
                    i
                    for i, a in enumerate(starts)
                    if self.may_reach(folded[a : ends[i] - 1], threshold)
                }
            for last, mask in self._automaton.iter(encoded):
                present[bisect_right(breaks, last) - 1] |= mask
        spaced = {bisect_right(starts, m.start()) - 1 for m in _GAP.finditer(folded)}
        return {
            i
            for i, bits in enumerate(present)
            if (
                self.may_reach(folded[starts[i] : ends[i] - 1], threshold)
                if i in spaced
                else self.reaches(bits, folded[starts[i] : ends[i] - 1], threshold)
            )
        }

    def reaches(self, present: int, view: str, threshold: float) -> bool:
        """``may_reach`` once the automaton has found the banks ``present`` in ``view``."""
        # The score is rounded to 3 decimals and summed in another order: a margin keeps a
        # sum a rounding could lift to the threshold.
        bar = threshold - MARGIN
        sure, most, unsure = self._bounds(present)
        if most < bar:
            return False
        if sure >= bar:
            return True
        regexes = self._regexes
        for w, b, gate in unsure:
            regex = regexes[b]
            if (
                (gate is None or gate.test().search(view) is not None)
                and regex is not None
                and regex.test().search(view) is not None
            ):
                sure += w
                if sure >= bar:
                    return True
            else:
                most -= w
                if most < bar:
                    return False
        return most >= bar

    def _bounds(
        self, present: int
    ) -> tuple[float, float, tuple[tuple[float, int, Lazy | None], ...]]:
        """For the banks ``present`` holds: the weights they hold for sure (the positive
        ones with a literal there, which a reject may still drop, and the negative ones
        found wherever their literal is), the most they can score, and the banks only a
        regex can find (woken by an anchor, or by a gate), heaviest first. Texts show few
        sets of banks: each is worked out once."""
        known = self._known.get(present)
        if known is None:
            size, weights = self._size, self._weights
            woken = (present >> size) & ((1 << size) - 1) & ~present
            unsure: list[tuple[float, int, Lazy | None]] = [
                (weights[b], b, None) for b in range(size) if woken >> b & 1
            ]
            unsure += [(w, b, gate) for b, w, gate in self._gated if not (present | woken) >> b & 1]
            unsure.sort(key=lambda u: -u[0])
            sure = sum(w for b, w in enumerate(weights) if present >> b & 1) + sum(
                w for b, w in enumerate(self._negatives) if present >> (2 * size + b) & 1
            )
            known = (sure, sure + sum(w for w, _, _ in unsure), tuple(unsure))
            if len(self._known) < KNOWN:
                self._known[present] = known
        return known


@dataclass(frozen=True)
class AdvertisingModel:
    banks: dict[str, Bank]
    scanner: SignalScanner
    weights: tuple[float, ...]  # per scanner bank, in score units
    claims: tuple[Bank, ...]
    # a claim's or a seller's own words (``seller``): what makes WX402 or WX405 worth asking
    # of a message that cannot score as an ad
    claims_prefilter: re.Pattern[str] | None
    suggest: dict[str, str]
    claim_kinds: frozenset[str]  # signal banks marked ``claim``: a promise, not yet an offer
    ceiling: Ceiling

    def may_reach(self, view: str, threshold: float) -> bool:
        """Whether ``view`` could score ``threshold`` or more (``Ceiling``); False is sure."""
        return self.ceiling.may_reach(view, threshold)

    def evidence(self, view: str) -> Evidence:
        """The signals in ``view`` (the message's folded text, as ``TextView.folded``, which
        the checker shares with the other families) and their sum; banks whose weight is zero
        are no evidence and are left out."""
        found = self.scanner.scan(view)
        if not found:
            return NO_EVIDENCE
        kinds, weights = self.scanner.specs, self.weights
        signals = sorted(
            (
                Signal(kinds[b].kind, start, end, weights[b])
                for b, (start, end) in found.items()
                if weights[b] != 0
            ),
            key=lambda s: (s.start, s.end),
        )
        return Evidence(tuple(signals), round(sum(s.weight for s in signals), 3))


def advertising_model(files: tuple[Path, ...] = ()) -> AdvertisingModel:
    """The model with the phrases of these users' files added."""
    return compiled("advertising", lambda: _build(files), files=files, what="phrase file")


def signal_scanner(files: tuple[Path, ...] = ()) -> SignalScanner:
    """The signal banks alone, without their fitted weights (for ``scripts/fit_commercial.py``,
    which writes them)."""
    return _scanner(_banks(files)[1])


def _banks(files: tuple[Path, ...]) -> tuple[dict[str, Any], dict[str, Bank]]:
    data, sources = family_banks("advertising", REQUIRED, files)
    return data, {name: _compiled_bank(name, src) for name, src in sources.items()}


def _build(files: tuple[Path, ...]) -> AdvertisingModel:
    data, banks = _banks(files)
    scanner = _scanner(banks)
    claims = tuple(b for b in banks.values() if "industry" in b.options)
    claim_kinds = frozenset(
        _kind(n) for n, b in banks.items() if _weighted(n) and b.options.get("claim")
    )
    weights = _weights(scanner)
    return AdvertisingModel(
        banks,
        scanner,
        weights,
        claims,
        prefilter((*claims, banks["seller"], banks["seller-boast"])),
        _suggestions(data),
        claim_kinds,
        Ceiling(scanner, weights),
    )


def _weighted(name: str) -> bool:
    return name.startswith(SIGNAL_PREFIX) or name in (LABEL, UNSUBSCRIBE)


def _kind(name: str) -> str:
    return name.removeprefix(SIGNAL_PREFIX)


def _compiled_bank(name: str, src: BankSource) -> Bank:
    """A bank compiled for the view it names; signal banks match the folded text."""
    view = src.options.get("view", "compact")
    if view not in ("compact", "folded"):
        raise WordListError(
            _WHERE, None, f'banks.{name}.view must be "compact" or "folded", got {view!r}'
        )
    if _weighted(name):
        if view != "folded":
            raise WordListError(
                _WHERE, None, f'banks.{name} is a signal bank: it needs view = "folded"'
            )
        if not isinstance(src.options.get("claim", False), bool):
            raise WordListError(_WHERE, None, f"banks.{name}.claim must be true or false")
        for key in ("weight", "prior"):
            value = src.options.get(key)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, (int, float))
            ):
                raise WordListError(
                    _WHERE, None, f"banks.{name}.{key} must be a number, got {value!r}"
                )
        anchors = src.options.get("anchors", [])
        if not isinstance(anchors, list) or not all(isinstance(a, str) and a for a in anchors):
            raise WordListError(_WHERE, None, f"banks.{name}.anchors must be a list of strings")
    for flag in ("pitch", "deixis", "offer", "whole"):
        if not isinstance(src.options.get(flag, False), bool):
            raise WordListError(_WHERE, None, f"banks.{name}.{flag} must be true or false")
    fires_alone = name == "absolute" or "industry" in src.options
    return src.compile(compacted=view == "compact", alone=fires_alone)


def _scanner(banks: dict[str, Bank]) -> SignalScanner:
    weighted = [b for name, b in banks.items() if _weighted(name)]
    specs: list[SignalSpec] = []
    phrase_banks: dict[str, list[int]] = {}
    trigger_banks: dict[str, list[int]] = {}
    always: list[int] = []
    regexes: list[Lazy | None] = []
    gates: list[Lazy | None] = []
    rejects: list[Callable[[str], bool] | None] = []
    pieces: list[str | None] = []
    unless: list[Bank | None] = []
    index = {bank.name: i for i, bank in enumerate(weighted)}
    for i, bank in enumerate(weighted):
        fixed, prior = bank.options.get("weight"), bank.options.get("prior", 0)
        specs.append(
            SignalSpec(
                _kind(bank.name),
                bool(bank.options.get("against", False)),
                None if fixed is None else float(fixed),
                float(prior),
            )
        )
        parts: list[str] = []
        for phrase in bank.phrases:
            literal = literal_of(phrase.regex)
            if literal:
                phrase_banks.setdefault(literal, []).append(i)
                continue
            parts.append(phrase.regex)
            if phrase.anchors:
                for anchor in phrase.anchors:
                    trigger_banks.setdefault(anchor, []).append(i)
            elif i not in always:
                always.append(i)
        source = bank.pattern_source
        gate = bank.options.get("gate")
        anchors = [fold_one_to_one(a).lower() for a in bank.options.get("anchors", [])]
        if source is not None:
            parts.append(source)
            for anchor in anchors:
                trigger_banks.setdefault(anchor, []).append(i)
            if not anchors and not isinstance(gate, str) and i not in always:
                always.append(i)
        regexes.append(Lazy("|".join(f"(?:{p})" for p in parts)) if parts else None)
        gates.append(Lazy(gate) if isinstance(gate, str) and source is not None else None)
        rejects.append(_rejecter(banks, bank))
        piece = bank.options.get("piece")
        if piece is not None and not isinstance(piece, str):
            raise WordListError(
                _WHERE, None, f"banks.{bank.name}.piece must be a name, got {piece!r}"
            )
        pieces.append(piece)
        unless.append(_unless(banks, bank))
    return SignalScanner(
        tuple(specs),
        _automaton(phrase_banks, trigger_banks),
        tuple(always),
        tuple(regexes),
        tuple(rejects),
        tuple((b, g) for b, g in enumerate(gates) if g is not None),
        tuple(weighted),
        tuple(pieces),
        tuple(unless),
        tuple(_beside(bank, index) for bank in weighted),
    )


def _automaton(phrase_banks: dict[str, list[int]], trigger_banks: dict[str, list[int]]) -> Any:
    import ahocorasick  # here: a Guard without WX4 never needs it for this

    keys = set(phrase_banks) | set(trigger_banks)
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key in keys:
        wakes = tuple(dict.fromkeys(trigger_banks.get(key, ())))
        automaton.add_word(key, (len(key), tuple(phrase_banks.get(key, ())), wakes))
    automaton.make_automaton()
    return automaton


def _rejecter(banks: dict[str, Bank], bank: Bank) -> Callable[[str], bool] | None:
    """``not-only = "<bank>"``: a match made of nothing but that bank's phrases (and brackets,
    spaces and punctuation) is no evidence (【通知】 is a tag, not a sender's signature)."""
    named = _named(banks, bank, "not-only")
    if named is None:
        return None

    def only(matched: str) -> bool:
        regex = named.regex
        assert regex is not None  # a bank with phrases (``_named``)
        return not re.sub(r"[\W_]", "", regex.sub("", matched))

    return only


def _unless(banks: dict[str, Bank], bank: Bank) -> Bank | None:
    """``unless = "<bank>"``: a match of that bank anywhere in the message cancels this
    signal (a shop clearing its stock says 转让 too, but with 批发 or a list of prices)."""
    return _named(banks, bank, "unless")


def _beside(bank: Bank, index: dict[str, int]) -> frozenset[int]:
    """``beside = ["<signal bank>", ...]``: the signal counts only where one of those banks
    also occurs in the message (a festival greeting is a business's customer care beside its
    trade or its name, a friend's wish beside a phone number alone); empty: always counts."""
    names = bank.options.get("beside", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise WordListError(_WHERE, None, f"banks.{bank.name}.beside must be a list of bank names")
    unknown = [n for n in names if n not in index or n == bank.name]
    if unknown:
        raise WordListError(
            _WHERE, None, f"banks.{bank.name}.beside names no other signal bank: {unknown[0]!r}"
        )
    return frozenset(index[n] for n in names)


def _named(banks: dict[str, Bank], bank: Bank, option: str) -> Bank | None:
    """The bank that ``bank``'s ``option`` names, if it names one (its regex compiles when
    first used)."""
    name = bank.options.get(option)
    if name is None:
        return None
    other = banks.get(str(name))
    if other is None or other.source is None:
        raise WordListError(
            _WHERE, None, f"banks.{bank.name}.{option} names no bank with phrases: {name!r}"
        )
    return other


def _weights(scanner: SignalScanner) -> tuple[float, ...]:
    """Each signal bank's weight: its own ``weight``, else the fitted one."""
    path, where = wordlist_path(WEIGHTS)
    source = read_toml(path, where, what="weights file")
    table = source.data.get("weights")
    if not isinstance(table, dict):
        raise WordListError(
            where,
            None,
            "needs a [weights] table of kind = number (written by scripts/fit_commercial.py)",
        )
    kinds = {spec.kind for spec in scanner.specs}
    for kind, value in table.items():
        if kind not in kinds:
            raise source.error(
                f"weight for {kind!r}, which is no signal bank of {_WHERE}", near=kind
            )
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise source.error(f"weight of {kind!r} must be a number, got {value!r}", near=kind)
    out: list[float] = []
    for spec in scanner.specs:
        if spec.fixed is not None:
            out.append(spec.fixed)
        elif spec.kind in table:
            value = float(table[spec.kind])
            if (value > 0 and spec.against) or (value < 0 and not spec.against):
                raise source.error(
                    f"weight of {spec.kind!r} has the wrong sign for its bank ({value:g})",
                    near=spec.kind,
                )
            out.append(value)
        else:
            raise WordListError(
                where,
                None,
                f"no weight for signal bank {spec.kind!r}: run scripts/fit_commercial.py",
            )
    return tuple(out)


def _suggestions(data: dict[str, Any]) -> dict[str, str]:
    """``[suggest]``: compliant wordings by absolute term, keyed by the term's compact form."""
    suggest = data.get("suggest", {})
    if not isinstance(suggest, dict) or not all(isinstance(v, str) for v in suggest.values()):
        raise WordListError(_WHERE, None, "[suggest] must map terms to wordings")
    return {compact(fold_one_to_one(k).lower()): v for k, v in suggest.items()}


def commercial_score(
    message: str | Message,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    phrases: tuple[str | Path, ...] = (),
) -> CommercialScore:
    """How commercial a message reads, with the evidence.

    >>> commercial_score("新品上市，原价199现价99，点击下单").commercial
    True
    >>> commercial_score("请各位家长周五前缴纳午餐费300元").commercial
    False

    ``threshold`` is the score at which advertising rules apply (Guard setting
    ``commercial-threshold``); ``phrases`` are extra phrase files with an ``[advertising]``
    table, as in the ``phrases`` setting.
    """
    text = message.text if isinstance(message, Message) else message
    model = advertising_model(tuple(Path(p) for p in phrases))
    return model.evidence(folded(text)).public(text, threshold)
