"""Helpers for the table-driven tests that compare findings by rule and exact span."""

from __future__ import annotations

from collections.abc import Iterable

from wxguard import Guard, Violation


def found(guard: Guard, text: str, *, apart: bool = False) -> set[tuple[str, int, int]]:
    """The marks' (rule, start, end); ``apart``: also of the findings a mark absorbed (the
    claims of one sentence are one mark)."""
    violations = guard.check(text).violations
    return {(v.rule, v.start, v.end) for v in (apart_of(violations) if apart else violations)}


def apart_of(violations: Iterable[Violation]) -> list[Violation]:
    """Each mark and the findings it absorbed, by place."""
    return sorted(
        (w for v in violations for w in (v, *v.also)), key=lambda v: (v.start, v.end, v.rule)
    )


def expected(text: str, rule: str, span: str) -> tuple[str, int, int]:
    """(rule, start, end) of the first occurrence of ``span`` in ``text``."""
    start = text.index(span)
    return rule, start, start + len(span)
