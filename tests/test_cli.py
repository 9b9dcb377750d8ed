"""The wxguard command: the README's main job, exit codes and one-line errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from wxguard import catalog
from wxguard.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_sample_messages_are_vetted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", str(ROOT / "examples" / "messages.txt")], capsys)
    assert code == 1
    lines = out.splitlines()
    found = {int(m[1]): line for line in lines if (m := re.search(r"\.txt:(\d+):\d+: ", line))}
    assert "WX106 [error]" in found[3] and "traditional" in found[3]
    # a contact beside a word spelled half in pinyin is the offer (b a n 假 证)
    assert "WX106 [error]" in found[4] and "pinyin" in found[4]
    assert "WX104 [error]" in found[6] and "zero-width" in found[6]
    assert set(found) == {3, 4, 6}, lines
    assert err == ""


def test_concise_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("第一行没问题\n出售冰毒\n", "utf-8")
    code, out, _ = run(["check", str(path)], capsys)
    assert code == 1
    assert (
        out
        == f"{path}:2:3: WX104 [error] 毒品敏感词「冰毒」\nFound 1 finding (1 error) in 1 of 2 messages: 1 block, 1 pass.\n"
    )


def test_clean_file_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("今晚八点直播，准时开始。\n", "utf-8")
    assert run(["check", str(path)], capsys) == (0, "All checks passed!\n", "")
    assert run(["check", "--quiet", str(path)], capsys) == (0, "", "")


def test_exit_zero_and_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("出售冰毒\n", "utf-8")
    assert run(["check", "--exit-zero", str(path)], capsys)[0] == 0
    path.write_text("专业banjiazheng\n", "utf-8")  # a warning only
    assert run(["check", str(path)], capsys)[0] == 0
    assert run(["check", "--fail-on", "warning", str(path)], capsys)[0] == 1


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "missing.txt: No such file or directory"),
        ("binary", "binary file"),
        ("latin1", ":2: not valid UTF-8"),
        ("docx", "cannot read .docx files"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, message: str
) -> None:
    target = tmp_path / "missing.txt"
    if setup == "binary":
        target = tmp_path / "b.txt"
        target.write_bytes(b"abc\x00def")
    elif setup == "latin1":
        target = tmp_path / "l.txt"
        target.write_bytes("第一行\n".encode() + "caf\xe9".encode("latin-1"))
    elif setup == "docx":
        target = tmp_path / "a.docx"
        target.write_bytes(b"PK")
    code, out, err = run(["check", "--quiet", str(target)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("wxguard: error: ") and message in err


def test_unknown_selector_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("你好\n", "utf-8")
    code, _, err = run(["check", "--select", "WX999", str(path)], capsys)
    assert code == 2 and "unknown rule selector 'WX999'" in err


def test_rules_lists_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert (
        code == 0 and out.count("\n") == len(catalog().rules) and "WX101" in out and "WX001" in out
    )


def test_stdin_via_module_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "wxguard", "check", "-"],
        input="出售冰 毒\n".encode(),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("-:1:3: WX104 [error]")
