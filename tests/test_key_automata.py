"""A big lexicon's automata cut their keys (``automata.KeyAutomaton``): what they report, and in
which order, must be what the automaton of the whole keys reports, for any keys and text, and
a lexicon with every automaton cut must give the same candidates as one with none cut."""

from __future__ import annotations

import pickle

import ahocorasick
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard.families.content import automata
from wxguard.families.content.automata import KeyAutomaton
from wxguard.families.content.lexicon import Candidate, Lexicon, compile_lexicon
from wxguard.families.content.terms import Term
from wxguard.text.views import TextView

from .test_big_lists import _terms, _texts


def _whole(keys: list[str], text: str) -> list[tuple[int, int]]:
    auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for g, key in enumerate(keys):
        auto.add_word(key, g)
    auto.make_automaton()
    return list(auto.iter(text))


keys_st = st.lists(st.text("abc", min_size=1, max_size=9), min_size=1, max_size=40, unique=True)


@settings(max_examples=400, deadline=None)
@given(keys=keys_st, text=st.text("abcd", max_size=60), depth=st.integers(1, 5))
def test_a_cut_automaton_reports_what_the_whole_keys_do(
    keys: list[str], text: str, depth: int
) -> None:
    cut = KeyAutomaton(keys, depth, deep=0)
    assert list(cut.iter(text)) == _whole(keys, text)
    copy = pickle.loads(pickle.dumps(cut))
    assert copy.intact()
    assert list(copy.iter(text)) == _whole(keys, text)
    assert [cut.get(k) for k in keys] == list(range(len(keys)))
    for other in (text, text + "a", "b" + text[:depth]):
        if other not in keys:
            assert cut.get(other, -1) == -1


def test_keys_are_cut_only_when_many() -> None:
    keys = ["abcdef", "abcdeg", "ab", "abcd"]
    assert not KeyAutomaton(keys, 2).groups  # few keys: one automaton of whole keys
    cut = KeyAutomaton(keys, 2, deep=0)
    assert len(cut.groups) == 3 and len(cut.auto) == 1  # "ab" is a key and the cut of three
    assert list(cut.iter("xabcdegabcdef")) == _whole(keys, "xabcdegabcdef")


def _listed(lexicon: Lexicon, view: TextView) -> list[tuple[object, ...]]:
    def row(c: Candidate) -> tuple[object, ...]:
        window = c.window.chars if c.window is not None else None
        return (c.view, c.start, c.end, c.patterns, c.sounds, window)

    return [row(c) for c in lexicon.candidates(view)]


def _past_the_cut(row: tuple[object, ...]) -> bool:
    view, start, end = row[:3]
    assert isinstance(start, int) and isinstance(end, int)
    return end - start > {"collapsed": 4, "letters": 8}.get(str(view), 99)


@pytest.mark.slow
def test_a_lexicon_cut_everywhere_finds_the_same_candidates_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    allow = [Term("大麻烦", "allow", "allow")]
    whole = compile_lexicon(_terms(), allow)
    monkeypatch.setattr(automata, "DEEP", 0)
    cut = pickle.loads(pickle.dumps(compile_lexicon(_terms(), allow)))  # as read from the cache
    assert cut.intact()
    assert cut._deny.main is not None and cut._deny.main.groups  # keys were cut
    assert cut._letters is not None and cut._letters.auto is not None
    assert cut._letters.auto.groups
    found = longer = 0
    for text in _texts():
        view = TextView(text)
        expected = _listed(whole, view)
        assert _listed(cut, TextView(text)) == expected, text
        assert cut.allow_hits(TextView(text)) == whole.allow_hits(view)
        found += len(expected)
        longer += sum(1 for c in expected if _past_the_cut(c))
    assert found >= 900 and longer >= 60  # keys past the cut were found
