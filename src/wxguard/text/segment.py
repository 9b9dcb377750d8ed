"""Word boundaries from jieba, used only to judge a candidate that sits inside CJK text.

jieba's dictionary takes about half a second to load, so it is loaded on the first call
(never at import) and only a small window around a candidate is segmented.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from .folding import tables

WINDOW = 8

_lock = threading.Lock()
_tokenizer: Any = None


def _jieba() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.initialize()
                _tokenizer = tok
    return _tokenizer


def straddles(text: str, start: int, end: int) -> bool:
    """True when a real word crosses an edge of ``text[start:end]`` without containing it,
    as 消毒 and 品牌 do around 毒品 in 消毒品牌."""
    lo = max(0, start - WINDOW)
    window = text[lo : min(len(text), end + WINDOW)].translate(tables().simplified)
    pos = lo
    for token in _jieba().cut(window, HMM=False):
        a, b = pos, pos + len(token)
        pos = b
        if b - a < 2 or (a <= start and b >= end):
            continue
        if a < start < b or a < end < b:
            return True
    return False
