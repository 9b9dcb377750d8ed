"""The join machinery on its own: a family's rules as data, with the options a family may set
(sentence ends crossed, untied clauses, a joined phrase before the action, a blocker's reach)
and without the context banks it does not have."""

from __future__ import annotations

from typing import Any

import pytest

from wxguard import WordListError
from wxguard.phrases.banks import Bank, BankSource
from wxguard.phrases.clauses import Clauses
from wxguard.phrases.joins import find_joins, read_rules
from wxguard.text.views import TextView


def _banks(**phrases: list[str]) -> dict[str, Bank]:
    options: dict[str, dict[str, Any]] = {"blocker": {"reach": 6}}
    return {
        name: BankSource(name, "", [(p, f"test:{name}") for p in items], [], options.get(name, {})).compile()
        for name, items in phrases.items()
    }


BANKS = _banks(product=["发票"], offer=["代开"], contact=["联系电话"], blocker=["谨防"])


def _rules(**combine: Any) -> dict[str, Any]:
    return {"combine": [{"rule": "WX106", "action": "product", "with": ["offer", "contact"], **combine}]}


def _joined(text: str, **combine: Any) -> list[str]:
    combines, alones = read_rules(_rules(**combine), BANKS, "test.toml", "WX1")
    clauses = Clauses(TextView(text))
    found = []
    for join in find_joins(clauses, BANKS, combines, alones):
        a, b = clauses.original(*join.joined)
        found.append(text[a:b])
    return found


def test_without_context_banks_a_plain_join_still_works() -> None:
    assert _joined("发票联系电话123") == ["联系电话"]


def test_sentence_ends_are_crossed_only_when_allowed() -> None:
    text = "长期有发票。联系电话123"
    assert _joined(text) == []
    assert _joined(text, sentences=1) == ["联系电话"]


def test_untied_clauses_join_when_tied_is_false() -> None:
    text = "有发票，有需要请联系电话123"
    assert _joined(text, clauses=1) == []
    assert _joined(text, clauses=1, tied=False) == ["联系电话"]


def test_a_phrase_before_the_action_joins_when_near() -> None:
    assert _joined("代开各类发票", before=4) == []  # the inducement default: only as a condition
    assert _joined("代开各类发票", before=4, **{"before-if": "near"}) == ["代开"]
    assert _joined("代开各类各种各样发票", before=4, **{"before-if": "near"}) == []


def test_a_blocker_bank_sets_its_own_reach() -> None:
    assert _joined("谨防不法分子发票联系电话123") == []
    assert _joined("谨防不法分子的各种发票联系电话123") == ["联系电话"]


@pytest.mark.parametrize(
    ("combine", "problem"),
    [({"before-if": "always"}, "before-if must be one of condition, near"), ({"tied": "no"}, "tied must be true or false"), ({"sentences": -1}, "sentences must be a non-negative integer")],
)
def test_bad_options_are_named(combine: dict[str, Any], problem: str) -> None:
    with pytest.raises(WordListError, match=problem):
        read_rules(_rules(**combine), BANKS, "test.toml", "WX1")


def test_a_bad_reach_is_named() -> None:
    banks = {**BANKS, "blocker": BankSource("blocker", "", [("谨防", "t")], [], {"reach": "far"}).compile()}
    with pytest.raises(WordListError, match="banks.blocker.*reach must be a non-negative integer"):
        read_rules(_rules(), banks, "test.toml", "WX1")
