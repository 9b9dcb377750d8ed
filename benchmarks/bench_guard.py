"""The whole default Guard next to a raw pyahocorasick scan, per family, memory and start-up.

    python benchmarks/bench_guard.py PATH/TO/corpus_zh.txt [--repeat 5]

One run prints, side by side:

- throughput line by line (messages/s, µs/message) of (a) pyahocorasick over the raw lines
  with the bundled WX1 terms as written (no normalisation: the floor every filter starts
  from) and (b) ``Guard()`` with every family, plus ``Guard()`` on the corpus as one text
  (MB/s, 10^6 UTF-8 bytes a second);
- what each family adds per message: ``Guard(select=[family])`` minus ``Guard(select=[])``
  (the engine's own cost: message, views, report);
- peak RSS and ``Guard()`` construction time with the default lists and with 50,000 extra
  terms (drawn, seeded, from jieba's bundled dictionary into a temporary word list), each in
  a fresh process, with an empty and with a warm on-disk cache;
- wall time of a cold ``wxguard check`` (new process) of a small clean file and of a file
  whose finding needs jieba word segmentation, with an empty and with a warm cache, and the
  child's CPU time (user + sys): on a shared machine wall time measures the neighbours, and
  the start-up targets (issues 13 and 15) are read in CPU seconds.

Throughputs are medians of ``--repeat`` runs; process timings are min / median (wall) and
median (CPU); ``Guard()`` construction is given in both.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import ahocorasick
from jieba_words import jieba_words
from timing import median_time

from wxguard import Guard, catalog
from wxguard.families.content.model import lexicon_for

# Every family that judges messages (WX0 judges files), from the catalog: a new family is timed too.
FAMILIES = tuple(prefix for prefix in catalog().families if prefix != "WX0")
EXTRA_TERMS = 50_000
CLEAN_FILE = "各位家长好，明天上午九点在学校礼堂召开家长会，请准时参加。\n"
# 出售 and 冰毒 sit inside CJK text on both sides, so the finding is judged with jieba.
SEGMENTED_FILE = "听说他在小区里出售冰毒给别人\n"

# Peak RSS from VmHWM: getrusage's ru_maxrss survives execve on Linux, so a child started
# by this (large) process would report the parent's peak.
_CHILD = """
import json, sys, time
def peak_rss_mb():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) / 1024
t0, c0 = time.perf_counter(), time.process_time()
import wxguard
t1, c1 = time.perf_counter(), time.process_time()
wxguard.Guard(wordlists=sys.argv[1:])
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"import": t1 - t0, "build": t2 - t1, "build_cpu": c2 - c1,
                  "rss_mb": peak_rss_mb()}))
"""


def _env(cache: Path) -> dict[str, str]:
    """The cache folder, and bytecode caching on as in a user's install (a shell with
    PYTHONDONTWRITEBYTECODE would recompile every module of an editable install each run)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "WXGUARD_CACHE_DIR": str(cache)}


def _extra_wordlist(folder: Path) -> Path:
    """50,000 distinct multi-character words from jieba's dictionary, seeded."""
    chosen = random.Random(20240507).sample(list(jieba_words()), EXTRA_TERMS)
    path = folder / "extra.txt"
    path.write_text("# category: custom\n" + "\n".join(chosen) + "\n", encoding="utf-8")
    return path


def _construction(wordlists: Sequence[Path], cache: Path, warm: bool) -> dict[str, float]:
    """Import and build times and peak RSS of a fresh process; ``warm=False`` empties the cache."""
    if not warm:
        for entry in cache.glob("*"):
            entry.unlink()
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *map(str, wordlists)],
        capture_output=True,
        text=True,
        check=True,
        env=_env(cache),
    )
    return {k: float(v) for k, v in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("wxguard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "wxguard"]


def _cold_check(path: Path, cache: Path, warm: bool, repeat: int) -> tuple[float, float, float]:
    """(min, median) wall seconds and the median CPU seconds (user + sys) of ``wxguard check
    PATH`` in a new process."""
    times, cpu = [], []
    for _ in range(repeat):
        if not warm:
            for entry in cache.glob("*"):
                entry.unlink()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(
            [*_cli(), "check", str(path)], capture_output=True, env=_env(cache), cwd=path.parent
        )
        times.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times), statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    repeat = args.repeat

    text = args.corpus.read_text("utf-8")
    lines = [line for line in text.split("\n") if line]
    mb = len(text.encode("utf-8")) / 1e6
    n = len(lines)

    terms = sorted({p.term.text for p in lexicon_for(Guard(select=["WX1"]).config).patterns})
    raw = ahocorasick.Automaton()
    for term in terms:
        raw.add_word(term, term)
    raw.make_automaton()
    guard = Guard()
    for line in lines[:2000]:
        guard.check(line)  # load jieba and fill lazy tables before timing

    raw_lines = median_time(lambda: [list(raw.iter(line)) for line in lines], repeat)
    g_lines = median_time(lambda: [guard.check(line) for line in lines], repeat)
    g_text = median_time(lambda: guard.check(text), max(1, repeat // 2))

    print(f"corpus: {mb:.2f} MB, {n:,} lines; WX1 terms: {len(terms):,}")
    print(f"{'line by line':38}{'messages/s':>12}{'µs/message':>12}")
    print(
        f"{'(a) raw pyahocorasick, WX1 terms':38}{n / raw_lines:12,.0f}{raw_lines / n * 1e6:12.1f}"
    )
    print(f"{'(b) Guard(), every family':38}{n / g_lines:12,.0f}{g_lines / n * 1e6:12.1f}")
    print(f"{'ratio (b)/(a) time, target <= 1.0':38}{g_lines / raw_lines:12.2f}")
    print(f"{'Guard() on the corpus as one text':38}{mb / g_text:9.2f} MB/s")

    base_guard = Guard(select=[])
    base = median_time(lambda: [base_guard.check(line) for line in lines], repeat)
    print(f"\nper family, µs/message (select=[family] minus select=[] = {base / n * 1e6:.1f} µs)")
    for family in FAMILIES:
        g = Guard(select=[family])
        t = median_time(lambda g=g: [g.check(line) for line in lines], repeat)
        print(f"  {family}{(t - base) / n * 1e6:10.1f}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache = folder / "cache"
        cache.mkdir()
        extra = _extra_wordlist(folder)
        print(
            f"\nfresh process{'':23}{'import s':>10}{'Guard() s':>11}{'CPU s':>8}"
            f"{'peak RSS MB':>13}"
        )
        for label, lists in (("default lists", ()), (f"+ {EXTRA_TERMS:,} terms", (extra,))):
            for warm in (False, True):
                r = _construction(lists, cache, warm)
                name = f"{label}, {'warm' if warm else 'empty'} cache"
                print(
                    f"  {name:34}{r['import']:10.3f}{r['build']:11.3f}{r['build_cpu']:8.3f}"
                    f"{r['rss_mb']:13.1f}"
                )

        clean, segmented = folder / "clean.txt", folder / "segmented.txt"
        clean.write_text(CLEAN_FILE, encoding="utf-8")
        segmented.write_text(SEGMENTED_FILE, encoding="utf-8")
        print(f"\ncold `wxguard check`{'':17}{'wall min':>10}{'median':>10}{'CPU s':>8}")
        for label, path in (("small clean file", clean), ("finding needing jieba", segmented)):
            for warm in (False, True):
                if warm:
                    _cold_check(path, cache, True, 1)
                lo, mid, cpu = _cold_check(path, cache, warm, repeat)
                name = f"{label}, {'warm' if warm else 'empty'} cache"
                print(f"  {name:34}{lo:10.3f}{mid:10.3f}{cpu:8.3f}")


if __name__ == "__main__":
    main()
