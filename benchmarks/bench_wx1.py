"""WX1 throughput next to a raw pyahocorasick scan of the same terms, in one run.

    python benchmarks/bench_wx1.py PATH/TO/corpus_zh.txt [--repeat 5] [--wordlist EXTRA.txt]

Prints MB/s (10^6 UTF-8 bytes a second) for the corpus as one text and messages/s line by
line, for (a) pyahocorasick over the raw lines with the lexicon's terms as written (no
normalisation, the floor every filter starts from) and (b) ``Guard(select=["WX1"])`` with every
disguise on. ``--wordlist`` adds a word-list file (``# category: NAME`` header) to both, to
see how each scales with the lexicon. Also the import time of wxguard and the Guard() construction time, each in a
fresh process. Medians of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

import ahocorasick
from timing import median_time

from wxguard import Guard
from wxguard.families.content.model import lexicon_for


def _fresh(code: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--wordlist", type=Path, action="append", default=[])
    args = parser.parse_args()

    text = args.corpus.read_text("utf-8")
    lines = [line for line in text.split("\n") if line]
    mb = len(text.encode("utf-8")) / 1e6

    guard = Guard(select=["WX1"], wordlists=args.wordlist)
    lexicon = lexicon_for(guard.config)
    terms = sorted({p.term.text for p in lexicon.patterns})
    raw = ahocorasick.Automaton()
    for term in terms:
        raw.add_word(term, term)
    raw.make_automaton()

    raw_text = median_time(lambda: list(raw.iter(text)), args.repeat)
    raw_lines = median_time(lambda: [list(raw.iter(line)) for line in lines], args.repeat)
    g_text = median_time(lambda: guard.check(text), args.repeat)
    g_lines = median_time(lambda: [guard.check(line) for line in lines], args.repeat)

    flagged = sum(1 for line in lines if guard.check(line).violations)
    print(
        f"corpus: {mb:.2f} MB, {len(text):,} characters, {len(lines):,} lines; "
        f"lexicon: {len(terms):,} terms, {len(lexicon.patterns):,} patterns (with split-character spellings)"
    )
    print(f"{'':34}{'MB/s (one text)':>18}{'messages/s':>14}{'MB/s (lines)':>15}")
    print(
        f"{'(a) raw pyahocorasick, no folding':34}{mb / raw_text:18.2f}"
        f"{len(lines) / raw_lines:14,.0f}{mb / raw_lines:15.2f}"
    )
    print(
        f"{'(b) Guard(select=[WX1])':34}{mb / g_text:18.2f}{len(lines) / g_lines:14,.0f}{mb / g_lines:15.2f}"
    )
    print(f"{'ratio (b)/(a), >1 = faster':34}{raw_text / g_text:18.2f}{raw_lines / g_lines:14.2f}")
    print(f"lines with a WX1 finding: {flagged:,}")
    print(
        f"import wxguard: {_fresh('import wxguard', args.repeat):.3f} s; "
        f"Guard() with the default lists: {_fresh('import wxguard; wxguard.Guard()', args.repeat):.3f} s (incl. import)"
    )


if __name__ == "__main__":
    main()
