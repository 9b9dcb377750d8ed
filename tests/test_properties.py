"""Invariants that hold for every input (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard
from wxguard.text.folding import fold, is_noise
from wxguard.text.views import BlockMap, TextView

from .strategies import ANY_TEXT, MIXED
from .words import WORDS

NOISE = st.sampled_from([" ", "\u3000", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\ufe0f",
                         "\u0301", ".", "*", "-", "，", "。", "、", "·", "🎉", "❤", "★", "_", "~"])
CJK_TERMS = [t for terms in WORDS.values() for t in terms if all("\u4e00" <= c <= "\u9fff" for c in t)]

GUARD = Guard(default_wordlists=False, words=WORDS, allow=["大麻烦"])


def _assert_report_sound(text: str, guard: Guard) -> None:
    report = guard.check(text)
    for v in report.violations:
        assert 0 <= v.start < v.end <= len(text)
        assert text[v.start : v.end] == v.text
        if v.rule.startswith("WX1"):  # terms never start or end on noise; WX604/WX605 are noise
            assert not is_noise(text[v.start]) and not is_noise(text[v.end - 1])


@given(ANY_TEXT)
def test_any_text_checks_without_error_and_spans_map_into_the_original(text: str) -> None:
    _assert_report_sound(text, GUARD)


@given(MIXED)
def test_mixed_text_spans_map_into_the_original(text: str) -> None:
    _assert_report_sound(text, GUARD)


@given(MIXED)
@settings(max_examples=60)
def test_default_lists_never_fail(text: str) -> None:
    _assert_report_sound(text, _default())


_DEFAULT: list[Guard] = []


def _default() -> Guard:
    if not _DEFAULT:
        _DEFAULT.append(Guard())
    return _DEFAULT[0]


@given(st.sampled_from(CJK_TERMS), st.lists(st.lists(NOISE, max_size=3), min_size=8, max_size=8))
def test_noise_between_letters_still_finds_the_term(term: str, gaps: list[list[str]]) -> None:
    disguised = term[0] + "".join("".join(gaps[i]) + ch for i, ch in enumerate(term[1:]))
    report = GUARD.check(disguised)
    assert any(v.term == term and v.start == 0 and v.end == len(disguised) for v in report.violations), report


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


@given(st.text(max_size=300), st.integers(min_value=1, max_value=5))
def test_block_map_on_long_text(text: str, repeat: int) -> None:
    text = text * repeat
    bm = BlockMap(text, fold)
    expected = [i for i, ch in enumerate(text) for _ in fold(ch)]
    assert [bm.source_index(p) for p in range(len(expected))] == expected
