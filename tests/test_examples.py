"""Every rule documents a failing and a passing example, and the examples are true: for each
rule whose checker exists, Guard() flags the failing one with that rule and not the passing
one. Written against the registry, so it covers each family's checker as it lands.

Examples in parentheses describe context (attachments, a send history) and are not text.
A few rules judge a message against the user's own lists; they get exactly that list here.
"""

from __future__ import annotations

from typing import Any

import pytest

from wxguard import Guard, Rule, catalog
from wxguard.checks import registered_checkers
from wxguard.sources import FileSettings, check_text

CHECKED = frozenset().union(*(checker.codes for checker in registered_checkers()))
# Rules that, by definition, fire only for the user's own lists.
USER_LISTS: dict[str, dict[str, Any]] = {"WX108": {"words": {"custom": ["套路贷"]}}}


def _described(text: str) -> bool:
    return text.startswith(("(", "（")) and text.endswith((")", "）"))




@pytest.fixture(scope="module")
def guards() -> dict[str, Guard]:
    default = Guard()
    return {r.code: Guard(**USER_LISTS[r.code]) if r.code in USER_LISTS else default for r in catalog().rules}


@pytest.mark.parametrize("rule", catalog().rules, ids=lambda r: r.code)
def test_every_rule_has_a_failing_and_a_passing_example(rule: Rule) -> None:
    assert rule.fail.strip() and rule.pass_.strip() and rule.fail != rule.pass_


FAILING = [r for r in catalog().rules if r.code in CHECKED and not _described(r.fail)]
PASSING = [r for r in catalog().rules if r.code in CHECKED and not _described(r.pass_)]


@pytest.mark.parametrize("rule", FAILING, ids=lambda r: r.code)
def test_failing_example_fires(rule: Rule, guards: dict[str, Guard]) -> None:
    found = {v.rule for v in guards[rule.code].check(rule.fail).violations}
    assert rule.code in found, f"{rule.code} fail example {rule.fail!r} gave {sorted(found)}"


@pytest.mark.parametrize("rule", PASSING, ids=lambda r: r.code)
def test_passing_example_does_not_fire(rule: Rule, guards: dict[str, Guard]) -> None:
    found = {v.rule for v in guards[rule.code].check(rule.pass_).violations}
    assert rule.code not in found, f"{rule.code} pass example {rule.pass_!r} gave {sorted(found)}"


def test_unused_suppression_examples() -> None:
    """WX001 is about directives in files, so its examples run through the file checker."""
    rule = catalog().get("WX001")
    guard = Guard()
    settings = FileSettings(guard, None, (), guard.enabled_rules)

    def fired(text: str) -> set[str]:
        return {v.rule for report in check_text(text, "txt", settings, "x.txt") for v in report.violations}

    assert "WX001" in fired(rule.fail)
    if "WX402" in CHECKED:  # the passing example suppresses an absolute term
        assert "WX001" not in fired(rule.pass_)
