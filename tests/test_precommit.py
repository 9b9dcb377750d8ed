"""The pre-commit hook end to end: the real `pre-commit try-repo` installs this checkout into
its own environment and runs the hook on a consumer repository's copy files.

try-repo reads a repository's committed files (plus tracked changes), so the test first
snapshots the working tree, uncommitted and new files included, into a fresh repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src", "wordlists"]
# pre-commit on PATH, else beside this Python (a venv used without activating it).
PRE_COMMIT = shutil.which("pre-commit") or shutil.which(
    "pre-commit", path=str(Path(sys.executable).parent)
)

pytestmark = [
    # pre-commit builds the hook's package environment, as it does for a user: minutes.
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        PRE_COMMIT is None, reason="pre-commit is not installed (it is in the [test] extra)"
    ),
]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=wxguard-test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    """Both try-repo runs, started together: each installs the hook into a fresh
    environment (try-repo uses a temporary store), which is most of the time."""
    base = tmp_path_factory.mktemp("precommit")
    hook = base / "hook"
    hook.mkdir()
    for name in SNAPSHOT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, hook / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(source, hook / name)
    _git(hook, "init", "-q")
    _git(hook, "add", "-A")
    _git(hook, "commit", "-q", "-m", "snapshot")

    consumer = base / "consumer"
    (consumer / "copy").mkdir(parents=True)
    (consumer / "copy" / "clean.md").write_text(
        "# 周五家长会\n\n各位家长好，本周五下午三点开家长会，请准时参加。\n", "utf-8"
    )
    (consumer / "copy" / "promo.txt").write_text("今晚八点直播\n出售冰毒，量大从优\n", "utf-8")
    (consumer / "notes.py").write_text(
        "x = '出售冰毒'\n", "utf-8"
    )  # neither Markdown nor text: never passed
    # identify calls these plain text, but wxguard does not judge them: the hook must not pass them
    (consumer / "LICENSE").write_text("MIT License 出售冰毒\n", "utf-8")
    (consumer / "README.rst").write_text("出售冰毒\n=======\n", "utf-8")
    (consumer / "copy" / "robot.md").write_text(
        "### 今晚活动\n\n[活动页](http://t.cn/abc) 欢迎参加\n", "utf-8"
    )
    _git(consumer, "init", "-q")
    _git(consumer, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_COLOR": "never"}
    env.pop("PRE_COMMIT", None)
    unjudged = ["notes.py", "LICENSE", "README.rst"]
    selections = {
        "violating": ["copy/promo.txt", "copy/clean.md", "copy/robot.md", *unjudged],
        "clean": ["copy/clean.md", "copy/robot.md", *unjudged],
    }
    started = {
        name: subprocess.Popen(
            [str(PRE_COMMIT), "try-repo", str(hook), "wxguard", "--verbose", "--files", *files],
            cwd=consumer,
            env={**env, "PRE_COMMIT_HOME": str(base / f"cache-{name}")},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, files in selections.items()
    }
    done = {}
    for name, proc in started.items():
        out, err = proc.communicate(timeout=600)
        done[name] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return done


def test_violating_copy_fails_the_hook_with_the_finding(
    runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    proc = runs["violating"]
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout
    assert "copy/promo.txt:2:3: WX104 [error] 毒品敏感词「冰毒」" in proc.stdout
    assert "clean.md:" not in proc.stdout and "notes.py" not in proc.stdout
    assert (
        "LICENSE" not in proc.stdout
        and "README.rst" not in proc.stdout
        and "error:" not in proc.stdout
    )


def test_clean_copy_passes_the_hook_whatever_else_the_commit_holds(
    runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    """LICENSE and README.rst are plain text to pre-commit, but not the hook's to judge."""
    proc = runs["clean"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout and "error" not in proc.stdout


def test_markdown_link_targets_are_judged_by_the_hook(
    runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    proc = runs["clean"]
    # one link, one mark: the short link leads and names the http finding
    assert (
        "copy/robot.md:3:7: WX205 [warning] 短链接「t.cn」隐藏了真实地址；同一处也属于 WX201"
        in proc.stdout
    )
