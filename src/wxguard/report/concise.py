"""``path:line:col: CODE [severity] message`` — for people, never to be parsed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import Violation
from .positions import locate
from .terminal import BOLD, DIM, SEVERITY, inert, paint

if TYPE_CHECKING:
    from . import Report


def located_violations(report: Report) -> list[Violation]:
    """The report's violations, each with a location (computed here when it has none)."""
    if all(v.location is not None for v in report.violations):
        return list(report.violations)
    return list(locate(report, report.path, report.line).violations)


def header(report: Report, v: Violation, colour: bool = False) -> str:
    """``path:line:col`` (``line:col`` when the report has no path), the path made inert."""
    assert v.location is not None
    where = f"{v.location.line}:{v.location.column}"
    return (
        f"{paint(inert(report.path), colour, BOLD)}:{where}" if report.path is not None else where
    )


def concise_line(report: Report, v: Violation, colour: bool = False) -> str:
    code = SEVERITY[v.severity]
    extra = paint(f" (via {inert(', '.join(v.techniques))})", colour, DIM) if v.techniques else ""
    return (
        f"{header(report, v, colour)}: {paint(v.rule, colour, BOLD, code)} "
        f"{paint(f'[{v.severity.value}]', colour, code)} {inert(v.message)}{extra}"
    )


def concise_lines(report: Report, colour: bool = False) -> list[str]:
    return [concise_line(report, v, colour) for v in located_violations(report)]


def render(reports: Sequence[Report], colour: bool = False) -> str:
    return "".join(line + "\n" for report in reports for line in concise_lines(report, colour))
