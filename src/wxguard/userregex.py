"""Running users' regular expressions (the ``allow`` setting's ``/regex/`` entries) with a
time limit.

A user's pattern can backtrack for ever (``/(a|aa)+$/`` on a line of a's: minutes for a few
dozen characters), and ``check`` must not hang on any text. The ``regex`` module runs the
same pattern (it is written for ``re`` and checked by ``re`` when the setting is read) and
stops after ``TIMEOUT``; a pattern that runs out of time matches nothing in that message,
and the patterns of one message share ``BUDGET`` (ten slow patterns took 2 s a message when
each had its own limit). An allow entry can only drop findings, so running out keeps them:
the safe side.

The time limit does not bound compiling: ``regex`` expands counted repeats, so
``/(?:a{2000}){2000}/`` took 1.2 GB and 7 s at the first check (audit of session 8).
``refuse_size`` turns such a pattern away when the setting is read.
"""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex

TIMEOUT = 0.1  # seconds for one pattern on one message
BUDGET = 0.2  # seconds for all of them on one message
# Items a pattern may expand to (a{100000} compiles in 0.1 s and 50 MB; no allow entry needs
# more than a few hundred).
MAX_EXPANDED = 10_000

# The standard library's own parser of ``re`` syntax (private, but the only parser of it;
# present in every Python this package supports).
_parser: Any = importlib.import_module("re._parser")
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def refuse_size(pattern: str) -> None:
    """Raise ValueError when ``pattern`` (valid for ``re``) expands to too many items."""
    try:
        items = _parser.parse(pattern)
    except (re.error, OverflowError, RecursionError) as exc:
        raise ValueError(str(exc)) from None
    if _expanded(items) > MAX_EXPANDED:
        raise ValueError(
            f"its counted repeats expand to more than {MAX_EXPANDED:,} items (write a shorter "
            "pattern or an open repeat such as + or {n,})"
        )


def _expanded(items: Iterable[tuple[Any, Any]]) -> int:
    """The pattern's size with every counted repeat written out (an open one as its least
    count): what ``regex`` compiles."""
    total = 0
    for op, av in items:
        name = str(op)
        if name in _REPEATS:
            lo, hi, sub = av
            total += max(lo if hi == _parser.MAXREPEAT else hi, 1) * _expanded(sub)
        elif name == "SUBPATTERN":
            total += _expanded(av[-1])
        elif name == "BRANCH":
            total += sum(_expanded(branch) for branch in av[1])
        elif name in ("ASSERT", "ASSERT_NOT"):
            total += _expanded(av[1])
        elif name == "ATOMIC_GROUP":
            total += _expanded(av)
        elif name == "GROUPREF_EXISTS":
            total += sum(_expanded(branch) for branch in av[1:] if branch is not None)
        else:
            total += 1
        if total > MAX_EXPANDED:
            return total
    return total


@lru_cache(maxsize=256)
def _compiled(pattern: str, flags: int) -> regex.Pattern[str]:
    # Imported here: most runs have no allow regex, and the module costs a tenth of an import.
    import regex

    pairs = ((re.I, regex.I), (re.M, regex.M), (re.S, regex.S), (re.X, regex.X))
    return regex.compile(pattern, sum(r for p, r in pairs if flags & p))


def spans(regexes: Iterable[re.Pattern[str]], text: str) -> list[tuple[int, int]]:
    """The non-empty matches of every pattern in ``text``; none of a pattern that runs out of
    time, and none of the patterns left when the message's budget is spent."""
    found: list[tuple[int, int]] = []
    deadline = time.perf_counter() + BUDGET
    for rx in regexes:
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        try:
            found += [
                m.span()
                for m in _compiled(rx.pattern, rx.flags).finditer(text, timeout=min(TIMEOUT, left))
                if m.end() > m.start()
            ]
        except TimeoutError:
            continue
    return found
