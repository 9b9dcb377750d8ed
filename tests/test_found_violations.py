"""``Violation.found``, the engine's way to make a finding's violation: for every value it is
the model ``Violation(...)`` makes (equal, same JSON, repr, hash and fields set) or fails
with the same validation errors."""

from __future__ import annotations

import gc
from dataclasses import FrozenInstanceError, replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from wxguard import Guard
from wxguard.catalog import catalog
from wxguard.families.base import Finding, Frame, Violations
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


# Findings alike and not: the violations of one check share what findings alike have in
# common (``Violations``), and each must still be what ``Violation(...)`` makes of its own.
FINDINGS = st.builds(
    lambda rule, span, term, techniques, confidence, fields, frame, severity: Finding(
        rule,
        min(span),
        max(span),
        term=term,
        techniques=techniques,
        confidence=confidence,
        fields=fields,
        frame=frame,
        severity=severity,
    ),
    st.sampled_from(["WX104", "WX109", "WX402"]),
    st.tuples(st.integers(0, 6), st.integers(0, 6)),
    st.sampled_from([None, "冰毒"]),
    st.sampled_from([(), ("pinyin",), [0]]),
    st.sampled_from([1.0, 1, True, 2.0]),
    st.sampled_from(
        [
            {"term": "冰毒"},
            {"term": "冰毒", "fix": "删去"},
            {"term": "冰毒", "fix": "改写"},
            {"x": []},
        ]
    ),
    st.sampled_from(
        [None, Frame("warning", "谨防", Severity.INFO), Frame("warning", "提醒", Severity.INFO)]
    ),
    st.sampled_from([None, Severity.INFO]),
)


def _validated(f: Finding, text: str, config: Any) -> tuple[str, Any]:
    """The violation as the engine made it before ``Violations``: every field validated."""
    rule = catalog().by_code[f.rule]
    message = rule.message(config.lang, f.variant, **f.fields)
    suggestion = rule.suggestion(config.lang, f.variant, **f.fields)
    consequence = rule.consequence(config.lang, f.variant)
    if f.frame is not None:
        framed = catalog().frames[f.frame.kind]
        message += framed.note(config.lang, f.frame.cue)
        suggestion = framed.suggestion(config.lang, suggestion)
        consequence = framed.consequence(config.lang, consequence)
    return _outcome(
        Violation,
        {
            "rule": f.rule,
            "name": rule.name,
            "category": f.category or rule.category or rule.family,
            "severity": f.severity or config.severity_of(f.rule),
            "start": f.start,
            "end": f.end,
            "text": text[f.start : f.end],
            "term": f.term,
            "techniques": f.techniques,
            "confidence": f.confidence,
            "message": message,
            "suggestion": suggestion,
            "consequence": consequence,
            "frame": f.frame.kind if f.frame is not None else None,
        },
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(FINDINGS, max_size=24))
def test_violations_of_findings_alike_are_each_the_validated_model(findings: list[Finding]) -> None:
    text = "冰毒和办假证都不行"
    config = Guard(select=["WX1"]).config
    make = Violations(text, config)
    for f in findings:
        kind, made = _outcome(make, {"f": f})
        expected_kind, expected = _validated(f, text, config)
        assert kind == expected_kind
        assert made == expected
        if kind == "made":
            assert made.model_dump_json() == expected.model_dump_json()
            assert made.model_fields_set == expected.model_fields_set
            assert repr(made) == repr(expected)


def test_a_framed_finding_is_the_replaced_one() -> None:
    f = Finding("WX104", 0, 2, term="冰毒", fields={"term": "冰毒"}, techniques=("noise",))
    frame = Frame("warning", "谨防", Severity.INFO)
    framed = f.framed(frame)
    assert framed == replace(f, severity=Severity.INFO, frame=frame)
    assert framed.fields is f.fields and f.frame is None and f.severity is None
    with pytest.raises(FrozenInstanceError):
        framed.start = 1  # type: ignore[misc]


def test_a_finding_is_one_object_to_the_collector() -> None:
    """A finding keeps its fields in itself, with no ``__dict__`` made: that dict holds
    ``fields`` (a dict), so the collector never stops tracking it, and a long text's tens of
    thousands of findings were as many more objects for each full collection to walk."""
    f = Finding("WX104", 0, 2, term="冰毒", fields={"term": "冰毒"}, techniques=("noise",))
    framed = f.framed(Frame("warning", "谨防", Severity.INFO))
    for made in (f, framed):
        assert [r for r in gc.get_referents(made) if type(r) is dict] == [made.fields]
        assert not hasattr(made, "__dict__")  # slots: no field is looked up by name


@given(
    st.tuples(
        st.sampled_from(["WX104", "WX301"]),
        st.integers(0, 6),
        st.integers(0, 6),
        st.sampled_from([None, "冰毒"]),
        st.sampled_from([None, "drugs"]),
        st.sampled_from([(), ("pinyin",)]),
        st.sampled_from([1.0, 0.8]),
        st.sampled_from([None, {"term": "冰毒"}]),
        st.sampled_from([None, "vote"]),
        st.sampled_from([None, Severity.INFO]),
        st.sampled_from([None, Frame("warning", "谨防", Severity.INFO)]),
        st.sampled_from([None, "start"]),
    ),
    st.integers(3, 12),
)
def test_a_finding_is_the_dataclass_the_fields_declare(
    values: tuple[Any, ...], given_: int
) -> None:
    """``Finding`` sets its fields at once, not one by one: by position or by name, the
    fields are the values given in the declared order, a ``fields`` left out is a new empty
    dict (never one shared), and the finding stays frozen."""
    from dataclasses import fields as declared

    names = [f.name for f in declared(Finding)]
    defaults = (None, None, (), 1.0, None, None, None, None, None)
    values = values[:given_] + defaults[given_ - 3 :]
    by_position = Finding(*values[:given_])
    by_name = Finding(**dict(zip(names[:given_], values[:given_], strict=True)))
    expected = dict(zip(names, values, strict=True))
    if expected["fields"] is None:
        expected["fields"] = {}
        assert by_position.fields is not by_name.fields

    def values_of(f: Finding) -> dict[str, Any]:
        return {name: getattr(f, name) for name in names}

    assert values_of(by_position) == values_of(by_name) == expected
    assert by_position == by_name == replace(by_position)
    with pytest.raises(FrozenInstanceError):
        by_name.rule = "WX1"  # type: ignore[misc]
