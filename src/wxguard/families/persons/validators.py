"""Check algorithms for personal numbers: they turn "looks like" into "is".

Sources (wxguard domain reference, section 5): GB 11643-1999 for resident ID numbers (as in
arthurdejong/python-stdnum ``stdnum/cn/ric.py``), the Luhn check for bank cards, the mobile
prefix table of VincentSit/ChinaMobilePhoneNumberRegex (README-CN, 2020-05), and the
GB/T 2260 province codes.
"""

from __future__ import annotations

from datetime import date

from ...clock import beijing_today

# GB/T 2260 province-level codes, plus 71 Taiwan, 81 Hong Kong, 82 Macao (the residence
# permits of 2018 use 81/82/83 with the resident-ID layout).
PROVINCE_CODES = frozenset(
    {
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    }
)
PERMIT_CODES = frozenset({"81", "82", "83"})

# First three digits of 11-digit mainland mobile numbers (data cards 145/147/149 included;
# 140–144, 146 and 148 are 13-digit IoT numbers).
MOBILE_PREFIXES = frozenset(
    [f"13{d}" for d in range(10)]
    + ["145", "147", "149"]
    + ["150", "151", "152", "153", "155", "156", "157", "158", "159"]
    + ["162", "165", "166", "167"]
    + [f"17{d}" for d in range(9)]
    + [f"18{d}" for d in range(10)]
    + ["190", "191", "192", "193", "195", "196", "197", "198", "199"]
)

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK = "10X98765432"


def gb11643_check(first17: str) -> str:
    """The check character of an 18-character resident ID from its first 17 digits."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def real_date(year: int, month: int, day: int, today: date | None = None) -> bool:
    """A calendar date no later than today and no earlier than 1900."""
    try:
        born = date(year, month, day)
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= (today or beijing_today())


def resident_id_ok(value: str, today: date | None = None) -> bool:
    """18 characters: known province, real birth date, GB 11643 check character."""
    value = value.upper()
    if len(value) != 18 or not value[:17].isdigit() or value[:2] not in PROVINCE_CODES:
        return False
    if not real_date(int(value[6:10]), int(value[10:12]), int(value[12:14]), today):
        return False
    return gb11643_check(value[:17]) == value[17]


def under_14(value: str, today: date | None = None) -> bool:
    """An 18-character ID whose birth date makes its holder a child under 14, whose personal
    information is all sensitive (PIPL art. 28); ``value`` has a real date (checked first)."""
    today = today or beijing_today()
    year, month, day = int(value[6:10]), int(value[10:12]), int(value[12:14])
    return today.year - year - ((today.month, today.day) < (month, day)) < 14


def legacy_resident_id_ok(value: str) -> bool:
    """15 digits (before 1999): known province and a real 19YYMMDD birth date; no check digit."""
    if len(value) != 15 or not value.isdigit() or value[:2] not in PROVINCE_CODES:
        return False
    return real_date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check: double every second digit from the right."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = int(char)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def mobile_ok(digits: str) -> bool:
    return len(digits) == 11 and digits[:3] in MOBILE_PREFIXES
