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
from wxguard.text.quickregex import quick, trie_source
from wxguard.text.storedregex import stored_quick, stored_regex, stored_regexes, stored_trie

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
STRINGS = st.sets(st.text("甲乙丙丁ab12", min_size=1, max_size=6), min_size=1, max_size=40)


def _folder(base: Path, mp: pytest.MonkeyPatch) -> Path:
    """A cache folder and key of the test's own, every source going to the cache."""
    mp.setenv("WXGUARD_CACHE_DIR", str(base / "c"))
    mp.setenv("XDG_STATE_HOME", str(base / "state"))
    mp.delenv("WXGUARD_CACHE_MAX_MB", raising=False)
    mp.setattr(cache, "_keys", {})
    mp.setattr(storedregex, "SHORTEST", 0)
    return base / "c"


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as mp:
        yield _folder(tmp_path_factory.mktemp("stored"), mp)


@pytest.fixture()
def private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return _folder(tmp_path, monkeypatch)


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
    st.lists(STRINGS.map(trie_source) | st.sampled_from(FIXED), min_size=1, max_size=4),
    st.text("甲乙丙丁ab12 王李老师xyz", max_size=60),
)
def test_read_back_each_is_the_pattern_re_compiles(
    shared: Path, sources: list[str], text: str
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        made = stored_regexes(sources)  # built, or read back when an earlier example stored it
        seen = compiles(mp)
        again = stored_regexes(sources)
    assert seen == []  # read back: nothing compiled
    for source, first, second in zip(sources, made, again, strict=True):
        same(first, re.compile(source), text + TEXT)
        same(second, re.compile(source), text + TEXT)


@given(STRINGS, st.text("甲乙丙丁ab12 ", max_size=60))
def test_a_trie_read_back_is_the_trie_compiled(shared: Path, strings: set[str], text: str) -> None:
    expected = re.compile(trie_source(strings))
    same(stored_trie(strings), expected, text + TEXT)
    with pytest.MonkeyPatch.context() as mp:
        written: list[object] = []
        mp.setattr(storedregex, "trie_source", lambda s: written.append(s) or trie_source(s))
        same(stored_trie(sorted(strings, reverse=True)), expected, text + TEXT)
    assert written == []  # neither written nor compiled again


@given(st.lists(STRINGS.map(trie_source) | st.sampled_from(FIXED), min_size=1, max_size=4))
def test_a_quick_regex_read_back_is_the_one_quick_makes(shared: Path, sources: list[str]) -> None:
    """Read back, nothing is parsed: a warm process worked out the first characters of
    the child's details (1,174 characters) every time."""
    expected = [quick(s) for s in sources]
    for made in stored_quick(sources), stored_quick(list(sources)):
        for a, b in zip(made, expected, strict=True):
            same(a, b, TEXT)
    with pytest.MonkeyPatch.context() as mp:
        parsed: list[str] = []
        mp.setattr(storedregex.quickregex, "first_chars", lambda s: parsed.append(s))
        stored_quick(sources)
    assert parsed == []


def test_a_bad_source_raises_as_re_does(private: Path) -> None:
    with pytest.raises(re.error):
        stored_regexes(["(?:ok)", "(unclosed"])
    assert stored_regex("[甲乙]+") == re.compile("[甲乙]+")


@pytest.mark.parametrize(
    "change",
    [
        "garbage",
        [],
        {2: "code"},
        {2: [1, 2, 3]},  # not code: _sre's own check refuses it
        {2: [0xFFFFFFFFFF]},
        {4: {"a": "b"}},
        {3: 5},
        {0: b"ab12"},
        {1: "32"},
    ],
)
def test_signed_entries_that_are_not_code_are_rebuilt(
    private: Path, monkeypatch: pytest.MonkeyPatch, change: object
) -> None:
    source = trie_source(["甲乙丙", "甲乙丁", "ab12"])
    stored_regex(source)
    (path,) = private.glob("regex-*")
    value = change
    if isinstance(change, dict):
        fields = list(storedregex._compile(source))
        for i, v in change.items():
            fields[i] = v
        value = [tuple(fields)]
    signed(path, value)
    seen = compiles(monkeypatch)
    same(stored_regex(source), re.compile(source), TEXT + "甲乙丙")
    assert seen == [source]  # rebuilt, and stored again
    seen.clear()
    stored_regex(source)
    assert seen == []


def test_an_entry_for_other_sources_is_rebuilt(
    private: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code of another source or trie under this one's name (a leaked key, a bug) is not
    used: a source must be the one asked for, a trie must match its strings and no more."""
    source = trie_source(["甲乙丙", "ab12"])
    stored_regex(source)
    stored_trie(["甲乙丙", "ab12"])
    for path in private.glob("regex-*"):
        signed(path, [storedregex._compile("甲乙丙|ab1")])
    seen = compiles(monkeypatch)
    same(stored_regex(source), re.compile(source), TEXT)
    same(stored_trie(["甲乙丙", "ab12"]), re.compile(source), TEXT)
    assert seen == [source, source]
    for path in private.glob("regex-*"):
        signed(path, [storedregex._compile(".+")])
    seen.clear()
    same(stored_trie(["甲乙丙", "ab12"]), re.compile(source), TEXT)
    assert seen == [source]


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
    runs, entries = [], []
    for _ in range(2):  # the first run fills the cache
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        runs.append(json.loads(out.stdout))
        entries.append(sorted(p.name for p in (tmp_path / "cache").glob("regex-*")))
    assert max(runs[0]) > 5000
    assert max(runs[1]) < 1000, runs
    # Each process asks for the same sources (none made in a set's order, which changes
    # with the hash seed), so the second finds every entry and writes none.
    assert entries[0] == entries[1]
