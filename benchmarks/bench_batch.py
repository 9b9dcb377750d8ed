"""Batches: ``Guard.check_many`` next to ``check`` line by line and a raw pyahocorasick scan.

    python benchmarks/bench_batch.py PATH/TO/corpus_zh.txt [--limit 20000] [--repeat 5]
                                     [--wordlist EXTRA.txt] [--one-text 1 2 4]

For ``Guard(select=["WX1"])`` and the whole default ``Guard()`` over the first ``--limit``
non-empty corpus lines, one run prints messages/s of (a) pyahocorasick over the raw lines with
the lexicon's terms as written (no normalisation: the floor every filter starts from), (b)
``check`` on each line and (c) ``check_many`` in this process (workers=0), each as a ratio to
(a), and whether (b) and (c) gave the same reports. Medians of ``--repeat`` runs; on a shared
machine run with ``BENCH_CLOCK=cpu`` (``timing.py``). The issue's targets: (c) ≥ 150,000
messages/s for WX1 and ≥ 60,000 for the whole Guard, on one core. ``--one-text`` also checks
the start of the corpus as one text of each size in MB (≥ 10 MB/s and linear: each size's
MB/s within 1.5× of the others).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import ahocorasick
from timing import median_time

from wxguard import Guard
from wxguard.families.content.model import lexicon_for


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=20000, help="first N lines (0: all)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--wordlist", type=Path, action="append", default=[])
    parser.add_argument("--one-text", type=float, nargs="*", default=[], metavar="MB")
    args = parser.parse_args()

    corpus = args.corpus.read_text("utf-8")
    lines = [line for line in corpus.split("\n") if line]
    if args.limit:
        lines = lines[: args.limit]
    n = len(lines)
    print(f"{n:,} lines, {sum(len(x.encode()) for x in lines) / 1e6:.2f} MB")
    print(
        f"{'':14}{'raw AC msg/s':>14}{'check msg/s':>14}{'ratio':>7}{'many msg/s':>13}{'ratio':>7}"
    )
    for name, select in (("WX1", ["WX1"]), ("Guard()", None)):
        guard = Guard(select=select, wordlists=args.wordlist)
        raw = ahocorasick.Automaton()
        for term in sorted({p.term.text for p in lexicon_for(guard.config).patterns}):
            raw.add_word(term, term)
        raw.make_automaton()
        t_raw = median_time(lambda raw=raw: [list(raw.iter(x)) for x in lines], args.repeat)
        t_one = median_time(lambda g=guard: [g.check(x) for x in lines], args.repeat)
        t_many = median_time(lambda g=guard: list(g.check_many(lines)), args.repeat)
        same = list(guard.check_many(lines)) == [guard.check(x) for x in lines]
        print(
            f"{name:14}{n / t_raw:14,.0f}{n / t_one:14,.0f}{t_raw / t_one:7.2f}"
            f"{n / t_many:13,.0f}{t_raw / t_many:7.2f}   same reports: {same}"
        )
        for mb in args.one_text:
            text = corpus.encode("utf-8")[: int(mb * 1e6)].decode("utf-8", "ignore")
            t_text = median_time(lambda g=guard, text=text: g.check(text), args.repeat)
            print(f"{'':14}one text of {mb:g} MB: {t_text:.2f} s, {mb / t_text:.2f} MB/s")


if __name__ == "__main__":
    main()
