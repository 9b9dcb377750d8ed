"""`wxguard check FOLDER`: recursive, only the kinds wxguard reads, ignore files and the
``exclude`` settings honoured, as in ruff."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .clitools import Cli

DRUG = "出售冰毒\n"


def paths(r_lines: list[str]) -> list[str]:
    return sorted({line.split(":", 1)[0] for line in r_lines})


def test_a_folder_is_checked_recursively_for_md_and_txt(cli: Cli) -> None:
    cli.write("copy/a.txt", DRUG)
    cli.write("copy/deep/er/b.md", "# 标题\n\n出售冰毒\n")
    cli.write("copy/deep/c.markdown", DRUG)
    cli.write("copy/LICENSE", DRUG)  # not a kind wxguard reads: skipped in a folder, not refused
    cli.write("copy/notes.rst", DRUG)
    cli.write("copy/script.py", DRUG)
    r = cli("check", "copy")
    assert (r.code, r.err) == (1, "")
    assert r.findings == [
        "copy/a.txt:1:3: WX104 [error] 毒品敏感词「冰毒」",
        "copy/deep/c.markdown:1:3: WX104 [error] 毒品敏感词「冰毒」",
        "copy/deep/er/b.md:3:3: WX104 [error] 毒品敏感词「冰毒」",
    ]
    assert cli("check", "copy/").findings == r.findings


def test_a_folder_and_a_file_in_it_are_checked_once(cli: Cli) -> None:
    cli.write("copy/a.txt", DRUG)
    assert len(cli("check", "copy", "copy/a.txt", "./copy").findings) == 1


def test_gitignore_and_ignore_files_are_honoured_at_every_level(cli: Cli) -> None:
    cli.write("copy/keep.txt", DRUG)
    cli.write("copy/drafts/a.txt", DRUG)
    cli.write("copy/sub/old.txt", DRUG)
    cli.write("copy/sub/new.txt", DRUG)
    cli.write("copy/sub/generated.md", DRUG)
    cli.write("copy/.gitignore", "drafts/\n*.md\n")
    cli.write("copy/sub/.ignore", "old.txt\n")
    assert paths(cli("check", "copy").findings) == ["copy/keep.txt", "copy/sub/new.txt"]
    cli.write("copy/sub/.gitignore", "!generated.md\n")  # a deeper file re-includes
    assert paths(cli("check", "copy").findings) == [
        "copy/keep.txt",
        "copy/sub/generated.md",
        "copy/sub/new.txt",
    ]


def test_ignore_files_above_the_folder_count_inside_a_repository(cli: Cli) -> None:
    cli.write("copy/drafts/a.txt", DRUG)
    cli.write("copy/b.txt", DRUG)
    cli.write(".gitignore", "copy/drafts/\n")
    # outside a repository, an ignore file above the checked folder is not consulted
    assert paths(cli("check", "copy").findings) == ["copy/b.txt", "copy/drafts/a.txt"]
    (cli.root / ".git").mkdir()
    cli.write(".git/info/exclude", "b.txt\n")
    assert paths(cli("check", "copy").findings) == []
    assert cli("check", "copy").summary == "No messages to check."  # every file ignored


def test_named_files_are_checked_even_when_ignored(cli: Cli) -> None:
    cli.write("copy/drafts/a.txt", DRUG)
    cli.write("copy/.gitignore", "drafts/\n")
    assert paths(cli("check", "copy/drafts/a.txt").findings) == ["copy/drafts/a.txt"]


def test_default_exclude_skips_tool_folders(cli: Cli) -> None:
    for folder in (
        ".git",
        ".venv",
        "venv",
        "node_modules",
        "build",
        "dist",
        "pkg.egg-info",
        "__pycache__",
    ):
        cli.write(f"{folder}/x.txt", DRUG)
    cli.write("copy/a.txt", DRUG)
    assert paths(cli("check").findings) == ["copy/a.txt"]


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        ('extend-exclude = ["drafts"]\n', [], ["copy/a.txt", "copy/b.md"]),
        ('extend-exclude = ["copy/*.md"]\n', [], ["copy/a.txt", "copy/drafts/d.txt"]),
        (
            'exclude = ["*.txt"]\n',
            [],
            ["copy/b.md", "node_modules/n.md"],
        ),  # replaces the defaults too
        ("", ["--extend-exclude", "drafts", "--extend-exclude", "*.md"], ["copy/a.txt"]),
        (
            "",
            ["--exclude", "copy/drafts/"],
            ["copy/a.txt", "copy/b.md", "node_modules/n.md", "node_modules/x.txt"],
        ),
    ],
)
def test_exclude_and_extend_exclude(
    cli: Cli, config: str, args: list[str], expected: list[str]
) -> None:
    cli.write("wxguard.toml", 'default-wordlists = false\nwords = { drugs = ["冰毒"] }\n' + config)
    cli.write("copy/a.txt", DRUG)
    cli.write("copy/b.md", DRUG)
    cli.write("copy/drafts/d.txt", DRUG)
    cli.write("node_modules/x.txt", DRUG)
    cli.write("node_modules/n.md", DRUG)
    r = cli("check", *args)
    assert r.err == ""
    assert paths(r.findings) == sorted(expected)


def test_exclude_patterns_are_relative_to_their_configuration(cli: Cli) -> None:
    words = 'default-wordlists = false\nwords = { drugs = ["冰毒"] }\n'
    cli.write("team/old/a.txt", DRUG)
    cli.write("team/new/old/b.txt", DRUG)
    cli.write("team/copy/c.txt", DRUG)
    cli.write(
        "team/wxguard.toml", words + 'extend-exclude = ["old/"]\n'
    )  # no inner "/": a name at any depth
    assert paths(cli("check", "team").findings) == ["team/copy/c.txt"]
    cli.write("team/wxguard.toml", words + 'extend-exclude = ["./old"]\n')  # a path from team/
    assert paths(cli("check", "team").findings) == ["team/copy/c.txt", "team/new/old/b.txt"]
    assert paths(cli("check", ".").findings) == ["team/copy/c.txt", "team/new/old/b.txt"]


def test_force_exclude_applies_exclusions_to_named_files(cli: Cli) -> None:
    cli.write(
        "wxguard.toml",
        'default-wordlists = false\nwords = { drugs = ["冰毒"] }\nextend-exclude = ["drafts"]\n',
    )
    cli.write("drafts/a.txt", DRUG)
    cli.write("copy/b.txt", DRUG)
    assert paths(cli("check", "drafts/a.txt", "copy/b.txt").findings) == [
        "copy/b.txt",
        "drafts/a.txt",
    ]
    assert paths(cli("check", "--force-exclude", "drafts/a.txt", "copy/b.txt").findings) == [
        "copy/b.txt"
    ]


def test_an_empty_folder_warns_and_passes(cli: Cli) -> None:
    (cli.root / "empty").mkdir()
    r = cli("check", "empty")
    assert (r.code, r.out) == (0, "No messages to check.\n")
    assert (
        r.err == "wxguard: warning: no .md, .markdown or .txt files found under the given paths\n"
    )


def test_an_empty_input_says_so_instead_of_passing(cli: Cli) -> None:
    """New-user trial s11: a pipeline that lost its input printed "All checks passed!"."""
    for r in (cli("check", "-", stdin=""), cli("check", "-", stdin="\n \n")):
        assert (r.code, r.out) == (0, "No messages to check.\n")
        assert r.err == "wxguard: warning: the input holds no message (empty or blank)\n"
    cli.write("copy/blank.txt", "\n")
    assert cli("check", "copy").out == "No messages to check.\n"


def test_an_unreadable_sub_folder_is_one_error_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wxguard.sources.files as files

    cli.write("copy/a.txt", DRUG)
    cli.write("copy/locked/b.txt", DRUG)
    real = os.scandir

    def scandir(path: Path) -> object:  # chmod 0 does not stop root: refuse as the OS would
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    r = cli("check", "copy")
    assert r.code == 2 and r.err == "wxguard: error: copy/locked: Permission denied\n"
    assert paths(r.findings) == ["copy/a.txt"]


def test_a_bad_file_inside_a_folder_does_not_stop_the_folder(cli: Cli) -> None:
    cli.write("copy/a.txt", DRUG)
    cli.write("copy/b.txt", b"\x00\x01")
    cli.write("copy/c.txt", DRUG)
    r = cli("check", "copy")
    assert r.code == 2 and r.err == "wxguard: error: copy/b.txt: binary file (contains NUL bytes)\n"
    assert paths(r.findings) == ["copy/a.txt", "copy/c.txt"]


def test_folders_work_from_a_git_checkout(cli: Cli, tmp_path: Path) -> None:
    """The real thing: a repository whose .gitignore hides a build folder."""
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    cli.write(".gitignore", "out/\n")
    cli.write("out/a.txt", DRUG)
    cli.write("copy/b.txt", DRUG)
    assert paths(cli("check").findings) == ["copy/b.txt"]
