"""Where the whole Guard spends its time, line by line: the profile that guides optimisation.

    python benchmarks/profile_guard.py PATH/TO/corpus_zh.txt [--select WX4 ...] [--limit N]

Runs pyinstrument (the ``bench`` extra) over ``guard.check(line)`` for the corpus lines after
a warm-up pass (so jieba and the lazy tables are loaded), and prints the call tree with the
share of time of each frame.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pyinstrument import Profiler

from wxguard import Guard


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument(
        "--select", nargs="*", default=None, help="rule prefixes (default: every family)"
    )
    parser.add_argument("--limit", type=int, default=0, help="profile only the first N lines")
    parser.add_argument("--interval", type=float, default=0.0001, help="sampling interval, seconds")
    args = parser.parse_args()

    lines = [line for line in args.corpus.read_text("utf-8").split("\n") if line]
    if args.limit:
        lines = lines[: args.limit]
    guard = Guard(select=args.select)
    for line in lines:
        guard.check(line)
    profiler = Profiler(interval=args.interval)
    with profiler:
        for line in lines:
            guard.check(line)
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
