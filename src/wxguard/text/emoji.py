"""Characters as a reader counts them, and emoji, from Unicode's own properties.

WeChat counts a message's length in characters with an emoji as one, so a family emoji
(four people joined by zero-width joiners), a flag (two regional indicators) or a thumbs-up
with a skin tone is one character. Extended grapheme clusters (UAX #29, ``\\X`` in the
``regex`` module) give exactly that. Emoji are clusters that start with an
Extended_Pictographic character (UTS #51), plus flags and keycaps; ©, ® and ™ carry that
property too but read as ordinary symbols in text, so they are not counted as emoji.
"""

from __future__ import annotations

from functools import cache
from typing import Any

_NOT_EMOJI = "©®™"


@cache
def _grapheme() -> Any:
    """``\\X``; the ``regex`` module loads on first use (most messages are short enough that
    their length needs no clusters), keeping it out of a cold start."""
    import regex

    return regex.compile(r"\X")


@cache
def _emoji() -> Any:
    import regex

    return regex.compile(
        r"\p{Regional_Indicator}{2}"
        r"|[#*0-9]\uFE0F?\u20E3"
        rf"|(?![{_NOT_EMOJI}])\p{{Extended_Pictographic}}"
        r"(?:[\uFE0F\p{Emoji_Modifier}]|[\U000E0020-\U000E007F]+)*"
        r"(?:\u200D\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]*)*"
    )


def count_and_cut(text: str, limit: int) -> tuple[int, int | None]:
    """How many characters ``text`` has, and where character number ``limit + 1`` starts
    (None when there are at most ``limit``)."""
    count, cut = 0, None
    for match in _grapheme().finditer(text):
        if count == limit:
            cut = match.start()
        count += 1
    return count, cut


def prefix_end(text: str, start: int, end: int, n: int) -> int:
    """Index just after the first ``n`` characters of ``text[start:end]``."""
    for count, match in enumerate(_grapheme().finditer(text, start, end), 1):
        if count == n:
            return int(match.end())
    return end


def emoji_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _emoji().finditer(text)]
