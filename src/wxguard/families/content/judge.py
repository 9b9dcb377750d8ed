"""Judging WX1 candidates: each automaton hit is placed on the skeleton, mapped back to the
original text and tested (word edges for Latin and digit terms, the noise gap between
letters, the allow-list and jieba word boundaries); what passes is a ``Hit`` with the
techniques seen and a confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, NamedTuple

from ...text.folding import fold, is_cjk, is_noise, noise_kind, techniques_of
from ...text.segment import in_words, straddles
from ...text.sound import spell
from ...text.views import TextView
from .lexicon import Candidate, Lexicon, Pattern
from .wordlists import SOUND_RULE

# At most this many noise characters between two letters of a term (办🎉🎉证 is fine,
# two words a paragraph apart are not one term).
MAX_GAP = 6

CONFIDENCE = {"exact": 1.0, "folded": 0.95, "noise": 0.9, "split": 0.85, "pinyin": 0.75, "homophone": 0.6, "initials": 0.5}
_LATIN = re.compile(r"[a-z]")


def _latin(char: str) -> bool:
    return "a" <= char <= "z"


@dataclass
class Hit:
    start: int
    end: int
    pattern: Pattern
    techniques: tuple[str, ...]
    confidence: float
    sound: bool

    @property
    def rule(self) -> str:
        return SOUND_RULE if self.sound else self.pattern.rule


class Placement(NamedTuple):
    """Where a pattern sits in a hit: the skeleton indices it occupies, the characters there,
    whether they are the pattern's own (else a homophone), and whether a stutter was collapsed
    inside."""

    positions: list[int]
    chars: str
    exact: bool
    stutter: bool


class Span(NamedTuple):
    """A hit's span in the original text and the original index of each of its letters."""

    start: int
    end: int
    letters: list[int]


class Judge:
    """Per-message state: maps are built lazily and shared by all candidates."""

    def __init__(self, lexicon: Lexicon, view: TextView) -> None:
        self.lexicon = lexicon
        self.view = view
        self.text = view.text
        self._regex_spans: list[tuple[int, int]] | None = None

    # -- positions ---------------------------------------------------------------------
    def place(self, cand: Candidate, pattern: Pattern) -> Placement | None:
        """Where ``pattern`` sits in the hit, or None when a run is too short for it. Leading
        and trailing repeats of an edge character are left out of the span."""
        view = self.view
        if cand.view == "skeleton":
            chars = view.skeleton_slice(cand.start, cand.end)
            return Placement(list(range(cand.start, cand.end)), chars, chars == pattern.folded, False)
        n = cand.end - cand.start
        runs = [view.skeleton_run(k) for k in range(cand.start, cand.end)]
        base = runs[0][0]
        around = view.skeleton_slice(base, runs[-1][1] + 1)
        positions: list[int] = []
        used: list[str] = []
        exact, stutter = True, False
        for j, (first, last) in enumerate(runs):
            want = pattern.runs[j]
            need, have = len(want), last - first + 1
            if have < need:
                return None
            if j == 0:
                lo, hi = last - need + 1, last + 1
            elif j == n - 1:
                lo, hi = first, first + need
            else:
                lo, hi = first, last + 1
                stutter = stutter or have > need
            chars = around[lo - base : hi - base]
            exact = exact and (chars == want if len(chars) == need else all(c in want for c in chars))
            positions.extend(range(lo, hi))
            used.append(chars)
        return Placement(positions, "".join(used), exact, stutter)

    def span(self, skeleton: list[int]) -> Span | None:
        """The original span of skeleton indices, unless letters stand too far apart."""
        orig = [self.view.orig_of_skeleton(s) for s in skeleton]
        for a, b in zip(orig, orig[1:]):
            if b - a - 1 > MAX_GAP:
                return None
        return Span(orig[0], orig[-1] + 1, orig)

    # -- filters -----------------------------------------------------------------------
    def edges_ok(self, folded: str, start: int, end: int) -> bool:
        """Latin terms need non-letter neighbours, digit terms non-digit neighbours."""
        text = self.text
        if start > 0:
            before = fold(text[start - 1])
            if before and _edge_clash(folded[0], before[-1]):
                return False
        if end < len(text):
            after = fold(text[end])
            if after and _edge_clash(folded[-1], after[0]):
                return False
        return True

    def allowed(self, start: int, end: int) -> bool:
        """Covered by an allowed phrase or regex."""
        return self._allowed_phrase(start, end) or self._allowed_regex(start, end)

    def _allowed_phrase(self, start: int, end: int) -> bool:
        """An allowed phrase, spelled exactly, covers the span (looked for in a window around it)."""
        reach = self.lexicon.allow_reach
        if not reach:
            return False
        lo = max(0, start - reach)
        window = TextView(self.text[lo : min(len(self.text), end + reach)])
        judge = Judge(self.lexicon, window)
        for cand in self.lexicon.allow_hits(window):
            for pattern in cand.patterns:
                placed = judge.place(cand, pattern)
                if placed is not None and placed.exact:
                    a = lo + window.orig_of_skeleton(placed.positions[0])
                    b = lo + window.orig_of_skeleton(placed.positions[-1]) + 1
                    if a <= start and b >= end:
                        return True
        return False

    def _allowed_regex(self, start: int, end: int) -> bool:
        """An allow regex matches around the span (the matches are found once a message)."""
        if self.lexicon.allow_regexes:
            if self._regex_spans is None:
                self._regex_spans = [
                    m.span() for rx in self.lexicon.allow_regexes for m in rx.finditer(self.text) if m.end() > m.start()
                ]
            return any(a <= start and b >= end for a, b in self._regex_spans)
        return False

    def inside_words(self, start: int, end: int) -> bool:
        text = self.text
        # A neighbour repeating the edge character is stutter, not another word.
        left = start > 0 and is_cjk(text[start - 1]) and is_cjk(text[start]) and text[start - 1] != text[start]
        right = end < len(text) and is_cjk(text[end]) and is_cjk(text[end - 1]) and text[end] != text[end - 1]
        return (left or right) and straddles(text, start, end)

    # -- techniques --------------------------------------------------------------------
    def noise_techniques(self, start: int, end: int, orig: list[int]) -> list[str]:
        used = set(orig)
        kinds: list[str] = []
        for i in range(start, end):
            if i not in used:
                char = self.text[i]
                if is_noise(char) or not fold(char):
                    kinds.append(noise_kind(char))
        return kinds

    def char_techniques(self, pattern: Pattern, positions: list[int]) -> list[str]:
        found: list[str] = []
        skeleton_chars = zip(positions, pattern.origin) if len(positions) == len(pattern.origin) else ()
        for s, written in skeleton_chars:
            char = self.text[self.view.orig_of_skeleton(s)]
            if char != written:
                # 1 written for 一 is a numeral disguise although "1" itself folds to nothing new.
                found.extend(techniques_of(char) or techniques_of(written))
        return found

    def judged(self, positions: list[int], folded: str, cjk_edges: bool) -> Span | None:
        """Span in the original after the gap, edge, allow-list and word-boundary tests."""
        placed = self.span(positions)
        if placed is None:
            return None
        start, end, orig = placed
        if not self.edges_ok(folded, start, end) or self.allowed(start, end):
            return None
        if cjk_edges and self.inside_words(start, end):
            return None
        return placed

    # -- candidates --------------------------------------------------------------------
    def classes(self, cand: Candidate) -> Iterator[Hit]:
        """Hits from the class automata: exact and split spellings, and homophones."""
        for pattern in cand.patterns:
            placed = self.place(cand, pattern)
            if placed is None:
                continue
            positions, chars, exact, stutter = placed
            if not exact and (pattern.kind != "exact" or pattern.cjk_count < 3):
                continue
            judged = self.judged(positions, pattern.folded, True)
            if judged is None:
                continue
            start, end, orig = judged
            techniques = self.noise_techniques(start, end, orig) + (["stutter"] if stutter else [])
            if not exact:
                swapped = [o for c, o in zip(chars, orig) if c not in pattern.folded]
                if not in_words(self.text, start, end, swapped):
                    yield Hit(start, end, pattern, ("homophone", *dict.fromkeys(techniques)), CONFIDENCE["homophone"], True)
                continue
            noisy = bool(techniques)
            techniques = self.char_techniques(pattern, positions) + techniques
            if pattern.kind == "split":
                techniques.append("split-character")
                confidence = CONFIDENCE["split"]
            elif noisy:
                confidence = CONFIDENCE["noise"]
            elif techniques:
                confidence = CONFIDENCE["folded"]
            else:
                confidence = CONFIDENCE["exact"]
            yield Hit(start, end, pattern, tuple(dict.fromkeys(techniques)), confidence, False)

    def letters(self, cand: Candidate) -> Iterator[Hit]:
        """Hits from the pinyin-letters automaton: full pinyin, mixed spellings, initials."""
        windows = cand.window
        assert windows is not None
        joined = windows.chars
        ks, at = windows.map.locate(cand.start)
        ke, at_end = windows.map.locate(cand.end - 1)
        if at != cand.start or at_end + len(spell(joined[ke])) != cand.end:
            return
        if _latin(joined[ks]) and ks > 0 and _latin(joined[ks - 1]):
            return
        if _latin(joined[ke]) and ke + 1 < len(joined) and _latin(joined[ke + 1]):
            return
        chars = joined[ks : ke + 1]
        if _LATIN.search(chars) is None:
            return  # only CJK: the class automata judge homophones
        for sp in cand.sounds:
            if sp.kind == "initials":
                if not (chars.isascii() and chars.isalpha()):
                    continue
                technique, confidence = "initials", CONFIDENCE["initials"]
            else:
                technique, confidence = "pinyin", CONFIDENCE["pinyin"]
            first = windows.skeleton_index(ks)
            judged = self.judged(list(range(first, first + len(chars))), chars, False)
            if judged is None:
                continue
            start, end, orig = judged
            techniques = [technique, *self.noise_techniques(start, end, orig)]
            yield Hit(start, end, sp.pattern, tuple(dict.fromkeys(techniques)), confidence, True)


def _edge_clash(term_char: str, neighbour: str) -> bool:
    if _latin(term_char):
        return _latin(neighbour)
    if term_char.isdigit():
        return neighbour.isdigit()
    return False
