"""Long texts take a numpy path; it must give exactly what the str.translate path gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard
from wxguard.text import views

from .paths import both_paths
from .strategies import ANY_TEXT, MIXED
from .words import WORDS

GUARD = Guard(default_wordlists=False, words=WORDS, allow=["大麻烦"], select=["WX1"])


@given(st.lists(st.one_of(MIXED, ANY_TEXT), max_size=6))
@settings(max_examples=150)
def test_array_path_equals_translate_path(parts: list[str]) -> None:
    text = "\n".join(parts)
    fast, reference = both_paths(text, GUARD)
    assert fast == reference


def test_long_message_with_many_hits() -> None:
    chunk = "今天天气不错，辦假證找我；路口交通拥堵。办jia证、办假假证、冰\u200b毒和态度都在这里。消毒品牌很好。"
    text = chunk * 300
    assert len(text) > views.ARRAY_THRESHOLD
    fast, reference = both_paths(text, GUARD)
    assert fast == reference
    assert [v.rule for v in GUARD.check(chunk).violations] == ["WX106", "WX109", "WX106", "WX104"]
    assert len(fast.violations) == 4 * 300
    for v in fast.violations:
        assert text[v.start : v.end] == v.text


def test_long_text_with_expanding_characters_falls_back() -> None:
    text = "⑩ 冰毒 ㍿ " * 1000
    fast, reference = both_paths(text, GUARD)
    # one sentence naming 冰毒 a thousand times: one mark that carries the other 999
    assert fast == reference and sum(1 + len(v.also) for v in fast.violations) == 1000
