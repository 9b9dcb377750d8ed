"""Checking a copy file: split it into messages, check each, keep the file's positions.

A ``.txt`` file is one message a line; a ``.md`` file is one message, its non-prose parts
masked. Reports carry the original text, so every span, line and column is the file's.
A masked region is a hard break: a finding that reaches across one must also be found when
the region is a wall of letters the matcher cannot skip, else it was stitched together
from prose on both sides of, say, inline code (``稳`x`赚`` is not 稳赚).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Iterable, Iterator

from ..guard import Guard
from ..models import Report, Violation
from .markdown import mask_markdown
from .project import FileSettings
from .reading import Kind
from .suppression import Directive, apply, markdown_directives, trailing_marker

# A letter (Yi syllable) that folds to itself, is not noise, CJK or Latin, and has no sound:
# nothing matches through it and nothing matches it.
WALL = "\ua000"


@dataclass(frozen=True)
class Unit:
    """One message of a file: original and masked text (same length), its first line there,
    the masked spans and the suppression directives inside it."""

    text: str
    checked: str
    line: int
    runs: tuple[tuple[int, int], ...]
    directives: tuple[Directive, ...]


def units(text: str, kind: Kind) -> Iterator[Unit]:
    """The messages of a file's text; blank ``.txt`` lines are not messages."""
    if kind == "md":
        masked = mask_markdown(text)
        yield Unit(text, masked.text, 1, masked.runs, tuple(markdown_directives(masked.comments)))
        return
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        marker = trailing_marker(line)
        if marker is None:
            yield Unit(line, line, number, (), ())
        else:
            checked = line[: marker.start] + " " * (len(line) - marker.start)
            yield Unit(line, checked, number, ((marker.start, len(line)),), (marker,))


def _walled(guard: Guard, unit: Unit, violations: list[Violation]) -> list[Violation]:
    crossing = {id(v) for v in violations if any(a < v.end and b > v.start for a, b in unit.runs)}
    if not crossing:
        return violations
    chars = list(unit.checked)
    for a, b in unit.runs:
        for i in range(a, b):
            if chars[i] not in "\r\n":
                chars[i] = WALL
    confirmed = {(w.rule, w.start, w.end) for w in guard.check("".join(chars)).violations}
    return [v for v in violations if id(v) not in crossing or (v.rule, v.start, v.end) in confirmed]


def check_unit(unit: Unit, settings: FileSettings, path: str | None) -> Report:
    """The located report of one message, after per-file ignores and suppressions."""
    return _finished(unit, settings, path, settings.guard.check(unit.checked))


def _finished(unit: Unit, settings: FileSettings, path: str | None, checked: Report) -> Report:
    """``checked`` (the Guard's report on the masked text) with the file's ignores, walls
    and suppressions applied, located in the file."""
    guard = settings.guard
    violations = [v for v in checked.violations if v.rule in settings.enabled]
    if unit.runs and violations:
        violations = _walled(guard, unit, violations)
    violations = [
        v if unit.text[v.start : v.end] == v.text else v.model_copy(update={"text": unit.text[v.start : v.end]})
        for v in violations
    ]
    violations = apply(unit.text, violations, unit.directives, settings.enabled, guard.config)
    return Report(text=unit.text, violations=tuple(violations)).located(path, unit.line)


def check_text(text: str, kind: Kind, settings: FileSettings, path: str | None) -> Iterator[Report]:
    """Reports for every message of a file's text, in file order."""
    for unit in units(text, kind):
        yield check_unit(unit, settings, path)


def check_files(files: Iterable[tuple[str, str, Kind, FileSettings]], jobs: int) -> Iterator[tuple[FileSettings, Report]]:
    """Every message of every (path, text, kind, settings), in order, with its file's
    settings. With ``jobs`` > 1 the messages of consecutive files that share a Guard are
    checked together by that many worker processes (``Guard.check_many``)."""
    if jobs <= 1:
        for path, text, kind, settings in files:
            for report in check_text(text, kind, settings, path):
                yield settings, report
        return
    pending = [(unit, settings, path) for path, text, kind, settings in files for unit in units(text, kind)]
    for _, run in groupby(pending, key=lambda item: id(item[1].guard)):
        group = list(run)
        guard = group[0][1].guard
        checked = guard.check_many((unit.checked for unit, _, _ in group), workers=jobs)
        for (unit, settings, path), report in zip(group, checked):
            yield settings, _finished(unit, settings, path, report)
