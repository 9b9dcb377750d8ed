"""Reading word lists: plain UTF-8, one term a line, ``#`` comments, a header naming the category.

Every problem is reported as ``file:line: what is wrong``; nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable, Mapping

from ...catalog import catalog
from ...errors import WordListError
from ...resources import read_text, wordlist_files
from ...text.folding import fold

# The WX1 rules not tied to one category: terms of any other category (a user's own list),
# and sound-alikes of any term.
CUSTOM_RULE = "WX108"
SOUND_RULE = "WX109"
ALLOW = "allow"
_HEADER = re.compile(r"^#\s*(category|rule|description|sources?|curation)\s*:\s*(.*)$", re.I)
_CATEGORY_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
_INLINE_COMMENT = re.compile(r"\s+#.*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Term:
    """A lexicon entry as written, with its category and where it came from."""

    text: str
    category: str
    source: str


@cache
def builtin_categories() -> dict[str, str]:
    """Word-list category → rule code, from the catalog's WX1 rules (``category = "drugs"``)."""
    return {
        rule.category: rule.code
        for rule in catalog()
        if rule.code in catalog().codes("WX1") and rule.category and rule.code not in (CUSTOM_RULE, SOUND_RULE)
    }


def rule_for(category: str) -> str:
    return builtin_categories().get(category, CUSTOM_RULE)


def check_category(name: str, where: str, line: int | None = None) -> str:
    cat = name.strip().lower()
    if not _CATEGORY_NAME.match(cat):
        raise WordListError(where, line, f"bad category name {name!r} (use lower-case letters, digits, '-' or '_')")
    return cat


def check_term(raw: str, where: str, line: int | None) -> str:
    """Validate one term; returns it stripped."""
    term = raw.strip()
    bad = _CONTROL.search(term)
    if bad:
        raise WordListError(where, line, f"control character U+{ord(bad.group()):04X} in term {term!r}")
    if "\t" in term:
        raise WordListError(where, line, f"tab inside term {term!r}: one term a line, no extra fields")
    folded = fold(term)
    if not folded:
        raise WordListError(where, line, f"term {term!r} has no letters or digits")
    if len(folded) < 2:
        raise WordListError(
            where, line, f"single-character term {term!r} would flag ordinary text; use a longer phrase"
        )
    return term


def parse_wordlist(text: str, where: str, default_category: str | None = None) -> tuple[str, list[Term]]:
    """Parse a word list's text; returns its category and terms."""
    category: str | None = None
    terms: list[Term] = []
    in_header = True
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
        stripped = _INLINE_COMMENT.sub("", stripped)
        if category is None:
            if default_category is None:
                raise WordListError(where, number, "term before a '# category: NAME' header")
            category = check_category(default_category, where)
        terms.append(Term(check_term(stripped, where, number), category, f"{where}:{number}"))
    if category is None:
        if default_category is None:
            raise WordListError(where, None, "no '# category: NAME' header and no terms")
        category = check_category(default_category, where)
    return category, terms


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


def terms_from_mapping(words: Mapping[str, Iterable[str]] | Iterable[str], where: str = "words") -> list[Term]:
    """Terms given in code: ``{"fraud": ["套路贷"]}`` or a plain list (category ``custom``)."""
    items: Iterable[tuple[str, Iterable[str]]]
    if isinstance(words, Mapping):
        items = words.items()
    elif isinstance(words, str):
        raise WordListError(where, None, "expected a list of terms or a {category: [terms]} mapping, got a string")
    else:
        items = [("custom", words)]
    out: list[Term] = []
    for category, terms in items:
        cat = check_category(str(category), where)
        if isinstance(terms, str):
            raise WordListError(f"{where}[{category!r}]", None, "expected a list of terms, got a string")
        for i, raw in enumerate(terms):
            label = f"{where}[{category!r}][{i}]"
            if not isinstance(raw, str):
                raise WordListError(label, None, f"term must be a string, got {type(raw).__name__}")
            out.append(Term(check_term(raw, label, None), cat, label))
    return out
