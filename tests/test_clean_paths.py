"""The per-message shortcuts of the engine and the trade gate (docs/performance-log.md,
session 11): each must give what the long way gives, on every input."""

from __future__ import annotations

import functools
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
