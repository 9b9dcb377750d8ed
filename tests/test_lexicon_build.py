"""Compiling a big lexicon takes shortcuts over whole lists (``lexicon._each``,
``lexicon._split_folds``, ``_Letters``): each must give what the plain per-spelling
computation gives, for any spelling, or the lexicon would find other things."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard.families.content.lexicon import _SEP, _each, _split_folds
from wxguard.families.content.splitchars import splits, variants
from wxguard.text.folding import fold
from wxguard.text.sound import spell

# Characters with splits (娼 → 女昌, 强 → 弓虽, 法 → 氵去), traditional ones that fold to one
# character, ones that fold to two (㎏ → kg) or none (a space, a tag, a zero-width space),
# digits and letters; and the separator itself, which a list's term may hold.
_CHARS = "娼强法好明林辦證㎏ ①Ａa1\u200b\U000e0041" + _SEP
spellings = st.text(_CHARS, min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(spellings, min_size=1, max_size=8))
def test_split_folds_are_the_folds_of_each_split_spelling(parts: list[str]) -> None:
    counts, out, used = _split_folds(parts, [fold(p) for p in parts])
    expected = [[fold(v) for v in variants(p)] for p in parts]
    assert counts == [len(e) for e in expected]
    assert out == [f for e in expected for f in e]
    # What the split folds hold beyond their parts' folds is in what they put in.
    assert set("".join(out)) <= set("".join(map(fold, parts))) | set("".join(used))


def test_the_characters_tested_do_split() -> None:
    assert {"娼", "强", "法"} <= splits().keys()
    assert len(fold("㎏")) == 2 and fold(" ") == "" and fold("\U000e0041") == ""


@settings(max_examples=300, deadline=None)
@given(items=st.lists(spellings, max_size=8))
def test_each_is_the_function_on_each_or_nothing(items: list[str]) -> None:
    for fn in (fold, spell, lambda s: s.replace("a", _SEP), lambda s: s.replace(_SEP, "")):
        got = _each(fn, items)
        assert got is None or got == [fn(x) for x in items]
    if not any(_SEP in x or "a" in x for x in items):
        assert _each(fold, items) == [fold(x) for x in items]


def test_each_gives_nothing_when_a_character_becomes_the_separator() -> None:
    assert _each(lambda s: s.replace("a", _SEP), ["ba", "c"]) is None
