"""The on-disk cache: a second process starts without rebuilding, and a corrupt, stale or
unwritable cache never changes a result."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = r"""
import json, sys
from wxguard import Guard
guard = Guard(wordlists=sys.argv[1:])
built_without_pypinyin = "pypinyin" not in sys.modules
texts = ["辦 假 證找我", "办jia证", "竞品甲很好", "路口交通", "出售冰毒"]
print(json.dumps({"reports": [guard.check(t).model_dump(mode="json") for t in texts],
                  "pypinyin_not_imported": built_without_pypinyin}))
"""


def run(cache: Path | str, *wordlists: Path) -> dict[str, object]:
    env = {**os.environ, "WXGUARD_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, *map(str, wordlists)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


@pytest.fixture()
def brand(tmp_path: Path) -> Path:
    path = tmp_path / "brand.txt"
    path.write_text("# category: brand\n竞品甲\n", "utf-8")
    return path


def test_second_process_reads_the_cache(tmp_path: Path, brand: Path) -> None:
    cache = tmp_path / "cache"
    first = run(cache, brand)
    kinds = sorted(p.name.split("-")[0] for p in cache.glob("*.pickle"))
    assert kinds == ["fold", "lexicon", "sound", "splits"]
    second = run(cache, brand)
    assert second["reports"] == first["reports"]
    assert second["pypinyin_not_imported"] is True  # tables and lexicon came from disk
    assert first["reports"] == run("", brand)["reports"]  # and equal a run without a cache


def test_corrupt_entries_are_rebuilt(tmp_path: Path, brand: Path) -> None:
    cache = tmp_path / "cache"
    expected = run(cache, brand)["reports"]
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle" if "fold" in entry.name else entry.read_bytes()[:100])
    assert run(cache, brand)["reports"] == expected
    assert run(cache, brand)["pypinyin_not_imported"] is True  # rewritten, readable again


def test_changed_word_list_is_not_served_stale(tmp_path: Path, brand: Path) -> None:
    cache = tmp_path / "cache"
    assert any(v["rule"] == "WX108" for r in run(cache, brand)["reports"] for v in r["violations"])  # type: ignore[index, union-attr]
    brand.write_text("# category: brand\n竞品乙\n", "utf-8")
    assert not any(v["rule"] == "WX108" for r in run(cache, brand)["reports"] for v in r["violations"])  # type: ignore[index, union-attr]


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else False, reason="root ignores permissions")
def test_unwritable_cache_folder_is_skipped(tmp_path: Path, brand: Path) -> None:
    cache = tmp_path / "ro"
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    assert run(cache, brand)["reports"] == run("", brand)["reports"]


def test_cache_path_that_is_a_file_is_skipped(tmp_path: Path, brand: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert run(blocker, brand)["reports"] == run("", brand)["reports"]
