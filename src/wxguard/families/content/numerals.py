"""Numbers from 10 to 99 written both ways inside terms: 18禁 and 十八禁, 九十二式 and 92式.

Single digits need nothing here: folding turns 一…九 (and 壹, ①, 〇 …) into digits in text
and terms alike, so 一夜情 and 1夜情 already share one spelling. A number with 十 does not
fold character by character (十八 is two characters for two digits, 十 one for two), so
each term gets the other spelling as an extra pattern.
"""

from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"
# Two-digit numbers in a folded term (a longer run is a code, not a number one says).
_ARABIC = re.compile(r"(?<!\d)[1-9]\d(?!\d)")
# 十, 十8, 2十, 2十8 in a folded term (folding has turned 一…九 into digits).
_CHINESE = re.compile(r"(?<![\d十百千万])([1-9]?)十([1-9]?)(?![\d十百千万])")


def _chinese(number: str) -> str:
    tens, units = int(number[0]), int(number[1])
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")


def _arabic(m: re.Match[str]) -> str:
    return str(int(m.group(1) or "1") * 10 + int(m.group(2) or "0"))


def numeral_variants(folded: str) -> list[str]:
    """A folded spelling with every number of 10–99 written the other way, if it has one."""
    if _ARABIC.search(folded):
        return [_ARABIC.sub(lambda m: _chinese(m.group()), folded)]
    if "十" in folded and _CHINESE.search(folded):
        return [_CHINESE.sub(_arabic, folded)]
    return []
