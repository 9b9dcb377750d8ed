"""Regexes that scan fast: a lookahead on the characters a match can start with, and unions
of literal strings written as a trie.

Python's ``re`` scans fast only when it can tell a match's first character (a literal or a
branch of literals). A union of phrase banks usually defeats that (an alternative starts with
a group, a class or a number), and then every position of every message tries every
alternative. ``quick`` works out the possible first characters from the parsed pattern and
prepends ``(?=[...])``: one cheap class test at each position instead of every alternative,
the same matches several times faster (WX4's gates on the corpus: 3.4 → 0.8 µs a message).

A flat union of many literals still tries each one at every position that passes; as a trie
(``不(?:分享不是|转(?:不是|发…))``) a position costs one comparison per character read: the
same leftmost-longest match, and WX3's trigger fell from 2.7 to 1.0 µs a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The parser ``re`` itself uses (public as ``sre_parse`` until 3.11, deprecated since).
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

# Deeper nesting of groups than this risks ``re``'s recursive parser; such a trie is written flat.
_MAX_NESTING = 200
# A trie node with more children than this tells them apart by lookaheads first (``_branches``).
# The root is held to more: ``re`` skips the positions where none of its children's first
# characters stands without entering the regex, as long as each alternative opens with a
# literal; split behind lookaheads, every position enters (claims' 59 first characters:
# 1.4 µs a review flat, 2.5 split; the WX8 wording trigger's 229: 7.5 flat, 3.9 split).
_FAN = 16
_ROOT_FAN = 128
# A class spanning more characters than this (e.g. every CJK ideograph) is not worth a lookahead.
_MAX_CHARS = 512
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
# What ``\\s`` matches in a str pattern (``str.isspace``, the same Unicode test): a test
# holds it to a scan of every code point.
SPACES = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# A source without any of these is a literal: every character matches itself.
_METACHARACTER = re.compile(r"[\\.^$*+?{}\[\]()|]")
# Stands in a set of first characters for every decimal digit (``\\d``, some 700 code points):
# numbers open many phrases ({N}个群), and without it their banks had no lookahead at all.
DIGITS = "\\d"
# Stands for a decimal digit that no digit precedes: every number of the phrase syntax starts
# so (``(?<!\\d)\\d+``), and a lookahead that lets every digit through had each position of
# a long digit run try every number phrase of a bank (WX3 on 分享到333…个: 1.5 s/MB).
GUARDED_DIGITS = "(?<!\\d)\\d"


def first_chars(source: str) -> frozenset[str] | None:
    """Every character a non-empty match of ``source`` can start with (``DIGITS`` for any
    decimal digit, ``GUARDED_DIGITS`` for one only where no digit precedes it); None when
    that is unknowable or too broad (a negated class, ``.``, ``\\w``, flags,
    back-references) or when the pattern can match the empty string."""
    try:
        parsed = _p.parse(source)
    except re.error:
        return None
    if parsed.state.flags & ~re.UNICODE:
        return None
    found = _sequence(list(parsed))
    if found is None or found[1] or not found[0]:
        return None
    return frozenset(found[0])


def quick(source: str) -> re.Pattern[str]:
    """``re.compile(source)`` with a first-character lookahead when one can be derived."""
    return re.compile(quick_source(source))


def quick_source(source: str) -> str:
    """``source`` behind a lookahead on its first characters when they can be derived
    (the same matches: a position no match can start at fails at one class test), else
    ``source`` itself; for regexes compiled elsewhere (``stored_regexes``)."""
    chars = first_chars(source)
    if chars is None:
        return source
    if DIGITS in chars:
        chars -= {GUARDED_DIGITS}
    klass = "".join(
        c if c == DIGITS else re.escape(c) for c in sorted(chars) if c != GUARDED_DIGITS
    )
    if GUARDED_DIGITS not in chars:
        return f"(?=[{klass}])(?:{source})"
    if not klass:
        return f"{GUARDED_DIGITS[:-2]}(?=\\d)(?:{source})"
    return f"(?=[{klass}]|{GUARDED_DIGITS})(?:{source})"


def exists(source: str) -> re.Pattern[str]:
    """A regex that matches (a character) exactly where ``source`` can start a match: for
    asking whether it matches anywhere, not where (``exists(s).search(t) is None`` when and
    only when ``re.compile(s).search(t) is None``)."""
    return re.compile(exists_source(source))


def exists_source(source: str) -> str:
    """``source``'s first characters as a class, which ``re`` scans for in C, with ``source``
    asked in a lookbehind's lookahead at each one found (``quick_source``'s lookahead enters
    the matcher at every position: WX4's signal banks took 0.4-3.6 µs a review, 0.07-1.2
    so); ``source`` itself when its first characters cannot be derived."""
    chars = first_chars(source)
    if chars is None:
        return source
    # Every digit: the guard before a digit is asked by ``source`` itself.
    if GUARDED_DIGITS in chars:
        chars = (chars - {GUARDED_DIGITS}) | {DIGITS}
    klass = "".join(c if c == DIGITS else re.escape(c) for c in sorted(chars))
    return f"[{klass}](?<=(?=(?:{source}))(?s:.))"


def _sequence(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """(first characters, can be empty) of a sequence of parsed items. After ``(?<!\\d)``
    (so at the match's start, when what comes before it matched nothing) a digit is one no
    digit precedes."""
    out: set[str] = set()
    guarded = False
    for op, arg in items:
        if op is _c.ASSERT_NOT and arg[0] == -1 and _is_digit_class(arg[1]):
            guarded = True
            continue
        item = _item(op, arg)
        if item is None:
            return None
        chars, nullable = item
        if guarded and DIGITS in chars:
            chars = (chars - {DIGITS}) | {GUARDED_DIGITS}
        out |= chars
        if len(out) > _MAX_CHARS:
            return None
        if not nullable:
            return out, False
    return out, True


def _is_digit_class(pattern: Any) -> bool:
    """The parsed pattern is ``\\d`` (or ``[\\d]``): one decimal digit."""
    items = list(pattern)
    return (
        len(items) == 1
        and items[0][0] is _c.IN
        and list(items[0][1]) == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]
    )


def _item(op: Any, arg: Any) -> tuple[set[str], bool] | None:
    if op is _c.LITERAL:
        return {chr(arg)}, False
    if op is _c.IN:
        return _klass(arg)
    if op is _c.BRANCH:
        out: set[str] = set()
        nullable = False
        for alternative in arg[1]:
            found = _sequence(list(alternative))
            if found is None:
                return None
            out |= found[0]
            nullable = nullable or found[1]
        return out, nullable
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, pattern = arg
        return None if add_flags or del_flags else _sequence(list(pattern))
    if op in _REPEATS:
        low, _high, pattern = arg
        found = _sequence(list(pattern))
        return None if found is None else (found[0], found[1] or low == 0)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(arg))
    if op in _ZERO_WIDTH:
        return set(), True
    return None


def _klass(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    if items and items[0][0] is _c.NEGATE:
        # Blank space but some characters (``[^\\S\\n]``: not a line break): ``SPACES`` less
        # those; any other negated class is too broad.
        rest = items[1:]
        if rest[:1] == [(_c.CATEGORY, _c.CATEGORY_NOT_SPACE)] and all(
            op is _c.LITERAL for op, _ in rest[1:]
        ):
            return set(SPACES) - {chr(arg) for _, arg in rest[1:]}, False
        return None
    out: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            out.add(chr(arg))
        elif op is _c.RANGE and arg[1] - arg[0] < _MAX_CHARS:
            out.update(chr(cp) for cp in range(arg[0], arg[1] + 1))
        elif op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            out.add(DIGITS)
        else:
            return None
    return out, False


def literal_of(source: str) -> str | None:
    """The string ``source`` matches when it is a plain literal (``分享``, ``a\\.b``), else None."""
    if _METACHARACTER.search(source) is None:
        return source  # most phrases: nothing to parse (parsing them was 7 % of ``Guard()``)
    try:
        parsed = _p.parse(source)
    except re.error:
        return None
    if parsed.state.flags & ~re.UNICODE or not all(op is _c.LITERAL for op, _ in parsed):
        return None
    return "".join(chr(arg) for _, arg in parsed)


def trie_source(strings: Iterable[str]) -> str:
    """A regex matching exactly ``strings`` (non-empty), longest first at each position,
    written as a trie so a scan reads each character once. Strings nested so deeply that
    ``re``'s own parser would recurse too far (``a``, ``aa``, … hundreds of levels) are
    written as the flat longest-first union instead."""
    unique = sorted(set(strings), key=lambda s: (-len(s), s))
    root: dict[str, Any] = {}
    for s in unique:
        node = root
        for c in s:
            node = node.setdefault(c, {})
        node[""] = {}
    source, depth = _trie(root)
    if depth > _MAX_NESTING:
        return "|".join(re.escape(s) for s in unique)
    return source


def any_of(sources: Iterable[str]) -> re.Pattern[str]:
    """One regex for "does any of these match": the literal sources as a trie, the others
    beside it, with a first-character lookahead when one can be derived."""
    literals: list[str] = []
    others: list[str] = []
    for source in dict.fromkeys(sources):
        literal = literal_of(source)
        if literal:
            literals.append(literal)
        else:
            others.append(f"(?:{source})")
    parts = ([trie_source(literals)] if literals else []) + others
    return quick("|".join(parts)) if others else re.compile(parts[0] if parts else "(?!)")


def _branches(parts: list[tuple[str, str, int]], fan: int) -> tuple[str, int]:
    """The alternatives of a trie node, one per first character, as (source, deepest group
    nesting). ``re`` tries a union's alternatives one after the other, so a node of hundreds
    of children (the WX8 wording trigger's root: its 1,201 anchors open with 229
    characters) cost a test of each at every position where one may start. Above ``fan`` the children are split in
    two halves, each behind a lookahead on its first characters (one class test): the
    characters are distinct, so at most one half, and in it the same alternative, can
    match, as in the flat union."""
    if len(parts) <= fan:
        return "|".join(source for _, source, _ in parts), max(d for *_, d in parts)
    half = len(parts) // 2
    out: list[str] = []
    depth = 0
    for side in (parts[:half], parts[half:]):
        inner, inner_depth = _branches(side, _FAN)
        chars = "".join(re.escape(c) for c, _, _ in side)
        out.append(f"(?=[{chars}])(?:{inner})")
        depth = max(depth, inner_depth + 1)
    return "|".join(out), depth


def _trie(root: dict[str, Any]) -> tuple[str, int]:
    """(source, deepest group nesting) of a trie, children before parents, without recursion
    (a phrase may be hundreds of characters long)."""
    done: dict[int, tuple[str, int]] = {}
    stack: list[tuple[dict[str, Any], bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for c, child in node.items() if c)
            continue
        parts: list[tuple[str, str, int]] = []
        for c, child in sorted(node.items()):
            if c:
                child_source, child_depth = done.pop(id(child))
                parts.append((c, re.escape(c) + child_source, child_depth))
        depth = max((d for *_, d in parts), default=0)
        if not parts:
            source = ""
        elif len(parts) == 1:
            source = parts[0][1]
        else:
            branches, depth = _branches(parts, _ROOT_FAN if node is root else _FAN)
            source, depth = "(?:" + branches + ")", depth + 1
        if (
            "" in node and parts
        ):  # a string ends here; a longer one may go on (greedy: longest first)
            source, depth = f"(?:{source})?", depth + 1
        done[id(node)] = (source, depth)
    return done[id(root)]
