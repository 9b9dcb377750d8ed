"""Configuration for the command line: discovery, precedence, per-file-ignores, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from wxguard.config import key_line
from wxguard.sources import find_config
from wxguard.sources.project import per_file_ignored

from .clitools import Cli

WORDS = 'default-wordlists = false\nwords = { drugs = ["冰毒", "大麻"], custom = ["稳赚"] }\n'


def test_nearest_config_wins_and_pyproject_needs_the_table(cli: Cli) -> None:
    cli.write("team/pyproject.toml", '[project]\nname = "x"\n')  # no [tool.wxguard]: skipped
    cli.write("team/sub/copy.txt", "冰毒\n")
    assert cli("check", "team/sub/copy.txt").code == 1  # the root wxguard.toml applies
    cli.write(
        "team/pyproject.toml",
        f'[project]\nname = "x"\n\n[tool.wxguard]\n{WORDS}ignore = ["WX104"]\n',
    )
    assert cli("check", "team/sub/copy.txt").code == 0
    cli.write("team/sub/wxguard.toml", WORDS)
    assert cli("check", "team/sub/copy.txt").code == 1


def test_find_config_prefers_wxguard_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.wxguard]\n", "utf-8")
    assert find_config(tmp_path / "a" / "b") == tmp_path / "pyproject.toml"
    (tmp_path / "wxguard.toml").write_text("", "utf-8")
    assert find_config(tmp_path) == tmp_path / "wxguard.toml"


def test_each_file_gets_its_own_config(cli: Cli) -> None:
    cli.write("a/wxguard.toml", WORDS + 'ignore = ["WX104"]\n')
    cli.write("a/copy.txt", "冰毒\n")
    cli.write("b/copy.txt", "冰毒\n")
    r = cli("check", "a/copy.txt", "b/copy.txt")
    assert r.findings == ["b/copy.txt:1:1: WX104 [error] 毒品敏感词「冰毒」"]


def test_explicit_config_skips_discovery(cli: Cli) -> None:
    cli.write("strict.toml", WORDS + 'select = ["WX108"]\n')
    cli.write("copy.txt", "冰毒 稳赚\n")
    r = cli("check", "--config", "strict.toml", "copy.txt")
    assert [line.split(" ")[1] for line in r.findings] == ["WX108"]


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        # ruff's precedence: a command-line select replaces the file's select and ignore
        ('select = ["WX1"]\nignore = ["WX104"]\n', [], ["WX108"]),
        ('select = ["WX1"]\nignore = ["WX104"]\n', ["--select", "WX104"], ["WX104"]),
        ('select = ["WX104"]\n', ["--extend-select", "WX108"], ["WX104", "WX108"]),
        ('select = ["WX1"]\nignore = ["WX104"]\n', ["--extend-select", "WX10"], ["WX108"]),
        ('select = ["WX1"]\n', ["--ignore", "WX108"], ["WX104"]),
        ('select = ["WX1"]\nseverity = { WX104 = "warning" }\n', [], ["WX104", "WX108"]),
    ],
)
def test_selection_precedence(cli: Cli, config: str, args: list[str], expected: list[str]) -> None:
    cli.write("wxguard.toml", WORDS + config)
    cli.write("copy.txt", "冰毒 稳赚\n")
    r = cli("check", *args, "copy.txt")
    assert [line.split(" ")[1] for line in r.findings] == expected


def test_severity_override_and_fail_on_from_the_file(cli: Cli) -> None:
    cli.write("wxguard.toml", WORDS + 'severity = { WX104 = "warning" }\n')
    cli.write("copy.txt", "冰毒\n")
    r = cli("check", "copy.txt")
    assert (r.code, r.findings) == (0, ["copy.txt:1:1: WX104 [warning] 毒品敏感词「冰毒」"])
    cli.write("wxguard.toml", WORDS + 'severity = { WX104 = "warning" }\nfail-on = "warning"\n')
    assert cli("check", "copy.txt").code == 1
    assert cli("check", "--fail-on", "error", "copy.txt").code == 0


def test_per_file_ignores(cli: Cli) -> None:
    cli.write(
        "wxguard.toml",
        WORDS + '[per-file-ignores]\n"docs/examples/**" = ["WX104"]\n"*.md" = ["WX108"]\n',
    )
    cli.write("docs/examples/deep/a.txt", "冰毒 稳赚\n")
    cli.write("docs/b.txt", "冰毒\n")
    cli.write("notes/c.md", "稳赚 <!-- wxguard-disable-next-line WX108 -->\n")
    r = cli("check", "docs/examples/deep/a.txt", "docs/b.txt", "notes/c.md")
    assert r.findings == [
        "docs/examples/deep/a.txt:1:4: WX108 [error] 自定义词库（custom）命中「稳赚」",
        "docs/b.txt:1:1: WX104 [error] 毒品敏感词「冰毒」",
    ]


def test_per_file_ignores_apply_to_stdin_filename(cli: Cli) -> None:
    cli.write("wxguard.toml", WORDS + '[per-file-ignores]\n"copy/*" = ["WX1"]\n')
    assert cli("check", "--stdin-filename", "copy/a.txt", stdin="冰毒").code == 0
    assert cli("check", "-", stdin="冰毒").code == 1


@pytest.mark.parametrize(
    ("pattern", "path", "hit"),
    [
        ("docs/**", "docs/a/b.md", True),
        ("docs/*.md", "docs/a.md", True),
        ("./docs/*.md", "docs/a.md", True),
        ("*.md", "x/y/a.md", True),
        ("docs/**", "other/docs/a.md", False),
        ("a.txt", "b.txt", False),
    ],
)
def test_per_file_glob(tmp_path: Path, pattern: str, path: str, hit: bool) -> None:
    assert per_file_ignored({pattern: ("WX1",)}, tmp_path, tmp_path / path) == (
        ("WX1",) if hit else ()
    )


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ('colour = "red"\n', "wxguard.toml:1: colour: unknown key (known keys: "),
        (
            'fail-on = "fatal"\n',
            "wxguard.toml:1: fail-on: Input should be 'error', 'warning' or 'info'",
        ),
        ('select = ["WX9"]\n', "wxguard.toml:1: select: unknown rule selector 'WX9'"),
        ('severity = { WX999 = "error" }\n', "wxguard.toml:1: severity: unknown rule code 'WX999'"),
        (
            '[per-file-ignores]\n"a/*" = ["XX1"]\n',
            "wxguard.toml:1: per-file-ignores: unknown rule selector 'XX1'",
        ),
        ('select = "WX1"\n', "wxguard.toml:1: select: should be an array (a list in Python)"),
        (
            '[words]\nfraud = "套路贷"\n',
            "wxguard.toml:2: words.fraud: should be an array (a list in Python) (got '套路贷')",
        ),
        ('severity = "error"\n', "wxguard.toml:1: severity: should be a table (a dict in Python)"),
        (
            "select = [\n",
            "wxguard.toml: config: not valid TOML: Invalid value (at end of document)",
        ),
        ('wordlists = ["missing.txt"]\n', "missing.txt: cannot read word list"),
        (
            'select = ["WX1"]\n\n[format]\n# 标题\ntitle-chars = 99999999999\n',
            "wxguard.toml:5: format.title-chars: Input should be less than or equal to 1000000000",
        ),
        (
            '[profiles.wechat]\n"media-size-mb" = inf\n',
            "wxguard.toml:2: profiles.wechat.media-size-mb: Input should be a finite number",
        ),
        ('sound = true\nsplit-characters = "no"\n', "wxguard.toml:2: split-characters: Input"),
        ("commercial-threshold = inf\n", "wxguard.toml:1: commercial-threshold: Input should be"),
    ],
)
def test_bad_config_is_one_line_naming_key_and_file(cli: Cli, content: str, error: str) -> None:
    cli.write("wxguard.toml", content)
    cli.write("copy.txt", "你好\n")
    r = cli("check", "copy.txt")
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1
    assert r.err.startswith("wxguard: error: ") and error in r.err, r.err


def test_unreadable_config(cli: Cli) -> None:
    (cli.root / "conf.toml").mkdir()
    cli.write("copy.txt", "你好\n")
    r = cli("check", "--config", "conf.toml", "copy.txt")
    assert (r.code, r.out) == (2, "")
    assert r.err == "wxguard: error: config: cannot read conf.toml: Is a directory\n"


def test_broken_pyproject_mentioning_wxguard_is_an_error(cli: Cli) -> None:
    cli.write("sub/pyproject.toml", "[tool.wxguard\n")
    cli.write("sub/copy.txt", "你好\n")
    r = cli("check", "sub/copy.txt")
    assert r.code == 2 and "pyproject.toml:1: config: not valid TOML" in r.err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "WX104", "--select", "WX108"], ["WX104", "WX108"]),
        (["--select", "WX104,WX108", "--ignore", "WX104", "--ignore", "WX108"], []),
        (["--ignore", "WX104", "--ignore", "WX108"], []),
        (
            ["--select", "WX2", "--extend-select", "WX104", "--extend-select", "WX108"],
            ["WX104", "WX108"],
        ),
    ],
)
def test_repeated_selectors_accumulate(cli: Cli, args: list[str], expected: list[str]) -> None:
    """As in ruff: `--select WX3 --select WX5` selects both, it does not keep the last one."""
    cli.write("copy.txt", "冰毒 稳赚\n")
    r = cli("check", *args, "copy.txt")
    assert [line.split(" ")[1] for line in r.findings] == expected
    assert r.code == (1 if expected else 0)


_LAYOUT = """\
# 本组的设置
select = ["WX1", "WX4"]
words.gambling = ["网赌"]
"fail-on" = "warning"

[format]
paragraph-lines = 6
title-chars = 0

[profiles.wechat]
text-limit = 500
allow = [
  "苹果",
]
"""


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("select", 2),
        ("words.gambling", 3),
        ("words.gambling.0", 3),
        ("fail-on", 4),
        ("format", 6),
        ("format.title-chars", 8),
        ("profiles.wechat.text-limit", 11),
        ("profiles.wechat.allow.0", 12),
        ("profiles.wechat.media-size-mb", 10),  # not set: its table's header
        ("ignore", None),
    ],
)
def test_config_errors_find_the_line_that_sets_the_key(key: str, line: int | None) -> None:
    assert key_line(_LAYOUT, tuple(key.split("."))) == line
