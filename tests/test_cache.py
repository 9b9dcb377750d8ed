"""The on-disk cache: a second process starts without rebuilding; a corrupt, stale, planted
or unwritable cache never changes a result, never runs code and never blocks a start.

The attacks are the ones an audit (issue 16) made against the cache folder: a pickle that
runs a command, a valid pickle of an empty lexicon, ``(key, "garbage")`` for the sound
tables, a FIFO or a symlink under an entry's name, a folder others can write or another
user owns, and no bound on its size. Each is planted at the names the cache itself wrote.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import stat
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeGuard

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxguard import cache
from wxguard.catalog import _rules_table
from wxguard.catalog import _valid as _valid_rules
from wxguard.config import GuardConfig
from wxguard.families.content import splitchars
from wxguard.families.content.lexicon import Lexicon
from wxguard.families.content.model import _valid_lexicon, lexicon_for
from wxguard.phrases import banks
from wxguard.resources import data_path, read_text, wordlist_path
from wxguard.text import folding, sound

SCRIPT = r"""
import json, sys
from wxguard import Guard
from wxguard.text import sound
guard = Guard(wordlists=sys.argv[1:])
built_without_pypinyin = sound._readings.cache_info().currsize == 0  # no table was built
texts = ["辦 假 證找我", "办jia证", "竞品甲很好", "路口交通", "出售冰毒", "办假正"]
print(json.dumps({"reports": [guard.check(t).model_dump(mode="json") for t in texts],
                  "pypinyin_not_imported": built_without_pypinyin}))
"""
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
posix_only = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="owners and modes are POSIX")


def run(
    cache_dir: Path | str,
    *wordlists: Path,
    state: Path | None = None,
    umask: int | None = None,
    timeout: float = 300,
) -> dict[str, Any]:
    env = {**os.environ, "WXGUARD_CACHE_DIR": str(cache_dir)}
    if state is not None:
        env["XDG_STATE_HOME"] = str(state)
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, *map(str, wordlists)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=None if umask is None else lambda: os.umask(umask),
    )
    assert proc.returncode == 0, proc.stderr
    return {**json.loads(proc.stdout), "stderr": proc.stderr}


def findings(result: dict[str, Any]) -> list[list[str]]:
    return [[v["rule"] for v in r["violations"]] for r in result["reports"]]


@pytest.fixture(scope="module")
def brand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lists") / "brand.txt"
    path.write_text("# category: brand\n竞品甲\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def expected(brand: Path) -> list[dict[str, Any]]:
    """The reports with no cache at all: what every cached run must give."""
    result = run("", brand)
    # Each text but 路口交通 has a finding, and WX1 finds 办假正 only by sound.
    assert [bool(f) for f in findings(result)] == [True, True, True, False, True, True]
    return result["reports"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, brand: Path) -> Path:
    folder = tmp_path_factory.mktemp("template") / "cache"
    run(folder, brand)
    return folder


@pytest.fixture()
def filled(tmp_path: Path, template: Path) -> Path:
    """A warm cache folder of this test's own (a copy: entries are bound to their names, not
    their folder)."""
    folder = tmp_path / "cache"
    shutil.copytree(template, folder)
    return folder


def entry(folder: Path, kind: str) -> Path:
    (path,) = folder.glob(f"{kind}-*")
    return path


def signed(path: Path, value: object) -> None:
    """Write ``value`` where the cache would, authenticated with the user's real key: what an
    attacker who stole the key, or a bug, could produce. Validation must still catch it."""
    key = cache._key(cache.key_file())
    assert key is not None
    mac = cache._mac(key, path.name)
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    mac.update(payload)
    path.write_bytes(cache._MAGIC + mac.digest() + payload)


class _Command:
    """Unpickling this runs a shell command."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[Callable[[str], int], tuple[str]]:
        return (os.system, (self.command,))


# -- what a cache is for, and ordinary damage ----------------------------------------------


@pytest.mark.slow
def test_second_process_reads_the_cache(
    tmp_path: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    folder = tmp_path / "cache"
    first = run(folder, brand)
    kinds = sorted(p.name.split("-")[0] for p in folder.glob("*.entry"))
    phrase_files = ["phrases"] * len(banks.FAMILIES)  # each bundled phrase file, read once
    # 办jia证 is pinyin, which needs the spelling table (WX1), and pinyin typed among
    # characters, which WX3 reads by sound: the syllable table and each syllable's character
    # (出售冰毒 passes the trade gate too, whose joins read the same syllable table).
    # The large regexes' code (text.storedregex): the banks' literal unions, the grid's
    # anchors, the child's details, the chat apps' names.
    assert kinds.count("regex") >= 4
    assert [k for k in kinds if k != "regex"] == [
        "fold",
        "lexicon",
        *phrase_files,
        "rules",
        "sound",
        "spelling",
        "splits",
        "syllable",
        "syllable",
    ]
    second = run(folder, brand)
    assert second["pypinyin_not_imported"] is True  # tables and lexicon came from disk
    assert first["reports"] == second["reports"] == expected


@pytest.mark.slow
def test_corrupt_entries_are_rebuilt(
    filled: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    for path in filled.glob("*.entry"):
        path.write_bytes(b"not an entry" if "fold" in path.name else path.read_bytes()[:100])
    assert run(filled, brand)["reports"] == expected
    assert run(filled, brand)["pypinyin_not_imported"] is True  # rewritten, readable again


@pytest.mark.slow
def test_changed_word_list_is_not_served_stale(tmp_path: Path) -> None:
    folder, words = tmp_path / "cache", tmp_path / "brand.txt"
    words.write_text("# category: brand\n竞品甲\n", "utf-8")
    assert ["WX108"] in findings(run(folder, words))
    words.write_text("# category: brand\n竞品乙\n", "utf-8")
    assert ["WX108"] not in findings(run(folder, words))


@pytest.mark.skipif(ROOT, reason="root ignores permissions")
def test_unwritable_cache_folder_is_skipped(
    tmp_path: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    assert run(folder, brand)["reports"] == expected


@pytest.mark.slow
def test_cache_path_that_is_a_file_is_skipped(
    tmp_path: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run(blocker, brand)
    assert result["reports"] == expected and result["stderr"] == ""


# -- the audit's attacks -----------------------------------------------------------------


@pytest.mark.slow
def test_planted_pickles_never_run(
    filled: Path, tmp_path: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    marker = tmp_path / "pwned"
    evil = pickle.dumps(_Command(f"id > {marker}"))
    outside = tmp_path / "outside.pickle"
    outside.write_bytes(evil)
    # As the audit planted it, a bare pickle; one dressed as an entry with a made-up tag; and
    # a symlink to a pickle elsewhere: one form at each name a run reads.
    entry(filled, "fold").write_bytes(evil)
    entry(filled, "splits").write_bytes(evil)
    entry(filled, "sound").write_bytes(getattr(cache, "_MAGIC", b"") + bytes(32) + evil)
    lexicon = entry(filled, "lexicon")
    lexicon.unlink()
    lexicon.symlink_to(outside)
    assert run(filled, brand)["reports"] == expected
    assert not marker.exists()
    assert outside.read_bytes() == evil  # the entry replaced the link, never wrote through it
    assert all(p.is_file() and not p.is_symlink() for p in filled.iterdir())
    assert run(filled, brand)["pypinyin_not_imported"] is True  # and the cache works again


@pytest.mark.slow
def test_planted_empty_lexicon_is_rebuilt(
    filled: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    path = entry(filled, "lexicon")
    key = path.name.split("-", 1)[1].split(".")[0]
    path.write_bytes(pickle.dumps((key, Lexicon([], []))))  # as the audit planted it
    assert run(filled, brand)["reports"] == expected


@pytest.mark.slow
def test_planted_garbage_sound_tables_are_rebuilt(
    filled: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    path = entry(filled, "sound")
    key = path.name.split("-", 2)[2].split(".")[0]
    path.write_bytes(pickle.dumps((key, "garbage")))  # as the audit planted it
    assert run(filled, brand)["reports"] == expected


@pytest.mark.slow
def test_fifo_entries_never_block(
    filled: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    for path in list(filled.iterdir()):
        path.unlink()
        os.mkfifo(path)
    assert run(filled, brand, timeout=60)["reports"] == expected
    assert all(stat.S_ISREG(p.lstat().st_mode) for p in filled.glob("*.entry"))


@pytest.mark.slow
@posix_only
def test_folder_and_key_are_private_even_under_umask_0(tmp_path: Path, brand: Path) -> None:
    folder, state = tmp_path / "new" / "cache", tmp_path / "state"
    run(folder, brand, state=state, umask=0)
    key = state / "wxguard" / "cache-key"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and key.stat().st_size == 32
    assert {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o600}


@pytest.mark.slow
@posix_only
def test_folder_others_can_write_is_refused(
    filled: Path, tmp_path: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    marker = tmp_path / "pwned"
    for path in filled.iterdir():
        path.write_bytes(pickle.dumps(_Command(f"id > {marker}")))
    before = {p.name: p.read_bytes() for p in filled.iterdir()}
    filled.chmod(0o777)
    result = run(filled, brand)
    assert result["reports"] == expected
    assert result["pypinyin_not_imported"] is False  # the cache was not read
    assert {p.name: p.read_bytes() for p in filled.iterdir()} == before  # nor written
    assert (
        result["stderr"].count("\n") == 1
        and "can be written by group or others" in result["stderr"]
    )
    assert not marker.exists()


@pytest.mark.slow
@posix_only
@pytest.mark.skipif(not ROOT, reason="only root can give a folder to another user")
def test_folder_another_user_owns_is_refused(
    filled: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    os.chown(filled, 65534, 65534)
    result = run(filled, brand)
    assert result["reports"] == expected and result["pypinyin_not_imported"] is False
    assert (
        result["stderr"].count("\n") == 1
        and "owned by another user (uid 65534)" in result["stderr"]
    )


@pytest.mark.slow
def test_cache_from_another_key_is_rebuilt(
    filled: Path, tmp_path: Path, brand: Path, expected: list[dict[str, Any]]
) -> None:
    """A cache folder carried to a machine (or user) with another key is rebuilt, once."""
    elsewhere = tmp_path / "state-elsewhere"
    first = run(filled, brand, state=elsewhere)
    assert first["reports"] == expected and first["pypinyin_not_imported"] is False
    assert run(filled, brand, state=elsewhere)["pypinyin_not_imported"] is True


# -- in process: owners, the key, eviction, validation --------------------------------------


@pytest.fixture()
def private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh cache folder and key folder for calls of ``cached`` in this process."""
    monkeypatch.setenv("WXGUARD_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("WXGUARD_CACHE_MAX_MB", raising=False)
    monkeypatch.setattr(cache, "_warned", False)
    monkeypatch.setattr(cache, "_keys", {})
    yield tmp_path / "c"


def is_bytes(value: object) -> TypeGuard[bytes]:
    return type(value) is bytes


def broken(value: object) -> TypeGuard[bytes]:
    raise ZeroDivisionError


def counting(value: bytes) -> tuple[Callable[[], bytes], list[int]]:
    calls: list[int] = []

    def build() -> bytes:
        calls.append(1)
        return value

    return build, calls


def test_cached_value_is_read_back(private: Path) -> None:
    build, calls = counting(b"x" * 1000)
    assert cache.cached("t", "a", build, is_bytes) == b"x" * 1000
    assert cache.cached("t", "a", build, is_bytes) == b"x" * 1000
    assert len(calls) == 1


def test_value_the_check_refuses_is_rebuilt(private: Path) -> None:
    build, calls = counting(b"fine")
    cache.cached("t", "a", build, is_bytes)
    signed(private / "t-a.entry", "a str, not bytes")
    assert cache.cached("t", "a", build, is_bytes) == b"fine"
    assert cache.cached("t", "a", build, broken) == b"fine"  # a check that breaks refuses
    assert len(calls) == 3


def test_entry_moved_to_another_name_is_rebuilt(private: Path) -> None:
    """A genuine entry under another entry's name does not verify: the MAC covers the name."""
    cache.cached("t", "a", lambda: b"a", is_bytes)
    cache.cached("t", "b", lambda: b"b", is_bytes)
    shutil.copyfile(private / "t-a.entry", private / "t-b.entry")
    assert cache.cached("t", "b", lambda: b"rebuilt", is_bytes) == b"rebuilt"


def test_folder_under_an_entrys_name_is_passed_over(private: Path) -> None:
    """The audit of session 8: a folder planted where an entry goes raised IsADirectoryError
    out of ``Guard()``."""
    cache.cached("t", "a", lambda: b"a", is_bytes)
    (private / "t-a.entry").unlink()
    (private / "t-a.entry").mkdir()
    build, calls = counting(b"rebuilt")
    assert cache.cached("t", "a", build, is_bytes) == b"rebuilt"
    assert cache.cached("t", "a", build, is_bytes) == b"rebuilt"
    assert len(calls) == 2


@posix_only
def test_another_users_folder_is_refused_with_one_warning(
    private: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    build, calls = counting(b"x")
    cache.cached("t", "a", build, is_bytes)
    monkeypatch.setattr(os, "geteuid", lambda: 4242)
    with caplog.at_level(logging.WARNING, logger="wxguard.cache"):
        for _ in range(3):
            assert cache.cached("t", "a", build, is_bytes) == b"x"
    assert len(calls) == 4
    assert [r.getMessage() for r in caplog.records] == [
        f"wxguard: cache off: the cache folder {private} is owned by another user "
        f"(uid {os.stat(private).st_uid}); make it yours with mode 700 to use it"
    ]


@posix_only
@pytest.mark.parametrize(
    "problem",
    [
        "key readable by others",
        "key folder writable by others",
        "key is a symlink",
        "key is a folder",
    ],
)
def test_unsafe_key_turns_the_cache_off(
    private: Path, tmp_path: Path, problem: str, caplog: pytest.LogCaptureFixture
) -> None:
    key = cache.key_file()
    key.parent.mkdir(parents=True, mode=0o700)
    if problem == "key readable by others":
        key.write_bytes(bytes(32))
        key.chmod(0o644)
    elif problem == "key folder writable by others":
        key.parent.chmod(0o777)
    elif problem == "key is a folder":
        key.mkdir(mode=0o700)
    else:
        (tmp_path / "their-key").write_bytes(bytes(32))
        key.symlink_to(tmp_path / "their-key")
    build, calls = counting(b"x")
    with caplog.at_level(logging.WARNING, logger="wxguard.cache"):
        cache.cached("t", "a", build, is_bytes)
        cache.cached("t", "a", build, is_bytes)
    assert len(calls) == 2 and not list(private.glob("*.entry"))
    assert len(caplog.records) == 1 and "cache off" in caplog.records[0].getMessage()


@pytest.mark.slow
def test_processes_starting_together_share_one_key(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    code = "from wxguard import cache; print(cache._key(cache.key_file()).hex())"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert all(err == "" for _, err in outputs)
    assert len({out for out, _ in outputs}) == 1
    assert (tmp_path / "state" / "wxguard" / "cache-key").read_bytes().hex() == outputs[0][
        0
    ].strip()


def test_oldest_entries_are_evicted(private: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WXGUARD_CACHE_MAX_MB", "1")
    blob = os.urandom(300_000)
    for i in range(3):
        cache.cached("t", str(i), lambda: blob, is_bytes)
        os.utime(private / f"t-{i}.entry", (1000 + i, 1000 + i))
    cache.cached("t", "0", lambda: b"", is_bytes)  # a read makes entry 0 the most recently used
    (private / "lexicon-0123.pickle").write_bytes(b"an entry of the old format")
    cache.cached("t", "3", lambda: blob, is_bytes)
    names = sorted(p.name for p in private.iterdir())
    assert names == ["t-0.entry", "t-2.entry", "t-3.entry"]
    assert sum(p.stat().st_size for p in private.iterdir()) <= 1_000_000
    for i in range(5, 15):
        cache.cached("t", str(i), lambda: blob, is_bytes)
    assert sum(p.stat().st_size for p in private.iterdir()) <= 1_000_000
    assert (private / "t-14.entry").exists()


def test_entry_bigger_than_the_limit_is_not_stored(
    private: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WXGUARD_CACHE_MAX_MB", "0.1")
    build, calls = counting(os.urandom(200_000))
    cache.cached("t", "big", build, is_bytes)
    cache.cached("t", "big", build, is_bytes)
    assert len(calls) == 2 and not list(private.iterdir())


@pytest.mark.parametrize("value", ["lots", "-1", "inf", "nan"])
def test_bad_size_limit_warns_once_and_keeps_the_default(
    private: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, value: str
) -> None:
    monkeypatch.setenv("WXGUARD_CACHE_MAX_MB", value)
    with caplog.at_level(logging.WARNING, logger="wxguard.cache"):
        assert cache.max_bytes() == cache.DEFAULT_MAX_MB * 10**6
        cache.cached("t", "a", lambda: b"x", is_bytes)
    assert len(caplog.records) == 1 and "WXGUARD_CACHE_MAX_MB" in caplog.records[0].getMessage()


# -- validation: what a verified entry must still be -----------------------------------------


@pytest.mark.slow
def test_validators_accept_what_the_builders_make(tmp_path: Path) -> None:
    assert folding._valid(folding._stored(folding.tables()))
    assert sound._valid_classes(sound.class_table())
    assert sound._valid_spell(sound.spell_table())
    assert splitchars._valid(splitchars.splits())
    words = tmp_path / "brand.txt"
    words.write_text("# category: brand\n竞品甲\n", "utf-8")
    allowed = tmp_path / "allow.txt"
    allowed.write_text("# category: allow\n竞品甲乙\n", "utf-8")
    # A lexicon the check refused would be rebuilt at every start: each setting must pass.
    for config in (
        GuardConfig(),
        GuardConfig(words={"brand": ("竞品甲",)}, allow=("/^ok$/i", "大麻烦")),
        GuardConfig(
            default_wordlists=False, wordlists=(words, allowed), split_characters=False, sound=False
        ),
        GuardConfig(default_wordlists=False, words={"drugs": ("冰毒",)}),
    ):
        assert _valid_lexicon(config)(lexicon_for(config)), config
    lexicon = lexicon_for(GuardConfig(words={"brand": ("竞品甲",)}))
    assert not _valid_lexicon(GuardConfig(sound=False))(lexicon)
    assert not _valid_lexicon(GuardConfig(words={"brand": ("竞品乙",)}))(lexicon)
    assert not _valid_lexicon(GuardConfig(split_characters=False))(lexicon)
    assert not _valid_lexicon(GuardConfig(default_wordlists=False, wordlists=(words,)))(lexicon)


def test_validators_refuse_tables_of_the_right_type_and_wrong_content() -> None:
    t = folding.tables()
    stored = folding._stored(t)
    assert folding._expand(stored) == t
    for wrong in (
        # the identity: Ａ does not fold to a
        folding._Stored((), {}, {}, t.simplified, t.t2s, t.homoglyphs),
        replace(stored, one_to_one={**stored.one_to_one, 0x41: 0x110000}),
        replace(stored, skeleton={**stored.skeleton, 0x42: -1}),
        replace(stored, skeleton={**stored.skeleton, folding.TABLE_SIZE: "x"}),
        replace(stored, skeleton={**stored.skeleton, 0x43: b"c"}),
        replace(
            stored, deleted=(*stored.deleted, (folding.TABLE_SIZE - 1, folding.TABLE_SIZE + 1))
        ),
        replace(stored, deleted=(*stored.deleted, (5, 5))),
        replace(stored, deleted=((0, ord("Ａ") + 1),)),  # deletes a and 中
        replace(stored, t2s={}),
        # the tables themselves, as entries before this layout held them
        t,
    ):
        assert not folding._valid(wrong), wrong
    spell, classes = list(sound.spell_table()), list(sound.class_table())
    assert sound._valid_spell(spell) and sound._valid_classes(classes)
    assert not sound._valid_classes(list(folding.tables().skeleton))
    assert not sound._valid_classes(spell) and not sound._valid_spell(classes)
    assert not sound._valid_spell(["ban"] * folding.TABLE_SIZE)
    assert not sound._valid_spell([*spell[:-1], None])
    assert not splitchars._valid({"娼": [("女", "昌")], "x": []})
    assert not sound._valid_classes("garbage") and not sound._valid_classes(["y"])
    assert not _valid_lexicon(GuardConfig())(Lexicon([], []))


@pytest.mark.slow
def test_signed_wrong_tables_are_rebuilt(private: Path) -> None:
    """Entries that verify (a leaked key, a bug) but hold the audit's values are not used."""
    for read, kind, value in (
        (sound.class_table, "sound", "garbage"),
        (sound.spell_table, "spelling", ["ban"] * folding.TABLE_SIZE),
        (folding.tables, "fold", folding._Stored((), {}, {}, {0: 0}, {"a": "a"}, {"a": "a"})),
    ):
        real = read()
        read.cache_clear()
        assert read() == real  # built again, and stored in this test's folder
        signed(entry(private, kind), value)
        read.cache_clear()
        assert read() == real


JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=4) | st.binary(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=2), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(JUNK)
def test_no_junk_passes_a_validator(value: object) -> None:
    lexicon_check = _valid_lexicon(GuardConfig())
    for check in (
        folding._valid,
        sound._valid_classes,
        sound._valid_spell,
        splitchars._valid,
        lexicon_check,
        banks._valid_family(*_text("inducement")),
    ):
        assert cache._accepts(value, check) is False


# -- phrase files: read once, kept as plain data ----------------------------------------------


def _compiled(sources: dict[str, banks.BankSource]) -> dict[tuple[str, bool, bool], object]:
    """Every bank compiled in each view, alone or not: its phrases' regexes and anchors, its
    alternation, or the error it raises."""
    out: dict[tuple[str, bool, bool], object] = {}
    for name, source in sources.items():
        for compacted in (True, False):
            for alone in (True, False):
                try:
                    bank = source.compile(compacted=compacted, alone=alone)
                except Exception as exc:
                    out[name, compacted, alone] = str(exc)
                    continue
                out[name, compacted, alone] = (bank.phrases, bank.source, bank.anchors)
    return out


def _fresh(family: str) -> tuple[dict[str, Any], dict[str, banks.BankSource]]:
    """The family as read without any reading kept: every phrase compiled on the spot."""
    data, stored = banks._read_family(*_text(family))
    return data, {
        name: banks.BankSource(name, about, phrases, patterns, options)
        for name, (about, phrases, patterns, options, _) in stored.items()
    }


def _text(family: str) -> tuple[str, str]:
    path, where = wordlist_path(f"{family}.toml")
    return read_text(path, where, "phrase file"), where


@pytest.mark.parametrize("family", banks.FAMILIES)
def test_phrase_families_read_from_the_cache_compile_the_same(private: Path, family: str) -> None:
    data, fresh = _fresh(family)
    expected = _compiled(fresh)
    built = banks.bundled_family(family)  # built, and stored in this test's folder
    read = banks.bundled_family(family)  # read back
    assert entry(private, f"phrases-{family}")
    for got in (built, read):
        assert got[0] == data
        assert _compiled(got[1]) == expected


def test_phrase_family_validator_refuses_wrong_content() -> None:
    data, stored = banks._read_family(*_text("inducement"))
    valid = banks._valid_family(*_text("inducement"))
    assert valid((data, stored))
    name = next(iter(stored))
    about, phrases, patterns, options, readings = stored[name]
    regex, split, anchors, count = readings[True][0]  # type: ignore[misc]
    wrong: list[object] = [
        # a sampled phrase read otherwise
        {
            **stored,
            name: (
                about,
                phrases,
                patterns,
                options,
                {**readings, True: [(regex + "|x", split, anchors, count), *readings[True][1:]]},
            ),
        },
        # phrases that are not those of the table
        {**stored, name: (about, phrases[1:], patterns, options, readings)},
        # a bank missing
        {k: v for k, v in stored.items() if k != name},
        # readings of another length
        {**stored, name: (about, phrases, patterns, options, {**readings, False: []})},
    ]
    for banks_value in wrong:
        assert not valid((data, banks_value))
    assert not valid(({}, {}))  # no banks at all
    assert not valid(banks._read_family(*_text("frames")))  # another file's


def test_signed_wrong_phrase_family_is_rebuilt(private: Path) -> None:
    """An entry that verifies but holds another family's banks is not used."""
    real = _compiled(banks.bundled_family("scams")[1])
    signed(entry(private, "phrases-scams"), banks._read_family(*_text("frames")))
    assert _compiled(banks.bundled_family("scams")[1]) == real


# -- the rule catalog: data/rules.toml parsed once, kept as plain data ------------------------


def _rules() -> tuple[str, dict[str, Any]]:
    text = read_text(data_path("rules.toml"), "data/rules.toml", "data file")
    return text, tomllib.loads(text)


def test_rule_table_read_from_the_cache_is_the_parsed_file(private: Path) -> None:
    parsed = _rules()[1]
    assert _rules_table() == parsed  # built, and stored in this test's folder
    assert entry(private, "rules")
    assert _rules_table() == parsed  # read back


def test_rule_table_validator_refuses_wrong_content() -> None:
    text, parsed = _rules()
    valid = _valid_rules(text)
    assert valid(parsed)
    rules = parsed["rules"]
    for wrong in (
        {**parsed, "rules": rules[1:]},  # a rule missing
        {**parsed, "rules": [rules[1], rules[0], *rules[2:]]},  # out of order
        {**parsed, "rules": [{**rules[0], "code": "WX999"}, *rules[1:]]},
        {k: v for k, v in parsed.items() if k != "families"},
        {**parsed, "words": {}},
        {**parsed, "rules": [{**rules[0], "severity": object()}, *rules[1:]]},  # not TOML
        {1: "x"},
    ):
        assert not valid(wrong)


def test_signed_wrong_rule_table_is_rebuilt(private: Path) -> None:
    """An entry that verifies but drops a rule is not used: the catalog keeps every rule."""
    parsed = _rules()[1]
    _rules_table()
    signed(entry(private, "rules"), {**parsed, "rules": parsed["rules"][1:]})
    assert _rules_table() == parsed


@given(JUNK)
def test_no_junk_passes_the_rule_table_validator(value: object) -> None:
    assert cache._accepts(value, _valid_rules(_rules()[0])) is False
