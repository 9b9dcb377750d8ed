"""The sound view: each character spelled as its toneless pinyin syllable.

Built once from pypinyin's character table (``pypinyin.pinyin_dict``, MIT); messages are
never passed through pypinyin itself, only through ``str.translate`` with this table.
"""

from __future__ import annotations

import threading
import unicodedata

from .folding import TABLE_SIZE

BREAK = "|"
# Digits are read aloud the Chinese way, so 1夜情 and 一夜情 sound the same.
_DIGITS = ("ling", "yi", "er", "san", "si", "wu", "liu", "qi", "ba", "jiu")

_lock = threading.Lock()
_table: list[str] | None = None


def _toneless(syllable: str) -> str:
    plain = unicodedata.normalize("NFD", syllable.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v")
                                  .replace("ǚ", "v").replace("ǜ", "v"))
    return "".join(c for c in plain if c.isascii() and c.isalpha())


def sound_table() -> list[str]:
    """``str.translate`` table: CJK → syllable, a–z → itself, digits → reading, else ``|``."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                from pypinyin.pinyin_dict import pinyin_dict

                table = [BREAK] * TABLE_SIZE
                for cp, readings in pinyin_dict.items():
                    if cp < TABLE_SIZE:
                        syllable = _toneless(readings.split(",")[0])
                        if syllable:
                            table[cp] = syllable
                for letter in "abcdefghijklmnopqrstuvwxyz":
                    table[ord(letter)] = letter
                for digit, reading in enumerate(_DIGITS):
                    table[ord(str(digit))] = reading
                _table = table
    return _table


def spell(text: str) -> str:
    return text.translate(sound_table())
