"""WX511: one child's identifying details posted together.

A child's name, school and class, home and the hours it is alone are each harmless alone in
a parents' group; together they are what a stranger needs to find the child, and all
personal information of a child under 14 is sensitive (PIPL art. 28). A finding needs one
specific child (我家孩子, 女儿叫…) and details of two different kinds in the same message
(an age alone is no kind).
Patterns live in ``wordlists/persons/child_details.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...errors import WordListError
from ...resources import TomlFile, wordlist_toml
from ...text.storedregex import stored_quick, stored_regexes

# The order details are named in a finding.
KINDS = ("name", "school", "home", "routine", "age")
# An age says little alone (我家宝宝3岁了): it is named when two of the others are found.
WEAK = frozenset({"age"})
# Read only when another kind that counts is there (``find`` needs two): the school's
# pattern reads up to ten characters before each school word at every position.
_LAST = WEAK | {"school"}


@dataclass(frozen=True)
class ChildDetailsHit:
    start: int
    end: int
    kinds: tuple[str, ...]  # in KINDS order


class ChildDetailsDetector:
    """The patterns compiled once; ``find`` runs per message and is thread-safe."""

    def __init__(self, source: TomlFile) -> None:
        data = source.data
        surnames = data.get("surnames")
        if not isinstance(surnames, str) or not surnames.strip():
            raise WordListError(source.where, None, "surnames: expected a string of characters")
        titles = data.get("titles")
        if not isinstance(titles, list) or not all(isinstance(t, str) and t for t in titles):
            raise WordListError(source.where, None, "titles: expected a list of words")
        # a surname not followed by a title (王老师 is no child)
        self._surname = (
            "["
            + re.escape("".join(surnames.split()))
            + "]"
            + ("(?!" + "|".join(map(re.escape, titles)) + ")" if titles else "")
        )
        lists = {"child": self._patterns(source, data.get("child"), "child")}
        details = data.get("details")
        if not isinstance(details, dict) or set(details) != set(KINDS):
            raise WordListError(
                source.where, None, f"[details]: expected exactly the keys {', '.join(KINDS)}"
            )
        for k in KINDS:
            lists[f"details.{k}"] = self._patterns(source, details[k], f"details.{k}")
        lists["exempt"] = self._patterns(source, data.get("exempt"), "exempt")
        unions = self._unions(source, lists)
        self.child = unions["child"]
        self.details = {k: unions[f"details.{k}"] for k in KINDS}
        self.exempt = unions["exempt"]

    def _patterns(self, source: TomlFile, value: Any, key: str) -> list[tuple[str, str]]:
        """(as written, with the surname class put in) of each pattern of ``key``."""
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise WordListError(source.where, None, f"{key}: expected a non-empty list of patterns")
        return [(raw, raw.replace("{surname}", self._surname)) for raw in value]

    def _unions(
        self, source: TomlFile, lists: dict[str, list[tuple[str, str]]]
    ) -> dict[str, re.Pattern[str]]:
        """Each key's patterns as one regex. Every pattern must compile alone, not only
        inside its union; all are compiled (or read from the cache) in one go."""
        every = [pattern for patterns in lists.values() for _, pattern in patterns]
        # Each union behind a lookahead on its first characters: the child phrase is
        # searched in every message, and its four alternatives tried at every position
        # cost ~14 µs a review (4 with the lookahead).
        unions = ["|".join(f"(?:{p})" for _, p in patterns) for patterns in lists.values()]
        try:
            stored_regexes(every)
            compiled = stored_quick(unions)
        except re.error:
            for key, patterns in lists.items():
                for raw, pattern in patterns:
                    try:
                        re.compile(pattern)
                    except re.error as exc:
                        raise WordListError(
                            source.where, source.line_of(raw), f"{key}: bad pattern {raw!r}: {exc}"
                        ) from None
            raise
        return dict(zip(lists, compiled, strict=True))

    def find(self, folded: str) -> ChildDetailsHit | None:
        """The child's details in ``folded`` (the message's same-length folded view)."""
        child = self.child.search(folded)
        if child is None or self.exempt.search(folded):
            return None
        if not any(self.details[k].search(folded) for k in KINDS if k not in _LAST):
            return None  # the school alone is one kind at most: its scan is the slowest
        spans = [child.span()]
        kinds = []
        for kind in KINDS:
            found = [m.span() for m in self.details[kind].finditer(folded)]
            if found:
                kinds.append(kind)
                spans += found
        if sum(1 for k in kinds if k not in WEAK) < 2:
            return None
        return ChildDetailsHit(min(a for a, _ in spans), max(b for _, b in spans), tuple(kinds))


@cache
def child_details_detector() -> ChildDetailsDetector:
    return ChildDetailsDetector(wordlist_toml("persons", "child_details.toml"))
