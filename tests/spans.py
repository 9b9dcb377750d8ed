"""Helpers for the table-driven tests that compare findings by rule and exact span."""

from __future__ import annotations

from wxguard import Guard


def found(guard: Guard, text: str) -> set[tuple[str, int, int]]:
    return {(v.rule, v.start, v.end) for v in guard.check(text).violations}


def expected(text: str, rule: str, span: str) -> tuple[str, int, int]:
    """(rule, start, end) of the first occurrence of ``span`` in ``text``."""
    start = text.index(span)
    return rule, start, start + len(span)
