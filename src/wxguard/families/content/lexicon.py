"""The compiled lexicon: patterns, Aho-Corasick automata and the candidate scan.

Patterns are written in sound classes (see ``text.sound``), so a single scan finds exact
spellings and homophones alike; the checker then compares characters to tell them apart.
pyahocorasick searches a node's children linearly, so an alphabet of hundreds of classes at
the root would scan at a few MB/s. The collapsed view is therefore re-encoded onto a small
alphabet: each class becomes a (high, low) pair of symbols from two disjoint ranges, every
class outside the lexicon one pair of break symbols. Matches stay aligned to characters
because patterns always start with a high symbol.
"""

from __future__ import annotations

import math
import re
import sys
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import ahocorasick

from ...text.folding import fold, is_cjk
from ...text.sound import BREAK, spell
from ...text.views import STUTTER, BlockMap, TextView, sound_classes
from .masks import MaskIndex, mask_candidates, masked_slots
from .numerals import numeral_variants
from .prefilter import PairPrefilter
from .splitchars import variants
from .terms import Term, shape
from .wordlists import rule_for

PatternKind = Literal["exact", "split", "numeral"]
SoundKind = Literal["pinyin", "initials"]


@dataclass(frozen=True)
class Pattern:
    """One spelling of a term, or of its part number ``part`` if it has gaps (代开{*}发票; -1
    for a whole term). ``folded`` is its skeleton; ``origin`` the written character behind each folded one;
    ``key`` its collapsed sound classes and ``runs`` the folded characters behind each class
    of ``key`` (哈哈笑话 → ("哈哈", "笑", "话"))."""

    term: Term
    rule: str
    folded: str
    origin: tuple[str, ...]
    kind: PatternKind
    key: str
    runs: tuple[str, ...]
    cjk_count: int
    part: int = -1


@dataclass(frozen=True)
class SoundPattern:
    pattern: Pattern
    letters: str
    kind: SoundKind


class LetterWindows:
    """The skeleton around every Latin-letter run, joined into one string (windows are
    separated by a character that spells as a break) and spelled as pinyin letters."""

    SEPARATOR = "\x01"

    def __init__(self, skeleton: str, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in spans]
        self.offsets: list[int] = []
        pieces: list[str] = []
        pos = 0
        for a, b in spans:
            self.offsets.append(pos)
            pieces.append(skeleton[a:b])
            pos += b - a + 1
        self.chars = self.SEPARATOR.join(pieces)
        self.letters = spell(self.chars)
        self.map = BlockMap(self.chars, spell)

    def skeleton_index(self, index: int) -> int:
        """Skeleton index of ``chars[index]``."""
        w = bisect_right(self.offsets, index) - 1
        return self.starts[w] + index - self.offsets[w]


# Which view a candidate's indices point into: ``TextView.collapsed``, ``TextView.sound``
# (the skeleton's indices) or a ``LetterWindows``' letters.
CandidateView = Literal["collapsed", "skeleton", "letters"]


@dataclass(frozen=True)
class Candidate:
    """A raw automaton hit, with indices into its ``view``."""

    view: CandidateView
    start: int
    end: int
    patterns: tuple[Pattern, ...] = ()
    sounds: tuple[SoundPattern, ...] = ()
    window: LetterWindows | None = None


def make_pattern(term: Term, spelling: str, kind: PatternKind, part: int = -1) -> Pattern:
    folded = fold(spelling)
    origin: list[str] = []
    for char in spelling:
        origin.extend(char * len(fold(char)))
    classes = sound_classes(folded)
    runs: list[str] = []
    key: list[str] = []
    pos = 0
    for m in STUTTER.finditer(classes):
        for i in range(pos, m.start()):
            key.append(classes[i])
            runs.append(folded[i])
        key.append(classes[m.start()])
        runs.append(folded[m.start() : m.end()])
        pos = m.end()
    for i in range(pos, len(classes)):
        key.append(classes[i])
        runs.append(folded[i])
    cjk = sum(1 for c in folded if is_cjk(c))
    # Interned, the characters and runs are shared by every pattern (and stay shared through
    # the disk cache): with 50,000 extra terms, peak memory 642 → 488 MB, load 2.1 → 1.7 s.
    return Pattern(
        term,
        rule_for(term.category),
        folded,
        tuple(map(sys.intern, origin)),
        kind,
        "".join(key),
        tuple(map(sys.intern, runs)),
        cjk,
        part,
    )


class _Encoder:
    """The small-alphabet encoding shared by the encoded automata of one lexicon."""

    _pairs: Any

    def __init__(self, symbols: Iterable[str]) -> None:
        alphabet = sorted(set(symbols))
        base = max(2, math.isqrt(max(1, len(alphabet) - 1)) + 1)
        hi0, lo0 = 0x21, 0x21 + base
        breaks = chr(lo0 + base) * 2
        codes = {
            symbol: chr(hi0 + i // base) + chr(lo0 + i % base) for i, symbol in enumerate(alphabet)
        }
        self.__setstate__({"breaks": breaks, "codes": codes})

    def __getstate__(self) -> dict[str, Any]:
        # The tables are large and quick to rebuild from the codes.
        return {"breaks": self.breaks, "codes": self.codes}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.breaks, self.codes = state["breaks"], state["codes"]
        table: list[str] = [self.breaks] * 0x110000
        for symbol, code in self.codes.items():
            table[ord(symbol)] = code
        self.table = table
        self._pairs = None

    def encode(self, text: str) -> str:
        return text.translate(self.table)

    def encode_array(self, values: Any) -> str | None:
        """The same encoding for an array of class values (None when codes exceed a byte)."""
        if ord(self.breaks[0]) > 0xFF:
            return None
        if self._pairs is None:
            import numpy as np

            pairs = np.full(0x110000, ord(self.breaks[0]) * 0x101, dtype="<u2")
            for symbol, code in self.codes.items():
                pairs[ord(symbol)] = ord(code[0]) | ord(code[1]) << 8
            self._pairs = pairs
        return str(self._pairs[values].tobytes().decode("latin-1"))

    def encode_view(self, view: TextView) -> str:
        arrays = view.arrays
        if arrays is not None:
            encoded = self.encode_array(arrays.collapsed)
            if encoded is not None:
                return encoded
        return self.encode(view.collapsed)


class _Matcher:
    """Patterns whose key has two or more classes run, encoded, on the collapsed view
    (stutter-tolerant); those that collapse to one class (咪咪) run on the uncollapsed view."""

    def __init__(self, patterns: Iterable[Pattern], enc: _Encoder) -> None:
        self.enc = enc
        main: dict[str, list[Pattern]] = {}
        short: dict[str, list[Pattern]] = {}
        for p in patterns:
            if len(p.key) >= 2:
                main.setdefault(enc.encode(p.key), []).append(p)
            else:
                short.setdefault(sound_classes(p.folded), []).append(p)
        self.main = _automaton(main, width=2)
        self.short = _automaton(short, width=1)
        self._main_keys = [p.key for group in main.values() for p in group[:1]]
        self._prefilter: PairPrefilter | None = None
        self._prefilter_built = False
        self.longest = max(
            (len(p.folded) for group in (*main.values(), *short.values()) for p in group), default=0
        )

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_prefilter"], state["_prefilter_built"] = None, False  # numpy tables: rebuilt on use
        return state

    def holds(self, patterns: Iterable[Pattern]) -> bool:
        """Whether the main automaton finds each of ``patterns`` of two or more classes under its key."""
        for p in patterns:
            if len(p.key) < 2:
                continue
            auto = self.main
            if (
                auto is None
                or type(auto) is not ahocorasick.Automaton
                or auto.kind != ahocorasick.AHOCORASICK
            ):
                return False
            found = auto.get(self.enc.encode(p.key), None)
            if not (type(found) is tuple and len(found) == 2 and p in found[1]):
                return False
        return True

    def prefilter(self) -> PairPrefilter | None:
        if not self._prefilter_built:
            self._prefilter = PairPrefilter.build(self._main_keys, list(self.enc.codes))
            self._prefilter_built = True
        return self._prefilter

    def _main_hits(self, view: TextView) -> Iterable[tuple[int, tuple[int, tuple[Pattern, ...]]]]:
        """(end in encoded symbols, (length in classes, patterns)) for every main match."""
        assert self.main is not None
        arrays = view.arrays
        prefilter = self.prefilter() if arrays is not None else None
        if arrays is None or prefilter is None:
            return self.main.iter(self.enc.encode_view(view))  # type: ignore[no-any-return]
        encoded = self.enc.encode_view(view)
        windows = prefilter.windows(arrays.collapsed)
        if sum(b - a for a, b in windows) * 4 > len(arrays.collapsed):
            return self.main.iter(encoded)  # type: ignore[no-any-return]
        hits: list[tuple[int, tuple[int, tuple[Pattern, ...]]]] = []
        for a, b in windows:
            # Slices, not iter(start, end): pyahocorasick converts the whole input each call.
            hits.extend(
                (end + 2 * a, value) for end, value in self.main.iter(encoded[2 * a : 2 * b])
            )
        return hits

    def scan(self, view: TextView) -> list[Candidate]:
        hits: list[Candidate] = []
        if self.main is not None:
            for end, (n, patterns) in self._main_hits(view):
                stop = (end + 1) // 2
                hits.append(Candidate("collapsed", stop - n, stop, patterns=patterns))
        if self.short is not None:
            for end, (n, patterns) in self.short.iter(view.sound):
                hits.append(Candidate("skeleton", end + 1 - n, end + 1, patterns=patterns))
        return hits


def _consistent(p: Pattern) -> bool:
    """Whether a pattern's parts agree with each other and, for an exact one, with its term."""
    return (
        type(p.folded) is str
        and type(p.key) is str
        and 0 < len(p.key) == len(p.runs)
        and "".join(p.runs) == p.folded
        and len(p.origin) == len(p.folded)
        and p.rule == rule_for(p.term.category)
        and (p.kind == "split" or (p.kind == "exact" and fold(p.term.text) == p.folded))
    )


def _automaton(keyed: dict[str, list[Pattern]], width: int) -> ahocorasick.Automaton | None:
    if not keyed:
        return None
    auto = ahocorasick.Automaton()
    for key, patterns in keyed.items():
        auto.add_word(key, (len(key) // width, tuple(patterns)))
    auto.make_automaton()
    return auto


@dataclass
class Lexicon:
    """Deny patterns (exact and split spellings), allow phrases and their automata."""

    patterns: list[Pattern]
    allow_patterns: list[Pattern]
    allow_regexes: list[re.Pattern[str]] = field(default_factory=list)
    sound_enabled: bool = True
    auto_masks: bool = True

    def __post_init__(self) -> None:
        self._masks: MaskIndex | None = None
        self._encoder = _Encoder(c for p in (*self.patterns, *self.allow_patterns) for c in p.key)
        self._deny = _Matcher(self.patterns, self._encoder)
        self._allow = _Matcher(self.allow_patterns, self._encoder) if self.allow_patterns else None
        self._margin = 0
        self._pieces: frozenset[str] = frozenset()
        self._letters = self._build_letters() if self.sound_enabled else None

    def _build_letters(self) -> ahocorasick.Automaton | None:
        keyed: dict[str, list[SoundPattern]] = {}
        for p in self.patterns:
            cjk = p.cjk_count
            if (
                p.kind != "exact"
                or p.part >= 0
                or cjk < 2
                or any(not (is_cjk(c) or c.isdigit()) for c in p.folded)
            ):
                continue
            syllables = [spell(c) for c in p.folded]
            if any(not s or BREAK in s for s in syllables):
                continue
            letters = "".join(syllables)
            self._margin = max(self._margin, len(syllables))
            keyed.setdefault(letters, []).append(SoundPattern(p, letters, "pinyin"))
            if cjk >= 3:
                initials = "".join(s[0] for s in syllables)
                keyed.setdefault(initials, []).append(SoundPattern(p, initials, "initials"))
        if not keyed:
            return None
        # A match covers every Latin run it touches, so a run must occur inside some key.
        self._pieces = frozenset(
            k[i:j] for k in keyed for i in range(len(k)) for j in range(i + 1, len(k) + 1)
        )
        auto = ahocorasick.Automaton()
        for letters, sounds in keyed.items():
            auto.add_word(letters, (len(letters), tuple(sounds)))
        auto.make_automaton()
        return auto

    def candidates(self, view: TextView) -> list[Candidate]:
        """All overlapping hits. Pinyin typed in letters is looked for only in windows
        around Latin letters, since a spelling must contain some."""
        found = self._deny.scan(view)
        if self._letters is not None:
            windows = _windows(view, self._margin, self._pieces)
            if windows is not None:
                for end, (n, sounds) in self._letters.iter(windows.letters):
                    found.append(
                        Candidate("letters", end + 1 - n, end + 1, sounds=sounds, window=windows)
                    )
        return found

    @property
    def masks(self) -> MaskIndex:
        """Masked spellings (傻X), built on first use: few messages hold a mask, and with a
        large list they would make every Guard() slower to load (and the cache larger)."""
        if self._masks is None:
            terms = dict.fromkeys(
                p.term for p in self.patterns if p.kind == "exact" and p.part <= 0
            )
            self._masks = MaskIndex(
                s for t in terms for s in masked_slots(t, rule_for(t.category), self.auto_masks)
            )
        return self._masks

    def mask_positions(self, view: TextView) -> list[int]:
        """Where a mask could hide a character of a term (mask symbols, lone Latin letters);
        most messages have none, and then nothing more is looked up."""
        return mask_candidates(view) if self.masks else []

    def allow_hits(self, view: TextView) -> list[Candidate]:
        return self._allow.scan(view) if self._allow is not None else []

    def intact(self) -> bool:
        """Whether this lexicon has the types and shape compiling gives, with its main
        automaton holding its patterns and its patterns their terms' folds (checked on a
        few): for a lexicon read from the disk cache. Loads no sound table."""
        if not (
            type(self.patterns) is list
            and type(self.allow_patterns) is list
            and type(self.allow_regexes) is list
        ):
            return False
        every = [*self.patterns, *self.allow_patterns]
        if (
            not every
            or not set(map(type, every)) <= {Pattern}
            or type(self.sound_enabled) is not bool
        ):
            return False
        if not set(map(type, (p.term for p in every))) <= {Term} or not all(
            isinstance(r, re.Pattern) for r in self.allow_regexes
        ):
            return False
        if not (
            type(self._encoder) is _Encoder
            and type(self._deny) is _Matcher
            and self._deny.enc is self._encoder
        ):
            return False
        if (self._allow is None) != (not self.allow_patterns):
            return False
        if self._allow is not None and not (
            type(self._allow) is _Matcher and self._allow.enc is self._encoder
        ):
            return False
        if not (
            self._letters is None
            or (self.sound_enabled and type(self._letters) is ahocorasick.Automaton)
        ):
            return False
        if type(self.auto_masks) is not bool or not (
            self._masks is None or type(self._masks) is MaskIndex
        ):
            return False
        for matcher, patterns in ((self._deny, self.patterns), (self._allow, self.allow_patterns)):
            if matcher is not None and not matcher.holds(patterns[:: max(1, len(patterns) // 4)]):
                return False
        return all(_consistent(p) for p in every[:: max(1, len(every) // 8)])

    @property
    def allow_starts(self) -> frozenset[str]:
        """The characters an exactly spelled allowed phrase puts first in the skeleton (its
        first folded character, and those behind its first sound class): a window holding
        none of them holds no allowed phrase, and need not be scanned."""
        found: frozenset[str] | None = self.__dict__.get("_allow_starts")
        if found is None:
            found = frozenset(
                c
                for p in self.allow_patterns
                for c in (p.folded[:1] + (p.runs[0] if p.runs else ""))
            )
            self.__dict__["_allow_starts"] = found
        return found

    @property
    def allow_reach(self) -> int:
        """How far (in original characters) an allowed phrase can reach around a hit."""
        return 0 if self._allow is None else self._allow.longest * 8


def _windows(view: TextView, margin: int, pieces: frozenset[str]) -> LetterWindows | None:
    runs = view.latin_runs()
    if not runs:
        return None
    skeleton = view.skeleton
    merged: list[list[int]] = []
    for a, b in runs:
        if skeleton[a:b] not in pieces:
            continue
        lo, hi = max(0, a - margin), min(len(skeleton), b + margin)
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return LetterWindows(skeleton, [(lo, hi) for lo, hi in merged]) if merged else None


def compile_lexicon(
    deny: Iterable[Term],
    allow: Iterable[Term],
    allow_regexes: Iterable[re.Pattern[str]] = (),
    *,
    split_characters: bool = True,
    sound: bool = True,
    auto_masks: bool = True,
) -> Lexicon:
    """Fold every term like text, add numeral, split-character and masked spellings, and
    build the automata. A term with gaps (代开{*}发票) gives one pattern per part."""
    terms: list[tuple[Term, list[tuple[int, str]]]] = []
    for t in dict.fromkeys(deny):
        spelled = shape(t.text).parts
        # Parts are numbered only when a term has gaps; a whole term is part -1.
        terms.append((t, list(enumerate(spelled)) if len(spelled) > 1 else [(-1, spelled[0])]))
    patterns: list[Pattern] = []
    for t, parts in terms:
        for i, part in parts:
            exact_pattern = make_pattern(t, part, "exact", i)
            patterns.append(exact_pattern)
            patterns.extend(
                make_pattern(t, v, "numeral", i) for v in numeral_variants(exact_pattern.folded)
            )
    if split_characters:
        exact = {p.folded for p in patterns}
        for t, parts in terms:
            for i, part in parts:
                for spelling in variants(part):
                    p = make_pattern(t, spelling, "split", i)
                    if p.folded not in exact and len(p.folded) >= 2:
                        patterns.append(p)
    allow_patterns = [make_pattern(t, t.text, "exact") for t in dict.fromkeys(allow)]
    return Lexicon(
        patterns, allow_patterns, list(allow_regexes), sound_enabled=sound, auto_masks=auto_masks
    )
