"""Large regexes compiled once per machine, not once per process.

The phrase banks' literal unions and the trade grid's anchors are trie regexes of up to
7,000 characters; ``re`` parses and compiles each in Python, ~10 ms apiece, in every
process (a third of ``Guard()`` and of a first check, issue 13). What the compiler makes is a
list of integers that ``_sre.compile`` turns into a pattern in C in a fraction of a
millisecond, so that list is what the on-disk cache keeps (``cache.cached``: an entry is
authenticated, then checked): keyed by the sources and the interpreter's exact version (the
code's format is the interpreter's own), and handed back through ``_sre.compile``, which
validates the code itself before any match runs. A pattern made so is the one ``re.compile``
makes from the same source (tests hold them to each other); where the interpreter's internals
differ from these or the cache is off, the sources are simply compiled.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any, TypeGuard

from .. import cache

try:  # CPython's regex engine and compiler, as ``re.compile`` calls them
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter
    _sre = None

# What a source compiles to: the flags (the inline ones added), the code, the number of
# groups less one, and the group names both ways: ``_sre.compile``'s arguments after the source.
_Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
# Sources shorter than this compile faster than an entry is read (~0.1 ms).
SHORTEST = 400


def stored_regexes(sources: Sequence[str]) -> list[re.Pattern[str]]:
    """``[re.compile(s) for s in sources]``, from the on-disk cache when it holds them. A
    source that does not compile raises ``re.error`` as ``re.compile`` does."""
    if _sre is None or sum(map(len, sources)) < SHORTEST:
        return [re.compile(s) for s in sources]
    made: list[re.Pattern[str]] = []

    def build() -> list[_Compiled]:
        compiled = [_compile(s) for s in sources]
        made[:] = [_restore(s, c) for s, c in zip(sources, compiled, strict=True)]
        return compiled

    def valid(value: object) -> TypeGuard[list[_Compiled]]:
        if type(value) is not list or len(value) != len(sources):
            return False
        made[:] = [_restore(s, c) for s, c in zip(sources, value, strict=True)]
        return True

    key = cache.digest("regex-1", sys.version, sys.implementation.name, str(_sre.MAGIC), *sources)
    try:
        cache.cached("regex", key, build, valid)
    except re.error:
        raise
    except Exception:  # internals of another shape than these: compile as re does
        return [re.compile(s) for s in sources]
    return made


def stored_regex(source: str) -> re.Pattern[str]:
    return stored_regexes([source])[0]


def _compile(source: str) -> _Compiled:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``source`` (no flags)."""
    parsed = _parser.parse(source, 0)
    code = [int(c) for c in _compiler._code(parsed, 0)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _restore(source: str, compiled: Any) -> re.Pattern[str]:
    """The pattern of ``source`` from its code. ``_sre.compile`` checks the code's shape and
    each value (a malformed one raises, it never runs); the rest is checked here."""
    flags, code, groups, groupindex, indexgroup = compiled
    if not (
        type(flags) is int
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
