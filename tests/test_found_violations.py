"""``Violation.found``, the engine's way to make a finding's violation: for every value it is
the model ``Violation(...)`` makes (equal, same JSON, repr, hash and fields set) or fails
with the same validation errors."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from wxguard import Guard
from wxguard.models import Severity, Violation

TEXTS = st.text(max_size=4)
STRINGS = st.one_of(TEXTS, TEXTS, st.integers(-1, 2), st.none(), st.booleans())
FIELDS = st.fixed_dictionaries(
    {
        "rule": STRINGS,
        "name": STRINGS,
        "category": STRINGS,
        "severity": st.one_of(
            st.sampled_from(list(Severity)), st.sampled_from(["error", "info", "fatal", 2])
        ),
        "start": st.one_of(st.integers(-2, 12), st.booleans(), st.floats(-1, 12), TEXTS),
        "end": st.one_of(st.integers(-2, 12), st.booleans(), st.floats(-1, 12)),
        "text": STRINGS,
        "term": STRINGS,
        "techniques": st.one_of(
            st.lists(TEXTS, max_size=2).map(tuple),
            st.lists(TEXTS, max_size=2),
            st.tuples(st.integers()),
        ),
        "confidence": st.one_of(
            st.floats(-0.5, 1.5), st.floats(), st.integers(-1, 2), st.booleans(), TEXTS
        ),
        "message": STRINGS,
        "suggestion": STRINGS,
        "consequence": STRINGS,
        "frame": STRINGS,
    }
)


def _outcome(make: Any, fields: dict[str, Any]) -> tuple[str, Any]:
    try:
        return "made", make(**fields)
    except ValidationError as e:
        return "error", e.errors(include_url=False, include_context=False)


@settings(max_examples=400, deadline=None)
@given(FIELDS)
def test_found_is_the_validated_model(fields: dict[str, Any]) -> None:
    kind, found = _outcome(Violation.found, fields)
    expected_kind, expected = _outcome(Violation, fields)
    assert kind == expected_kind
    if kind == "error":
        assert found == expected
        return
    assert found == expected and expected == found
    assert found.model_dump_json() == expected.model_dump_json()
    assert found.model_dump(exclude_unset=True) == expected.model_dump(exclude_unset=True)
    assert repr(found) == repr(expected)
    assert hash(found) == hash(expected)
    assert found.model_fields_set == expected.model_fields_set
    assert Violation.model_validate_json(found.model_dump_json()) == found


def test_the_shared_fields_set_is_copied_before_a_change() -> None:
    a, b = Guard(select=["WX3"]).check("分享到3个群。分享到3个群").violations
    assert a.model_fields_set is b.model_fields_set  # shared: the collector walks one set
    c = a.model_copy(update={"also": (b,)})
    assert "also" in c.model_fields_set
    assert "also" not in a.model_fields_set and "also" not in b.model_fields_set
    assert c.model_dump(exclude_unset=True)["also"][0]["rule"] == b.rule


def test_a_found_violation_is_frozen() -> None:
    (v,) = Guard(select=["WX3"]).check("分享到3个群").violations
    with pytest.raises(ValidationError):
        v.start = 1  # type: ignore[misc]
