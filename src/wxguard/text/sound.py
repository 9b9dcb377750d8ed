"""Sound classes: each CJK character stands for its toneless pinyin syllable.

Built once from pypinyin's character table (``pypinyin/pinyin_dict.json``, MIT); messages are
never passed through pypinyin itself, only through ``str.translate`` with these tables.

Two tables:
- ``class_table`` folds an original character (see ``folding``) and writes every CJK character
  and digit as one private-use symbol per syllable, so 办假证, 辦假證 and 办假正 share one
  spelling and the exact and homophone scans are a single scan. Other letters stay themselves.
- ``spell_table`` writes folded text as pinyin letters, for pinyin typed in Latin letters.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeGuard

from ..cache import cached, digest, versions
from .folding import TABLE_SIZE, table_key, tables

BREAK = "|"
# Digits are read aloud the Chinese way, so 1夜情 and 一夜情 sound the same.
DIGIT_READINGS = ("ling", "yi", "er", "san", "si", "wu", "liu", "qi", "ba", "jiu")
# Syllable symbols live in the BMP private-use area, which folding deletes from any text.
_SYMBOL_BASE = 0xE000
# The CJK blocks: extension A, unified, compatibility, and the supplementary planes' extensions
# (folding writes some variants there: 餸 folds to 𩠌).
_CJK_RANGES = ((0x3400, 0xA000), (0xF900, 0xFB00), (0x20000, TABLE_SIZE))


def _toneless(syllable: str) -> str:
    plain = unicodedata.normalize("NFD", syllable).replace("u\u0308", "v")
    return "".join(c for c in plain if c.isascii() and c.isalpha())


def _pinyin_dict() -> dict[int, str]:
    """pypinyin's readings of each character, read from its data file: importing the
    package loads its phrase dictionary too, which wxguard never uses (45 MB and 0.3 s of
    every process that builds the tables)."""
    spec = find_spec("pypinyin")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        try:
            raw = json.loads((Path(folder) / "pinyin_dict.json").read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if type(raw) is dict and all(type(v) is str for v in raw.values()):
            return {int(k): v for k, v in raw.items()}
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict)


@cache
def _readings() -> dict[int, str]:
    out: dict[int, str] = {}
    # 41,000 characters read as 1,500 toned syllables: each made toneless once.
    toneless: dict[str, str] = {}
    for cp, readings in _pinyin_dict().items():
        if cp < TABLE_SIZE:
            first = readings.split(",")[0]
            syllable = toneless.get(first)
            if syllable is None:
                syllable = toneless[first] = _toneless(first)
            if syllable:
                out[cp] = syllable
    return out


# What a cached table may be: tuples, as built now, or lists, as entries made before were.
_TABLE_TYPES = (tuple, list)


@cache
def class_table() -> tuple[int | str | None, ...]:
    """A tuple in memory, as ``folding.tables``: the collector stops walking it. Kept apart
    from the spelling table, which only text with Latin letters needs."""
    return tuple(cached("sound-classes", _key(), _build_classes, _valid_classes))


@cache
def spell_table() -> tuple[str, ...]:
    return tuple(cached("spelling", _key(), _build_spell, _valid_spell))


def _key() -> str:
    return digest(table_key(), versions("pypinyin"))


def _valid_classes(value: object) -> TypeGuard[Sequence[int | str | None]]:
    """A cached table is used only with the shape ``str.translate`` needs and a few sounds
    every version of the data agrees on; anything else is rebuilt."""
    if not _table(value) or not set(map(type, value)) <= {int, str, type(None)}:
        return False
    try:
        ban = "办".translate(value)
        return (
            len(ban) == 1
            and _SYMBOL_BASE <= ord(ban) < 0xF900
            and "辦".translate(value) == "半".translate(value) == ban
            and "1".translate(value) == "一".translate(value) != ban
        )
    except (TypeError, ValueError):
        return False


def _valid_spell(value: object) -> TypeGuard[Sequence[str]]:
    """Strings only, and readings every version of the data agrees on."""
    if not _table(value) or set(map(type, value)) != {str}:
        return False
    try:
        return "办a1".translate(value) == "banayi"
    except (TypeError, ValueError):
        return False


def _table(value: object) -> TypeGuard[Sequence[Any]]:
    return type(value) in _TABLE_TYPES and len(value) == TABLE_SIZE  # type: ignore[arg-type]


def _build_spell() -> Sequence[str]:
    spell_: list[str] = [BREAK] * TABLE_SIZE
    for cp, syllable in _readings().items():
        spell_[cp] = syllable
    for letter in "abcdefghijklmnopqrstuvwxyz":
        spell_[ord(letter)] = letter
    for digit, reading in enumerate(DIGIT_READINGS):
        spell_[ord(str(digit))] = reading
    return tuple(spell_)


def _build_classes() -> Sequence[int | str | None]:
    readings = _readings()
    symbol_of: dict[str, str] = {}
    for syllable in sorted(set(readings.values()) | set(DIGIT_READINGS)):
        symbol_of[syllable] = chr(_SYMBOL_BASE + len(symbol_of))
    char_symbol = {chr(cp): symbol_of[s] for cp, s in readings.items()}
    for digit, reading in enumerate(DIGIT_READINGS):
        char_symbol[str(digit)] = symbol_of[reading]

    fold_table = tables().skeleton
    classes: list[int | str | None] = list(fold_table)
    for cp, entry in enumerate(fold_table):
        if entry is None:
            continue
        if isinstance(entry, int):
            symbol = char_symbol.get(chr(entry))
            if symbol is not None:
                classes[cp] = symbol
        else:
            classes[cp] = "".join(char_symbol.get(c, c) for c in entry)
    return tuple(classes)


def spell(folded: str) -> str:
    """Pinyin letters of folded text: CJK → syllable, a–z → itself, digits → reading, else ``|``."""
    return folded.translate(spell_table())


@cache
def syllable_table() -> tuple[str, ...]:
    """A ``str.translate`` table over folded text that writes each CJK character as its
    syllable symbol and leaves every other character (digits, letters, punctuation) as it
    is: one character for one, so indices are kept and phrases translated the same way
    match their homophones (铳植 for 充值, 網止 for 网址). Cached on disk as one string (quick
    to read back) and made a tuple here: ``str.translate`` is as fast with it as with a
    list, and the collector stops walking it once seen."""
    return tuple(
        cached(
            "syllable-table",
            digest(table_key(), versions("pypinyin")),
            _build_syllables,
            _valid_syllables,
        )
    )


def _valid_syllables(value: object) -> TypeGuard[str]:
    return type(value) is str and len(value) == TABLE_SIZE


def _build_syllables() -> str:
    classes = class_table()
    table = [chr(cp) for cp in range(TABLE_SIZE)]
    for start, end in _CJK_RANGES:
        for cp in range(start, end):
            entry = classes[cp]
            if isinstance(entry, str) and len(entry) == 1 and "\ue000" <= entry <= "\uf8ff":
                table[cp] = entry
    return "".join(table)


@cache
def syllable_chars() -> dict[str, str]:
    """Each toneless syllable (``kan``, ``hong``) and a CJK character read so (the first of
    the unified block that folding keeps): pinyin typed among Chinese characters (帮我kan一刀)
    is written as that character, whose sound class is the syllable's. Cached on disk, so a
    process that reads it does not import pypinyin."""
    return cached("syllable-chars", _key(), _build_syllable_chars, _valid_syllable_chars)


def _build_syllable_chars() -> dict[str, str]:
    one_to_one = tables().one_to_one
    out: dict[str, str] = {}
    for cp, syllable in sorted(_readings().items()):
        if 0x4E00 <= cp < 0xA000 and one_to_one[cp] == cp:
            out.setdefault(syllable, chr(cp))
    return out


def _valid_syllable_chars(value: object) -> TypeGuard[dict[str, str]]:
    return (
        type(value) is dict
        and all(type(k) is str and type(v) is str and len(v) == 1 for k, v in value.items())
        and value.get("ban", "").translate(class_table()) == "办".translate(class_table())
    )


@cache
def _tones() -> dict[str, tuple[str, ...]]:
    return cached("tones", digest(versions("pypinyin")), _build_tones, _valid_tones)


def _build_tones() -> dict[str, tuple[str, ...]]:
    return {
        chr(cp): tuple(readings.split(","))
        for cp, readings in _pinyin_dict().items()
        if cp < TABLE_SIZE
    }


def _valid_tones(value: object) -> TypeGuard[dict[str, tuple[str, ...]]]:
    """A dict of readings that knows 赌 as dǔ; anything else is rebuilt."""
    if type(value) is not dict or len(value) < 20000:
        return False
    readings = value.get("赌")
    return (
        type(readings) is tuple
        and readings[:1] == ("dǔ",)
        and all(type(r) is tuple for r in value.values())
    )


def same_tone(char: str, other: str) -> bool:
    """True when ``char`` and ``other`` have the same usual reading, tone included: 堵 dǔ
    and 赌 dǔ, not 读 dú (the classes above ignore tones)."""
    tones = _tones()
    mine = tones.get(char)
    theirs = tones.get(other)
    return mine is not None and theirs is not None and mine[0] == theirs[0]


def toned(term: str) -> str | None:
    """The usual reading of ``term`` with its tone marks (赌博 → dǔbó), or None where a
    character has none."""
    tones = _tones()
    out = []
    for char in term:
        readings = tones.get(char)
        if readings is None:
            return None
        out.append(readings[0])
    return "".join(out)
