"""WX503: bank card numbers, 16–19 digits (groups of four allowed).

Not every domestic debit card passes the Luhn check, so Luhn raises the score instead of
gating it; a UnionPay (62) or other card-network prefix raises it too. A number that starts
like no card network (order numbers start with a date) counts only next to a context word.
"""

from __future__ import annotations

from typing import ClassVar

from .base import NOT_PERSONAL, Pattern, PatternRecognizer
from .validators import luhn_ok


def _network(digits: str) -> bool:
    """Issuer prefixes of the networks cards in China carry: UnionPay 62, Visa 4,
    Mastercard 51–55 and 2221–2720, JCB 35, domestic debit 9, and 3/6 generally."""
    return digits[0] in "3456" or digits[0] == "9" or 2221 <= int(digits[:4]) <= 2720


class BankCardRecognizer(PatternRecognizer):
    ENTITY = "BANK_CARD"
    RULE = "WX503"
    KIND = "bank-card"
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        # Written in groups, a card must stand apart from other digits (a grouped number
        # may run on: 6222 0210 … 7890 1234); one unbroken run of 16–19 digits is a card
        # even beside another number (姓名 身份证 手机 卡号, space-separated, as 报名 and
        # payroll lists write them).
        Pattern(
            "bank-card",
            r"(?<![0-9])(?:\d{16,19}|(?<![0-9][ -])\d(?:[ -]?\d){15,18}(?![ -][0-9]))(?![0-9])",
            0.3,
        ),
    )
    CONTEXT = (
        "卡号",
        "银行卡",
        "储蓄卡",
        "信用卡",
        "借记卡",
        "开户行",
        "开户",
        "账号",
        "帐号",
        "账户",
        "收款",
        "转账",
        "汇款",
        "打款",
        "银行",
        "card",
    )
    NEGATIVE = tuple(w for w in NOT_PERSONAL if w != "编号")

    def validate(self, value: str, pattern: Pattern) -> float | None:
        if not _network(value):
            return 0.15
        score = pattern.score
        if luhn_ok(value):
            score += 0.4
        if value.startswith("62"):
            score += 0.15
        return score
