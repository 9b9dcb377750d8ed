"""GitHub Actions workflow commands (``::error file=…::message``), escaped as the Actions
toolkit does: ``%``, CR and LF everywhere, and ``:`` and ``,`` in property values. Message
and file-name text is made inert first (``terminal.inert``): a log viewer is a terminal.

GitHub shows only the first 10 errors and 10 warnings of a step, so errors come first and a
plain summary line (not an annotation) counts everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import Severity, Violation
from .concise import header, located_violations
from .terminal import inert, plural

if TYPE_CHECKING:
    from . import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(report: Report, v: Violation) -> str:
    assert v.location is not None
    loc = v.location
    props = [
        ("title", f"wxguard ({v.rule})"),
        ("file", inert(report.path or "-")),
        ("line", str(loc.line)),
    ]
    if loc.end_line == loc.line:
        props += [
            ("col", str(loc.column)),
            ("endLine", str(loc.end_line)),
            ("endColumn", str(loc.end_column)),
        ]
    else:
        props.append(("endLine", str(loc.end_line)))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMANDS[v.severity]} {joined}::{escape_data(f'{header(report, v)}: {v.rule} {inert(v.message)}')}"


def render(reports: Sequence[Report]) -> str:
    found = [(r, v) for r in reports for v in located_violations(r)]
    if not found:
        return ""
    found.sort(key=lambda rv: -rv[1].severity.rank)
    lines = [annotation(r, v) for r, v in found]
    counts = {s: sum(1 for _, v in found if v.severity is s) for s in Severity}
    files = len({r.path for r, _ in found})
    lines.append(
        f"wxguard: {plural(len(found), 'finding')} in {plural(files, 'file')}: "
        f"{plural(counts[Severity.ERROR], 'error')}, {plural(counts[Severity.WARNING], 'warning')}, "
        f"{plural(counts[Severity.INFO], 'info')}"
    )
    return "".join(line + "\n" for line in lines)
