"""WX1 content security: sensitive terms seen through disguises, and illegal-trade offers.

Candidates come from the lexicon's automata over the collapsed, skeleton and sound views,
and from the masks in the text (傻X). Each is mapped back to the original text and then
judged (``judge``): word edges for Latin and digit terms, the noise gap between letters,
the allow-list (covering semantics), jieba word boundaries, the parts of a term with gaps
and the companion word a term needs. One policy then picks the findings: exact evidence
first, longest and most severe wins, a sound-alike only where no exact finding overlaps.
Trade offers (a product joined to an offer or a contact) come from ``trade`` where no term
of the same rule marks the place already; an offer with a contact replaces a review-tier
term it overlaps.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING

from ...phrases.batch import Batch
from ...phrases.joins import Spans
from ...text.views import TextView
from ..base import CheckContext, Checker, Finding
from ..links.extract import extract_links
from .judge import Hit, Judge
from .lexicon import Candidate, Lexicon
from .model import lexicon_for
from .terms import Term, shape
from .trade import Disguised, TradeModel, trade_findings, trade_model, trade_screen
from .wordlists import SOUND_RULE, rule_for

if TYPE_CHECKING:
    from ...config import GuardConfig


# Characters the word lists also read as another, in a copy of the message of the same
# length, where they stand in a term that the message as written does not hold (with the
# technique each adds):
# - an emoji written for a character of the same sound, as slang writes it: 🐴 (马 mǎ) for 妈
#   in abuse (操你🐴, 草泥🐴, 你🐴的); read as 马, only terms 马 itself would make count, as
#   sound-alikes (操你马 is one of 操你妈), and 🐴年大吉 holds none;
# - pinyin's ü, with or without a tone mark, typed where a keyboard takes v (外围nǚ is 外围nv,
#   女): as written it folds to u, which keeps bing dü and dü bó (ü for u) what they are.
_REREADINGS: tuple[tuple[dict[int, str], str], ...] = (
    (str.maketrans({"🐴": "马"}), "emoji-word"),
    (
        str.maketrans(dict.fromkeys("üǖǘǚǜ", "v") | dict.fromkeys("ÜǕǗǙǛ", "V")),
        "diacritic",
    ),
)
REREAD = re.compile("[🐴üǖǘǚǜÜǕǗǙǛ]")
# The word lists' category of insults and profanity (wordlists/abuse.txt).
ABUSE = "abuse"


def _pick(hits: list[Hit], ctx: CheckContext) -> list[Hit]:
    """Longest, then most severe, wins; exact evidence before sound-alikes. Spans are never
    empty, so a hit is free when no character of it is taken yet: one byte a character tells
    (inserting each choice into a sorted list moved half the list a time: 88,000 hits a MB
    of disguised words took the count squared)."""
    ranks: dict[tuple[str, str], int] = {}  # a rule's severity, asked once per rule and tier

    def order(h: Hit) -> tuple[int, int, str, int, float]:
        rule = SOUND_RULE if h.sound else h.term_rule  # ``Hit.rule``, without its call
        tier = h.term.tier
        rank = ranks.get((rule, tier))
        if rank is None:
            rank = ranks[rule, tier] = h.severity(ctx.config).rank
        return (h.start - h.end, -rank, rule, h.start, -h.confidence)

    chosen: list[Hit] = []
    taken = bytearray(max((h.end for h in hits), default=0))
    for group in (False, True):
        pool = [h for h in hits if h.sound is group]
        pool.sort(key=order)
        for hit in pool:
            start, end = hit.start, hit.end
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen


class ContentChecker(Checker):
    family = "WX1"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.lexicon: Lexicon = lexicon_for(config)
        # The trade banks are bundled knowledge like the default lists: off with them.
        self.trade: TradeModel | None = (
            trade_model(config.phrases) if config.default_wordlists else None
        )

    def screen(self, texts: Sequence[str]) -> set[int]:
        """The messages that ``check`` would judge: one scan of the batch joined (the long-text
        path, numpy and windows) finds every candidate of each message, and of those only a
        whole term placed as ``Judge.may_hit`` allows, pinyin, the last missing part of a term
        with gaps or a mask passing its quick test leads to judging. Placements are those of
        each message alone: no stutter run crosses ``JOIN``."""
        lexicon = self.lexicon
        batch = Batch.of(texts)
        starts, view = batch.starts, batch.view
        judge = Judge(lexicon, view, [])
        flagged: set[int] = set()
        parts: dict[int, dict[Term, set[int]]] = {}
        for cand in lexicon.candidates(view):
            a, b = _original_ends(view, cand)
            i = bisect_right(starts, a) - 1
            last = bisect_right(starts, b) - 1
            if cand.view == "letters" or last != i:  # across messages: only with ᚠ in a term
                flagged.update(range(i, last + 1))
                continue
            for p in cand.patterns:
                if p.part >= 0:
                    parts.setdefault(i, {}).setdefault(p.term, set()).add(p.part)
                elif i not in flagged and judge.may_hit(cand, p):
                    flagged.add(i)
        for i, seen in parts.items():
            if any(len(found) == len(shape(term.text).parts) for term, found in seen.items()):
                flagged.add(i)
        masks = lexicon.masks
        for pos in lexicon.mask_positions(view):
            i = bisect_right(starts, pos) - 1
            if i not in flagged and masks.possible(texts[i], pos - starts[i]):
                flagged.add(i)
        if REREAD.search(batch.joined) is not None:
            flagged.update(i for i, text in enumerate(texts) if REREAD.search(text))
        if self.trade is not None:  # trade offers are joins, not terms: their own gate
            flagged |= trade_screen(self.trade, batch, flagged)
        return flagged

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        words = list(self._words(ctx))
        if REREAD.search(ctx.view.text) is not None:
            words = self._reread(ctx, words)
        text = ctx.view.text
        if any(f.category == ABUSE and text[f.start : f.end].isascii() for f in words):
            words = _outside_links(ctx, words)
        if self.trade is None:
            yield from words
            return
        # A term of the review tier (制服诱惑, 验后付款: a warning) does not hide an offer with a
        # contact that it stands in; that offer is the surer finding and takes its place.
        # A sound-alike of a block-tier term (冰du, 堵博网站) joined to an offer is that offer,
        # under the term's rule; the offer's mark takes it in.
        disguised = [
            Disguised(f.category, f.start, f.end, f.techniques)
            for f in words
            if f.rule == SOUND_RULE and f.severity is None and f.category is not None
        ]
        offers = list(
            trade_findings(
                self.trade,
                ctx,
                ((f.rule, f.start, f.end) for f in words if f.severity is None),
                ((f.rule, f.start, f.end) for f in words if f.severity is not None),
                disguised,
            )
        )
        if not offers:
            yield from words
            return
        kept = []
        places = _Places(offers)
        for word in words:
            at = places.replacing(word)
            if at is None or word.rule == SOUND_RULE:
                kept.append(word)  # a sound-alike is absorbed into the offer's mark (marks)
            if at is not None and word.rule == SOUND_RULE:
                offers[at] = _taking_in(offers[at], word)
        yield from kept
        yield from offers

    def _reread(self, ctx: CheckContext, words: list[Finding]) -> list[Finding]:
        """``words`` with the terms found in each copy of ``_REREADINGS`` whose span holds a
        character read otherwise there and overlaps no term found as written (the copies
        have the message's length, so their spans are its spans)."""
        text = ctx.view.text
        found = list(words)
        for table, technique in _REREADINGS:
            copy = text.translate(table)
            if copy == text:
                continue
            # the words found so far, by start: one bisection a term read in the copy
            taken = Spans(sorted((w.start, w.end, "") for w in found))
            for f in self._words(replace(ctx, view=TextView(copy))):
                if text[f.start : f.end] == copy[f.start : f.end] or taken.overlaps(f.start, f.end):
                    continue
                extra = () if technique in f.techniques else (technique,)
                found.append(replace(f, techniques=(*f.techniques, *extra)))
        found.sort(key=lambda f: f.start)
        return found

    def _words(self, ctx: CheckContext) -> Iterator[Finding]:
        """The lexicon's terms, judged and picked."""
        lexicon = self.lexicon
        candidates = lexicon.each_candidate(ctx.view)
        first = next(candidates, None)
        masks = lexicon.mask_positions(ctx.view)
        if first is None and not masks:
            return
        if first is not None:
            candidates = chain((first,), candidates)
        # One fields dict for every finding of a term (findings never change theirs): a long
        # text dense with one term made a dict a finding, for the collector to walk.
        shared: dict[tuple[Term, str | None], dict[str, object]] = {}
        # Each hit is let go as its finding is made: never both in full, for the collector.
        chosen = _pick(Judge(lexicon, ctx.view, masks).hits(candidates), ctx)
        chosen.reverse()
        while chosen:
            hit = chosen.pop()
            term = hit.term
            fields = shared.get((term, hit.companion))
            if fields is None:
                fields = {"term": shape(term.text).shown, "category": term.category}
                if hit.companion is not None:
                    fields["companion"] = hit.companion
                shared[term, hit.companion] = fields
            yield Finding(
                rule=hit.rule,
                start=hit.start,
                end=hit.end,
                term=term.text,
                category=term.category,
                techniques=hit.techniques,
                confidence=hit.confidence,
                fields=fields,
                variant=_variant(hit),
                severity=hit.severity(ctx.config) if term.tier == "review" else None,
            )


class _Places:
    """The offers of each rule by start, with the furthest end reached so far and the offer
    that reaches it: the offer overlapping a word is a bisection away (a long text has a
    word and an offer every few characters)."""

    def __init__(self, offers: list[Finding]) -> None:
        self._by_rule: dict[str, tuple[list[int], list[int], list[int]]] = {}
        for i in sorted(range(len(offers)), key=lambda k: offers[k].start):
            o = offers[i]
            starts, furthest, which = self._by_rule.setdefault(o.rule, ([], [], []))
            if furthest and furthest[-1] >= o.end:
                furthest.append(furthest[-1])
                which.append(which[-1])
            else:
                furthest.append(o.end)
                which.append(i)
            starts.append(o.start)

    def replacing(self, word: Finding) -> int | None:
        """The offer under a review-tier term's rule, or a sound-alike's term's, that
        overlaps it: the offer is the surer finding and takes a review-tier term's place,
        and a sound-alike in (one mark, ``marks``, as for any offer over its term)."""
        if word.rule == SOUND_RULE:
            if word.severity is not None or word.category is None:
                return None
            rule = rule_for(word.category)
        elif word.severity is None:
            return None
        else:
            rule = word.rule
        found = self._by_rule.get(rule)
        if found is None:
            return None
        starts, furthest, which = found
        i = bisect_left(starts, word.end)
        return which[i - 1] if i > 0 and furthest[i - 1] > word.start else None


def _taking_in(offer: Finding, disguise: Finding) -> Finding:
    """An offer over a sound-alike of its rule's term (带开发票 beside 发票，点数低): its mark
    covers the sound-alike and names its disguise."""
    techniques = offer.techniques + tuple(
        t for t in disguise.techniques if t not in offer.techniques
    )
    return replace(
        offer,
        start=min(offer.start, disguise.start),
        end=max(offer.end, disguise.end),
        techniques=techniques,
    )


def _original_ends(view: TextView, cand: Candidate) -> tuple[int, int]:
    """The original indices of a candidate's first and last character."""
    if cand.view == "collapsed":
        first, last = view.skeleton_run(cand.start)[0], view.skeleton_run(cand.end - 1)[1]
    elif cand.view == "skeleton":
        first, last = cand.start, cand.end - 1
    else:
        window = cand.window
        assert window is not None
        first, last = (
            window.skeleton_index(window.map.source_index(i)) for i in (cand.start, cand.end - 1)
        )
    return view.orig_of_skeleton(first), view.orig_of_skeleton(last)


def _variant(hit: Hit) -> str | None:
    """The catalog message that says the tier and the companion seen."""
    review = hit.term.tier == "review" and not hit.sound
    if hit.companion is not None:
        return "review-companion" if review else "companion"
    return "review" if review else None


def _outside_links(ctx: CheckContext, words: list[Finding]) -> list[Finding]:
    """``words`` without the abuse written in letters inside a link: the sb of sb-tq.cc or the
    nmsl of a path is part of an address, aimed at nobody (review s16)."""
    text = ctx.view.text
    links = extract_links(text, ctx.view.folded)
    if not links:
        return words
    return [
        f
        for f in words
        if not (
            f.category == ABUSE
            and text[f.start : f.end].isascii()
            and any(link.start <= f.start and f.end <= link.end for link in links)
        )
    ]
