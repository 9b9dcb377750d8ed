"""Reading word lists: plain UTF-8, one term a line, ``#`` comments, a header naming the
category, ``[block]`` / ``[review]`` section lines (the term syntax is in ``terms``).

Every problem is reported as ``file:line: what is wrong``; nothing is dropped silently.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from ...catalog import catalog
from ...errors import WordListError
from ...resources import read_text, wordlist_files
from .terms import Term, Tier, check_term, check_tier, parse_term, section

# The WX1 rules not tied to one category: terms of any other category (a user's own list),
# and sound-alikes of any term.
CUSTOM_RULE = "WX108"
SOUND_RULE = "WX109"
ALLOW = "allow"
_HEADER = re.compile(r"^#\s*(category|rule|description|sources?|curation)\s*:\s*(.*)$", re.I)
_CATEGORY_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
_INLINE_COMMENT = re.compile(r"\s+#.*$")
_SYNTAX = re.compile(r"[{}\[\]|+]")


@cache
def builtin_categories() -> dict[str, str]:
    """Word-list category → rule code, from the catalog's WX1 rules (``category = "drugs"``)."""
    return {
        rule.category: rule.code
        for rule in catalog()
        if rule.code in catalog().codes("WX1")
        and rule.category
        and rule.code not in (CUSTOM_RULE, SOUND_RULE)
    }


def rule_for(category: str) -> str:
    return builtin_categories().get(category, CUSTOM_RULE)


def check_category(name: str, where: str, line: int | None = None) -> str:
    """A category of one's own is fine (WX108), but one a slip away from a bundled one is a
    typo that would quietly report drugs as custom terms (newuser-s6: ``gamblng``)."""
    cat = name.strip().lower()
    if not _CATEGORY_NAME.match(cat):
        raise WordListError(
            where, line, f"bad category name {name!r} (use lower-case letters, digits, '-' or '_')"
        )
    known = builtin_categories()
    if cat not in known and cat != ALLOW:
        near = difflib.get_close_matches(cat, [*known, ALLOW], n=1, cutoff=0.8)
        if near:
            raise WordListError(
                where,
                line,
                f"category {name!r} is not bundled; did you mean {near[0]!r}? (a category of "
                "your own reports as WX108, so name it further from a bundled one)",
            )
    return cat


def parse_wordlist(
    text: str, where: str, default_category: str | None = None
) -> tuple[str, list[Term]]:
    """Parse a word list's text; returns its category and terms."""
    category: str | None = None
    terms: list[Term] = []
    in_header = True
    tier: Tier = "block"
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            m = _HEADER.match(stripped)
            if in_header and m and m.group(1).lower() == "category":
                category = check_category(m.group(2), where, number)
            continue
        in_header = False
        if "#" in stripped:
            stripped = _INLINE_COMMENT.sub("", stripped)
        if category is None:
            if default_category is None:
                raise WordListError(where, number, "term before a '# category: NAME' header")
            category = check_category(default_category, where)
        try:
            named = section(stripped)
        except ValueError as exc:
            raise WordListError(where, number, str(exc)) from None
        if named is not None:
            if category == ALLOW:
                raise WordListError(
                    where, number, "an allow list has no tiers: it lists plain phrases"
                )
            tier = named
            continue
        terms.append(_term(stripped, category, where, number, tier))
    if category is None:
        if default_category is None:
            raise WordListError(where, None, "no '# category: NAME' header and no terms")
        category = check_category(default_category, where)
    return category, terms


def _term(raw: str, category: str, where: str, line: int | None, tier: Tier) -> Term:
    if category == ALLOW:
        if _SYNTAX.search(raw):
            raise WordListError(
                where,
                line,
                f"{raw.strip()!r}: an allow list takes plain phrases (no gaps, masks or companions)",
            )
        return Term(
            check_term(raw, where, line), category, f"{where}:{line}" if line is not None else where
        )
    return parse_term(raw, category, where, line, tier)


def read_wordlist(path: str | Path, display: str | None = None) -> tuple[str, list[Term]]:
    """Read a word-list file; the category comes from its header, else its file name."""
    path = Path(path)
    where = display or str(path)
    return parse_wordlist(read_text(path, where, "word list"), where, default_category=path.stem)


def bundled_wordlists() -> tuple[list[Term], list[Term]]:
    """(deny terms, allow terms) from the shipped lists."""
    deny: list[Term] = []
    allow: list[Term] = []
    for entry in wordlist_files():
        category, terms = read_wordlist(entry, display=f"wordlists/{entry.name}")
        (allow if category == ALLOW else deny).extend(terms)
    return deny, allow


Words = Mapping[str, Iterable[str] | Mapping[str, Iterable[str]]] | Iterable[str]


def terms_from_mapping(words: Words, where: str = "words") -> list[Term]:
    """Terms given in code: ``{"fraud": ["套路贷"]}``, a plain list (category ``custom``), or
    terms by tier as in a file's sections: ``{"gambling": {"review": ["荷官"]}}``."""
    items: Iterable[tuple[str, Iterable[str] | Mapping[str, Iterable[str]]]]
    if isinstance(words, Mapping):
        items = words.items()
    elif isinstance(words, str):
        raise WordListError(
            where, None, "expected a list of terms or a {category: [terms]} mapping, got a string"
        )
    else:
        items = [("custom", words)]
    out: list[Term] = []
    for category, entry in items:
        cat = check_category(str(category), where)
        tiers = entry.items() if isinstance(entry, Mapping) else [("block", entry)]
        for tier_name, terms in tiers:
            label = f"{where}[{category!r}]" + (
                f"[{tier_name!r}]" if isinstance(entry, Mapping) else ""
            )
            tier = check_tier(str(tier_name), label)
            if isinstance(terms, str):
                raise WordListError(label, None, "expected a list of terms, got a string")
            for i, raw in enumerate(terms):
                if not isinstance(raw, str):
                    raise WordListError(
                        f"{label}[{i}]", None, f"term must be a string, got {type(raw).__name__}"
                    )
                out.append(_term(raw, cat, f"{label}[{i}]", None, tier))
    return out
