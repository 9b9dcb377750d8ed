"""`wxguard rules` and `wxguard explain`."""

from __future__ import annotations

import json

import pytest

from wxguard import catalog
from wxguard.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_rules_table_has_one_aligned_row_per_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    rows = out.splitlines()
    assert code == 0 and [row.split()[0] for row in rows] == [r.code for r in catalog().rules]
    assert len({row.index(row.split()[2]) for row in rows}) == 1  # the name column is aligned
    assert ["WX402", "error", "absolute-terms"] in [row.split()[:3] for row in rows]


def test_rules_json_is_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "--output-format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and [d["code"] for d in data] == [r.code for r in catalog().rules]
    assert data[0]["pass"] == catalog().rules[0].pass_ and "fail" in data[0]


@pytest.mark.parametrize("key", ["WX301", "wx301", "share-for-reward"])
def test_explain_by_code_or_name(capsys: pytest.CaptureFixture[str], key: str) -> None:
    rule = catalog().get("WX301")
    code, out, _ = run(["explain", key], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "WX301 share-for-reward [error]"
    labels = [line.split(":", 1)[0] for line in lines[1:]]
    assert labels == ["family", "what", "why", "consequence", "fix", "fails", "passes"]
    assert f"fails:       {rule.fail}" in lines and f"passes:      {rule.pass_}" in lines
    assert rule.consequence_zh in out and rule.why_en in out


def test_explain_shows_line_breaks_in_examples(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["explain", "WX602"], capsys)
    assert "fails:       一\\n二\\n三\\n四\\n五" in out


def test_rules_table_shows_the_severity_of_each_case(capsys: pytest.CaptureFixture[str]) -> None:
    """WX208 is a warning for a bare punycode name but an error when it passes for a brand
    (new-user trial: the table said warning while spoofs came out as errors)."""
    _, out, _ = run(["rules"], capsys)
    row = next(line for line in out.splitlines() if line.startswith("WX208"))
    assert row.split()[1] == "warning/error"
    _, out, _ = run(["explain", "WX208"], capsys)
    assert out.splitlines()[0] == "WX208 lookalike-domain [warning/error]"
    assert "(error)" in catalog().get("WX208").summary_en
