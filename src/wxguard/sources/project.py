"""Settings for each checked file: the nearest configuration file, command-line overrides on
top, and the ``per-file-ignores`` that match the file.

Discovery walks up from the file's folder; in each folder ``wxguard.toml`` wins over a
``pyproject.toml``, which counts only when it has a ``[tool.wxguard]`` table (ruff's rule).
The closest file wins; files are not merged.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from ..config import GuardConfig, build_config, load_config_file, parse_config
from ..guard import Guard
from ..models import Severity
from ..resources import read_data
from .files import Exclusion, exclusion

CONFIG_FILES = ("wxguard.toml", "pyproject.toml")
LINKS_FAMILY = "WX2"


@dataclass(frozen=True)
class Overrides:
    """Command-line settings. A ``select`` here replaces the file's selection entirely
    (ruff's precedence); otherwise ``extend_select`` and ``ignore`` add to the file's. An
    ``exclude`` replaces the file's, ``extend_exclude`` adds to it (patterns with ``/`` are
    absolute here: the command line's are taken from the current folder)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    no_suppress: tuple[str, ...] = ()
    fail_on: str | None = None
    lang: str | None = None
    platform: str | None = None
    industry: str | None = None
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()

    def apply(self, base: GuardConfig, source: Path | None) -> GuardConfig:
        data: dict[str, Any] = base.model_dump()
        if self.select is not None:
            data.update(select=self.select, extend_select=self.extend_select, ignore=self.ignore)
        else:
            data.update(
                extend_select=base.extend_select + self.extend_select,
                ignore=base.ignore + self.ignore,
            )
        data["no_suppress"] = base.no_suppress + self.no_suppress
        if self.exclude is not None:
            data["exclude"] = self.exclude
        data["extend_exclude"] = base.extend_exclude + self.extend_exclude
        for key in ("fail_on", "lang", "platform", "industry"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return build_config(data, source)


class LinkJudge:
    """The Guard that judges a Markdown file's link destinations: its file's settings with
    only the links family (WX2) selected, so the other families still read only the prose.
    Built when a file first has a destination; ``None`` when no WX2 rule is enabled."""

    def __init__(self, guard: Guard) -> None:
        self._of = guard
        self._built: tuple[Guard | None] | None = None

    def guard(self) -> Guard | None:
        if self._built is None:
            codes = sorted(c for c in self._of.enabled_rules if c.startswith(LINKS_FAMILY))
            kept = tuple(
                s if s.startswith(LINKS_FAMILY) else LINKS_FAMILY
                for s in self._of.config.no_suppress
                if s.startswith(LINKS_FAMILY) or LINKS_FAMILY.startswith(s)
            )
            config = self._of.config.model_copy(
                update={
                    "select": tuple(codes),
                    "extend_select": (),
                    "ignore": (),
                    "no_suppress": kept,
                }
            )
            self._built = (Guard(config=config) if codes else None,)
        return self._built[0]


@dataclass(frozen=True)
class FileSettings:
    """How one file is checked: its Guard, the codes switched off for it, the failing
    level, and the judge of its Markdown link destinations (shared per configuration)."""

    guard: Guard
    config_file: Path | None
    ignored: tuple[str, ...]
    enabled: frozenset[str]
    links: LinkJudge | None = None

    def __post_init__(self) -> None:
        if self.links is None:  # built by hand, not by a Project: a judge of its own
            object.__setattr__(self, "links", LinkJudge(self.guard))

    def link_guard(self) -> Guard | None:
        assert self.links is not None
        return self.links.guard()

    @property
    def fail_on(self) -> Severity:
        return self.guard.config.fail_on


def _declares_wxguard(path: Path) -> bool:
    try:
        raw = read_data(path)
    except OSError:
        return False
    if b"wxguard" not in raw:
        return False
    data = parse_config(raw, path)
    tool = data.get("tool")
    return isinstance(tool, dict) and "wxguard" in tool


def find_config(folder: Path) -> Path | None:
    """The nearest ``wxguard.toml``, or ``pyproject.toml`` with ``[tool.wxguard]``, at or above ``folder``."""
    folder = folder.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name == "wxguard.toml" or _declares_wxguard(candidate)):
                return candidate
    return None


def per_file_ignored(table: dict[str, tuple[str, ...]], root: Path, file: Path) -> tuple[str, ...]:
    """Codes of the ``per-file-ignores`` globs that match ``file`` (its path relative to the
    configuration's folder, or its name); ``*`` also crosses folders, so ``docs/**`` works."""
    resolved = file.resolve()
    try:
        relative = resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = resolved.as_posix()
    codes: list[str] = []
    for pattern, selected in table.items():
        glob = pattern.removeprefix("./")
        if fnmatchcase(relative, glob) or fnmatchcase(file.name, glob):
            codes.extend(selected)
    return tuple(dict.fromkeys(codes))


class Project:
    """Settings per checked file, with Guards and discovered files cached for the run."""

    def __init__(self, overrides: Overrides, config: Path | None = None) -> None:
        self.overrides = overrides
        self.explicit = config
        self._found: dict[Path, Path | None] = {}
        self._guards: dict[Path | None, Guard] = {}
        self._links: dict[Path | None, LinkJudge] = {}

    def _config_for(self, folder: Path) -> Path | None:
        if self.explicit is not None:
            return self.explicit
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        return self._found[folder]

    def _guard(self, config_file: Path | None) -> Guard:
        if config_file not in self._guards:
            base = load_config_file(config_file) if config_file is not None else GuardConfig()
            guard = self._guards[config_file] = Guard(
                config=self.overrides.apply(base, config_file)
            )
            self._links[config_file] = LinkJudge(guard)
        return self._guards[config_file]

    def exclusion(self, folder: Path) -> Exclusion:
        """The ``exclude`` patterns in force in ``folder`` (its nearest configuration's), with
        the folder relative patterns start from (the configuration's, else the current one)."""
        config_file = self._config_for(folder)
        config = self._guard(config_file).config
        root = config_file.parent.resolve() if config_file is not None else Path.cwd().resolve()
        return exclusion(config.exclude, config.extend_exclude, root)

    def settings(self, file: Path | None) -> FileSettings:
        """Settings for ``file`` (``None``: stdin without a name, found from the current folder)."""
        folder = file.parent if file is not None else Path.cwd()
        config_file = self._config_for(folder)
        guard = self._guard(config_file)
        ignored: tuple[str, ...] = ()
        if file is not None and guard.config.per_file_ignores:
            root = config_file.parent if config_file is not None else Path.cwd()
            ignored = per_file_ignored(guard.config.per_file_ignores, root, file)
        kept = guard.config.unsuppressible()
        enabled = frozenset(
            c for c in guard.enabled_rules if c in kept or not any(c.startswith(s) for s in ignored)
        )
        return FileSettings(guard, config_file, ignored, enabled, self._links[config_file])
