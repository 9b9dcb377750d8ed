"""How ``Guard.check_many`` scales with worker processes, line by line over a corpus.

    python benchmarks/bench_scale.py PATH/TO/corpus_zh.txt [--workers 0 1 2] [--chunk-size 1024]
                                                             [--limit N] [--times N] [--repeat 5]

Checks every non-empty line with the default ``Guard()`` for each ``workers`` value and prints
the wall time of the whole call (including starting the processes and building a Guard in
each: what a user waits for) as the minimum and median of ``--repeat`` runs, messages/s and
the speed-up against ``workers=1`` from the minima, the time to the first report, the CPU
seconds of this process and its workers, and (on Linux) the CPU seconds other processes used
meanwhile. ``workers=0`` checks in this process with a Guard built beforehand. The runs of the
different ``workers`` values are interleaved, so a change in the machine's load hits them
alike; on a shared machine the minimum is the figure to compare, and only a run with next to
no "others" CPU shows the scaling (Linux shares the cores between sessions, not processes).
Every run must give the same reports as ``workers=0``. Each worker pays a fixed start (a new
interpreter, the Guard, the word segmenter), so ``--times N`` checks the corpus N times over
to show how the speed-up grows with the batch.
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
    me, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _machine_busy() -> float:
    """CPU seconds every process on the machine has used since boot (0 where unknown)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _run(
    guard: Guard, lines: list[str], workers: int, chunk_size: int
) -> tuple[list[Report], float, float, float, float]:
    """The reports, the wall time, the time to the first report, our CPU time and others'."""
    cpu0, busy0 = _cpu(), _machine_busy()
    t0 = time.perf_counter()
    reports: list[Report] = []
    first = 0.0
    for report in guard.check_many(lines, workers=workers, chunk_size=chunk_size):
        if not reports:
            first = time.perf_counter() - t0
        reports.append(report)
    total, cpu = time.perf_counter() - t0, _cpu() - cpu0
    return reports, total, first, cpu, max(0.0, _machine_busy() - busy0 - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--chunk-size", type=int, default=1024)
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
    print(
        f"{len(lines):,} messages, {os.cpu_count()} CPUs, load average {load}, chunk size {args.chunk_size}"
    )

    runs: dict[int, list[tuple[float, float, float, float]]] = {w: [] for w in args.workers}
    for _ in range(args.repeat):
        for workers in args.workers:
            reports, *figures = _run(guard, lines, workers, args.chunk_size)
            if reports != expected:
                raise SystemExit(f"workers={workers} gave different reports from workers=0")
            runs[workers].append((figures[0], figures[1], figures[2], figures[3]))

    print(
        f"{'workers':>7}  {'min s':>6}  {'median s':>8}  {'msg/s':>7}  {'speed-up':>8}  {'first s':>7}"
        f"  {'cpu s':>6}  {'others s':>8}"
    )
    base = min(run[0] for run in runs[1]) if 1 in runs else None
    for workers, results in runs.items():
        best = min(results)  # the fastest run, with its own first-report, CPU and others' figures
        median = statistics.median(run[0] for run in results)
        speedup = f"{base / best[0]:8.2f}" if base is not None and workers >= 1 else f"{'':>8}"
        print(
            f"{workers:>7}  {best[0]:6.2f}  {median:8.2f}  {len(lines) / best[0]:7,.0f}  {speedup}  {best[1]:7.2f}"
            f"  {best[2]:6.2f}  {best[3]:8.2f}"
        )


if __name__ == "__main__":
    main()
