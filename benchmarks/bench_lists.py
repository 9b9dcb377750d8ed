"""WX1 and ``Guard()`` with big user word lists, next to raw pyahocorasick, in one run.

    python benchmarks/bench_lists.py PATH/TO/corpus_zh.txt PATH/TO/EXTRA_DICT.txt
                                     [--limit 20000] [--repeat 3] [--only lines|guard]

Issue 15's word-list targets. On a shared machine run with ``BENCH_CLOCK=cpu``
(``timing.py``): every time below is then CPU seconds of the measuring process.

1. Line by line over the first ``--limit`` non-empty corpus lines, ``Guard(select=["WX1"])``
   with the bundled lists plus 10,000 extra words from jieba's bundled ``dict.txt`` (distinct
   words of two or more CJK characters not in the bundled lists): drawn at random (seeded) and
   the 10,000 most frequent. For each: (a) pyahocorasick over the raw lines with the same terms
   as written (every term of the lexicon; no normalisation), (b) ``check`` on each line, (c)
   ``check_many`` in this process, each with its ratio to (a) (targets: b/a ≥ 1.0 with random
   words, ≥ 0.5 with frequent ones), and the lines with a WX1 finding.
2. ``Guard()`` (every family) with ``EXTRA_DICT`` as one more word list, built in fresh
   processes with an empty and with a warm on-disk cache: construction time (wall and the
   child's CPU) and peak RSS (targets: ≤ 3 s empty, ≤ 0.5 s warm, ≤ 200 MB). ``EXTRA_DICT`` is
   plain text, one term a line (houbb/sensitive-word's ``dict_v20240407.txt`` is the issue's
   stress): lines wxguard's word-list syntax rejects or would read as syntax (``{ } [ ] | +``,
   control characters) are left out and counted, the rest written under ``# category: custom``.

Throughputs are medians of ``--repeat`` runs after one untimed call; construction figures are
medians of ``--repeat`` fresh processes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import ahocorasick
from jieba_words import jieba_words
from timing import median_time

from wxguard import Guard
from wxguard.errors import WordListError
from wxguard.families.content.model import lexicon_for
from wxguard.families.content.terms import parse_term

EXTRA_WORDS = 10_000
SEED = 20240507
_SYNTAX = set("{}[]|+")

# Peak RSS from VmHWM: getrusage's ru_maxrss survives execve on Linux.
_CHILD = """
import json, sys, time
w0, c0 = time.perf_counter(), time.process_time()
import wxguard
w1, c1 = time.perf_counter(), time.process_time()
wxguard.Guard(wordlists=sys.argv[1:])
w2, c2 = time.perf_counter(), time.process_time()
with open("/proc/self/status") as f:
    rss = next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) / 1024
print(json.dumps({"import": c1 - c0, "build_wall": w2 - w1, "build_cpu": c2 - c1, "rss_mb": rss}))
"""


def _jieba_words(exclude: set[str]) -> list[tuple[str, int]]:
    """(word, frequency) for distinct words of two or more CJK characters in jieba's dict.txt."""
    return list(jieba_words(exclude).items())


def _write(path: Path, terms: list[str]) -> Path:
    path.write_text("# category: custom\n" + "\n".join(terms) + "\n", encoding="utf-8")
    return path


def _clean_dict(source: Path, folder: Path) -> tuple[Path, int, int]:
    """``source`` as a word list of the terms wxguard accepts; (path, kept, left out)."""
    kept: dict[str, None] = {}
    dropped = 0
    for number, line in enumerate(source.read_text("utf-8").splitlines(), start=1):
        term = line.strip()
        if not term or term.startswith("#"):
            continue
        try:
            if _SYNTAX & set(term):
                raise WordListError(str(source), number, "syntax character")
            parse_term(term, "custom", str(source), number, "block")
        except WordListError:
            dropped += 1
            continue
        kept[term] = None
    return _write(folder / "extra_dict.txt", list(kept)), len(kept), dropped


def _lines_row(label: str, wordlist: Path, lines: list[str], repeat: int) -> None:
    guard = Guard(select=["WX1"], wordlists=[wordlist])
    terms = sorted({p.term.text for p in lexicon_for(guard.config).patterns})
    raw = ahocorasick.Automaton()
    for term in terms:
        raw.add_word(term, term)
    raw.make_automaton()
    n = len(lines)
    t_raw = median_time(lambda: [list(raw.iter(x)) for x in lines], repeat)
    t_one = median_time(lambda: [guard.check(x) for x in lines], repeat)
    t_many = median_time(lambda: list(guard.check_many(lines)), repeat)
    reports = [guard.check(x) for x in lines]
    hit = sum(1 for r in reports if r.violations)
    same = list(guard.check_many(lines)) == reports
    print(
        f"{label:24}{len(terms):>8,}{n / t_raw:12,.0f}{n / t_one:12,.0f}{t_raw / t_one:7.2f}"
        f"{n / t_many:12,.0f}{t_raw / t_many:7.2f}{hit:8,}  same: {same}",
        flush=True,
    )


def _construction(wordlist: Path, cache: Path, warm: bool) -> dict[str, float]:
    """Figures of one fresh process building ``Guard(wordlists=[wordlist])``."""
    if not warm:
        for entry in cache.glob("*"):
            entry.unlink()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(wordlist)],
        capture_output=True,
        text=True,
        check=True,
        env={**env, "WXGUARD_CACHE_DIR": str(cache)},
    )
    return {k: float(v) for k, v in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("extra", type=Path, help="a big plain term list (one term a line)")
    parser.add_argument("--limit", type=int, default=20000, help="first N lines (0: all)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("lines", "guard"))
    parser.add_argument(
        "--lists-to", type=Path, help="also keep the three extra word lists in this folder"
    )
    args = parser.parse_args()
    clock = "CPU" if os.environ.get("BENCH_CLOCK") == "cpu" else "wall"

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.lists_to or Path(tmp)
        bundled = {p.term.text for p in lexicon_for(Guard(select=["WX1"]).config).patterns}
        words = _jieba_words(bundled)
        chosen = random.Random(SEED).sample([w for w, _ in words], EXTRA_WORDS)
        frequent = [w for w, _ in sorted(words, key=lambda wf: (-wf[1], wf[0]))][:EXTRA_WORDS]
        lists = {
            "+10k random jieba": _write(folder / "random.txt", chosen),
            "+10k frequent jieba": _write(folder / "frequent.txt", frequent),
        }
        wordlist, kept, dropped = _clean_dict(args.extra, folder)
        if args.only != "guard":
            lines = [x for x in args.corpus.read_text("utf-8").split("\n") if x]
            if args.limit:
                lines = lines[: args.limit]
            mb = sum(len(x.encode()) for x in lines) / 1e6
            print(f"{len(lines):,} lines, {mb:.2f} MB; {clock} clock, medians of {args.repeat}")
            print(
                f"{'WX1 + extra words':24}{'terms':>8}{'raw msg/s':>12}{'check':>12}{'ratio':>7}"
                f"{'many':>12}{'ratio':>7}{'hit':>8}"
            )
            for label, path in lists.items():
                _lines_row(label, path, lines, args.repeat)
        if args.only != "lines":
            print(
                f"\nGuard() + {args.extra.name}: {kept:,} terms ({dropped:,} lines left out); "
                f"medians of {args.repeat} fresh processes"
            )
            print(
                f"{'cache':8}{'import CPU':>11}{'build s':>10}{'build CPU s':>13}{'peak RSS MB':>13}"
            )
            cache = folder / "cache"
            cache.mkdir(exist_ok=True)
            for warm in (False, True):
                runs = [_construction(wordlist, cache, warm) for _ in range(args.repeat)]
                mid = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                print(
                    f"{'warm' if warm else 'empty':8}{mid['import']:11.3f}{mid['build_wall']:10.3f}"
                    f"{mid['build_cpu']:13.3f}{mid['rss_mb']:13.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
