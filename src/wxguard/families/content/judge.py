"""Judging WX1 candidates: each automaton hit is placed on the skeleton, mapped back to the
original text and tested (word edges for Latin and digit terms, the noise gap between
letters, the allow-list and jieba word boundaries); what passes is a ``Hit`` with the
techniques seen and a confidence. Parts of terms with gaps (代开{*}发票) are set aside while
the candidates are judged and joined once every part has been seen; masks (傻X) are looked
up from the mask characters; a term that needs a companion word keeps its hit only when one
is in the same sentence.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ...models import Severity
from ...text.folding import ends_sentence, fold, is_cjk, is_noise, noise_kind, techniques_of
from ...text.segment import WINDOW, frequency, holds_run, in_words, is_word, straddles
from ...text.sound import same_tone, spell, toned
from ...text.views import TextView
from ...userregex import spans as regex_spans
from .lexicon import Candidate, LetterWindows, Lexicon, Pattern
from .masks import MaskHit
from .terms import GAP_LETTERS, Term, shape
from .wordlists import SOUND_RULE

if TYPE_CHECKING:
    from ...config import GuardConfig

# At most this many noise characters between two letters of a term (办🎉🎉证 is fine,
# two words a paragraph apart are not one term).
MAX_GAP = 6
# Clause and sentence punctuation as Chinese is written (full-width, and line breaks): it
# parts two letters of a term unless the sender spaced out every letter. ASCII marks between
# Chinese characters are a sender's separators (冰.毒, 办.假-证), read as noise.
_BREAKS = frozenset("，、：；。！？…\n\r\u2028\u2029")
# How far a companion word is looked for on either side of its term (original characters),
# inside the term's sentence: a long line with no sentence end is not one sentence.
COMPANION_REACH = 100
# A character that jieba's dictionary counts this often as a word by itself (见, 件, 建) is
# read as that word, not as a sound-alike in a two-character term (堵 1,193, 昌 499).
COMMON_WORD = 5000
# Pinyin's four tone marks (combining macron, acute, caron, grave): ü without one (nü) is a
# letter, not a tone.
TONE_MARKS = frozenset("\u0304\u0301\u030c\u0300")
# 要, 是, 在 …: a word this common swapped in by another tone is the sentence's own word
VERY_COMMON_WORD = 50000
# At most this many windows are remembered by ``Judge._allowed_phrase`` (each ~200
# characters); past it the memory starts again.
ALLOW_MEMO = 4096
# Texts at least this long remember each candidate's judgement by the text around it
# (``Judge._around``): a long text that repeats a clause asks the same question of every
# copy, a short message seldom twice. At most ``JUDGED_MEMO`` answers are kept at once.
JUDGED_FROM = 2048
JUDGED_MEMO = 4096

CONFIDENCE = {
    "exact": 1.0,
    "folded": 0.95,
    "noise": 0.9,
    "split": 0.85,
    "masked": 0.8,
    "pinyin": 0.75,
    "masked-initial": 0.7,
    "homophone": 0.6,
    "initials": 0.5,
}
_LATIN = re.compile(r"[a-z]")


def _latin(char: str) -> bool:
    return "a" <= char <= "z"


@dataclass
class Hit:
    start: int
    end: int
    term: Term
    term_rule: str
    techniques: tuple[str, ...]
    confidence: float
    sound: bool
    companion: str | None = None

    @property
    def rule(self) -> str:
        return SOUND_RULE if self.sound else self.term_rule

    def severity(self, config: GuardConfig) -> Severity:
        """The rule's severity; a review-tier term is at most a warning."""
        severity = config.severity_of(self.rule)
        if self.term.tier == "review" and severity.rank > Severity.WARNING.rank:
            return Severity.WARNING
        return severity


class Placement(NamedTuple):
    """Where a pattern sits in a hit: the skeleton indices it occupies, the characters there,
    whether they are the pattern's own (else a homophone), and the runs of a repeated
    character collapsed inside (first and last skeleton index of each)."""

    positions: list[int]
    chars: str
    exact: bool
    repeats: tuple[tuple[int, int], ...]

    @property
    def stutter(self) -> bool:
        return bool(self.repeats)


# A remembered hit: its span relative to the window it was judged by, and the rest of it.
_Judged = tuple[int, int, Term, str, tuple[str, ...], float, bool]
# What a judgement is remembered by: the kind of candidate, its patterns (the lexicon's
# tuple, one object per automaton value), the text around it and where the candidate's
# first and last character stand in that text.
_Key = tuple[str, int, str, int, int]


class Span(NamedTuple):
    """A hit's span in the original text and the original index of each of its letters."""

    start: int
    end: int
    letters: list[int]


class Judge:
    """Per-message state: maps are built lazily and shared by all candidates."""

    def __init__(self, lexicon: Lexicon, view: TextView, masks: list[int] | None = None) -> None:
        self.lexicon = lexicon
        self.view = view
        self.text = view.text
        self._regex_spans: list[tuple[int, int]] | None = None
        self._allow_at: list[int] | None = None
        # Windows already scanned for allowed phrases, by their text and the span in them: a
        # long text repeating one phrase asks the same window again for every copy.
        self._allow_seen: dict[tuple[str, int, int], bool] = {}
        # Where a mask could be (``Lexicon.mask_positions``; most messages have none).
        self.masks = lexicon.mask_positions(view) if masks is None else masks
        # Judgements by the text around the candidate (``_around``); None: not remembered.
        self._judged: dict[_Key, tuple[_Judged, ...]] | None = (
            {} if len(self.text) >= JUDGED_FROM and not lexicon.allow_regexes else None
        )
        # How far judging a candidate reads from its first and last character: allowed
        # phrases (``allow_reach``), jieba's window and the characters next to a span.
        self._reach = max(lexicon.allow_reach, WINDOW) + 1

    def hits(self, candidates: Iterable[Candidate]) -> list[Hit]:
        """Every judged hit of the message, before the choice between overlapping ones.
        Parts of terms with gaps are set aside and joined once all candidates are seen."""
        hits: list[Hit] = []
        parts: dict[Term, list[tuple[Candidate, Pattern]]] = {}
        for cand in candidates:
            if cand.view == "letters":
                hits.extend(self.letters(cand))
                continue
            if self._judged is None:
                for pattern in cand.patterns:
                    if pattern.part >= 0:
                        parts.setdefault(pattern.term, []).append((cand, pattern))
                    else:
                        hits.extend(self.classes(cand, pattern))
                continue
            whole = False
            for pattern in cand.patterns:
                if pattern.part >= 0:
                    parts.setdefault(pattern.term, []).append((cand, pattern))
                else:
                    whole = True
            if whole:
                hits.extend(self._remembered(cand))
        for term, found in parts.items():
            count = len(shape(term.text).parts)
            if len({p.part for _, p in found}) == count:
                hits.extend(self.gaps(term, found, count))
        if self.masks:
            hits.extend(self.masked())
        return [h for h in map(self.with_companion, hits) if h is not None]

    # -- remembered judgements ---------------------------------------------------------
    def _remembered(self, cand: Candidate) -> list[Hit]:
        """``classes`` of every whole-term pattern of a class candidate, remembered by the
        text around it when all it reads lies there."""
        first, last = self._extent(cand)
        around = None
        if cand.view == "collapsed" or not any(
            _latin(p.folded[0]) or _latin(p.folded[-1]) for p in cand.patterns if p.part < 0
        ):
            # A Latin edge of a term on the uncollapsed view may take in repeats of its letter
            # (``edges``) as far as they run; on the collapsed view they are the edge runs.
            around = self._around(first, last)
        return self._recall(
            cand.view,
            id(cand.patterns),
            around,
            lambda: [h for p in cand.patterns if p.part < 0 for h in self.classes(cand, p)],
        )

    def _extent(self, cand: Candidate) -> tuple[int, int]:
        """The first and last skeleton index that placing a class candidate reads."""
        if cand.view == "collapsed":
            view = self.view
            return view.skeleton_run(cand.start)[0], view.skeleton_run(cand.end - 1)[1]
        return cand.start, cand.end - 1

    def _around(self, first: int, last: int) -> tuple[int, str, int, int] | None:
        """(where it starts, the text, the first and last letter in it) around skeleton
        indices ``[first, last]``: everything a judgement of them reads (the letters, the
        characters next to the span, allowed phrases and jieba's window around it) and the
        skeleton letters next to them (which end the runs placed). None when one of those
        letters lies outside: noise runs further than the window reaches."""
        orig = self.view.orig_of_skeleton
        a, b = orig(first), orig(last)
        reach = self._reach
        lo, hi = max(0, a - reach), min(len(self.text), b + 1 + reach)
        if first > 0 and orig(first - 1) < lo:
            return None
        if last + 1 < len(self.view.skeleton) and orig(last + 1) >= hi:
            return None
        return lo, self.text[lo:hi], a - lo, b - lo

    def _recall(
        self,
        kind: str,
        what: int,
        around: tuple[int, str, int, int] | None,
        judge: Callable[[], list[Hit]],
    ) -> list[Hit]:
        """``judge()``, or the hits it gave for the same ``what`` in the same surroundings."""
        memo = self._judged
        if memo is None or around is None:
            return judge()
        lo, text, a, b = around
        key = (kind, what, text, a, b)
        known = memo.get(key)
        if known is None:
            if len(memo) >= JUDGED_MEMO:
                memo.clear()
            known = memo[key] = tuple(
                (h.start - lo, h.end - lo, h.term, h.term_rule, h.techniques, h.confidence, h.sound)
                for h in judge()
            )
        return [Hit(lo + s, lo + e, t, r, ts, c, snd) for s, e, t, r, ts, c, snd in known]

    # -- positions ---------------------------------------------------------------------
    def place(self, cand: Candidate, pattern: Pattern) -> Placement | None:
        """Where ``pattern`` sits in ``cand``. Leading and trailing repeats of an edge
        character are left out of the span."""
        view = self.view
        if cand.view == "skeleton":
            chars = view.skeleton_slice(cand.start, cand.end)
            return Placement(list(range(cand.start, cand.end)), chars, chars == pattern.folded, ())
        n = cand.end - cand.start
        runs = [view.skeleton_run(k) for k in range(cand.start, cand.end)]
        base = runs[0][0]
        around = view.skeleton_slice(base, runs[-1][1] + 1)
        positions: list[int] = []
        used: list[str] = []
        exact, repeats = True, []
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
                if have > need:
                    repeats.append((first, last))
            chars = around[lo - base : hi - base]
            exact = exact and (
                chars == want if len(chars) == need else all(c in want for c in chars)
            )
            positions.extend(range(lo, hi))
            used.append(chars)
        return Placement(positions, "".join(used), exact, tuple(repeats))

    def span(self, skeleton: list[int]) -> Span | None:
        """The original span of skeleton indices, unless letters stand too far apart."""
        orig = [self.view.orig_of_skeleton(s) for s in skeleton]
        broken = False
        for a, b in pairwise(orig):
            if b - a - 1 > MAX_GAP:
                return None
            if b - a > 1 and not broken:
                broken = self.breaks(a + 1, b)
        if broken and not self.spaced_out(orig):
            return None
        return Span(orig[0], orig[-1] + 1, orig)

    def breaks(self, start: int, end: int) -> bool:
        """A clause break or a sentence end in ``[start, end)``. Across one, two clauses meet
        by chance (报销需要提供正规发票，代开的发票不予报销 holds no 发票代开), unless
        ``spaced_out``."""
        text = self.text
        return any(text[i] in _BREAKS for i in range(start, end))

    def spaced_out(self, orig: list[int]) -> bool:
        """Noise between every two letters (代，开，发，票; 代⏎开⏎发⏎票 down a column) and, for
        a two-letter term, on both sides of it too (出⏎售⏎冰⏎毒⏎…): a sender spacing out
        each letter, not two clauses meeting (溜冰，毒辣的太阳)."""
        if any(b - a == 1 for a, b in pairwise(orig)):
            return False
        if len(orig) > 2:
            return True
        text, before, after = self.text, orig[0] - 1, orig[-1] + 1
        return (before < 0 or not fold(text[before])) and (
            after >= len(text) or not fold(text[after])
        )

    # -- filters -----------------------------------------------------------------------
    def edges(
        self, folded: str, start: int, end: int, numeral: bool = False
    ) -> tuple[int, int] | None:
        """The span with repeats of a Latin edge letter taken in (fFuck, fuckkk), or None
        when it then touches a letter (Latin terms) or digit (digit terms, and numeral
        spellings at 十) of a longer word."""
        text = self.text
        if _latin(folded[0]):
            while start > 0 and fold(text[start - 1]) == folded[0]:
                start -= 1
        if _latin(folded[-1]):
            while end < len(text) and fold(text[end]) == folded[-1]:
                end += 1
        if start > 0:
            before = fold(text[start - 1])
            if before and _edge_clash(folded[0], before[-1], numeral):
                return None
        if end < len(text):
            after = fold(text[end])
            if after and _edge_clash(folded[-1], after[0], numeral):
                return None
        return start, end

    def allowed(self, start: int, end: int) -> bool:
        """Covered by an allowed phrase or regex."""
        return self._allowed_phrase(start, end) or self._allowed_regex(start, end)

    def _allowed_phrase(self, start: int, end: int) -> bool:
        """An allowed phrase, spelled exactly, covers the span (looked for in a window around it)."""
        reach = self.lexicon.allow_reach
        if not reach:
            return False
        lo = max(0, start - reach)
        hi = min(len(self.text), end + reach)
        if self._allow_at is None:
            self._allow_at = self._allow_starts_at()
        i = bisect_left(self._allow_at, lo)
        if i == len(self._allow_at) or self._allow_at[i] >= hi:
            return False
        key = (self.text[lo:hi], start - lo, end - lo)
        known = self._allow_seen.get(key)
        if known is None:
            if len(self._allow_seen) >= ALLOW_MEMO:
                self._allow_seen.clear()
            known = self._allow_seen[key] = self._allowed_in(lo, hi, start, end)
        return known

    def _allowed_in(self, lo: int, hi: int, start: int, end: int) -> bool:
        """``_allowed_phrase`` for the window ``[lo, hi)``: its allowed phrases, scanned."""
        window = TextView(self.text[lo:hi])
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

    def _allow_starts_at(self) -> list[int]:
        """Where in the original a character stands that an allowed phrase can start with
        (``Lexicon.allow_starts``, in the skeleton, which folds character by character): a
        window with none holds no allowed phrase. Scanning every hit's window took most of
        the time of a long text dense with hits."""
        starts = self.lexicon.allow_starts
        if not starts:
            return []
        view = self.view
        found = re.finditer("[" + re.escape("".join(sorted(starts))) + "]", view.skeleton)
        return [view.orig_of_skeleton(m.start()) for m in found]

    def _allowed_regex(self, start: int, end: int) -> bool:
        """An allow regex matches around the span (the matches are found once a message)."""
        if self.lexicon.allow_regexes:
            if self._regex_spans is None:
                self._regex_spans = regex_spans(self.lexicon.allow_regexes, self.text)
            return any(a <= start and b >= end for a, b in self._regex_spans)
        return False

    def inside_words(self, start: int, end: int) -> bool:
        text = self.text
        # A neighbour repeating the edge character is stutter, not another word.
        left = (
            start > 0
            and is_cjk(text[start - 1])
            and is_cjk(text[start])
            and text[start - 1] != text[start]
        )
        right = (
            end < len(text)
            and is_cjk(text[end])
            and is_cjk(text[end - 1])
            and text[end] != text[end - 1]
        )
        if not (left or right) or not straddles(text, start, end):
            return False
        # A repeat of an edge character may be the term's own stutter: 你全家死光光 holds
        # 全家死光, whose end jieba's 死光光 crosses, but no word crosses 全家死光光. (It may
        # also open the next word, 法轮大法法轮功: the term then straddles nothing as written.)
        stop, begin = end, start
        while stop < len(text) and text[stop] == text[stop - 1]:
            stop += 1
        while begin > 0 and text[begin - 1] == text[begin]:
            begin -= 1
        return (begin, stop) == (start, end) or straddles(text, begin, stop)

    def with_companion(self, hit: Hit) -> Hit | None:
        """The hit with the companion word it needs (the nearest in its sentence), None
        without one; unchanged for a term that needs none."""
        companions = hit.term.companions
        if not companions:
            return hit
        text = self.text
        lo = hit.start
        while lo > 0 and hit.start - lo < COMPANION_REACH and not ends_sentence(text, lo - 1):
            lo -= 1
        hi = hit.end
        while hi < len(text) and hi - hit.end < COMPANION_REACH and not ends_sentence(text, hi):
            hi += 1
        before, after = fold(text[lo : hit.start]), fold(text[hit.end : hi])
        best: tuple[int, str] | None = None
        for word in companions:
            folded = fold(word)
            distances = []
            i = before.rfind(folded)
            while i >= 0 and _doubled(before, i, folded):
                i = before.rfind(folded, 0, i + len(folded) - 1)
            if i >= 0:
                distances.append(len(before) - i - len(folded))
            i = after.find(folded)
            while i >= 0 and _doubled(after, i, folded):
                i = after.find(folded, i + 1)
            if i >= 0:
                distances.append(i)
            if distances and (best is None or min(distances) < best[0]):
                best = (min(distances), word)
        return None if best is None else replace(hit, companion=best[1])

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
        skeleton_chars = (
            zip(positions, pattern.origin, strict=True)
            if len(positions) == len(pattern.origin)
            else ()
        )
        for s, written in skeleton_chars:
            char = self.text[self.view.orig_of_skeleton(s)]
            if char != written:
                # 1 written for 一 is a numeral disguise although "1" itself folds to nothing new.
                found.extend(techniques_of(char) or techniques_of(written))
        return found

    def judged(
        self, positions: list[int], folded: str, cjk_edges: bool, numeral: bool = False
    ) -> Span | None:
        """Span in the original after the gap, edge, allow-list and word-boundary tests."""
        placed = self.span(positions)
        if placed is None:
            return None
        edged = self.edges(folded, placed[0], placed[1], numeral)
        if edged is None:
            return None
        start, end = edged
        if self.allowed(start, end):
            return None
        if cjk_edges and self.inside_words(start, end):
            return None
        return Span(start, end, placed.letters)

    # -- candidates --------------------------------------------------------------------
    def classes(self, cand: Candidate, pattern: Pattern) -> Iterator[Hit]:
        """Hits from the class automata: exact, numeral and split spellings, and homophones."""
        placed = self.place(cand, pattern)
        if placed is None:
            return
        if not placed.exact:
            yield from self.homophone(pattern, placed)
            return
        judged = self.judged(placed.positions, pattern.folded, True, pattern.kind == "numeral")
        if judged is None:
            return
        start, end, orig = judged
        if self.repeats_a_word(placed, start, end):
            return
        techniques = self.noise_techniques(start, end, orig)
        if placed.stutter or (start, end) != (orig[0], orig[-1] + 1):
            techniques.append("stutter")
        noisy = bool(techniques)
        techniques = self.char_techniques(pattern, placed.positions) + techniques
        if pattern.kind == "split":
            techniques.append("split-character")
            confidence = CONFIDENCE["split"]
        elif noisy:
            confidence = CONFIDENCE["noise"]
        elif pattern.kind == "numeral" or techniques:
            confidence = CONFIDENCE["folded"]
        else:
            confidence = CONFIDENCE["exact"]
        if pattern.kind == "numeral":
            techniques.append("numeral")
        yield Hit(
            start,
            end,
            pattern.term,
            pattern.rule,
            tuple(dict.fromkeys(techniques)),
            confidence,
            False,
        )

    def homophone(self, pattern: Pattern, placed: Placement) -> Iterator[Hit]:
        """A sound-alike of a whole term: three or more Chinese characters, or two with one
        swapped for a character that makes no word (堵博 for 赌博, never 态度); either way
        the swapped characters must not belong to an ordinary word in their context."""
        if not self.may_sound_alike(pattern, placed.chars):
            return
        chars = placed.chars
        judged = self.judged(placed.positions, pattern.folded, True)
        if judged is None:
            return
        start, end, orig = judged
        swapped_at = [o for c, o in zip(chars, orig, strict=True) if c not in pattern.folded]
        if in_words(self.text, start, end, swapped_at) or self.repeats_a_word(placed, start, end):
            return
        techniques = ["homophone", *self.noise_techniques(start, end, orig)] + (
            ["stutter"] if placed.stutter else []
        )
        yield Hit(
            start,
            end,
            pattern.term,
            pattern.rule,
            tuple(dict.fromkeys(techniques)),
            CONFIDENCE["homophone"],
            True,
        )

    def repeats_a_word(self, placed: Placement, start: int, end: int) -> bool:
        """A run collapsed inside the hit belongs to an ordinary word with more characters
        (小姐姐上门 is no stuttered 小姐上门)."""
        view = self.view
        return any(
            holds_run(self.text, start, end, view.orig_of_skeleton(a), view.orig_of_skeleton(b))
            for a, b in placed.repeats
        )

    def may_hit(self, cand: Candidate, pattern: Pattern) -> bool:
        """Whether ``classes`` could find ``pattern`` in ``cand``: the tests that need no
        context (the placement, and for a sound-alike ``may_sound_alike``), which reject
        most candidates (态度 for 台独) before any word or span is looked up."""
        placed = self.place(cand, pattern)
        return placed is not None and (placed.exact or self.may_sound_alike(pattern, placed.chars))

    @classmethod
    def may_sound_alike(cls, pattern: Pattern, chars: str) -> bool:
        """A sound-alike stands only for a whole term of two or more Chinese characters,
        and for one of two only as ``two_character_variant``."""
        if pattern.kind != "exact" or pattern.cjk_count < 2:
            return False
        if pattern.cjk_count > 2:
            return not cls.all_swapped(chars, pattern.folded)
        return cls.two_character_variant(chars, pattern.folded)

    @staticmethod
    def all_swapped(chars: str, term: str) -> bool:
        """Whether no character of the term is written as it is and one is a very common
        word by itself read in another tone: ordinary text that happens to sound alike
        (都要投，投完 is no 摇头丸: 要 yào, 摇 yáo; new-user trial s13), where a disguise keeps
        some of the term (摇头玩), the tones (佰佳楽 for 百家乐) or rarer characters (塔玛德,
        珐仑公; review s13)."""
        if len(chars) != len(term):  # a stutter collapsed in the match (要投，投完)
            chars = "".join(c for i, c in enumerate(chars) if not i or c != chars[i - 1])
        if len(chars) != len(term):
            return False
        pairs = list(zip(chars, term, strict=True))
        return all(c != t for c, t in pairs) and any(
            frequency(c) >= VERY_COMMON_WORD and not same_tone(c, t) for c, t in pairs
        )

    @staticmethod
    def two_character_variant(chars: str, term: str) -> bool:
        """Whether ``chars`` may stand for a two-character term: one character swapped for
        another of the same sound and tone that is not a common word by itself, and the
        pair no word of the dictionary (堵博 for 赌博; never 态度, 读博, 件货)."""
        if len(chars) != 2 or len(term) != 2:
            return False
        swaps = [(c, t) for c, t in zip(chars, term, strict=True) if c != t]
        if len(swaps) != 1:
            return False
        char, original = swaps[0]
        return same_tone(char, original) and not is_word(chars) and frequency(char) < COMMON_WORD

    def gaps(self, term: Term, found: list[tuple[Candidate, Pattern]], count: int) -> Iterator[Hit]:
        """Hits of a term with ``count`` parts: its parts in order, each seen exactly
        (disguises included), at most ``GAP_LETTERS`` letters or digits apart in one sentence."""
        # Per part: (first skeleton index, last skeleton index + 1, positions, pattern).
        placed: list[list[tuple[int, int, list[int], Pattern]]] = [[] for _ in range(count)]
        for cand, pattern in found:
            where = self.place(cand, pattern)
            if where is not None and where.exact:
                placed[pattern.part].append(
                    (where.positions[0], where.positions[-1] + 1, where.positions, pattern)
                )
        for options in placed:
            options.sort(key=lambda o: (o[0], -o[1]))
        starts = [[o[0] for o in options] for options in placed]
        for first in placed[0]:
            chain = [first]
            for k in range(1, count):
                after = chain[-1][1]
                i = bisect_left(starts[k], after)
                if i == len(starts[k]) or starts[k][i] - after > GAP_LETTERS:
                    break
                chain.append(placed[k][i])
            if len(chain) == count:
                hit = self.gap_hit(term, chain)
                if hit is not None:
                    yield hit

    def gap_hit(self, term: Term, chain: list[tuple[int, int, list[int], Pattern]]) -> Hit | None:
        spans: list[Span] = []
        for _, _, positions, _ in chain:
            placed = self.span(positions)
            if placed is None or self.allowed(placed[0], placed[1]):
                return None
            spans.append(placed)
        # Parts with letters between them are judged as words one by one (代开 in 代开心…);
        # adjacent parts together, as one term would be (开发 inside 代开发票 is no edge).
        unit = spans[0][0]
        for k, (_, b, _) in enumerate(spans):
            last = k == len(spans) - 1
            if not last and not self.gap_ok(b, spans[k + 1][0]):
                return None
            if last or chain[k + 1][0] > chain[k][1]:
                if self.inside_words(unit, b):
                    return None
                if not last:
                    unit = spans[k + 1][0]
        head, tail = chain[0][3], chain[-1][3]
        numeral = "numeral" in (head.kind, tail.kind)
        edged = self.edges(head.folded + tail.folded, spans[0][0], spans[-1][1], numeral)
        if edged is None or self.allowed(*edged):
            return None
        start, end = edged
        techniques: list[str] = []
        kinds: set[str] = set()
        for (_, _, positions, pattern), (a, b, orig) in zip(chain, spans, strict=True):
            techniques += self.char_techniques(pattern, positions) + self.noise_techniques(
                a, b, orig
            )
            kinds.add(pattern.kind)
        if "split" in kinds:
            techniques.append("split-character")
        if "numeral" in kinds:
            techniques.append("numeral")
        confidence = (
            CONFIDENCE["split"]
            if "split" in kinds
            else CONFIDENCE["folded"]
            if techniques
            else CONFIDENCE["exact"]
        )
        return Hit(
            start, end, term, chain[0][3].rule, tuple(dict.fromkeys(techniques)), confidence, False
        )

    def gap_ok(self, start: int, end: int) -> bool:
        """Between two parts: no sentence end and no run of more than ``MAX_GAP`` noise."""
        run = 0
        for i in range(start, end):
            if ends_sentence(self.text, i):
                return False
            run = 0 if fold(self.text[i]) else run + 1
            if run > MAX_GAP:
                return False
        return True

    def masked(self) -> Iterator[Hit]:
        """Hits of terms with one character masked (傻X, 傻*, 傻b)."""
        for found in self.lexicon.masks.hits(self.text, self.masks):
            hit = self.mask_hit(found)
            if hit is not None:
                yield hit

    def mask_hit(self, found: MaskHit) -> Hit | None:
        slot = found.slot
        if _latin(found.char) and _letter_word(self.text, found.mask):
            return None
        folded = slot.before + (found.char if found.initial else "*") + slot.after
        edged = self.edges(folded, found.start, found.end)
        if edged is None or self.allowed(*edged):
            return None
        start, end = edged
        if self.inside_words(start, end):
            return None
        kind = "masked-initial" if found.initial else "masked"
        return Hit(start, end, slot.term, slot.rule, (kind,), CONFIDENCE[kind], False)

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
        first = windows.skeleton_index(ks)
        sep = LetterWindows.SEPARATOR
        # A window's edge hides the letter next to it, which ``edges`` then reads in the text
        # (a repeat of a Latin edge letter may run on from there): not remembered.
        inner = ks > 0 and ke + 1 < len(joined) and sep not in (joined[ks - 1], joined[ke + 1])
        yield from self._recall(
            "letters",
            id(cand.sounds),
            self._around(first, first + len(chars) - 1) if inner else None,
            lambda: list(self._sounded(cand, chars, first)),
        )

    def _sounded(self, cand: Candidate, chars: str, first: int) -> Iterator[Hit]:
        """The hits of a pinyin candidate placed on skeleton ``first`` onwards."""
        for sp in cand.sounds:
            if sp.kind == "initials":
                if not (chars.isascii() and chars.isalpha()):
                    continue
                technique, confidence = "initials", CONFIDENCE["initials"]
            else:
                technique, confidence = "pinyin", CONFIDENCE["pinyin"]
            judged = self.judged(list(range(first, first + len(chars))), chars, False)
            if judged is None:
                continue
            start, end, orig = judged
            if technique == "pinyin" and self.tones_disagree(start, end, sp.pattern.folded):
                continue
            # the letters' own disguises too (tone marks: dǔ bó; full width), not their case:
            # initials and pinyin are written in capitals as often as not
            written = [t for i in orig for t in techniques_of(self.text[i]) if t != "case"]
            techniques = [technique, *written, *self.noise_techniques(start, end, orig)]
            yield Hit(
                start,
                end,
                sp.pattern.term,
                sp.pattern.rule,
                tuple(dict.fromkeys(techniques)),
                confidence,
                True,
            )

    def tones_disagree(self, start: int, end: int, term: str) -> bool:
        """Pinyin written with tone marks that are not the term's: a reading of other words
        (bō cài 菠菜 in pinyin homework is no 博彩 bócǎi; review s13), where a seller who marks
        tones marks the term's (dǔ bó)."""
        written = [
            c for c in unicodedata.normalize("NFC", self.text[start:end].lower()) if c.isalpha()
        ]
        marked = [
            i for i, c in enumerate(written) if TONE_MARKS & set(unicodedata.normalize("NFD", c))
        ]
        if not marked:
            return False
        reading = toned(term)
        if reading is None or len(reading) != len(written):
            return False
        return any(written[i] != reading[i] for i in marked)


def _letter_word(text: str, p: int) -> bool:
    """True when the letter at ``p`` makes a word with the characters next to it (B超, X光,
    A股): then it is not the initial of a hidden character."""
    letter = text[p].upper()
    return any(
        is_word(w)
        for w in (
            letter + text[p + 1 : p + 2],
            letter + text[p + 1 : p + 3],
            text[max(0, p - 1) : p] + letter,
        )
        if len(w) >= 2
    )


def _edge_clash(term_char: str, neighbour: str, numeral: bool = False) -> bool:
    if _latin(term_char):
        return _latin(neighbour)
    if term_char.isdigit():
        return neighbour.isdigit()
    if numeral and term_char in _NUMERAL_WORDS:  # 十8禁 (十八禁) is not inside 2十8禁 (二十八禁)
        return neighbour.isdigit() or neighbour in _NUMERAL_WORDS
    return False


# A numeral spelling of a term begins or ends with 十; next to a digit or another of these
# it belongs to a longer number.
_NUMERAL_WORDS = "十百千万"


def _doubled(text: str, at: int, word: str) -> bool:
    """``word`` at ``at`` is the start of a longer ordinary word that doubles its last
    character (小姐 of 小姐姐, 小妹 of 小妹妹): not the companion word."""
    end = at + len(word)
    return end < len(text) and text[end] == word[-1] and is_word(text[at : end + 1])
