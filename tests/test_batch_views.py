"""What a compliance officer sees of a batch in a notebook or page (new-user trial s14, §3):
the penalty beside each finding, a filtered batch numbered as the campaign list is, and a
filter given a bad value told so."""

from __future__ import annotations

import re

import pytest

import wxguard.report.catalog  # noqa: F401  a submodule that shadows a name of its package
from wxguard import ConfigError, Guard, Report, Reports, Verdict, WxguardError

MESSAGES = [
    "今天天气不错",
    "全场出售冰毒，量大从优",
    "明天开会",
    "周末聚餐",
    "转发本消息到朋友圈即可领取红包",
]


@pytest.fixture(scope="module")
def batch() -> Reports:
    return Reports(Guard().check_many(MESSAGES))


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_the_penalty_is_shown_with_each_finding(batch: Reports) -> None:
    drug = next(v for v in batch[1].violations if v.rule == "WX104")
    for html in (batch.to_html(), batch[1].to_html()):
        assert "consequence" in _text(html)
        assert drug.consequence in _text(html)
    # and in the mouse-over text of the mark
    assert re.search(r'<mark [^>]*title="[^"]*' + re.escape(drug.consequence), batch[1].to_html())


def test_a_filtered_batch_keeps_each_message_number(batch: Reports) -> None:
    blocked = batch.filter(verdict="block")
    assert [r.text for r in blocked] == [MESSAGES[1], MESSAGES[4]]
    assert blocked.numbers == (2, 5)
    html = _text(blocked.to_html())
    assert "#2" in html and "#5" in html and "#1" not in html
    plain = blocked._repr_mimebundle_(include=["text/plain"])["text/plain"]
    assert re.findall(r"^#\d+", plain, flags=re.M) == ["#2", "#5"]
    # filtering a filtered batch still counts in the first one
    assert batch.filter(verdict="block").filter(rule="WX3").numbers == (5,)
    assert batch.numbers == (1, 2, 3, 4, 5)


@pytest.mark.parametrize("verdict", ["BLOCK", "block", " Block ", Verdict.BLOCK])
def test_filter_takes_a_verdict_in_any_case(batch: Reports, verdict: str | Verdict) -> None:
    assert [r.text for r in batch.filter(verdict=verdict)] == [MESSAGES[1], MESSAGES[4]]


def test_a_bad_filter_value_is_named_with_the_accepted_ones(batch: Reports) -> None:
    with pytest.raises(WxguardError, match=r"'blocked'.*pass, review, block"):
        batch.filter(verdict="blocked")
    with pytest.raises(ConfigError, match=r"'WX9'"):
        batch.filter(rule="WX9")  # no such family: not an empty result
    assert batch.filter(rule="wx3") == [batch[4]]


def test_a_batch_built_from_reports_numbers_them_in_order() -> None:
    reports = Reports([Report(text="好"), Report(text="好")])
    assert reports.numbers == (1, 2)
    with pytest.raises(ValueError, match="numbers"):
        Reports([Report(text="好")], numbers=(1, 2))
