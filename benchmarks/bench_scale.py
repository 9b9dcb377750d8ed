"""How ``Guard.check_many`` scales with worker processes, line by line over a corpus.

    python benchmarks/bench_scale.py PATH/TO/corpus_zh.txt [--workers 0 1 2] [--chunk-size 256]
                                                             [--limit N] [--times N] [--repeat 5]

Checks every non-empty line with the default ``Guard()`` for each ``workers`` value and prints
the wall time of the whole call (including starting the processes and building a Guard in
each: what a user waits for) as the minimum and median of ``--repeat`` runs, messages/s and
the speed-up against ``workers=1`` from the minima, the time to the first report, and the CPU
seconds of this process and its workers. ``workers=0`` checks in this process with a Guard
built beforehand. The runs of the different ``workers`` values are interleaved, so a change in
the machine's load hits them alike; on a shared machine the minimum is the figure to compare,
and a wall time well above CPU / workers means the workers waited for a core (the load
average is printed first). Every run must give the same reports as ``workers=0``. Each worker
pays a fixed start (a new interpreter, the Guard, the word segmenter), so ``--times N`` checks
the corpus N times over to show how the speed-up grows with the batch.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from pathlib import Path

from wxguard import Guard, Report


def _cpu() -> float:
    """CPU seconds of this process and of its finished children."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _run(guard: Guard, lines: list[str], workers: int, chunk_size: int) -> tuple[list[Report], float, float, float]:
    """The reports, the total wall time, the time to the first report and the CPU time."""
    cpu0 = _cpu()
    t0 = time.perf_counter()
    reports: list[Report] = []
    first = 0.0
    for report in guard.check_many(lines, workers=workers, chunk_size=chunk_size):
        if not reports:
            first = time.perf_counter() - t0
        reports.append(report)
    return reports, time.perf_counter() - t0, first, _cpu() - cpu0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--chunk-size", type=int, default=256)
    parser.add_argument("--limit", type=int, default=0, help="only the first N lines")
    parser.add_argument("--times", type=int, default=1, help="the lines N times over")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    lines = [line for line in args.corpus.read_text("utf-8").split("\n") if line]
    if args.limit:
        lines = lines[: args.limit]
    lines *= args.times
    guard = Guard()
    expected = _run(guard, lines, 0, args.chunk_size)[0]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{len(lines):,} messages, {os.cpu_count()} CPUs, load average {load}, chunk size {args.chunk_size}")

    runs: dict[int, list[tuple[float, float, float]]] = {w: [] for w in args.workers}
    for _ in range(args.repeat):
        for workers in args.workers:
            reports, total, first, cpu = _run(guard, lines, workers, args.chunk_size)
            if reports != expected:
                raise SystemExit(f"workers={workers} gave different reports from workers=0")
            runs[workers].append((total, first, cpu))

    print(f"{'workers':>7}  {'min s':>6}  {'median s':>8}  {'msg/s':>7}  {'speed-up':>8}  {'first s':>7}  {'cpu s':>6}")
    base = min(t for t, _, _ in runs[1]) if 1 in runs else None
    for workers, results in runs.items():
        best = min(t for t, _, _ in results)
        median = statistics.median(t for t, _, _ in results)
        first = statistics.median(f for _, f, _ in results)
        cpu = statistics.median(c for _, _, c in results)
        speedup = f"{base / best:8.2f}" if base is not None and workers >= 1 else f"{'':>8}"
        print(f"{workers:>7}  {best:6.2f}  {median:8.2f}  {len(lines) / best:7,.0f}  {speedup}  {first:7.2f}  {cpu:6.2f}")


if __name__ == "__main__":
    main()
