"""The quick tests that let checkers skip most messages must never skip one the full path
would flag: each gate's "cannot match" is compared with the full path on random and
adversarial text, and the character-class gates with Unicode's tables over every code point."""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wxguard import Guard, Severity
from wxguard.families.format.checker import _LOUD, _MAYBE_LOUD, CAPS_LETTER, CAPS_RUN, MAYBE_EMOJI
from wxguard.families.links.extract import _MAYBE_LINK, extract_links, links_in
from wxguard.phrases import mixed as mixed_module
from wxguard.phrases.banks import Hit
from wxguard.phrases.joins import uncovered
from wxguard.phrases.mixed import mixed
from wxguard.text.emoji import emoji_spans
from wxguard.text.folding import fold_one_to_one
from wxguard.text.sound import syllable_chars
from wxguard.text.views import STUTTER, collapse

ALLOW_GUARD = Guard(select=["WX1"])
INDUCEMENT = Guard(select=["WX3"])
FRAME_GUARD = Guard(select=["WX1", "WX8"])
EVERY_CHAR = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)

_WORD = st.sampled_from(
    [
        "www",
        "a",
        "ex1",
        "baidu",
        "com",
        "cn",
        "中国",
        "例子",
        "https",
        "http",
        "ＷＷＷ",
        "1",
        "é",
        "б",
        "-",
    ]
)
_GAP = st.one_of(
    st.just(""), st.sampled_from([" ", "  ", "\t", "\u200b", "\u00ad", "\ufeff", "中"])
)
_DOT = st.one_of(
    st.just("."),
    st.sampled_from(
        [
            "点",
            "。",
            "丶",
            "·",
            "・",
            "•",
            " dot ",
            "[.]",
            "(点)",
            "【。】",
            "．",
            ":",
            "/",
            "://",
            "@",
            ",",
        ]
    ),
)
# Link-shaped text: words, gaps and dot forms in turn, so near-links are frequent.
LINKISH = st.lists(st.tuples(_WORD, _GAP, _DOT, _GAP).map("".join), min_size=1, max_size=5).map(
    "".join
)
SYMBOLISH = st.text(
    st.sampled_from(list("!！?？$￥★☆※@#%…。，、 a中😀🎉\u20e3\u2600©®™🇨🇳1*")), max_size=30
)
ANY = st.text(st.characters(codec=None, exclude_categories=("Cs",)), max_size=60)


def test_emoji_gate_holds_every_emoji_start() -> None:
    starts = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]")
    missing = [c for c in starts.findall(EVERY_CHAR) if MAYBE_EMOJI.match(c) is None]
    assert missing == []


def test_loud_gate_holds_every_loud_symbol() -> None:
    loud, maybe = regex.compile(rf"(?V1){_LOUD}"), re.compile(_MAYBE_LOUD)
    missing = [c for c in loud.findall(EVERY_CHAR) if maybe.match(c) is None]
    assert missing == []


@given(st.one_of(SYMBOLISH, ANY))
def test_format_gates_never_hide_a_match(text: str) -> None:
    if MAYBE_EMOJI.search(text) is None:
        assert emoji_spans(text) == []
    if CAPS_LETTER.search(text) is None:
        assert CAPS_RUN.search(text) is None
    checker = Guard(select=["WX604"])._checkers[0][0]
    if checker.maybe_symbols.search(text) is None:  # type: ignore[attr-defined]
        assert list(checker.symbols.finditer(text)) == []  # type: ignore[attr-defined]


@settings(max_examples=500)
@given(st.one_of(LINKISH, LINKISH, ANY))
def test_link_gate_agrees_with_the_full_extraction(text: str) -> None:
    folded = fold_one_to_one(text)
    full = links_in(text, folded)
    if _MAYBE_LINK.search(folded) is None:
        assert full == []
    assert extract_links(text, folded) == full


@given(st.text(st.sampled_from("aab中中 \n"), max_size=30) | ANY)
def test_collapse_is_the_stutter_substitution(sound: str) -> None:
    assert collapse(sound) == STUTTER.sub(r"\1", sound)


SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda t: Hit(t[0], t[0] + t[1], "b")),
    max_size=12,
)


@given(SPANS, SPANS)
def test_uncovered_is_the_pairwise_test(hits: list[Hit], cover: list[Hit]) -> None:
    naive = [h for h in hits if not any(c.start <= h.start and h.end <= c.end for c in cover)]
    assert uncovered(hits, cover) == naive


_SPANS = st.tuples(st.integers(0, 30), st.integers(1, 8)).map(
    lambda p: Hit(p[0], p[0] + p[1], "bank")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPANS, max_size=12), st.lists(_SPANS, max_size=12))
def test_unexempted_is_the_quadratic_definition(hits: list[Hit], exempt: list[Hit]) -> None:
    """The frame judge's exemption filter, sorted for long texts, keeps what the definition
    keeps: a hit not inside a strictly longer exemption."""
    from wxguard.frames import _unexempted

    expected = [
        h
        for h in hits
        if not any(
            e.start <= h.start and h.end <= e.end and e.end - e.start > h.end - h.start
            for e in exempt
        )
    ]
    assert _unexempted(hits, exempt) == expected


def test_compact_sizes_are_each_characters_compact_length() -> None:
    """The clause map places a long text's findings from ``compact_sizes``: it must say what
    ``compact`` of each character alone says, for every code point."""
    from wxguard.phrases.clauses import compact, compact_sizes

    chars = EVERY_CHAR + "".join(chr(cp) for cp in range(0xD800, 0xE000))
    assert list(compact_sizes(chars)) == [len(compact(c)) for c in chars]


def _views_one_by_one(text: str) -> tuple[str, str, str, str]:
    from wxguard.phrases.clauses import compact
    from wxguard.text.folding import fold
    from wxguard.text.views import sound_classes

    return fold_one_to_one(text), compact(text), fold(text), sound_classes(text)


def _views_at_once(text: str) -> tuple[str, str, str, str]:
    from wxguard.phrases.clauses import Clauses
    from wxguard.text.views import TextView

    view = TextView(text)
    return view.folded, Clauses(view).text, view.skeleton, view.sound


# Full stops between digits and not, characters that fold to several (①⑩㎏) or to none,
# the two characters the translation marks with, text outside the BMP and past the tables.
_VIEWED = "ban假证辦證①⑩㎏1２.．3。，！%_\x00\x01 \u200b\n😀𠀀\U000e0041\U000f0000"


@settings(max_examples=500)
@given(st.one_of(ANY, st.text(st.sampled_from(_VIEWED), max_size=40)))
@example("领0.5元红包，①号")
@example("3．5折")
@example("\x00\x01")
@example("")
def test_a_short_texts_views_from_one_translation_are_each_views_own(text: str) -> None:
    """``TextView`` makes a short text's folded, compact, skeleton and sound views from one
    ``str.translate``: each must be what its own function makes of the text."""
    assert _views_at_once(text) == _views_one_by_one(text)


def test_every_characters_views_from_one_translation_are_its_own() -> None:
    """The same for every code point, a thousand characters a text."""
    for i in range(0, len(EVERY_CHAR), 1000):
        text = EVERY_CHAR[i : i + 1000]
        assert _views_at_once(text) == _views_one_by_one(text), i


@given(ANY)
def test_the_clause_map_with_sizes_is_the_map_without(text: str) -> None:
    from wxguard.phrases.clauses import compact, compact_sizes
    from wxguard.text.views import BlockMap

    fast, slow = BlockMap(text, compact, compact_sizes), BlockMap(text, compact)
    for pos in range(len(compact(text))):
        assert fast.locate(pos) == slow.locate(pos)


@given(st.text(st.sampled_from("ban假证冰毒辦證😀𠀀 \x01xyz"), max_size=300))
def test_a_flat_map_answers_as_the_block_map(text: str) -> None:
    """A long text's pinyin windows map back through ``FlatMap`` (every offset at once):
    the same answer as a ``BlockMap`` for every position, and an IndexError past the end."""
    from wxguard.families.content.lexicon import _spelled_sizes
    from wxguard.text.sound import spell
    from wxguard.text.views import BlockMap, FlatMap

    blocks, flat = BlockMap(text, spell, _spelled_sizes), FlatMap(text, _spelled_sizes)
    size = len(spell(text))
    for pos in range(size):
        assert flat.locate(pos) == blocks.locate(pos)
    for made in (blocks, flat):
        with pytest.raises(IndexError):
            made.locate(size)


# Texts whose markers are sometimes farther apart than the clauses' near search reaches (64
# compact characters), so both the search and the bisection answer.
SPARSE_MARKS = st.lists(
    st.sampled_from(["好" * 70, "好" * 63, "好", "。", "，", "、", "1.5", "a b"]), max_size=8
).map("".join)


@given(st.one_of(ANY, st.text("。，、,.!?；好1a ", max_size=30), SPARSE_MARKS))
def test_clause_and_sentence_edges_are_the_nearest_markers(text: str) -> None:
    """Clause and sentence edges, found by a near search or bisected, are the nearest
    markers on each side as a walk over the compact text finds them."""
    from wxguard.phrases.clauses import STRONG, WEAK, Clauses

    clauses = Clauses(text)
    compact = clauses.text
    for pos in range(len(compact) + 1):
        before = [i for i in range(pos) if compact[i] in (STRONG, WEAK)]
        after = [i for i in range(pos, len(compact)) if compact[i] in (STRONG, WEAK)]
        assert clauses.clause_start(pos) == (before[-1] + 1 if before else 0)
        assert clauses.clause_end(pos) == (after[0] if after else len(compact))
        before = [i for i in range(pos) if compact[i] == STRONG]
        after = [i for i in range(pos, len(compact)) if compact[i] == STRONG]
        assert clauses.sentence_start(pos) == (before[-1] + 1 if before else 0)
        assert clauses.sentence_end(pos) == (after[0] if after else len(compact))


@given(st.one_of(ANY, st.text("。，、,.!?；好1a ", max_size=30), SPARSE_MARKS), st.data())
def test_breaks_count_the_markers_between(text: str, data: st.DataObject) -> None:
    """``breaks`` (counted in the text over a short span, bisected over a long one) is the
    number of sentence ends and clause breaks in ``[start, end)``, in a view read by sound
    too (its table leaves the markers as they are)."""
    from wxguard.phrases.clauses import STRONG, WEAK, Clauses
    from wxguard.text.sound import syllable_table

    clauses = Clauses(text)
    compact = clauses.text
    for view in (clauses, clauses.respelled(syllable_table())):
        for _ in range(10):
            start = data.draw(st.integers(0, len(compact) + 2))
            end = data.draw(st.integers(0, len(compact) + 2))
            assert view.breaks(start, end) == (
                compact[start:end].count(STRONG),
                compact[start:end].count(WEAK),
            )


@given(st.one_of(ANY, st.text("1２.．。, 😀𝐀\u200b_%a中", max_size=30)), st.data())
def test_compact_positions_are_the_compacted_stretches(text: str, data: st.DataObject) -> None:
    """The frame judge places findings in the compact view by counting ``compact_sizes``;
    its definition compacts the text before each point (a decimal point's neighbours
    included)."""
    from wxguard.frames import _compact_positions
    from wxguard.phrases.clauses import compact

    points = data.draw(st.sets(st.integers(0, len(text))))
    assert _compact_positions(text, points) == {p: len(compact(text[:p])) for p in points}


@given(st.lists(_SPANS, max_size=16), _SPANS)
def test_disjoint_overlaps_is_the_pairwise_test(spans: list[Hit], probe: Hit) -> None:
    """Spans kept only when they overlap none kept before: the bisection answers as a pass
    over every kept one does."""
    from wxguard.phrases.joins import Disjoint

    kept: list[Hit] = []
    disjoint = Disjoint()
    for s in [*spans, probe]:
        naive = any(k.start < s.end and s.start < k.end for k in kept)
        assert disjoint.overlaps(s.start, s.end) == naive
        if not naive:
            kept.append(s)
            disjoint.add(s.start, s.end)


@given(st.lists(_SPANS, max_size=12), st.integers(0, 40), st.integers(0, 40))
def test_spans_answer_as_the_pairwise_tests(hits: list[Hit], begin: int, end: int) -> None:
    from wxguard.phrases.joins import Spans

    hits = sorted(hits, key=lambda h: (h.start, -h.end))
    spans = Spans(hits)
    assert spans.inside_from(begin, end) == any(begin <= h.start and h.end <= end for h in hits)
    assert spans.overlaps(begin, end) == any(h.start < end and begin < h.end for h in hits)


_ALLOWED = [
    line
    for line in (Path(__file__).parents[1] / "wordlists" / "allow.txt")
    .read_text("utf-8")
    .splitlines()
    if line and not line.startswith("#")
]
_ALLOW_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_ALLOWED),
        st.sampled_from(["口交", "交通", "援交", "毒品", "冰毒", "a", "1", "。"]),
        st.sampled_from(["\u200b", " ", "★", "-", "Ｋ", "ｋ", "臺", "口口", "交交"]),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_ALLOW_TEXT, st.data())
def test_the_allow_prefilter_never_hides_an_allowed_phrase(text: str, data: st.DataObject) -> None:
    """A hit's window is scanned for allowed phrases only where the message's skeleton holds a
    character one can start with: the answer is the full scan's, for any span."""
    from wxguard.families.content.judge import Judge
    from wxguard.text.views import TextView

    lexicon = ALLOW_GUARD._checkers[0][0].lexicon  # type: ignore[attr-defined]
    judge = Judge(lexicon, TextView(text))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))

    def full_scan() -> bool:
        reach = lexicon.allow_reach
        lo = max(0, start - reach)
        window = TextView(text[lo : min(len(text), end + reach)])
        inner = Judge(lexicon, window)
        for cand in lexicon.allow_hits(window):
            for pattern in cand.patterns:
                placed = inner.place(cand, pattern)
                if placed is not None and placed.exact:
                    a = lo + window.orig_of_skeleton(placed.positions[0])
                    b = lo + window.orig_of_skeleton(placed.positions[-1]) + 1
                    if a <= start and b >= end:
                        return True
        return False

    assert judge._allowed_phrase(start, end) == full_scan()


_FRAME_PIECES = st.sampled_from(
    [
        *["冰毒", "毒品", "出售冰毒", "吸毒", "赌博", "代开发票"],  # findings
        *["不要", "别", "严禁", "谨防", "举报", "被抓获", "小说", "不是", "没有"],  # cues
        *["加我", "私聊", "13800138000", "微信abc_123", "5元一克", "包邮", "有货", "出售", "卖"],
        *["报警", "派出所", "《", "》", "提醒", "有人", "的", "在", "在在在在", "在在在在在在在在"],
        *["【新闻】", "新闻", "【", "】"],
        *["，", "，", "。", "！", "\n", " ", "：", "、"],
    ]
)


def _reference_frame(reading: Any, f: Any, severity: Any) -> Any:
    """The judge before long texts: every framing cue of the finding's window listed."""
    from wxguard.families.base import Frame

    at = reading.positions()
    start, end = at[f.start], at[f.end]
    if end <= start:
        return None
    clauses = reading.clauses
    found: dict[str, list[tuple[int, int]]] = {}
    direct: set[str] = set()
    for cue in reading.model.cues:
        if f.rule in cue.skip:
            continue
        if cue.reach == "clause":
            lo, hi = clauses.clause_start(start), clauses.clause_end(end - 1)
        else:
            lo, hi = clauses.sentence_start(start), clauses.sentence_end(end - 1)
            for _ in range(cue.next):
                if hi < len(clauses.text):
                    hi = clauses.sentence_end(hi + 1)
            for _ in range(cue.previous):
                if lo > 0:
                    lo = clauses.sentence_start(lo - 1)
        spans = [
            (h[0], h[1])
            for h in reading.within(cue.bank, lo, hi)
            if not (h[0] < end and start < h[1])
            and not (cue.before and h[1] > start)
            and not (cue.gap is not None and start - h[1] > cue.gap)
        ]
        if any(a >= reading.tag for a, _ in spans):  # told in the sentence, not by a tag
            direct.add(cue.kind)
        if cue.title and reading.heading and start >= reading.heading:
            spans += [(h[0], h[1]) for h in reading.within(cue.bank, 0, reading.heading)]
        found.setdefault(cue.kind, []).extend(spans)
    title = reading.quoted(f) if reading.model.quoted is not None else None
    if title is not None:
        found.setdefault(reading.model.quoted, []).append(title[0])
        direct.add(reading.model.quoted)
    kinds = reading.model.kinds
    framing = sorted((kinds[k] for k, s in found.items() if s), key=lambda k: k.severity.rank)
    for kind in framing:
        if kind.severity.rank >= severity.rank:
            break
        spans = found[kind.name]
        sentence = clauses.sentence_start(start), clauses.sentence_end(end - 1)
        governing = {clauses.clause_start(a) for a, _ in spans} | {
            clauses.clause_start(h[0])  # a prohibition governs its own clause
            for cue in reading.model.cues
            if cue.kind == kind.name and cue.reach == "clause" and f.rule not in cue.skip
            for h in reading.hits(cue.bank)[0]
        }
        defeated = False
        for bank in kind.defeated_by:
            if bank in kind.told and kind.name in direct:
                continue
            whole = reading.model.banks[bank].options.get("scope") == "message"
            lo, hi = (0, len(clauses.text)) if whole else sentence
            for hit in reading.within(bank, lo, hi):
                clause = clauses.clause_start(hit[0])
                if bank in kind.governed and (clause in governing or reading.cited(hit)):
                    continue  # a quoted offer is cited (警惕“出售冰毒”的信息)
                if bank in ("channel", "contact") and reading.official(
                    clause, clauses.clause_end(hit[0])
                ):
                    continue
                defeated = True
                break
            if defeated:
                break
        if defeated:
            continue
        nearest = min(spans, key=lambda span: max(span[0] - end, start - span[1], 0))
        lo, hi = (
            title[1] if title is not None and nearest == title[0] else clauses.original(*nearest)
        )
        return Frame(kind.name, reading.original[lo:hi], kind.severity)
    return None


@settings(max_examples=600, deadline=None)
@given(st.lists(_FRAME_PIECES, max_size=40).map("".join))
@example("不是《冰毒》")  # negation and report tie on severity; a quiet cue changed the pick
@example("冰毒《有货》，严禁")  # an offer inside 《…》 is cited, not made
def test_the_frame_judge_answers_as_listing_every_cue(text: str) -> None:
    """Cues found by bisection near each finding (linear on a long sentence) frame each
    finding as listing every cue of its window does."""
    from wxguard.frames import _Reading
    from wxguard.text.views import TextView

    judge = FRAME_GUARD._frames  # type: ignore[attr-defined]
    view = TextView(text)
    findings = [
        f
        for checker, _ in FRAME_GUARD._checkers  # type: ignore[attr-defined]
        for f in checker.check(_context(text, view))
    ]
    if not findings:
        return
    reading = _Reading(judge.model, view, findings)
    for f in findings:
        for severity in Severity:
            assert reading.frame(f, severity) == _reference_frame(reading, f, severity), f


def _context(text: str, view: Any) -> Any:
    from wxguard import Message
    from wxguard.families.base import CheckContext

    return CheckContext(message=Message(text=text), view=view, config=FRAME_GUARD.config)


_SEGMENT_TEXT = st.lists(
    st.sampled_from(
        [
            *[
                "消毒",
                "品牌",
                "毒品",
                "言情",
                "小说",
                "冰毒",
                "出售",
                "中国",
                "人民",
                "银行",
                "態度",
            ],
            *["消", "毒", "品", "好", "的", "臺", "獨", "ab", "A", "12", "x9", "c++", "\r\n", "\r"],
            *["\n", " ", "》", "《", "，", "\u200b", "-", "._", "Ｋ"],
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_SEGMENT_TEXT, st.data())
def test_word_edges_answer_as_jiebas_cut(text: str, data: st.DataObject) -> None:
    """``straddles`` and ``in_words`` skip jieba's cut when no token can cross the edges they
    ask about: the answer is the one the cut gives, for any span and positions."""
    from wxguard.text import segment

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    positions = data.draw(st.lists(st.integers(start, max(start, end - 1)), max_size=3))
    positions = [p for p in positions if p < len(text)]
    lo, window = segment._window(text, start, end)
    words = list(segment._words(lo, window))
    across = any((a < start < b or a < end < b) and not (a <= start and b >= end) for a, b in words)
    inside = any(a <= p < b for p in positions for a, b in words)
    assert segment.straddles(text, start, end) == across
    assert segment.in_words(text, start, end, positions) == inside


@settings(max_examples=100, deadline=None)
@given(_ALLOW_TEXT, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 6)), max_size=8))
def test_remembered_allow_windows_answer_as_a_fresh_scan(
    text: str, spans: list[tuple[int, int]]
) -> None:
    """A long text repeating a phrase asks ``_allowed_phrase`` the same window again and
    again, and the answer is remembered (in a bounded memory): every answer, asked twice and
    after the memory is full, is the one a fresh judge gives."""
    from wxguard.families.content import judge as judging
    from wxguard.text.views import TextView

    lexicon = ALLOW_GUARD._checkers[0][0].lexicon  # type: ignore[attr-defined]
    repeated = text * 4
    judge = judging.Judge(lexicon, TextView(repeated))
    asked = [(min(a, len(repeated)), min(a + n, len(repeated))) for a, n in spans]
    asked += [(a + len(text), b + len(text)) for a, b in asked if b + len(text) <= len(repeated)]
    for start, end in asked * 2:
        fresh = judging.Judge(lexicon, TextView(repeated))._allowed_phrase(start, end)
        assert judge._allowed_phrase(start, end) == fresh
    assert len(judge._allow_seen) <= judging.ALLOW_MEMO


@given(st.one_of(ANY, st.text(st.sampled_from("分享到3个群，。！转发红包 ★"), max_size=30)))
def test_clause_spans_map_back_as_the_block_map_says(text: str) -> None:
    """A text whose every character stays one character in the clause view maps back without
    the block map: the spans are the map's."""
    from wxguard.phrases.clauses import Clauses, compact
    from wxguard.text.views import BlockMap

    clauses = Clauses(text)
    slow = BlockMap(text, compact)
    for start in range(len(clauses.text)):
        for end in (start + 1, len(clauses.text)):
            expected = slow.source_index(start), slow.source_index(end - 1) + 1
            assert clauses.original(start, end) == expected


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(
            ANY, st.sampled_from(["0.5元", "１．５", "a\u200b", "😀", "转fa到wu个群", "。，"])
        ),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(bool)
)
def test_a_long_texts_clause_spans_map_back_as_the_block_map_says(piece: str) -> None:
    """A long text maps clause positions back through one array of source indices, not the
    block map: the same place for every position."""
    from wxguard.phrases.clauses import Clauses, compact
    from wxguard.text.views import ARRAY_THRESHOLD, BlockMap

    text = piece * (ARRAY_THRESHOLD // len(piece) + 1)
    clauses = Clauses(text)
    slow = BlockMap(text, compact)
    size = len(clauses.text)
    for start in range(size):
        end = min(start + 1 + start % 7, size)
        expected = slow.source_index(start), slow.source_index(end - 1) + 1
        assert clauses.original(start, end) == expected


def test_remembered_messages_are_the_rules_own() -> None:
    """A finding's message is remembered by rule, language, variant and fields: each is the
    one the catalog formats afresh, in both languages, with catalog words and variants, and
    a field that cannot be remembered is formatted all the same."""
    from wxguard.catalog import catalog
    from wxguard.config import GuardConfig
    from wxguard.families.base import Finding

    rule = catalog().by_code["WX104"]
    word = next(iter(catalog().by_code["WX301"].variants.values()), None)
    cases: list[dict[str, object]] = [
        {"term": "冰毒", "category": "drugs"},
        {"term": "冰毒", "category": "毒品"},
        {"term": ["unhashable"], "category": "drugs"},
    ]
    if word is not None:
        cases.append({"term": word, "category": "drugs"})
    for lang in ("zh", "en", "zh"):
        config = GuardConfig(lang=lang)  # type: ignore[arg-type]
        for fields in cases:
            for variant in (None, *rule.variants):
                finding = Finding("WX104", 0, 2, fields=fields, variant=variant)
                made = finding.violation("冰毒", config)
                assert made.message == rule.message(lang, variant, **fields)


def _line_of_by_find(text: str, raw: str) -> int | None:
    """Where errors used to say a value is written: a find per form, lines counted."""
    for written in (f'"{raw}"', f"'{raw}'", raw):
        i = text.find(written)
        if i >= 0:
            return text.count("\n", 0, i) + 1
    return None


_TOML_PIECE = st.sampled_from(['"', "'", "\n", "a", "转发", " = ", "[", "]", ",", '""', "#"])


@given(
    st.lists(_TOML_PIECE, max_size=40).map("".join),
    st.lists(_TOML_PIECE, max_size=4).map("".join),
)
@settings(max_examples=2000)
def test_toml_line_of_matches_a_find_per_value(text: str, raw: str) -> None:
    from wxguard.resources import TomlFile

    toml = TomlFile({}, text, "x.toml")
    assert toml.line_of(raw) == _line_of_by_find(text, raw)
    assert toml.line_of(raw) == _line_of_by_find(text, raw)  # and again, from the index
    for word in ("a", "转发", "", "a a"):
        assert toml.line_of(word) == _line_of_by_find(text, word)


def _trade_pieces() -> list[str]:
    """Every anchor of the trade banks, respelled by sound (婇 for 彩) and with digits, a
    phone number, a link, a space and the clause marks, so joins (and near misses) abound."""
    from wxguard.families.content.trade import trade_model

    model = trade_model(())
    anchors = sorted({a for bank in model.exact.values() for a in bank.anchors or ()})
    return [
        *anchors,
        "婇",
        "铳植",
        "網止",
        "餸",
        "8",
        "100",
        "13812345678",
        "www",
        " ",
        "，",
        "。",
        "%",
    ]


_TRADE_TEXT = st.lists(st.sampled_from(_trade_pieces()), max_size=10).map("".join)


@given(_TRADE_TEXT)
@settings(max_examples=3000)
def test_the_trade_gate_never_hides_an_offer(text: str) -> None:
    """A message the gate turns away holds no join: the gate asks for a product's anchor and
    an anchor of what it joins, in the sound view, where the joins run on the clause view."""
    from wxguard.families.content.trade import _offers, trade_model
    from wxguard.phrases.clauses import Clauses
    from wxguard.text.views import TextView

    model = trade_model(())
    view = TextView(text)
    if not model.gate.possible(view.sound):
        assert _offers(model, text, Clauses.of(view)) == []


@given(_TRADE_TEXT)
@settings(max_examples=2000)
def test_a_text_the_exact_trade_test_turns_away_has_no_join(text: str) -> None:
    from wxguard.families.content.trade import trade_model
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.joins import find_joins
    from wxguard.text.sound import syllable_table

    model = trade_model(())
    sound = Clauses(text).respelled(syllable_table())
    if not model.joinable.possible(sound.text):
        assert find_joins(sound, model.sound, model.combines, model.alones) == []


@given(_TRADE_TEXT)
@settings(max_examples=3000)
def test_a_text_the_trade_regex_test_turns_away_has_no_join(text: str) -> None:
    """``matched`` asks the banks' own regexes: a text it turns away holds no join, and the
    joins it lets through are those ``find_joins`` finds (the trade path skips the joins of
    a text it turns away)."""
    from wxguard.families.content.trade import trade_model
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.joins import find_joins
    from wxguard.text.sound import syllable_table

    model = trade_model(())
    sound = Clauses(text).respelled(syllable_table())
    if not model.joinable.matched(sound.text):
        assert find_joins(sound, model.sound, model.combines, model.alones) == []


def _inducement_pieces() -> list[str]:
    """Every anchor of the inducement banks, with counts, digits, a space and the clause
    marks, so that joins (and near misses) abound."""
    from wxguard.families.inducement.model import inducement_model

    model = inducement_model(())
    anchors = sorted({a for bank in model.banks.values() for a in bank.anchors or ()})
    return [*anchors, "3个", "10元", "8", " ", "，", "。", "!"]


@given(st.lists(st.sampled_from(_inducement_pieces()), max_size=10).map("".join))
@settings(max_examples=3000)
# A reward (领, 红包) and a sharing action (转发到朋友圈), each only through its bank's regex.
@example("转发到朋友圈领10元红包")
def test_a_text_the_inducement_gate_turns_away_has_no_join(text: str) -> None:
    """WX3 looks for joins only where ``JoinGate.matched`` lets a text through (and its
    batch screen asks the same): a text it turns away holds none."""
    from wxguard.families.inducement.model import inducement_model
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.joins import find_joins

    model = inducement_model(())
    clauses = Clauses(text)
    if not _inducement_gate().matched(clauses.text):
        assert find_joins(clauses, model.banks, model.combines, model.alones) == []


@functools.cache
def _inducement_gate() -> Any:
    from wxguard.families.inducement.model import inducement_model
    from wxguard.phrases.gate import JoinGate

    model = inducement_model(())
    return JoinGate(model.banks, model.combines, model.alones)


def _ad_pieces() -> list[str]:
    """Every literal the advertising scanner looks for, with digits, a phone number, a label
    and brackets, so that signals of every bank (and their rejects and cancels) abound."""
    from wxguard.families.advertising.model import advertising_model

    automaton = advertising_model().scanner.automaton
    return [*sorted(automaton.keys()), "5", "99", "13812345678", "【", "】", "广告", "，", " "]


@given(st.lists(st.sampled_from(_ad_pieces()), max_size=12).map("".join), st.sampled_from([1, 4]))
@settings(max_examples=3000)
# Anchors that wake patterns which do not match (元, 点, 【), beside a label only its gate
# finds: the regexes asked turn the woken banks away, the gate's bank still counts.
@example("发ＡＢｃ博元享级家【广告】点：1）和汽车站在一个院子内，出行便利退订回T", 4)
# A review's words (negative weights) beside a price and a call to buy.
@example("质量不错，价格便宜，下次还来买。原价199现价99元，欢迎选购", 4)
def test_a_text_the_ceiling_turns_away_scores_below_the_threshold(
    text: str, threshold: float
) -> None:
    from wxguard.families.advertising.model import advertising_model
    from wxguard.text.folding import fold_one_to_one

    model = advertising_model()
    view = fold_one_to_one(text)
    if not model.may_reach(view, threshold):
        assert model.evidence(view).score < threshold


@pytest.mark.filterwarnings("ignore::FutureWarning")  # re's parser on "[[" (a nested set)
@given(st.text(alphabet="分享ab .^$*+?{}[]()|\\#-1", max_size=8))
@settings(max_examples=3000)
@example("(?a)")  # a flag (ASCII, ignore case) changes what the literal matches: none
def test_literal_of_answers_as_the_regex_parser(source: str) -> None:
    """A source without metacharacters is taken as its own literal, unparsed: the same
    answer as reading the parsed pattern."""
    import re as stdlib_re
    from re import _constants, _parser  # type: ignore[attr-defined]

    from wxguard.text.quickregex import literal_of

    try:
        parsed = _parser.parse(source)
    except stdlib_re.error:
        expected = None
    else:
        only_literals = not parsed.state.flags & ~stdlib_re.UNICODE and all(
            op is _constants.LITERAL for op, _ in parsed
        )
        expected = "".join(chr(a) for _, a in parsed) if only_literals else None
    assert literal_of(source) == expected


def _family_banks() -> list[dict[str, Any]]:
    from wxguard.config import GuardConfig
    from wxguard.families.content.trade import trade_model
    from wxguard.families.inducement.model import inducement_model
    from wxguard.families.scams.model import scams_model

    phrases = GuardConfig().phrases
    return [
        inducement_model(phrases).banks,
        trade_model(phrases).sound,
        trade_model(phrases).exact,
        scams_model(phrases).banks,
    ]


_FAMILY_BANKS = _family_banks()
_ANCHORS = sorted({a for banks in _FAMILY_BANKS for b in banks.values() for a in b.anchors or ()})


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, len(_FAMILY_BANKS) - 1),
    st.lists(
        st.one_of(st.sampled_from(_ANCHORS), st.sampled_from(list("的了，。1a 红包转发"))),
        max_size=24,
    ).map("".join),
)
def test_the_bank_index_names_the_banks_whose_anchors_occur(family: int, text: str) -> None:
    """One pass of the index answers for every bank as its own anchor search does, so the
    joins skip exactly the banks that have no hit."""
    from wxguard.phrases.banks import bank_index
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.joins import _Message

    banks = _FAMILY_BANKS[family]
    index = bank_index(banks)
    present = index.scan(text)
    for name, bank in banks.items():
        bit = index.bits.get(name)
        if bank.anchors:
            assert bit is not None
            assert bool(present & bit) == any(a in text for a in bank.anchors), name
        else:
            assert bit is None, name
    msg = _Message(Clauses(text), banks)
    for name, bank in banks.items():
        for overlapping in (True, False):
            assert msg.raw(name, overlapping) == bank.hits(msg.clauses.text, overlapping), name


def test_a_repeated_clause_is_cut_by_jieba_once(monkeypatch: Any) -> None:
    """Word edges depend only on the characters around a span, so a text that repeats one
    clause (a long warning, a template sent to many groups) asks jieba once per window, not
    once per finding."""
    from wxguard.text import segment

    tokenizer = segment._jieba()
    cuts: list[str] = []
    real = tokenizer.cut

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        cuts.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(tokenizer, "cut", counting)
    text = "消毒品牌，" * 200
    edges = [segment.straddles(text, i + 1, i + 3) for i in range(0, len(text), 5)]
    assert all(edges)  # 消毒 and 品牌 cross the edges of 毒品 in every copy
    assert len(cuts) <= 5  # the windows at the start and the end, and the one in between


# Grid pieces: a column offer pasted into one run or written as lines, the joining letter,
# a capital I with a dot (its lower case is two characters long) and plain Chinese text.
_GRID_PIECES = [
    "办货保证到留刻付备章款用",
    "办货保\n证到留\n刻付备\n章款用",
    "ᚠ",
    "İ",
    "今天天气很好我们去公园散步",
]
_TRADE_BATCH = st.lists(
    st.lists(st.sampled_from(_trade_pieces() + _GRID_PIECES), max_size=8).map("".join),
    max_size=10,
)


@given(_TRADE_BATCH)
@settings(max_examples=500, deadline=None)
def test_the_trade_screen_of_a_batch_is_the_gate_of_each_message(texts: list[str]) -> None:
    """The gate and the grid test asked of a batch at once pick the messages that each
    asked alone would (``check_many`` relies on it)."""
    from wxguard.families.content.trade import trade_model, trade_possible, trade_screen
    from wxguard.phrases.batch import Batch
    from wxguard.text.views import TextView

    model = trade_model(())
    expected = {i for i, t in enumerate(texts) if trade_possible(model, TextView(t))}
    assert trade_screen(model, Batch(texts), set()) == expected
    assert trade_screen(model, Batch(texts), {0}) == expected - {0}


@given(
    st.lists(st.lists(st.sampled_from([*_ad_pieces(), "ᚠ"]), max_size=8).map("".join), max_size=10),
    st.sampled_from([1, 4]),
)
@settings(max_examples=500, deadline=None)
@example(["ᚠ全场5折，原价199现价99元，欢迎选购，电话13812345678", ""], 4)  # ᚠ in a message
def test_the_ceiling_of_a_batch_is_the_ceiling_of_each_message(
    texts: list[str], threshold: float
) -> None:
    from wxguard.families.advertising.model import advertising_model
    from wxguard.phrases.batch import Batch
    from wxguard.text.folding import fold_one_to_one

    ceiling = advertising_model().ceiling
    batch = Batch(texts)
    expected = {i for i, t in enumerate(texts) if ceiling.may_reach(fold_one_to_one(t), threshold)}
    assert ceiling.screen(batch.folded, batch.starts, threshold) == expected


_SYMBOL_CHARS = st.sampled_from(["a", "b", "中", "文", "ᚠ", "\x00", "\x01", "Ā", "😀"])


@given(
    st.lists(st.text(_SYMBOL_CHARS, min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(_SYMBOL_CHARS, max_size=30),
)
@settings(max_examples=1000, deadline=None)
def test_literals_in_symbols_are_found_where_the_literals_are(
    literals: list[str], text: str
) -> None:
    """Written as symbols of small alphabets, literals and text give the automaton the same
    matches, in number and kind, as written plainly (the symbols' own characters, the
    joining letter and characters beyond the BMP included)."""
    from collections import Counter

    from wxguard.families.advertising.model import Symbols
    from wxguard.phrases.banks import mask_automaton

    keys = {k: 1 << i for i, k in enumerate(dict.fromkeys(literals))}
    symbols = Symbols(keys, width=2)  # narrow: the first symbols of many characters
    plain = mask_automaton(keys)
    coded = mask_automaton({symbols.encode(k): m for k, m in keys.items()})
    assert Counter(m for _, m in coded.iter(symbols.encode(text))) == Counter(
        m for _, m in plain.iter(text)
    )


def test_an_offer_a_term_marks_already_is_placed_but_never_named(monkeypatch: Any) -> None:
    """《出售冰毒》 × n: every offer stands where the word list's 冰毒 marks it, so none is
    made into a finding (naming its parts and the products listed with it was most of a
    dense text's time); an offer standing alone still is."""
    from wxguard.families.content import trade

    made: list[object] = []
    real = trade._finding

    def counted(*args: Any) -> Any:
        made.append(args[1])
        return real(*args)

    monkeypatch.setattr(trade, "_finding", counted)
    guard = Guard(select=["WX1"])
    titles = guard.check("《出售冰毒》 " * 50)
    assert titles.violations and made == []
    alone = guard.check("出售枪支，量大从优，加微信abc_123")
    assert any(v.rule == "WX105" for v in alone.violations) and made


def test_an_offer_a_term_marks_already_is_never_placed(monkeypatch: Any) -> None:
    """《出售冰毒》 × n: the word list's 冰毒 stands inside every join, so no offer's place
    (the products listed with it, up to twelve either way, and its contact) is worked out;
    an offer standing alone still is."""
    from wxguard.families.content import trade

    placed: list[object] = []
    real = trade._place

    def counted(*args: Any) -> Any:
        placed.append(args[1])
        return real(*args)

    monkeypatch.setattr(trade, "_place", counted)
    guard = Guard(select=["WX1"])
    titles = guard.check("《出售冰毒》 " * 50)
    assert titles.violations and placed == []
    alone = guard.check("出售枪支，量大从优，加微信abc_123")
    assert any(v.rule == "WX105" for v in alone.violations) and placed


_MARKED_TEXT = st.lists(
    st.sampled_from(
        [
            *_trade_pieces(),
            "冰毒",
            "枪支",
            "代开发票",
            "代开",
            "百家乐",
            "荷官",
            "发票保真",
            "刻公章",
            "推油",
            "验后付款",
            "《",
            "》",
            "\n",
        ]
    ),
    max_size=12,
).map("".join)


@given(_MARKED_TEXT)
@settings(max_examples=1500)
@example("《出售冰毒》 《出售冰毒》 出售枪支弹药，加微信abc_123")
@example("出售冰毒枪支\n代开发票\n加微信\nabc_123")
@example("验后付款，可开发票，加微信abc_123")  # a review term hides no offer with a contact
def test_joins_a_term_marks_are_dropped_as_their_places_would_be(text: str) -> None:
    """Dropping a join a term of its rule overlaps before placing it (and before judging
    it, where it overlaps no other join of its rule) gives the report that judging and
    placing every join and dropping the places a term overlaps gives."""
    from wxguard.families.content import trade

    quick = ALLOW_GUARD.check(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trade, "_marked", lambda *_, **__: False)
        slow = ALLOW_GUARD.check(text)
    assert quick == slow


def test_a_join_a_term_marks_is_never_built(monkeypatch: Any) -> None:
    """《出售冰毒》 × n: the word list's 冰毒 stands on every sale, and no join of its rule
    that was built stands near one, so no join is built (each was built, then dropped)."""
    from wxguard.phrases import joins

    built: list[object] = []
    real = joins._join

    def counted(*args: Any) -> Any:
        built.append(args[2])
        return real(*args)

    monkeypatch.setattr(joins, "_join", counted)
    guard = Guard(select=["WX1"])
    assert guard.check("《出售冰毒》 " * 50).violations and built == []
    assert guard.check("出售枪支，量大从优，加微信abc_123").violations and built


@given(_MARKED_TEXT)
@settings(max_examples=1000)
@example("真人荷官六合图纸抵制烟叶子存款秒充多存多返你裸体照片")
@example("体育博彩老品牌各类证书我现在就开码月入上万网吧包夜家长信息qiang支存多少赠多少大批有货")
@example("《出售冰毒》 《出售冰毒》 出售枪支弹药，加微信abc_123")
def test_joins_set_aside_for_a_term_are_built_where_they_may_compete(text: str) -> None:
    """An action a term of its rule marks has its join built only where a join of that
    rule that was built may stand within its reach: the report is the one building every
    join gives."""
    from wxguard.phrases import joins

    quick = ALLOW_GUARD.check(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(joins, "_needed", lambda deferred, setups, found: list(deferred))
        slow = ALLOW_GUARD.check(text)
    assert quick == slow


@given(_MARKED_TEXT)
@settings(max_examples=300)
@example("出售冰毒枪支弹药 出售冰毒")
def test_a_leftmost_reading_taken_from_the_overlapping_hits_is_the_banks_own(text: str) -> None:
    """The joins take a bank's leftmost-longest hits from its overlapping ones (the same
    objects, one scan of the text) where every match holds an anchor and every hit counts:
    the reading must be the bank's own, on the text as written and respelled by sound."""
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.joins import _leftmost, _unique
    from wxguard.text.sound import syllable_table

    model: Any = ALLOW_GUARD._checkers[0][0].trade
    clauses = Clauses(text)
    for banks, view in (
        (model.exact, clauses.text),
        (model.sound, clauses.respelled(syllable_table()).text),
    ):
        for bank in banks.values():
            if _unique(bank):
                assert _leftmost(bank.hits(view)) == bank.hits(view, overlapping=False)


def test_defeaters_after_the_one_that_defeats_are_never_read(monkeypatch: Any) -> None:
    """严禁出售冰毒，加微信abc_123: the contact defeats the prohibition, so the defeaters listed
    after it (price, offer, sale, contrast: each a bank read over the whole text) are never
    read; reading them all once per message made this input's judge a third slower."""
    from wxguard import frames

    read: set[str] = set()
    real = frames._Reading.hits

    def counted(self: Any, bank: str) -> Any:
        read.add(bank)
        return real(self, bank)

    monkeypatch.setattr(frames._Reading, "hits", counted)
    report = Guard(select=["WX1"]).check("严禁出售冰毒，加微信abc_123 " * 20)
    assert report.violations and all(v.frame is None for v in report.violations)
    assert "contact" in read and not read & {"price", "offer", "sale", "contrast"}


# Pinyin typed among characters, with the clause noise and letters around it that move the
# clause view's positions away from the message's.
PINYIN_MIXED = st.lists(
    st.sampled_from(
        ["转", "fa", "到", "wu", "个群", "，", " ", "jie", "图", "领", "hong", "包", "。"]
    )
    | st.sampled_from(["kan", "一刀", "iPhone", "x", "★", "3", "zhuanfa", "😀"]),
    max_size=14,
).map("".join)


def _widened_by_walk(mix: Any, start: int, end: int) -> tuple[int, int]:
    """A span of the message grown over every pinyin run it reaches into, run by run."""
    for r0, r1 in mix.runs:
        if r0 < end and start < r1:
            start, end = min(start, r0), max(end, r1)
    return start, end


def _touches_by_walk(mix: Any, start: int, end: int) -> bool:
    return any(r0 < end and start < r1 for r0, r1 in mix.runs)


def _open_ended_by_walk(mix: Any, start: int, end: int) -> bool:
    """The span ends on a run of one syllable."""
    return any(
        r0 < end <= r1 and start < r1 and n == 1
        for (r0, r1), n in zip(mix.runs, mix.syllables, strict=True)
    )


@given(PINYIN_MIXED)
def test_spelt_spans_are_those_the_clause_map_places_in_a_run(text: str) -> None:
    """A join counts as spelt in pinyin when the clause view's map puts its span (or one of
    its characters) on a run, and as open-ended when it ends on a run of one syllable, and
    its place in the message grows over the runs it reaches into; ``Spelt`` counts where
    each run's characters stand once and answers in the clause view, the same for every
    span, and marks each character a run wrote (``chars``)."""
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.mixed import Spelt, mixed
    from wxguard.text.folding import fold_one_to_one

    mix = mixed(text, fold_one_to_one(text))
    if mix is None:
        return
    plain = Clauses(mix.text)
    spelt = Spelt(mix)
    for start in range(len(plain.text)):
        for end in range(start + 1, len(plain.text) + 1):
            span = plain.original(start, end)
            assert spelt.touches(start, end) == _touches_by_walk(mix, *span)
            assert spelt.open_ended(end) == _open_ended_by_walk(mix, *span)
            assert spelt.placed(start, end) == _widened_by_walk(mix, *span)
        written = start < len(spelt.chars) and spelt.chars[start] == 1
        assert written == _touches_by_walk(mix, *plain.original(start, start + 1))


@settings(max_examples=20)
@given(PINYIN_MIXED.filter(lambda t: len(t) > 4), st.data())
def test_a_long_texts_spelt_spans_are_placed_as_by_a_walk(text: str, data: st.DataObject) -> None:
    """A text long enough for the numpy map (``Spelt._at``) places its spans, grown over the
    runs, as the walk over every run does."""
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.mixed import Spelt, mixed
    from wxguard.text.folding import fold_one_to_one
    from wxguard.text.views import ARRAY_THRESHOLD

    text = text * (ARRAY_THRESHOLD // len(text) + 1)
    mix = mixed(text, fold_one_to_one(text))
    if mix is None:
        return
    plain = Clauses(mix.text)
    spelt = Spelt(mix)
    size = len(plain.text)
    for _ in range(20):
        start = data.draw(st.integers(0, size - 1))
        end = data.draw(st.integers(start + 1, min(size, start + 30)))
        assert spelt.placed(start, end) == _widened_by_walk(mix, *plain.original(start, end))


@given(st.lists(PINYIN_MIXED, min_size=1, max_size=4).map("".join))
def test_spelt_counts_a_long_texts_runs_as_it_walks_a_short_ones(text: str) -> None:
    """``Spelt`` counts a long text's runs in numpy: the same map back, run ends and marks
    as walking them run by run."""
    from wxguard.phrases.mixed import mixed
    from wxguard.text.folding import fold_one_to_one

    mix = mixed(text, fold_one_to_one(text))
    if mix is None:
        return
    made = []
    with pytest.MonkeyPatch.context() as patch:
        for threshold in (0, 10**9):
            patch.setattr(mixed_module, "ARRAY_THRESHOLD", threshold)
            spelt = mixed_module.Spelt(mix)
            made.append((list(spelt._at), spelt._ends, spelt.chars, spelt.lone))
    assert made[0] == made[1]


# Pinyin and the characters the syllables are written back as (乏 for fa, 仜 for hong, 专
# for zhuan), written as they are: the same characters in the copy, spelt or not.
SPELT_OR_WRITTEN = st.lists(
    PINYIN_MIXED | st.sampled_from(["乏", "仜", "专", "zhuan", "发到5个群", "领红包"]),
    min_size=1,
    max_size=6,
).map("".join)


@settings(max_examples=300)
@given(SPELT_OR_WRITTEN)
@example("转fa到wu个群，转乏到wu个群，")
def test_a_joins_written_parts_are_remembered_as_read(text: str) -> None:
    """Whether a pinyin join's parts are written as its banks write them is remembered per
    message by their characters and the runs' marks (``Spelt.written``): each join read by
    sound is judged as the characters alone judge it, asked once or again (转fa and 转乏 are
    the same characters in the copy, one spelt in pinyin)."""
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.joins import Join, find_joins
    from wxguard.phrases.mixed import Spelt, mixed
    from wxguard.text.folding import fold_one_to_one
    from wxguard.text.sound import syllable_table

    checker: Any = INDUCEMENT._checkers[0][0]
    model = checker.model
    text = text * 2  # the same offers again, where the remembered answers are read
    mix = mixed(text, fold_one_to_one(text))
    if mix is None:
        return
    plain = Clauses(mix.text)
    spelt = Spelt(mix)
    seen: list[Join] = []

    def judged(join: Join) -> bool:
        seen.append(join)
        return bool(checker._disguised(join, plain, spelt))

    sound = plain.respelled(syllable_table())
    find_joins(sound, model.sound, model.combines, model.alones, accept=judged)
    for join in seen:
        touched = spelt.touches(join.start, join.end) and not spelt.open_ended(join.end)
        expected = touched and checker._as_written(join, plain.text, bytearray(spelt.chars))
        assert checker._disguised(join, plain, spelt) == expected


@given(PINYIN_MIXED, st.data())
def test_a_joins_span_is_placed_from_its_parts_as_on_its_own(
    text: str, data: st.DataObject
) -> None:
    """A join's span in the message (and, read through pinyin, widened over the runs) is
    worked out from its two parts' places, not mapped back again: the same as mapping the
    whole span, for any two parts of any text."""
    from wxguard.families.inducement.checker import _widened
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.joins import Join, placed
    from wxguard.phrases.mixed import Spelt, mixed
    from wxguard.text.folding import fold_one_to_one

    mix = mixed(text, fold_one_to_one(text))
    clauses = Clauses(text if mix is None else mix.text)
    size = len(clauses.text)
    if size == 0:
        return
    for _ in range(6):
        a0 = data.draw(st.integers(0, size - 1))
        a1 = data.draw(st.integers(a0 + 1, size))
        j0 = data.draw(st.integers(0, size - 1))
        j1 = data.draw(st.integers(j0 + 1, size))
        join = Join("WX301", (a0, a1), (j0, j1), 0.9)
        at = placed(join, clauses, text)
        assert (at.start, at.end) == clauses.original(join.start, join.end)
        if mix is not None:
            widened = _widened(join, text, Spelt(mix))
            assert (widened.start, widened.end) == _widened_by_walk(
                mix, *clauses.original(join.start, join.end)
            )


def _mixed_letter_by_letter(original: str, folded: str) -> tuple[str, tuple[Any, ...]] | None:
    """``mixed``'s definition: each pinyin run's first letter of a syllable written as its
    character, the syllable's other letters as spaces, in a copy of the message."""
    out = list(original)
    runs = []
    for m in mixed_module._RUN.finditer(folded):
        parts = mixed_module._syllables(m.group())
        if parts is None:
            continue
        at = m.start()
        for syllable in parts:
            out[at] = syllable_chars()[syllable]
            out[at + 1 : at + len(syllable)] = " " * (len(syllable) - 1)
            at += len(syllable)
        runs.append((m.span(), len(parts)))
    return ("".join(out), tuple(runs)) if runs else None


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(
            [
                "转",
                "fa",
                "到",
                "wu",
                "个群",
                "hong",
                "包",
                "kan",
                "一刀",
                "Ab",
                "xyzq",
                "，",
                " ",
                "zhuang",
            ]
        ),
        max_size=20,
    )
)
def test_the_pinyin_copy_is_written_letter_by_letter(pieces: list[str]) -> None:
    """``mixed`` joins the copy from the text between the runs and each run's characters,
    made once per run: the same copy, runs and syllable counts as writing each letter."""
    text = "".join(pieces)
    folded = fold_one_to_one(text)
    found = mixed(text, folded)
    expected = _mixed_letter_by_letter(text, folded)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.text, tuple(zip(found.runs, found.syllables, strict=True))) == expected


@given(st.one_of(ANY, st.text("。，、,.!?；好1a ", max_size=30), SPARSE_MARKS))
def test_the_marker_lists_are_every_marker(text: str) -> None:
    """The markers found by ``str.find`` are every sentence end and clause break of the
    compact text, in order, as a walk over its characters finds them."""
    from wxguard.phrases.clauses import STRONG, WEAK, Clauses

    clauses = Clauses(text)
    compact = clauses.text
    assert clauses._markers() == (
        [i for i, c in enumerate(compact) if c == STRONG],
        [i for i, c in enumerate(compact) if c == WEAK],
    )


_SPAN = st.tuples(st.integers(0, 12), st.integers(0, 4)).map(lambda t: (t[0], t[0] + t[1]))


@given(_SPAN, st.lists(_SPAN, max_size=12))
def test_a_marks_reading_of_overlaps_is_the_overlap_test(
    kept: tuple[int, int], others: list[tuple[int, int]]
) -> None:
    """``_read`` tells whether each absorbed finding overlaps the kept one with the test
    written out; it is ``_overlap``'s answer (empty spans: an anchor's) for every pair."""
    from wxguard.marks import _overlap, _read
    from wxguard.models import Violation

    def made(span: tuple[int, int]) -> Violation:
        return Violation(
            rule="WX104", name="n", category="c", severity=Severity.ERROR, start=span[0],
            end=span[1], text="", message="m", consequence="c",
        )  # fmt: skip

    head, also = made(kept), [made(s) for s in others]
    assert _read(head, also)[0] == [_overlap(head, v) for v in also]


@given(
    st.text("。！.好1 ", max_size=40),
    st.lists(st.integers(0, 45), max_size=20),
    st.lists(st.integers(-2, 47), max_size=10),
)
def test_candidates_by_sentence_are_those_a_bisection_finds(
    text: str, starts: list[int], asked: list[int]
) -> None:
    """The merge groups the candidates (by start) by the sentence they start in with one
    walk along the sentence ends; each sentence holds those a bisection of every
    candidate's start places in it, and a run of sentences (a keeper joined across a
    sentence end) those of each in turn."""
    from bisect import bisect_left

    from wxguard.marks import _sentence_ends, _Sentences

    candidates = sorted(range(len(starts)), key=starts.__getitem__)
    sentences = _Sentences(starts, candidates, text)
    ends = _sentence_ends(text)
    for start in asked + starts:
        at = bisect_left(ends, start)
        assert sentences.index(start) == at
        assert sentences.between(at, at) == [
            i for i in candidates if bisect_left(ends, starts[i]) == at
        ]
        assert sentences.between(at, at + 2) == [
            i for i in candidates if at <= bisect_left(ends, starts[i]) <= at + 2
        ]
