"""Every output format against golden files, plus the contracts each format promises:
SARIF validates against the OASIS schema, JSON against the published Report schema,
GitHub annotations are escaped as the Actions toolkit does, HTML escapes everything.

Set WXGUARD_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, Draft202012Validator

from wxguard import Report, Reports, Severity, Violation
from wxguard.report.full import cell_width
from wxguard.report.github import escape_data, escape_property
from wxguard.report.html import highlight, report_html
from wxguard.sources import Overrides, Project, check_text

from .clitools import Cli

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
ROOT = HERE.parent
UPDATE = os.environ.get("WXGUARD_UPDATE_GOLDEN") == "1"

PROMO_MD = """\
---
title: 双十一冰毒
---
# 双十一预售 🧧

🧧 全场出售冰毒，`冰毒` 在代码里不算。
稳`x`赚不算，稳赚算。

<!-- wxguard-disable-next-line WX104 -->
这一行的大麻被抑制。
<!-- wxguard-disable WX108 -->

```text
出售冰毒
```

详见[链接](https://example.com/冰毒)。
"""
SALE_TXT = "限时5折，100%好评：出售大麻\n正常文案\n冰毒 wxguard: ignore[WX104]\n稳 赚 wxguard: ignore[WX104]\n"
INPUTS = {"copy/promo.md": PROMO_MD, "copy/sale,50%.txt": SALE_TXT}
EXTENSIONS = {
    "concise": "txt",
    "full": "txt",
    "json": "json",
    "json-lines": "jsonl",
    "sarif": "sarif",
    "github": "txt",
}


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, "utf-8")
    assert path.read_text("utf-8") == actual, f"{name} changed; WXGUARD_UPDATE_GOLDEN=1 rewrites it"


def run_format(cli: Cli, fmt: str) -> str:
    for name, text in INPUTS.items():
        cli.write(name, text)
    r = cli("check", "--output-format", fmt, *INPUTS)
    assert (r.code, r.err) == (1, "")
    return r.out


@pytest.mark.parametrize("fmt", list(EXTENSIONS))
def test_golden_output(cli: Cli, fmt: str) -> None:
    out = run_format(cli, fmt)
    if fmt == "sarif":
        # The rule descriptors are the whole catalog, whose texts other rules' owners edit;
        # the golden keeps their ids and test_sarif_content checks their fields.
        log = json.loads(out)
        driver = log["runs"][0]["tool"]["driver"]
        driver["rules"] = [rule["id"] for rule in driver["rules"]]
        out = json.dumps(log, ensure_ascii=False, indent=2) + "\n"
    golden(
        f"check.{EXTENSIONS[fmt]}" if fmt == "concise" else f"check-{fmt}.{EXTENSIONS[fmt]}", out
    )


def test_golden_html(cli: Cli) -> None:
    for name, text in INPUTS.items():
        cli.write(name, text)
    settings = Project(Overrides()).settings(Path("copy/promo.md"))
    reports = Reports(
        r
        for name, text in INPUTS.items()
        for r in check_text(text, "md" if name.endswith(".md") else "txt", settings, name)
    )
    golden("reports.html", reports.to_html() + "\n")


def test_concise_positions_count_code_points(cli: Cli) -> None:
    lines = run_format(cli, "concise").splitlines()
    assert lines[0] == "copy/promo.md:6:7: WX104 [error] 毒品敏感词「冰毒」"  # 🧧 is one column
    assert lines[1].startswith("copy/promo.md:7:9: WX108 ")  # 稳`x`赚 is no match, 稳赚 after it is
    assert lines[2].startswith("copy/promo.md:11:1: WX001 [warning] 抑制注释未抑制任何问题：WX108")
    assert (
        len(lines) == 7
        and lines[6]
        == "Found 6 findings (4 errors, 2 warnings) in 3 of 5 messages: 3 block, 2 pass."
        " 2 findings suppressed by comments or per-file-ignores."
    )


# -- SARIF ----------------------------------------------------------------------------------
def test_sarif_validates_against_the_oasis_schema(cli: Cli) -> None:
    schema = json.loads((HERE / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    log = json.loads(run_format(cli, "sarif"))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0]


def test_sarif_content(cli: Cli) -> None:
    from wxguard import catalog

    run = json.loads(run_format(cli, "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in catalog().rules]
    for descriptor in rules:
        assert descriptor["helpUri"].endswith(
            f"docs/rules.md#{descriptor['id'].lower()}-{descriptor['name']}"
        )
        assert descriptor["shortDescription"]["text"] and descriptor["fullDescription"]["text"]
        assert descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert {r["level"] for r in results} == {"error", "warning"}
    first = results[0]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        6,
        7,
        6,
        9,
    )
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"copy/promo.md", "copy/sale,50%25.txt"}
    prints = [r["partialFingerprints"]["wxguard/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def test_a_finding_a_mark_took_in_is_pointed_at_where_it_stands(cli: Cli) -> None:
    """An absorbed finding on another line (new-user trial s17: 出售冰毒 … 帮我砍一刀) has its own
    location in JSON and is a SARIF related location, so an editor can point at line 3."""
    cli.write(
        "wxguard.toml",
        'default-wordlists = false\nselect = ["WX1", "WX3"]\nwords = { drugs = ["冰毒"] }\n',
    )
    cli.write("two.md", "出售冰毒\n\n帮我砍一刀\n")
    (report,) = json.loads(cli("check", "--output-format", "json", "two.md").out)
    (mark,) = report["violations"]
    assert [(a["rule"], a["location"]["line"]) for a in mark["also"]] == [("WX305", 3)]
    (result,) = json.loads(cli("check", "--output-format", "sarif", "two.md").out)["runs"][0][
        "results"
    ]
    (related,) = result["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == 3
    assert related["physicalLocation"]["region"]["snippet"] == {"text": "帮我砍一刀"}


def test_sarif_fingerprints_survive_lines_added_above(cli: Cli) -> None:
    before = json.loads(run_format(cli, "sarif"))["runs"][0]["results"]
    cli.write("copy/sale,50%.txt", "新加的一行\n" + SALE_TXT)
    r = cli("check", "--output-format", "sarif", *INPUTS)
    after = json.loads(r.out)["runs"][0]["results"]
    assert [x["partialFingerprints"] for x in after] == [x["partialFingerprints"] for x in before]


# -- JSON -----------------------------------------------------------------------------------
def test_json_follows_the_published_schema_and_round_trips(cli: Cli) -> None:
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema)
    records = json.loads(run_format(cli, "json"))
    lines = [json.loads(line) for line in run_format(cli, "json-lines").splitlines()]
    assert records == lines and len(records) == 3
    for record in records:
        assert not list(validator.iter_errors(record))
        assert Report.model_validate(record).model_dump(mode="json") == record
        for v in record["violations"]:
            assert record["text"][v["start"] : v["end"]] == v["text"]
    assert [(r["path"], r["line"]) for r in records] == [
        ("copy/promo.md", 1),
        ("copy/sale,50%.txt", 1),
        ("copy/sale,50%.txt", 4),
    ]


# -- GitHub ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),
        ("全角：，", "全角：，", "全角：，"),
    ],
)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data and escape_property(raw) == prop


def _unescape(text: str) -> str:
    return re.sub(
        "%(25|0D|0A|3A|2C)",
        lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m.group(1)],
        text,
    )


def test_github_annotations_parse_back(cli: Cli) -> None:
    lines = run_format(cli, "github").splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert [a.split(" ", 1)[0] for a in annotations] == ["::error"] * 4 + ["::warning"] * 2
    assert lines[-1] == "wxguard: 6 findings in 2 files: 4 errors, 2 warnings, 0 info"
    for a in annotations:
        head, message = a[2:].split("::", 1)
        props = dict(item.split("=", 1) for item in head.split(" ", 1)[1].split(","))
        assert set(props) == {"title", "file", "line", "col", "endLine", "endColumn"}
        path = _unescape(props["file"])
        assert _unescape(message).startswith(f"{path}:{props['line']}:{props['col']}: ")
    assert any("file=copy/sale%2C50%25.txt" in a for a in annotations)


def test_github_multi_line_span_has_no_columns() -> None:
    from wxguard.report.github import annotation

    v = _violation(0, 4, "error").model_copy(update={"text": "a\nbc"})
    report = Report(text="a\nbc", violations=(v,)).located("x.md", 1)
    line = annotation(report, report.violations[0])
    assert ",col=" not in line and "endColumn" not in line and "line=1,endLine=2" in line


# -- full -----------------------------------------------------------------------------------
def test_full_carets_follow_display_width(cli: Cli) -> None:
    out = run_format(cli, "full")
    block = out.split("\n\n")[0].splitlines()
    source, carets = block[2], block[3]
    assert source == "6 | 🧧 全场出售冰毒，`冰毒` 在代码里不算。"
    assert carets == "  |" + " " * (1 + 2 + 1 + 2 * 4) + "^^^^"
    assert [cell_width(c) for c in "a冰🧧\u200b\t\x1b\u202e"] == [
        1,
        2,
        2,
        6,
        4,
        4,
        6,
    ]  # escapes: \u200b, \x1b, \u202e


# -- HTML -----------------------------------------------------------------------------------
def _violation(start: int, end: int, severity: str, rule: str = "WX104") -> Violation:
    return Violation(
        rule=rule,
        name="drug-content",
        category="drugs",
        severity=Severity(severity),
        start=start,
        end=end,
        text="",
        message=f"<b>{rule}</b> $x$",
        consequence="c",
    )


def test_html_escapes_user_text_and_keeps_mathjax_away() -> None:
    text = '<script>alert("x")</script> 价格 $5 与 ¥10 & more'
    html = Report(text=text, violations=(_violation(1, 7, "error"),)).to_html()
    assert "<script" not in html and "&lt;/script&gt;" in html
    assert "tex2jax_ignore" in html and "$5" in html
    assert "&lt;b&gt;WX104&lt;/b&gt;" in html and "<b>" not in html
    assert not re.search(r"\son\w+=", html)


def test_overlapping_marks_never_interleave() -> None:
    text = "0123456789"
    violations = [
        _violation(1, 6, "warning", "WX402"),
        _violation(4, 9, "error", "WX104"),
        _violation(2, 3, "info", "WX603"),
    ]
    html = highlight(text, violations)
    depth = 0
    for tag in re.findall(r"</?mark", html):
        depth += 1 if tag == "<mark" else -1
        assert depth in (0, 1)
    assert depth == 0
    assert re.sub(r"<[^>]+>|WX\d{3}", "", html) == text
    marks = re.findall(
        r'<mark class="wxguard-mark wxguard-(\w+)" title="([^"]*)"[^>]*>([^<]*)', html
    )
    assert [(sev, body) for sev, _, body in marks] == [
        ("warning", "1"),
        ("warning", "2"),
        ("warning", "3"),
        ("error", "45"),
        ("error", "678"),
    ]
    assert "WX402" in marks[1][1] and "WX603" in marks[1][1]
    assert "WX402" in marks[3][1] and "WX104" in marks[3][1]


def test_zero_length_violation_is_still_shown() -> None:
    html = highlight("abc", [_violation(1, 1, "warning")])
    assert html.startswith("a<mark") and html.endswith("</mark>bc")


def test_mimebundle_honours_include_and_exclude() -> None:
    report = Report(
        text="冰毒", violations=(_violation(0, 2, "error").model_copy(update={"text": "冰毒"}),)
    )
    bundle = report._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html"}
    assert bundle["text/plain"] == "block: 1 error\n1:1: WX104 [error] <b>WX104</b> $x$"
    assert set(report._repr_mimebundle_(include=["text/plain"])) == {"text/plain"}
    assert set(report._repr_mimebundle_(exclude=["text/plain"])) == {"text/html"}
    batch = Reports([report, Report(text="好")])
    assert batch._repr_mimebundle_()["text/plain"].splitlines()[0] == "2 messages"
    assert "1 block, 0 review, 1 pass" in batch.to_html()


def test_a_batch_prints_short_and_displays_as_html() -> None:
    bad = Report(text="冰毒", violations=(_violation(0, 2, "error"),))
    batch = Reports([bad, Report(text="好"), Report(text="好")])
    assert repr(batch) == str(batch) == "Reports(3 messages: 1 block, 0 review, 2 pass)"
    assert repr(Reports()) == "Reports(0 messages: 0 block, 0 review, 0 pass)"
    assert batch == [bad, Report(text="好"), Report(text="好")]  # still a list
    assert batch._repr_html_() == batch.to_html() and bad._repr_html_() == bad.to_html()


def test_reports_filter() -> None:
    bad = Report(text="冰毒", violations=(_violation(0, 2, "error"),))
    good = Report(text="好")
    batch = Reports([bad, good])
    assert batch.filter(rule="WX1") == [bad] and batch.filter(rule="wx104") == [bad]
    assert batch.filter(rule="WX2") == [] and batch.filter(verdict="pass") == [good]
    assert isinstance(batch.filter(), Reports)


def test_report_html_single() -> None:
    html = report_html(Report(text="好"))
    assert "PASS" in html and "no findings" in html and "<table" not in html


def _shown(html: str) -> str:
    """What a reader sees: the text with each group of labels as [codes]."""
    html = re.sub(r'<span class="wxguard-labels"[^>]*>(.*?)</span></span>', r"[\1]", html)
    html = re.sub(r'<span class="wxguard-label[^"]*"[^>]*>(WX\d{3})', r" \1", html)
    return re.sub(r"<[^>]+>", "", html).replace("[ ", "[")


def test_labels_never_split_a_word_and_labels_at_one_place_are_grouped() -> None:
    """Issue 14: 全网最低 WX401 WX403 WX404 价 WX402 cut the word 最低价 with labels."""
    text = "全网最低价，快来买"
    stacked = [_violation(0, 4, "warning", code) for code in ("WX401", "WX403", "WX404")]
    html = highlight(text, [*stacked, _violation(0, 5, "error", "WX402")])
    assert _shown(html) == "全网最低价[WX401 WX403 WX404 WX402]，快来买"
    assert html.count('class="wxguard-labels"') == 1


def test_a_label_goes_to_the_end_of_the_word_its_span_ends_in() -> None:
    assert (
        _shown(highlight("消毒品牌很好用", [_violation(1, 3, "error")])) == "消毒品牌[WX104]很好用"
    )
    assert (
        _shown(highlight("buy ABCDEF now", [_violation(4, 7, "error")])) == "buy ABCDEF[WX104] now"
    )


def test_a_label_does_not_cut_a_highlighted_run() -> None:
    text = "今天天气很好，我们去公园"
    html = highlight(text, [_violation(0, 3, "warning", "WX402"), _violation(2, 4, "error")])
    assert _shown(html) == "今天天气[WX402 WX104]很好，我们去公园"


def test_a_merged_finding_shows_the_codes_it_absorbed_in_its_label() -> None:
    kept = _violation(0, 2, "warning", "WX808").model_copy(
        update={"also": (_violation(0, 2, "warning", "WX503"),)}
    )
    assert _shown(highlight("卡号，好", [kept])) == "卡号[WX808 WX503]，好"
