"""Timing a piece of work on an input and on one four times as large.

Linear code takes about four times as long, quadratic code sixteen. The bound (6×) is
generous for noise; the size is found anew on every machine, so a test is quick whether the
code is linear or not.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
FLOOR = 0.025  # seconds: the smaller input must take at least this long to be timed
BOUND = 6.0


def _time(work: Callable[[T], Any], data: T) -> float:
    """CPU seconds of one run (other processes on a shared machine do not count), the garbage
    collector paused (its full passes grow with the objects alive, not with the code's work)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        work(data)
        return time.process_time() - start
    finally:
        gc.enable()


def growth(make: Callable[[int], T], work: Callable[[T], Any], n: int = 64) -> tuple[float, int]:
    """(time of ``make(4n)`` / time of ``make(n)``, n) for the first n whose time reaches
    FLOOR. Each is the best of three runs, taken in turns, so a busy moment spoils neither
    alone. A first, untimed run loads what the work loads lazily."""
    small = make(n)
    work(small)
    while _time(work, small) < FLOOR and n < 1 << 22:
        n *= 2
        small = make(n)
    large = make(4 * n)
    times = [(_time(work, small), _time(work, large)) for _ in range(3)]
    return min(t for _, t in times) / min(t for t, _ in times), n
