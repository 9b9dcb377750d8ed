"""WX1 content security: sensitive terms seen through disguises.

Candidates come from the lexicon's automata over the collapsed, skeleton and sound views.
Each is mapped back to the original text and then judged: word edges for Latin and digit
terms, the noise gap between letters, the allow-list (covering semantics) and jieba word
boundaries. One policy then picks the findings: exact evidence first, longest and most
severe wins, a sound-alike only where no exact finding overlaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar, Iterator

from ..lexicon.automata import Candidate, Lexicon, Pattern
from ..text.folding import fold, is_cjk, is_noise, noise_kind, techniques_of
from ..text.segment import straddles
from ..text.sound import spell
from ..text.views import BlockMap, TextView
from .base import CheckContext, Finding, register

# At most this many noise characters between two letters of a term (办🎉🎉证 is fine,
# two words a paragraph apart are not one term).
MAX_GAP = 6

CONFIDENCE = {"exact": 1.0, "folded": 0.95, "noise": 0.9, "split": 0.85, "pinyin": 0.75, "homophone": 0.6, "initials": 0.5}
_LATIN = re.compile(r"[a-z]")


def _latin(char: str) -> bool:
    return "a" <= char <= "z"


@dataclass
class _Hit:
    start: int
    end: int
    pattern: Pattern
    techniques: tuple[str, ...]
    confidence: float
    sound: bool

    @property
    def rule(self) -> str:
        return "WX109" if self.sound else self.pattern.rule


class _Judge:
    """Per-message state: maps are built lazily and shared by all candidates."""

    def __init__(self, lexicon: Lexicon, view: TextView, sound_text: str | None) -> None:
        self.lexicon = lexicon
        self.view = view
        self.text = view.text
        self.sound_text = sound_text
        self._sound_map: BlockMap | None = None
        self._allowed: list[tuple[int, int]] | None = None

    # -- positions ---------------------------------------------------------------------
    def skeleton_positions(self, name: str, start: int, end: int) -> tuple[list[int], bool]:
        """Skeleton indices behind a hit, leading/trailing stutter excluded; and whether
        a stutter was collapsed inside it."""
        if name == "skeleton":
            return list(range(start, end)), False
        out: list[int] = []
        stutter = False
        last = end - 1
        for k in range(start, end):
            first_s, last_s = self.view.skeleton_run(k)
            if k == start and k != last:
                out.append(last_s)
            elif k == last and k != start:
                out.append(first_s)
            else:
                out.extend(range(first_s, last_s + 1))
            if start < k < last and last_s > first_s:
                stutter = True
        return out, stutter

    def span(self, skeleton: list[int]) -> tuple[int, int, list[int]] | None:
        orig = [self.view.orig_of_skeleton(s) for s in skeleton]
        for a, b in zip(orig, orig[1:]):
            if b - a - 1 > MAX_GAP:
                return None
        return orig[0], orig[-1] + 1, orig

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
        if self._allowed is None:
            spans: list[tuple[int, int]] = []
            for name, a, b in self.lexicon.allow_hits(self.view):
                positions, _ = self.skeleton_positions(name, a, b)
                orig = [self.view.orig_of_skeleton(s) for s in positions]
                spans.append((orig[0], orig[-1] + 1))
            for rx in self.lexicon.allow_regexes:
                spans.extend(m.span() for m in rx.finditer(self.text) if m.end() > m.start())
            self._allowed = spans
        return any(a <= start and b >= end for a, b in self._allowed)

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

    def char_techniques(self, pattern: Pattern, start_k: int, name: str, n: int) -> list[str]:
        found: list[str] = []
        for j in range(n):
            s = self.skeleton_positions(name, start_k + j, start_k + j + 1)[0][0]
            char = self.text[self.view.orig_of_skeleton(s)]
            if j < len(pattern.origin) and char != pattern.origin[j]:
                # 1 written for 一 is a numeral disguise although "1" itself folds to nothing new.
                found.extend(techniques_of(char) or techniques_of(pattern.origin[j]))
        return found

    # -- candidates --------------------------------------------------------------------
    def exact(self, cand: Candidate) -> Iterator[_Hit]:
        skeleton, stutter = self.skeleton_positions(cand.view, cand.start, cand.end)
        placed = self.span(skeleton)
        if placed is None:
            return
        start, end, orig = placed
        pattern = cand.patterns[0]
        if not self.edges_ok(pattern.folded, start, end):
            return
        if self.allowed(start, end) or self.inside_words(start, end):
            return
        base = self.noise_techniques(start, end, orig) + (["stutter"] if stutter else [])
        for pattern in cand.patterns:
            techniques = self.char_techniques(pattern, cand.start, cand.view, cand.end - cand.start)
            techniques += base
            if pattern.kind == "split":
                techniques.append("split-character")
                confidence = CONFIDENCE["split"]
            elif base:
                confidence = CONFIDENCE["noise"]
            elif techniques:
                confidence = CONFIDENCE["folded"]
            else:
                confidence = CONFIDENCE["exact"]
            yield _Hit(start, end, pattern, tuple(dict.fromkeys(techniques)), confidence, False)

    def sound(self, cand: Candidate) -> Iterator[_Hit]:
        assert self.sound_text is not None
        collapsed = self.view.collapsed
        if self._sound_map is None:
            self._sound_map = BlockMap(collapsed, spell)
        ks, at = self._sound_map.locate(cand.start)
        ke, at_end = self._sound_map.locate(cand.end - 1)
        if at != cand.start or at_end + len(spell(collapsed[ke])) != cand.end:
            return
        if _latin(collapsed[ks]) and ks > 0 and _latin(collapsed[ks - 1]):
            return
        if _latin(collapsed[ke]) and ke + 1 < len(collapsed) and _latin(collapsed[ke + 1]):
            return
        chars = collapsed[ks : ke + 1]
        latin = _LATIN.search(chars) is not None
        for sp in cand.sounds:
            if sp.kind == "initials":
                if not chars.isascii() or not chars.isalpha():
                    continue
                technique, confidence = "initials", CONFIDENCE["initials"]
            elif latin:
                technique, confidence = "pinyin", CONFIDENCE["pinyin"]
            else:
                if chars == sp.pattern.folded or len(chars) < 3:
                    continue
                technique, confidence = "homophone", CONFIDENCE["homophone"]
            skeleton, stutter = self.skeleton_positions("collapsed", ks, ke + 1)
            placed = self.span(skeleton)
            if placed is None:
                continue
            start, end, orig = placed
            if self.allowed(start, end) or (not latin and self.inside_words(start, end)):
                continue
            techniques = [technique, *self.noise_techniques(start, end, orig)]
            if stutter:
                techniques.append("stutter")
            yield _Hit(start, end, sp.pattern, tuple(dict.fromkeys(techniques)), confidence, True)


def _edge_clash(term_char: str, neighbour: str) -> bool:
    if _latin(term_char):
        return _latin(neighbour)
    if term_char.isdigit():
        return neighbour.isdigit()
    return False


def _severity_rank(rule: str, ctx: CheckContext) -> int:
    return ctx.config.severity_of(rule).rank


def _pick(hits: list[_Hit], ctx: CheckContext) -> list[_Hit]:
    """Longest, then most severe, wins; exact evidence before sound-alikes."""
    chosen: list[_Hit] = []
    for group in (False, True):
        pool = [h for h in hits if h.sound is group]
        pool.sort(key=lambda h: (-(h.end - h.start), -_severity_rank(h.rule, ctx), h.rule, h.start, -h.confidence))
        for hit in pool:
            if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
                chosen.append(hit)
    return chosen


@register
class ContentChecker:
    codes: ClassVar[frozenset[str]] = frozenset(f"WX10{i}" for i in range(1, 10))

    def __init__(self, config: object) -> None:
        from ..config import GuardConfig

        assert isinstance(config, GuardConfig)
        self.lexicon: Lexicon = config.lexicon()

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        candidates, sound_text = self.lexicon.candidates(ctx.view)
        if not candidates:
            return
        judge = _Judge(self.lexicon, ctx.view, sound_text)
        hits: list[_Hit] = []
        for cand in candidates:
            hits.extend(judge.sound(cand) if cand.view == "sound" else judge.exact(cand))
        for hit in _pick(hits, ctx):
            yield Finding(
                rule=hit.rule,
                start=hit.start,
                end=hit.end,
                term=hit.pattern.term.text,
                category=hit.pattern.term.category,
                techniques=hit.techniques,
                confidence=hit.confidence,
                fields={"term": hit.pattern.term.text, "category": hit.pattern.term.category},
            )
