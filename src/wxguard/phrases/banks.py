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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import WordListError
from ..resources import read_toml, wordlist_path
from ..text.folding import fold_one_to_one
from ..text.quickregex import quick, trie_source
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
# Each gap multiplies the ways a match is tried (seven lengths each): ten took 7.5 s a
# message. The shipped phrases use two at most.
MAX_GAPS = 3
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
FAMILIES = ("inducement", "advertising", "scams", "frames", "trade")


class Hit(NamedTuple):
    """A bank phrase found in a view: ``[start, end)`` in that view's indices. A tuple, not a
    frozen dataclass: a long text makes hundreds of thousands, and a tuple is made three
    times faster and gives the garbage collector one object to walk, not two."""

    start: int
    end: int
    bank: str


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
    def _splits(self) -> list[re.Pattern[str]]:
        return [re.compile(p.split) for p in self.phrases if p.split]

    def hits(self, text: str, overlapping: bool = True) -> list[Hit]:
        """Leftmost-longest phrases; with ``overlapping``, the longest phrase starting at every
        position (so 后才能查看 does not hide 才能查看)."""
        if self.regex is None or (self._quick is not None and self._quick.search(text) is None):
            return []
        if overlapping:
            found = []
            regex, pos = self.regex, 0
            while (m := regex.search(text, pos)) is not None:
                if m.end() > m.start():
                    found.append(Hit(m.start(), m.end(), self.name))
                pos = m.start() + 1
        else:
            found = [
                Hit(m.start(), m.end(), self.name)
                for m in self.regex.finditer(text)
                if m.end() > m.start()
            ]
        if self.min_number is not None:
            found = [h for h in found if _numbers_at_least(text[h.start : h.end], self.min_number)]
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
    if not isinstance(raw, str):
        raise WordListError(where, None, f"phrase must be a string, got {type(raw).__name__}")
    reader = _PhraseReader(raw, where, compacted)
    for m in _TOKEN.finditer(raw):
        reader.read(m)
    return reader.phrase(alone)


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
        self.run = ""  # literal text since the last placeholder or group: 不[转]不是 is one run
        self.after_placeholder = False
        self.gaps = 0

    def error(self, problem: str) -> WordListError:
        return WordListError(self.where, None, f"phrase {self.raw!r}{problem}")

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
            self.run = ""
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
        if not optional:
            self.literal_chars += min(len(o) for o in options)
            self.anchors = _better(self.anchors, tuple(options))
        self.run = ""
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
            self.run += lit
            self.anchors = _better(self.anchors, (self.run,))

    def phrase(self, alone: bool) -> Phrase:
        if len(self.marks) == 1:
            raise self.error(": [ without ]")
        if self.literal_chars == 0:
            raise self.error(" has no letters or digits")
        if alone and self.literal_chars < 2:
            raise self.error(" fires on its own and would flag ordinary text; use a longer phrase")
        parts = self.parts
        split = None
        if self.marks:
            if not alone:
                raise self.error(": [...] only makes sense in a bank that fires alone")
            a, b = self.marks
            split = "(" + "".join(parts[:a]) + ")(" + "".join(parts[a:b]) + ")" + "".join(parts[b:])
        # Valid by construction (escaped literals and fixed pieces; tested with random phrases),
        # so it is not compiled here: compiling every phrase was a third of a cold start.
        return Phrase(self.raw, self.where, "".join(parts), split, self.anchors)


def _better(current: tuple[str, ...], candidate: tuple[str, ...]) -> tuple[str, ...]:
    """The more selective anchor set: longer shortest string, then fewer strings."""

    def key(strings: tuple[str, ...]) -> tuple[int, int]:
        return min(len(x) for x in strings), -len(strings)

    return candidate if not current or key(candidate) > key(current) else current


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
    return re.compile(trie_source(strings))


# -- reading files ---------------------------------------------------------------------
@dataclass
class BankSource:
    """A bank's phrases and patterns with where each was written, before compiling."""

    name: str
    about: str
    phrases: list[tuple[str, str]]
    patterns: list[tuple[str, str]]
    options: dict[str, Any]

    def compile(self, *, compacted: bool = True, alone: bool = False) -> Bank:
        phrases = [
            compile_phrase(raw, where, compacted=compacted, alone=alone)
            for raw, where in self.phrases
        ]
        patterns = []
        for raw, where in self.patterns:
            try:
                re.compile(raw)
            except re.error as exc:
                raise WordListError(
                    where, None, f"pattern {raw!r} does not compile: {exc}"
                ) from None
            patterns.append(raw)
        return Bank(self.name, self.about, phrases, patterns, self.options)


def _strings(value: Any, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise WordListError(where, None, f"{key}: expected a list of strings")
    return value


def bundled_family(family: str) -> tuple[dict[str, Any], dict[str, BankSource]]:
    """The shipped ``wordlists/<family>.toml``: its whole table and its banks."""
    source = read_toml(*wordlist_path(f"{family}.toml"), what="phrase file")
    display = source.where
    banks: dict[str, BankSource] = {}
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
        banks[name] = BankSource(
            name,
            str(spec.get("about", "")),
            [
                (p, source.at(p))
                for p in _strings(spec.get("phrases", []), display, f"banks.{name}.phrases")
            ],
            [
                (p, source.at(p))
                for p in _strings(spec.get("patterns", []), display, f"banks.{name}.patterns")
            ],
            options,
        )
    return source.data, banks


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
