"""The join machinery any family can use: banks it does not have, hits it finds itself, and
phrases that join before the action without a condition."""

from __future__ import annotations

import pytest

from wxguard import WordListError
from wxguard.phrases.banks import Bank, BankSource, Hit
from wxguard.phrases.clauses import Clauses
from wxguard.phrases.joins import Combine, find_joins, read_rules
from wxguard.text.views import TextView


def _bank(name: str, *phrases: str) -> Bank:
    return BankSource(name, "", [(p, f"test:{name}") for p in phrases], [], {}).compile()


BANKS = {"lure": _bank("lure", "账户冻结"), "demand": _bank("demand", "转入{*}账户"), "object": _bank("object")}


def _combine(*, before: int = 0, condition: bool = True, with_: tuple[str, ...] = ("demand",)) -> Combine:
    return Combine(rule="WX301", action="lure", with_=with_, after=20, before=before, clauses=1, yield_to=(), condition=condition)


def _joined(text: str, combine: Combine, found: dict[str, list[Hit]] | None = None) -> list[str]:
    clauses = Clauses(TextView(text))
    return [clauses.text[j.joined[0] : j.joined[1]] for j in find_joins(clauses, BANKS, [combine], [], found)]


def test_a_family_without_context_banks_joins() -> None:
    # No exempt, blocker, link, requirement, completion or acquire bank: they are empty.
    assert _joined("账户冻结，转入安全账户", _combine()) == ["转入安全账户"]


def test_hits_the_family_found_itself_join_like_bank_hits() -> None:
    text = "账户冻结请拨打13812345678"
    start = text.index("138")
    combine = _combine(with_=("object",))
    assert _joined(text, combine) == []
    assert _joined(text, combine, {"object": [Hit(start, start + 11, "object")]}) == ["13812345678"]


def test_without_a_condition_a_phrase_before_the_action_joins_within_its_sentence() -> None:
    text = "请转入安全账户，账户冻结"
    assert _joined(text, _combine(before=12)) == []  # inducement's way: the action must be a condition
    assert _joined(text, _combine(before=12, condition=False)) == ["转入安全账户"]
    assert _joined("请转入安全账户。账户冻结", _combine(before=12, condition=False)) == []
    assert _joined("请转入安全账户，我们发现您的账户冻结", _combine(before=4, condition=False)) == []  # too far


def test_condition_must_be_a_boolean() -> None:
    data = {"combine": [{"rule": "WX301", "action": "lure", "with": ["demand"], "condition": "no"}]}
    with pytest.raises(WordListError, match="bank.toml.*condition must be true or false"):
        read_rules(data, BANKS, "bank.toml", "WX3")
