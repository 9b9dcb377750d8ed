"""Split-character spellings read by joining component pairs in the text (``splitchars.Joins``),
against the reference that spells every term with its split forms as patterns
(``compile_lexicon(join_splits=False)``): the same hits on any text of terms, their split
spellings (stuttered, spaced out, two characters split), lone component pairs and reviews, on
both view paths; a joined pair's finding covers both components; and
``TextView.collapsed_index`` inverts ``skeleton_run``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wxguard.families.content.judge import Judge
from wxguard.families.content.lexicon import Lexicon, compile_lexicon
from wxguard.families.content.splitchars import splits
from wxguard.families.content.terms import Term
from wxguard.families.content.wordlists import read_wordlist, terms_from_mapping
from wxguard.text import views
from wxguard.text.views import TextView

from .words import PATTERN_LISTS, WORDS

REVIEWS = (Path(__file__).parent / "data" / "reviews_sample.txt").read_text("utf-8").splitlines()
# Terms whose split spellings meet the views' edge cases: components of the class of the next
# character (美 → 羊大 before 眉: 美眉 is one class, the short automaton's), both components
# in one run (林 → 木木), a component of the class of the character before (阳 and 羊 in 阳美),
# pairs that are common words (好 → 女子), repeats (明明白白).
EDGE_TERMS = ["美眉", "森林", "林林", "阳美", "好色", "张三", "明明白白", "娼妓"]
NOISE = [" ", "🎉", "\u200b", "*", "。"]


@cache
def _terms() -> tuple[Term, ...]:
    listed = [t for path in PATTERN_LISTS for t in read_wordlist(path)[1]]
    edge = [Term(w, "custom", f"edge:{i}") for i, w in enumerate(EDGE_TERMS)]
    return (*terms_from_mapping(WORDS), *listed, *edge)


@cache
def _lexicons() -> tuple[Lexicon, Lexicon]:
    """(joined, reference)."""
    allow = [Term("大麻烦", "allow", "allow")]
    return (
        compile_lexicon(_terms(), allow),
        compile_lexicon(_terms(), allow, join_splits=False),
    )


@cache
def _words() -> list[str]:
    return sorted({t.text for t in _terms() if "{" not in t.text and "+" not in t.text})


def _hits(lexicon: Lexicon, text: str) -> list[str]:
    view = TextView(text)
    found = Judge(lexicon, view).hits(lexicon.candidates(view))
    return sorted(
        repr((h.start, h.end, h.term.text, h.techniques, h.confidence, h.sound, h.companion))
        for h in found
    )


def _split(word: str, i: int, pair: tuple[str, str], how: str) -> str:
    a, b = pair
    middle = {"split": a + b, "stutter-left": a + a + b, "stutter-right": a + b + b}.get(how)
    return word[:i] + (middle or a + how + b) + word[i + 1 :]


@st.composite
def _pieces(draw: st.DrawFn) -> str:
    """A term, a split spelling of one (or two of its characters), a lone pair or a review."""
    table = splits()
    kind = draw(st.sampled_from(["term", "split", "two", "pair", "review"]))
    if kind == "review":
        line = draw(st.sampled_from(REVIEWS))
        return line[: draw(st.integers(0, 40))]
    word = draw(st.sampled_from(_words()))
    at = [i for i, c in enumerate(word) if c in table]
    if kind == "term" or not at:
        return word
    i = draw(st.sampled_from(at))
    pair = draw(st.sampled_from(table[word[i]]))
    if kind == "pair":
        return pair[0] + pair[1]
    how = draw(st.sampled_from(["split", "stutter-left", "stutter-right", *NOISE]))
    if kind == "two" and len(at) > 1:
        j = draw(st.sampled_from([j for j in at if j != i]))
        second = draw(st.sampled_from(table[word[j]]))
        first, later = sorted([(i, pair), (j, second)])
        return _split(_split(word, later[0], later[1], "split"), first[0], first[1], how)
    return _split(word, i, pair, how)


TEXTS = st.lists(_pieces(), min_size=1, max_size=4).map("".join) | st.lists(
    _pieces(), min_size=1, max_size=4
).map("，".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.booleans())
@example("羊大大眉", False)  # a stuttered component before a term of one class
@example("弓弓虽奸犯和弓虽虽奸犯", False)
@example("森木木木林木木", False)  # both components in one run, and repeats of it
@example("女子色女子子色女女子色", True)
@example("阳羊大", False)  # 羊 shares 阳's run: kept, not dropped with the pair
@example("氵去轮大氵去", False)  # two characters split: neither spelling is a pattern
def test_joined_pairs_find_what_split_patterns_found(text: str, long: bool) -> None:
    joined, reference = _lexicons()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(views, "ARRAY_THRESHOLD", 0 if long else 10**12)
        assert _hits(joined, text) == _hits(reference, text)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(REVIEWS),
    st.sampled_from(REVIEWS),
    st.data(),
)
def test_a_joined_pair_s_finding_covers_both_components(
    before: str, after: str, data: st.DataObject
) -> None:
    table = splits()
    word = data.draw(st.sampled_from([w for w in _words() if any(c in table for c in w)]))
    i = data.draw(st.sampled_from([i for i, c in enumerate(word) if c in table]))
    a, b = data.draw(st.sampled_from(table[word[i]]))
    noise = data.draw(st.sampled_from(["", *NOISE[:4]]))
    spelt = word[:i] + a + noise + b + word[i + 1 :]
    text = before[:30] + "。" + spelt + "。" + after[:30]
    first = len(before[:30]) + 1 + i  # where the first component stands
    last = first + len(noise) + 1
    joined, _ = _lexicons()
    view = TextView(text)
    hits = [
        h
        for h in Judge(joined, view).hits(joined.candidates(view))
        if "split-character" in h.techniques and h.start <= last and first < h.end
    ]
    for h in hits:
        assert h.start <= first and last < h.end
        assert text[h.start : h.end].strip()  # offsets into the original text
    if word in {w for ws in WORDS.values() for w in ws}:
        assert any(h.term.text == word for h in hits), spelt


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("哈哈啊阿大打的得地木林 .\u200b"), max_size=60), st.booleans())
def test_collapsed_index_inverts_skeleton_run(text: str, long: bool) -> None:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(views, "ARRAY_THRESHOLD", 0 if long else 10**12)
        view = TextView(text)
        for k in range(len(view.collapsed)):
            first, last = view.skeleton_run(k)
            assert [view.collapsed_index(s) for s in range(first, last + 1)] == [k] * (
                last - first + 1
            )
