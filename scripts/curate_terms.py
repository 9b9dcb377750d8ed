"""How often each candidate term fires on clean text (and on labelled positive rows), to curate
word lists from public lexicons reproducibly. See "Curating terms" in docs/wordlists.md.

    python scripts/curate_terms.py CANDIDATES.txt... --clean corpus_zh.txt \\
        --clean-jsonl cold_dev.jsonl [--positive-jsonl fbs_sms_dev.jsonl --label IL:Gambling] \\
        [-o terms.tsv] [-w 2]

Candidates: plain text, one term a line, ``#`` comments (as in word lists). Clean text: plain
files (one message a line) and the rows of JSONL files whose label is ``--clean-label``
(default 0). Counts are lines: a term that occurs twice on one line counts once.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wxguard.families.content.lexicon import Lexicon

COLUMNS = (
    "term",
    "sources",
    "clean_raw",
    "clean_wxguard",
    "clean_sound_only",
    "positive",
    "jieba_word",
    "group",
    "note",
)
# Read top to bottom: terms that catch positives and never fire on clean text, then those that
# do both (best ratio first), then those that fire only on clean text (most first), then
# terms that fired nowhere, then terms wxguard cannot load.
GROUPS = ("useful", "mixed", "dangerous", "silent", "rejected")
_INLINE_COMMENT = re.compile(r"\s+#.*$")


class CurateError(Exception):
    """Bad input (file and line, and what is wrong)."""


@dataclass
class Candidate:
    term: str
    sources: list[str] = field(default_factory=list)
    clean_raw: int = 0
    clean_wxguard: int = 0
    clean_sound_only: int = 0
    positive: int = 0
    jieba_word: bool = False
    note: str = ""

    @property
    def group(self) -> str:
        if self.note:
            return "rejected"
        if self.positive and not self.clean_wxguard:
            return "useful"
        if self.positive:
            return "mixed"
        return "dangerous" if self.clean_wxguard else "silent"

    def row(self) -> list[str]:
        return [
            self.term,
            ",".join(self.sources),
            str(self.clean_raw),
            str(self.clean_wxguard),
            str(self.clean_sound_only),
            str(self.positive),
            "yes" if self.jieba_word else "no",
            self.group,
            self.note,
        ]


def _read(path: Path, what: str) -> str:
    from wxguard import WordListError
    from wxguard.resources import read_text

    try:
        return read_text(path, str(path), what)
    except WordListError as exc:
        raise CurateError(str(exc)) from None


def read_candidates(paths: Sequence[Path]) -> dict[str, Candidate]:
    """Every distinct term, with the file:line of its first line in each file that lists it."""
    found: dict[str, Candidate] = {}
    for path in paths:
        seen_here: set[str] = set()
        for number, line in enumerate(_read(path, "candidate list").splitlines(), start=1):
            term = _INLINE_COMMENT.sub("", line.strip())
            if not term or term.startswith("#") or term in seen_here:
                continue
            seen_here.add(term)
            found.setdefault(term, Candidate(term)).sources.append(f"{path.name}:{number}")
    return found


def read_lines(path: Path) -> list[str]:
    return [line for line in _read(path, "clean text").splitlines() if line.strip()]


def read_jsonl(path: Path, labels: set[str]) -> list[str]:
    """Texts of the rows whose label (as text) is one of ``labels``."""
    out: list[str] = []
    for number, line in enumerate(_read(path, "JSONL file").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CurateError(f"{path}:{number}: not a JSON line ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or "label" not in obj:
            raise CurateError(f"{path}:{number}: expected an object with 'text' and 'label'")
        if str(obj["label"]) in labels:
            out.append(obj["text"])
    return out


def raw_counts(terms: Sequence[str], lines: Iterable[str]) -> list[int]:
    """Lines containing each term as written (one Aho-Corasick automaton for all terms)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for i, term in enumerate(terms):
        auto.add_word(term, i)
    counts = [0] * len(terms)
    if not terms:
        return counts
    auto.make_automaton()
    for line in lines:
        for i in {i for _, i in auto.iter(line)}:
            counts[i] += 1
    return counts


def rejection(term: str) -> str:
    """Why wxguard will not load ``term`` (the word-list check's own words), or ''."""
    from wxguard import WordListError
    from wxguard.families.content.terms import parse_term

    try:
        parse_term(term, "candidate", "candidate", None)
    except WordListError as exc:
        return exc.problem
    return ""


def candidate_lexicon(terms: Sequence[str], allow: bool) -> Lexicon:
    """The lexicon a Guard compiles for these terms alone (default matching settings), with
    the bundled allow list unless ``allow`` is false: the matching a shipped term would get.
    Compiled here rather than through ``Guard(words=...)``, which would store a lexicon of
    every candidate (hundreds of MB for 100k terms) in the user's disk cache. A candidate
    line may use the word-list syntax (代开{*}发票 + 联系|电话); its term's ``source`` is the
    line as written, which ``reported_terms`` reports it by."""
    from wxguard import GuardConfig
    from wxguard.families.content.lexicon import compile_lexicon
    from wxguard.families.content.terms import Term, parse_term
    from wxguard.families.content.wordlists import read_wordlist
    from wxguard.resources import wordlist_files

    allowed: list[Term] = []
    if allow:
        for path in wordlist_files():
            category, listed = read_wordlist(path)
            if category == "allow":
                allowed += listed
    defaults = GuardConfig()
    deny = [parse_term(t, "candidate", t, None) for t in terms]
    return compile_lexicon(
        deny, allowed, split_characters=defaults.split_characters, sound=defaults.sound
    )


def reported_terms(lexicon: Lexicon, text: str) -> dict[str, bool]:
    """Every term wxguard would report on ``text`` if that term were alone in its list →
    whether one of its matches is exact (False: only sound-alikes, WX109).

    A Guard reports one finding per stretch of text (the longest term wins), which would
    hide 赌博 inside 网络赌博 and undercount the very terms a curator must see. So this runs
    the content checker's judge (edges, gaps, allow list, jieba word boundaries,
    homophones) on every candidate and leaves out only that final choice between
    overlapping terms; tests/test_eval_tools.py checks it against one Guard per term."""
    from wxguard.families.content.judge import Judge
    from wxguard.text.views import TextView

    view = TextView(text)
    candidates = lexicon.candidates(view)
    found: dict[str, bool] = {}
    for hit in Judge(lexicon, view).hits(candidates):
        found[hit.term.source] = found.get(hit.term.source, False) or not hit.sound
    return found


_worker_lexicon: Lexicon | None = None


def _init_worker(lexicon: Lexicon) -> None:
    global _worker_lexicon
    _worker_lexicon = lexicon


def _judge_chunk(lines: list[str]) -> list[dict[str, bool]]:
    assert _worker_lexicon is not None
    return [reported_terms(_worker_lexicon, line) for line in lines]


def wxguard_counts(
    lexicon: Lexicon, lines: Sequence[str], workers: int
) -> tuple[dict[str, int], dict[str, int]]:
    """(lines where each term is reported, lines where it is reported only as a sound-alike)."""
    hits: dict[str, int] = {}
    sound_only: dict[str, int] = {}
    if workers > 0:
        from multiprocessing import get_context

        chunks = [list(lines[i : i + 500]) for i in range(0, len(lines), 500)]
        method = "fork" if sys.platform == "linux" else "spawn"
        with get_context(method).Pool(workers, _init_worker, (lexicon,)) as pool:
            results: Iterable[dict[str, bool]] = (
                r for chunk in pool.imap(_judge_chunk, chunks) for r in chunk
            )
            _tally(results, hits, sound_only)
    else:
        _tally((reported_terms(lexicon, line) for line in lines), hits, sound_only)
    return hits, sound_only


def _tally(
    results: Iterable[dict[str, bool]], hits: dict[str, int], sound_only: dict[str, int]
) -> None:
    for found in results:
        for term, exact in found.items():
            hits[term] = hits.get(term, 0) + 1
            if not exact:
                sound_only[term] = sound_only.get(term, 0) + 1


def jieba_words(terms: Iterable[str]) -> set[str]:
    """Terms jieba's dictionary lists as words (as written or simplified and lower-cased)."""
    import logging

    import jieba

    from wxguard.text.folding import tables

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    freq: dict[str, int] = tokenizer.FREQ
    simplified = tables().simplified
    return {t for t in terms if freq.get(t) or freq.get(t.translate(simplified))}


def sort_key(c: Candidate) -> tuple[Any, ...]:
    group = GROUPS.index(c.group)
    if c.group == "useful":
        return (group, -c.positive, c.term)
    if c.group == "mixed":
        return (group, -c.positive / (c.clean_wxguard + 1), c.term)
    return (group, -c.clean_wxguard, -c.clean_raw, c.term)


def curate(
    candidates: dict[str, Candidate],
    clean: Sequence[str],
    positive: Sequence[str],
    *,
    allow: bool = True,
    workers: int = 0,
) -> list[Candidate]:
    """Fill in every count and return the candidates in reading order."""
    terms = list(candidates)
    for term, n in zip(terms, raw_counts(terms, clean), strict=True):
        candidates[term].clean_raw = n
    for term in terms:
        candidates[term].note = rejection(term)
    loadable = [t for t in terms if not candidates[t].note]
    if loadable:
        lexicon = candidate_lexicon(loadable, allow)
        hits, sound_only = wxguard_counts(lexicon, clean, workers)
        pos_hits, _ = wxguard_counts(lexicon, positive, workers) if positive else ({}, {})
        for term in loadable:
            c = candidates[term]
            c.clean_wxguard, c.clean_sound_only, c.positive = (
                hits.get(term, 0),
                sound_only.get(term, 0),
                pos_hits.get(term, 0),
            )
    for term in jieba_words(terms):
        candidates[term].jieba_word = True
    return sorted(candidates.values(), key=sort_key)


def write_tsv(rows: Iterable[Candidate], out: Any) -> None:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in rows:
        writer.writerow(c.row())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "candidates", nargs="+", type=Path, help="candidate term lists (one term a line)"
    )
    parser.add_argument(
        "--clean",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="clean text, one message a line",
    )
    parser.add_argument(
        "--clean-jsonl",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="labelled JSONL: its --clean-label rows are clean text",
    )
    parser.add_argument(
        "--clean-label",
        action="append",
        default=[],
        metavar="X",
        help="label of clean rows (default 0; repeatable)",
    )
    parser.add_argument(
        "--positive-jsonl",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="labelled JSONL with positive rows",
    )
    parser.add_argument(
        "--label",
        action="append",
        default=[],
        metavar="X",
        help="label of positive rows (repeatable)",
    )
    parser.add_argument(
        "--no-allow", action="store_true", help="match without wxguard's bundled allow list"
    )
    parser.add_argument(
        "-w", "--workers", type=int, default=0, help="worker processes for the wxguard count"
    )
    parser.add_argument(
        "-o", "--out", type=Path, help="write the TSV here (default: standard output)"
    )
    args = parser.parse_args(argv)
    if not args.clean and not args.clean_jsonl:
        parser.error("give clean text: --clean FILE and/or --clean-jsonl PATH")
    if bool(args.positive_jsonl) != bool(args.label):
        parser.error("--positive-jsonl and --label go together")
    try:
        candidates = read_candidates(args.candidates)
        clean = [line for p in args.clean for line in read_lines(p)]
        clean += [
            t for p in args.clean_jsonl for t in read_jsonl(p, set(args.clean_label or ["0"]))
        ]
        positive = [t for p in args.positive_jsonl for t in read_jsonl(p, set(args.label))]
    except CurateError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"{len(candidates):,} candidates, {len(clean):,} clean lines, {len(positive):,} positive rows",
        file=sys.stderr,
    )
    rows = curate(candidates, clean, positive, allow=not args.no_allow, workers=args.workers)
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as out:
            write_tsv(rows, out)
    else:
        write_tsv(rows, sys.stdout)
    groups = {g: sum(1 for c in rows if c.group == g) for g in GROUPS}
    print(", ".join(f"{n:,} {g}" for g, n in groups.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
