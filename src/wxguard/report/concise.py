"""``path:line:col: CODE [severity] message`` — for people, never to be parsed."""

from __future__ import annotations

from typing import Sequence

from ..models import Report, Violation
from .positions import locate


def located_violations(report: Report) -> list[Violation]:
    """The report's violations, each with a location (computed here when it has none)."""
    if all(v.location is not None for v in report.violations):
        return list(report.violations)
    return list(locate(report, report.path, report.line).violations)


def header(report: Report, v: Violation) -> str:
    """``path:line:col`` (``line:col`` when the report has no path)."""
    assert v.location is not None
    where = f"{v.location.line}:{v.location.column}"
    return f"{report.path}:{where}" if report.path is not None else where


def concise_lines(report: Report) -> list[str]:
    out = []
    for v in located_violations(report):
        extra = f" (via {', '.join(v.techniques)})" if v.techniques else ""
        out.append(f"{header(report, v)}: {v.rule} [{v.severity.value}] {v.message}{extra}")
    return out


def render(reports: Sequence[Report]) -> str:
    return "".join(line + "\n" for report in reports for line in concise_lines(report))
