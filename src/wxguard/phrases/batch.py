"""A chunk of messages read as one text, for the checkers' batch screens (``Checker.screen``).

Each screen asks the same questions of every message (a literal, a regex, an automaton);
asked once of the chunk joined, they cost a pass in C instead of a Python call per message.
The views are built once per chunk and shared by the screens that read them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate

from ..text.folding import fold_one_to_one
from ..text.views import TextView
from .clauses import compact

# Joins the messages of a batch. A letter, so every view keeps it (as itself) and no match,
# stutter run or clause reaches from one message into the next; not Latin, so the letter
# runs and lone letters (pinyin, masks) are those of each message alone; outside every
# syllable class, so it spells as a break; no other character folds to it.
JOIN = "\u16a0"  # ᚠ, runic letter fehu


class Batch(list[str]):
    """Plain texts checked together: the list itself, and its views joined by ``JOIN``."""

    @staticmethod
    def of(texts: Sequence[str]) -> Batch:
        """``texts`` as a batch (the engine passes one, so its views are shared)."""
        return texts if isinstance(texts, Batch) else Batch(texts)

    @cached_property
    def joined(self) -> str:
        return JOIN.join(self)

    @cached_property
    def starts(self) -> list[int]:
        """Where each message starts in ``joined`` (and in every same-length view of it)."""
        return _starts(self)

    @cached_property
    def view(self) -> TextView:
        return TextView(self.joined)

    @cached_property
    def folded(self) -> str:
        """``TextView.folded`` of every message, joined (folding is one character for one)."""
        return fold_one_to_one(self.joined)

    @cached_property
    def foldeds(self) -> list[str]:
        """Each message's folded view."""
        return self.folded.split(JOIN) if self.separate else [fold_one_to_one(t) for t in self]

    @cached_property
    def separate(self) -> bool:
        """No message holds ``JOIN`` itself: splitting a view at ``JOIN`` gives the messages."""
        return self.joined.count(JOIN) == len(self) - 1

    @cached_property
    def compact(self) -> str:
        """Each message's clause view (``clauses.compact``) joined by ``JOIN``, from
        one pass over the chunk (``compact`` keeps ``JOIN`` as itself and reads a decimal
        point only between digits); the messages' own views when one of them holds ``JOIN``."""
        return compact(self.joined) if self.separate else JOIN.join(self.compacts)

    @cached_property
    def compact_starts(self) -> list[int]:
        """Where each message's clause view starts in ``compact``."""
        return _starts(self.compacts)

    @cached_property
    def compacts(self) -> list[str]:
        """Each message's clause view."""
        return self.compact.split(JOIN) if self.separate else [compact(t) for t in self]

    def owner(self, pos: int) -> int:
        """The message holding position ``pos`` of ``joined`` (or of ``folded``)."""
        return bisect_right(self.starts, pos) - 1

    def matching(
        self, regex: re.Pattern[str], text: str | None = None, starts: list[int] | None = None
    ) -> set[int]:
        """The messages in which ``regex`` matches, searched in ``text`` (a view of the
        messages joined by ``JOIN``, whose messages start at ``starts``; default ``joined``).
        Only for a regex that cannot match ``JOIN`` nor look at it: each match then lies
        inside one message and would match there alone, and the search goes on from the
        next message."""
        if text is None:
            text, starts = self.joined, self.starts
        assert starts is not None
        found: set[int] = set()
        pos, last = 0, len(starts) - 1
        while (m := regex.search(text, pos)) is not None:
            i = bisect_right(starts, m.start()) - 1
            found.add(i)
            if i >= last:
                break
            pos = starts[i + 1]
        return found


def _starts(texts: list[str]) -> list[int]:
    return list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0)) if texts else []
