"""The compiled lexicon: patterns, Aho-Corasick automata and the candidate scan.

pyahocorasick searches a node's children linearly, so a Chinese lexicon whose root has
thousands of children scans at a few MB/s. Every pattern and text is therefore re-encoded
onto a small alphabet: each character becomes a (high, low) pair of symbols drawn from two
disjoint ranges, and every character outside the lexicon becomes one pair of break symbols.
Matches stay aligned to character boundaries because patterns always start with a high symbol.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Iterable, Literal

import ahocorasick

from ..text.folding import fold, is_cjk
from ..text.sound import BREAK, spell
from ..text.views import STUTTER, TextView
from .loading import Term, rule_for
from .splitchars import variants

PatternKind = Literal["exact", "split"]
SoundKind = Literal["pinyin", "initials"]


@dataclass(frozen=True)
class Pattern:
    """One spelling of a term, folded; ``origin`` holds the written character behind each
    folded character (to tell which disguise a text character used)."""

    term: Term
    rule: str
    folded: str
    origin: tuple[str, ...]
    kind: PatternKind


@dataclass(frozen=True)
class SoundPattern:
    pattern: Pattern
    letters: str
    kind: SoundKind


@dataclass(frozen=True)
class Candidate:
    """A raw automaton hit in one view (``view`` is "collapsed", "skeleton" or "sound")."""

    view: str
    start: int
    end: int
    patterns: tuple[Pattern, ...] = ()
    sounds: tuple[SoundPattern, ...] = ()


def _origin(spelling: str) -> tuple[str, ...]:
    out: list[str] = []
    for char in spelling:
        out.extend(char * len(fold(char)))
    return tuple(out)


def _has_double(folded: str) -> bool:
    return STUTTER.search(folded) is not None


class _Encoder:
    """The small-alphabet encoding shared by all encoded automata of one lexicon."""

    def __init__(self, chars: Iterable[str]) -> None:
        alphabet = sorted(set(chars))
        base = max(2, math.isqrt(max(1, len(alphabet) - 1)) + 1)
        hi0, lo0 = 0x21, 0x21 + base
        self.breaks = chr(lo0 + base) * 2
        table: list[str] = [self.breaks] * 0x110000
        for i, char in enumerate(alphabet):
            table[ord(char)] = chr(hi0 + i // base) + chr(lo0 + i % base)
        self.table = table

    def encode(self, text: str) -> str:
        return text.translate(self.table)


class _Matcher:
    """Automata for a set of folded strings: those without doubled characters run on the
    collapsed view (stutter-tolerant), those with doubles run on the skeleton."""

    def __init__(self, keyed: dict[str, list[Pattern]] | dict[str, None], enc: _Encoder) -> None:
        self.enc = enc
        self.main = self._build({k: v for k, v in keyed.items() if not _has_double(k)})
        self.dbl = self._build({k: v for k, v in keyed.items() if _has_double(k)})

    def _build(self, keyed: dict[str, object]) -> ahocorasick.Automaton | None:
        if not keyed:
            return None
        auto = ahocorasick.Automaton()
        for key, value in keyed.items():
            auto.add_word(self.enc.encode(key), (len(key), value))
        auto.make_automaton()
        return auto

    def scan(self, view: TextView) -> list[tuple[str, int, int, object]]:
        hits: list[tuple[str, int, int, object]] = []
        if self.main is not None:
            enc = self.enc.encode(view.collapsed)
            for end, (n, value) in self.main.iter(enc):
                stop = (end + 1) // 2
                hits.append(("collapsed", stop - n, stop, value))
        if self.dbl is not None:
            enc = self.enc.encode(view.skeleton)
            for end, (n, value) in self.dbl.iter(enc):
                stop = (end + 1) // 2
                hits.append(("skeleton", stop - n, stop, value))
        return hits


@dataclass
class Lexicon:
    """Deny patterns (exact, split and sound), allow phrases, and their automata."""

    patterns: list[Pattern]
    allow_terms: list[Term]
    allow_regexes: list[re.Pattern[str]] = field(default_factory=list)
    sound_enabled: bool = True

    def __post_init__(self) -> None:
        keyed: dict[str, list[Pattern]] = {}
        for p in self.patterns:
            keyed.setdefault(p.folded, []).append(p)
        allow_keyed: dict[str, None] = {fold(t.text): None for t in self.allow_terms}
        self._encoder = _Encoder(ch for key in (*keyed, *allow_keyed) for ch in key)
        self._deny = _Matcher(keyed, self._encoder)
        self._allow = _Matcher(allow_keyed, self._encoder) if allow_keyed else None
        self._sound = self._build_sound() if self.sound_enabled else None

    def _build_sound(self) -> ahocorasick.Automaton | None:
        keyed: dict[str, list[SoundPattern]] = {}
        for p in self.patterns:
            if p.kind != "exact":
                continue
            cjk = sum(1 for c in p.folded if is_cjk(c))
            if cjk < 2 or any(not (is_cjk(c) or c.isdigit()) for c in p.folded):
                continue
            syllables = [spell(c) for c in p.folded]
            if any(not s or BREAK in s for s in syllables):
                continue
            letters = "".join(syllables)
            keyed.setdefault(letters, []).append(SoundPattern(p, letters, "pinyin"))
            if cjk >= 3:
                initials = "".join(s[0] for s in syllables)
                keyed.setdefault(initials, []).append(SoundPattern(p, initials, "initials"))
        if not keyed:
            return None
        auto = ahocorasick.Automaton()
        for letters, sounds in keyed.items():
            auto.add_word(letters, (len(letters), tuple(sounds)))
        auto.make_automaton()
        return auto

    @property
    def terms_count(self) -> int:
        return len({(p.term.text, p.term.category) for p in self.patterns})

    def candidates(self, view: TextView) -> tuple[list[Candidate], str | None]:
        """All overlapping hits in every view; also returns the sound view if it was built."""
        found: list[Candidate] = []
        for name, start, end, value in self._deny.scan(view):
            found.append(Candidate(name, start, end, patterns=tuple(value)))  # type: ignore[arg-type]
        sound_text: str | None = None
        if self._sound is not None:
            sound_text = spell(view.collapsed)
            for end, (n, sounds) in self._sound.iter(sound_text):
                found.append(Candidate("sound", end + 1 - n, end + 1, sounds=sounds))
        return found, sound_text

    def allow_hits(self, view: TextView) -> list[tuple[str, int, int]]:
        if self._allow is None:
            return []
        return [(name, start, end) for name, start, end, _ in self._allow.scan(view)]


def compile_lexicon(
    deny: Iterable[Term],
    allow: Iterable[Term],
    allow_regexes: Iterable[re.Pattern[str]] = (),
    *,
    split_characters: bool = True,
    sound: bool = True,
) -> Lexicon:
    """Fold every term like text, add split-character spellings, and build the automata."""
    patterns: list[Pattern] = []
    exact: set[str] = set()
    terms = list(dict.fromkeys(deny))
    for term in terms:
        folded = fold(term.text)
        exact.add(folded)
        patterns.append(Pattern(term, rule_for(term.category), folded, _origin(term.text), "exact"))
    if split_characters:
        for term in terms:
            for spelling in variants(term.text):
                folded = fold(spelling)
                if folded in exact or len(folded) < 2:
                    continue
                patterns.append(Pattern(term, rule_for(term.category), folded, _origin(spelling), "split"))
    return Lexicon(patterns, list(dict.fromkeys(allow)), list(allow_regexes), sound_enabled=sound)
