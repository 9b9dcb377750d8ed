"""WX511: one child's identifying details posted together, and two ways a class group
puts children's information before everyone in it.

A child's name, school and class, home and the hours it is alone are each harmless alone in
a parents' group; together they are what a stranger needs to find the child, and all
personal information of a child under 14 is sensitive (PIPL art. 28). A finding needs one
specific child (我家孩子, 女儿叫…) and details of two different kinds in the same message
(an age alone is no kind).
In an honour notice (喜报, 表扬, 荣获…一等奖) a name, a school and an age tell no home and no
hours: the ``honour`` case, a note that publishing needs the guardian's consent and that the
age, the sex and the class can go (docs/rules.md, WX511: review s16).
The cases: a sentence asking for children's identity papers in the group (``collect``:
请家长把孩子身份证号发到群里, every answer posts one), and an exam's ranking naming the
students (``ranking``: 第一名 王小明 98分, which the Ministry of Education forbids publishing).
Patterns live in ``wordlists/persons/child_details.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...errors import WordListError
from ...resources import TomlFile, wordlist_toml
from ...text.storedregex import stored_quick, stored_regex, stored_regexes

# The order details are named in a finding.
KINDS = ("name", "school", "home", "routine", "age")
# An age says little alone (我家宝宝3岁了): it is named when two of the others are found.
WEAK = frozenset({"age"})
# What an honour notice may name without a finding of its own (no home, no hours).
HONOURED = frozenset({"name", "school", "age"})
# Read only when another kind that counts is there (``find`` needs two): the school's
# pattern reads up to ten characters before each school word at every position.
_LAST = WEAK | {"school"}


# The parts of each case's table: every one must be there, ``exempt`` cancels the case.
COLLECT = ("child", "document", "group", "exempt")
RANKING = ("exam", "rank", "entry", "exempt")
# A ranking names at least this many students: one named with a place is praise.
RANKED = 2
_SENTENCE = re.compile(r"[^。！？!?；;\n\u16a0]+")


@dataclass(frozen=True)
class ChildDetailsHit:
    start: int
    end: int
    kinds: tuple[str, ...]  # in KINDS order
    case: str | None = None  # ``honour``: a prize notice naming no home and no hours


@dataclass(frozen=True)
class ClassPostHit:
    """A case of WX511 in a class group: ``case`` is ``collect`` (``term``: where the
    document asked for stands) or ``ranking`` (``term``: the ranking's word; ``count``: the
    students named)."""

    start: int
    end: int
    case: str
    term: tuple[int, int]
    count: int = 0


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
        # a surname not followed by a title (王老师 is no child); WX506 names a person with it
        self.surname = (
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
        lists["honour"] = self._patterns(source, data.get("honour"), "honour")
        for table, parts in (("collect", COLLECT), ("ranking", RANKING)):
            spec = data.get(table)
            if not isinstance(spec, dict) or set(spec) != set(parts):
                raise WordListError(
                    source.where, None, f"[{table}]: expected exactly the keys {', '.join(parts)}"
                )
            for part in parts:
                lists[f"{table}.{part}"] = self._patterns(source, spec[part], f"{table}.{part}")
        unions = self._unions(source, lists)
        self.child = unions["child"]
        self.details = {k: unions[f"details.{k}"] for k in KINDS}
        self.exempt = unions["exempt"]
        self.honour = unions["honour"]
        self.collect = {part: unions[f"collect.{part}"] for part in COLLECT}
        self.ranking = {part: unions[f"ranking.{part}"] for part in RANKING}
        # What a message needs for either case, for the batch screen and ``class_post``: a
        # document asked for, or an exam named. A plain union: the regex engine skips to the
        # characters that open one (~3 µs a review, where behind ``quick``'s lookahead it
        # took ~9).
        needed = lists["collect.document"] + lists["ranking.exam"]
        self.screen = stored_regex("|".join(f"(?:{p})" for _, p in needed))

    def _patterns(self, source: TomlFile, value: Any, key: str) -> list[tuple[str, str]]:
        """(as written, with the surname class put in) of each pattern of ``key``."""
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise WordListError(source.where, None, f"{key}: expected a non-empty list of patterns")
        return [(raw, raw.replace("{surname}", self.surname)) for raw in value]

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
        honour = HONOURED.issuperset(kinds) and self.honour.search(folded) is not None
        return ChildDetailsHit(
            min(a for a, _ in spans),
            max(b for _, b in spans),
            tuple(kinds),
            "honour" if honour else None,
        )

    def class_post(self, folded: str) -> ClassPostHit | None:
        """Children's identity papers asked for in the group, or an exam ranking that names
        the students, in ``folded``."""
        if self.screen.search(folded) is None:
            return None
        return self._collect(folded) or self._ranking(folded)

    def _collect(self, folded: str) -> ClassPostHit | None:
        parts = self.collect
        if parts["document"].search(folded) is None:
            return None
        for sentence in _SENTENCE.finditer(folded):
            a, b = sentence.span()
            document = parts["document"].search(folded, a, b)
            if document is None or parts["exempt"].search(folded, a, b):
                continue
            child = parts["child"].search(folded, a, b)
            group = parts["group"].search(folded, a, b)
            if child is not None and group is not None:
                spans = (child.span(), document.span(), group.span())
                return ClassPostHit(
                    min(x for x, _ in spans), max(y for _, y in spans), "collect", document.span()
                )
        return None

    def _ranking(self, folded: str) -> ClassPostHit | None:
        parts = self.ranking
        rank = parts["rank"].search(folded)
        if rank is None or parts["exam"].search(folded) is None or parts["exempt"].search(folded):
            return None
        entries = [m.span() for m in parts["entry"].finditer(folded)]
        if len(entries) < RANKED:
            return None
        start, end = min(rank.start(), entries[0][0]), max(rank.end(), entries[-1][1])
        return ClassPostHit(start, end, "ranking", rank.span(), len(entries))


@cache
def child_details_detector() -> ChildDetailsDetector:
    return ChildDetailsDetector(wordlist_toml("persons", "child_details.toml"))
