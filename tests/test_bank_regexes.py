"""Phrase banks compile lazily and with a first-character lookahead; neither may change what
a bank finds: every bank, gate and trigger is compared with its plain regex on random text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard
from wxguard.errors import WordListError
from wxguard.families.advertising.model import advertising_model
from wxguard.families.inducement.model import inducement_model
from wxguard.phrases import banks as banks_module
from wxguard.phrases.banks import NARROW_LENGTH, Bank, compile_phrase
from wxguard.text import quickregex
from wxguard.text.quickregex import (
    DIGITS,
    GUARDED_DIGITS,
    any_of,
    exists,
    first_chars,
    literal_of,
    quick,
    trie_source,
)

from .banks import SOURCES

# Text made of the characters the banks are written in, so matches are frequent.
BANK_CHARS = sorted({c for s in SOURCES for c in s if not c.isspace()} | set("0123456789。，%"))
BANKISH = st.text(st.sampled_from(BANK_CHARS), max_size=40)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("ab|cd", {"a", "c"}),
        ("x?y", {"x", "y"}),
        ("(?:a|)b", {"a", "b"}),
        ("[0-3]元", {"0", "1", "2", "3"}),
        (r"\bfoo", {"f"}),
        ("(?<!不)转发", {"转"}),
        ("a{0,2}b+", {"a", "b"}),
        (r"\dx|三个", {DIGITS, "三"}),
        (r"(?<!\d)[\d十]+个", {GUARDED_DIGITS, "十"}),
        (r"(?<!\d)\d+个|\d号", {GUARDED_DIGITS, DIGITS}),
        (r"a?(?<!\d)\d|(?<![三])\d", {"a", GUARDED_DIGITS, DIGITS}),
        (r"(?:(?<!\d)\d+|(?<![三])三)个", {GUARDED_DIGITS, "三"}),
    ],
)
def test_first_chars_of_simple_patterns(source: str, expected: set[str]) -> None:
    assert first_chars(source) == expected


@pytest.mark.parametrize(
    "source", ["a|b*", "(?i)ab", "[^a]b", r"\wx", ".a", "(?=a)", "[一-龥]x", "a|"]
)
def test_no_lookahead_when_first_chars_are_unknowable(source: str) -> None:
    assert first_chars(source) is None
    assert quick(source).pattern == source


@settings(max_examples=300)
@given(BANKISH, st.sampled_from(SOURCES))
def test_quick_finds_exactly_what_the_plain_regex_finds(text: str, source: str) -> None:
    plain, fast = re.compile(source), quick(source)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    pos = len(text) // 2
    assert (fast.search(text, pos) or re.match("", "")).span() == (
        plain.search(text, pos) or re.match("", "")
    ).span()


@settings(max_examples=300)
@given(BANKISH, st.sampled_from(SOURCES))
def test_exists_matches_where_the_plain_regex_can_start(text: str, source: str) -> None:
    """``exists`` matches one character wherever a match of the plain regex starts (so it
    finds something exactly when the plain regex does), searched from any position."""
    plain, test = re.compile(source), exists(source)

    def starts(regex: re.Pattern[str]) -> set[int]:
        return {m.start() for p in range(len(text) + 1) if (m := regex.search(text, p))}

    assert starts(test) == starts(plain)


def test_exists_opens_with_a_class() -> None:
    assert exists(r"(?<!\d)\d+个|三个群").pattern.startswith("[\\d三](?<=")
    assert exists(r"(?:a|)").pattern == "(?:a|)"  # matches the empty string: as it is


def test_a_digit_lookahead_lets_every_decimal_digit_through() -> None:
    """``\\d`` in a lookahead is every decimal digit, as in the pattern (Arabic-Indic ٣,
    fullwidth ３): banks that open with a number get a lookahead and find the same."""
    source = r"\d+个群|三个群"
    fast = quick(source)
    assert fast.pattern.startswith("(?=[\\d")
    text = "分享到３个群，٣个群，3个群，三个群，十个群"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(source, text)]
    assert len(fast.findall(text)) == 4


def test_a_number_phrase_starts_only_where_no_digit_precedes() -> None:
    """A bank whose digits all open a number (``(?<!\\d)``, as ``{N}`` writes it) is tried
    only at a run's first digit: a long digit run no longer tries every number phrase at
    every digit. Decimal digits of any script still open it."""
    source = r"(?<!\d)\d+个群|三个群"
    fast = quick(source)
    assert fast.pattern.startswith(f"(?=[三]|{GUARDED_DIGITS})")
    text = "分享到３个群，٣个群，3个群，三个群，十个群，12个群"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(source, text)]
    assert len(fast.findall(text)) == 5
    alone = quick(r"(?<!\d)\d+个")
    assert [m.span() for m in alone.finditer("a12个 3个")] == [(1, 4), (5, 7)]


DIGITISH = st.text(st.sampled_from([*"0123456789０٣.个群位人元三十几多万x"]), max_size=40)
# The banks' own unions (before any lookahead) that read digits.
NUMBER_SOURCES = sorted(
    {
        b.source
        for model in (advertising_model(), inducement_model(()))
        for b in model.banks.values()
        if b.source is not None and "\\d" in b.source
    }
)


@settings(max_examples=300)
@given(DIGITISH, st.sampled_from(NUMBER_SOURCES))
def test_quick_finds_what_the_plain_regex_finds_among_digits(text: str, source: str) -> None:
    plain, fast = re.compile(source), quick(source)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300)
@given(DIGITISH, st.sampled_from(NUMBER_SOURCES))
def test_exists_among_digits(text: str, source: str) -> None:
    plain, test = re.compile(source), exists(source)
    assert (test.search(text) is None) == (plain.search(text) is None)


def test_the_shipped_unions_get_a_lookahead() -> None:
    adv = advertising_model()
    cta = next(
        r for s, r in zip(adv.scanner.specs, adv.scanner.regexes, strict=True) if s.kind == "cta"
    )
    assert cta is not None and cta.get().pattern.startswith("(?=[")


@settings(max_examples=500)
@given(
    st.text(st.sampled_from(list("转发ab1{}()[]|?*N.\\^$+")), max_size=20),
    st.booleans(),
    st.booleans(),
)
def test_every_accepted_phrase_compiles(raw: str, compacted: bool, alone: bool) -> None:
    """Phrases are not compiled when read (it cost a third of a cold start): whatever the
    phrase syntax accepts must be a valid regex, and so must its action split."""
    try:
        phrase = compile_phrase(raw, "team.toml:3", compacted=compacted, alone=alone)
    except WordListError as exc:
        assert "team.toml:3" in str(exc)
        return
    re.compile(phrase.regex)
    if phrase.split is not None:
        assert re.compile(phrase.split).groups == 2


WORDS = st.lists(
    st.text(st.sampled_from(list("转发分享abc.")), min_size=1, max_size=5), min_size=1, max_size=12
)


@settings(max_examples=300)
@given(WORDS, st.text(st.sampled_from(list("转发分享abc.x")), max_size=40))
def test_a_trie_finds_the_leftmost_longest_literal(words: list[str], text: str) -> None:
    """The trie matches exactly what a flat union sorted longest first matches."""
    flat = re.compile(
        "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    )
    trie = re.compile(trie_source(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


# Enough first characters that trie nodes are split behind lookaheads (``_branches``),
# with the characters a class gives meaning to.
_WIDE = [
    *"转发分享领取红包免费扫码加群关注点赞抽奖助力砍一刀好友朋友圈微信支付宝银行卡号",
    *"abcxyz019",
    "-",
    "]",
    "[",
    "^",
    "\\",
    ".",
    "|",
]


@st.composite
def _wide_case(draw: st.DrawFn) -> tuple[list[str], str]:
    """Words, and a text made of some of them and other characters."""
    words = draw(
        st.lists(st.text(st.sampled_from(_WIDE), min_size=1, max_size=4), min_size=30, max_size=80)
    )
    pieces = st.one_of(st.sampled_from(words), st.text(st.sampled_from(_WIDE), max_size=2))
    return words, "".join(draw(st.lists(pieces, max_size=20)))


@pytest.mark.parametrize("fans", [(2, 2), (16, 4), (128, 16)])
@settings(max_examples=300)
@given(case=_wide_case())
def test_a_wide_trie_finds_the_leftmost_longest_literal(
    fans: tuple[int, int], case: tuple[list[str], str]
) -> None:
    """A trie whose nodes have many children (split behind lookaheads on their first
    characters, above these numbers of children at the root and below it) matches exactly
    what a flat union sorted longest first matches."""
    words, text = case
    flat = re.compile(
        "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    )
    saved = quickregex._ROOT_FAN, quickregex._FAN
    quickregex._ROOT_FAN, quickregex._FAN = fans
    try:
        trie = re.compile(trie_source(words))
    finally:
        quickregex._ROOT_FAN, quickregex._FAN = saved
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    starts = range(len(text))
    assert [trie.match(text, i) and trie.match(text, i).span() for i in starts] == [
        flat.match(text, i) and flat.match(text, i).span() for i in starts
    ]


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from([*SOURCES, "分享", "a\\.b", "转发"]), min_size=1, max_size=6), BANKISH
)
def test_any_of_matches_when_some_source_matches(sources: list[str], text: str) -> None:
    expected = any(re.search(s, text) for s in sources)
    assert (any_of(sources).search(text) is not None) == expected


def test_literal_of_reads_only_plain_literals() -> None:
    assert literal_of("分享") == "分享" and literal_of(r"a\.b") == "a.b"
    assert literal_of("a|b") is None and literal_of("(?i)ab") is None and literal_of("a?") is None


def test_long_and_deeply_nested_literals_compile() -> None:
    """A user's phrase may be hundreds of characters long, and phrases may be prefixes of
    each other hundreds deep: the trie is built without recursion and written flat when
    ``re`` would recurse too far."""
    long_phrase = "分享" + "好" * 600
    assert re.fullmatch(trie_source([long_phrase]), long_phrase)
    nested = ["a" * i for i in range(1, 600)]
    assert re.match(trie_source(nested), "a" * 1000).group() == "a" * 599


def test_a_long_user_phrase_works_end_to_end(tmp_path: Path) -> None:
    phrases = tmp_path / "team.toml"
    long_phrase = "分享" + "好" * 600
    phrases.write_text(
        f'[inducement]\nexempt = ["{long_phrase}"]\nshare = ["{long_phrase}"]\n', encoding="utf-8"
    )
    guard = Guard(phrases=[str(phrases)])
    assert [v.rule for v in guard.check("转发到三个群就送礼品").violations] == [
        v.rule for v in Guard().check("转发到三个群就送礼品").violations
    ]


# Phrases written with every piece of the syntax, and texts that say them: each piece read
# one of its ways (a group as one of its alternatives, an optional one or none, a number, a
# gap), with other text around, so that every phrase matches and near misses abound.
_PIECES = {
    "我": ["我"],
    "把他": ["把他"],
    "车": ["车"],
    "(要|就|一定)": ["要", "就", "一定"],
    "(他|她|他们)": ["他", "她", "他们"],
    "(的|家)?": ["", "的", "家"],
    "(砸|扎)": ["砸", "扎"],
    "{N}": ["3", "十二"],
    "{*}": ["", "了", "好多"],
}
_NOISE = st.text(st.sampled_from(list("我要就把他的车了3，")), max_size=4)


@st.composite
def _phrase_and_text(draw: st.DrawFn) -> tuple[str, str]:
    pieces = draw(st.lists(st.sampled_from(sorted(_PIECES)), min_size=1, max_size=6))
    said = "".join(draw(st.sampled_from(_PIECES[p])) for p in pieces)
    return "".join(pieces), draw(_NOISE) + said + draw(_NOISE)


@given(_phrase_and_text())
@settings(max_examples=3000)
def test_every_match_of_a_phrase_holds_one_of_its_anchors(case: tuple[str, str]) -> None:
    """The anchors are what every gate and index tests before a bank's regex runs (a bank
    with none of its anchors in a text is never searched): each match of the phrase, at any
    start, contains one of them, whether the phrase's runs cross groups (我(要|就): 我要 or
    我就) or not."""
    raw, text = case
    try:
        phrase = compile_phrase(raw, "test")
    except WordListError:
        return
    regex = re.compile(phrase.regex)
    for start in range(len(text)):
        m = regex.match(text, start)
        if m is not None and m.end() > m.start():
            assert phrase.anchors
            assert any(a in m.group() for a in phrase.anchors), (raw, m.group(), phrase.anchors)


def test_a_run_across_a_group_anchors_on_both() -> None:
    """我(要|就) is anchored on 我要 and 我就, not on 我 (every review says 我), and a
    literal after a group extends each of its texts."""
    assert set(compile_phrase("我(要|就)", "test").anchors) == {"我要", "我就"}
    assert set(compile_phrase("(返|回)水{N}", "test").anchors) == {"返水", "回水"}
    assert set(compile_phrase("(你)?等着瞧", "test").anchors) == {"等着瞧"}


# Every bank that reads anchors, as written and as the inducement checker reads pinyin by sound.
_ANCHORED = [
    bank
    for model in (advertising_model(), inducement_model(()))
    for banks in (model.banks, getattr(model, "sound", {}))
    for bank in banks.values()
    if bank.anchors
]


@st.composite
def _long_bank_text(draw: st.DrawFn) -> tuple[Bank, str]:
    bank = draw(st.sampled_from(_ANCHORED))
    words = sorted(bank.anchors or ())
    other = sorted({a for b in _ANCHORED[:40] for a in b.anchors or ()})
    piece = st.one_of(
        st.sampled_from(words),
        st.sampled_from(other),
        st.sampled_from(["3", "十二", "，", "。", "的", "我", "了", "88", "元", "个群"]),
    )
    unit = "".join(draw(st.lists(piece, min_size=1, max_size=12)))
    return bank, unit * (NARROW_LENGTH // len(unit) + 1)


@settings(max_examples=150, deadline=None)
@given(_long_bank_text(), st.booleans())
def test_a_long_text_finds_the_hits_of_the_full_union(
    case: tuple[Bank, str], overlapping: bool
) -> None:
    """A long text is scanned by a union of only the phrases one of whose anchors it holds
    (``Bank._scanner``): the same hits, overlapping or leftmost-longest, as the bank's full
    union."""
    bank, text = case
    assert len(text) >= NARROW_LENGTH
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(banks_module, "NARROW_LENGTH", len(text) + 1)
        plain = bank.found(text, overlapping)
    assert bank.found(text, overlapping) == plain
