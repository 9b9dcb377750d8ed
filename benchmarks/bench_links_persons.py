"""What the link (WX2) and person (WX5) checks cost, and proof that they stay linear.

    python benchmarks/bench_links_persons.py PATH/TO/corpus_zh.txt [--lines N] [--repeat 3]

1. Per message, on the corpus line by line: ``Guard(select=["WX1"])`` (the foundation
   benchmark's configuration) next to ``Guard(select=["WX1", "WX2", "WX5"])``, and WX2 and WX5
   alone; the difference is what links and persons add. Also how many lines each rule flags
   (the corpus is clean reviews, so every flag should be explainable).
2. Adversarial input: strings of 1, 2, 4 and 8 MB of digits, dots, ``http`` fragments, ports,
   ``@``, disguised dots and spaced digits, checked as one message. Time per MB must stay flat.
Medians of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from timing import median_time

from wxguard import Guard

_PIECES = [
    "1",
    "2",
    "3",
    "8",
    "6",
    ".",
    "..",
    "http",
    "://",
    "http://",
    "https://",
    "1.2.3.4",
    ":8080",
    "/",
    "a",
    "@",
    "com",
    "cn",
    "点",
    "。",
    " ",
    "-",
    "138",
    "1234",
    "5678",
    "x",
    "www.",
    "[.]",
    "\u200b",
]


def adversarial(size: int, seed: int = 0) -> str:
    rnd = random.Random(seed)
    out: list[str] = []
    length = 0
    while length < size:
        piece = rnd.choice(_PIECES)
        out.append(piece)
        length += len(piece)
    return "".join(out)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--lines", type=int, default=0, help="first N lines only (default: all)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1, 2, 4, 8], help="adversarial sizes in MB"
    )
    args = parser.parse_args()

    lines = [line for line in args.corpus.read_text("utf-8").split("\n") if line]
    if args.lines:
        lines = lines[: args.lines]
    guards = {
        "WX1 (foundation)": Guard(select=["WX1"]),
        "WX1+WX2+WX5": Guard(select=["WX1", "WX2", "WX5"]),
        "WX2 alone": Guard(select=["WX2"]),
        "WX5 alone": Guard(select=["WX5"]),
    }
    for guard in guards.values():
        guard.check("热身 https://a.com/x 13812345678")  # load the suffix list once
    per_message = {}
    print(f"corpus: {len(lines):,} lines")
    for name, guard in guards.items():
        seconds = median_time(
            lambda guard=guard: [guard.check(line) for line in lines], args.repeat
        )
        per_message[name] = seconds / len(lines) * 1e6
        print(
            f"  {name:18} {per_message[name]:8.1f} µs/message  {len(lines) / seconds:10,.0f} messages/s"
        )
    added = per_message["WX1+WX2+WX5"] - per_message["WX1 (foundation)"]
    print(
        f"  links + persons add {added:.1f} µs/message "
        f"({added / per_message['WX1 (foundation)']:.0%} of the WX1 time)"
    )

    flagged: Counter[str] = Counter()
    checker = Guard(select=["WX2", "WX5"])
    for line in lines:
        flagged.update({v.rule for v in checker.check(line).violations})
    print(
        "  lines flagged per rule: "
        + (", ".join(f"{r} {n}" for r, n in sorted(flagged.items())) or "none")
    )

    print("adversarial input, one message (Guard(select=[WX2, WX5])):")
    for mb in args.sizes:
        text = adversarial(mb * 1_000_000)
        seconds = median_time(lambda text=text: checker.check(text), max(1, args.repeat // 2))
        print(f"  {mb:3} MB  {seconds:7.2f} s  {seconds / mb:6.2f} s/MB")


if __name__ == "__main__":
    main()
