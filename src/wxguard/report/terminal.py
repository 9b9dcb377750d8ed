"""Text bound for terminals and CI logs: message text made inert, colour only from wxguard.

A checked message is untrusted: ``关注\\x1b[2J公众号`` would clear the reader's screen, a CR
would overwrite the line, a bidi override would reorder what the reader sees. Every piece
of message (and file-name) text passes through ``inert`` before it is written, which shows
C0 and C1 control characters, DEL, line and paragraph separators, the bidi marks,
embeddings, overrides and isolates, and invisible format characters as visible escapes (``\\x1b``, ``\\u202e``). Colour
codes are added after that, by ``paint`` alone, so every escape sequence on the screen is
wxguard's own.

Colour follows the usual conventions: ``NO_COLOR`` (any non-empty value) turns it off,
``FORCE_COLOR`` (any non-empty value) turns it on, otherwise only a terminal gets it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from ..models import Severity, Verdict

if TYPE_CHECKING:
    from . import Report

# Beyond C0: DEL, C1, the Arabic letter mark, LRM/RLM, line and paragraph separators,
# bidi embeddings and overrides, bidi isolates; and lone surrogates (a Python str may hold
# them, UTF-8 cannot: unescaped, they stopped the JSON and SARIF writers).
BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
# Invisible format characters: soft hyphen, Mongolian vowel separator, zero-width space,
# joiners, word joiner and invisible operators, BOM, tags. They drive nothing, but in a file
# name they make two different names look the same (audit of session 8), and in a message
# they are the noise a disguise hides in: the reader should see them.
INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff\U000e0000-\U000e007f"
_UNSAFE = re.compile(f"[\x00-\x1f{BEYOND_C0}{INVISIBLE}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

RESET = "\x1b[0m"
BOLD = "1"
DIM = "2"
GREEN = "32"
BLUE = "34"
SEVERITY = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def escape(char: str) -> str:
    """The visible escape of one unsafe character."""
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def is_unsafe(char: str) -> bool:
    return _UNSAFE.match(char) is not None


def inert(text: str) -> str:
    """``text`` with every character that could drive a terminal or a log shown as an escape."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: escape(m.group()), text)


def use_colour(stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Colour for ``stream``: ``NO_COLOR`` wins, then ``FORCE_COLOR``, then whether it is a terminal."""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, colour: bool, *codes: str) -> str:
    """``text`` wrapped in the SGR ``codes`` when colour is on; ``text`` must already be inert."""
    if not colour or not codes or not text:
        return text
    return f"\x1b[{';'.join(codes)}m{text}{RESET}"


def plural(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``; ``info`` has no plural."""
    return f"{count} {noun}" if count == 1 or noun == "info" else f"{count} {noun}s"


def summary(
    reports: Sequence[Report],
    unreadable: int,
    colour: bool,
    suppressed: int = 0,
    checked: int | None = None,
    held: int = 0,
    unshown: int = 0,
) -> str:
    """The closing line of a human format: what was found, how many messages each verdict,
    how many findings suppressions hid, and how many paths could not be checked.
    ``checked`` counts every message read when ``reports`` holds only those with findings
    (the CLI's), so the line can say how many passed. ``--min-severity error`` leaves out
    ``unshown`` warnings, but not the verdict they make: ``held`` messages (not in
    ``reports``, every finding of theirs left out) are still under review."""
    found = [v for r in reports for v in r.violations]
    tail = f" {plural(unreadable, 'path')} could not be checked." if unreadable else ""
    if suppressed:
        tail = f" {plural(suppressed, 'finding')} suppressed by comments or per-file-ignores.{tail}"
    if unshown:
        tail = f" {plural(unshown, 'warning')} not shown (--min-severity error).{tail}"
    total = len(reports) if checked is None else max(checked, len(reports))
    if not found:
        if checked == 0 and not unreadable:  # an input that lost its lines is not a pass
            return paint("No messages to check.", colour, BOLD) + "\n"
        if held:
            rest = f", {total - held} pass" if total > held else ""
            line = f"No errors in {plural(total, 'message')}: {held} review{rest}."
            return paint(line + tail, colour, BOLD) + "\n"
        if unreadable or suppressed:
            return paint(f"No findings;{tail}", colour, BOLD) + "\n"
        return paint("All checks passed!", colour, BOLD, GREEN) + "\n"
    severities = ", ".join(
        plural(n, s.value) for s in Severity if (n := sum(1 for v in found if v.severity is s))
    )
    counts = {v: sum(1 for r in reports if r.verdict is v) for v in (Verdict.BLOCK, Verdict.REVIEW)}
    counts[Verdict.REVIEW] += held
    verdicts = ", ".join(f"{n} {verdict.value}" for verdict, n in counts.items() if n)
    flagged = sum(1 for r in reports if r.violations)
    if total > flagged:
        passed = sum(1 for r in reports if r.verdict is Verdict.PASS) + total - len(reports) - held
        verdicts = ", ".join(filter(None, (verdicts, f"{passed} pass" if passed else "")))
        messages = f"{flagged} of {plural(total, 'message')}"
    else:
        messages = plural(flagged, "message")
    line = f"Found {plural(len(found), 'finding')} ({severities}) in {messages}" + (
        f": {verdicts}." if verdicts else "."
    )
    return paint(line + tail, colour, BOLD) + "\n"
