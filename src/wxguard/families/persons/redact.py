"""Masking personal information before a message is shared or logged.

``redact(text)`` finds what the WX501–WX505 recognizers find and rewrites only those spans;
every other character stays as it was. Three operators, after Presidio's anonymizer:

- ``mask`` keeps the characters that do not identify anyone (``159****0000``, the first
  and last four digits of a card, the first letter of an email's user name when two or more follow
  it, and its domain) and masks the other letters and digits, keeping separators and the length;
- ``replace`` puts the entity's name in its place (``<MOBILE>``);
- ``hash`` puts a SHA-256 digest of the value (with an optional salt) in its place, so the
  same number gets the same token everywhere; its letters stand for hex digits (``0``–``9``
  become ``g``–``p``) so a token never looks like a number to the next redaction.

Redacting twice changes nothing more: ``redact`` repeats until nothing is left to rewrite
(a number glued to another, ``11010519491231002X13812345678``, is only recognisable once
its neighbour is gone), and masked or replaced values never match again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from ...errors import WxguardError

if TYPE_CHECKING:
    from ...models import Violation

Operator = Literal["mask", "replace", "hash"]

ENTITIES = {
    "WX501": "MOBILE",
    "WX502": "RESIDENT_ID",
    "WX503": "BANK_CARD",
    "WX504": "EMAIL",
    "WX505": "ID_DOCUMENT",
}
# Letters and digits left visible at the start and at the end of each kind of value.
_KEEP = {"WX501": (3, 4), "WX502": (3, 4), "WX503": (4, 4), "WX505": (1, 2)}
_NO_DIGITS = str.maketrans("0123456789", "ghijklmnop")


def redact(
    text: str,
    operator: Operator = "mask",
    *,
    rules: Iterable[str] | None = None,
    salt: str = "",
    mask_char: str = "*",
) -> str:
    """``text`` with its personal information masked, replaced or hashed.

    ``rules`` limits which kinds are redacted (``["WX501"]`` for phone numbers only).
    """
    wanted = _rules(rules)
    while True:
        out = redact_spans(text, find_spans(text, wanted), operator, salt=salt, mask_char=mask_char)
        if out == text:
            return out
        text = out


def find_spans(text: str, rules: Iterable[str] = tuple(ENTITIES)) -> list[tuple[int, int, str]]:
    """``(start, end, rule)`` of the personal information ``redact`` rewrites in one pass."""
    from .analyzer import analyzer

    return [(r.start, r.end, r.rule) for r in analyzer().analyze(text) if r.rule in rules]


def redact_violations(
    text: str, violations: Iterable[Violation], operator: Operator = "mask", *, salt: str = ""
) -> str:
    """``text`` with the spans of a report's personal-information violations redacted."""
    spans = [
        (w.start, w.end, w.rule) for v in violations for w in (v, *v.also) if w.rule in ENTITIES
    ]
    return redact_spans(text, spans, operator, salt=salt)


def redact_spans(
    text: str,
    spans: Iterable[tuple[int, int, str]],
    operator: Operator = "mask",
    *,
    salt: str = "",
    mask_char: str = "*",
) -> str:
    """Rewrite non-overlapping ``(start, end, rule)`` spans of ``text``; the rest is kept."""
    if operator not in ("mask", "replace", "hash"):
        raise WxguardError(
            f"redact: unknown operator {operator!r} (use 'mask', 'replace' or 'hash')"
        )
    if len(mask_char) != 1 or mask_char.isalnum():
        raise WxguardError(
            f"redact: mask_char must be one character that is not a letter or digit, got {mask_char!r}"
        )
    out: list[str] = []
    last = 0
    for start, end, rule in sorted(spans):
        if start < last or rule not in ENTITIES:
            continue
        out.append(text[last:start])
        value = text[start:end]
        if operator == "mask":
            out.append(mask(value, rule, mask_char))
        elif operator == "replace":
            out.append(f"<{ENTITIES[rule]}>")
        else:
            digest = hashlib.sha256((salt + _canonical(value)).encode("utf-8")).hexdigest()[:16]
            out.append(f"<{ENTITIES[rule]}:{digest.translate(_NO_DIGITS)}>")
        last = end
    out.append(text[last:])
    return "".join(out)


def _rules(rules: Iterable[str] | None) -> frozenset[str]:
    if rules is None:
        return frozenset(ENTITIES)
    if isinstance(rules, str):
        raise WxguardError(f"redact: rules must be a list of codes, got the string {rules!r}")
    wanted = frozenset(r.upper() for r in rules)
    unknown = wanted - set(ENTITIES)
    if unknown:
        raise WxguardError(
            f"redact: {', '.join(sorted(unknown))} not redactable (use {', '.join(ENTITIES)})"
        )
    return wanted


def _canonical(value: str) -> str:
    """The value without its spelling: separators dropped, full width folded, lower case."""
    from ...text.folding import fold_one_to_one

    return "".join(c for c in fold_one_to_one(value) if c.isalnum() or c in "@.")


def mask(value: str, rule: str, mask_char: str = "*") -> str:
    """``value`` (a WX501–WX505 finding's text) with what identifies someone masked."""
    if rule == "WX504":
        from ...text.folding import fold_one_to_one

        at = fold_one_to_one(value).find("@")
        # the first letter is kept only where it leaves at least two others to hide
        keep = 1 if sum(c.isalnum() for c in value[:at]) > 2 else 0
        return (
            value[:keep]
            + "".join(mask_char if c.isalnum() else c for c in value[keep:at])
            + value[at:]
        )
    head, tail = _KEEP[rule]
    if value.isalnum():  # most numbers are written without separators: one slice each
        n = len(value)
        return value[:head] + mask_char * max(0, n - tail - head) + value[max(head, n - tail) :]
    positions = [i for i, c in enumerate(value) if c.isalnum()]
    hidden = set(positions[head : len(positions) - tail])
    return "".join(mask_char if i in hidden else c for i, c in enumerate(value))
