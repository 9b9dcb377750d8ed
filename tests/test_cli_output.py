"""What the terminal shows: colour (NO_COLOR, FORCE_COLOR, a terminal), the closing summary,
--help, long lines in `full`, and message text that cannot drive the terminal or the log."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator

from wxguard import Guard, Report, Severity, Violation, catalog
from wxguard.cli import main
from wxguard.report import Reports, concise, full, github, sarif
from wxguard.report import json as json_report
from wxguard.report.html import BATCH_LIMIT, report_html, reports_html
from wxguard.report.html import page as html_page
from wxguard.report.links import rule_url
from wxguard.report.terminal import use_colour
from wxguard.sources import FileSettings, check_text

from .clitools import Cli

ROOT = Path(__file__).resolve().parents[1]
SGR = re.compile(r"\x1b\[[0-9;]*m")
# What must never reach a terminal from a message: C0 but the newline, DEL, C1, separators, bidi.
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


# -- colour -----------------------------------------------------------------------------------
def test_force_color_turns_colour_on(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    cli.write("a.txt", "出售冰毒\n")
    r = cli("check", "a.txt")
    assert r.out == (
        "\x1b[1ma.txt\x1b[0m:1:3: \x1b[1;31mWX104\x1b[0m \x1b[31m[error]\x1b[0m 毒品敏感词「冰毒」\n"
        "\x1b[1mFound 1 finding (1 error) in 1 message: 1 block.\x1b[0m\n"
    )
    full_out = cli("check", "--output-format", "full", "a.txt").out
    assert "\x1b[1;31m^^^^\x1b[0m" in full_out and SGR.sub("", full_out) != full_out
    cli.write("a.txt", "今天天气好\n")
    assert cli("check", "a.txt").out == "\x1b[1;32mAll checks passed!\x1b[0m\n"


@pytest.mark.parametrize("force", ["", "1"])
def test_no_color_turns_colour_off(cli: Cli, monkeypatch: pytest.MonkeyPatch, force: str) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", force)
    cli.write("a.txt", "出售冰毒\n")
    for fmt in ("concise", "full"):
        assert "\x1b" not in cli("check", "--output-format", fmt, "a.txt").out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_for_a_terminal_unless_told() -> None:
    assert use_colour(_Terminal(), {}) is True
    assert use_colour(io.StringIO(), {}) is False
    assert use_colour(io.StringIO(), {"FORCE_COLOR": "1"}) is True
    assert use_colour(_Terminal(), {"NO_COLOR": "1"}) is False
    assert use_colour(_Terminal(), {"NO_COLOR": ""}) is True  # an empty NO_COLOR does not count
    assert use_colour(_Terminal(), {"NO_COLOR": "1", "FORCE_COLOR": "1"}) is False


@pytest.mark.parametrize("fmt", ["json", "json-lines", "sarif", "github", "html"])
def test_machine_formats_have_no_colour_and_no_summary(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    cli.write("a.txt", "出售冰毒\n")
    out = cli("check", "--output-format", fmt, "a.txt").out
    assert "\x1b" not in out and "Found " not in out and "All checks passed" not in out
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "json-lines":
        assert [json.loads(line)["path"] for line in out.splitlines()] == ["a.txt"]
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and out.endswith("</html>\n")
    else:
        assert out.splitlines()[-1] == "wxguard: 1 finding in 1 file: 1 error, 0 warnings, 0 info"


# -- summary ----------------------------------------------------------------------------------
def test_summary_counts_findings_severities_and_verdicts(cli: Cli) -> None:
    cli.write(
        "wxguard.toml",
        'default-wordlists = false\nwords = { drugs = ["冰毒"] }\nseverity = { WX104 = "warning" }\n'
        'select = ["WX1", "WX0"]\n',
    )
    # two sentences: one sentence's words of a rule are one mark
    cli.write("a.txt", "冰毒\n冰毒。冰毒\n好\n今天 wxguard: ignore\n")
    r = cli("check", "a.txt")
    assert r.summary == "Found 4 findings (4 warnings) in 3 of 4 messages: 3 review, 1 pass."
    assert cli("check", "-q", "a.txt").summary is None
    assert (
        cli("check", "--statistics", "a.txt").out
        == "3\tWX104\tdrug-content\n1\tWX001\tunused-suppression\n"
    )


# -- help -------------------------------------------------------------------------------------
def test_help_explains_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--help"])
    assert exit_.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for option, words in [
        ("--output-format", "concise (default) and full are for people"),
        ("--fail-on", "the lowest severity that makes the exit code 1"),
        ("--lang", "language of messages"),
        ("--platform", "the platform whose limits and link policy apply"),
        ("--select", "repeatable"),
        ("--force-exclude", "pre-commit hook"),
    ]:
        assert option in text and words in text, option


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"]])
def test_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    text = " ".join(capsys.readouterr().out.split())
    assert "exit codes: 0 nothing at or above --fail-on" in text
    assert "1 findings at or above it; 2 usage, configuration or input errors" in text


# -- full: long lines ---------------------------------------------------------------------------
def test_full_shows_a_window_around_the_span_of_a_long_line(cli: Cli) -> None:
    line = (
        "今天天气很好，" * 150 + "出售冰毒" + "大家一起来玩" * 150
    )  # 1,954 characters, one message
    cli.write("long.txt", line + "\n")
    r = cli("check", "--output-format", "full", "long.txt")
    lines = r.out.splitlines()
    assert max(len(x) for x in lines) < 200, max(len(x) for x in lines)
    source = next(x for x in lines if x.startswith("1 | "))
    carets = lines[lines.index(source) + 1]
    assert source.startswith("1 | ...") and source.endswith("...") and "出售冰毒" in source
    before = source.index("冰毒") - len(
        "1 | ..."
    )  # CJK characters and full-width commas: two cells each
    assert carets == "  | " + " " * (len("...") + 2 * before) + "^^^^"


# -- html -----------------------------------------------------------------------------------
def test_html_is_a_page_of_the_same_html_as_reports_to_html(cli: Cli) -> None:
    cli.write("a.txt", "冰毒\n好\n" + "大麻\n" * (BATCH_LIMIT + 1))
    page = cli("check", "--output-format", "html", "a.txt").out
    flagged = Reports(
        Report.model_validate(r) for r in json.loads(cli("check", "--format", "json", "a.txt").out)
    )
    assert len(flagged) == BATCH_LIMIT + 2
    # Every flagged message is on the page, none counted away.
    assert reports_html(flagged, limit=None, checked=BATCH_LIMIT + 3) in page
    assert "not shown" not in page
    assert "<title>wxguard report</title>" in page and '<meta charset="utf-8">' in page
    few = Reports(flagged[:2])
    assert few.to_html() == few.to_html(limit=None) == few._repr_html_()
    assert few[0]._repr_html_() == few[0].to_html()


def test_html_page_counts_every_message_and_heads_each_with_file_and_line(cli: Cli) -> None:
    """The page's summary has the text summary's figures and counts the messages that
    passed too; each heading says where the message is (newuser-s4 item 9)."""
    cli.write("a.txt", "好\n出售冰毒\n今天天气好\n大麻\n")
    page = cli("check", "--format", "html", "a.txt").out
    assert (
        cli("check", "a.txt").summary
        == "Found 2 findings (2 errors) in 2 of 4 messages: 2 block, 2 pass."
    )
    assert "4 messages: 2 block, 0 review, 2 pass" in page
    assert "2 messages with no findings left out" in page
    headings = re.findall(r'<div class="wxguard-heading"><span[^>]*>([^<]*)</span>', page)
    assert headings == ["a.txt:2", "a.txt:4"]
    assert re.findall(r"<tr><td[^>]*>(a\.txt:\d)</td><td[^>]*>(\d+:\d+)</td>", page) == [
        ("a.txt:2", "2:3"),
        ("a.txt:4", "4:1"),
    ]
    cli.write("clean.txt", "好\n今天天气好\n")
    clean = cli("check", "--format", "html", "clean.txt").out
    assert "2 messages: 0 block, 0 review, 2 pass" in clean


def test_statistics_in_html_are_a_page_of_the_counts(cli: Cli) -> None:
    cli.write("a.txt", "冰毒\n大麻 冰毒\n好\n")
    r = cli("check", "--statistics", "--format", "html", "a.txt")
    assert r.code == 1 and r.err == ""
    assert r.out.startswith("<!DOCTYPE html>") and r.out.endswith("</html>\n")
    # 大麻 冰毒 stand in one sentence: one mark
    assert "<title>wxguard statistics</title>" in r.out and "2 findings by rule" in r.out
    row = re.search(r"<tr><td[^>]*>(\d+)</td><td[^>]*><a href=\"([^\"]+)\"[^>]*>(WX\d+)</a>", r.out)
    assert row is not None and row.group(1, 3) == ("2", "WX104")
    assert row.group(2) == rule_url(catalog().get("WX104"))
    assert "\t" not in r.out  # not the text table
    # and the messages, counted as the report page counts them (the clean one too)
    assert "3 messages: 2 block, 0 review, 1 pass" in r.out


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_statistics_leave_what_a_program_reads_whole(cli: Cli, fmt: str) -> None:
    """Code scanning parses the SARIF file and Actions reads each stdout line as a workflow
    command: the counts go to stderr, the findings stay in the format on stdout."""
    cli.write("a.txt", "冰毒\n大麻 冰毒\n好\n")
    r = cli("check", "--statistics", "--format", fmt, "a.txt")
    plain = cli("check", "--format", fmt, "a.txt")
    assert r.code == plain.code == 1
    assert r.out == plain.out
    if fmt == "sarif":
        assert len(json.loads(r.out)["runs"][0]["results"]) == 2
    else:
        assert [line[:8] for line in r.out.splitlines()[:2]] == ["::error "] * 2
    assert "\t" not in r.out  # not the text table
    assert r.err == f"2\tWX104\t{catalog().get('WX104').name}\n"


# -- HTML counts -------------------------------------------------------------------------------
def _violation(start: int, end: int) -> Violation:
    return Violation(
        rule="WX104",
        name="drug-content",
        category="drugs",
        severity=Severity.ERROR,
        start=start,
        end=end,
        text="冰毒",
        message="m",
        consequence="c",
    )


def test_html_counts_are_pluralised() -> None:
    report = Report(text="冰毒冰毒", violations=(_violation(0, 2), _violation(2, 4)))
    assert "2 errors" in report_html(report) and "2 error<" not in report_html(report)
    assert "1 error<" in report_html(Report(text="冰毒", violations=(_violation(0, 2),)))
    batch = reports_html([report, Report(text="好")])
    assert "2 messages: 1 block, 0 review, 1 pass" in batch


# -- nothing from a message drives the terminal or the log ---------------------------------------
HOSTILE = "关注\x1b[2J\x1b[H公众号领红包，出售冰毒\r覆盖\b\x0b\x0c\x7f\x9b31m\u202e反转\u2066隔离\u2069 HTTP://T.CN/\x1b[0m"


def test_terminal_escapes_in_a_message_are_shown_not_obeyed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.write(
        "wxguard.toml",
        'default-wordlists = false\nwords = { drugs = ["冰毒"] }\nselect = ["WX1", "WX2", "WX6"]\n',
    )
    name = "evil\x1b]0;title\x07.txt"
    cli.write(name, HOSTILE + "\n")
    for colour in ("", "1"):
        monkeypatch.setenv("FORCE_COLOR", colour)
        for fmt in ("concise", "full", "github"):
            r = cli("check", "--output-format", fmt, name)
            assert r.code == 1
            shown = SGR.sub("", r.out)
            assert not UNSAFE.search(shown), (fmt, [c for c in shown if UNSAFE.match(c)])
            assert "\x1b" not in shown
            assert "evil\\x1b]0;title\\x07.txt" in shown
        full_out = cli("check", "--output-format", "full", name).out
        assert (
            "关注\\x1b[2J\\x1b[H公众号领红包，出售冰毒\\r覆盖\\x08\\x0b\\x0c\\x7f\\x9b31m\\u202e反转\\u2066隔离\\u2069"
            in full_out
        )
    r = cli("check", "missing\x1b[2J.txt")
    assert r.err == "wxguard: error: missing\\x1b[2J.txt: No such file or directory\n"


def test_invisible_characters_in_a_file_name_are_shown(cli: Cli) -> None:
    """a<ZWJ>b.txt printed raw looked like ab.txt (audit of session 8)."""
    for name, shown in [
        ("a\u200db.txt", "a\\u200db.txt"),
        ("a\ufeffb.txt", "a\\ufeffb.txt"),
        ("a\U000e0041b.txt", "a\\U000e0041b.txt"),
    ]:
        cli.write(name, "出售冰毒\n")
        for fmt in ("concise", "full", "github"):
            out = cli("check", "--output-format", fmt, name).out
            assert shown in out and name not in out, (fmt, out)


BITS = st.sampled_from(
    [
        "冰毒",
        "出售",
        "http://t.cn/x",
        "FREE SHIPPING NOW",
        "\n",
        " ",
        "\t",
        "\x1b[2J",
        "\x1b]8;;",
        "\r",
        "\b",
        "\x0b",
        "\x0c",
        "\x7f",
        "\x85",
        "\x9b",
        "\u202e",
        "\u2067",
        "\u2028",
        "\u200f",
        "\u061c",
    ]
)
SMALL = Guard(default_wordlists=False, words={"drugs": ["冰毒"]}, select=["WX1", "WX2", "WX6"])


@given(
    st.lists(st.one_of(BITS, st.text(max_size=3)), max_size=30).map("".join),
    st.sampled_from(["txt", "md"]),
    st.booleans(),
)
@settings(max_examples=120, deadline=None)
def test_no_format_writes_a_control_or_bidi_character_of_a_message(
    text: str, kind: str, colour: bool
) -> None:
    settings_ = FileSettings(SMALL, None, (), SMALL.enabled_rules)
    reports = [r for r in check_text(text, kind, settings_, "f\x1b.txt") if r.violations]  # type: ignore[arg-type]
    for out in (
        concise.render(reports, colour),
        full.render(reports, colour),
        github.render(reports),
    ):
        assert not UNSAFE.search(SGR.sub("", out))
    assert not UNSAFE.search(html_page(reports).replace("\n", ""))
    documents = [
        json_report.render(reports),
        sarif.render(reports),
        *json_report.render_lines(reports).splitlines(),
    ]
    for out in documents:
        assert not UNSAFE.search(out.replace("\n", ""))
        json.loads(out)


# -- the CI example of docs/output-formats.md, run as written -------------------------------------
def test_the_docs_ci_example_runs_as_written(tmp_path: Path) -> None:
    docs = (ROOT / "docs" / "output-formats.md").read_text("utf-8")
    (command,) = re.findall(r"- run: (wxguard check [^\n]*)", docs)
    assert command == "wxguard check --output-format sarif copy/ > wxguard.sarif || true"
    if shutil.which("sh") is None:
        pytest.skip("no POSIX shell")
    (tmp_path / "copy" / "campaign").mkdir(parents=True)
    (tmp_path / "copy" / "promo.md").write_text(
        "# 双十一\n\n出售冰毒，[活动页](http://t.cn/abc)\n", "utf-8"
    )
    (tmp_path / "copy" / "campaign" / "day1.txt").write_text(
        "今天开播\n全网最低价，出售大麻\n", "utf-8"
    )
    bin_dir = str(Path(sys.executable).parent)
    proc = subprocess.run(
        ["sh", "-c", command],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    log = json.loads((tmp_path / "wxguard.sarif").read_text("utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0]
    results = log["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"copy/promo.md", "copy/campaign/day1.txt"}
    assert {"WX104", "WX205"} <= {r["ruleId"] for r in results}
    # one link, one mark: the http finding rides in the short link's result
    assert any("WX201" in r["properties"].get("also", []) for r in results)


def test_full_gives_a_fix_once(cli: Cli) -> None:
    """New-user trial s12: an unlabelled ad's message already says its fixes (a concise line
    is all many read), and the help line repeated them word for word; a fix the message does
    not give still gets its help line."""
    cli.write("wxguard.toml", 'select = ["WX4"]\n')
    cli.write("a.txt", "全场5折，原价199现价99，点击下单\n全网最低价，原价199现价99\n")
    out = cli("check", "--output-format", "full", "a.txt").out
    assert out.count("在开头加上【广告】") == 2  # once for each message
    assert out.count("= help:") == 1 and "= help: 改为「超值优惠」" in out
