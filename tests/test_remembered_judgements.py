"""WX1 on a long text that repeats itself judges each candidate by the text around it once
(issue 16: 88,000 findings a MB of disguised words): every remembered answer must be the one
a fresh judgement gives, wherever the repeats, noise runs, stutters and Latin runs fall, and
the choice between overlapping hits must stay the one the sorted-insertion definition made."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard
from wxguard.families.base import CheckContext
from wxguard.families.content import judge as judging
from wxguard.families.content.checker import _pick
from wxguard.families.content.judge import Hit, Judge
from wxguard.families.content.terms import Term
from wxguard.models import Message
from wxguard.text.views import TextView

GUARD = Guard(select=["WX1"])
LEXICON = GUARD._checkers[0][0].lexicon  # type: ignore[attr-defined]

# Terms and their disguises, and what makes judging read far: noise runs longer than the
# window (zero-width spaces), stutters, runs of one Latin letter next to a Latin term, lone
# letters (masks and initials), ordinary words around a term, sentence ends.
PIECES = [
    "冰\u200b毒",
    "辦假證",
    "b a n 假 证",
    "出售冰毒",
    "谨防",
    "消毒品牌",
    "冰冰冰毒",
    "办办假证",
    "fuck",
    "fffuck",
    "fuckkk",
    "ffff",
    "kkkk",
    "傻X",
    "傻b",
    "草泥马",
    "x",
    "b",
    "代开发票",
    "代开",
    "dupin",
    "du pin",
    "hai luo yin",
    "海洛因",
    "堵博",
    "态度",
    "K粉",
    "tmd",
    "\u200b" * 120,
    "\u200b",
    " ",
    "，",
    "。",
    "《",
    "》",
    "😀",
    "严禁",
    "加微信abc_123",
]
UNIT = st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join)


def _fresh(text: str) -> list[Hit]:
    view = TextView(text)
    judge = Judge(LEXICON, view)
    judge._judged = None  # judged afresh, candidate by candidate
    return judge.hits(LEXICON.candidates(view))


def _remembered(text: str) -> list[Hit]:
    view = TextView(text)
    return Judge(LEXICON, view).hits(LEXICON.candidates(view))


@settings(max_examples=60, deadline=None)
@given(UNIT, UNIT, UNIT, st.integers(0, 3))
def test_remembered_judgements_are_fresh_ones(head: str, unit: str, tail: str, cut: int) -> None:
    """A unit repeated past ``JUDGED_FROM`` between other text: the hits, in order, are
    those of judging every candidate afresh (so the picked findings are too)."""
    copies = judging.JUDGED_FROM // len(unit) + 2
    text = head + unit * copies + tail
    text = text[: len(text) - cut]
    assert len(text) >= judging.JUDGED_FROM
    assert _remembered(text) == _fresh(text)


@settings(max_examples=20, deadline=None)
@given(st.lists(UNIT, min_size=2, max_size=4))
def test_a_full_memory_starts_again_and_answers_the_same(units: list[str]) -> None:
    """With a memory of two answers, every answer is still the fresh one."""
    text = "".join(u * (judging.JUDGED_FROM // len(u) + 1) for u in units)
    saved = judging.JUDGED_MEMO
    judging.JUDGED_MEMO = 2
    try:
        assert _remembered(text) == _fresh(text)
    finally:
        judging.JUDGED_MEMO = saved


def test_a_repeated_clause_is_judged_once_a_place(monkeypatch: Any) -> None:
    """Disguised words repeated 400 times: each kind of candidate is judged in a few
    surroundings (the start, the middle, the end), not once a copy (1,200 before)."""
    calls: list[int] = []
    real = Judge.judged

    def counting(self: Judge, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Judge, "judged", counting)
    report = GUARD.check("冰\u200b毒 辦假證 b a n 假 证 " * 400)
    assert len(report.violations) == 2 + 400  # 冰毒 and 办假证 one mark each, and 400 pinyin
    assert len(calls) <= 60


def test_masks_are_looked_up_once_a_window() -> None:
    """``MaskIndex.hits`` remembers a place's slots by the text within reach of it: every
    hit is the one that place gives alone."""
    masks = LEXICON.masks
    text = ("傻X，草X马 傻b " + "b a n 假 证 " + "x" * 3 + "傻*") * 300
    positions = LEXICON.mask_positions(TextView(text))
    alone = [h for p in positions for h in masks.hits(text, [p])]
    assert list(masks.hits(text, positions)) == alone
    assert alone  # the text does hold masks


def _inserting(hits: list[Hit], ctx: CheckContext) -> list[Hit]:
    """The choice as it was defined: each hit in order of preference, inserted into the
    sorted list of chosen spans unless it overlaps one."""
    chosen: list[Hit] = []
    starts: list[int] = []
    for group in (False, True):
        pool = [h for h in hits if h.sound is group]
        pool.sort(
            key=lambda h: (
                -(h.end - h.start),
                -h.severity(ctx.config).rank,
                h.rule,
                h.start,
                -h.confidence,
            )
        )
        for hit in pool:
            i = bisect_right(starts, hit.start)
            if i and chosen[i - 1].end > hit.start:
                continue
            if i < len(chosen) and chosen[i].start < hit.end:
                continue
            starts.insert(i, hit.start)
            chosen.insert(i, hit)
    return chosen


_TERMS = [
    (Term("冰毒", "drugs", "test"), "WX104"),
    (Term("办假证", "fraud", "test", tier="review"), "WX106"),
    (Term("赌博", "gambling", "test"), "WX103"),
]
HITS = st.lists(
    st.builds(
        lambda start, size, term, sound, confidence: Hit(
            start, start + size, term[0], term[1], (), confidence, sound
        ),
        st.integers(0, 40),
        st.integers(1, 8),
        st.sampled_from(_TERMS),
        st.booleans(),
        st.sampled_from([0.5, 0.6, 0.9, 1.0]),
    ),
    max_size=30,
)


@given(HITS)
def test_the_pick_is_the_sorted_insertion(hits: list[Hit]) -> None:
    ctx = CheckContext(message=Message(text="x"), view=TextView("x"), config=GUARD.config)
    assert _pick(list(hits), ctx) == _inserting(list(hits), ctx)


def test_spelled_sizes_are_each_characters_spelling_length() -> None:
    """The letter windows map pinyin back to characters by these sizes, over every code
    point (those past the spelling table too)."""
    from wxguard.families.content.lexicon import _spelled_sizes
    from wxguard.text.sound import spell

    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
    for at in range(0, len(every), 65536):
        chunk = every[at : at + 65536]
        assert list(_spelled_sizes(chunk)) == [len(spell(c)) for c in chunk]
    assert list(_spelled_sizes("ban假证")) == [1, 1, 1, 3, 5]
