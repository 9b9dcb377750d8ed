"""Running users' regular expressions (the ``allow`` setting's ``/regex/`` entries) with a
time limit.

A user's pattern can backtrack for ever (``/(a|aa)+$/`` on a line of a's: minutes for a few
dozen characters), and ``check`` must not hang on any text. The ``regex`` module runs the
same pattern (it is written for ``re`` and checked by ``re`` when the setting is read) and
stops after ``TIMEOUT``; a pattern that runs out of time matches nothing in that message.
An allow entry can only drop findings, so running out keeps them: the safe side.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

TIMEOUT = 0.1  # seconds for one pattern on one message


@lru_cache(maxsize=256)
def _compiled(pattern: str, flags: int) -> regex.Pattern[str]:
    # Imported here: most runs have no allow regex, and the module costs a tenth of an import.
    import regex

    pairs = ((re.I, regex.I), (re.M, regex.M), (re.S, regex.S), (re.X, regex.X))
    return regex.compile(pattern, sum(r for p, r in pairs if flags & p))


def spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The non-empty matches of ``rx`` in ``text``; none when it runs out of time."""
    try:
        return [
            m.span()
            for m in _compiled(rx.pattern, rx.flags).finditer(text, timeout=TIMEOUT)
            if m.end() > m.start()
        ]
    except TimeoutError:
        return []
