"""Large regexes compiled once per machine, not once per process.

The phrase banks' literal unions and the trade grid's anchors are trie regexes of up to
7,000 characters; ``re`` parses and compiles each in Python, ~10 ms apiece, in every
process (a third of ``Guard()`` and of a first check, issue 13). What the compiler makes is a
list of integers that ``_sre.compile`` turns into a pattern in C in a fraction of a
millisecond, so that list is what the on-disk cache keeps (``cache.cached``: an entry is
authenticated, then checked): keyed by what the sources are made from and the interpreter's
exact version (the code's format is the interpreter's own), and handed back through
``_sre.compile``, which rejects most malformed code (not all: the MAC keeps out code that is
not the cache's own). A pattern made so is the one ``re.compile`` makes from the same
source (tests hold them to each other); where the interpreter's internals differ from these
or the cache is off, the sources are simply compiled.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeGuard

from .. import cache
from . import quickregex
from .quickregex import trie_source

try:  # CPython's regex engine and compiler, as ``re.compile`` calls them
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter
    _sre = None

# A source and what it compiles to: the flags (the inline ones added), the code, the number
# of groups less one, and the group names both ways (``_sre.compile``'s arguments).
_Compiled = tuple[str, int, list[int], int, dict[str, int], tuple[str | None, ...]]
# Tries of fewer characters than this compile faster than an entry is read (~0.1 ms).
SHORTEST = 400


def stored_regexes(sources: Sequence[str]) -> list[re.Pattern[str]]:
    """``[re.compile(s) for s in sources]``, from the on-disk cache when it holds them. A
    source that does not compile raises ``re.error`` as ``re.compile`` does. For sources
    that compile slowly: long unions, and classes of many characters (``re`` lays out a
    range such as ``[\u3400-\u9fff]`` one character at a time, ~1 ms); reading an entry
    costs ~0.1 ms."""
    if _sre is None:
        return [re.compile(s) for s in sources]
    return _stored(
        ("regex", *sources),
        lambda: list(sources),
        len(sources),
        lambda made: [p.pattern for p in made] == list(sources),
    )


def stored_regex(source: str) -> re.Pattern[str]:
    return stored_regexes([source])[0]


def stored_trie(strings: Iterable[str]) -> re.Pattern[str]:
    """``re.compile(trie_source(strings))``, from the cache when it holds it. Keyed by the
    strings and ``trie_source``'s own code, so a warm process does not write the trie's
    source either (15 ms for the WX8 trigger's 1,200 anchors)."""
    unique = sorted(set(strings))
    if _sre is None or not unique or sum(map(len, unique)) < SHORTEST:
        return re.compile(trie_source(unique))
    outside = chr(max(map(ord, "".join(unique))) + 1)

    def matches_them(pattern: re.Pattern[str]) -> bool:
        """A pattern read back matches each string whole, and no string with more after it."""
        return all(
            pattern.fullmatch(s) is not None and pattern.fullmatch(s + outside) is None
            for s in unique
        )

    key = ("trie", _trie_code(), *unique)
    return _stored(key, lambda: [trie_source(unique)], 1, lambda made: matches_them(made[0]))[0]


def stored_quick(sources: Sequence[str]) -> list[re.Pattern[str]]:
    """``[quickregex.quick(s) for s in sources]``, from the on-disk cache when it holds
    them: working out a union's first characters parses it, in every process (the
    child's details, 1,174 characters), which reading the entry does not. Keyed by the
    sources and ``quickregex``'s code; a pattern read back must be its source itself or
    the source behind a lookahead."""
    if _sre is None:
        return [quickregex.quick(s) for s in sources]

    def behind(made: list[re.Pattern[str]]) -> bool:
        return all(
            p.pattern == s or (p.pattern.startswith("(?") and p.pattern.endswith(f"(?:{s})"))
            for p, s in zip(made, sources, strict=True)
        )

    return _stored(
        ("quick", _trie_code(), *sources),
        lambda: [quickregex.quick_source(s) for s in sources],
        len(sources),
        behind,
    )


@functools.cache
def _trie_code() -> str:
    """The trie writer's module, read once a process: an edit to it changes every trie."""
    return cache.digest(Path(quickregex.__file__).read_bytes())


def _stored(
    key: tuple[str, ...],
    make: Callable[[], list[str]],
    count: int,
    check: Callable[[list[re.Pattern[str]]], bool],
) -> list[re.Pattern[str]]:
    """The ``count`` patterns of ``make()``'s sources, from the entry for ``key`` when
    there is one whose patterns pass ``check``."""
    made: list[re.Pattern[str]] = []

    def build() -> list[_Compiled]:
        compiled = [_compile(s) for s in make()]
        made[:] = [_restore(c) for c in compiled]
        return compiled

    def valid(value: object) -> TypeGuard[list[_Compiled]]:
        if type(value) is not list or len(value) != count:
            return False
        patterns = [_restore(c) for c in value]
        if not check(patterns):
            return False
        made[:] = patterns
        return True

    name = cache.digest("regex-2", sys.version, sys.implementation.name, str(_sre.MAGIC), *key)
    try:
        cache.cached("regex", name, build, valid)
    except re.error:
        raise
    except Exception:  # internals of another shape than these: compile as re does
        return [re.compile(s) for s in make()]
    return made


def _compile(source: str) -> _Compiled:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``source`` (no flags)."""
    parsed = _parser.parse(source, 0)
    code = [int(c) for c in _compiler._code(parsed, 0)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return source, parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _restore(compiled: Any) -> re.Pattern[str]:
    """The pattern from its source and code, their shapes checked here. ``_sre.compile``
    rejects most malformed code but not all (audit s9 crashed it with signed fuzzed code):
    the entry's MAC, not these checks, is what keeps others' code out."""
    source, flags, code, groups, groupindex, indexgroup = compiled
    if not (
        type(source) is str
        and type(flags) is int
        and type(code) is list
        and type(groups) is int
        and type(groupindex) is dict
        and type(indexgroup) is tuple
        and len(indexgroup) == groups + 1
        and all(type(k) is str and type(v) is int for k, v in groupindex.items())
    ):
        raise ValueError("not a compiled regex")
    pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    return pattern
