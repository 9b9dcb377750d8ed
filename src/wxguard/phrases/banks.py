"""Phrase banks: named lists of short phrases, read from TOML data files, compiled to regexes.

The shipped banks live in ``wordlists/<family>.toml``; users add phrases to any bank (or an
exemption) with their own files named by the ``phrases`` setting::

    [inducement]
    reward = ["积分好礼"]
    exempt = ["分享沙龙"]

Phrase syntax (kept small so non-programmers can extend it): plain text is folded like a
message; ``{N}`` is a number in digits or Chinese numerals; ``{*}`` is a short gap inside one
clause; ``(a|b)`` is one of the alternatives, ``(a|b)?`` optional; in a phrase that fires
alone, ``[...]`` marks the action (the rest is what it is joined to). Every error names the
file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, NamedTuple, TypeGuard, TypeVar

from ..cache import cached, digest, versions
from ..errors import WordListError
from ..resources import parse_toml, read_text, read_toml, toml_like, wordlist_path
from ..text.folding import fold_one_to_one, table_key
from ..text.quickregex import quick
from ..text.storedregex import stored_trie
from .clauses import compact

# A number starts where the number does, never inside it: a search that tried every digit of
# a long run as a start read the rest of the run each time (quadratic), and 0元 inside 100元
# is no number of its own. 几 and 多 are also words before a number (多一次): after one that
# opens a run, a number may start with a numeral (so a run still has at most two starts).
_CN_NUMERALS = "零〇一二两三四五六七八九十百千万"
_CN_SOME = "几多"
NUMBER = (
    rf"(?:(?<!\d)\d+(?:\.\d+)?|(?<![{_CN_NUMERALS}])"
    rf"(?:(?<![{_CN_SOME}])[{_CN_NUMERALS}{_CN_SOME}]+"
    rf"|(?<![{_CN_NUMERALS}{_CN_SOME}][{_CN_SOME}])[{_CN_NUMERALS}][{_CN_NUMERALS}{_CN_SOME}]*))"
)
GAP = r"[^。，]{0,6}?"
# A phrase's anchors are at most this many texts (a run across groups multiplies them).
MAX_RUNS = 64
# Each gap multiplies the ways a match is tried (seven lengths each): ten took 7.5 s a
# message. The shipped phrases use two at most.
MAX_GAPS = 3
# Each optional group doubles the ways a match is tried where the groups' words can follow
# one another ((a|b)? twenty times: 1.9 s a message, audit of session 8). The shipped
# phrases use seven at most.
MAX_OPTIONAL = 8
_TOKEN = re.compile(r"\{N\}|\{\*\}|\(([^()]*)\)(\?)?|[\[\]]|[^{}()\[\]]+|[{}()]")
_NUMBER = re.compile(NUMBER)
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
# A text at least this long is scanned by a regex of only the phrases one of whose anchors it
# holds (``Bank._scanner``): the full union tried every phrase at every position where one may
# start (WX3's exemptions, 116 phrases and no hit, were 0.1 s a MB of inducement words).
NARROW_LENGTH = 16384
# Narrowed regexes kept per bank (each made for one set of phrases present).
_NARROWED = 16
FAMILIES = ("inducement", "advertising", "scams", "frames", "trade")


class Hit(NamedTuple):
    """A bank phrase found in a view: ``[start, end)`` in that view's indices. A tuple, not a
    frozen dataclass: a long text makes hundreds of thousands, and a tuple is made three
    times faster and gives the garbage collector one object to walk, not two."""

    start: int
    end: int
    bank: str


# A hit as a plain tuple ``(start, end, bank)``, for code that keeps hits by the hundred
# thousand (the joins): the garbage collector stops tracking a plain tuple of ints and a
# string once it has seen it, but walks a ``Hit`` (a subclass) at every full collection, and
# those collections were a third of WX3's time on long texts.
Found = tuple[int, int, str]
_H = TypeVar("_H", bound=Found)  # a Hit or a Found


@dataclass(frozen=True)
class Phrase:
    raw: str
    where: str
    regex: str
    split: str | None
    anchors: tuple[str, ...]  # one of these literal strings is in every match


class Bank:
    """One named bank compiled into a single alternation (longest phrases first).

    Regexes compile on first use: a clean message consults a few gates and triggers, not
    the banks behind them, and compiling every bank was most of a cold CLI run's start."""

    def __init__(
        self,
        name: str,
        about: str,
        phrases: list[Phrase],
        patterns: list[str],
        options: Mapping[str, Any],
    ) -> None:
        self.name = name
        self.about = about
        self.options = dict(options)
        self.phrases = tuple(phrases)
        self.patterns = tuple(patterns)
        literal = sorted({p.regex for p in phrases}, key=lambda r: (-len(r), r))
        self.source: str | None = (
            "|".join(f"(?:{s})" for s in literal + patterns) if literal or patterns else None
        )
        # The raw patterns alone: the advertising scanner runs them only where an anchor or
        # the bank's ``gate`` says they can match.
        self._pattern_source = "|".join(f"(?:{p})" for p in patterns) if patterns else None
        # Literal strings one of which every match contains; None when a raw pattern or a
        # phrase without a literal part makes that unknowable.
        self.anchors: frozenset[str] | None = (
            None
            if patterns or any(not p.anchors for p in phrases)
            else frozenset(a for p in phrases for a in p.anchors)
        )
        self._narrowed: dict[int, re.Pattern[str]] = {}
        min_number = options.get("min-number")
        self.min_number: float | None = (
            float(min_number) if isinstance(min_number, (int, float)) else None
        )

    def respelled(self, table: Sequence[str]) -> Bank:
        """This bank for text translated one character for one by ``table`` (see
        ``Clauses.respelled``): the phrases' regexes and anchors translated the same way.
        Only literal characters change, as long as the table leaves ASCII alone."""
        phrases = [
            Phrase(
                p.raw,
                p.where,
                p.regex.translate(table),
                p.split.translate(table) if p.split else None,
                tuple(a.translate(table) for a in p.anchors),
            )
            for p in self.phrases
        ]
        return Bank(
            self.name,
            self.about,
            phrases,
            [p.translate(table) for p in self.patterns],
            self.options,
        )

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        return quick(self.source) if self.source is not None else None

    @cached_property
    def _quick(self) -> re.Pattern[str] | None:
        return _literal_union(self.anchors) if self.anchors else None

    @cached_property
    def _narrowing(self) -> tuple[Any, tuple[str, ...], int] | None:
        """For ``_scanner``: an Aho-Corasick automaton of the anchors, each giving the bit mask
        of the union's alternatives (longest first, as in ``source``) whose phrases hold it;
        those alternatives; and the mask of them all. None without anchors."""
        if not self.anchors:
            return None
        literal = sorted({p.regex for p in self.phrases}, key=lambda r: (-len(r), r))
        index = {regex: i for i, regex in enumerate(literal)}
        masks: dict[str, int] = {}
        for phrase in self.phrases:
            bit = 1 << index[phrase.regex]
            for anchor in phrase.anchors:
                masks[anchor] = masks.get(anchor, 0) | bit
        return mask_automaton(masks), tuple(literal), (1 << len(literal)) - 1

    def _scanner(self, text: str) -> re.Pattern[str] | None:
        """The bank's regex, or for a long text the union of only the phrases one of whose
        anchors it holds (None when it holds none). Every match holds an anchor of its phrase,
        so a phrase left out matches nowhere in the text; the others keep their order, so the
        same one matches first at every position: the same hits."""
        regex = self.regex
        narrowing = self._narrowing if len(text) >= NARROW_LENGTH else None
        if narrowing is None:
            return regex
        automaton, literal, every = narrowing
        present = 0
        for _, mask in automaton.iter(text):
            present |= mask
            if present == every:
                return regex
        if not present:
            return None
        narrowed = self._narrowed.get(present)
        if narrowed is None:
            if len(self._narrowed) >= _NARROWED:
                self._narrowed.clear()
            narrowed = self._narrowed[present] = quick(
                "|".join(f"(?:{s})" for i, s in enumerate(literal) if present >> i & 1)
            )
        return narrowed

    @cached_property
    def _splits(self) -> list[re.Pattern[str]]:
        return [re.compile(p.split) for p in self.phrases if p.split]

    def hits(self, text: str, overlapping: bool = True) -> list[Hit]:
        """Leftmost-longest phrases; with ``overlapping``, the longest phrase starting at every
        position (so 后才能查看 does not hide 才能查看)."""
        return self._hits(text, overlapping, Hit)

    def found(self, text: str, overlapping: bool = True) -> list[Found]:
        """``hits`` as plain tuples (``Found``)."""
        return self._hits(text, overlapping, tuple)

    def _hits(self, text: str, overlapping: bool, kind: type[_H]) -> list[_H]:
        if self.regex is None or (self._quick is not None and self._quick.search(text) is None):
            return []
        regex = self._scanner(text)
        if regex is None:
            return []
        # tuple.__new__ makes a Hit without the Python frame of its constructor (and returns
        # a plain tuple as it is): a long hostile text has hundreds of thousands of hits.
        name, make = self.name, tuple.__new__
        found: list[_H]
        if overlapping:
            found = []
            pos = 0
            while (m := regex.search(text, pos)) is not None:
                start, end = m.span()
                if end > start:
                    found.append(make(kind, (start, end, name)))
                pos = start + 1
        else:
            found = [
                make(kind, (start, end, name))
                for start, end in map(re.Match.span, regex.finditer(text))
                if end > start
            ]
        if self.min_number is not None:
            least = self.min_number
            # Each distinct phrase is read once: a long text repeats the same few.
            enough: dict[str, bool] = {}
            kept = []
            for h in found:
                matched = text[h[0] : h[1]]
                ok = enough.get(matched)
                if ok is None:
                    ok = enough[matched] = _numbers_at_least(matched, least)
                if ok:
                    kept.append(h)
            found = kept
        return found

    @property
    def pattern_source(self) -> str | None:
        """The bank's raw patterns as one alternation (None without patterns)."""
        return self._pattern_source

    def split(self, matched: str) -> tuple[int, int] | None:
        """Where the action (written in ``[...]``) lies inside a match of this bank, if marked."""
        for rx in self._splits:
            m = rx.fullmatch(matched)
            if m:
                return m.span(2)
        return None


def number_value(written: str) -> float | None:
    """Value of a number written in digits or Chinese numerals; None for 几/多 (some)."""
    if written[:1].isdigit():
        try:
            return float(written)
        except ValueError:
            return None
    if any(c in "几多" for c in written):
        return None
    total, section, digit = 0, 0, None
    for c in written:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        elif c == "万":
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * _CN_UNITS[c]
            digit = None
    return float(total + section + (digit or 0))


def _numbers_at_least(text: str, least: float) -> bool:
    for m in _NUMBER.finditer(text):
        value = number_value(m.group())
        if value is not None and value < least:
            return False
    return True


def _literal(text: str, compacted: bool) -> str:
    folded = fold_one_to_one(text).lower()
    return compact(folded) if compacted else folded


def compile_phrase(raw: str, where: str, *, compacted: bool = True, alone: bool = False) -> Phrase:
    """Regex source for one phrase; errors name ``where`` (``file:line``)."""
    return finish_phrase(raw, where, alone, read_phrase(raw, where, compacted))


# A phrase read into regex sources, before the checks that depend on its bank (whether it
# fires alone): regex, the regex with the action marked by [...] as group 2 (if marked), the
# literal anchors and the count of literal characters. A plain tuple, because the on-disk
# cache keeps one for every shipped phrase and tuples are read back fastest.
Reading = tuple[str, str | None, tuple[str, ...], int]


def finish_phrase(raw: str, where: str, alone: bool, reading: Reading) -> Phrase:
    regex, split, anchors, literal_chars = reading
    if alone and literal_chars < 2:
        raise _error(
            raw, where, " fires on its own and would flag ordinary text; use a longer phrase"
        )
    if split is not None and not alone:
        raise _error(raw, where, ": [...] only makes sense in a bank that fires alone")
    return Phrase(raw, where, regex, split, anchors)


def read_phrase(raw: str, where: str, compacted: bool) -> Reading:
    if not isinstance(raw, str):
        raise WordListError(where, None, f"phrase must be a string, got {type(raw).__name__}")
    reader = _PhraseReader(raw, where, compacted)
    for m in _TOKEN.finditer(raw):
        reader.read(m)
    return reader.reading()


def _error(raw: str, where: str, problem: str) -> WordListError:
    return WordListError(where, None, f"phrase {raw!r}{problem}")


_PLACEHOLDERS = {"{N}": NUMBER, "{*}": GAP}
# Regex operators a writer may expect to work in a phrase; folded away, they would silently
# change its meaning (的? would require 的).
_REGEX_OPERATORS = frozenset("?*+|\\^$")


class _PhraseReader:
    """One phrase read token by token into regex parts, counting its literal characters and
    keeping the most selective literal anchors."""

    def __init__(self, raw: str, where: str, compacted: bool) -> None:
        self.raw, self.where, self.compacted = raw, where, compacted
        self.parts: list[str] = []
        self.marks: list[int] = []  # indices into parts where [ and ] stand
        self.literal_chars = 0
        self.anchors: tuple[str, ...] = ()
        # The texts the phrase may read since the last placeholder or optional group: a
        # literal extends each (不[转]不是 is one run), a group of alternatives multiplies
        # them (我(要|就) reads 我要 or 我就: anchors of two characters, not 我 alone).
        self.runs: tuple[str, ...] = ()
        self.after_placeholder = False
        self.gaps = 0
        self.optional = 0

    def error(self, problem: str) -> WordListError:
        return _error(self.raw, self.where, problem)

    def read(self, m: re.Match[str]) -> None:
        token = m.group()
        if token[:1] == "?" and self.after_placeholder:
            raise self.error(": ? makes only a (a|b) group optional, not {N} or {*}")
        self.after_placeholder = token in _PLACEHOLDERS
        if token == "{*}":
            self.gaps += 1
            if self.gaps > MAX_GAPS:
                raise self.error(f": more than {MAX_GAPS} {{*}} gaps (write shorter phrases)")
        if token in _PLACEHOLDERS:
            self.parts.append(_PLACEHOLDERS[token])
            self.runs = ()
        elif token in "[]":
            self.mark(token)
        elif m.group(1) is not None:
            self.group(m.group(1), bool(m.group(2)))
        elif token in "{}()":
            raise self.error(f": stray {token!r} (use {{N}}, {{*}}, (a|b) or [...])")
        else:
            self.literal(token)

    def mark(self, token: str) -> None:
        if token != "[]"[len(self.marks) % 2] or len(self.marks) == 2:
            raise self.error(": use one [...] to mark the action")
        self.marks.append(len(self.parts))

    def group(self, body: str, optional: bool) -> None:
        if "{" in body or "}" in body:
            raise self.error(
                f": ({body}) holds a placeholder; alternatives are plain text (write one phrase per case)"
            )
        options = sorted(
            (_literal(alt, self.compacted) for alt in body.split("|")), key=len, reverse=True
        )
        if not all(options):
            raise self.error(f": empty alternative in ({body})")
        if optional:
            self.optional += 1
            if self.optional > MAX_OPTIONAL:
                raise self.error(
                    f": more than {MAX_OPTIONAL} optional (a|b)? groups (write shorter phrases)"
                )
            self.runs = ()
        else:
            self.literal_chars += min(len(o) for o in options)
            self.anchors = _better(self.anchors, tuple(options))
            if self.runs and len(self.runs) * len(options) <= MAX_RUNS:
                self.runs = tuple(r + o for r in self.runs for o in options)
                self.anchors = _better(self.anchors, self.runs)
            else:
                self.runs = tuple(options)
        self.parts.append(
            "(?:" + "|".join(re.escape(o) for o in options) + ")" + ("?" if optional else "")
        )

    def literal(self, token: str) -> None:
        operator = next((c for c in token if c in _REGEX_OPERATORS), None)
        if operator is not None:
            raise self.error(
                f": {operator!r} is not phrase syntax and would be dropped as punctuation;"
                " write (a|b)? for an optional part, {*} for a gap, or put a regex under patterns"
            )
        lit = _literal(token, self.compacted)
        self.literal_chars += len(lit)
        if lit:
            self.parts.append(re.escape(lit))
            self.runs = tuple(r + lit for r in self.runs) if self.runs else (lit,)
            self.anchors = _better(self.anchors, self.runs)

    def reading(self) -> Reading:
        if len(self.marks) == 1:
            raise self.error(": [ without ]")
        if self.literal_chars == 0:
            raise self.error(" has no letters or digits")
        parts = self.parts
        split = None
        if self.marks:
            a, b = self.marks
            split = "(" + "".join(parts[:a]) + ")(" + "".join(parts[a:b]) + ")" + "".join(parts[b:])
        # Valid by construction (escaped literals and fixed pieces; tested with random phrases),
        # so it is not compiled here: compiling every phrase was a third of a cold start.
        return "".join(parts), split, self.anchors, self.literal_chars


def _better(current: tuple[str, ...], candidate: tuple[str, ...]) -> tuple[str, ...]:
    """The more selective anchor set: longer shortest string, then fewer strings."""

    def key(strings: tuple[str, ...]) -> tuple[int, int]:
        return min(len(x) for x in strings), -len(strings)

    return candidate if not current or key(candidate) > key(current) else current


class BankIndex:
    """Which banks of a set may hit a text, from one Aho-Corasick pass over all their
    literal anchors: a bank whose anchors are all absent has no hit (``Bank.hits`` makes
    the same test, one anchor search per bank). A message that passes a family's trigger
    asked 20-30 banks each; most have none of their anchors in it."""

    __slots__ = ("_automaton", "bits")

    def __init__(self, banks: Iterable[tuple[str, Bank]]) -> None:
        # By the name a bank is filed under: a bank with anchors has a bit; others always look.
        self.bits: dict[str, int] = {}
        masks: dict[str, int] = {}
        for name, bank in banks:
            if bank.anchors:
                bit = self.bits.setdefault(name, 1 << len(self.bits))
                for anchor in bank.anchors:
                    masks[anchor] = masks.get(anchor, 0) | bit
        self._automaton = mask_automaton(masks)

    def scan(self, text: str) -> int:
        """The bits of the banks one of whose anchors occurs in ``text``."""
        if self._automaton is None:
            return 0
        found, every = 0, (1 << len(self.bits)) - 1
        for _, mask in self._automaton.iter(text):
            found |= mask
            if found == every:
                break
        return found


def mask_automaton(masks: Mapping[str, int]) -> Any:
    """An Aho-Corasick automaton that gives each string's bit mask where it occurs (None
    without strings): the banks a text may hit, in one pass in C."""
    if not masks:
        return None
    import ahocorasick  # here: import wxguard does not load it

    automaton = ahocorasick.Automaton()
    for key, mask in masks.items():
        automaton.add_word(key, mask)
    automaton.make_automaton()
    return automaton


# Indexes by the identity of the banks' mapping, which is kept alive with its index (so its
# id is not reused); a family's banks are built once with its model and never changed.
_INDEXES: dict[int, tuple[Mapping[str, Bank], BankIndex]] = {}
_MAX_INDEXES = 64


def bank_index(banks: Mapping[str, Bank]) -> BankIndex:
    """The index of a family's banks, made on first use (a dictionary look-up a message;
    hashing the banks each time cost 4.6 µs)."""
    entry = _INDEXES.get(id(banks))
    if entry is None or entry[0] is not banks:
        if len(_INDEXES) >= _MAX_INDEXES:
            _INDEXES.clear()
        entry = _INDEXES[id(banks)] = (banks, BankIndex(banks.items()))
    return entry[1]


def prefilter(banks: Iterable[Bank]) -> re.Pattern[str] | None:
    """A fast literal test that every match of these banks passes (None: cannot tell, so
    always look). Python's regex scans a union of plain literals quickly."""
    anchors: set[str] = set()
    for bank in banks:
        if bank.anchors is None:
            return None
        anchors |= bank.anchors
    return _literal_union(anchors) if anchors else None


def _literal_union(strings: Iterable[str]) -> re.Pattern[str]:
    return stored_trie(strings)


# -- reading files ---------------------------------------------------------------------
@dataclass
class BankSource:
    """A bank's phrases and patterns with where each was written, before compiling.
    ``readings`` holds, per view (compacted or not), the first phrases already read (None
    where reading fails, so that ``compile`` raises the error); ``patterns_checked`` says
    the patterns are known to compile."""

    name: str
    about: str
    phrases: list[tuple[str, str]]
    patterns: list[tuple[str, str]]
    options: dict[str, Any]
    readings: dict[bool, list[Reading | None]] = field(default_factory=dict)
    patterns_checked: bool = False

    def compile(self, *, compacted: bool = True, alone: bool = False) -> Bank:
        known = self.readings.get(compacted, [])
        phrases = []
        for i, (raw, where) in enumerate(self.phrases):
            reading = known[i] if i < len(known) else None
            phrases.append(
                finish_phrase(raw, where, alone, reading)
                if reading is not None
                else compile_phrase(raw, where, compacted=compacted, alone=alone)
            )
        if not self.patterns_checked:
            self.check_patterns()
        return Bank(self.name, self.about, phrases, [raw for raw, _ in self.patterns], self.options)

    def check_patterns(self) -> None:
        for raw, where in self.patterns:
            try:
                re.compile(raw)
            except re.error as exc:
                raise WordListError(
                    where, None, f"pattern {raw!r} does not compile: {exc}"
                ) from None
        self.patterns_checked = True

    def read_all(self) -> None:
        """Read every phrase in both views now, for the on-disk cache."""
        for compacted in (True, False):
            readings: list[Reading | None] = []
            for raw, where in self.phrases:
                try:
                    readings.append(read_phrase(raw, where, compacted))
                except WordListError:
                    readings.append(None)
            self.readings[compacted] = readings


def _strings(value: Any, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise WordListError(where, None, f"{key}: expected a list of strings")
    return value


def bundled_family(family: str) -> tuple[dict[str, Any], dict[str, BankSource]]:
    """The shipped ``wordlists/<family>.toml``: its whole table and its banks, every phrase
    read. From the on-disk cache when it holds this file's entry: parsing the TOML and
    reading each phrase were a fifth of a Guard's construction."""
    path, where = wordlist_path(f"{family}.toml")
    text = read_text(path, where, "phrase file")
    key = digest(text, _code(), versions(), table_key())
    data, banks = cached(
        f"phrases-{family}", key, lambda: _read_family(text, where), _valid_family(text, where)
    )
    return data, {
        name: BankSource(name, about, phrases, patterns, options, readings, patterns_checked=True)
        for name, (about, phrases, patterns, options, readings) in banks.items()
    }


@cache
def _code() -> str:
    """The code that reads a phrase file: an edit to it must not be served stale."""
    here = Path(__file__).parent
    return digest(
        *(
            p.read_bytes()
            for p in (Path(__file__), here / "clauses.py", here.parent / "resources.py")
        )
    )


# What the on-disk cache keeps of a bank: about, phrases and patterns with where each is
# written, options and the phrases read in each view (plain data: quick to read back).
_StoredBank = tuple[
    str,
    list[tuple[str, str]],
    list[tuple[str, str]],
    dict[str, Any],
    dict[bool, list[Reading | None]],
]


def _read_family(text: str, where: str) -> tuple[dict[str, Any], dict[str, _StoredBank]]:
    source = parse_toml(text, where)
    banks: dict[str, _StoredBank] = {}
    for name, spec in source.data.get("banks", {}).items():
        if not isinstance(spec, dict):
            raise source.error(f"banks.{name} must be a table", near=f"[banks.{name}]")
        options = {k: v for k, v in spec.items() if k not in ("about", "phrases", "patterns")}
        gate = options.get("gate")
        if gate is not None:
            try:
                re.compile(str(gate))
            except re.error as exc:
                raise source.error(
                    f"banks.{name}.gate does not compile: {exc}", near=str(gate)
                ) from None
        bank = BankSource(
            name,
            str(spec.get("about", "")),
            [
                (p, source.at(p))
                for p in _strings(spec.get("phrases", []), where, f"banks.{name}.phrases")
            ],
            [
                (p, source.at(p))
                for p in _strings(spec.get("patterns", []), where, f"banks.{name}.patterns")
            ],
            options,
        )
        bank.check_patterns()
        bank.read_all()
        banks[name] = (bank.about, bank.phrases, bank.patterns, bank.options, bank.readings)
    return source.data, banks


def _pairs(value: object) -> bool:
    return type(value) is list and all(
        type(p) is tuple and len(p) == 2 and type(p[0]) is str and type(p[1]) is str for p in value
    )


def _valid_reading(value: object) -> bool:
    return value is None or (
        type(value) is tuple
        and len(value) == 4
        and type(value[0]) is str
        and (value[1] is None or type(value[1]) is str)
        and type(value[2]) is tuple
        and all(type(a) is str for a in value[2])
        and type(value[3]) is int
        and value[3] > 0
    )


# Of a cached family, every this many phrases are read again and compared.
_SAMPLE = 50


def _valid_family(
    text: str, shown: str
) -> Callable[[object], TypeGuard[tuple[dict[str, Any], dict[str, _StoredBank]]]]:
    """The check of a cached family read from ``text`` (shown as ``shown``): the types
    ``_read_family`` makes, at least one bank, every bank's phrases and patterns those of the
    table it came with, and a sample of the phrases written in ``text`` on the line their
    place names and read as they are read now; anything else is rebuilt."""
    lines = text.split("\n")

    def written(raw: str, where: str) -> bool:
        line = where.removeprefix(f"{shown}:")
        return line.isdigit() and 0 < int(line) <= len(lines) and raw in lines[int(line) - 1]

    def valid(value: object) -> TypeGuard[tuple[dict[str, Any], dict[str, _StoredBank]]]:
        if type(value) is not tuple or len(value) != 2:
            return False
        data, banks = value
        if type(data) is not dict or not toml_like(data) or type(banks) is not dict or not banks:
            return False
        table = data.get("banks", {})
        if type(table) is not dict or list(table) != list(banks):
            return False
        seen = 0
        for name, bank in banks.items():
            if type(bank) is not tuple or len(bank) != 5:
                return False
            about, phrases, patterns, options, readings = bank
            spec = table[name]
            if not (
                type(about) is str
                and _pairs(phrases)
                and _pairs(patterns)
                and type(options) is dict
                and [raw for raw, _ in phrases] == spec.get("phrases", [])
                and [raw for raw, _ in patterns] == spec.get("patterns", [])
                and type(readings) is dict
                and set(readings) == {True, False}
            ):
                return False
            sample = range(-seen % _SAMPLE, len(phrases), _SAMPLE)
            if not all(written(*phrases[i]) for i in sample):
                return False
            for compacted, read in readings.items():
                if type(read) is not list or len(read) != len(phrases):
                    return False
                if not all(map(_valid_reading, read)):
                    return False
                for i in sample:
                    raw, where = phrases[i]
                    if read[i] is not None and read[i] != read_phrase(raw, where, compacted):
                        return False
            seen += len(phrases)
        return True

    return valid


def add_user_phrases(family: str, banks: dict[str, BankSource], files: Iterable[Path]) -> None:
    """Add the phrases of users' files (their ``[<family>]`` table) to the banks."""
    for path in files:
        source = read_toml(path, what="phrase file")
        display = source.where
        for key in source.data:
            if key not in FAMILIES:
                raise source.error(
                    f"unknown table [{key}] (use {', '.join(f'[{f}]' for f in FAMILIES)})",
                    near=f"[{key}",
                )
        table = source.data.get(family, {})
        if not isinstance(table, dict):
            raise WordListError(display, None, f"[{family}] must be a table of bank = [phrases]")
        for name, value in table.items():
            if name not in banks:
                raise source.error(
                    f"[{family}] has no bank {name!r} (known: {', '.join(sorted(banks))})",
                    near=name,
                )
            for raw in _strings(value, display, f"{family}.{name}"):
                banks[name].phrases.append((raw, source.at(raw)))


def family_banks(
    family: str, required: Iterable[str], files: Iterable[Path]
) -> tuple[dict[str, Any], dict[str, BankSource]]:
    """A family's shipped ``wordlists/<family>.toml`` (its whole table and its banks) with the
    phrases of users' files added; a bank the family's code consults must be there."""
    data, sources = bundled_family(family)
    missing = [name for name in required if name not in sources]
    if missing:
        raise WordListError(
            f"wordlists/{family}.toml", None, f"missing banks: {', '.join(missing)}"
        )
    add_user_phrases(family, sources, files)
    return data, sources
