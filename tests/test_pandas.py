"""``wxguard.pandas``: a column of messages to a findings frame and a verdict per message."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas", reason="needs pandas: pip install '.[scale]'")

from wxguard import Guard, Message, WxguardError  # noqa: E402
from wxguard.pandas import COLUMNS, SEVERITY, VERDICT, check, findings_frame, verdicts  # noqa: E402

# (label, message, [(rule, start, end)] it must produce, verdict)
CASES = [
    ("clean", "今晚八点直播，准时开始", [], "pass"),
    ("drug", "出售冰毒", [("WX104", 2, 4)], "block"),
    ("two", "傻逼，出售大麻", [("WX107", 0, 2), ("WX104", 5, 7)], "block"),
    ("allowed", "大麻烦来了", [], "pass"),
    ("disguised", "出售 冰 毒", [("WX104", 3, 6)], "block"),
    ("empty", "", [], "pass"),
]


@pytest.fixture(scope="module")
def series() -> pd.Series:
    return pd.Series(
        [text for _, text, _, _ in CASES], index=pd.Index([k for k, *_ in CASES], name="id")
    )


def test_one_row_per_violation_indexed_by_its_message(guard: Guard, series: pd.Series) -> None:
    found = findings_frame(series, guard)
    expected = [(label, *span) for label, _, spans, _ in CASES for span in spans]
    assert list(zip(found.index, found.rule, found.start, found.end, strict=True)) == expected
    assert found.index.name == "id"
    assert (found.text == [series[label][s:e] for label, _, s, e in expected]).all()
    assert (
        found.loc["drug", "term"] == "冰毒" and found.loc["drug", "message"] == "毒品敏感词「冰毒」"
    )


def test_columns_and_dtypes(guard: Guard, series: pd.Series) -> None:
    found = findings_frame(series, guard)
    assert tuple(found.columns) == COLUMNS
    assert found.severity.dtype == SEVERITY
    assert {c: str(found[c].dtype) for c in ("start", "end", "confidence")} == {
        "start": "int64",
        "end": "int64",
        "confidence": "float64",
    }
    strings = ("rule", "name", "category", "text", "term", "techniques", "message")
    assert all(isinstance(found[c].dtype, pd.StringDtype) for c in strings)
    assert found.loc["disguised", "techniques"] == "noise" and found.loc["drug", "techniques"] == ""
    assert found[found.severity >= "warning"].shape[0] == 4


@pytest.mark.parametrize(
    "messages", [[], ["今晚八点直播"], pd.Series([None, float("nan")], dtype=object)]
)
def test_nothing_found_is_an_empty_frame_with_the_same_columns(
    guard: Guard, series: pd.Series, messages: object
) -> None:
    empty = findings_frame(messages, guard)  # type: ignore[arg-type]
    assert empty.empty
    pd.testing.assert_series_equal(empty.dtypes, findings_frame(series, guard).dtypes)


def test_verdicts_align_with_the_input(guard: Guard, series: pd.Series) -> None:
    verdict = verdicts(series, guard)
    assert verdict.dtype == VERDICT and verdict.name == "verdict"
    assert verdict.index.equals(series.index)
    assert verdict.tolist() == [v for *_, v in CASES]
    assert list(verdict[verdict >= "review"].index) == ["drug", "two", "disguised"]


def test_missing_messages_have_no_findings_and_no_verdict(guard: Guard) -> None:
    texts = pd.Series(
        ["出售冰毒", None, float("nan"), pd.NA, "出售冰毒"],
        index=[10, 20, 30, 40, 50],
        dtype=object,
    )
    found, verdict = check(texts, guard)
    assert list(found.index) == [10, 50]
    assert verdict.isna().tolist() == [False, True, True, True, False]


def test_check_is_both_in_one_pass(guard: Guard, series: pd.Series) -> None:
    found, verdict = check(series, guard)
    pd.testing.assert_frame_equal(found, findings_frame(series, guard))
    pd.testing.assert_series_equal(verdict, verdicts(series, guard))


def test_any_iterable_is_indexed_by_position_and_takes_messages(guard: Guard) -> None:
    found = findings_frame(
        iter(["今晚八点直播", Message(text="出售冰毒", platform="dingtalk")]), guard
    )
    assert list(found.index) == [1] and found.rule.tolist() == ["WX104"]


def test_a_frame_joins_back_onto_its_messages(guard: Guard) -> None:
    df = pd.DataFrame({"text": ["出售冰毒", "今晚八点直播"]}, index=["a", "b"])
    found = findings_frame(df["text"], guard)
    joined = df.merge(found, left_index=True, right_index=True, suffixes=("", "_found"))
    assert joined[["text", "rule", "text_found"]].values.tolist() == [["出售冰毒", "WX104", "冰毒"]]


def test_a_bad_value_is_an_error_naming_its_type(guard: Guard) -> None:
    with pytest.raises(WxguardError, match="not int"):
        findings_frame(pd.Series([1, 2]), guard)


def test_workers_give_the_same_frame(guard: Guard, series: pd.Series) -> None:
    pd.testing.assert_frame_equal(
        findings_frame(series, guard, workers=2), findings_frame(series, guard)
    )


def test_default_guard_and_doc_example() -> None:
    found, verdict = check(pd.Series(["出售冰毒", "今晚八点直播"], index=["a", "b"]))
    assert found.rule.tolist() == ["WX104"] and verdict.tolist() == ["block", "pass"]


def test_import_wxguard_does_not_import_pandas() -> None:
    code = "import sys, wxguard; sys.exit('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="出售冰毒大麻傻逼 ，!a", max_size=12), max_size=8))
def test_rows_are_the_reports_violations(guard: Guard, texts: list[str]) -> None:
    found, verdict = check(texts, guard)
    reports = [guard.check(t) for t in texts]
    assert len(found) == sum(len(r.violations) for r in reports)
    assert verdict.tolist() == [r.verdict.value for r in reports]
    for position, row in zip(found.index, found.itertuples(index=False), strict=True):
        assert row.text == texts[position][row.start : row.end]
