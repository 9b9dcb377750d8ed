"""Suppression directives in checked files, and WX001 for those that suppress nothing.

Markdown: ``<!-- wxguard-disable [CODES] -->`` … ``<!-- wxguard-enable [CODES] -->`` and
``<!-- wxguard-disable-next-line [CODES] -->``; plain text: a trailing
``wxguard: ignore[CODES]`` (``.txt`` has no comment syntax). Codes are comma- or
space-separated codes or prefixes; none means every rule. Suppression is a filter over
reported spans (as in textlint), so it works the same for every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Literal, Sequence

from ..catalog import catalog
from ..config import GuardConfig
from ..models import Violation
from .markdown import Comment

UNUSED_SUPPRESSION = "WX001"

_DIRECTIVE = re.compile(r"^\s*wxguard-(disable-next-line|disable|enable)(?=\s|$)(.*)$", re.I | re.S)
_TRAILING = re.compile(r"(?:^|(?<=\s))wxguard:\s*ignore(?:\[([^\]\n]*)\])?\s*$", re.I)
_MENTION = re.compile(r"^\s*wxguard\b", re.I)
_SPLIT = re.compile(r"[\s,]+")

Kind = Literal["disable", "enable", "disable-next-line", "ignore", "unknown"]
_KINDS: dict[str, Kind] = {"disable": "disable", "enable": "enable", "disable-next-line": "disable-next-line"}


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

    def covers(self, violation: Violation) -> bool:
        return self.start <= violation.start < self.end and (self.code is None or violation.rule.startswith(self.code))


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
            out.append(Directive(_KINDS[found.group(1).lower()], _codes(found.group(2)), comment.start, comment.end, source))
        elif _MENTION.match(comment.body):
            out.append(Directive("unknown", (), comment.start, comment.end, source))
    return out


def trailing_marker(line: str) -> Directive | None:
    """The ``wxguard: ignore[CODES]`` marker at the end of a plain-text line."""
    found = _TRAILING.search(line)
    if found is None:
        return None
    return Directive("ignore", _codes(found.group(1) or ""), found.start(), len(line), found.group(0).strip())


def _next_line(text: str, offset: int) -> tuple[int, int]:
    start = text.find("\n", offset)
    if start == -1:
        return len(text), len(text)
    end = text.find("\n", start + 1)
    return start + 1, len(text) if end == -1 else end


def _scopes(text: str, directives: Sequence[Directive]) -> list[_Scope]:
    scopes: list[_Scope] = []
    open_: list[_Scope] = []
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
                open_.append(scope)
        elif d.kind == "enable":
            closing = [s for s in open_ if not d.codes or s.code in d.codes]
            for scope in closing:
                scope.end = d.start
                open_.remove(scope)
    return scopes


def apply(
    text: str,
    violations: Sequence[Violation],
    directives: Sequence[Directive],
    enabled: frozenset[str],
    config: GuardConfig,
) -> list[Violation]:
    """The violations no directive covers, plus one WX001 per directive that covered nothing
    (when WX001 is enabled). Codes of rules switched off by the settings are not "unused":
    the configuration, not the copy, decided they cannot fire."""
    scopes = _scopes(text, directives)
    kept = []
    for v in violations:
        covering = [s for s in scopes if s.covers(v)]
        for scope in covering:
            scope.used = True
        if not covering:
            kept.append(v)
    if UNUSED_SUPPRESSION not in enabled:
        return kept
    known = catalog().by_code
    for d in directives:
        if d.kind == "enable":
            continue
        if d.kind == "unknown":
            kept.append(_unused(text, d, d.source, config))
            continue
        mine = [s for s in scopes if s.directive is d and not s.used]
        unused = [
            s.code or "*"
            for s in mine
            if s.code is None
            or any(c.startswith(s.code) for c in enabled)
            or not any(c.startswith(s.code) for c in known)
        ]
        if unused:
            kept.append(_unused(text, d, ", ".join(unused) if d.codes else d.source, config))
    return kept


def _unused(text: str, d: Directive, codes: str, config: GuardConfig) -> Violation:
    rule = catalog().by_code[UNUSED_SUPPRESSION]
    lang = config.lang
    return Violation(
        rule=rule.code,
        name=rule.name,
        category=rule.category or rule.family,
        severity=config.severity_of(rule.code),
        start=d.start,
        end=d.end,
        text=text[d.start : d.end],
        message=rule.message(lang, codes=codes),
        suggestion=rule.suggestion(lang),
        consequence=rule.consequence(lang),
    )
