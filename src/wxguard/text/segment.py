"""Word boundaries from jieba, used only to judge a candidate that sits inside CJK text.

jieba's dictionary takes about half a second to load, so it is loaded on the first call
(never at import) and only a small window around a candidate is segmented.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from .folding import tables

WINDOW = 8


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _words(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of the multi-character words jieba finds in a window around ``[start, end)``."""
    lo = max(0, start - WINDOW)
    window = text[lo : min(len(text), end + WINDOW)].translate(tables().simplified)
    pos = lo
    for token in _jieba().cut(window, HMM=False):
        a, b = pos, pos + len(token)
        pos = b
        if b - a >= 2:
            yield a, b


def word_bounds(text: str, start: int, end: int) -> set[int]:
    """The positions in and around ``[start, end)`` where one word ends and the next begins
    (one-character words included), for cutting a span back to whole words."""
    lo = max(0, start - WINDOW)
    window = text[lo : min(len(text), end + WINDOW)].translate(tables().simplified)
    bounds, pos = {lo}, lo
    for token in _jieba().cut(window, HMM=False):
        pos += len(token)
        bounds.add(pos)
    return bounds


def straddles(text: str, start: int, end: int) -> bool:
    """True when a real word crosses an edge of ``text[start:end]`` without containing it,
    as 消毒 and 品牌 do around 毒品 in 消毒品牌."""
    return any(
        (a < start < b or a < end < b) and not (a <= start and b >= end)
        for a, b in _words(text, start, end)
    )


def in_words(text: str, start: int, end: int, positions: Iterable[int]) -> bool:
    """True when any of ``positions`` lies inside a real word, as 言 does in 言情小说
    (a homophone of 艳情小说 that is simply the ordinary word)."""
    spans = list(_words(text, start, end))
    return any(a <= p < b for p in positions for a, b in spans)


def is_word(text: str) -> bool:
    """True when jieba's dictionary lists ``text`` as a word (态度 yes, 堵博 no); the
    dictionary also holds every word's prefixes, with frequency 0, which do not count."""
    return frequency(text) > 0


def frequency(text: str) -> int:
    """How often jieba's dictionary counts ``text`` as a word (见 58,965; 堵 1,193)."""
    return int(_jieba().FREQ.get(text, 0))
