"""Shared by the benchmark scripts (run as ``python benchmarks/bench_*.py``)."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

# BENCH_CLOCK=cpu times this process's CPU seconds instead of wall time: on a shared machine
# (load far above the core count) wall time measures the neighbours, CPU time the code.
CLOCK = time.process_time if os.environ.get("BENCH_CLOCK") == "cpu" else time.perf_counter


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median time (wall, or CPU with BENCH_CLOCK=cpu) of ``repeat`` calls, in seconds,
    after one untimed call (lazy tables, jieba's dictionary and numpy load on first use;
    start-up is measured separately)."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = CLOCK()
        fn()
        times.append(CLOCK() - t0)
    return statistics.median(times)
