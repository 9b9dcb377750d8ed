"""Running the CLI in-process against a project folder with its own small word list, so the
expected output does not move when the bundled word lists change."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from wxguard.cli import main

CONFIG = """\
default-wordlists = false
select = ["WX1", "WX0"]
words = { drugs = ["冰毒", "大麻"], custom = ["稳赚"] }
"""


SUMMARY_STARTS = (
    "Found ",
    "All checks passed!",
    "No findings;",
    "No errors in ",
    "No messages to check.",
)


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def findings(self) -> list[str]:
        """The output's lines without the closing summary line of the human formats."""
        lines = self.out.splitlines()
        if lines and lines[-1].startswith(SUMMARY_STARTS):
            lines.pop()
        return lines

    @property
    def summary(self) -> str | None:
        lines = self.out.splitlines()
        return lines[-1] if lines and lines[-1].startswith(SUMMARY_STARTS) else None


class Cli:
    def __init__(
        self, root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.root = root
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8")
        return path

    def __call__(self, *args: str, stdin: str | bytes = b"") -> Result:
        data = stdin.encode() if isinstance(stdin, str) else stdin
        self.monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        code = main(list(args))
        out, err = self.capsys.readouterr()
        return Result(code, out, err)


def make_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    """A command line run in its own folder with the tests' configuration file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wxguard.toml").write_text(CONFIG, "utf-8")
    return Cli(tmp_path, capsys, monkeypatch)
