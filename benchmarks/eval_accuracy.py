"""Accuracy on labelled real messages: recall and false positives per data set, class and
rule family, the figures issue 13 sets targets for, and the most instructive misses.

    python benchmarks/eval_accuracy.py PATH/spam_sms_dev.jsonl PATH/fbs_sms_dev.jsonl \\
        PATH/cold_dev.jsonl [-w 2] [--json after.json] [--compare before.json]

Each JSONL line holds ``text``, ``label`` and ``source`` (``owner/repo@commit:file#row``); the
data set is recognised from the repository in ``source``, or named with ``--dataset
NAME=PATH`` (spam_sms, fbs_sms, cold, or other for the per-family tables only). The output
is Markdown, so tables paste into docs/accuracy.md, where every definition is written out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import wxguard
from wxguard import Guard, Report, Severity, WxguardError, __version__, catalog, commercial_score
from wxguard.config import build_config, load_config_file


class EvalError(Exception):
    """Bad input to the evaluation (file, line and what is wrong)."""


# -- the data sets -------------------------------------------------------------------------
# Repository in ``source`` → data set. The classes are listed in reading order; ``clean``
# are the legitimate classes (their flag rates are false-positive rates).
REPOSITORIES = {
    "chenhangjun/Spam_SMS_Classify": "spam_sms",
    "Cypher-Z/FBS_SMS_Dataset": "fbs_sms",
    "thu-coai/COLDataset": "cold",
}
KINDS = ("spam_sms", "fbs_sms", "cold", "other")
CLASS_NAMES = {
    "spam_sms": {"1": "spam", "0": "normal"},
    "cold": {"1": "offensive", "0": "safe"},
}
CLEAN = {"spam_sms": {"0"}, "cold": {"0"}, "fbs_sms": {"Other"}}
FBS_ORDER = (
    "AD:Retail",
    "AD:Network_service",
    "AD:Real_estate",
    "AD:Loan",
    "AD:Other",
    "IL:Gambling",
    "IL:Fake_ID_and_invoice",
    "IL:Escort_service",
    "IL:Political_propaganda",
    "FR:Phishing(Bank)",
    "FR:Phishing(Other)",
    "FR:Financial",
    "FR:Other",
    "Other",
)
# What each illegal-trade class should raise (issue 13's table).
IL_RULES = {
    "IL:Gambling": "WX103",
    "IL:Fake_ID_and_invoice": "WX106",
    "IL:Escort_service": "WX102",
    "IL:Political_propaganda": "WX101",
}


@dataclass(frozen=True)
class Row:
    text: str
    label: str
    line: int


@dataclass
class Dataset:
    name: str
    kind: str
    path: Path
    rows: list[Row]
    sha256: str


def read_jsonl(path: Path) -> tuple[list[Row], str, set[str]]:
    """Rows, the file's sha256 and the repositories named in ``source``; errors name file:line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror or exc}") from None
    rows: list[Row] = []
    repos: set[str] = set()
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise EvalError(f"{path}:{number}: not a JSON line ({exc})") from None
        if not isinstance(obj, dict):
            raise EvalError(f"{path}:{number}: expected a JSON object, got {type(obj).__name__}")
        text, label = obj.get("text"), obj.get("label")
        if not isinstance(text, str):
            raise EvalError(f"{path}:{number}: 'text' must be a string")
        if isinstance(label, bool) or not isinstance(label, (str, int)):
            raise EvalError(f"{path}:{number}: 'label' must be a string or an integer")
        source = obj.get("source")
        if isinstance(source, str) and "@" in source:
            repos.add(source.split("@", 1)[0])
        rows.append(Row(text, str(label), number))
    if not rows:
        raise EvalError(f"{path}: no rows")
    return rows, hashlib.sha256(data).hexdigest(), repos


def load_dataset(spec: str, taken: set[str]) -> Dataset:
    """``PATH`` (data set recognised from ``source``) or ``NAME=PATH``."""
    kind: str | None = None
    if "=" in spec and spec.split("=", 1)[0] in KINDS:
        kind, spec = spec.split("=", 1)
    path = Path(spec)
    rows, sha, repos = read_jsonl(path)
    if kind is None:
        kinds = {REPOSITORIES.get(r, "other") for r in repos}
        if len(kinds) != 1:
            found = ", ".join(sorted(repos)) or "no 'source' with owner/repo@commit"
            raise EvalError(
                f"{path}: cannot tell the data set from its sources ({found}); "
                f"name it: --dataset NAME={path} with NAME one of {', '.join(KINDS)}"
            )
        kind = kinds.pop()
    name = kind if kind not in taken else f"{kind}[{path.stem}]"
    taken.add(name)
    return Dataset(name, kind, path, rows, sha)


# -- digits masked as x ----------------------------------------------------------------------
MOBILE = "13812345678"
_X_RUN = re.compile(r"x+")
# A landline's area code (xxxx-xxxxxxx) starts with 0 and a service number (xxx-xxx-xxxx)
# with 400: filled as 1000-1000000 they would be numbers no phone has.
_AREA_CODE = re.compile(r"(?<![\da-z])x{3,4}(?=-x{7,8}(?![\da-z]))")
_SERVICE = re.compile(r"(?<![\da-z])xxx(?=-xxx-xxxx(?![\da-z]))")
# A mobile written in groups (xxx xxxx xxxx, xxx-xxxx-xxxx): filled as 100 1000 1000 it
# would be a number no phone has.
_GROUPED_MOBILE = re.compile(r"(?<![\da-z])xxx([-\s])xxxx([-\s])xxxx(?![\da-z])")


def fill_digits(text: str) -> str:
    """The spam set masks every digit as ``x``; put plausible digits back. An 11-x run is a
    mobile number (filled with a well-formed one, 13812345678; written in groups, 138 1234
    5678), the area code of a landline
    (xxxx-xxxxxxx) 0 then 1 and zeros (0100-1000000), the prefix of a service number
    (xxx-xxx-xxxx) 400; any other run becomes 1 followed by zeros (x → 1, xxx → 100, xx:xx →
    10:10), so prices, dates, counts and discounts read as numbers again. Only lower-case x is
    a mask: 傻X keeps its X."""
    text = _GROUPED_MOBILE.sub(r"138\g<1>1234\g<2>5678", text)
    text = _SERVICE.sub("400", text)
    text = _AREA_CODE.sub(lambda m: "01" + "0" * (len(m.group()) - 2), text)
    return _X_RUN.sub(
        lambda m: MOBILE if len(m.group()) == 11 else "1" + "0" * (len(m.group()) - 1), text
    )


# -- vulgar profanity, independent of wxguard's word lists ----------------------------------
# Written for this measure from common knowledge of Chinese swearing (脏话), not taken from
# wordlists/: the measure must not be circular. Vulgar means obscene, scatological or a curse on
# someone's family; plain insults (垃圾, 脑残, 智障, 废物) and group slurs are not in it (most
# offensive COLD rows attack a group without one swear word). Left out as too mild or too often
# meant kindly: 牛逼 (praise), 屌丝 (self-mockery), 懵逼, 撕逼, 逗比. Context guards keep
# 操作/操心/体操, 他妈妈, 杂种优势 and Latin words (SB700, html) out.
# start, punctuation or an intensifier
_AFTER = r"(?<![^\s，。！？、,.!?…~：:；;“”‘’（）()\[\]【】真太都还就你我谁这那神也可又])"
_EDGE = r"(?<![^\s，。！？、,.!?…~：:；;“”‘’（）()])"  # start of text or after punctuation
_END = r"(?![^\s，。！？、,.!?…~：:；;“”‘’（）()])"
PROFANITY: tuple[tuple[str, str], ...] = (
    ("逼 insults", r"傻[逼屄比笔叉Bb]|煞笔|沙比|[二贱骚苕]逼|装逼|逼样|low逼|你妈逼"),
    ("masked 傻X", r"傻[xX×*＊]"),
    ("SB", r"(?<![A-Za-z0-9])[sS][bB](?![A-Za-z0-9])"),
    (
        "curses on family",
        _AFTER
        + r"他妈(?!妈)|(?<=真是)他妈(?!妈)|妈了个|你妈的|去[你他]妈|"
        + _EDGE
        + r"妈的|尼玛|草泥马|[操草艹肏日干][你他她尼泥xX×*][妈娘](?!妈)|死全家|全家死光",
    ),
    ("abbreviations", r"(?<![A-Za-z0-9])(?:cnm|nmsl|nmb|tmd|mlgb|nnd|tm)(?![A-Za-z0-9])|特么"),
    (
        "sex words",
        r"鸡巴|几把|(?<![A-Za-z0-9])jb(?![A-Za-z0-9])|屌(?!丝)|肏|屄|艹|欠[操艹草日干]|操蛋|[操艹肏]你(?![们的心])|[卧我][槽操艹草肏](?![作心场守纵劳练办持控盘刀行地原坪莓药率])|"
        + _EDGE
        + "[操草]"
        + _END,
    ),
    (
        "vulgar insults",
        r"婊|贱人|贱货|骚货|杂种(?!优势)|王八蛋|狗日|狗娘养|畜生|畜牲|龟儿子|日了狗",
    ),
    ("excrement", r"狗屎|吃屎|狗屁"),
    ("English", r"(?i:f+u+c+k|shit|bitch|asshole|(?<![a-z])wtf(?![a-z])|motherf)"),
)
_PROFANITY = tuple((group, re.compile(pattern)) for group, pattern in PROFANITY)


def profanity(text: str) -> list[tuple[str, str]]:
    """(group, matched text) for every vulgar word in ``text``, in pattern order."""
    return [(group, m.group()) for group, rx in _PROFANITY for m in rx.finditer(text)]


# -- judging rows --------------------------------------------------------------------------
@dataclass(frozen=True)
class Judgement:
    """What wxguard made of one row: rule codes at error level and at any level, whether it
    reads as commercial, and the evidence (for the examples)."""

    error: frozenset[str]
    any: frozenset[str]
    commercial: bool
    score: float
    signals: tuple[str, ...]
    findings: tuple[str, ...]

    def families(self, level: str) -> frozenset[str]:
        return frozenset(code[:3] for code in (self.error if level == "error" else self.any))


def judge(report: Report, threshold: float, phrases: tuple[Path, ...]) -> Judgement:
    score = commercial_score(report.text, threshold=threshold, phrases=phrases)
    # A finding absorbed by another on the same words (one problem, one mark) was still
    # found: rules are counted with the findings they absorbed.
    found = [w for v in report.violations for w in (v, *v.also)]
    codes = frozenset(v.rule for v in found)
    return Judgement(
        error=frozenset(v.rule for v in found if v.severity is Severity.ERROR),
        any=codes,
        commercial=score.commercial or any(code.startswith("WX4") for code in codes),
        score=score.score,
        signals=tuple(f"{s.kind} «{s.text}»" for s in score.signals),
        findings=tuple(f"{v.rule} {v.severity.value} «{v.text}»" for v in found),
    )


def message_families() -> list[str]:
    """Every family in the catalog that judges messages (WX0 judges wxguard's own
    suppression comments), so a new family gets its column without a change here."""
    return [prefix for prefix in catalog().families if prefix != "WX0"]


# -- metrics ---------------------------------------------------------------------------------
def rate(hits: int, n: int) -> float | None:
    return None if n == 0 else hits / n


def pct(hits: int, n: int) -> str:
    r = rate(hits, n)
    return "–" if r is None else f"{100 * r:.1f} %"


@dataclass
class ClassCounts:
    """Per class: rows, rows judged commercial, and rows with a finding of each family and
    rule, at error level and at any level (a row counts once per family or rule)."""

    n: int = 0
    commercial: int = 0
    error: int = 0
    anything: int = 0
    families: Counter[str] = field(default_factory=Counter)
    families_error: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    rules_error: Counter[str] = field(default_factory=Counter)

    def add(self, j: Judgement) -> None:
        self.n += 1
        self.commercial += j.commercial
        self.error += bool(j.error)
        self.anything += bool(j.any)
        self.families.update(j.families("any"))
        self.families_error.update(j.families("error"))
        self.rules.update(j.any)
        self.rules_error.update(j.error)

    def as_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "commercial": self.commercial,
            "error": self.error,
            "any": self.anything,
            "families": {
                f: [self.families_error[f], self.families[f]] for f in sorted(self.families)
            },
            "rules": {r: [self.rules_error[r], self.rules[r]] for r in sorted(self.rules)},
        }


def class_counts(labels: Sequence[str], judged: Sequence[Judgement]) -> dict[str, ClassCounts]:
    out: dict[str, ClassCounts] = {}
    for label, j in zip(labels, judged, strict=True):
        out.setdefault(label, ClassCounts()).add(j)
    return out


@dataclass
class Measure:
    """One figure: the share of ``rows`` for which ``hit`` holds. For a recall measure the
    instructive rows are the misses, for a false-positive measure the hits."""

    id: str
    title: str
    kind: str  # "recall", "false-positive" or "info"
    rows: list[int]
    hit: list[bool]
    target: str = ""

    @property
    def hits(self) -> int:
        return sum(self.hit)

    @property
    def n(self) -> int:
        return len(self.rows)

    def instructive(self) -> list[int]:
        """Rows to show: misses of a recall measure, hits of the others."""
        want = self.kind != "recall"
        return [i for i, h in zip(self.rows, self.hit, strict=True) if h is want]


def make_measure(
    id: str,
    title: str,
    kind: str,
    rows: Iterable[int],
    judged: Sequence[Judgement],
    pred: Callable[[Judgement], bool],
    target: str = "",
) -> Measure:
    chosen = list(rows)
    return Measure(id, title, kind, chosen, [pred(judged[i]) for i in chosen], target)


def has_any_error(j: Judgement) -> bool:
    return bool(j.error)


def has_rule(code: str) -> Callable[[Judgement], bool]:
    return lambda j: code in j.any


def has_family_error(prefix: str) -> Callable[[Judgement], bool]:
    return lambda j: any(c.startswith(prefix) for c in j.error)


def is_commercial(j: Judgement) -> bool:
    return j.commercial


def measures_for(
    ds: Dataset, judged: list[Judgement], filled: list[Judgement] | None
) -> list[Measure]:
    """The figures issue 13 (and 14) measure, for one data set."""
    labels = [r.label for r in ds.rows]

    def idx(keep: Callable[[int], bool]) -> list[int]:
        return [i for i in range(len(labels)) if keep(i)]

    p = ds.name
    out: list[Measure] = []
    if ds.kind == "spam_sms":
        assert filled is not None
        spam, normal = idx(lambda i: labels[i] == "1"), idx(lambda i: labels[i] == "0")
        clean_normal = [i for i in normal if not profanity(ds.rows[i].text)]
        out += [
            make_measure(
                f"{p}.spam.commercial",
                "spam judged commercial, as given (digits masked)",
                "recall",
                spam,
                judged,
                is_commercial,
                "≥ 80 %",
            ),
            make_measure(
                f"{p}.spam.commercial-filled",
                "spam judged commercial, digits filled in",
                "recall",
                spam,
                filled,
                is_commercial,
                "≥ 90 %",
            ),
            make_measure(
                f"{p}.normal.commercial",
                "normal judged commercial, as given",
                "false-positive",
                normal,
                judged,
                is_commercial,
                "≤ 0.5 %",
            ),
            make_measure(
                f"{p}.normal.commercial-filled",
                "normal judged commercial, digits filled in",
                "false-positive",
                normal,
                filled,
                is_commercial,
                "≤ 0.5 %",
            ),
            make_measure(
                f"{p}.normal.error",
                "normal with any error-level finding",
                "false-positive",
                normal,
                judged,
                has_any_error,
            ),
            make_measure(
                f"{p}.normal.wx1-error-no-profanity",
                "normal without profanity, WX1 error-level finding (issue 14)",
                "false-positive",
                clean_normal,
                judged,
                has_family_error("WX1"),
                "≤ 0.3 %",
            ),
        ]
    elif ds.kind == "fbs_sms":
        for label in _ordered(labels, FBS_ORDER):
            rows = idx(lambda i, label=label: labels[i] == label)
            if label.startswith("AD:"):
                target = "≥ 90 %" if label == "AD:Retail" else "≥ 85 %"
                out.append(
                    make_measure(
                        f"{p}.{label}.commercial",
                        f"{label} judged commercial",
                        "recall",
                        rows,
                        judged,
                        is_commercial,
                        target,
                    )
                )
            elif label in IL_RULES:
                code = IL_RULES[label]
                target = {"WX101": "≥ 95 %", "WX102": "≥ 80 %"}.get(code, "≥ 85 %")
                out.append(
                    make_measure(
                        f"{p}.{label}.{code}",
                        f"{label} with {code}",
                        "recall",
                        rows,
                        judged,
                        has_rule(code),
                        target,
                    )
                )
            elif label.startswith("FR:"):
                target = {"FR:Phishing(Bank)": "≥ 80 %", "FR:Other": "≥ 70 %"}.get(label, "")
                out.append(
                    make_measure(
                        f"{p}.{label}.error",
                        f"{label} with any error-level finding",
                        "recall",
                        rows,
                        judged,
                        has_any_error,
                        target,
                    )
                )
            elif label == "Other":
                out.append(
                    make_measure(
                        f"{p}.Other.error",
                        "Other (legitimate) with any error-level finding",
                        "false-positive",
                        rows,
                        judged,
                        has_any_error,
                        "0",
                    )
                )
    elif ds.kind == "cold":
        offensive, safe = idx(lambda i: labels[i] == "1"), idx(lambda i: labels[i] == "0")
        profane = [i for i in offensive if profanity(ds.rows[i].text)]
        plain = sorted(set(offensive) - set(profane))
        clean_safe = [i for i in safe if not profanity(ds.rows[i].text)]
        out += [
            make_measure(
                f"{p}.offensive-profane.WX107",
                "offensive rows with vulgar profanity, WX107",
                "recall",
                profane,
                judged,
                has_rule("WX107"),
                "≥ 90 %",
            ),
            make_measure(
                f"{p}.offensive-plain.WX107",
                "offensive rows without vulgar profanity, WX107",
                "info",
                plain,
                judged,
                has_rule("WX107"),
            ),
            make_measure(
                f"{p}.safe.error",
                "safe with any error-level finding",
                "false-positive",
                safe,
                judged,
                has_any_error,
                "≤ 0.5 %",
            ),
            make_measure(
                f"{p}.safe.wx1-error",
                "safe with a WX1 error-level finding",
                "false-positive",
                safe,
                judged,
                has_family_error("WX1"),
            ),
            make_measure(
                f"{p}.safe.wx1-error-no-profanity",
                "safe without profanity, WX1 error-level finding (issue 14)",
                "false-positive",
                clean_safe,
                judged,
                has_family_error("WX1"),
                "≤ 0.3 %",
            ),
        ]
    else:
        for label in _ordered(labels, ()):
            out.append(
                make_measure(
                    f"{p}.{label}.error",
                    f"class {label} with any error-level finding",
                    "info",
                    idx(lambda i, label=label: labels[i] == label),
                    judged,
                    has_any_error,
                )
            )
    return out


def _ordered(labels: Iterable[str], order: Sequence[str]) -> list[str]:
    present = set(labels)
    return [c for c in order if c in present] + sorted(present - set(order))


# -- instructive examples -------------------------------------------------------------------
def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def similar(a: str, b: str, threshold: float = 0.5) -> bool:
    """Near duplicates (character-bigram Jaccard at or above ``threshold``): the FBS set
    holds many copies of one campaign, and one of them teaches as much as ten."""
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / len(x | y) >= threshold


def pick_examples(
    texts: Sequence[str], candidates: Iterable[int], k: int, min_len: int = 10
) -> list[int]:
    """Shortest first (the wording that matters is easiest to see), skipping near duplicates
    of rows already picked and fragments shorter than ``min_len`` characters."""
    chosen: list[int] = []
    for i in sorted(candidates, key=lambda i: (len(texts[i]), i)):
        text = texts[i].strip()
        if len(text) < min_len or any(similar(text, texts[j].strip()) for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == k:
            break
    return chosen


def describe(j: Judgement, threshold: float) -> str:
    parts = [
        f"score {j.score:g}/{threshold:g}" + (f" ({', '.join(j.signals)})" if j.signals else "")
    ]
    if j.findings:
        parts.append("; ".join(j.findings))
    return " — ".join(parts)


def clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- output ---------------------------------------------------------------------------------
def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def class_title(ds: Dataset, label: str) -> str:
    name = CLASS_NAMES.get(ds.kind, {}).get(label)
    clean = " (clean)" if label in CLEAN.get(ds.kind, set()) else ""
    return (f"{label} {name}" if name else label) + clean


def family_table(ds: Dataset, counts: dict[str, ClassCounts], families: list[str]) -> str:
    order = FBS_ORDER if ds.kind == "fbs_sms" else ("1", "0")
    rows = []
    for label in _ordered(counts, order):
        c = counts[label]
        cells = [f"{pct(c.families_error[f], c.n)} / {pct(c.families[f], c.n)}" for f in families]
        rows.append(
            [class_title(ds, label), str(c.n), pct(c.commercial, c.n), pct(c.error, c.n), *cells]
        )
    return table(
        ["class", "rows", "commercial", "any error", *(f"{f} err / any" for f in families)], rows
    )


def rules_table(counts: ClassCounts) -> str:
    codes = sorted(counts.rules_error, key=lambda c: (-counts.rules_error[c], c))
    if not codes:
        return "none"
    return table(
        ["rule", "rows (error level)", "share"],
        [[c, str(counts.rules_error[c]), pct(counts.rules_error[c], counts.n)] for c in codes],
    )


def measures_table(measures: Sequence[Measure]) -> str:
    return table(
        ["figure", "rows", "share", "target"],
        [[m.title, f"{m.hits}/{m.n}", pct(m.hits, m.n), m.target] for m in measures],
    )


def git_commit(where: Path) -> tuple[str, bool]:
    """The commit of the checkout wxguard is imported from, and whether it has changes."""
    try:
        head = subprocess.run(
            ["git", "-C", str(where), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        status = subprocess.run(
            ["git", "-C", str(where), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown", False
    return head.stdout.strip(), bool(status.stdout.strip())


@dataclass
class Results:
    datasets: list[Dataset]
    judged: dict[str, list[Judgement]]
    filled: dict[str, list[Judgement]]
    measures: list[Measure]
    threshold: float


def evaluate(datasets: list[Dataset], guard: Guard, workers: int) -> Results:
    """One pass of ``check_many`` over every row (and the spam rows with digits filled in)."""
    texts: list[str] = []
    for ds in datasets:
        texts += [r.text for r in ds.rows]
        if ds.kind == "spam_sms":
            texts += [fill_digits(r.text) for r in ds.rows]
    threshold, phrases = guard.config.commercial_threshold, guard.config.phrases
    all_judged = [
        judge(report, threshold, phrases) for report in guard.check_many(texts, workers=workers)
    ]
    judged: dict[str, list[Judgement]] = {}
    filled: dict[str, list[Judgement]] = {}
    measures: list[Measure] = []
    pos = 0
    for ds in datasets:
        n = len(ds.rows)
        judged[ds.name] = all_judged[pos : pos + n]
        pos += n
        if ds.kind == "spam_sms":
            filled[ds.name] = all_judged[pos : pos + n]
            pos += n
        measures += measures_for(ds, judged[ds.name], filled.get(ds.name))
    return Results(datasets, judged, filled, measures, threshold)


def render(res: Results, examples: int) -> str:
    families = message_families()
    out: list[str] = []
    for ds in res.datasets:
        labels = [r.label for r in ds.rows]
        texts = [r.text for r in ds.rows]
        judged = res.judged[ds.name]
        counts = class_counts(labels, judged)
        out.append(f"## {ds.name} — {ds.path} ({len(ds.rows):,} rows)\n")
        out.append(
            measures_table([m for m in res.measures if m.id.startswith(ds.name + ".")]) + "\n"
        )
        out.append(
            "Per class: share of rows with a finding of each family, at error level / at any level.\n"
        )
        out.append(family_table(ds, counts, families) + "\n")
        if ds.name in res.filled:
            out.append("Digits filled in:\n")
            out.append(family_table(ds, class_counts(labels, res.filled[ds.name]), families) + "\n")
        if ds.kind == "fbs_sms":
            rows = []
            for label in _ordered(counts, FBS_ORDER):
                c = counts[label]
                rows.append(
                    [
                        label,
                        str(c.n),
                        pct(c.commercial, c.n),
                        *(pct(c.rules[code], c.n) for code in IL_RULES.values()),
                        pct(c.error, c.n),
                    ]
                )
            out.append(
                table(
                    [
                        "class",
                        "rows",
                        "commercial",
                        *(f"{code} (any level)" for code in IL_RULES.values()),
                        "any error",
                    ],
                    rows,
                )
                + "\n"
            )
        if ds.kind == "cold":
            out.append(profanity_summary(ds) + "\n")
        for label in sorted(CLEAN.get(ds.kind, set()) & set(counts)):
            out.append(f"Error-level findings on {class_title(ds, label)}, by rule (rows):\n")
            out.append(rules_table(counts[label]) + "\n")
        if examples:
            for m in (m for m in res.measures if m.id.startswith(ds.name + ".")):
                source = res.filled[ds.name] if m.id.endswith("-filled") else judged
                candidates = m.instructive()
                if m.id.endswith(
                    "-filled"
                ):  # the rows that filling changed; the others are shown above
                    candidates = [i for i in candidates if "x" in texts[i]]
                shown = pick_examples(texts, candidates, examples)
                if not shown:
                    continue
                what = "misses" if m.kind == "recall" else "flagged"
                out.append(f"{what.capitalize()}: {m.title} ({len(m.instructive())} {what})\n")
                for i in shown:
                    text = fill_digits(texts[i]) if m.id.endswith("-filled") else texts[i]
                    out.append(
                        f"- `{ds.path.name}:{ds.rows[i].line}` {clip(text)}\n  → {describe(source[i], res.threshold)}"
                    )
                out.append("")
    return "\n".join(out)


def profanity_summary(ds: Dataset, sample: int = 12) -> str:
    """How many rows the profanity selector picks, by pattern group, and a sample to judge it."""
    groups: dict[str, Counter[str]] = {"1": Counter(), "0": Counter()}
    selected = {"1": 0, "0": 0}
    picked: list[tuple[Row, list[tuple[str, str]]]] = []
    for row in ds.rows:
        found = profanity(row.text)
        if found and row.label in groups:
            selected[row.label] += 1
            groups[row.label].update({g for g, _ in found})
            picked.append((row, found))
    lines = [
        f"Vulgar profanity (the script's PROFANITY patterns) selects {selected['1']} offensive and "
        f"{selected['0']} safe rows. Rows per pattern group (offensive / safe):\n",
        table(
            ["group", "offensive", "safe"],
            [[g, str(groups["1"][g]), str(groups["0"][g])] for g, _ in PROFANITY],
        ),
        "\nSample (every n-th selected row):\n",
    ]
    step = max(1, len(picked) // sample)
    for row, found in picked[::step][:sample]:
        words = ", ".join(dict.fromkeys(w for _, w in found))
        lines.append(f"- [{row.label}] «{words}» {clip(row.text, 70)}")
    return "\n".join(lines)


# -- JSON and comparison ---------------------------------------------------------------------
def to_json(res: Results, meta: dict[str, Any]) -> dict[str, Any]:
    classes: dict[str, Any] = {}
    for ds in res.datasets:
        labels = [r.label for r in ds.rows]
        views = {"given": res.judged[ds.name]}
        if ds.name in res.filled:
            views["digits-filled"] = res.filled[ds.name]
        classes[ds.name] = {
            view: {label: c.as_json() for label, c in class_counts(labels, judged).items()}
            for view, judged in views.items()
        }
    return {
        "meta": meta,
        "measures": {
            m.id: {
                "title": m.title,
                "kind": m.kind,
                "hits": m.hits,
                "n": m.n,
                "rate": rate(m.hits, m.n),
                "target": m.target,
            }
            for m in res.measures
        },
        "classes": classes,
    }


def compare(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Before → after for every figure, then the family cells that moved."""
    rows = []
    for key in dict.fromkeys([*old.get("measures", {}), *new.get("measures", {})]):
        a, b = old.get("measures", {}).get(key), new.get("measures", {}).get(key)
        title = (b or a)["title"]
        before = "–" if a is None else pct(a["hits"], a["n"])
        after = "–" if b is None else pct(b["hits"], b["n"])
        delta = ""
        if a is not None and b is not None and a["rate"] is not None and b["rate"] is not None:
            delta = f"{100 * (b['rate'] - a['rate']):+.1f} pp"
        rows.append([f"{key.split('.', 1)[0]}: {title}", before, after, delta])
    out = [table(["figure", "before", "after", "change"], rows)]
    moved = []
    for ds, views in new.get("classes", {}).items():
        for view, labels in views.items():
            for label, c in labels.items():
                was = old.get("classes", {}).get(ds, {}).get(view, {}).get(label)
                if was is None:
                    continue
                for fam in sorted(set(c["families"]) | set(was["families"])):
                    for level, k in (("error", 0), ("any", 1)):
                        x = was["families"].get(fam, [0, 0])[k]
                        y = c["families"].get(fam, [0, 0])[k]
                        if x != y:
                            moved.append(
                                [
                                    f"{ds} {view} {label}",
                                    f"{fam} {level}",
                                    pct(x, was["n"]),
                                    pct(y, c["n"]),
                                ]
                            )
    if moved:
        out.append("\nFamily cells that moved:\n")
        out.append(table(["class", "family", "before", "after"], moved))
    return "\n".join(out)


def make_guard(config: Path | None, select: str | None) -> Guard:
    if config is None:
        return Guard(select=select.split(",") if select else None)
    settings = load_config_file(config)
    if select:
        settings = build_config({**settings.model_dump(), "select": select.split(",")}, config)
    return Guard(config=settings)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "files", nargs="*", help="labelled JSONL files (data set recognised from 'source')"
    )
    parser.add_argument(
        "--dataset",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help=f"a file with its data set named ({', '.join(KINDS)})",
    )
    parser.add_argument(
        "--config", type=Path, help="Guard settings from a pyproject.toml or wxguard.toml"
    )
    parser.add_argument("--select", help="rule selectors, comma-separated (e.g. WX1,WX4)")
    parser.add_argument(
        "-w",
        "--workers",
        type=int,
        default=0,
        help="worker processes for check_many (0: this process)",
    )
    parser.add_argument(
        "--examples",
        type=int,
        default=5,
        help="instructive misses and false positives shown per figure",
    )
    parser.add_argument(
        "--json", type=Path, dest="json_out", metavar="OUT", help="write every figure to OUT"
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="OLD.json",
        help="print before → after against an earlier --json",
    )
    args = parser.parse_args(argv)
    specs = [*args.files, *args.dataset]
    if not specs:
        parser.error("give at least one labelled JSONL file")
    for spec in args.dataset:
        if "=" not in spec or spec.split("=", 1)[0] not in KINDS:
            parser.error(
                f"--dataset {spec!r}: expected NAME=PATH with NAME one of {', '.join(KINDS)}"
            )
    try:
        old = json.loads(args.compare.read_text("utf-8")) if args.compare else None
        taken: set[str] = set()
        datasets = [load_dataset(spec, taken) for spec in specs]
        guard = make_guard(args.config, args.select)
    except (EvalError, WxguardError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (OSError, json.JSONDecodeError) as exc:
        print(f"error: {args.compare}: {exc}", file=sys.stderr)
        return 2
    started = datetime.now(UTC)
    res = evaluate(datasets, guard, args.workers)
    commit, dirty = git_commit(Path(wxguard.__file__).resolve().parent)
    meta = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit + ("+changes" if dirty else ""),
        "wxguard": __version__,
        "config": str(args.config) if args.config else None,
        "select": args.select,
        "commercial_threshold": res.threshold,
        "files": [
            {"dataset": d.name, "path": str(d.path), "rows": len(d.rows), "sha256": d.sha256}
            for d in datasets
        ],
    }
    print(f"# wxguard accuracy — {meta['date']}, commit {meta['commit']}, wxguard {__version__}\n")
    print(render(res, args.examples))
    data = to_json(res, meta)
    if args.json_out:
        args.json_out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {args.json_out}")
    if old is not None:
        print(f"\n## Compared with {args.compare} ({old.get('meta', {}).get('commit', '?')})\n")
        print(compare(old, data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
