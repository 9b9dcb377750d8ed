"""Big user word lists: the compiled lexicon keeps its patterns as rows (``PatternTable``) and
its automata store group numbers, so the rows must stand for exactly the patterns compiling
used to make as objects, and the automata must find exactly what a plain search of each
pattern's key finds. Split-character spellings are no longer rows but read by joining
component pairs in the text (``splitchars.Joins``): every place where such a spelling, as a
pattern, was found and placed exactly must still be a candidate of it, and nothing else.
Checked on 2,000 words of jieba's dictionary (shipped with jieba) and the test lists, over
real reviews with terms and disguises put in."""

from __future__ import annotations

import random
import string
from functools import cache
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard.families.content.judge import Judge
from wxguard.families.content.lexicon import (
    Candidate,
    LetterWindows,
    Lexicon,
    Pattern,
    PatternTable,
    compile_lexicon,
    make_pattern,
)
from wxguard.families.content.numerals import numeral_variants
from wxguard.families.content.splitchars import variants
from wxguard.families.content.terms import Term, shape
from wxguard.families.content.wordlists import read_wordlist, terms_from_mapping
from wxguard.text.folding import is_cjk
from wxguard.text.sound import BREAK, spell
from wxguard.text.views import ARRAY_THRESHOLD, TextView, sound_classes

from .words import PATTERN_LISTS, WORDS

REVIEWS = (Path(__file__).parent / "data" / "reviews_sample.txt").read_text("utf-8").splitlines()


def _jieba_terms(n: int) -> list[Term]:
    words = []
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as f:
        for line in f:
            word = line.split(" ", 1)[0]
            if len(word) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in word):
                words.append(word)
    chosen = random.Random(20261206).sample(words, n)
    return [Term(w, "custom", f"big.txt:{i + 1}") for i, w in enumerate(chosen)]


@cache
def _terms() -> tuple[Term, ...]:
    listed = [t for path in PATTERN_LISTS for t in read_wordlist(path)[1]]
    return (*_jieba_terms(2000), *listed, *terms_from_mapping(WORDS))


@cache
def _lexicon() -> Lexicon:
    return compile_lexicon(_terms(), [Term("大麻烦", "allow", "allow")])


def _as_objects(deny: tuple[Term, ...]) -> list[Pattern]:
    """The patterns as compiling made them before they were rows: every part of a term, its
    numeral spellings, then the split-character spellings not equal to an exact one."""
    terms = []
    for t in dict.fromkeys(deny):
        spelled = shape(t.text).parts
        terms.append((t, list(enumerate(spelled)) if len(spelled) > 1 else [(-1, spelled[0])]))
    patterns = []
    for t, parts in terms:
        for i, part in parts:
            exact = make_pattern(t, part, "exact", i)
            patterns.append(exact)
            patterns += [make_pattern(t, v, "numeral", i) for v in numeral_variants(exact.folded)]
    exact_folds = {p.folded for p in patterns}
    for t, parts in terms:
        for i, part in parts:
            for spelling in variants(part):
                p = make_pattern(t, spelling, "split", i)
                if p.folded not in exact_folds and len(p.folded) >= 2:
                    patterns.append(p)
    return patterns


def _rowed(lexicon: Lexicon, p: Pattern) -> bool:
    """Whether split pattern ``p`` stays a row: its part's folds do not line up."""
    assert lexicon.joins is not None
    return lexicon.joins.rowed(shape(p.term.text).parts[max(0, p.part)])


def test_rows_stand_for_the_patterns_compiling_made() -> None:
    lexicon = _lexicon()
    table = lexicon.patterns
    assert isinstance(table, PatternTable)
    objects = _as_objects(_terms())
    assert list(table) == [p for p in objects if p.kind != "split" or _rowed(lexicon, p)]
    assert {p.kind for p in table} == {"exact", "numeral"}
    assert lexicon.joins is not None and lexicon.has_split()
    assert any(p.kind == "split" for p in objects)


def test_a_term_with_a_split_character_that_folds_to_none_keeps_its_split_rows() -> None:
    """□ splits into 口赖 but folds to nothing, so no pair in a text stands for it: the split
    spellings of 奸□犯 stay patterns (and are found as before), while 强奸犯's are joined."""
    terms = [Term("奸□犯", "custom", "t"), Term("强奸犯", "custom", "t")]
    lexicon = compile_lexicon(terms, [])
    table = lexicon.patterns
    assert isinstance(table, PatternTable)
    assert {p.term.text for p in table if p.kind == "split"} == {"奸□犯"}
    for text, term in (("他是奸口赖犯", "奸□犯"), ("他是弓虽奸犯", "强奸犯")):
        view = TextView(text)
        hits = Judge(lexicon, view).hits(lexicon.candidates(view))
        assert any(h.term.text == term and "split-character" in h.techniques for h in hits)


def _disguised(rnd: random.Random, term: str) -> str:
    """The term as written, spaced out, in pinyin, or with a character split."""
    how = rnd.randrange(4)
    if how == 1:
        return " ".join(term)
    if how == 2:
        return " ".join(spell(c) for c in term)
    split = variants(term)
    return rnd.choice(split) if how == 3 and split else term


def _texts() -> list[str]:
    rnd = random.Random(7)
    words = [t.text for t in _terms() if "{" not in t.text]
    texts = []
    for line in REVIEWS[:150]:
        at = rnd.randrange(len(line) + 1)
        texts.append(line[:at] + _disguised(rnd, rnd.choice(words)) + line[at:])
    return [*texts, "".join(texts)]  # the last one long enough for the array path


def _found(lexicon: Lexicon, view: TextView) -> set[tuple[object, ...]]:
    out: set[tuple[object, ...]] = set()
    for c in lexicon.candidates(view):
        for p in c.patterns:
            out.add((c.view, c.start, c.end, p))
        for s in c.sounds:
            assert c.window is not None
            out.add((c.view, c.start, c.end, s.pattern, s.letters, s.kind, c.window.chars))
    return out


def _occurrences(key: str, text: str) -> list[int]:
    at, out = text.find(key), []
    while at >= 0:
        out.append(at)
        at = text.find(key, at + 1)
    return out


def _sound_keys(patterns: list[Pattern]) -> list[tuple[Pattern, str, str]]:
    """(pattern, letters, kind) of the pinyin and initials a whole term may be typed as."""
    out = []
    for p in patterns:
        cjk = sum(map(is_cjk, p.folded))
        if p.kind != "exact" or p.part >= 0 or cjk < 2:
            continue
        if not all(is_cjk(c) or c.isdigit() for c in p.folded):
            continue
        syllables = [spell(c) for c in p.folded]
        if any(not s or BREAK in s for s in syllables):
            continue
        out.append((p, "".join(syllables), "pinyin"))
        if cjk >= 3:
            out.append((p, "".join(s[0] for s in syllables), "initials"))
    return out


def _searched(patterns: list[Pattern], view: TextView) -> set[tuple[object, ...]]:
    """What the automata must find, by ``str.find`` of each key: keys of two classes or more
    in the collapsed view, shorter ones in the uncollapsed one, pinyin and initials in the
    windows around the Latin runs that lie inside some key."""
    out: set[tuple[object, ...]] = set()
    for p in patterns:
        if len(p.key) >= 2:
            found = _occurrences(p.key, view.collapsed)
            out.update(("collapsed", a, a + len(p.key), p) for a in found)
        else:
            classes = sound_classes(p.folded)
            found = _occurrences(classes, view.sound)
            out.update(("skeleton", a, a + len(classes), p) for a in found)
    sounds = _sound_keys(patterns)
    if not sounds:
        return out
    keys = {letters for _, letters, _ in sounds}
    margin = max(len(p.folded) for p, _, kind in sounds if kind == "pinyin")
    skeleton = view.skeleton
    spans: list[list[int]] = []
    for a, b in view.latin_runs():
        if any(skeleton[a:b] in key for key in keys):
            lo, hi = max(0, a - margin), min(len(skeleton), b + margin)
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
    if spans:
        windows = LetterWindows(skeleton, [(lo, hi) for lo, hi in spans])
        for p, letters, kind in sounds:
            for a in _occurrences(letters, windows.letters):
                out.add(("letters", a, a + len(letters), p, letters, kind, windows.chars))
    return out


@pytest.mark.slow
def test_automata_find_what_a_search_of_every_key_finds() -> None:
    lexicon = _lexicon()
    patterns = list(lexicon.patterns)
    joined = [p for p in _as_objects(_terms()) if p.kind == "split" and not _rowed(lexicon, p)]
    texts = _texts()
    assert len(texts[-1]) >= ARRAY_THRESHOLD
    letters = split = 0
    for text in texts:
        view = TextView(text)
        expected = _searched(patterns, view)
        found = _found(lexicon, view)
        assert {f for f in found if f not in expected} <= _searched(joined, view), text
        assert found >= expected, text
        judge = Judge(lexicon, view)
        placed = {
            e
            for e in _searched(joined, view)
            if (where := judge.place(Candidate(*e[:3]), e[3])) is not None and where.exact
        }
        assert placed <= found, text
        letters += sum(1 for e in expected if e[0] == "letters")
        split += len(placed)
    assert letters >= 50  # pinyin was put in and found
    assert split >= 20  # so were split characters


@cache
def _every_key() -> frozenset[str]:
    return frozenset(k for _, k, _ in _sound_keys(list(_lexicon().patterns)))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.deferred(lambda: st.sampled_from(sorted(_every_key()))),
        min_size=1,
        max_size=3,
    ),
    st.integers(0, 40),
    st.integers(1, 12),
    st.text(alphabet=string.ascii_lowercase, max_size=3),
)
def test_a_latin_run_opens_a_window_when_it_lies_inside_a_key(
    keys: list[str], start: int, length: int, noise: str
) -> None:
    """``_Letters.inside_key`` against its definition, on pieces of keys (joined across keys,
    with letters put in) and pieces that are in no key."""
    joined = "".join(keys)
    run = (joined[start : start + length] + noise) or "a"
    letters = _lexicon()._letters
    assert letters is not None
    assert letters.inside_key(run) == any(run in k for k in _every_key())
