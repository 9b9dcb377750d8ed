"""Regexes rewritten to open with a lone character class (which ``re`` scans for in C)
match exactly where the plainer forms they replace do, on any text built of the characters
they test."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wxguard import Guard
from wxguard.families.format.checker import _MAYBE_LOUD
from wxguard.families.persons import analyzer
from wxguard.text import folding, views

_DIGITY = st.text(
    st.sampled_from([*"0123456789@ -一二三零幺壹叁a中", "٣", "８", "\U000e0041", "\U000e0001"]),
    max_size=40,
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400)
@given(_DIGITY)
@example("电话138 1234-5678或a@b")
@example("1 2 3 4 5 6 7")
def test_candidate_matches_as_the_plain_union(text: str) -> None:
    assert _spans(analyzer.CANDIDATE, text) == _spans(re.compile(r"@|\d(?:[ -]?\d){6}"), text)


@settings(max_examples=400)
@given(_DIGITY)
@example("身份证一一零一零五一九九零")
def test_the_run_test_turns_away_no_spelled_number(text: str) -> None:
    if analyzer.SPELLED.search(text) is not None:
        assert analyzer._RUN.search(text) is not None


@settings(max_examples=300)
@given(st.text(st.sampled_from([*"abz", "A", "中", " ", "1", "\ue000"]), max_size=30))
def test_latin_runs_as_the_plain_repeat(text: str) -> None:
    assert _spans(views._LATIN_RUN, text) == _spans(re.compile(r"[a-z]+"), text)


@settings(max_examples=300)
@given(_DIGITY)
def test_tag_test_agrees_with_the_strip(text: str) -> None:
    assert (folding.HAS_HIGH_NOISE.search(text) is None) == (
        folding.HIGH_NOISE.search(text) is None
    )


@pytest.mark.parametrize("run", [2, 3, 5])
@settings(max_examples=200)
@given(st.text(st.sampled_from([*"!！?？#$%&*中a 1\n", "😀", "™", "①"]), max_size=30))
def test_loud_run_gate_as_the_plain_repeat(run: int, text: str) -> None:
    checker = Guard(select=["WX604"], format={"symbol_run": run})._checkers[0][0]
    plain = re.compile(rf"{_MAYBE_LOUD}{{{run}}}")
    assert _spans(checker.maybe_symbols, text) == _spans(plain, text)  # type: ignore[attr-defined]
