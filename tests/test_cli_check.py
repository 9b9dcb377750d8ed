"""`wxguard check`: reading files and stdin, exit codes, options and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .clitools import Cli


def test_txt_is_checked_line_by_line(cli: Cli) -> None:
    cli.write("copy.txt", "第一行没问题\n🧧🧧出售冰毒\n\n稳 赚\n")
    r = cli("check", "copy.txt")
    assert (r.code, r.err) == (1, "")
    assert r.out == (
        "copy.txt:2:5: WX104 [error] 毒品敏感词「冰毒」\n"
        "copy.txt:4:1: WX108 [error] 自定义词库（custom）命中「稳赚」 (via noise)\n"
        "Found 2 findings (2 errors) in 2 of 3 messages: 2 block, 1 pass.\n"
    )


def test_markdown_is_checked_as_prose_with_exact_positions(cli: Cli) -> None:
    cli.write(
        "copy.md",
        "# 标题\n\n正文 `冰毒` 正文\n\n```\n冰毒\n```\n\n[大麻](https://x/冰毒) 之后。冰毒\n",
    )
    r = cli("check", "copy.md")
    assert r.code == 1
    assert r.findings == [
        "copy.md:9:2: WX104 [error] 毒品敏感词「大麻」",
        "copy.md:9:23: WX104 [error] 毒品敏感词「冰毒」",
    ]


@pytest.mark.parametrize(
    ("content", "args", "code"),
    [
        ("今天天气好\n", [], 0),
        ("出售冰毒\n", [], 1),
        ("出售冰毒\n", ["--exit-zero"], 0),
        ("出售冰毒\n", ["--fail-on", "warning"], 1),
        ("今天 wxguard: ignore\n", [], 0),  # WX001 is a warning
        ("今天 wxguard: ignore\n", ["--fail-on", "warning"], 1),
        ("今天 wxguard: ignore\n", ["--fail-on", "info"], 1),
        ("出售冰毒\n", ["--ignore", "WX104"], 0),
        ("出售冰毒\n", ["--select", "WX2"], 0),
    ],
)
def test_exit_codes(cli: Cli, content: str, args: list[str], code: int) -> None:
    cli.write("copy.txt", content)
    assert cli("check", *args, "copy.txt").code == code


def test_exit_zero_still_exits_2_on_errors(cli: Cli) -> None:
    assert cli("check", "--exit-zero", "missing.txt").code == 2


@pytest.mark.parametrize(
    ("setup", "error"),
    [
        ("missing", "wxguard: error: missing.txt: No such file or directory\n"),
        ("binary", "wxguard: error: b.txt: binary file (contains NUL bytes)\n"),
        ("latin1", "wxguard: error: l.txt:2: not valid UTF-8\n"),
        (
            "gbk",
            "wxguard: error: g.txt:1: not valid UTF-8 (it reads as GBK/GB18030 text: convert it "
            "with `iconv -f gb18030 -t utf-8`)\n",
        ),
        (  # one pasted GBK line: converting the whole file would garble the UTF-8 lines
            "mixed",
            "wxguard: error: m.txt:2: not valid UTF-8 (line 2 read as GBK/GB18030 text in a file "
            "otherwise UTF-8: converting the whole file would garble the rest; re-type or re-save "
            "those lines as UTF-8)\n",
        ),
        (
            "docx",
            "wxguard: error: a.docx: cannot read .docx files (wxguard reads .md, .markdown and .txt; "
            "--input-format txt|md reads it anyway)\n",
        ),
        (
            "noext",
            "wxguard: error: README: cannot read files without an extension "
            "(wxguard reads .md, .markdown and .txt; --input-format txt|md reads it anyway)\n",
        ),
    ],
)
def test_a_bad_path_is_one_line_the_rest_is_still_checked_and_exit_2(
    cli: Cli, setup: str, error: str
) -> None:
    """ruff's way: the bad path is one error line on stderr, the good files' findings are
    still printed, and the exit code is 2 at the end (also with --exit-zero)."""
    target = {
        "missing": "missing.txt",
        "binary": "b.txt",
        "latin1": "l.txt",
        "gbk": "g.txt",
        "mixed": "m.txt",
        "docx": "a.docx",
        "noext": "README",
    }[setup]
    if setup == "binary":
        cli.write(target, b"abc\x00def")
    elif setup == "latin1":
        cli.write(target, "第一行\n".encode() + "caf\xe9".encode("latin-1"))
    elif setup == "gbk":  # as Chinese Windows and Excel save text
        cli.write(target, "大家好，明天开会\n收到请回复\n".encode("gbk"))
    elif setup == "mixed":
        cli.write(target, "大家好\n".encode() + "明天开会\n".encode("gbk") + "收到\n".encode())
    elif setup in ("docx", "noext"):
        cli.write(target, b"PK")
    cli.write("ok.txt", "出售冰毒\n")
    cli.write("later.txt", "大麻\n")
    r = cli("check", "ok.txt", target, "later.txt")
    assert (r.code, r.err) == (2, error)
    assert r.out == (
        "ok.txt:1:3: WX104 [error] 毒品敏感词「冰毒」\n"
        "later.txt:1:1: WX104 [error] 毒品敏感词「大麻」\n"
        "Found 2 findings (2 errors) in 2 messages: 2 block. 1 path could not be checked.\n"
    )
    assert cli("check", "--exit-zero", "ok.txt", target).code == 2


def test_every_bad_path_is_reported(cli: Cli) -> None:
    cli.write("ok.txt", "你好\n")
    r = cli("check", "a.txt", "ok.txt", "b.md")
    assert r.code == 2
    assert (
        r.err
        == "wxguard: error: a.txt: No such file or directory\nwxguard: error: b.md: No such file or directory\n"
    )
    assert r.out == "No findings; 2 paths could not be checked.\n"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["check", "--select", "WX999", "a.txt"],
            "wxguard: error: --select: unknown rule selector 'WX999' (use a code such as WX101 or a prefix such as WX1)\n",
        ),
        (
            ["check", "--output-format", "xml", "a.txt"],
            "wxguard: error: argument --output-format/--format: invalid choice: 'xml' (choose from 'concise', "
            "'full', 'json', 'json-lines', 'sarif', 'github', 'html')\n",
        ),
        (["check", "--bogus"], "wxguard: error: unrecognized arguments: --bogus\n"),
        ([], "wxguard: error: the following arguments are required: command\n"),
        (["explain", "WX999"], "wxguard: error: unknown rule 'WX999' (see `wxguard rules`)\n"),
        (
            ["check", "--jobs", "two", "a.txt"],
            "wxguard: error: argument --jobs/-j: expected a number of processes (0 for one per CPU), got 'two'\n",
        ),
    ],
)
def test_usage_errors_are_one_line_exit_2(cli: Cli, args: list[str], error: str) -> None:
    cli.write("a.txt", "你好\n")
    r = cli(*args)
    assert (r.code, r.out, r.err) == (2, "", error)


def test_stdin_is_read_with_a_dash_as_plain_text(cli: Cli) -> None:
    assert cli("check", "-", stdin="好\n出售冰毒\n").findings == [
        "-:2:3: WX104 [error] 毒品敏感词「冰毒」"
    ]
    assert cli("check", "-", stdin="出售冰毒").code == 1


def test_no_path_checks_the_current_folder_not_stdin(cli: Cli) -> None:
    """ruff's way: ``wxguard check`` alone checks the current folder; stdin needs ``-``."""
    cli.write("copy/a.txt", "出售冰毒\n")
    cli.write("b.md", "大麻\n")
    r = cli("check", stdin="稳赚\n")
    assert r.code == 1
    assert r.findings == [
        "b.md:1:1: WX104 [error] 毒品敏感词「大麻」",
        "copy/a.txt:1:3: WX104 [error] 毒品敏感词「冰毒」",
    ]


def test_stdin_filename_names_and_shapes_stdin(cli: Cli) -> None:
    r = cli("check", "--stdin-filename", "copy/promo.md", stdin="`冰毒` 大麻\n")
    assert r.findings == ["copy/promo.md:1:6: WX104 [error] 毒品敏感词「大麻」"]
    r = cli("check", "--stdin-filename", "notes.docx", stdin="冰毒")
    assert r.code == 2 and "cannot read .docx files" in r.err


def test_input_format_reads_other_extensions(cli: Cli) -> None:
    cli.write("copy.text", "`冰毒`\n")
    assert cli("check", "--input-format", "txt", "copy.text").findings == [
        "copy.text:1:2: WX104 [error] 毒品敏感词「冰毒」"
    ]
    assert cli("check", "--input-format", "md", "copy.text").findings == []


def test_format_is_the_output_format_as_in_ruff(cli: Cli) -> None:
    cli.write("a.txt", "冰毒\n")
    r = cli("check", "--format", "json", "a.txt")
    assert r.code == 1 and [x["path"] for x in json.loads(r.out)] == ["a.txt"]
    assert cli("rules", "--format", "json").out == cli("rules", "--output-format", "json").out
    # An input kind where the output format goes says which option was meant.
    r = cli("check", "--format", "md", "a.txt")
    assert (r.code, r.out) == (2, "")
    assert "'md' is an input format: --input-format md reads input as md" in r.err
    assert "--format and --output-format choose the output (concise, full, json" in r.err


def test_statistics_count_by_rule(cli: Cli) -> None:
    cli.write("a.txt", "冰毒\n大麻 冰毒\n稳赚\n")
    r = cli("check", "--statistics", "a.txt")
    assert r.code == 1
    # 大麻 冰毒 stand in one sentence: one mark (statistics count marks)
    assert r.out == "2\tWX104\tdrug-content\n1\tWX108\tcustom-term\n"
    as_json = json.loads(cli("check", "--statistics", "--output-format", "json", "a.txt").out)
    assert as_json == [
        {"code": "WX104", "name": "drug-content", "count": 2},
        {"code": "WX108", "name": "custom-term", "count": 1},
    ]


def test_lang_switches_messages(cli: Cli) -> None:
    cli.write("a.txt", "冰毒\n")
    assert cli("check", "--lang", "en", "a.txt").findings == [
        'a.txt:1:1: WX104 [error] drug term "冰毒"'
    ]


def test_debug_shows_the_traceback(cli: Cli) -> None:
    cli.write("a.txt", "你好\n")
    with pytest.raises(Exception, match="No such file"):
        cli("check", "--debug", "--config", "missing.toml", "a.txt")


def test_console_script_via_module_and_pipe(tmp_path: Path) -> None:
    (tmp_path / "wxguard.toml").write_text(
        'default-wordlists = false\nwords = { drugs = ["冰毒"] }\n', "utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "wxguard", "check", "--output-format", "json-lines", "-"],
        input="出售冰 毒\n".encode(),
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 1 and proc.stderr == b""
    record = json.loads(proc.stdout)
    assert record["path"] == "-" and record["violations"][0]["location"] == {
        "line": 1,
        "column": 3,
        "end_line": 1,
        "end_column": 6,
    }


def _run_piped(
    cwd: Path, *args: str, stdin: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "wxguard", "check", *args],
        input=None if stdin is not None else "出售冰毒\n".encode(),
        stdin=stdin,
        capture_output=True,
        timeout=120,
        cwd=cwd,
    )


def test_text_piped_to_a_check_without_a_path_gets_a_note(tmp_path: Path) -> None:
    """`echo 出售冰毒 | wxguard check` checks the folder, as documented, but says so: the
    piped text is not read, and `-` would read it."""
    (tmp_path / "wxguard.toml").write_text(
        'default-wordlists = false\nwords = { drugs = ["冰毒"] }\n', "utf-8"
    )
    (tmp_path / "a.txt").write_text("今天天气好\n", "utf-8")
    piped = _run_piped(tmp_path)
    assert piped.returncode == 0 and piped.stdout.decode() == "All checks passed!\n"
    note = piped.stderr.decode()
    assert note.startswith("wxguard: note: ") and note.count("\n") == 1
    assert "current folder" in note and "wxguard check -" in note
    # Named paths (pre-commit's invocation), `-`, and a stdin that is no pipe stay quiet.
    assert _run_piped(tmp_path, "a.txt").stderr == b""
    assert _run_piped(tmp_path, "-").stderr == b""
    assert _run_piped(tmp_path, "--stdin-filename", "b.txt").stderr == b""
    assert _run_piped(tmp_path, stdin=subprocess.DEVNULL).stderr == b""


@pytest.mark.parametrize("jobs", ["2", "0"])
def test_jobs_give_the_same_output_as_one_process(cli: Cli, jobs: str) -> None:
    """Worker processes check the messages of every file; suppressions, Markdown masking,
    per-file positions and the exit code come out exactly as in one process."""
    lines = [f"第{i}行：{'出售冰毒' if i % 7 == 0 else '今天天气不错'}" for i in range(300)]
    lines[10] = "稳 赚  # wxguard: ignore[WX108]"
    cli.write("many.txt", "\n".join(lines) + "\n")
    cli.write("copy.md", "正文 `冰毒` 正文\n\n之后 大麻\n")
    cli.write("clean.txt", "你好\n")
    serial = cli("check", "many.txt", "copy.md", "clean.txt", "--output-format", "json")
    parallel = cli(
        "check", "many.txt", "copy.md", "clean.txt", "--output-format", "json", "--jobs", jobs
    )
    assert (parallel.code, parallel.out, parallel.err) == (serial.code, serial.out, serial.err)
    assert serial.code == 1 and len(json.loads(serial.out)) == 300 // 7 + 1 + 1


def test_markdown_link_destinations_are_judged_as_links_not_as_prose(cli: Cli) -> None:
    """WeCom and DingTalk robot Markdown carries links: their destinations reach WX2 at their
    place in the file, while a word in a URL is still not prose for WX1."""
    cli.write(
        "wxguard.toml",
        'default-wordlists = false\nwords = { drugs = ["冰毒"] }\nselect = ["WX1", "WX2"]\n',
    )
    cli.write(
        "robot.md",
        "### 活动\n\n[活动页](http://t.cn/abc) ![图](http://img.cn/冰毒.png)\n\n<http://t.cn/auto>\n",
    )
    r = cli("check", "robot.md")
    rules = [(line.split(": ")[0], line.split(" ")[1]) for line in r.findings]
    # one link, one mark: the short link leads and names the http finding
    assert [code for where, code in rules if where == "robot.md:3:7"] == ["WX205"]
    assert any(line.startswith("robot.md:3:7") and "WX201" in line for line in r.findings)
    assert ("robot.md:5:2", "WX205") in rules
    assert not any(code.startswith("WX1") for _, code in rules)
    spans = {
        (v["start"], v["end"], v["text"])
        for record in json.loads(cli("check", "--output-format", "json", "robot.md").out)
        for v in record["violations"]
    }
    assert any(text == "http://t.cn/abc" for _, _, text in spans)
    cli.write("robot.md", "[活动页](http://t.cn/abc)\n")
    assert cli("check", "--ignore", "WX2", "robot.md").findings == []


def test_min_severity_hides_the_info_lines_of_clean_messages(cli: Cli) -> None:
    """An anti-drug poster passes with info findings, which officers misread as offences
    (new-user trial s14): --min-severity warning shows only what needs a look."""
    cli.write("copy.txt", "远离冰毒，珍爱生命\n出售冰毒\n")
    shown = cli("check", "copy.txt")
    assert "[info]" in shown.out
    r = cli("check", "--min-severity", "warning", "copy.txt")
    assert r.code == 1 and r.findings == ["copy.txt:2:3: WX104 [error] 毒品敏感词「冰毒」"]
    assert r.summary == "Found 1 finding (1 error) in 1 of 2 messages: 1 block, 1 pass."
    machine = cli("check", "--min-severity", "warning", "--output-format", "json", "copy.txt")
    assert [v["severity"] for r in json.loads(machine.out) for v in r["violations"]] == ["error"]
    bad = cli("check", "--min-severity", "loud", "copy.txt")
    assert bad.code == 2 and "loud" in bad.err


def test_min_severity_error_hides_warnings_but_not_the_review_they_call_for(cli: Cli) -> None:
    """An unlabelled ad is under review whether or not its warning is shown: --min-severity
    error must not count it as a pass (or print All checks passed!) in the summary."""
    cli.write("copy.txt", "新品上市，原价199现价99，点击下单\n今天天气不错\n")
    r = cli("check", "--extend-select", "WX401", "--min-severity", "error", "copy.txt")
    assert r.code == 0 and r.findings == []
    assert r.summary == (
        "No errors in 2 messages: 1 review, 1 pass. 1 warning not shown (--min-severity error)."
    )
    cli.write("copy.txt", "出售冰毒\n新品上市，原价199现价99，点击下单\n今天天气不错\n")
    r = cli("check", "--extend-select", "WX401", "--min-severity", "error", "copy.txt")
    assert r.findings == ["copy.txt:1:3: WX104 [error] 毒品敏感词「冰毒」"]
    assert r.summary == (
        "Found 1 finding (1 error) in 1 of 3 messages: 1 block, 1 review, 1 pass."
        " 1 warning not shown (--min-severity error)."
    )
    shown = cli("check", "--extend-select", "WX401", "copy.txt").summary
    assert (
        shown
        == "Found 2 findings (1 error, 1 warning) in 2 of 3 messages: 1 block, 1 review, 1 pass."
    )


def test_all_messages_gives_every_message_its_verdict_record(cli: Cli) -> None:
    """An audit log needs a verdict for each message, passes too (new-user trial s14); the
    default lists only messages with findings, as documented, so consumers are not broken."""
    cli.write("copy.txt", "第一行没问题\n出售冰毒\n明天开会\n")
    default = json.loads(cli("check", "--output-format", "json", "copy.txt").out)
    assert [(r["line"], r["verdict"]) for r in default] == [(2, "block")]
    r = cli("check", "--all-messages", "--output-format", "json", "copy.txt")
    records = [(x["path"], x["line"], x["verdict"]) for x in json.loads(r.out)]
    assert records == [("copy.txt", 1, "pass"), ("copy.txt", 2, "block"), ("copy.txt", 3, "pass")]
    lines = cli("check", "--all-messages", "--output-format", "json-lines", "copy.txt").out
    assert [json.loads(x)["verdict"] for x in lines.splitlines()] == ["pass", "block", "pass"]
    page = cli("check", "--all-messages", "--format", "html", "copy.txt").out
    assert "明天开会" in page and "left out" not in page
    sarif = json.loads(cli("check", "--all-messages", "--output-format", "sarif", "copy.txt").out)
    assert len(sarif["runs"][0]["results"]) == 1  # SARIF lists results only


def test_a_utf16_file_with_its_byte_order_mark_is_read(cli: Cli) -> None:
    """Windows Notepad and Excel save "Unicode text" as UTF-16 with a byte-order mark
    (review s16: it was refused as binary)."""
    for codec in ("utf-16", "utf-32"):
        cli.write("u.txt", "出售冰毒\n大家好\n".encode(codec))
        r = cli("check", "u.txt")
        assert (r.code, r.err) == (1, ""), codec
        assert r.out.startswith("u.txt:1:3: WX104 [error] 毒品敏感词「冰毒」\n"), codec
