"""WX501: mainland mobile numbers, 11 digits with a prefix in service.

``+86``/``0086``/``(+86)`` country codes and spaces or dashes (3-4-4, or between every digit
to slip past a filter) are accepted; digits
run on either side (order numbers) and masked forms (``159****0000``) are not numbers.
"""

from __future__ import annotations

from typing import ClassVar

from .base import NOT_PERSONAL, Pattern, PatternRecognizer
from .validators import mobile_ok

_CC = r"(?:(?:\+|00)86[ -]?|\((?:\+|00)?86\)[ ]?|86(?=1[3-9]\d{9}(?!\d))|86(?=[ -]1))"
_NUM = r"1[ -]?[3-9](?:[ -]?\d){9}"
_EDGE_BEFORE = r"(?<![0-9])(?<![0-9][-.])"
_EDGE_AFTER = r"(?![0-9])(?![-.][0-9])"


class MobileRecognizer(PatternRecognizer):
    ENTITY = "MOBILE"
    RULE = "WX501"
    KIND = "mobile"
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "mobile-country-code", rf"{_EDGE_BEFORE}{_CC}[ -]?(?P<num>{_NUM}){_EDGE_AFTER}", 0.85
        ),
        Pattern(
            "mobile", rf"{_EDGE_BEFORE}(?<!\+86)(?<!\+86[ -])(?P<num>{_NUM}){_EDGE_AFTER}", 0.6
        ),
    )
    CONTEXT = (
        "手机",
        "收件人",
        "收货人",
        "寄件人",
        "联系人",
        "电话",
        "联系",
        "致电",
        "拨打",
        "来电",
        "热线",
        "号码",
        "短信",
        "微信",
        "加v",
        "vx",
        "咨询",
        "客服",
        "tel",
        "phone",
        "mobile",
        "call",
    )
    NEGATIVE = (*NOT_PERSONAL, "qq", "¥", "$", "价格", "金额", "账号", "卡号")

    def validate(self, value: str, pattern: Pattern) -> float | None:
        return pattern.score if mobile_ok(value) else None
