"""Pausing the cyclic garbage collector around work that makes many objects and no garbage.

Building or reading a table, or checking a long text, creates hundreds of thousands of live
objects (hits, joins, findings); every few hundred new ones set off a collection that walks
them, which cost a fifth of the time of a 1 MB check. Reference counting still frees what
these steps drop. The pause is counted, so threads that pause at the same time leave the
collector as they found it once the last one is done. Code of one's own that calls
``gc.disable()`` while a pause is on finds the collector enabled when the pause ends: the
interpreter has one switch and no record of who turned it, so such code should build its
Guards before it turns the collector off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
