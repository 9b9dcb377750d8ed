"""The data wxguard ships, and the one way data files are read.

Bundled data lives in two places: ``data/`` inside the package (the rule catalog and the
platform profiles) and ``wordlists/`` (word lists, phrase banks and link data that a team
tunes; inside the wheel, at the repository root in a checkout). Every data file, bundled or
a user's, is read here, so every problem names the file and, where there is one, the line.
"""

from __future__ import annotations

import datetime
import errno
import os
import re
import stat
import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import Any

from .errors import WordListError

_PACKAGE = Path(__file__).resolve().parent
TOML_LINE = re.compile(r"line (\d+)")
# Word lists, phrase files, registries and config files are written by people: one this big
# is a mistake or an attack (a config naming /dev/zero filled 22 GB of memory until the
# kernel killed the process, audit s9). The largest bundled file is under 1 MB.
MAX_DATA_BYTES = 256 * 2**20


def data_path(name: str) -> Path:
    """A file of the package's ``data/`` folder."""
    return _PACKAGE / "data" / name


def wordlists_dir() -> Path:
    """The shipped ``wordlists/`` folder (inside the wheel; the repository root in a checkout)."""
    packaged = _PACKAGE / "wordlists"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parents[1] / "wordlists"


def wordlist_path(*parts: str) -> tuple[Path, str]:
    """A shipped file under ``wordlists/`` and the name errors show for it."""
    return wordlists_dir().joinpath(*parts), "/".join(("wordlists", *parts))


def wordlist_files() -> list[Path]:
    """The shipped sensitive-word lists: every ``wordlists/*.txt``, by name (other families'
    data sits in sub-folders or in ``.toml`` files, so it is never read as a word list)."""
    return sorted(
        (p for p in wordlists_dir().iterdir() if p.name.endswith(".txt")), key=lambda p: p.name
    )


def decode(data: bytes, where: str) -> str:
    """UTF-8 text without a byte-order mark; bad bytes are reported with their line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WordListError(where, data[: exc.start].count(b"\n") + 1, "not valid UTF-8") from None
    return text.removeprefix("\ufeff")


def read_data(path: str | Path) -> bytes:
    """A data file's bytes, or an OSError saying why not: a FIFO would block (opened without
    waiting for a writer), a device never ends, a file over ``MAX_DATA_BYTES`` is no list."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = file.read(MAX_DATA_BYTES + 1)
    if len(data) > MAX_DATA_BYTES:
        raise OSError(errno.EFBIG, f"larger than {MAX_DATA_BYTES // 2**20} MB")
    return data


def read_text(path: Path, where: str, what: str) -> str:
    """A UTF-8 file's text; ``what`` names the kind of file in errors ("word list")."""
    try:
        data = read_data(path)
    except OSError as exc:
        raise WordListError(where, None, f"cannot read {what}: {exc.strerror or exc}") from None
    return decode(data, where)


@dataclass(frozen=True)
class TomlFile:
    """A parsed TOML file with its text, so later errors can name the line of a value."""

    data: dict[str, Any]
    text: str
    where: str

    def line_of(self, raw: str) -> int | None:
        """Line where ``raw`` is first written (quoted or bare), for error messages."""
        for quote in ('"', "'"):
            i = (
                self.text.find(f"{quote}{raw}{quote}")
                if quote in raw
                else self._between[quote].get(raw, -1)
            )
            if i >= 0:
                return bisect_left(self._newlines, i) + 1
        i = self.text.find(raw)
        return bisect_left(self._newlines, i) + 1 if i >= 0 else None

    @cached_property
    def _between(self) -> dict[str, dict[str, int]]:
        """Per quote character, the text between each one and the next, at its first opening.
        Every phrase of a bank file is looked up: a ``find`` per phrase read the file from the
        start each time (a seventh of a Guard's construction); this is one pass."""
        index: dict[str, dict[str, int]] = {}
        for quote in ('"', "'"):
            parts = self.text.split(quote)
            found: dict[str, int] = {}
            for between, at in zip(parts[1:-1], _starts(parts)[:-1], strict=True):
                found.setdefault(between, at)
            index[quote] = found
        return index

    @cached_property
    def _newlines(self) -> list[int]:
        return _starts(self.text.split("\n"))

    def at(self, raw: str) -> str:
        """``file:line`` of ``raw``, or the file alone when it cannot be found."""
        line = self.line_of(raw)
        return f"{self.where}:{line}" if line else self.where

    def error(self, problem: str, near: str | None = None) -> WordListError:
        return WordListError(self.where, self.line_of(near) if near is not None else None, problem)


def _starts(parts: list[str]) -> list[int]:
    """Where each separator stands in the text that ``parts`` were split from."""
    return [at - 1 for at in accumulate(len(part) + 1 for part in parts[:-1])]


def loads_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads``, with nesting too deep for its recursive parser (a 5,000-deep array)
    reported as bad TOML like any other."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply") from None


_TOML_VALUES = (str, int, float, bool, datetime.date, datetime.time, datetime.datetime)


def toml_like(value: object) -> bool:
    """What ``tomllib`` can return: tables with string keys, arrays and plain values (the
    check of a parsed file read back from the disk cache)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            if not all(type(k) is str for k in item):
                return False
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
        elif not isinstance(item, _TOML_VALUES):
            return False
    return True


def read_toml(path: Path, where: str | None = None, what: str = "data file") -> TomlFile:
    """Parse a TOML file; errors name the file and line (``where`` is its display name)."""
    shown = where or str(path)
    return parse_toml(read_text(path, shown, what), shown)


def parse_toml(text: str, shown: str) -> TomlFile:
    """A TOML file's text parsed; errors name ``shown`` and the line."""
    try:
        return TomlFile(loads_toml(text), text, shown)
    except tomllib.TOMLDecodeError as exc:
        m = TOML_LINE.search(str(exc))
        raise WordListError(
            shown, int(m.group(1)) if m else None, f"not valid TOML: {exc}"
        ) from None


def wordlist_toml(*parts: str) -> TomlFile:
    """A shipped TOML file under ``wordlists/``."""
    path, where = wordlist_path(*parts)
    return read_toml(path, where)
