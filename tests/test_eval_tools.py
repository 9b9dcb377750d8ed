"""The measuring instruments: benchmarks/eval_accuracy.py and scripts/curate_terms.py, on tiny
fixtures in tests/data/eval and tests/data/curate (never the shared data)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxguard import Guard, commercial_score
from wxguard.resources import wordlist_files

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "data" / "eval"
CURATE = ROOT / "tests" / "data" / "curate"


def _load(relative: str, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


ev = _load("benchmarks/eval_accuracy.py", "eval_accuracy")
ct = _load("scripts/curate_terms.py", "curate_terms")


# -- digits masked as x ------------------------------------------------------------------------
def test_fill_digits_gives_mobiles_and_round_numbers() -> None:
    assert (
        ev.fill_digits("原价xxx元现价xx元，电话xxxxxxxxxxx") == "原价100元现价10元，电话13812345678"
    )
    assert ev.fill_digits("x月x日 xx:xx 开抢，x.x折") == "1月1日 10:10 开抢，1.1折"
    assert ev.fill_digits("傻X，XXL码") == "傻X，XXL码"  # only lower-case x is a mask


@pytest.mark.parametrize(
    ("masked", "filled"),
    [
        ("详询xxxx-xxxxxxx", "详询0100-1000000"),
        ("传真xxx-xxxxxxxx", "传真010-10000000"),
        ("热线xxx-xxx-xxxx", "热线400-100-1000"),
        ("咨询xxx-xxxx-xxxx", "咨询138-1234-5678"),  # a mobile in groups
        ("订餐请拨 xxx xxxx xxxx", "订餐请拨 138 1234 5678"),
    ],
)
def test_filled_landlines_and_service_numbers_are_numbers_a_phone_has(
    masked: str, filled: str
) -> None:
    assert ev.fill_digits(masked) == filled
    # a labelled contact line, or a bare number (``phone``)
    assert {"contact", "phone"} & {s.kind for s in commercial_score(filled).signals}


def test_a_filled_mobile_is_seen_as_one() -> None:
    report = Guard(select=["WX5"]).check(ev.fill_digits("订餐电话xxxxxxxxxxx"))
    assert [v.rule for v in report.violations] == ["WX501"]


@given(st.text(alphabet=st.sampled_from("xX价元：1 号折"), max_size=40))
def test_fill_digits_only_turns_lower_case_x_into_digits(text: str) -> None:
    filled = ev.fill_digits(text)
    assert len(filled) == len(text)
    assert "x" not in filled
    for before, after in zip(text, filled, strict=True):
        assert after == before or (before == "x" and after.isdigit())


# -- the profanity selector --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "这种人就是傻逼",
        "真他妈恶心",
        "真是他妈的离谱",
        "他妈的，又堵车",
        "妈的，气死我了",
        "卧槽这么贵",
        "你是SB吗",
        "what the fuckkk",
        "草泥马",
        "去他妈的规矩",
        "艹，又输了",
        "傻X一个",
        "贱人就是矫情",
        "扯jb蛋",
    ],
)
def test_profanity_selects_swearing(text: str) -> None:
    assert ev.profanity(text), text


@pytest.mark.parametrize(
    "text",
    [
        "这个操作很简单",
        "别为我操心",
        "他妈妈是老师",
        "他一直听他妈的话",
        "主板是AMD SB700",
        "杂种优势是遗传学概念",
        "这手机太牛逼了",
        "屌丝逆袭",
        "早上出操",
        "看html源码",
        "体操比赛",
        "这人真垃圾",
        "黑人",
    ],
)
def test_profanity_leaves_ordinary_words_and_plain_insults(text: str) -> None:
    assert ev.profanity(text) == [], text


def test_profanity_names_the_group_and_the_words() -> None:
    assert ev.profanity("傻逼，他妈的") == [("逼 insults", "傻逼"), ("curses on family", "他妈")]


# -- metrics arithmetic ------------------------------------------------------------------------
def _judgement(
    error: frozenset[str] = frozenset(),
    warn: frozenset[str] = frozenset(),
    commercial: bool = False,
) -> object:
    return ev.Judgement(error, error | warn, commercial, 0.0, (), ())


def test_class_counts_count_rows_once_per_family_and_rule() -> None:
    judged = [
        _judgement(frozenset({"WX103", "WX101"}), frozenset({"WX109"})),
        _judgement(warn=frozenset({"WX401"}), commercial=True),
        _judgement(),
    ]
    counts = ev.class_counts(["a", "a", "b"], judged)
    a = counts["a"]
    assert (a.n, a.commercial, a.error, a.anything) == (2, 1, 1, 2)
    assert a.families_error == {"WX1": 1}  # two WX1 rules on one row: one row
    assert a.families == {"WX1": 1, "WX4": 1}
    assert a.rules_error == {"WX101": 1, "WX103": 1}
    assert a.as_json()["families"] == {"WX1": [1, 1], "WX4": [0, 1]}
    assert counts["b"].n == 1 and counts["b"].anything == 0


def test_rates_and_percentages() -> None:
    assert ev.rate(1, 3) == pytest.approx(1 / 3)
    assert ev.rate(0, 0) is None
    assert ev.pct(1, 3) == "33.3 %"
    assert ev.pct(0, 0) == "–"


def test_a_recall_measure_shows_misses_and_a_false_positive_measure_shows_hits() -> None:
    judged = [_judgement(frozenset({"WX103"})), _judgement(), _judgement(frozenset({"WX107"}))]
    recall = ev.make_measure("x.r", "t", "recall", [0, 1], judged, ev.has_rule("WX103"))
    fp = ev.make_measure("x.f", "t", "false-positive", [1, 2], judged, ev.has_any_error)
    assert (recall.hits, recall.n, recall.instructive()) == (1, 2, [1])
    assert (fp.hits, fp.n, fp.instructive()) == (1, 2, [2])


def test_compare_prints_each_figure_before_and_after() -> None:
    old = {"measures": {"d.m": {"title": "T", "hits": 1, "n": 4, "rate": 0.25}}, "classes": {}}
    new = {
        "measures": {
            "d.m": {"title": "T", "hits": 3, "n": 4, "rate": 0.75},
            "d.n": {"title": "U", "hits": 0, "n": 2, "rate": 0.0},
        },
        "classes": {},
    }
    out = ev.compare(old, new)
    assert "| d: T | 25.0 % | 75.0 % | +50.0 pp |" in out
    assert "| d: U | – | 0.0 % |  |" in out


def test_examples_are_shortest_first_without_near_duplicates_or_fragments() -> None:
    texts = [
        "澳门百家乐官网注册送彩金",
        "短",
        "澳门百家乐官网注册就送彩金",
        "代开各类发票联系我们",
        "一" * 30,
    ]
    assert ev.pick_examples(texts, range(5), 3) == [3, 0, 4]


# -- reading the data sets ---------------------------------------------------------------------
def test_data_sets_are_recognised_from_their_sources(tmp_path: Path) -> None:
    taken: set[str] = set()
    kinds = [
        ev.load_dataset(str(EVAL / f), taken).kind
        for f in ("spam_sms.jsonl", "fbs_sms.jsonl", "cold.jsonl")
    ]
    assert kinds == ["spam_sms", "fbs_sms", "cold"]
    again = ev.load_dataset(str(EVAL / "cold.jsonl"), taken)
    assert again.name == "cold[cold]"
    plain = tmp_path / "mine.jsonl"
    plain.write_text('{"text": "你好", "label": "ok"}\n', "utf-8")
    with pytest.raises(ev.EvalError, match="--dataset NAME="):
        ev.load_dataset(str(plain), set())
    assert ev.load_dataset(f"other={plain}", set()).kind == "other"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not a JSON line"),
        ('{"label": 1}', "'text' must be a string"),
        ('{"text": "a", "label": null}', "'label'"),
        ("[1]", "expected a JSON object"),
    ],
)
def test_bad_rows_are_named_by_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "好", "label": 0}\n' + line + "\n", "utf-8")
    with pytest.raises(ev.EvalError, match=re.escape(f"{path}:2: {problem}")):
        ev.read_jsonl(path)


def test_bad_input_is_an_error_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("{oops\n", "utf-8")
    assert ev.main([str(path)]) == 2
    assert f"error: {path}:1: not a JSON line" in capsys.readouterr().err


# -- the whole run -----------------------------------------------------------------------------
def test_the_report_gives_each_figure_and_compares_with_a_recording(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(EVAL / f) for f in ("spam_sms.jsonl", "fbs_sms.jsonl", "cold.jsonl")]
    out_json = tmp_path / "before.json"
    assert ev.main([*files, "--config", str(EVAL / "wxguard.toml"), "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    # The fixture lexicon knows 傻逼 (abuse) and 百家乐 (gambling) only.
    assert "| offensive rows with vulgar profanity, WX107 | 1/2 | 50.0 % | ≥ 90 % |" in out
    assert (
        "| safe without profanity, WX1 error-level finding (issue 14) | 1/2 | 50.0 % | ≤ 0.3 % |"
        in out
    )
    assert (
        "| normal without profanity, WX1 error-level finding (issue 14) | 1/2 | 50.0 % | ≤ 0.3 % |"
        in out
    )
    assert "| IL:Gambling with WX103 | 1/2 | 50.0 % | ≥ 85 % |" in out
    assert "| Other (legitimate) with any error-level finding | 0/1 | 0.0 % | 0 |" in out
    assert "订餐电话13812345678" in out  # a miss after filling, shown filled
    assert "`fbs_sms.jsonl:2` 真人视讯充值送彩金(链接)" in out
    data = json.loads(out_json.read_text("utf-8"))
    assert data["measures"]["cold.offensive-profane.WX107"] == {
        "title": "offensive rows with vulgar profanity, WX107",
        "kind": "recall",
        "hits": 1,
        "n": 2,
        "rate": 0.5,
        "target": "≥ 90 %",
    }
    assert data["classes"]["spam_sms"]["digits-filled"]["1"]["n"] == 3
    assert data["classes"]["cold"]["given"]["0"]["rules"]["WX103"] == [1, 1]
    assert [f["rows"] for f in data["meta"]["files"]] == [7, 5, 6]
    assert (
        ev.main(
            [
                *files,
                "--config",
                str(EVAL / "wxguard.toml"),
                "--examples",
                "0",
                "--compare",
                str(out_json),
            ]
        )
        == 0
    )
    compared = capsys.readouterr().out.split("## Compared with", 1)[1]
    assert (
        "| cold: offensive rows with vulgar profanity, WX107 | 50.0 % | 50.0 % | +0.0 pp |"
        in compared
    )
    assert "Family cells that moved" not in compared


def test_select_narrows_the_rules(capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(EVAL / "cold.jsonl"), "--config", str(EVAL / "wxguard.toml"), "--select", "WX103"]
    assert ev.main(args) == 0
    assert (
        "| offensive rows with vulgar profanity, WX107 | 0/2 | 0.0 % |" in capsys.readouterr().out
    )


def test_every_message_family_of_the_catalog_gets_a_column() -> None:
    families = ev.message_families()
    assert families[:7] == ["WX1", "WX2", "WX3", "WX4", "WX5", "WX6", "WX7"]
    assert "WX0" not in families


# -- curate_terms ------------------------------------------------------------------------------
def test_candidates_are_read_once_with_every_source() -> None:
    found = ct.read_candidates([CURATE / "candidates.txt", CURATE / "more.txt"])
    assert list(found) == ["网络赌博", "赌博", "毒品", "办假证", "代开发票", "发票", "赌", "百家乐"]
    assert found["发票"].sources == ["candidates.txt:7", "more.txt:1"]
    assert found["办假证"].sources == [
        "candidates.txt:5"
    ]  # the inline comment is not part of the term


def test_raw_counts_count_lines_not_occurrences() -> None:
    assert ct.raw_counts(
        ["赌博", "发票", "无"], ["赌博害人，远离赌博", "请开具发票", "网络赌博"]
    ) == [2, 1, 0]


def test_the_wxguard_count_agrees_with_one_guard_per_term() -> None:
    """reported_terms skips the Guard's choice between overlapping terms; every other
    judgement must be the Guard's own."""
    terms = ["网络赌博", "赌博", "毒品", "办假证", "代开发票", "发票", "开发"]
    lines = [
        "新闻说他因为网络赌博被抓了",
        "这家店的消毒品牌很好",
        "办假証，快速出证",
        "办jia证找我",
        "代开发票，联系我",
        "请开具发票",
        "软件开发工程师",
        "远离毒品珍爱生命",
    ]
    lexicon = ct.candidate_lexicon(terms, allow=True)
    allow_lists = [p for p in wordlist_files() if p.name == "allow.txt"]
    for term in terms:
        guard = Guard(
            words={"candidate": [term]},
            default_wordlists=False,
            wordlists=allow_lists,
            select=["WX1"],
        )
        for line in lines:
            report = guard.check(line)
            expected = {v.term: v.rule != "WX109" for v in report.violations}
            got = {t: exact for t, exact in ct.reported_terms(lexicon, line).items() if t == term}
            assert got == expected, (term, line)
    # ... and, unlike one Guard of all terms, sees a term inside a longer one.
    assert ct.reported_terms(lexicon, "网络赌博") == {"网络赌博": True, "赌博": True}


def test_candidates_in_the_word_list_syntax_are_measured_by_their_line() -> None:
    lines = ["代开{*}发票", "开户 + 网址|彩票", "傻{逼}"]
    lexicon = ct.candidate_lexicon(lines, allow=True)
    assert ct.reported_terms(lexicon, "代开各类发票") == {"代开{*}发票": True}
    assert ct.reported_terms(lexicon, "开户请上网址") == {"开户 + 网址|彩票": True}
    assert ct.reported_terms(lexicon, "开户") == {}
    assert ct.reported_terms(lexicon, "你个傻X") == {"傻{逼}": True}
    assert "needs letters on both sides" in ct.rejection("代开{*}")
    assert ct.rejection("开户 + 网址") == ""


def test_the_tsv_puts_useful_and_dangerous_terms_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "terms.tsv"
    args = [
        str(CURATE / "candidates.txt"),
        str(CURATE / "more.txt"),
        "--clean",
        str(CURATE / "clean.txt"),
        "--clean-jsonl",
        str(CURATE / "labelled.jsonl"),
        "--positive-jsonl",
        str(CURATE / "labelled.jsonl"),
        "--label",
        "1",
        "-o",
        str(out),
    ]
    assert ct.main(args) == 0
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].split("\t") == list(ct.COLUMNS)
    rows = {r.split("\t")[0]: r.split("\t") for r in lines[1:]}
    groups = [r.split("\t")[7] for r in lines[1:]]
    assert groups == sorted(groups, key=ct.GROUPS.index)
    # term, sources, clean raw, clean wxguard, sound-only, positive, jieba, group, note
    assert rows["代开发票"][2:8] == ["0", "0", "0", "1", "no", "useful"]
    assert rows["办假证"][5] == "1"  # 办假証 in a positive row: traditional folded
    assert rows["毒品"][2:8] == ["2", "1", "0", "0", "yes", "dangerous"]  # 消毒品牌 is raw only
    assert rows["赌博"][2:4] == ["2", "2"] and rows["赌博"][5] == "1"  # inside 网络赌博 too
    assert rows["发票"][1] == "candidates.txt:7,more.txt:1"
    assert rows["赌"][7:] == [
        "rejected",
        "single-character term '赌' would flag ordinary text; use a longer phrase",
    ]
    assert "8 candidates, 6 clean lines, 3 positive rows" in capsys.readouterr().err


@pytest.mark.slow
def test_workers_give_the_same_counts() -> None:
    clean = (CURATE / "clean.txt").read_text("utf-8").splitlines() * 3
    lexicon = ct.candidate_lexicon(["赌博", "毒品", "发票"], allow=True)
    assert ct.wxguard_counts(lexicon, clean, 1) == ct.wxguard_counts(lexicon, clean, 0)


def test_curate_errors_name_the_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("赌博\n".encode() + b"\xff\xfe\n")
    assert ct.main([str(bad), "--clean", str(CURATE / "clean.txt")]) == 2
    assert f"error: {bad}:2: not valid UTF-8" in capsys.readouterr().err
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text('{"text": "好", "label": 0}\n{"text": 1}\n', "utf-8")
    assert ct.main([str(CURATE / "candidates.txt"), "--clean-jsonl", str(jsonl)]) == 2
    assert (
        f"error: {jsonl}:2: expected an object with 'text' and 'label'" in capsys.readouterr().err
    )
