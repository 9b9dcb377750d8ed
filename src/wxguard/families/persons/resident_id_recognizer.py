"""WX502: resident ID numbers (GB 11643-1999), and WX505 for the residence permits of
Hong Kong, Macao and Taiwan residents, which share the layout with codes 81/82/83.

An 18-character number counts on its check character and a real birth date; one that
fails the check needs a context word (a mistyped ID is still personal). The 15-digit form
of before 1999 has no check digit and needs a context word. A child's number (born under 14
years ago) is an error of its own: all of a child's personal information is sensitive.
"""

from __future__ import annotations

from typing import ClassVar

from .base import Pattern, PatternRecognizer
from .validators import (
    PERMIT_CODES,
    PROVINCE_CODES,
    legacy_resident_id_ok,
    real_date,
    resident_id_ok,
    under_14,
)

_BEFORE = r"(?<![0-9a-z])"
_AFTER = r"(?![0-9a-z])"


class ResidentIdRecognizer(PatternRecognizer):
    ENTITY = "RESIDENT_ID"
    RULE = "WX502"
    KIND = "resident-id"
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        Pattern("resident-id-18", rf"{_BEFORE}\d{{6}} ?\d{{8}} ?\d{{3}}[0-9x]{_AFTER}", 0.85),
        Pattern("resident-id-15", rf"{_BEFORE}\d{{15}}{_AFTER}", 0.3),
    )
    CONTEXT = ("身份证", "身份号", "证件号", "公民身份", "居民身份", "身份信息", "居住证", "id")

    def validate(self, value: str, pattern: Pattern) -> float | None:
        if len(value) == 15:
            return pattern.score if legacy_resident_id_ok(value) else None
        if resident_id_ok(value):
            return pattern.score
        plausible = value[:2] in PROVINCE_CODES and real_date(
            int(value[6:10]), int(value[10:12]), int(value[12:14])
        )
        return 0.3 if plausible else None

    def kind_of(self, value: str, pattern: Pattern) -> tuple[str, str]:
        if value[:2] in PERMIT_CODES:
            return "WX505", "hmt-residence-permit"
        if len(value) == 18 and under_14(value):
            return self.RULE, "resident-id-minor"
        return self.RULE, self.KIND
