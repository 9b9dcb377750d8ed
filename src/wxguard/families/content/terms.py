"""The term syntax of word lists: one line is a term, optionally with gaps, masked
characters and companion words; a section line sets the tier of the terms below it.

    [review]                      terms below are warnings: ambiguous alone
    代开{*}发票                    a gap of up to six letters or digits between two parts
    傻{逼}                         逼 may be masked (傻X, 傻*, 傻b)
    开户 + 网址|彩票|百家乐          reported only with a companion word in the same sentence

The same syntax holds for terms given in code and in configuration; every mistake is an
error that names where it is and what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ...errors import WordListError
from ...text.folding import fold

Tier = Literal["block", "review"]
TIERS: tuple[Tier, ...] = ("block", "review")
GAP = "{*}"
# Letters or digits a gap may hold: the `{*}` of the phrase banks (docs/phrases.md).
GAP_LETTERS = 6
_SECTION = re.compile(r"^\[\s*([^\]]*?)\s*\]$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SLOT = re.compile(r"\{([^{}]*)\}")
_STRAY = re.compile(r"[{}\[\]|+]")


@dataclass(frozen=True, slots=True)
class Term:
    """A lexicon entry: ``text`` as written (gaps and masks included, companions apart),
    its category, where it came from, its tier and the companion words it needs. Slotted:
    a big word list makes one for each line (65,000 took 6 MB less)."""

    text: str
    category: str
    source: str
    tier: Tier = "block"
    companions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shape:
    """What a term's text spells: its ``parts`` (split at gaps, slot braces removed) and
    the indices of the characters of a one-part term that may be masked."""

    parts: tuple[str, ...]
    masks: tuple[int, ...] = ()

    @property
    def shown(self) -> str:
        """The term as messages show it: 代开…发票, 傻逼."""
        return "…".join(self.parts)


@lru_cache(maxsize=8192)
def shape(text: str) -> Shape:
    """The shape of a term's text, which ``parse_term`` has already validated."""
    if "{" not in text:
        return Shape((text.strip(),))
    parts: list[str] = []
    masks: list[int] = []
    for piece in text.split(GAP):
        spelled: list[str] = []
        pos = 0
        for m in _SLOT.finditer(piece):
            spelled.append(piece[pos : m.start()])
            masks.append(len("".join(spelled)))
            spelled.append(m.group(1))
            pos = m.end()
        spelled.append(piece[pos:])
        parts.append("".join(spelled).strip())
    return Shape(tuple(parts), tuple(masks))


def section(line: str) -> Tier | None:
    """The tier a ``[block]`` / ``[review]`` line sets; None for any other line. A line in
    brackets that names no tier is an error (raised by the caller with its place)."""
    m = _SECTION.match(line) if line.startswith("[") else None
    if m is None:
        return None
    name = m.group(1).lower()
    for tier in TIERS:
        if name == tier:
            return tier
    raise ValueError(
        f"unknown section [{m.group(1)}] (sections are {', '.join(f'[{t}]' for t in TIERS)})"
    )


def check_tier(name: str, where: str) -> Tier:
    for tier in TIERS:
        if name == tier:
            return tier
    raise WordListError(where, None, f"unknown tier {name!r} (tiers are {', '.join(TIERS)})")


def check_term(raw: str, where: str, line: int | None, letters: str | None = None) -> str:
    """Validate a plain term (no syntax, as allow lists take them); returns it stripped.
    ``letters`` is what the term spells when it has syntax (代开发票 for 代开{*}发票)."""
    term = raw.strip()
    bad = _CONTROL.search(term)
    if bad:
        raise WordListError(
            where, line, f"control character U+{ord(bad.group()):04X} in term {term!r}"
        )
    if "\t" in term:
        raise WordListError(
            where, line, f"tab inside term {term!r}: one term a line, no extra fields"
        )
    folded = fold(term if letters is None else letters)
    if not folded:
        raise WordListError(where, line, f"term {term!r} has no letters or digits")
    if len(folded) < 2:
        raise WordListError(
            where,
            line,
            f"single-character term {term!r} would flag ordinary text; use a longer phrase",
        )
    return term


def parse_term(raw: str, category: str, where: str, line: int | None, tier: Tier = "block") -> Term:
    """One deny-list line (``代开{*}发票 + 联系|电话``) as a Term, or an error naming the problem."""
    text, plus, rest = raw.partition("+")
    text = text.strip()
    companions: tuple[str, ...] = ()
    if plus:
        companions = _companions(rest, where, line)
    if _STRAY.search(text) is None:  # a plain term, as most lines of a big list are
        check_term(text, where, line)
    else:
        _check_syntax(text, where, line)
        check_term(text, where, line, letters="".join(shape(text).parts))
    return Term(text, category, f"{where}:{line}" if line is not None else where, tier, companions)


def _companions(rest: str, where: str, line: int | None) -> tuple[str, ...]:
    words = [w.strip() for w in rest.split("|")]
    if words == [""]:
        raise WordListError(where, line, "no companion words after '+' (write 'term + word|word')")
    out: list[str] = []
    for word in words:
        if not word:
            raise WordListError(where, line, "an empty companion word between '|' separators")
        if _STRAY.search(word) or GAP in word:
            raise WordListError(
                where,
                line,
                f"companion {word!r} holds syntax characters; companions are plain words",
            )
        if _CONTROL.search(word) or "\t" in word:
            raise WordListError(where, line, f"companion {word!r} holds a control character or tab")
        if not fold(word):
            raise WordListError(where, line, f"companion {word!r} has no letters or digits")
        out.append(word)
    return tuple(dict.fromkeys(out))


def _check_syntax(text: str, where: str, line: int | None) -> None:
    pieces = text.split(GAP)
    if len(pieces) > 1 and any(not fold(_SLOT.sub(r"\1", p)) for p in pieces):
        raise WordListError(where, line, f"a gap '{{*}}' in {text!r} needs letters on both sides")
    masked = False
    for piece in pieces:
        for m in _SLOT.finditer(piece):
            inner = m.group(1)
            if inner == "*":
                continue
            if len(inner) != 1 or not fold(inner):
                raise WordListError(
                    where,
                    line,
                    f"{m.group()!r} in {text!r}: braces hold '*' (a gap) or one letter that may be masked",
                )
            masked = True
        rest = _SLOT.sub("", piece)
        stray = _STRAY.search(rest)
        if stray:
            raise WordListError(where, line, _stray_problem(stray.group(), text))
    if masked and len(pieces) > 1:
        raise WordListError(
            where, line, f"{text!r}: a term has either gaps or masked letters, not both"
        )


def _stray_problem(char: str, text: str) -> str:
    if char in "[]":
        return f"'{char}' in {text!r}: brackets only make section lines ([block], [review])"
    if char == "|":
        return (
            f"'|' in {text!r}: alternatives are companion words after '+' (term + word|word); "
            "write other terms on lines of their own"
        )
    return (
        f"unmatched '{char}' in {text!r}: braces hold '*' (a gap) or one letter that may be masked"
    )
