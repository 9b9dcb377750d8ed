"""HTML for notebooks and pages: the message with every violation highlighted, the verdict
and a table of findings.

Every piece of user text is escaped on its own (``html.escape`` with quotes), tooltips too;
the output has no script and no event attributes, and sits in a ``tex2jax_ignore`` element
so MathJax leaves ``$`` and ``¥`` prices alone. Spans are cut at every violation boundary and
each piece is marked once, with the most severe violation covering it, so marks never nest
or interleave. A label never splits a word: it goes after its span, moved on to the end of
the word (jieba's, between CJK characters) or of the highlighted run it would cut, and the
labels at one place form one group (全网最低价 WX401 WX402, not 全网最低 WX401 价 WX402).
Styles are inline: notebook viewers drop ``<style>`` blocks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from ..catalog import catalog
from ..marks import applying
from ..models import Severity, Verdict, Violation
from . import BATCH_LIMIT
from .concise import concise_lines, located_violations
from .links import rule_url
from .terminal import BEYOND_C0, plural

if TYPE_CHECKING:
    from . import Report

# Background and accent per severity (a light tint and a strong border, readable in dark themes too).
COLOURS = {
    Severity.ERROR: ("#ffd6d6", "#c62828"),
    Severity.WARNING: ("#ffecb3", "#b26a00"),
    Severity.INFO: ("#dbeafe", "#1d4ed8"),
}
VERDICT_COLOURS = {Verdict.BLOCK: "#c62828", Verdict.REVIEW: "#b26a00", Verdict.PASS: "#2e7d32"}
# A label moves at most this far to reach the end of a Latin word or number it would split.
LABEL_REACH = 16

_BOX = "font-family:system-ui,'PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;line-height:1.5;color:#1f2328;"
_TEXT = (
    "white-space:pre-wrap;word-break:break-word;line-height:2.0;padding:8px 12px;margin:6px 0;"
    "border:1px solid #d0d7de;border-radius:6px;background:#ffffff;"
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that could drive a terminal (the CLI's html may be printed to one) but the
# newline: written as character references, so the page shows the same text.
_CONTROL = re.compile(f"[\x00-\x09\x0b-\x1f{BEYOND_C0}]")
_TABLE = "border-collapse:collapse;margin-top:6px;font-size:13px;"
# The penalty (封禁, the law's article) in its own column, smaller: the officer's argument.
_PENALTY = "font-size:12px;color:#8c1d18;"
_CELL = "border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top;"


def _e(text: object) -> str:
    """Escaped for HTML; a lone surrogate (no character, and no UTF-8) shows as U+FFFD,
    control and bidi characters are character references."""
    escaped = _LONE_SURROGATE.sub("\ufffd", escape(str(text), quote=True))
    return _CONTROL.sub(lambda m: f"&#x{ord(m.group()):x};", escaped)


def _badge(verdict: Verdict) -> str:
    colour = VERDICT_COLOURS[verdict]
    return (
        f'<span class="wxguard-verdict" style="display:inline-block;padding:1px 10px;border-radius:10px;'
        f'background:{colour};color:#ffffff;font-weight:700;font-size:12px;letter-spacing:0.05em;">'
        f"{_e(verdict.value.upper())}</span>"
    )


def _counts(violations: Sequence[Violation]) -> str:
    parts = []
    for severity in Severity:
        n = sum(1 for v in violations if v.severity is severity)
        if n:
            parts.append(plural(n, severity.value))
    return ", ".join(parts) if parts else "no findings"


def _label(v: Violation) -> str:
    """A finding's code, and the other codes it absorbed (one problem, one mark) fainter
    beside it, each code once; not those whose advice does not apply (the message says why)."""
    accent = COLOURS[v.severity][1]
    out = [
        f'<span class="wxguard-label" style="color:{accent};margin-left:4px;">{_e(v.rule)}</span>'
    ]
    first: dict[str, Violation] = {v.rule: v}
    for w in applying(v):
        first.setdefault(w.rule, w)
    out += [
        f'<span class="wxguard-label wxguard-also" title="{_e(w.name)}" '
        f'style="color:{COLOURS[w.severity][1]};opacity:0.7;margin-left:2px;">{_e(w.rule)}</span>'
        for w in list(first.values())[1:]
    ]
    return "".join(out)


def _labels(found: Sequence[Violation]) -> str:
    """The labels of the findings whose labels stand at one place, in one group."""
    return (
        f'<span class="wxguard-labels" style="font-size:10px;font-weight:700;'
        f'font-family:ui-monospace,monospace;vertical-align:middle;white-space:nowrap;">'
        f"{''.join(_label(v) for v in found)}</span>"
    )


def _mark(body: str, covering: Sequence[Violation], labels: Sequence[Violation]) -> str:
    worst = max(covering, key=lambda v: (v.severity.rank, v.end - v.start))
    background, accent = COLOURS[worst.severity]
    tooltip = "\n".join(
        f"{v.rule} {v.name} [{v.severity.value}]: {v.message}\n  consequence: {v.consequence}"
        for v in covering
    )
    return (
        f'<mark class="wxguard-mark wxguard-{worst.severity.value}" title="{_e(tooltip)}" '
        f'style="background:{background};border-bottom:2px solid {accent};'
        f'padding:2px 2px;border-radius:3px;color:#1f2328;">'
        f"{body}{_labels(labels) if labels else ''}</mark>"
    )


def _is_cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def _word_end(text: str, at: int) -> int:
    """``at``, or the end of the word it falls inside (a jieba word between CJK characters,
    a run of letters and digits otherwise), if that is near."""
    if at <= 0 or at >= len(text):
        return at
    before, after = text[at - 1], text[at]
    if _is_cjk(before) and _is_cjk(after):
        from ..text.segment import word_bounds  # here: only labels inside CJK words need it

        bounds = word_bounds(text, at - 1, at + 1)
        return at if at in bounds else min((b for b in bounds if b > at), default=at)
    if before.isalnum() and after.isalnum() and not _is_cjk(before) and not _is_cjk(after):
        end = at
        while end < len(text) and end - at < LABEL_REACH and text[end].isalnum():
            end += 1
        return end if end - at < LABEL_REACH else at
    return at


def _label_places(text: str, spans: Sequence[Violation]) -> dict[int, list[Violation]]:
    """Where each finding's label goes: after its span, moved on to the end of the word it
    would split and of the highlighted run it would interrupt (overlapping spans), so that a
    label never stands inside a word or a run; labels at one place form one group."""
    runs: list[list[int]] = []
    for v in sorted(spans, key=lambda v: v.start):
        if runs and v.start < runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], v.end)
        else:
            runs.append([v.start, v.end])
    starts = [a for a, _ in runs]

    def run_end(at: int) -> int:
        i = bisect_right(starts, at - 1) - 1
        return runs[i][1] if i >= 0 and runs[i][0] < at < runs[i][1] else at

    places: dict[int, list[Violation]] = {}
    for v in spans:
        at = v.end
        for _ in range(3):
            moved = _word_end(text, run_end(at))
            if moved == at:
                break
            at = moved
        places.setdefault(at, []).append(v)
    return places


def highlight(text: str, violations: Sequence[Violation]) -> str:
    """The text, escaped, with one ``<mark>`` per piece between violation boundaries and
    each group of labels at the end of the word or run it belongs to. One sweep in text
    order: a violation joins the covering set at its start and leaves it after its end, so
    the time is the text plus the marks written, not pieces × violations."""
    empty: dict[int, list[Violation]] = {}
    for v in violations:
        if v.start == v.end:
            empty.setdefault(v.start, []).append(v)
    spans = sorted((v for v in violations if v.start < v.end), key=lambda v: v.start)
    places = _label_places(text, spans)
    bounds = sorted(
        {0, len(text)} | {v.start for v in violations} | {v.end for v in violations} | set(places)
    )
    covering: list[Violation] = []
    joined = 0
    out: list[str] = []
    for a, b in zip(bounds, [*bounds[1:], bounds[-1]], strict=True):
        if a in empty:
            out.append(_mark("", empty[a], empty[a]))
        if b <= a:
            continue
        while joined < len(spans) and spans[joined].start <= a:
            covering.append(spans[joined])
            joined += 1
        if covering:
            covering = [v for v in covering if v.end >= b]
        piece = _e(text[a:b])
        labels = places.get(b, [])
        if covering:
            out.append(_mark(piece, covering, labels))
        else:
            out.append(piece + (_labels(labels) if labels else ""))
    return "".join(out)


def _where(v: Violation) -> str:
    assert v.location is not None
    return f"{v.location.line}:{v.location.column}"


def _rule_cell(v: Violation) -> str:
    rule = catalog().by_code.get(v.rule)
    code = _e(v.rule)
    link = (
        f'<a href="{_e(rule_url(rule))}" target="_blank" rel="noopener">{code}</a>'
        if rule
        else code
    )
    return f'{link} <span style="color:#57606a;">{_e(v.name)}</span>'


def _table(rows: Sequence[tuple[str | None, Report, Violation]]) -> str:
    with_message = any(label is not None for label, _, _ in rows)
    head = (["message"] if with_message else []) + [
        "line:col",
        "rule",
        "severity",
        "text",
        "message",
        "suggestion",
        "consequence",
    ]
    out = [f'<table class="wxguard-findings" style="{_TABLE}"><thead><tr>']
    out += [f'<th style="{_CELL}background:#f6f8fa;">{_e(h)}</th>' for h in head]
    out.append("</tr></thead><tbody>")
    for label, _report, v in rows:
        accent = COLOURS[v.severity][1]
        cells = ([_e(label)] if with_message else []) + [
            _e(_where(v)),
            _rule_cell(v),
            f'<span style="color:{accent};font-weight:600;">{_e(v.severity.value)}</span>',
            f'<code style="white-space:pre-wrap;">{_e(v.text)}</code>',
            _e(v.message),
            _e(v.suggestion or ""),
            f'<span style="{_PENALTY}">{_e(v.consequence)}</span>',
        ]
        out.append("<tr>" + "".join(f'<td style="{_CELL}">{c}</td>' for c in cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _place(report: Report) -> str:
    """Where a message is in its file, ``msgs.txt:20``, so the page maps back to the file."""
    return f"{report.path}:{report.line}"


def _heading(report: Report, violations: Sequence[Violation], label: str | None = None) -> str:
    parts = []
    if label is not None:
        parts.append(f'<span style="font-weight:700;margin-right:6px;">{_e(label)}</span>')
    parts.append(_badge(report.verdict))
    where = f" {_e(_place(report))}" if report.path and label is None else ""
    parts.append(
        f'<span style="margin-left:8px;color:#57606a;">{_e(_counts(violations))}{where}</span>'
    )
    return f'<div class="wxguard-heading">{"".join(parts)}</div>'


def report_html(report: Report) -> str:
    violations = located_violations(report)
    body = [
        _heading(report, violations),
        f'<div class="wxguard-text" style="{_TEXT}">{highlight(report.text, violations)}</div>',
    ]
    if violations:
        body.append(_table([(None, report, v) for v in violations]))
    return f'<div class="wxguard-report tex2jax_ignore" style="{_BOX}">{"".join(body)}</div>'


def batch_summary(reports: Sequence[Report], checked: int | None = None) -> str:
    """``2 messages: 1 block, 0 review, 1 pass``. ``checked`` is every message checked when
    ``reports`` holds only those with findings (the CLI's): the rest passed."""
    total = len(reports) if checked is None else checked
    block, review = (
        sum(1 for r in reports if r.verdict is v) for v in (Verdict.BLOCK, Verdict.REVIEW)
    )
    return (
        f"{plural(total, 'message')}: {block} block, {review} review, {total - block - review} pass"
    )


def reports_html(
    reports: Sequence[Report], limit: int | None = BATCH_LIMIT, checked: int | None = None
) -> str:
    """The batch: its first ``limit`` messages in full (all of them with None), the rest
    counted, and one findings table. Each message is headed by its file and line when it
    has a file, else by its number in the first batch (``Reports.numbers``); ``checked`` as in ``batch_summary``."""
    shown = reports if limit is None else reports[:limit]
    body = [
        f'<div class="wxguard-summary" style="font-weight:600;margin-bottom:4px;">'
        f"{_e(batch_summary(reports, checked))}</div>"
    ]
    if checked is not None and checked > len(reports):
        body.append(
            f"<div>{_e(plural(checked - len(reports), 'message'))} with no findings left out</div>"
        )
    rows: list[tuple[str | None, Report, Violation]] = []
    for number, report in zip(_numbers(reports), shown, strict=False):  # shown: the first `limit`
        violations = located_violations(report)
        label = _place(report) if report.path else f"#{number}"
        body.append(_heading(report, violations, label))
        body.append(
            f'<div class="wxguard-text" style="{_TEXT}">{highlight(report.text, violations)}</div>'
        )
        rows += [(label, report, v) for v in violations]
    if len(reports) > len(shown):
        body.append(
            f"<div>… {_e(plural(len(reports) - len(shown), 'more message'))} not shown</div>"
        )
    if rows:
        body.append(_table(rows))
    return f'<div class="wxguard-report tex2jax_ignore" style="{_BOX}">{"".join(body)}</div>'


def _numbers(reports: Sequence[Report]) -> Sequence[int]:
    """Each report's number: its place in the first batch for a filtered ``Reports``."""
    numbers: Sequence[int] | None = getattr(reports, "numbers", None)
    return numbers if numbers is not None else range(1, len(reports) + 1)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def page(reports: Sequence[Report], checked: int | None = None) -> str:
    """A standalone page of every report (the CLI's ``html`` format, for a file): the batch
    HTML of ``Reports.to_html`` with no message left out; ``checked`` as in ``batch_summary``."""
    return _page("wxguard report", reports_html(reports, limit=None, checked=checked))


def statistics_page(
    counts: Sequence[tuple[str, int]], reports: Sequence[Report], checked: int | None = None
) -> str:
    """The CLI's ``--statistics`` as a page: findings per rule, most first, each rule linked
    to its documentation, under the messages (``reports``, ``checked`` as in
    ``batch_summary``) and the number of findings."""
    by_code = catalog().by_code
    head = "".join(
        f'<th style="{_CELL}background:#f6f8fa;">{_e(h)}</th>'
        for h in ("count", "rule", "severity")
    )
    rows = []
    for code, n in counts:
        rule = by_code[code]
        accent = COLOURS[rule.severity][1]
        cells = (
            _e(n),
            f'<a href="{_e(rule_url(rule))}" target="_blank" rel="noopener">{_e(code)}</a> '
            f'<span style="color:#57606a;">{_e(rule.name)}</span>',
            f'<span style="color:{accent};font-weight:600;">{_e(rule.severity.value)}</span>',
        )
        rows.append("<tr>" + "".join(f'<td style="{_CELL}">{c}</td>' for c in cells) + "</tr>")
    total = plural(sum(n for _, n in counts), "finding")
    body = (
        f'<div class="wxguard-statistics tex2jax_ignore" style="{_BOX}">'
        f'<div class="wxguard-summary" style="font-weight:600;margin-bottom:4px;">'
        f"{_e(batch_summary(reports, checked))}</div>"
        f'<div style="font-weight:600;margin-bottom:4px;">{_e(total)} by rule</div>'
        f'<table style="{_TABLE}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
        "</tbody></table></div>"
    )
    return _page("wxguard statistics", body)


def plain_text(obj: Report | Sequence[Report]) -> str:
    """The concise lines, under a verdict line; numbered per message for a batch."""
    if not isinstance(obj, Sequence):
        return "\n".join([f"{obj.verdict.value}: {_counts(obj.violations)}", *concise_lines(obj)])
    lines = [plural(len(obj), "message")]
    for number, report in zip(_numbers(obj), obj, strict=True):
        lines.append(f"#{number} {report.verdict.value}: {_counts(report.violations)}")
        lines += [f"  {line}" for line in concise_lines(report)]
    return "\n".join(lines)


def mimebundle(
    obj: Report | Sequence[Report], include: Any = None, exclude: Any = None
) -> dict[str, str]:
    """IPython's rich display: only the formats asked for are rendered."""

    def wanted(mime: str) -> bool:
        return (not include or mime in include) and (not exclude or mime not in exclude)

    bundle = {}
    if wanted("text/plain"):
        bundle["text/plain"] = plain_text(obj)
    if wanted("text/html"):
        bundle["text/html"] = reports_html(obj) if isinstance(obj, Sequence) else report_html(obj)
    return bundle
