"""Which files a folder holds for wxguard: recursive, honouring ignore files and ``exclude``.

As in ruff: a folder is walked recursively for the kinds wxguard reads (``.md``,
``.markdown``, ``.txt``; other files are skipped, not refused); ``.gitignore`` and ``.ignore``
files apply at every level (deeper files win, ``!`` re-includes), with those of the
folder's parents up to the repository root and ``.git/info/exclude``; and the ``exclude``
setting (default: tool and environment folders such as ``.git``, ``.venv``,
``node_modules``), plus ``extend-exclude``, prunes files and folders. A pattern without
``/`` matches a file or folder name at any depth; one with ``/`` is a path from the
configuration file's folder (from the current folder on the command line), and ``*`` in it
also crosses folders. A file named on the command line is checked even when excluded,
unless ``--force-exclude`` (what the pre-commit hook passes).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING

from .reading import KINDS, InputError

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

DEFAULT_EXCLUDE = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pytest_cache",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
    "*.egg-info",
)
IGNORE_FILES = (".gitignore", ".ignore")


@dataclass(frozen=True)
class Exclusion:
    """The exclude patterns in force in one folder and the folder relative ones start from."""

    patterns: tuple[str, ...]
    root: Path

    def excludes(self, path: Path) -> bool:
        """Whether ``path`` (absolute) itself matches: by name, or by path from the root."""
        for pattern in self.patterns:
            glob = pattern.rstrip("/")
            if "/" in glob:
                if fnmatchcase(path.as_posix(), (self.root / glob.removeprefix("./")).as_posix()):
                    return True
            elif fnmatchcase(path.name, glob):
                return True
        return False

    def excludes_within(self, path: Path) -> bool:
        """Whether ``path`` or a folder above it, up to the root, matches (``--force-exclude``)."""
        if self.excludes(path):
            return True
        for parent in path.parents:
            if parent == self.root or self.root not in parent.parents:
                return False
            if self.excludes(parent):
                return True
        return False


def exclusion(
    exclude: tuple[str, ...] | None, extend_exclude: tuple[str, ...], root: Path
) -> Exclusion:
    return Exclusion((DEFAULT_EXCLUDE if exclude is None else exclude) + extend_exclude, root)


class _Ignores:
    """The ignore files in force while walking: (folder, spec), outermost first."""

    def __init__(self, layers: list[tuple[Path, GitIgnoreSpec]]) -> None:
        self.layers = layers

    def ignored(self, path: Path, is_dir: bool) -> bool:
        for folder, spec in reversed(self.layers):
            relative = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            verdict = spec.check_file(relative).include
            if verdict is not None:
                return verdict
        return False

    def entered(self, folder: Path) -> _Ignores:
        spec = _spec([folder / name for name in IGNORE_FILES])
        return self if spec is None else _Ignores([*self.layers, (folder, spec)])


def _spec(files: list[Path]) -> GitIgnoreSpec | None:
    from pathspec import GitIgnoreSpec  # only a folder walk needs it

    lines: list[str] = []
    for file in files:
        try:
            lines += file.read_text("utf-8", errors="replace").splitlines()
        except OSError:
            continue
    return GitIgnoreSpec.from_lines(lines) if lines else None


def _outer_ignores(folder: Path) -> _Ignores:
    """Ignore files of ``folder``'s parents up to the repository root (none outside a
    repository: a stray ignore file in a home folder must not hide anything)."""
    repo = next((p for p in (folder, *folder.parents) if (p / ".git").exists()), None)
    if repo is None:
        return _Ignores([])
    layers: list[tuple[Path, GitIgnoreSpec]] = []
    excluded = _spec([repo / ".git" / "info" / "exclude"])
    if excluded is not None:
        layers.append((repo, excluded))
    for parent in [p for p in reversed(folder.parents) if p == repo or repo in p.parents]:
        spec = _spec([parent / name for name in IGNORE_FILES])
        if spec is not None:
            layers.append((parent, spec))
    return _Ignores(layers)


def walk(
    folder: Path, shown: str, exclusion_of: Callable[[Path], Exclusion]
) -> Iterator[tuple[str, Path] | InputError]:
    """``(name to show, path)`` of every file of a kind wxguard reads under ``folder``, in
    name order, or an error for a sub-folder that cannot be listed. ``exclusion_of`` gives
    the exclusion in force in a folder (its nearest configuration's)."""
    root = folder.resolve()
    yield from _walk(
        root, "" if os.path.normpath(shown) == "." else shown, _outer_ignores(root), exclusion_of
    )


def _walk(
    folder: Path, shown: str, outer: _Ignores, exclusion_of: Callable[[Path], Exclusion]
) -> Iterator[tuple[str, Path] | InputError]:
    ignores = outer.entered(folder)
    excluded = exclusion_of(folder)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield InputError(f"{shown}: {exc.strerror or exc}")
        return
    for entry in entries:
        path = folder / entry.name
        name = os.path.join(shown, entry.name)
        is_dir = entry.is_dir(follow_symlinks=False)
        if excluded.excludes(path) or ignores.ignored(path, is_dir):
            continue
        if is_dir:
            yield from _walk(path, name, ignores, exclusion_of)
        elif Path(entry.name).suffix.lower() in KINDS and entry.is_file():
            yield name, path
