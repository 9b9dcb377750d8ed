"""``path:line:col: CODE [severity] message`` — for people, never to be parsed."""

from __future__ import annotations

from ..models import Report
from .positions import LineIndex


def concise_lines(path: str, report: Report, line_offset: int = 0) -> list[str]:
    index = LineIndex(report.text)
    out = []
    for v in report.violations:
        line, col = index.position(v.start)
        extra = f" (via {', '.join(v.techniques)})" if v.techniques else ""
        out.append(f"{path}:{line + line_offset}:{col}: {v.rule} [{v.severity.value}] {v.message}{extra}")
    return out
