"""The per-message shortcuts of the engine and the trade gate (docs/performance-log.md,
session 11): each must give what the long way gives, on every input."""

from __future__ import annotations

import functools
from itertools import pairwise
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from wxguard import Guard, Message
from wxguard.families import CheckContext
from wxguard.guard import _clean
from wxguard.report import Report
from wxguard.text.views import TextView

GUARD = Guard()
TEXTS = st.one_of(st.text(max_size=40), st.sampled_from(["", "ᚠ", "\ud800", "出售冰毒 加微信"]))
# Spaced so that distances between a product and what it joins vary around each rule's reach.
_FILLER = "大家可以看看呀真的不错哦我们这里有很多好东西欢迎来选购"


@given(TEXTS)
def test_a_plain_message_is_the_validated_one(text: str) -> None:
    made, validated = Message.plain(text), Message(text=text)
    assert made == validated
    assert made.model_fields_set == validated.model_fields_set
    assert made.model_dump() == validated.model_dump()
    assert made.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
    assert repr(made) == repr(validated)


@given(TEXTS)
def test_a_clean_report_is_the_validated_one(text: str) -> None:
    made, validated = _clean(text), Report(text=text)
    assert made == validated
    assert made.model_fields_set == validated.model_fields_set
    assert made.model_dump_json() == validated.model_dump_json()
    assert made.model_dump_json(exclude_unset=True) == validated.model_dump_json(exclude_unset=True)
    assert made.verdict is validated.verdict and made.ok


def test_a_str_subclass_is_validated_as_ever() -> None:
    class Text(str):
        pass

    assert Message.plain(Text("好")) == Message(text=Text("好"))
    assert _clean(Text("好")) == Report(text=Text("好"))


def test_the_engines_context_is_the_dataclasses() -> None:
    message = Message(text="出售冰毒", platform="wechat")
    made = CheckContext.of(message, GUARD.config)
    built = CheckContext(message=message, view=TextView(message.text), config=GUARD.config)
    assert (made.message, made.view.text, made.config, made.log, made.profile) == (
        built.message,
        built.view.text,
        built.config,
        built.log,
        built.profile,
    )


def test_a_clean_check_is_the_validated_report() -> None:
    for text in ("今天天气很好", "好" * 50):
        assert GUARD.check(text) == Report(text=text)
        assert list(GUARD.check_many([text])) == [Report(text=text)]


@functools.cache
def _trade() -> Any:
    from wxguard.families.content.trade import trade_model

    return trade_model(())


def _trade_pieces() -> list[str]:
    model = _trade()
    anchors = sorted({a for bank in model.exact.values() for a in bank.anchors or ()})
    fillers = [_FILLER[:n] for n in (3, 5, 8, 12, 16, 17, 24, 25)]
    return [*anchors, *fillers, "13812345678", "，", "。"]


@given(st.lists(st.sampled_from(_trade_pieces()), max_size=8).map("".join))
@settings(max_examples=3000, deadline=None)
# A product and an offer at each rule's reach, after and before: a gate one character too
# short turns these away.
@example("仿真枪" + _FILLER[:16] + "出售")
@example("出售" + _FILLER[:16] + "仿真枪")
@example("手机卡" + _FILLER[:4] + "倒卖")
def test_a_text_the_trade_reach_test_turns_away_has_no_join(text: str) -> None:
    """``JoinGate.near`` asks that a product's hit and a hit of what it joins stand within
    the rule's reach: a text it turns away holds no join."""
    from wxguard.phrases.clauses import Clauses
    from wxguard.phrases.joins import find_joins
    from wxguard.text.sound import syllable_table

    model = _trade()
    sound = Clauses(text).respelled(syllable_table())
    if not model.joinable.near(sound.text):
        assert find_joins(sound, model.sound, model.combines, model.alones) == []


def test_the_reach_test_turns_away_a_product_far_from_its_offer() -> None:
    """The point of the test: beyond the reach, where ``matched`` still lets the text in."""
    from wxguard.phrases.clauses import Clauses
    from wxguard.text.sound import syllable_table

    model = _trade()
    for near, far in (
        ("仿真枪" + _FILLER[:16] + "出售", "仿真枪" + _FILLER[:17] + "出售"),
        ("出售" + _FILLER[:16] + "仿真枪", "出售" + _FILLER[:17] + "仿真枪"),
    ):
        assert model.joinable.near(Clauses(near).text.translate(syllable_table()))
        spelled = Clauses(far).text.translate(syllable_table())
        assert model.joinable.matched(spelled) and not model.joinable.near(spelled)
        assert GUARD.check(near).violations and not GUARD.check(far).violations


_CHILD_PIECES = [
    "我家",
    "我的",
    "孩子",
    "儿子",
    "宝宝",
    "叫",
    "名叫",
    "王",
    "李",
    "小明",
    "老师",
    "今年8岁",
    "在",
    "实验小学",
    "三年级二班",
    "住在",
    "阳光小区",
    "3栋",
    "放学",
    "一个人在家",
    "，",
    "。",
    "\n",
    " ",
    "\u3000",
    "走失",
    "不要发",
]


@functools.cache
def _child() -> Any:
    from wxguard.families.persons.child_details import child_details_detector

    return child_details_detector()


def test_spaces_are_what_backslash_s_matches() -> None:
    import re
    import sys

    from wxguard.text.quickregex import SPACES

    every = (chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    assert frozenset(c for c in every if re.match(r"\s", c)) == SPACES


def test_a_blank_class_but_line_breaks_has_its_first_characters() -> None:
    from wxguard.text.quickregex import SPACES, first_chars

    assert first_chars("[^\\S\\n]{0,3}王") == (SPACES - {"\n"}) | {"王"}
    assert first_chars("[^\\S]a") == SPACES
    assert first_chars("[^\\s\\n]a") is None  # everything but blank space: too broad


@given(st.lists(st.sampled_from(_CHILD_PIECES), max_size=14).map("".join))
@settings(max_examples=1500, deadline=None)
@example("王小明，实验小学三年级二班")
@example("\u3000王小明，实验小学三年级二班")
@example("通知。 李小花，三年级二班")
def test_the_child_patterns_behind_a_lookahead_match_as_written(text: str) -> None:
    """Each union of ``child_details.toml`` is searched behind a lookahead on its first
    characters (a name heading a line opens with blank space): the same matches."""
    import re

    from wxguard.resources import wordlist_toml

    detector = _child()
    source = wordlist_toml("persons", "child_details.toml")
    details = source.data["details"]
    for key, compiled in [
        ("child", detector.child),
        ("exempt", detector.exempt),
        *((f"details.{k}", detector.details[k]) for k in details),
    ]:
        value = source.data[key] if "." not in key else details[key.split(".")[1]]
        union = "|".join(f"(?:{p})" for _, p in detector._patterns(source, value, key))
        plain = re.compile(union)
        assert [m.span() for m in compiled.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


@given(st.lists(st.sampled_from(_CHILD_PIECES), max_size=14).map("".join))
@settings(max_examples=1500, deadline=None)
@example("我家孩子在实验小学三年级二班，住在阳光小区3栋")
@example("我家孩子叫王小明，在实验小学三年级二班")
def test_a_child_found_is_found_reading_every_kind(text: str) -> None:
    """``find`` reads the school only where another kind that counts is there: the same
    finding as reading every kind."""
    from wxguard.families.persons.child_details import KINDS, WEAK, ChildDetailsHit

    detector = _child()
    child = detector.child.search(text)
    expected = None
    if child is not None and not detector.exempt.search(text):
        spans = [child.span()]
        kinds = []
        for kind in KINDS:
            found = [m.span() for m in detector.details[kind].finditer(text)]
            if found:
                kinds.append(kind)
                spans += found
        if sum(1 for k in kinds if k not in WEAK) >= 2:
            expected = ChildDetailsHit(
                min(a for a, _ in spans), max(b for _, b in spans), tuple(kinds)
            )
    assert detector.find(text) == expected


@given(st.text(st.sampled_from("ab中文z１Ａ。 \u3400\u9fff\u33ff\ua000"), max_size=12))
@example("中a")
@example("a中")
def test_may_mix_is_a_letter_beside_a_chinese_character(text: str) -> None:
    """The clause view's quick test for pinyin among characters: a Latin letter with a
    Chinese character just before or just after it."""
    from wxguard.phrases.mixed import may_mix

    def cjk(c: str) -> bool:
        return "\u3400" <= c <= "\u9fff"

    def latin(c: str) -> bool:
        return "a" <= c <= "z"

    pairs = pairwise(text)
    assert may_mix(text) == any((cjk(a) and latin(b)) or (latin(a) and cjk(b)) for a, b in pairs)
