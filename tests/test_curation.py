"""scripts/curate_lists.py: the curation decisions agree with the shipped lists, a disagreement
names file and line, and the evidence is regenerated from data given as paths (tiny fixtures
here, never the shared data)."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEADER = "term\tcategory\ttier\tcompanions\tpattern\tclean_hits\tpositive_hits\tsource\treason\n"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "curate_lists", ROOT / "scripts" / "curate_lists.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["curate_lists"] = (
        module  # dataclasses look their module up while the class is built
    )
    spec.loader.exec_module(module)
    return module


cl = _load()


def test_shipped_decisions_agree_with_the_lists_and_the_candidates() -> None:
    """Every candidate has one decision, and the lists hold each decision's line in its tier
    (companion words included); dropped terms are not listed."""
    assert cl.lint(cl.CURATION, cl.WORDLISTS) == []


def test_every_decision_says_why() -> None:
    decisions = cl.read_decisions(cl.CURATION / "decisions.tsv")
    assert len(decisions) > 300
    assert all(d.reason and d.source for d in decisions)
    assert {d.tier for d in decisions} == set(cl.TIERS)


def _fixture(
    tmp_path: Path,
    decisions: str,
    candidates: str = "网赌\n彩金\n荷官\n赌场\n",
    listed: str = "网赌\n彩金 + 注册|首存\n[review]\n荷官\n",
) -> tuple[Path, Path]:
    curation, wordlists = tmp_path / "curation", tmp_path / "wordlists"
    (curation / "candidates").mkdir(parents=True)
    wordlists.mkdir()
    (curation / "candidates" / "gambling.txt").write_text(candidates, "utf-8")
    (curation / "decisions.tsv").write_text(HEADER + decisions, "utf-8")
    (wordlists / "gambling.txt").write_text(
        f"# category: gambling\n# sources: test\n{listed}", "utf-8"
    )
    return curation, wordlists


GOOD = (
    "网赌\tgambling\tblock\t\t\t\t\ttest\tno ordinary sense\n"
    "彩金\tgambling\tcompanion\t注册|首存\t\t\t\ttest\tcoloured gold\n"
    "荷官\tgambling\treview\t\t\t\t\ttest\ta job in Macau\n"
    "赌场\tgambling\tdrop\t\t\t\t\ttest\tnarrative use\n"
)
LISTED = "网赌\n彩金 + 注册|首存\n[review]\n荷官\n"


def test_a_consistent_fixture_has_no_problems(tmp_path: Path) -> None:
    assert cl.lint(*_fixture(tmp_path, GOOD)) == []
    # companions compare as a set, case-folded
    assert (
        cl.lint(*_fixture(tmp_path / "b", GOOD, listed="网赌\n彩金 + 首存|注册\n[review]\n荷官\n"))
        == []
    )


@pytest.mark.parametrize(
    ("decisions", "listed", "expected"),
    [
        (
            GOOD,
            LISTED.replace("网赌\n", ""),
            "decisions.tsv:2: '网赌' is block tier: wordlists/gambling.txt needs the line '网赌' under [block]",
        ),
        (
            GOOD,
            LISTED.replace("彩金 + 注册|首存", "彩金"),
            "decisions.tsv:3: '彩金' is companion tier: wordlists/gambling.txt needs the line '彩金 + 注册|首存' under [block]",
        ),
        (
            GOOD,
            LISTED.replace("彩金 + 注册|首存", "彩金 + 注册"),
            "needs the line '彩金 + 注册|首存' under [block]",
        ),
        (
            GOOD,
            "网赌\n彩金 + 注册|首存\n荷官\n",
            "decisions.tsv:4: '荷官' is review tier: wordlists/gambling.txt needs the line '荷官' under [review]",
        ),
        (
            GOOD,
            LISTED + "赌场 + 网址\n",
            "decisions.tsv:5: '赌场' is dropped but wordlists/gambling.txt lists it",
        ),
        (
            GOOD.replace("block\t\t\t", "block\t\t网{*}赌\t"),
            LISTED,
            "decisions.tsv:2: '网赌' is block tier: wordlists/gambling.txt needs the line '网{*}赌' under [block]",
        ),
        (
            GOOD.replace("companion\t注册|首存", "companion\t"),
            LISTED,
            "decisions.tsv:3: '彩金' is a companion term but names no companion words",
        ),
        (
            GOOD.replace("block\t\t", "block\t注册\t"),
            LISTED,
            "decisions.tsv:2: '网赌' is block tier but names companion words",
        ),
        (GOOD.replace("block", "blok"), LISTED, "decisions.tsv:2: unknown tier 'blok'"),
        (
            GOOD.replace("gambling\tblock", "gamble\tblock"),
            LISTED,
            "decisions.tsv:2: unknown category 'gamble'",
        ),
        (
            GOOD + GOOD.splitlines(keepends=True)[0],
            LISTED,
            "decisions.tsv:6: '网赌' already decided on line 2",
        ),
        (GOOD.replace("coloured gold", ""), LISTED, "decisions.tsv:3: '彩金' has no reason"),
        (
            GOOD.replace("block\t\t\t\t", "block\t\t\tmany\t"),
            LISTED,
            "decisions.tsv:2: clean_hits must be a count, not 'many'",
        ),
        (
            "".join(GOOD.splitlines(keepends=True)[1:]),
            LISTED,
            "candidates/gambling.txt:1: '网赌' has no decision in decisions.tsv",
        ),
        (
            GOOD + "赌球\tgambling\tdrop\t\t\t\t\ttest\tlisted elsewhere\n",
            LISTED,
            "decisions.tsv:6: '赌球' is not in candidates/gambling.txt",
        ),
    ],
)
def test_lint_names_file_line_and_problem(
    tmp_path: Path, decisions: str, listed: str, expected: str
) -> None:
    problems = cl.lint(*_fixture(tmp_path, decisions, listed=listed))
    assert any(expected in p for p in problems), problems


def test_a_review_term_may_not_hide_a_companion_pair(tmp_path: Path) -> None:
    decisions = GOOD.replace("荷官\tgambling", "送彩金\tgambling")
    curation, wordlists = _fixture(
        tmp_path,
        decisions,
        candidates="网赌\n彩金\n送彩金\n赌场\n",
        listed=LISTED.replace("荷官", "送彩金"),
    )
    assert cl.lint(curation, wordlists) == [
        f"{curation / 'decisions.tsv'}:4: review term '送彩金' contains the companion term '彩金' (line 3) and would hide its error"
    ]


def test_listed_terms_compare_case_folded(tmp_path: Path) -> None:
    decisions = "ag真人\tgambling\tblock\t\t\t\t\ttest\ta casino brand\n"
    assert cl.lint(*_fixture(tmp_path, decisions, candidates="ag真人\n", listed="AG真人\n")) == []


def test_a_bad_header_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    curation, wordlists = _fixture(tmp_path, GOOD)
    (curation / "decisions.tsv").write_text("term\ttier\n", "utf-8")
    assert cl.main(["--lint", "--curation", str(curation), "--wordlists", str(wordlists)]) == 2
    assert "decisions.tsv:1: expected the header term | category | tier" in capsys.readouterr().err


def test_measuring_fills_the_counts_and_then_agrees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    curation, wordlists = _fixture(tmp_path, GOOD)
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("这条是彩金的，很好看\n今天天气不错\n", "utf-8")
    fbs = tmp_path / "fbs.jsonl"
    rows = [
        ("網賭平台注册送彩金", "IL:Gambling"),
        ("注册就送彩金，网址见下", "IL:Gambling"),
        ("明天开会", "Other"),
        ("彩金首饰店开业", "Other"),
        ("贷款秒批", "AD:Loan"),
    ]
    fbs.write_text(
        "".join(json.dumps({"text": t, "label": label}) + "\n" for t, label in rows), "utf-8"
    )
    lexicon = tmp_path / "lexicon.txt"
    lexicon.write_text("网赌\n其他\n", "utf-8")
    args = [
        "--corpus",
        str(corpus),
        "--fbs",
        str(fbs),
        "--lexicon",
        str(lexicon),
        "--curation",
        str(curation),
        "--wordlists",
        str(wordlists),
    ]

    assert cl.main([*args, "--update"]) == 0
    counts = {
        r["term"]: (r["clean_hits"], r["positive_hits"])
        for r in csv.DictReader((curation / "decisions.tsv").open(encoding="utf-8"), delimiter="\t")
    }
    # 網賭 folds to 网赌 (one positive); 彩金 counts as listed, with 注册|首存: both positives and
    # no clean line (alone it fires on two); the dropped 赌场 counts as a bare term
    assert counts == {
        "网赌": ("0", "1"),
        "彩金": ("0", "2"),
        "荷官": ("0", "0"),
        "赌场": ("0", "0"),
    }
    evidence = {
        r["term"]: r
        for r in csv.DictReader(
            (curation / "evidence" / "gambling.tsv").open(encoding="utf-8"), delimiter="\t"
        )
    }
    assert set(evidence) == {"网赌", "彩金", "荷官", "赌场", "彩金 + 注册|首存"}
    assert (evidence["彩金"]["clean_wxguard"], evidence["彩金 + 注册|首存"]["sources"]) == (
        "2",
        "decisions.tsv:3",
    )
    assert (evidence["网赌"]["lexicons"], evidence["赌场"]["lexicons"]) == (
        f"{tmp_path.name}/lexicon.txt",
        "",
    )

    assert cl.main(args) == 0  # the recorded counts now agree
    text = (
        (curation / "decisions.tsv")
        .read_text("utf-8")
        .replace("注册|首存\t\t0\t2", "注册|首存\t\t5\t2")
    )
    (curation / "decisions.tsv").write_text(text, "utf-8")
    capsys.readouterr()
    assert cl.main(args) == 1
    assert (
        "decisions.tsv:3: 彩金 + 注册|首存 (gambling) clean 5 -> 0, positive 2 -> 2"
        in capsys.readouterr().err
    )


def test_measuring_needs_data(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cl.main([])
    assert "give clean text" in capsys.readouterr().err
