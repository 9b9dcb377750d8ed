"""Fit the weights of the commerciality score (``wordlists/advertising-weights.toml``) on
labelled messages, and report the held-out precision/recall curve behind the threshold.

    python scripts/fit_commercial.py --spam PATH/spam_sms_dev.jsonl --fbs PATH/fbs_sms_dev.jsonl \\
        --cold PATH/cold_dev.jsonl --clean PATH/corpus_zh.txt --write

The data stays outside the repository (docs/accuracy.md names the data sets). Each message
becomes one row of 0/1 features, one per signal bank of ``wordlists/advertising.toml`` found
in it by the same scanner the library uses; a logistic regression (L2-regularised, each bank's
weight held to its declared sign) is fitted on ads (spam SMS ``1``, fake-base-station ``AD:*``)
against ordinary text (normal SMS ``0``, COLD safe ``0``, fake-base-station ``Other``, and
``--clean`` lines such as product reviews, which talk about prices without selling). Banks with
a hand-set ``weight`` enter as fixed offsets. No single kind of evidence is allowed to make a
message commercial on its own: each positive bank also gets a pseudo-row that holds it alone
and scores below the threshold (``--single-weight``), and no bank weighs more than ``--alone``
of the threshold (a bank the fit would weigh more is held there and the rest refitted).

The threshold is chosen on held-out scores (``--folds``-fold cross-validation): the lowest score
at which every clean set of messages (normal SMS, COLD safe, and the ``--clean`` lines: a review
that talks prices must not be an ad either) stays at or under ``--max-fp``
judged commercial. The weights are then scaled so that this score is the library's default
``commercial-threshold`` (4), and the curve is printed in those units as Markdown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import eval_accuracy  # the data format and the digit filling of the figures
from eval_accuracy import fill_digits

from wxguard.families.advertising.model import (
    DEFAULT_THRESHOLD,
    WEIGHTS,
    SignalScanner,
    signal_scanner,
)
from wxguard.phrases.clauses import folded
from wxguard.resources import wordlist_path

NDArray = Any  # numpy arrays (numpy's own typing is optional here)

POSITIVE = "positive"
NEGATIVE = "negative"
# The sets held to --max-fp when the threshold is chosen (issue 13's ≤ 0.5 % figures).
GUARDED = ("normal SMS", "COLD safe", "clean text")


class FitError(Exception):
    """Bad input: names the file and line."""


@dataclass
class Group:
    """Rows of one data set and class: positives (ads) or negatives (ordinary text)."""

    name: str
    side: str
    texts: list[str] = field(default_factory=list)
    weight: float = 1.0


def read_jsonl(path: Path) -> list[tuple[str, str]]:
    """(text, label) per row, read as the accuracy benchmark reads them (errors name file:line)."""
    try:
        rows, _, _ = eval_accuracy.read_jsonl(path)
    except eval_accuracy.EvalError as exc:
        raise FitError(str(exc)) from None
    return [(row.text, row.label) for row in rows]


def load_groups(args: argparse.Namespace) -> list[Group]:
    groups: dict[str, Group] = {}

    def add(name: str, side: str, text: str, weight: float = 1.0) -> None:
        groups.setdefault(name, Group(name, side, weight=weight)).texts.append(text)

    for path in args.spam:
        for text, label in read_jsonl(path):
            if label in ("0", "1"):
                add(
                    "spam SMS" if label == "1" else "normal SMS",
                    POSITIVE if label == "1" else NEGATIVE,
                    text,
                )
    for path in args.fbs:
        for text, label in read_jsonl(path):
            if label.startswith("AD:"):
                add(f"FBS {label}", POSITIVE, text)
            elif label == "Other":
                add("FBS Other", NEGATIVE, text)
    for path in args.cold:
        for text, label in read_jsonl(path):
            if label == "0":
                add("COLD safe", NEGATIVE, text)
    for path in args.clean:
        try:
            lines = path.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise FitError(f"{path}: cannot read: {exc}") from None
        for line in lines:
            if line.strip():
                add("clean text", NEGATIVE, line, args.clean_weight)
    found = list(groups.values())
    if not any(g.side == POSITIVE for g in found) or not any(g.side == NEGATIVE for g in found):
        raise FitError("need both ads (--spam label 1 or --fbs AD:*) and ordinary text to fit")
    return found


def features(scanner: SignalScanner, texts: Iterable[str]) -> NDArray:
    """One 0/1 row per text: which signal banks occur in it."""
    rows = [scanner.scan(folded(t)) for t in texts]
    out = np.zeros((len(rows), len(scanner.specs)))
    for i, found in enumerate(rows):
        out[i, list(found)] = 1.0
    return out


# -- the fit ---------------------------------------------------------------------------------
def newton(
    x: NDArray, y: NDArray, w: NDArray, offset: NDArray, ones: NDArray, prior: NDArray, l2: float
) -> tuple[NDArray, float]:
    """Weighted logistic regression by Newton's method, each coefficient pulled towards its
    prior by an L2 penalty (the intercept is free and enters the rows whose ``ones`` is 1):
    (coefficients, intercept)."""
    a = np.hstack([x, ones[:, None]])
    beta = np.append(prior, 0.0)
    centre = np.append(prior, 0.0)
    reg = np.full(a.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(100):
        p = 0.5 * (
            1.0 + np.tanh(0.5 * (a @ beta + offset))
        )  # the logistic function, without overflow
        grad = a.T @ ((p - y) * w) + reg * (beta - centre)
        hess = (a * (w * p * (1 - p))[:, None]).T @ a + np.diag(reg) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return beta[:-1], float(beta[-1])


def compress(
    x: NDArray, y: NDArray, w: NDArray, offset: NDArray, ones: NDArray
) -> tuple[NDArray, NDArray, NDArray, NDArray, NDArray]:
    """The distinct (row, label, offset, intercept) rows and the summed weight of each."""
    key = np.hstack([x, y[:, None], offset[:, None], ones[:, None]])
    distinct, inverse = np.unique(key, axis=0, return_inverse=True)
    weight = np.bincount(inverse.ravel(), weights=w)
    return distinct[:, :-3], distinct[:, -3], weight, distinct[:, -2], distinct[:, -1]


def fit_signed(
    x: NDArray,
    y: NDArray,
    w: NDArray,
    offset: NDArray,
    ones: NDArray,
    prior: NDArray,
    against: NDArray,
    l2: float,
    cap: float,
) -> tuple[NDArray, float]:
    """``newton`` with each coefficient held to its sign and under ``cap``: a bank whose
    weight comes out on the wrong side is dropped (weight 0), one that comes out above the cap
    is held at the cap, and the rest refitted. Rows are 0/1 patterns over a few dozen banks,
    so identical rows are fitted once with their weights summed."""
    x, y, w, offset, ones = compress(x, y, w, offset, ones)
    active = np.ones(x.shape[1], bool)
    held = np.zeros(x.shape[1], bool)
    while True:
        coef = np.zeros(x.shape[1])
        coef[held] = cap
        free = active & ~held
        coef[free], bias = newton(
            x[:, free], y, w, offset + x[:, held].sum(axis=1) * cap, ones, prior[free], l2
        )
        wrong = free & ((coef > 0) & against | (coef < 0) & ~against)
        over = free & (coef > cap)
        if not wrong.any() and not over.any():
            return coef, bias
        active &= ~wrong
        held |= over


@dataclass
class Fitted:
    coef: NDArray  # per fitted bank, logit units
    bias: float
    cut: float  # the chosen Σ coef·x (logit units above the intercept) = the threshold
    heldout: NDArray  # per row: Σ coef·x of the fold model that did not see it
    fold: NDArray
    fold_coefs: list[NDArray]  # the fold models, to score rows the way the held-out ones were

    def score(self, scanner: SignalScanner, x: NDArray, fold: NDArray) -> NDArray:
        """Σ weight·x (logit units above the intercept) of rows ``x``, each by its fold's model."""
        fixed = np.array([s.fixed is not None for s in scanner.specs])
        fixed_score = np.array([s.fixed or 0.0 for s in scanner.specs])
        out = x[:, fixed] @ fixed_score[fixed] * (self.cut / DEFAULT_THRESHOLD)
        for k, coef in enumerate(self.fold_coefs):
            mine = fold == k
            out[mine] += x[mine][:, ~fixed] @ coef
        return out


@dataclass
class Data:
    groups: list[Group]
    x: NDArray  # all banks
    y: NDArray
    w: NDArray
    group: NDArray  # group index per row
    filled: dict[str, NDArray]  # features of the spam set with digits filled in


def prepare(scanner: SignalScanner, groups: list[Group]) -> Data:
    blocks = [features(scanner, g.texts) for g in groups]
    x = np.vstack(blocks)
    y = np.concatenate([np.full(len(g.texts), 1.0 if g.side == POSITIVE else 0.0) for g in groups])
    w = np.concatenate([np.full(len(g.texts), g.weight) for g in groups])
    group = np.concatenate([np.full(len(g.texts), i) for i, g in enumerate(groups)])
    filled = {
        g.name: features(scanner, (fill_digits(t) for t in g.texts))
        for g in groups
        if g.name in ("spam SMS", "normal SMS")
    }
    return Data(groups, x, y, w, group, filled)


def fit(scanner: SignalScanner, data: Data, args: argparse.Namespace) -> Fitted:
    specs = scanner.specs
    fixed = np.array([s.fixed is not None for s in specs])
    fixed_score = np.array([s.fixed or 0.0 for s in specs])
    against = np.array([s.against for s in specs])[~fixed]
    prior_score = np.array([s.prior for s in specs])[~fixed]
    free = data.x[:, ~fixed]
    # Pseudo-rows: each positive bank alone scores below the threshold (no intercept, the
    # threshold as a negative offset: their logit is the bank's weight minus the threshold).
    singles = np.eye(free.shape[1])[~against]
    ones = np.concatenate([np.ones(len(data.y)), np.zeros(len(singles))])
    x = np.vstack([free, singles])
    y = np.concatenate([data.y, np.zeros(len(singles))])
    w = np.concatenate([data.w, np.full(len(singles), args.single_weight)])
    rng = np.random.default_rng(args.seed)
    fold = np.full(len(data.y), -1)
    for g in range(len(data.groups)):  # stratified: every set split evenly over the folds
        rows = np.flatnonzero(data.group == g)
        fold[rng.permutation(rows)] = np.arange(len(rows)) % args.folds
    fold = np.concatenate([fold, np.full(len(singles), -1)])
    cut = DEFAULT_THRESHOLD  # logit units per score unit start at 1 and converge in a few rounds
    for _ in range(6):
        per_logit = cut / DEFAULT_THRESHOLD
        offset = np.concatenate(
            [data.x[:, fixed] @ fixed_score[fixed] * per_logit, np.full(len(singles), -cut)]
        )
        prior = prior_score * per_logit
        cap = args.alone * cut
        heldout = np.zeros(len(data.y))
        fold_coefs = []
        for k in range(args.folds):
            train = fold != k
            coef, _ = fit_signed(
                x[train],
                y[train],
                w[train],
                offset[train],
                ones[train],
                prior,
                against,
                args.l2,
                cap,
            )
            fold_coefs.append(coef)
            test = np.flatnonzero(fold[: len(data.y)] == k)
            heldout[test] = free[test] @ coef + offset[test]
        new_cut = choose_cut(heldout, data, args.max_fp)
        converged = abs(new_cut - cut) < 1e-3
        cut = new_cut
        if converged:
            break
    coef, bias = fit_signed(x, y, w, offset, ones, prior, against, args.l2, cap)
    return Fitted(coef, bias, cut, heldout, fold[: len(data.y)], fold_coefs)


def choose_cut(heldout: NDArray, data: Data, max_fp: float) -> float:
    """The lowest cut at which every guarded set stays at or under ``max_fp``."""
    cut = -np.inf
    for i, g in enumerate(data.groups):
        if g.name in GUARDED:
            scores = np.sort(heldout[data.group == i])[::-1]
            allowed = int(np.floor(max_fp * len(scores)))
            if allowed < len(scores):
                cut = max(cut, float(np.nextafter(scores[allowed], np.inf)))
    if not np.isfinite(cut) or cut <= 0:
        raise FitError(
            "no clean set to choose the threshold on (--spam normal rows or --cold safe rows)"
        )
    return cut


# -- output ----------------------------------------------------------------------------------
def weights_in_score_units(scanner: SignalScanner, fitted: Fitted) -> dict[str, float]:
    """Fitted weights scaled so that the chosen cut is the default threshold (4)."""
    scale = DEFAULT_THRESHOLD / fitted.cut
    free = [s for s in scanner.specs if s.fixed is None]
    return {s.kind: round(float(c) * scale, 2) for s, c in zip(free, fitted.coef, strict=True)}


def write_weights(path: Path, weights: dict[str, float], meta: list[str]) -> None:
    lines = [
        "# Weights of the commerciality score, per signal bank of advertising.toml (score units:",
        "# a message at or above commercial-threshold, default 4, is commercial). Written by",
        "# scripts/fit_commercial.py: rerun it rather than edit by hand (docs/phrases.md).",
        *(f"# {m}" for m in meta),
        "",
        "[weights]",
        *(
            f"{kind} = {value:g}"
            for kind, value in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
        "",
    ]
    path.write_text("\n".join(lines), "utf-8")


def pct(hits: int | float, n: int) -> str:
    return f"{100 * hits / n:.1f} %" if n else "–"


def curve(
    data: Data,
    fitted: Fitted,
    thresholds: Sequence[float],
    filled: dict[str, NDArray],
    fill_scores: dict[str, NDArray],
) -> str:
    """Held-out precision/recall per threshold (score units), and each set's share judged commercial."""
    per_score = fitted.cut / DEFAULT_THRESHOLD
    names = [g.name for g in data.groups]
    pos = data.y == 1
    dev = np.array([names[g] != "clean text" for g in data.group])
    head = (
        ["threshold", "precision", "recall (all ads)"]
        + [f"{n}" for n in names]
        + [f"{n}, digits filled in" for n in filled]
    )
    rows = []
    for t in thresholds:
        cut = t * per_score
        hit = fitted.heldout >= cut
        tp, fp = int((hit & pos & dev).sum()), int((hit & ~pos & dev).sum())
        cells = [
            f"{t:g}" + (" ←" if abs(t - DEFAULT_THRESHOLD) < 1e-9 else ""),
            pct(tp, tp + fp),
            pct(tp, int((pos & dev).sum())),
        ]
        cells += [
            pct(int(hit[data.group == i].sum()), int((data.group == i).sum()))
            for i in range(len(names))
        ]
        cells += [pct(int((s >= cut).sum()), len(s)) for s in fill_scores.values()]
        rows.append(cells)
    return _table(head, rows)


def _table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def bank_table(scanner: SignalScanner, data: Data, weights: dict[str, float]) -> str:
    pos, neg = (
        data.y == 1,
        (data.y == 0) & np.array([data.groups[g].name != "clean text" for g in data.group]),
    )
    clean = np.array([data.groups[g].name == "clean text" for g in data.group])
    rows = []
    for j, spec in sorted(
        enumerate(scanner.specs),
        key=lambda js: -(js[1].fixed if js[1].fixed is not None else weights[js[1].kind]),
    ):
        weight = spec.fixed if spec.fixed is not None else weights[spec.kind]
        col = data.x[:, j] > 0
        rows.append(
            [
                spec.kind,
                f"{weight:g}" + (" (fixed)" if spec.fixed is not None else ""),
                pct(int((col & pos).sum()), int(pos.sum())),
                pct(int((col & neg).sum()), int(neg.sum())),
                pct(int((col & clean).sum()), int(clean.sum())),
            ]
        )
    return _table(
        ["signal", "weight", "ads with it", "ordinary messages with it", "clean text with it"], rows
    )


def sha(paths: Sequence[Path]) -> list[str]:
    return [f"{p.name} sha256 {hashlib.sha256(p.read_bytes()).hexdigest()[:16]}" for p in paths]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--spam",
        type=Path,
        action="append",
        default=[],
        help="spam SMS JSONL (label 1 spam, 0 normal)",
    )
    parser.add_argument(
        "--fbs",
        type=Path,
        action="append",
        default=[],
        help="fake-base-station SMS JSONL (AD:* ads, Other legitimate)",
    )
    parser.add_argument(
        "--cold",
        type=Path,
        action="append",
        default=[],
        help="COLD JSONL (label 0 rows: safe comments)",
    )
    parser.add_argument(
        "--clean",
        type=Path,
        action="append",
        default=[],
        help="clean text, one message a line (e.g. reviews)",
    )
    parser.add_argument(
        "--clean-weight",
        type=float,
        default=1.0,
        help="weight of a clean line against a labelled row (1: a review is as clean as a chat)",
    )
    parser.add_argument(
        "--max-fp",
        type=float,
        default=0.004,
        help="held-out share of normal SMS, COLD safe and clean text judged commercial (0.004)",
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights (1)")
    parser.add_argument(
        "--alone",
        type=float,
        default=0.9,
        help="most a single bank may weigh, as a share of the threshold (0.9)",
    )
    parser.add_argument(
        "--single-weight",
        type=float,
        default=100.0,
        help="weight of each one-signal pseudo-row (100)",
    )
    parser.add_argument("--write", action="store_true", help=f"write wordlists/{WEIGHTS}")
    parser.add_argument("--out", type=Path, help="write the weights here instead")
    args = parser.parse_args(argv)
    try:
        if args.folds < 2:
            raise FitError("--folds must be at least 2")
        groups = load_groups(args)
        scanner = signal_scanner()
        data = prepare(scanner, groups)
        fitted = fit(scanner, data, args)
    except FitError as exc:
        print(f"fit_commercial: {exc}", file=sys.stderr)
        return 2
    weights = weights_in_score_units(scanner, fitted)
    fill_scores = heldout_filled(scanner, data, fitted)
    thresholds = [2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 7.0, 8.0]
    sizes = ", ".join(f"{g.name} {len(g.texts)}" for g in groups)
    at = curve(data, fitted, [DEFAULT_THRESHOLD], data.filled, fill_scores).splitlines()[-1]
    meta = [
        f"fitted {dt.date.today().isoformat()} on {sizes}",
        *sha([*args.spam, *args.fbs, *args.cold, *args.clean]),
        f"settings: --max-fp {args.max_fp} --folds {args.folds} --l2 {args.l2:g} "
        f"--single-weight {args.single_weight:g} --clean-weight {args.clean_weight:g} "
        f"--alone {args.alone:g} --seed {args.seed}",
    ]
    print("## Commerciality weights, held-out figures\n")
    print(f"Rows: {sizes}.\n")
    print(
        "Threshold 4 is the held-out score at which normal SMS, COLD safe and clean text stay at or under "
        f"{100 * args.max_fp:g} % judged commercial.\n"
    )
    print(curve(data, fitted, thresholds, data.filled, fill_scores) + "\n")
    print(bank_table(scanner, data, weights) + "\n")
    print(f"At the threshold: {at}")
    target = args.out or (wordlist_path(WEIGHTS)[0] if args.write else None)
    if target is not None:
        write_weights(target, weights, meta)
        print(f"\nwrote {target}")
    return 0


def heldout_filled(scanner: SignalScanner, data: Data, fitted: Fitted) -> dict[str, NDArray]:
    """Held-out scores of the spam set with digits filled in: each row scored by the fold
    model that did not see it as given."""
    names = [g.name for g in data.groups]
    return {
        name: fitted.score(scanner, x, fitted.fold[data.group == names.index(name)])
        for name, x in data.filled.items()
    }


if __name__ == "__main__":
    raise SystemExit(main())
