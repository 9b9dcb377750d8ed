"""Suppression directives in checked files, and WX001 for those that suppress nothing.

Markdown: ``<!-- wxguard-disable [CODES] -->`` … ``<!-- wxguard-enable [CODES] -->`` and
``<!-- wxguard-disable-next-line [CODES] -->``; plain text: a trailing
``wxguard: ignore[CODES]`` (``.txt`` has no comment syntax). Codes are comma- or
space-separated codes or prefixes; none means every rule but an error's (a blanket comment
hid a drug sale: an error is accepted only by naming its rule). Suppression is a filter over
reported spans (as in textlint), so it works the same for every rule.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..catalog import catalog
from ..config import GuardConfig
from ..families.base import Finding
from ..models import Severity, Violation
from .markdown import Comment

UNUSED_SUPPRESSION = "WX001"
# Codes that name no rule family (none, ``W``, ``WX``): a blanket comment by another name,
# which hides no error (``wxguard: ignore[WX]`` waved a drug sale through as a bare one had).
BLANKET: tuple[str | None, ...] = (None, "W", "WX")

_DIRECTIVE = re.compile(r"^\s*wxguard-(disable-next-line|disable|enable)(?=\s|$)(.*)$", re.I | re.S)
# ``wxguard: ignore[CODES]`` at the end of a line, matched on the reversed line from its end:
# one anchored attempt, where a search from the left retried at every "wxguard:".
_TRAILING_REVERSED = re.compile(r"\s*(?:\]([^\]\n]*)\[)?erongi\s*:draugxw(?!\S)", re.I)
# What looks meant as a plain-text directive: "wxguard:" or Markdown's "wxguard-disable…".
_TXT_MENTION = re.compile(r"(?:^|(?<=\s))wxguard(?:\s*:|-(?:disable|enable|ignore))", re.I)
_MENTION = re.compile(r"^\s*wxguard\b", re.I)
_SPLIT = re.compile(r"[\s,]+")

Kind = Literal["disable", "enable", "disable-next-line", "ignore", "unknown"]
_KINDS: dict[str, Kind] = {
    "disable": "disable",
    "enable": "enable",
    "disable-next-line": "disable-next-line",
}


@dataclass(frozen=True)
class Directive:
    """One directive: its kind, codes (empty: all rules) and its own span in the text."""

    kind: Kind
    codes: tuple[str, ...]
    start: int
    end: int
    source: str


@dataclass
class _Scope:
    """Where one code (or all, ``None``) of a directive applies, and whether it was used."""

    directive: Directive
    code: str | None
    start: int
    end: int
    used: bool = field(default=False)
    refused: list[str] = field(default_factory=list)  # errors a blanket scope did not hide


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(part.upper() for part in _SPLIT.split(raw.strip()) if part)


def markdown_directives(comments: Iterable[Comment]) -> list[Directive]:
    """Directives from HTML comments; a comment that names wxguard but no known directive is
    kept as ``unknown`` so a typo is reported instead of silently ignored."""
    out = []
    for comment in comments:
        source = comment.body.strip()
        found = _DIRECTIVE.match(comment.body)
        if found:
            out.append(
                Directive(
                    _KINDS[found.group(1).lower()],
                    _codes(found.group(2)),
                    comment.start,
                    comment.end,
                    source,
                )
            )
        elif _MENTION.match(comment.body):
            out.append(Directive("unknown", (), comment.start, comment.end, source))
    return out


def trailing_markers(line: str) -> tuple[Directive, ...]:
    """The ``wxguard: ignore[CODES]`` markers that end a plain-text line, left to right
    (``… wxguard: ignore[WX104] wxguard: ignore`` is two: each counts, not only the last),
    or an ``unknown`` directive from the first thing before them that looks meant as one (a
    typo such as ``wxguard: ignor[WX104]``) to the end of the line, so it is reported, not
    ignored."""
    found: list[Directive] = []
    end = len(line)
    while (marker := _TRAILING_REVERSED.match(line[:end][::-1])) is not None:
        start = end - marker.end()
        codes = marker.group(1)[::-1] if marker.group(1) is not None else ""
        found.append(Directive("ignore", _codes(codes), start, end, line[start:end].strip()))
        end = start
    if found:
        return tuple(reversed(found))
    mention = _TXT_MENTION.search(line)
    if mention is None:
        return ()
    source = line[mention.start() :].rstrip()
    return (Directive("unknown", (), mention.start(), mention.start() + len(source), source),)


def _next_line(text: str, offset: int) -> tuple[int, int]:
    start = text.find("\n", offset)
    if start == -1:
        return len(text), len(text)
    end = text.find("\n", start + 1)
    return start + 1, len(text) if end == -1 else end


def _scopes(text: str, directives: Sequence[Directive]) -> list[_Scope]:
    scopes: list[_Scope] = []
    open_: dict[str | None, list[_Scope]] = {}
    for d in directives:
        codes: tuple[str | None, ...] = d.codes or (None,)
        if d.kind == "ignore":
            scopes.extend(_Scope(d, code, 0, len(text)) for code in codes)
        elif d.kind == "disable-next-line":
            start, end = _next_line(text, d.end)
            scopes.extend(_Scope(d, code, start, end) for code in codes)
        elif d.kind == "disable":
            for code in codes:
                scope = _Scope(d, code, d.end, len(text))
                scopes.append(scope)
                open_.setdefault(code, []).append(scope)
        elif d.kind == "enable":
            for code in list(open_) if not d.codes else [c for c in d.codes if c in open_]:
                for scope in open_.pop(code):
                    scope.end = d.start
    return scopes


def _suppressed(violations: Sequence[Violation], scopes: list[_Scope]) -> list[bool]:
    """Whether a scope covers each violation, marking every scope that covers one as used.

    Scopes are grouped by code; a violation consults only the groups of its code's prefixes
    (and the all-codes group). In each group one sweep in start order keeps the scopes
    begun so far: the furthest end says whether a violation is covered, and the still-unused
    scopes wait in a heap by end until a violation inside them uses them. Linear in
    violations and scopes (times a log), where checking each pair was their product."""
    groups: dict[str | None, list[_Scope]] = {}
    for scope in scopes:
        groups.setdefault(scope.code, []).append(scope)
    asking: dict[str | None, list[int]] = {}
    for i, v in enumerate(violations):
        for code in (None, *(v.rule[:k] for k in range(1, len(v.rule) + 1))):
            if code in groups:
                asking.setdefault(code, []).append(i)
    refusals: list[tuple[_Scope, int]] = []
    for blanket in BLANKET:  # a blanket scope hides no error: it names those it met
        if blanket in asking:
            asked = asking[blanket]
            errors = [i for i in asked if violations[i].severity is Severity.ERROR]
            asking[blanket] = [i for i in asked if violations[i].severity is not Severity.ERROR]
            order = sorted(errors, key=lambda i: violations[i].start)
            refusals += _refusals(order, violations, groups[blanket])
    covered = [False] * len(violations)
    for code, asked in asking.items():
        group = sorted(groups[code], key=lambda s: s.start)
        waiting: list[tuple[int, int, _Scope]] = []
        begun, furthest = 0, -1
        for i in sorted(asked, key=lambda i: violations[i].start):
            at = violations[i].start
            while begun < len(group) and group[begun].start <= at:
                scope = group[begun]
                furthest = max(furthest, scope.end)
                heapq.heappush(waiting, (scope.end, begun, scope))
                begun += 1
            if furthest <= at:
                continue
            covered[i] = True
            while waiting:
                end, _, scope = heapq.heappop(waiting)
                if end > at:
                    scope.used = True
    for scope, i in refusals:  # an error a comment naming its rule hid was not refused
        if not covered[i] and violations[i].rule not in scope.refused:
            scope.refused.append(violations[i].rule)
    return covered


def _refusals(
    errors: list[int], violations: Sequence[Violation], blanket: list[_Scope]
) -> list[tuple[_Scope, int]]:
    """Each error (in start order) with the latest blanket scope begun before it that still
    covers it: one sweep with a stack, each scope pushed and popped once."""
    scopes = sorted(blanket, key=lambda s: s.start)
    stack: list[_Scope] = []
    out: list[tuple[_Scope, int]] = []
    begun = 0
    for i in errors:
        at = violations[i].start
        while begun < len(scopes) and scopes[begun].start <= at:
            stack.append(scopes[begun])
            begun += 1
        while stack and stack[-1].end <= at:
            stack.pop()
        if stack:
            out.append((stack[-1], i))
    return out


def apply(
    text: str,
    violations: Sequence[Violation],
    directives: Sequence[Directive],
    enabled: frozenset[str],
    config: GuardConfig,
) -> tuple[list[Violation], int]:
    """The violations no directive covers, plus one WX001 per directive that covered nothing
    (when WX001 is enabled), and how many the directives hid. A ``no-suppress`` code stays
    (its directive counts as used: the setting, not the copy, refused it)."""
    scopes = _scopes(text, directives)
    covered = _suppressed(violations, scopes) if scopes else [False] * len(violations)
    refused = config.no_suppress
    if refused:
        covered = [
            hidden and not v.rule.startswith(refused)
            for v, hidden in zip(violations, covered, strict=True)
        ]
    kept = [v for v, hidden in zip(violations, covered, strict=True) if not hidden]
    hidden = len(violations) - len(kept)
    if UNUSED_SUPPRESSION in enabled:
        for d, codes, variant in _stale(directives, scopes, enabled, refused):
            found = Finding(
                UNUSED_SUPPRESSION, d.start, d.end, fields={"codes": codes}, variant=variant
            )
            kept.append(found.violation(text, config))
    return kept, hidden


def _stale(
    directives: Sequence[Directive],
    scopes: list[_Scope],
    enabled: frozenset[str],
    kept_on: tuple[str, ...] = (),
) -> Iterator[tuple[Directive, str, str | None]]:
    """Each directive that suppressed nothing, with what to name and the message's variant:
    the codes that went unused, or the directive itself when it names no code or is not a
    directive wxguard knows; for a blanket directive that met only errors, their rules
    (``bare``: an error is accepted by naming its rule), but those ``kept_on`` (``no-suppress``),
    which naming would not hide either."""
    by_directive: dict[int, list[_Scope]] = {}
    for scope in scopes:
        by_directive.setdefault(id(scope.directive), []).append(scope)
    for d in directives:
        if d.kind == "enable":
            continue
        if d.kind == "unknown":
            yield d, d.source, None
            continue
        own = by_directive.get(id(d), [])
        unused = [s.code or "*" for s in own if not s.used and _could_fire(s.code, enabled)]
        met = [c for s in own if s.code in BLANKET for c in s.refused]
        refused = [c for c in met if not c.startswith(kept_on)]
        unknown = [c for c in unused if c != "*" and not _named(c)]
        if refused:
            yield d, ", ".join(refused), "bare"
        elif unknown:  # a typo (WX999, WX14): say so, not merely "unused"
            yield d, ", ".join(unknown), "unknown"
        elif unused and not met:  # errors only the setting keeps: it, not the copy, refused
            yield d, ", ".join(unused) if d.codes else d.source, None


def _named(code: str) -> bool:
    """Whether some rule's code begins with ``code``."""
    return any(c.startswith(code) for c in catalog().by_code)


def _could_fire(code: str | None, enabled: frozenset[str]) -> bool:
    """Whether an unused code makes its directive stale: all rules, an enabled one, or one no
    rule has (a typo). Codes of rules switched off by the settings are not "unused": the
    configuration, not the copy, decided they cannot fire."""
    return code is None or any(c.startswith(code) for c in enabled) or not _named(code)
