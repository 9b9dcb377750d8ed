"""Invariants that hold for every input (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wxguard import Guard
from wxguard.families.content.terms import GAP_LETTERS, shape
from wxguard.text import views
from wxguard.text.folding import ends_sentence, fold, is_noise
from wxguard.text.views import BlockMap, TextView

from .paths import both_paths
from .strategies import ANY_TEXT, MIXED
from .words import PATTERN_LISTS, WORDS

NOISE = st.sampled_from(
    [
        " ",
        "\u3000",
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u00ad",
        "\ufe0f",
        "\u0301",
        ".",
        "*",
        "-",
        "，",
        "。",
        "、",
        "·",
        "🎉",
        "❤",
        "★",
        "_",
        "~",
    ]
)
CJK_TERMS = [
    t for terms in WORDS.values() for t in terms if all("\u4e00" <= c <= "\u9fff" for c in t)
]

GUARD = Guard(default_wordlists=False, words=WORDS, allow=["大麻烦"])
PATTERNS = Guard(default_wordlists=False, wordlists=PATTERN_LISTS, select=["WX1"])
# Text biased towards the pattern lists: pieces of their terms, masks, sentence ends, noise.
PATTERN_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "代开",
                "各类",
                "发票",
                "存",
                "送",
                "彩金",
                "网址",
                "开户",
                "荷官",
                "赌场",
                "注册",
                "傻",
                "逼",
                "这",
                "草",
                "你",
                "妈",
                "操",
                "你大爷",
                "狗日的",
                "fuck",
                "F",
                "k",
                "堵博",
                "十八禁",
                "1夜情",
            ]
        ),
        st.sampled_from(list("Xx*＊×b12。！？.\n ，🎉\u200b")),
        st.characters(codec="utf-8"),
    ),
    max_size=20,
).map("".join)


def _noise(char: str) -> bool:
    """Noise as the matcher reads it: a symbol that folds to a letter (🅈 → y) is a letter."""
    folded = fold(char)
    return not folded or all(is_noise(c) for c in folded)


def _assert_report_sound(text: str, guard: Guard) -> None:
    report = guard.check(text)
    for v in report.violations:
        assert 0 <= v.start < v.end <= len(text)
        assert text[v.start : v.end] == v.text
        if v.rule.startswith("WX1"):  # terms never start or end on noise; WX604/WX605 are noise
            masked = "masked" in v.techniques  # except a mask symbol standing for a letter (傻*)
            assert masked or (not _noise(text[v.start]) and not _noise(text[v.end - 1]))
            if masked:
                assert any(c in text[v.start : v.end] for c in "Xx*＊×✕✖╳⨯叉□■○●"), v


@given(ANY_TEXT)
def test_any_text_checks_without_error_and_spans_map_into_the_original(text: str) -> None:
    _assert_report_sound(text, GUARD)


@given(MIXED)
def test_mixed_text_spans_map_into_the_original(text: str) -> None:
    _assert_report_sound(text, GUARD)


@given(MIXED)
@settings(max_examples=60)
@example("DJ🅈")  # initials of a bundled term, the last a squared letter
def test_default_lists_never_fail(text: str) -> None:
    _assert_report_sound(text, _default())


_DEFAULT: list[Guard] = []


def _default() -> Guard:
    if not _DEFAULT:
        _DEFAULT.append(Guard())
    return _DEFAULT[0]


# Chinese clause and sentence punctuation among NOISE
BREAKS = frozenset("，。、")


@given(st.sampled_from(CJK_TERMS), st.lists(st.lists(NOISE, max_size=3), min_size=8, max_size=8))
def test_noise_between_letters_still_finds_the_term(term: str, gaps: list[list[str]]) -> None:
    """Noise between letters is seen through; Chinese punctuation only where every gap holds
    noise, a sender spacing out each letter (代，开，发，票), not where two clauses meet (正规发票，
    代开的: new-user trial s15)."""
    used = gaps[: len(term) - 1]
    disguised = term[0] + "".join("".join(gaps[i]) + ch for i, ch in enumerate(term[1:]))
    report = GUARD.check(disguised)
    spaced = all(used) or not any(c in BREAKS for gap in used for c in gap)
    assert spaced == any(
        v.term == term and v.start == 0 and v.end == len(disguised) for v in report.violations
    ), report


@given(ANY_TEXT)
def test_folding_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@given(ANY_TEXT)
def test_skeleton_map_agrees_with_a_per_character_walk(text: str) -> None:
    view = TextView(text)
    expected = [i for i, ch in enumerate(text) for _ in fold(ch)]
    assert view.skeleton == "".join(fold(ch) for ch in text)
    assert [view.orig_of_skeleton(s) for s in range(len(view.skeleton))] == expected


@given(ANY_TEXT)
def test_the_array_maps_answer_as_the_translate_path(text: str) -> None:
    """Long texts read the skeleton and run maps from numpy arrays (through memoryviews):
    plain ints, the same as the per-message path gives."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(views, "ARRAY_THRESHOLD", 0)
        fast = TextView(text)
        skeleton = [fast.orig_of_skeleton(s) for s in range(len(fast.skeleton))]
        runs = [fast.skeleton_run(k) for k in range(len(fast.collapsed))]
    slow = TextView(text)
    assert skeleton == [slow.orig_of_skeleton(s) for s in range(len(slow.skeleton))]
    assert runs == [slow.skeleton_run(k) for k in range(len(slow.collapsed))]
    assert all(type(i) is int for i in skeleton) and all(
        type(a) is int and type(b) is int for a, b in runs
    )


@given(st.text(max_size=300), st.integers(min_value=1, max_value=5))
def test_block_map_on_long_text(text: str, repeat: int) -> None:
    text = text * repeat
    bm = BlockMap(text, fold)
    expected = [i for i, ch in enumerate(text) for _ in fold(ch)]
    assert [bm.source_index(p) for p in range(len(expected))] == expected


@given(st.one_of(PATTERN_TEXT, ANY_TEXT))
def test_pattern_lists_never_fail_and_spans_map_into_the_original(text: str) -> None:
    _assert_report_sound(text, PATTERNS)


@given(st.lists(PATTERN_TEXT, min_size=1, max_size=6))
def test_both_view_paths_agree_on_gaps_masks_and_companions(parts: list[str]) -> None:
    fast, reference = both_paths("。".join(parts), PATTERNS)
    assert fast == reference


@given(PATTERN_TEXT)
def test_a_gap_never_crosses_a_sentence_end_and_a_companion_shares_the_sentence(text: str) -> None:
    for v in PATTERNS.check(text).violations:
        assert v.term is not None
        if len(shape(v.term).parts) > 1:
            assert not any(ends_sentence(text, i) for i in range(v.start, v.end)), v
        if "同句" in v.message:
            companion = v.message.split("「")[2].split("」")[0]
            lo, hi = v.start, v.end
            while lo > 0 and not ends_sentence(text, lo - 1):
                lo -= 1
            while hi < len(text) and not ends_sentence(text, hi):
                hi += 1
            assert fold(companion) in fold(text[lo : v.start]) + "|" + fold(text[v.end : hi]), v


GAP_NOISE = st.sampled_from([" ", "\u200b", "🎉", "*", "-", "，", "·"])


@given(
    st.lists(
        st.tuples(st.sampled_from("0123456789"), st.lists(GAP_NOISE, max_size=2)),
        max_size=GAP_LETTERS + 3,
    ),
    st.sampled_from(["", "。", "！", "?", "\n", "；"]),
)
def test_a_gap_holds_up_to_six_letters_and_no_sentence_end(
    filler: list[tuple[str, list[str]]], end: str
) -> None:
    gap = "".join(digit + "".join(noise) for digit, noise in filler)
    text = "代开" + gap + end + "发票"
    found = [v for v in PATTERNS.check(text).violations if v.term == "代开{*}发票"]
    if len(filler) <= GAP_LETTERS and not end:
        assert [(v.start, v.end) for v in found] == [(0, len(text))]
    else:
        assert found == []
