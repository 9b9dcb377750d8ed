"""Per-message time of the inducement (WX3) and advertising (WX4) rules next to WX1.

    python benchmarks/bench_semantic.py PATH/TO/corpus_zh.txt [--repeat 5]

Checks every line as one message with Guards selecting no checker (the engine's own cost),
WX1, WX3, WX4, WX3+WX4 and WX1+WX3+WX4, round-robin; prints the best of ``--repeat`` runs in
CPU time (process time, so other load on the machine distorts it less) as µs a message, and
how many lines each rule flags.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from wxguard import Guard

SELECTIONS = {
    "engine only": ["WX001"],
    "WX1": ["WX1"],
    "WX3": ["WX3"],
    "WX4": ["WX4"],
    "WX3+WX4": ["WX3", "WX4"],
    "WX1+WX3+WX4": ["WX1", "WX3", "WX4"],
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    lines = [line for line in args.corpus.read_text("utf-8").split("\n") if line]

    guards = {name: Guard(select=sel) for name, sel in SELECTIONS.items()}
    for guard in guards.values():
        guard.check("转发到朋友圈领红包，原价99现价49")
    best = dict.fromkeys(guards, float("inf"))
    for _ in range(args.repeat):
        for name, guard in guards.items():
            t0 = time.process_time()
            for line in lines:
                guard.check(line)
            best[name] = min(best[name], time.process_time() - t0)
    print(f"{len(lines)} messages, best of {args.repeat}")
    for name, seconds in best.items():
        print(f"  {name:<12} {seconds / len(lines) * 1e6:7.1f} µs/message")
    print(
        f"  WX3+WX4 adds {(best['WX3+WX4'] - best['engine only']) / len(lines) * 1e6:.1f} µs/message to the engine; "
        f"WX1 adds {(best['WX1'] - best['engine only']) / len(lines) * 1e6:.1f}"
    )

    flagged: Counter[str] = Counter()
    for line in lines:
        flagged.update({v.rule for v in guards["WX3+WX4"].check(line).violations})
    print(
        "lines flagged:", ", ".join(f"{rule} {n}" for rule, n in sorted(flagged.items())) or "none"
    )


if __name__ == "__main__":
    main()
