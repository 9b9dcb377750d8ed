"""Regexes whose compiled code the on-disk cache keeps (``text.storedregex``): read back, each
is the pattern ``re.compile`` makes of its source; an entry that is not such code is rebuilt;
a process with a warm cache compiles none of the large ones."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxguard import cache
from wxguard.text import storedregex
from wxguard.text.quickregex import trie_source
from wxguard.text.storedregex import stored_regex, stored_regexes

from .test_cache import signed

FIXED = [
    r"(?P<a>x)(?:y|(?P<b>z))+",
    r"(?i)wei\s*xin",
    r"(?<![0-9])1[3-9]\d{9}(?![0-9])",
    r"(?s)a.b",
    r"[^\S\n]{0,3}[王李张](?!老师|医生)",
    r"\b(?:vx|wx)\b",
    r"(?=[甲乙])(?:甲(?:乙|丙丁)?|乙)|(?<!\d)\d{2,}",
    r"(a)(b)?\2",
]
TEXT = "甲乙丙丁ab12 王老师 李四 weixin WEI XIN vx 13812345678 a\nb xyzz aa "


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache folder and key of this module's own, every source going to the cache."""
    base = tmp_path_factory.mktemp("stored")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WXGUARD_CACHE_DIR", str(base / "c"))
        mp.setenv("XDG_STATE_HOME", str(base / "state"))
        mp.delenv("WXGUARD_CACHE_MAX_MB", raising=False)
        mp.setattr(cache, "_keys", {})
        mp.setattr(storedregex, "SHORTEST", 0)
        yield base / "c"


def same(a: re.Pattern[str], b: re.Pattern[str], text: str) -> None:
    assert a == b  # source, flags and code
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )
    assert [m.span() + m.groups() for m in a.finditer(text)] == [
        m.span() + m.groups() for m in b.finditer(text)
    ]


def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources ``storedregex`` compiles from now on (not those it reads back)."""
    seen: list[str] = []
    real = storedregex._compile

    def counting(source: str) -> storedregex._Compiled:
        seen.append(source)
        return real(source)

    monkeypatch.setattr(storedregex, "_compile", counting)
    return seen


@given(
    st.lists(
        st.sets(st.text("甲乙丙丁ab12", min_size=1, max_size=6), min_size=1, max_size=40).map(
            trie_source
        )
        | st.sampled_from(FIXED),
        min_size=1,
        max_size=4,
    ),
    st.text("甲乙丙丁ab12 王李老师xyz", max_size=60),
)
def test_read_back_each_is_the_pattern_re_compiles(
    folder: Path, sources: list[str], text: str
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        made = stored_regexes(sources)  # built, or read back when an earlier example stored it
        seen = compiles(mp)
        again = stored_regexes(sources)
    assert seen == []  # read back: nothing compiled
    for source, first, second in zip(sources, made, again, strict=True):
        same(first, re.compile(source), text + TEXT)
        same(second, re.compile(source), text + TEXT)


def test_a_bad_source_raises_as_re_does(folder: Path) -> None:
    with pytest.raises(re.error):
        stored_regexes(["(?:ok)", "(unclosed"])
    assert stored_regex("[甲乙]+") == re.compile("[甲乙]+")


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        [],
        [(0, "code", 0, {}, (None,))],
        [(32, [1, 2, 3], 0, {}, (None,))],  # not code: _sre's own check refuses it
        [(32, [0xFFFFFFFFFF], 0, {}, (None,))],
        [(32, [], 0, {"a": "b"}, (None,))],
        [(32, [], 5, {}, (None,))],
    ],
)
def test_signed_entries_that_are_not_code_are_rebuilt(
    folder: Path, monkeypatch: pytest.MonkeyPatch, value: object
) -> None:
    source = trie_source(["甲乙丙", "甲乙丁", "ab12"])
    stored_regex(source)
    (path,) = folder.glob(f"regex-{_key([source])}*")
    signed(path, value)
    seen = compiles(monkeypatch)
    same(stored_regex(source), re.compile(source), TEXT + "甲乙丙")
    assert seen == [source]  # rebuilt, and stored again
    seen.clear()
    stored_regex(source)
    assert seen == []


def _key(sources: list[str]) -> str:
    import _sre

    return cache.digest("regex-1", sys.version, sys.implementation.name, str(_sre.MAGIC), *sources)


def test_a_warm_process_compiles_no_large_regex(tmp_path: Path) -> None:
    """The phrase banks' literal unions, the trade grid's anchors, the child's details and
    the chat apps' names (3,000–7,000 characters each) come from the cache; ``Guard()`` and
    a first check compiled them in every process (~60 ms)."""
    code = """
import json, re, sys
from re import _parser
real, seen = _parser.parse, []
def parse(p, *args):
    seen.append(len(p))
    return real(p, *args)
_parser.parse = parse
from wxguard import Guard
Guard().check("各位家长好，明天上午九点在学校礼堂召开家长会，请准时参加。")
print(json.dumps(sorted(seen)[-3:]))
"""
    env = {**os.environ, "WXGUARD_CACHE_DIR": str(tmp_path / "cache")}
    lengths = []
    for _ in range(2):  # the first run fills the cache
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        lengths.append(json.loads(out.stdout))
    assert max(lengths[0]) > 5000
    assert max(lengths[1]) < 1000, lengths
