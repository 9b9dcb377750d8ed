"""Every fast path against its straightforward reference, on real reviews (tests/data) and on
random text: the numpy long-text views against per-message str.translate, regexes with a
first-character lookahead against the plain ones, the quick gates against the full
extraction, and worker processes against checking in this process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard
from wxguard.families.links.extract import _MAYBE_LINK, links_in
from wxguard.phrases.clauses import compact
from wxguard.text.folding import fold_one_to_one

from .banks import SOURCES
from .paths import both_paths
from .strategies import ANY_TEXT, MIXED

REVIEWS = (Path(__file__).parent / "data" / "reviews_sample.txt").read_text("utf-8").splitlines()
GUARD = Guard()


def test_the_sample_holds_real_findings() -> None:
    """The differential tests below are only as good as the findings in their input."""
    rules = {v.rule[:3] for r in GUARD.check_many(REVIEWS) for v in r.violations}
    assert {"WX1", "WX2", "WX4", "WX5", "WX6"} <= rules


def test_every_family_gives_the_same_report_on_both_view_paths() -> None:
    for start in range(0, len(REVIEWS), 40):
        text = "\n".join(REVIEWS[start : start + 40])
        fast, reference = both_paths(text, GUARD)
        assert fast == reference


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(MIXED, ANY_TEXT, st.sampled_from(REVIEWS)), min_size=1, max_size=8))
def test_both_view_paths_agree_on_mixed_text(parts: list[str]) -> None:
    fast, reference = both_paths("".join(parts), GUARD)
    assert fast == reference


@pytest.mark.parametrize("source", SOURCES)
def test_lookahead_regexes_find_what_plain_ones_find_in_reviews(source: str) -> None:
    from wxguard.text.quickregex import quick

    plain, fast = re.compile(source), quick(source)
    for line in REVIEWS:
        for view in (compact(line), fold_one_to_one(line).lower()):
            assert [m.span() for m in fast.finditer(view)] == [
                m.span() for m in plain.finditer(view)
            ]


def test_link_gate_never_hides_a_link_in_reviews() -> None:
    for line in REVIEWS:
        folded = fold_one_to_one(line)
        if _MAYBE_LINK.search(folded) is None:
            assert links_in(line, folded) == []


def test_worker_processes_give_check_s_reports_on_reviews() -> None:
    expected = [GUARD.check(line) for line in REVIEWS]
    assert list(GUARD.check_many(REVIEWS, workers=2, chunk_size=50)) == expected
    assert sum(1 for r in expected if r.violations) >= 50
