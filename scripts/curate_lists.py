"""The evidence behind every word-list curation decision, regenerated on demand, and a check
that the decisions and the shipped lists agree. See "Curation decisions" in docs/wordlists.md.

    # no data needed: decisions.tsv is well formed and matches wordlists/ and the candidates
    python scripts/curate_lists.py --lint

    # measure every candidate (scripts/curation/candidates/<category>.txt) and every list line
    # a decision asks for, on clean text and on the labelled rows of its category; write
    # scripts/curation/evidence/<category>.tsv and compare the counts recorded in
    # decisions.tsv (exit 1 when they differ; --update rewrites them)
    python scripts/curate_lists.py --corpus corpus_zh.txt --spam spam_sms_dev.jsonl \\
        --fbs fbs_sms_dev.jsonl --cold cold_dev.jsonl [--lexicon DIR_OR_FILE ...] [--update] [-w 2]

Clean text is the corpus, the normal rows of the spam set, the safe rows of COLD and the
legitimate (``Other``) rows of the fake-base-station set. Positive rows are the labelled rows a
category is meant to catch (``POSITIVES``).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import curate_terms

ROOT = Path(__file__).resolve().parents[1]
CURATION = ROOT / "scripts" / "curation"
WORDLISTS = ROOT / "wordlists"

COLUMNS = (
    "term",
    "category",
    "tier",
    "companions",
    "pattern",
    "clean_hits",
    "positive_hits",
    "source",
    "reason",
)
# block: unambiguous, listed at error level. companion: listed at error level, but reported
# only next to one of its companion words. review: listed under [review] (a warning), with
# companion words when the column names them. drop: measured and rejected. ``pattern`` is
# the list's spelling when it is not the candidate's (代开{*}发票, 存{*}送).
TIERS = ("block", "companion", "review", "drop")
# category -> (labelled data set, labels of the rows it should catch); a category without an
# entry is measured on clean text only.
POSITIVES: dict[str, tuple[str, tuple[str, ...]]] = {
    "gambling": ("fbs", ("IL:Gambling",)),
    "fraud": ("fbs", ("IL:Fake_ID_and_invoice",)),
    "porn": ("fbs", ("IL:Escort_service",)),
    "politics": ("fbs", ("IL:Political_propaganda",)),
    "abuse": ("cold", ("1",)),
}
CLEAN_LABELS = {"spam": ("0",), "cold": ("0",), "fbs": ("Other",)}

Entry = tuple[str, tuple[str, ...], str]  # (text, companion words, tier), case-folded


class LintError(Exception):
    """A decisions file that cannot be read (file:line)."""


@dataclass
class Decision:
    line: int
    term: str
    category: str
    tier: str
    companions: str
    pattern: str
    clean_hits: str
    positive_hits: str
    source: str
    reason: str

    def row(self) -> list[str]:
        return [
            self.term,
            self.category,
            self.tier,
            self.companions,
            self.pattern,
            self.clean_hits,
            self.positive_hits,
            self.source,
            self.reason,
        ]

    @property
    def companion_words(self) -> tuple[str, ...]:
        return tuple(c for c in self.companions.split("|") if c)

    @property
    def line_text(self) -> str:
        """The list line the decision asks for: its term or pattern, then `` + `` companions."""
        text = self.pattern or self.term
        return f"{text} + {'|'.join(self.companion_words)}" if self.companion_words else text

    @property
    def entry(self) -> Entry | None:
        """What the list must hold; None for a dropped term."""
        if self.tier == "drop":
            return None
        tier = "review" if self.tier == "review" else "block"
        return (
            (self.pattern or self.term).casefold(),
            tuple(sorted(c.casefold() for c in self.companion_words)),
            tier,
        )

    @property
    def measured_as(self) -> str:
        """The candidate line whose counts the row records: the list line, or the bare term."""
        return self.term if self.tier == "drop" else self.line_text


def read_decisions(path: Path) -> list[Decision]:
    reader = csv.reader(io.StringIO(path.read_text("utf-8")), delimiter="\t")
    rows = list(reader)
    if not rows or tuple(rows[0]) != COLUMNS:
        raise LintError(f"{path}:1: expected the header {' | '.join(COLUMNS)}")
    out: list[Decision] = []
    for number, fields in enumerate(rows[1:], start=2):
        if not fields:
            continue
        if len(fields) != len(COLUMNS):
            raise LintError(
                f"{path}:{number}: expected {len(COLUMNS)} tab-separated fields, found {len(fields)}"
            )
        out.append(Decision(number, *fields))
    return out


def write_decisions(path: Path, decisions: Sequence[Decision]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for d in decisions:
            writer.writerow(d.row())


def list_entries(path: Path) -> set[Entry]:
    """Every line of a shipped list as the loader reads it, case-folded (the matcher folds
    case, so AG真人 in a list is the decision's ag真人)."""
    from wxguard.families.content.wordlists import read_wordlist

    return {
        (t.text.casefold(), tuple(sorted(c.casefold() for c in t.companions)), t.tier)
        for t in read_wordlist(path)[1]
    }


def _check_row(d: Decision, where: str) -> list[str]:
    """What is wrong with one row on its own."""
    problems: list[str] = []
    if d.tier == "companion" and not d.companion_words:
        problems.append(f"{where}: {d.term!r} is a companion term but names no companion words")
    if d.tier in ("block", "drop") and d.companion_words:
        problems.append(
            f"{where}: {d.term!r} is {d.tier} tier but names companion words (a companion or review term?)"
        )
    if not d.reason:
        problems.append(f"{where}: {d.term!r} has no reason")
    for column in ("clean_hits", "positive_hits"):
        value = getattr(d, column)
        if value and not value.isdigit():
            problems.append(f"{where}: {column} must be a count, not {value!r}")
    return problems


def _shadowed(decisions: Sequence[Decision], path: Path) -> list[str]:
    """Review terms that contain a companion term of their category: the longest term wins,
    so the review line's warning would hide the pair's error (送彩金 over 彩金 + 注册)."""
    pairs = [d for d in decisions if d.tier == "companion" and not d.pattern]
    return [
        f"{path}:{r.line}: review term {r.term!r} contains the companion term {c.term!r} "
        f"(line {c.line}) and would hide its error"
        for r in decisions
        if r.tier == "review" and not r.pattern
        for c in pairs
        if c.category == r.category and c.term != r.term and c.term.casefold() in r.term.casefold()
    ]


def lint(curation: Path, wordlists: Path) -> list[str]:
    """Every disagreement, as ``file:line: problem``; empty when all is well."""
    from wxguard.families.content.wordlists import builtin_categories

    path = curation / "decisions.tsv"
    categories = set(builtin_categories())
    candidates = {
        c: curate_terms.read_candidates([curation / "candidates" / f"{c}.txt"])
        for c in categories
        if (curation / "candidates" / f"{c}.txt").exists()
    }
    listed: dict[str, set[Entry]] = {}

    def entries(category: str) -> set[Entry]:
        if category not in listed:
            file = wordlists / f"{category}.txt"
            listed[category] = list_entries(file) if file.exists() else set()
        return listed[category]

    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    decisions = read_decisions(path)
    for d in decisions:
        where = f"{path}:{d.line}"
        if d.category not in categories:
            problems.append(
                f"{where}: unknown category {d.category!r} (one of {', '.join(sorted(categories))})"
            )
            continue
        if d.tier not in TIERS:
            problems.append(f"{where}: unknown tier {d.tier!r} (one of {', '.join(TIERS)})")
            continue
        if (d.term, d.category) in seen:
            problems.append(
                f"{where}: {d.term!r} already decided on line {seen[d.term, d.category]}"
            )
        seen[d.term, d.category] = d.line
        problems += _check_row(d, where)
        if d.term not in candidates.get(d.category, {}):
            problems.append(f"{where}: {d.term!r} is not in candidates/{d.category}.txt")
        entry = d.entry
        if entry is not None and entry not in entries(d.category):
            section = "[review]" if entry[2] == "review" else "[block]"
            problems.append(
                f"{where}: {d.term!r} is {d.tier} tier: wordlists/{d.category}.txt "
                f"needs the line {d.line_text!r} under {section}"
            )
        elif entry is None and any(text == d.term.casefold() for text, _, _ in entries(d.category)):
            problems.append(
                f"{where}: {d.term!r} is dropped but wordlists/{d.category}.txt lists it"
            )
    problems += _shadowed(decisions, path)
    for category, terms in candidates.items():
        for term, cand in terms.items():
            if (term, category) not in seen:
                problems.append(
                    f"{curation / 'candidates' / f'{category}.txt'}:"
                    f"{cand.sources[0].rsplit(':', 1)[1]}: {term!r} has no decision in decisions.tsv"
                )
    return problems


def read_lexicons(paths: Sequence[Path]) -> dict[str, list[str]]:
    """term -> names of the source lexicons (plain term lists) that carry it as a whole line."""
    found: dict[str, list[str]] = {}
    files = [f for p in paths for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]
    for f in files:
        name = f"{f.parent.name}/{f.name}"
        for line in f.read_text("utf-8", errors="replace").splitlines():
            term = line.strip()
            if term and name not in found.setdefault(term, []):
                found[term].append(name)
    return found


@dataclass
class Data:
    clean: list[str]
    labelled: dict[str, Path]


def load_data(corpus: Sequence[Path], labelled: dict[str, Path | None]) -> Data:
    clean = [line for p in corpus for line in curate_terms.read_lines(p)]
    present = {name: path for name, path in labelled.items() if path is not None}
    for name, path in present.items():
        clean += curate_terms.read_jsonl(path, set(CLEAN_LABELS[name]))
    return Data(clean, present)


def measure(
    curation: Path,
    decisions: Sequence[Decision],
    data: Data,
    lexicons: dict[str, list[str]],
    workers: int,
) -> dict[str, dict[str, curate_terms.Candidate]]:
    """Curate every candidate file together with the list lines its decisions ask for
    (代开{*}发票 + 联系|电话 is measured as listed, companions and all); write
    evidence/<category>.tsv with a ``lexicons`` column."""
    evidence = curation / "evidence"
    evidence.mkdir(exist_ok=True)
    out: dict[str, dict[str, curate_terms.Candidate]] = {}
    for path in sorted((curation / "candidates").glob("*.txt")):
        category = path.stem
        candidates = curate_terms.read_candidates([path])
        for d in decisions:
            if d.category == category and d.measured_as != d.term:
                candidates.setdefault(
                    d.measured_as, curate_terms.Candidate(d.measured_as)
                ).sources.append(f"decisions.tsv:{d.line}")
        positive: list[str] = []
        if category in POSITIVES and POSITIVES[category][0] in data.labelled:
            name, labels = POSITIVES[category]
            positive = curate_terms.read_jsonl(data.labelled[name], set(labels))
        rows = curate_terms.curate(candidates, data.clean, positive, workers=workers)
        with (evidence / f"{category}.tsv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow((*curate_terms.COLUMNS, "lexicons"))
            for c in rows:
                writer.writerow((*c.row(), ",".join(lexicons.get(c.term, []))))
        out[category] = {c.term: c for c in rows}
        print(
            f"{category}: {len(rows)} candidates, {len(data.clean):,} clean lines, {len(positive):,} positive rows",
            file=sys.stderr,
        )
    return out


def reconcile(
    decisions: Sequence[Decision],
    measured: dict[str, dict[str, curate_terms.Candidate]],
    update: bool,
) -> list[str]:
    """Counts in decisions.tsv that differ from the fresh measurement (set them when ``update``)."""
    changed: list[str] = []
    for d in decisions:
        cand = measured.get(d.category, {}).get(d.measured_as)
        if cand is None:
            continue
        fresh = (str(cand.clean_wxguard), str(cand.positive))
        if (d.clean_hits, d.positive_hits) != fresh:
            changed.append(
                f"decisions.tsv:{d.line}: {d.measured_as} ({d.category}) "
                f"clean {d.clean_hits or '-'} -> {fresh[0]}, "
                f"positive {d.positive_hits or '-'} -> {fresh[1]}"
            )
            if update:
                d.clean_hits, d.positive_hits = fresh
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--lint",
        action="store_true",
        help="only check decisions.tsv against the candidates and wordlists/ (no data)",
    )
    parser.add_argument(
        "--corpus",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="clean text, one message a line",
    )
    parser.add_argument("--spam", type=Path, help="spam SMS JSONL (its label-0 rows are clean)")
    parser.add_argument(
        "--fbs", type=Path, help="fake-base-station SMS JSONL (Other is clean; IL:* are positives)"
    )
    parser.add_argument(
        "--cold", type=Path, help="COLD JSONL (label 0 is clean, label 1 the abuse positives)"
    )
    parser.add_argument(
        "--lexicon",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="source lexicon file or folder of .txt files, to name where a candidate is listed",
    )
    parser.add_argument(
        "--update", action="store_true", help="write the fresh counts into decisions.tsv"
    )
    parser.add_argument(
        "-w", "--workers", type=int, default=0, help="worker processes for the wxguard count"
    )
    parser.add_argument("--curation", type=Path, default=CURATION, help=argparse.SUPPRESS)
    parser.add_argument("--wordlists", type=Path, default=WORDLISTS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        problems = lint(args.curation, args.wordlists)
        decisions = read_decisions(args.curation / "decisions.tsv")
        if args.lint:
            for p in problems:
                print(p, file=sys.stderr)
            print(f"{len(decisions)} decisions, {len(problems)} problems", file=sys.stderr)
            return 1 if problems else 0
        if not args.corpus and not (args.spam or args.fbs or args.cold):
            parser.error("give clean text (--corpus, --spam, --fbs, --cold) or --lint")
        data = load_data(args.corpus, {"spam": args.spam, "fbs": args.fbs, "cold": args.cold})
    except (LintError, curate_terms.CurateError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    measured = measure(args.curation, decisions, data, read_lexicons(args.lexicon), args.workers)
    changed = reconcile(decisions, measured, args.update)
    for line in changed + problems:
        print(line, file=sys.stderr)
    if args.update and changed:
        write_decisions(args.curation / "decisions.tsv", decisions)
        print(f"decisions.tsv: {len(changed)} rows updated", file=sys.stderr)
        return 1 if problems else 0
    return 1 if changed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
