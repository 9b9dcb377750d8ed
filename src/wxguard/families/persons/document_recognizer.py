"""WX505: passports and the travel permits between the mainland, Hong Kong, Macao and
Taiwan. Their shapes (a letter and 8 digits) collide with order numbers and SKUs, so a
match counts only next to a word naming a document.

Formats from wxguard's domain reference, section 5.5: e-passports E + 8 digits or E + letter
+ 7; diplomatic/service/public-affairs DE/SE/PE + 7; older G + 8 and 14/15 + 7; HKSAR K + 8;
往来港澳通行证 C + 8 (second character a letter on newer cards) or W + 8; 回乡证 H/M + 8 or
+ 10; 台胞证 8 or 10 digits (only next to 台胞证 or 台湾).
"""

from __future__ import annotations

from typing import ClassVar

from .base import Pattern, PatternRecognizer

_B = r"(?<![0-9a-z])"
_A = r"(?![0-9a-z])"
_TAIWAN = ("台胞证", "台湾居民", "台湾同胞")


class DocumentRecognizer(PatternRecognizer):
    ENTITY = "ID_DOCUMENT"
    RULE = "WX505"
    KIND = "passport"
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "passport", rf"{_B}(?:[eg]\d{{8}}|e[a-hj-np-z]\d{{7}}|1[45]\d{{7}}|k\d{{8}}){_A}", 0.5
        ),
        Pattern("passport-official", rf"{_B}[dsp]e\d{{7}}{_A}", 0.5),
        Pattern("hk-macao-permit", rf"{_B}(?:c[0-9a-hj-np-z]\d{{7}}|w\d{{8}}){_A}", 0.5),
        Pattern("home-return-permit", rf"{_B}[hm]\d{{8}}(?:\d{{2}})?{_A}", 0.5),
        Pattern("taiwan-compatriot-permit", rf"{_B}\d{{8}}(?:\d{{2}})?{_A}", 0.5, needs=_TAIWAN),
    )
    CONTEXT = (
        "护照",
        "通行证",
        "证件号",
        "证件",
        "回乡证",
        "台胞证",
        "passport",
        "签注",
        "港澳",
        *_TAIWAN,
    )
    REQUIRES_CONTEXT = True

    def kind_of(self, value: str, pattern: Pattern) -> tuple[str, str]:
        return self.RULE, "passport" if pattern.name.startswith("passport") else pattern.name
