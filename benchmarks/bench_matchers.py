"""wxguard's WX1 layer next to three plain matchers on the same term list, in one run.

    python benchmarks/bench_matchers.py PATH/TO/corpus_zh.txt [--repeat 5]

Two term lists: the bundled WX1 terms as written, and those plus 10,000 extra words drawn,
seeded, from jieba's bundled dictionary (distinct words of two or more CJK characters not
already in the list), to see how each matcher scales with the lexicon. For each list:

(a) pyahocorasick: ``Automaton`` over the terms, ``list(A.iter(text))``. Every occurrence,
    overlapping ones included, case-sensitive, no normalisation.
(b) flashtext ``KeywordProcessor()`` with its defaults, ``extract_keywords(text, span_info=True)``.
    Its figures are as-is and it finds less. CJK characters are not in its
    ``non_word_boundaries`` (ASCII letters, digits, ``_``), so each counts as a word of its own
    and terms are found inside Chinese runs; but (1) it reports leftmost-longest matches only,
    never overlapping or nested ones (冰毒品 hides 冰毒); (2) after a match it never tries
    the next character as a start, so a term that starts right after another one is lost
    (出售冰毒 gives 出售 only; 出售毒品 gives 出售 only); (3) a term with an ASCII letter or
    digit at an edge needs a word boundary there (QQ is missed in 加QQ123), and a term is missed
    when an ASCII letter or digit follows it (冰毒a); (4) it lowercases the input and the terms,
    so QQ also matches qq.
(c) a naive pure-Python trie (dict of dicts) walked from every start position, reporting ALL
    matches like (a); the output says whether the two find exactly the same spans. If one pass over
    the corpus takes more than 60 s it is timed with one repeat, and the output says so.
(d) ``Guard(select=["WX1"])`` with every disguise on (folding, skeleton, pinyin, split
    characters, jieba judgement of terms inside Chinese words), the extra words loaded as a
    ``# category: custom`` word list. It reports WX1 violations, not raw occurrences: overlaps
    merged, terms judged part of a longer word dropped, disguised spellings added.

Each as MB/s on the corpus as one text (10^6 UTF-8 bytes a second) and messages/s line by
line; medians of ``--repeat`` runs after one untimed call (``timing.median_time``). The
counts beside them (matches in the one text, lines with at least one match) show that the
four do different amounts of work.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable, Sized
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import ahocorasick
from flashtext import KeywordProcessor
from jieba_words import jieba_words
from timing import median_time

from wxguard import Guard
from wxguard.families.content.model import lexicon_for

EXTRA_WORDS = 10_000
SEED = 20240507
SLOW_PASS_S = 60.0
END = ""  # the trie's end-of-term key: no character of a text is the empty string

Trie = dict[str, "Trie"]
T = TypeVar("T")


@dataclass(frozen=True)
class Matcher:
    """A name and a function from one text to its matches (anything with a length)."""

    name: str
    find: Callable[[str], Sized]


def _extra_words(exclude: set[str]) -> list[str]:
    """``EXTRA_WORDS`` distinct words of two or more CJK characters from jieba's dict.txt."""
    return random.Random(SEED).sample(list(jieba_words(exclude)), EXTRA_WORDS)


def _automaton(terms: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for term in terms:
        automaton.add_word(term, term)
    automaton.make_automaton()
    return automaton


def _automaton_find(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, str]]:
    return list(automaton.iter(text))


def _flashtext(terms: list[str]) -> Matcher:
    processor = KeywordProcessor()
    for term in terms:
        processor.add_keyword(term)
    return Matcher("(b) flashtext", lambda text: processor.extract_keywords(text, span_info=True))


def _trie(terms: list[str]) -> Trie:
    root: Trie = {}
    for term in terms:
        node = root
        for char in term:
            node = node.setdefault(char, {})
        node[END] = {}
    return root


def _naive_find(root: Trie, text: str) -> list[tuple[int, int]]:
    """Every (start, end) of a term in ``text``: a trie walk from each start position."""
    found = []
    n = len(text)
    for start in range(n):
        node = root
        i = start
        while i < n:
            child = node.get(text[i])
            if child is None:
                break
            node = child
            i += 1
            if END in node:
                found.append((start, i))
    return found


def _same_spans(automaton: ahocorasick.Automaton, root: Trie, text: str) -> bool:
    """Whether (a) and (c) find exactly the same occurrences in ``text``."""
    spans = sorted((end + 1 - len(term), end + 1) for end, term in automaton.iter(text))
    return spans == sorted(_naive_find(root, text))


def _guard(wordlists: list[Path]) -> tuple[Guard, Matcher]:
    guard = Guard(select=["WX1"], wordlists=wordlists)
    return guard, Matcher("(d) Guard(select=[WX1])", lambda text: guard.check(text).violations)


def _timed(fn: Callable[[], T], repeat: int, what: str, notes: list[str]) -> tuple[T, float]:
    """``fn``'s result and median time; one repeat, noted, if a single call takes too long."""
    t0 = time.perf_counter()
    result = fn()
    once = time.perf_counter() - t0
    if once > SLOW_PASS_S:
        repeat = 1
        notes.append(f"{what}: one pass took {once:.0f} s, timed with 1 repeat")
    return result, median_time(fn, repeat)


def _measure(matcher: Matcher, text: str, lines: list[str], repeat: int, notes: list[str]) -> str:
    """One row: MB/s and matches on the text, messages/s and lines with a match."""
    found, t_text = _timed(lambda: matcher.find(text), repeat, f"{matcher.name}, one text", notes)
    per_line, t_lines = _timed(
        lambda: [matcher.find(line) for line in lines],
        repeat,
        f"{matcher.name}, line by line",
        notes,
    )
    mb = len(text.encode("utf-8")) / 1e6
    hit = sum(1 for matches in per_line if len(matches))
    return f"  {matcher.name:30}{mb / t_text:9.2f}{len(found):11,}{len(lines) / t_lines:13,.0f}{hit:10,}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    text = args.corpus.read_text("utf-8")
    lines = [line for line in text.split("\n") if line]
    print(
        f"corpus: {len(text.encode('utf-8')) / 1e6:.2f} MB, {len(text):,} characters, {len(lines):,} lines; "
        f"medians of {args.repeat}"
    )
    print(f"  {'':30}{'MB/s':>9}{'matches':>11}{'messages/s':>13}{'lines hit':>10}")
    print(f"  {'':30}{'(one text)':>20}{'(line by line)':>23}")

    guard, guard_matcher = _guard([])
    wx1 = sorted({p.term.text for p in lexicon_for(guard.config).patterns})
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "extra.txt"
        extra.write_text(
            "# category: custom\n" + "\n".join(_extra_words(set(wx1))) + "\n", encoding="utf-8"
        )
        guard_extra, guard_extra_matcher = _guard([extra])
        with_extra = sorted({p.term.text for p in lexicon_for(guard_extra.config).patterns})

    notes: list[str] = []
    for label, terms, guard_row in (
        ("WX1 terms", wx1, guard_matcher),
        (f"WX1 terms + {EXTRA_WORDS:,} jieba words", with_extra, guard_extra_matcher),
    ):
        print(f"{label} ({len(terms):,} terms)")
        automaton, root = _automaton(terms), _trie(terms)
        for matcher in (
            Matcher("(a) pyahocorasick", partial(_automaton_find, automaton)),
            _flashtext(terms),
            Matcher("(c) naive trie, all matches", partial(_naive_find, root)),
            guard_row,
        ):
            print(_measure(matcher, text, lines, args.repeat, notes), flush=True)
        same = _same_spans(automaton, root, text)
        notes.append(f"{label}: (a) and (c) find the same occurrences: {'yes' if same else 'NO'}")
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
