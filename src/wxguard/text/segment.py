"""Word boundaries from jieba, used only to judge a candidate that sits inside CJK text.

jieba's dictionary takes about half a second to load, so it is loaded on the first call
(never at import) and only a small window around a candidate is segmented.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from .folding import tables

WINDOW = 8

# Words jieba lists that are a degree adverb and an insult's first character (真傻, 很傻 of
# 傻逼; COLD: 是真傻逼): "very" said of the term's own character, so they cross no word.
# Only these: 真假, 最大 and 最高 are words of their own (真假文凭, 最大麻; review s14).
DEGREE = frozenset({"真傻", "很傻", "特傻", "真装"})


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


# Windows remembered by ``straddles`` and ``in_words`` (each a few dozen characters).
MEMO = 4096


def _window(text: str, start: int, end: int) -> tuple[int, str]:
    """The window around ``[start, end)`` that jieba segments, and where it starts."""
    lo = max(0, start - WINDOW)
    return lo, text[lo : min(len(text), end + WINDOW)].translate(tables().simplified)


def _around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The original characters of the window around ``[start, end)`` and the span in it:
    all a word-edge answer depends on, so answers are remembered by it. A clause that
    repeats (a long text of one warning, a template sent to many groups) is cut once."""
    lo = max(0, start - WINDOW)
    return text[lo : min(len(text), end + WINDOW)], start - lo, end - lo


def _crossable(window: str, edge: int) -> bool:
    """Whether a multi-character token of jieba's cut of ``window`` can cross ``edge`` (a
    token holds the characters on both sides). jieba's tokens longer than one character are
    dictionary words, runs of ASCII letters and digits, or a CR LF pair; every prefix of a
    dictionary word is a key of its ``FREQ``. So when no ``window[a:edge + 1]`` is a key and
    the pair at the edge is neither two ASCII letters or digits nor CR LF, no token crosses it, and the cut
    (~30 µs a window) need not be made."""
    if edge <= 0 or edge >= len(window):
        return False
    pair = window[edge - 1 : edge + 1]
    if pair == "\r\n" or (pair.isascii() and pair.isalnum()):
        return True
    freq = _jieba().FREQ
    return any(window[a : edge + 1] in freq for a in range(edge))


def _words(lo: int, window: str) -> Iterator[tuple[int, int]]:
    """Spans of the multi-character words jieba finds in ``window`` (from ``_window``)."""
    pos = lo
    for token in _jieba().cut(window, HMM=False):
        a, b = pos, pos + len(token)
        pos = b
        if b - a >= 2:
            yield a, b


def word_bounds(text: str, start: int, end: int) -> set[int]:
    """The positions in and around ``[start, end)`` where one word ends and the next begins
    (one-character words included), for cutting a span back to whole words."""
    lo, window = _window(text, start, end)
    bounds, pos = {lo}, lo
    for token in _jieba().cut(window, HMM=False):
        pos += len(token)
        bounds.add(pos)
    return bounds


def straddles(text: str, start: int, end: int) -> bool:
    """True when a real word crosses an edge of ``text[start:end]`` without containing it,
    as 消毒 and 品牌 do around 毒品 in 消毒品牌."""
    return _straddles(*_around(text, start, end))


@lru_cache(maxsize=MEMO)
def _straddles(text: str, start: int, end: int) -> bool:
    lo, window = _window(text, start, end)
    if not (_crossable(window, start - lo) or _crossable(window, end - lo)):
        return False
    return any(
        (a < start < b or a < end < b)
        and not (a <= start and b >= end)
        and not (a == start - 1 and b == start + 1 and window[a - lo : b - lo] in DEGREE)
        for a, b in _words(lo, window)
    )


def in_words(text: str, start: int, end: int, positions: Iterable[int]) -> bool:
    """True when any of ``positions`` lies inside a real word, as 言 does in 言情小说
    (a homophone of 艳情小说 that is simply the ordinary word)."""
    around, a, b = _around(text, start, end)
    return _in_words(around, a, b, tuple(p - (start - a) for p in positions))


@lru_cache(maxsize=MEMO)
def _in_words(text: str, start: int, end: int, positions: tuple[int, ...]) -> bool:
    lo, window = _window(text, start, end)
    # A position inside a word of two or more characters has that word across its left or
    # its right edge.
    if not any(_crossable(window, p - lo) or _crossable(window, p + 1 - lo) for p in positions):
        return False
    spans = list(_words(lo, window))
    return any(a <= p < b for p in positions for a, b in spans)


def holds_run(text: str, start: int, end: int, first: int, last: int) -> bool:
    """True when a real word holds the characters ``first`` to ``last`` and more, as 小姐姐
    holds 姐姐: a repeat inside an ordinary word is that word, not a stutter to collapse
    (代开开发票 stays one: 开发票 holds only one 开)."""
    around, a, b = _around(text, start, end)
    shift = start - a
    return _holds_run(around, a, b, first - shift, last - shift)


@lru_cache(maxsize=MEMO)
def _holds_run(text: str, start: int, end: int, first: int, last: int) -> bool:
    lo, window = _window(text, start, end)
    if not (_crossable(window, first - lo) or _crossable(window, last + 1 - lo)):
        return False
    return any(a <= first and last < b and b - a > last - first + 1 for a, b in _words(lo, window))


def is_word(text: str) -> bool:
    """True when jieba's dictionary lists ``text`` as a word (态度 yes, 堵博 no); the
    dictionary also holds every word's prefixes, with frequency 0, which do not count."""
    return frequency(text) > 0


def frequency(text: str) -> int:
    """How often jieba's dictionary counts ``text`` as a word (见 58,965; 堵 1,193)."""
    return int(_jieba().FREQ.get(text, 0))
