"""Checking a copy file: split it into messages, check each, keep the file's positions.

A ``.txt`` file is one message a line; a ``.md`` file is one message, its non-prose parts
masked. Reports carry the original text, so every span, line and column is the file's.
A masked region is a hard break: a finding that reaches across one must also be found when
the region is a wall of letters the matcher cannot skip, else it was stitched together
from prose on both sides of, say, inline code (``稳`x`赚`` is not 稳赚).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

from ..guard import Guard
from ..marks import merge, parts
from ..models import Violation
from ..report import Report
from .markdown import mask_markdown
from .project import LINKS_FAMILY, FileSettings
from .reading import Kind
from .suppression import Directive, apply, markdown_directives, trailing_markers

# A letter (Yi syllable) that folds to itself, is not noise, CJK or Latin, and has no sound:
# nothing matches through it and nothing matches it.
WALL = "\ua000"


@dataclass(frozen=True)
class Unit:
    """One message of a file: original and masked text (same length), its first line there,
    the masked spans and the suppression directives inside it; for Markdown with link
    destinations, the text the links family reads and the spans still masked in it."""

    text: str
    checked: str
    line: int
    runs: tuple[tuple[int, int], ...]
    directives: tuple[Directive, ...]
    links: str | None = None
    link_runs: tuple[tuple[int, int], ...] = ()


def units(text: str, kind: Kind) -> Iterator[Unit]:
    """The messages of a file's text; blank ``.txt`` lines are not messages."""
    if kind == "md":
        masked = mask_markdown(text)
        directives = tuple(markdown_directives(masked.comments))
        yield Unit(text, masked.text, 1, masked.runs, directives, masked.links, masked.link_runs)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        markers = trailing_markers(line)
        if not markers:
            yield Unit(line, line, number, (), ())
        elif markers[0].kind == "unknown":  # reported as WX001 and still checked as text
            yield Unit(line, line, number, (), markers)
        else:
            start = markers[0].start
            checked = line[:start] + " " * (len(line) - start)
            yield Unit(line, checked, number, ((start, len(line)),), markers)


def _crossing(runs: tuple[tuple[int, int], ...], violations: list[Violation]) -> set[int]:
    """ids of the violations that overlap a masked run (runs sorted and disjoint: one
    bisection each, not every run for every violation)."""
    ends = [b for _, b in runs]
    out = set()
    for v in violations:
        i = bisect_right(ends, v.start)
        if i < len(runs) and runs[i][0] < v.end:
            out.add(id(v))
    return out


def _walls(text: str, runs: tuple[tuple[int, int], ...]) -> str:
    chars = list(text)
    for a, b in runs:
        for i in range(a, b):
            if chars[i] not in "\r\n":
                chars[i] = WALL
    return "".join(chars)


def _walled(
    guard: Guard, text: str, runs: tuple[tuple[int, int], ...], violations: list[Violation]
) -> list[Violation]:
    crossing = _crossing(runs, violations) if runs else set()
    if not crossing:
        return violations
    walled = parts(guard.check(_walls(text, runs)).violations, guard.config.lang)
    confirmed = {(w.rule, w.start, w.end) for w in walled}
    return [v for v in violations if id(v) not in crossing or (v.rule, v.start, v.end) in confirmed]


def _linked(unit: Unit, settings: FileSettings) -> Report | None:
    """The links family's report on a Markdown message with its link destinations put back."""
    if unit.links is None:
        return None
    links = settings.link_guard()
    return links.check(unit.links) if links is not None else None


def check_unit(unit: Unit, settings: FileSettings, path: str | None) -> Report:
    """The located report of one message, after per-file ignores and suppressions."""
    return _finished(
        unit, settings, path, settings.guard.check(unit.checked), _linked(unit, settings)
    )


def _finished(
    unit: Unit, settings: FileSettings, path: str | None, checked: Report, linked: Report | None
) -> Report:
    """``checked`` (the Guard's report on the masked text) with the file's ignores, walls
    and suppressions applied, located in the file. ``linked`` is the links family's report
    on the text with link destinations put back: it replaces the prose's WX2 findings.
    Findings that mark one problem together are taken apart for this and put back after,
    so that an ignored or suppressed code leaves the others standing."""
    lang = settings.guard.config.lang
    found = parts(checked.violations, lang)
    violations = [v for v in found if v.rule in settings.enabled]
    hidden = len(found) - len(violations)  # per-file-ignores
    if violations and unit.runs:
        violations = _walled(settings.guard, unit.checked, unit.runs, violations)
    if linked is not None:
        links, text = settings.link_guard(), unit.links
        assert links is not None and text is not None
        linked_parts = parts(linked.violations, lang)
        from_links = [v for v in linked_parts if v.rule in settings.enabled]
        hidden += len(linked_parts) - len(from_links)
        if from_links and unit.link_runs:
            from_links = _walled(links, text, unit.link_runs, from_links)
        violations = [v for v in violations if not v.rule.startswith(LINKS_FAMILY)] + from_links
    violations = [
        v
        if unit.text[v.start : v.end] == v.text
        else v.model_copy(update={"text": unit.text[v.start : v.end]})
        for v in violations
    ]
    violations, suppressed = apply(
        unit.text, violations, unit.directives, settings.enabled, settings.guard.config
    )
    return Report(
        text=unit.text,
        violations=tuple(merge(violations, lang, unit.text)),
        suppressed=hidden + suppressed,
    ).located(path, unit.line)


def check_text(text: str, kind: Kind, settings: FileSettings, path: str | None) -> Iterator[Report]:
    """Reports for every message of a file's text, in file order."""
    for unit in units(text, kind):
        yield check_unit(unit, settings, path)


def check_files(
    files: Iterable[tuple[str, str, Kind, FileSettings]], jobs: int
) -> Iterator[tuple[FileSettings, Report]]:
    """Every message of every (path, text, kind, settings), in order, with its file's
    settings. With ``jobs`` > 1 the messages of consecutive files that share a Guard are
    checked together by that many worker processes (``Guard.check_many``)."""
    if jobs <= 1:
        for path, text, kind, settings in files:
            for report in check_text(text, kind, settings, path):
                yield settings, report
        return
    pending = [
        (unit, settings, path) for path, text, kind, settings in files for unit in units(text, kind)
    ]
    for _, run in groupby(pending, key=lambda item: id(item[1].guard)):
        group = list(run)
        guard = group[0][1].guard
        checked = guard.check_many((unit.checked for unit, _, _ in group), workers=jobs)
        for (unit, settings, path), report in zip(
            group, checked, strict=True
        ):  # links alone: here, they are quick
            yield settings, _finished(unit, settings, path, report, _linked(unit, settings))
