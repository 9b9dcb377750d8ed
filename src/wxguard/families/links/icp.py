"""ICP and public-security filing numbers: recognising them in text, an offline registry of
the domains a user knows to be filed, and the protocol for a user's own lookup.

Number forms and province abbreviations follow wxguard's domain reference, section 4
(MIIT footers such as ``京ICP备2024077296号-1``, ``京ICP证110507号``, ``浙B2-20120165`` and
``京公网安备11010802020134号``); province codes are those of GB/T 2260.

Only positive evidence counts: a domain is filed when the registry lists it or a resolver
answers with a well-formed filing number. A failed or empty lookup means "unknown", which is
not "filed" (third-party lookup APIs answer errors that a naive parser reads as "no filing").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ...errors import WordListError
from ...resources import read_text, read_toml
from .hosts import normalise_domain, parents

# Province abbreviation → GB/T 2260 province code (both spellings where two are in use).
PROVINCES: dict[str, str] = {
    "京": "11",
    "津": "12",
    "冀": "13",
    "晋": "14",
    "蒙": "15",
    "辽": "21",
    "吉": "22",
    "黑": "23",
    "沪": "31",
    "苏": "32",
    "浙": "33",
    "皖": "34",
    "闽": "35",
    "赣": "36",
    "鲁": "37",
    "豫": "41",
    "鄂": "42",
    "湘": "43",
    "粤": "44",
    "桂": "45",
    "琼": "46",
    "渝": "50",
    "川": "51",
    "蜀": "51",
    "贵": "52",
    "黔": "52",
    "云": "53",
    "滇": "53",
    "藏": "54",
    "陕": "61",
    "秦": "61",
    "甘": "62",
    "陇": "62",
    "青": "63",
    "宁": "64",
    "新": "65",
}
_PROV = "[" + "".join(PROVINCES) + "]"

# Written on the folded view (lower case, full width folded), so "ＩＣＰ" and "icp" match too.
_NUMBERS = re.compile(
    rf"(?P<prov>{_PROV})[ \t]*(?:"
    r"icp[ \t]*(?P<kind>[备证])[ \t]*(?:字[ \t]*)?(?:第[ \t]*)?(?P<num>\d+)[ \t]*号?(?:[ \t]*-[ \t]*(?P<site>\d+))?"
    r"|(?P<b2>b2)[ \t]*-[ \t]*(?P<b2num>\d+)"
    r"|公网安备[ \t]*(?P<police>\d+)[ \t]*号?"
    r")"
)


@dataclass(frozen=True)
class FilingNumber:
    """A filing or licence number found in text; ``problem`` says why it is malformed."""

    start: int
    end: int
    kind: str  # "icp-filing", "icp-licence", "telecom-licence", "police-filing"
    province: str
    number: str
    site: int | None
    problem: str | None

    @property
    def valid(self) -> bool:
        return self.problem is None


def _problem(kind: str, province: str, number: str, site: str | None) -> str | None:
    if kind == "icp-filing" and not (6 <= len(number) <= 8 or len(number) == 10):
        return f"an ICP filing number has 6–8 or 10 digits, not {len(number)}"
    if kind == "icp-licence" and not 6 <= len(number) <= 8:
        return f"an ICP licence number has 6–8 digits, not {len(number)}"
    if kind == "icp-filing" and len(number) == 10 and not 2003 <= int(number[:4]) <= 2099:
        return f"a 10-digit ICP filing number starts with its year, not {number[:4]}"
    if kind == "telecom-licence" and len(number) != 8:
        return f"a B2 licence number has 8 digits, not {len(number)}"
    if kind == "police-filing":
        if not 12 <= len(number) <= 14:
            return f"a public-security filing number has 12–14 digits, not {len(number)}"
        if number[:2] != PROVINCES[province]:
            return f"{province} filings start with division code {PROVINCES[province]}, not {number[:2]}"
    if site is not None and not (site.isdigit() and 1 <= int(site) <= 999):
        return f"site suffix -{site} is not 1–999"
    return None


def find_filing_numbers(folded: str) -> list[FilingNumber]:
    """Every ICP / B2 / 公网安备 number in a folded text, well-formed or not."""
    found: list[FilingNumber] = []
    for m in _NUMBERS.finditer(folded):
        prov = m["prov"]
        if m["police"] is not None:
            kind, number, site = "police-filing", m["police"], None
        elif m["b2"] is not None:
            kind, number, site = "telecom-licence", m["b2num"], None
        else:
            kind = "icp-filing" if m["kind"] == "备" else "icp-licence"
            number, site = m["num"], m["site"]
        found.append(
            FilingNumber(
                start=m.start(),
                end=m.end(),
                kind=kind,
                province=prov,
                number=number,
                site=int(site) if site is not None and len(site) <= 3 else None,
                problem=_problem(kind, prov, number, site),
            )
        )
    return found


def parse_filing_number(value: str) -> FilingNumber | None:
    """``value`` as one well-formed ICP filing or licence number, else None."""
    from ...text.folding import fold_one_to_one

    text = fold_one_to_one(value.strip())
    found = find_filing_numbers(text)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(text):
        return None
    number = found[0]
    if not number.valid or number.kind not in ("icp-filing", "icp-licence"):
        return None
    return number


@runtime_checkable
class IcpResolver(Protocol):
    """Your own ICP lookup (a database of your filings, an internal service).

    ``lookup`` gets a registrable domain such as ``example.com`` and returns its filing
    number (``京ICP备2024077296号-1``) when you know it is filed, else None. Anything but a
    well-formed number, and any exception, counts as "not known to be filed". To use it with
    ``check_many(workers=N)`` the resolver must be picklable.
    """

    def lookup(self, domain: str) -> str | None: ...


class IcpRegistry:
    """Domains known to be filed, from a CSV or TOML file (config key ``icp-registry``).

    CSV: ``domain,filing`` a row (``#`` comment lines and a first row naming the columns
    are allowed).
    TOML: a ``[filings]`` table of ``"domain" = "filing number"``. An entry covers the
    domain's subdomains too, because a filing is made for the registered domain.
    """

    def __init__(self, filings: Mapping[str, str]) -> None:
        self.filings = dict(filings)

    def lookup(self, domain: str) -> str | None:
        for candidate in parents(domain):
            number = self.filings.get(candidate)
            if number is not None:
                return number
        return None

    def __len__(self) -> int:
        return len(self.filings)

    @classmethod
    def load(cls, path: str | Path) -> IcpRegistry:
        path = Path(path)
        if path.suffix.lower() == ".toml":
            return cls(_from_toml(read_toml(path, what="ICP registry").data, path))
        return cls(_from_csv(read_text(path, str(path), "ICP registry"), path))


def _entry(domain: str, number: str, path: Path, line: int | None) -> tuple[str, str]:
    host = normalise_domain(domain)
    if host is None:
        raise WordListError(path, line, f"{domain!r} is not a domain name")
    if parse_filing_number(number) is None:
        raise WordListError(
            path, line, f"{number!r} is not a well-formed ICP number (like 京ICP备2024077296号-1)"
        )
    return host, number.strip()


def _from_csv(raw: str, path: Path) -> dict[str, str]:
    filings: dict[str, str] = {}
    first = True
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            cells = [c.strip() for c in next(csv.reader([line]))]
        except csv.Error as exc:  # a field over the csv module's limit (128 KB)
            raise WordListError(path, number, f"not a CSV row: {exc}") from None
        header, first = first and cells[0].lower() in ("domain", "域名"), False
        if header:
            continue
        if len(cells) != 2:
            raise WordListError(
                path, number, f"expected 2 columns (domain, filing number), got {len(cells)}"
            )
        host, filing = _entry(cells[0], cells[1], path, number)
        filings[host] = filing
    return filings


def _from_toml(data: dict[str, Any], path: Path) -> dict[str, str]:
    table = data.get("filings")
    if not isinstance(table, dict):
        raise WordListError(path, None, 'expected a [filings] table of "domain" = "filing number"')
    filings: dict[str, str] = {}
    for domain, filing in table.items():
        if not isinstance(filing, str):
            raise WordListError(
                path, None, f"filings.{domain}: expected a string, got {type(filing).__name__}"
            )
        host, number = _entry(domain, filing, path, None)
        filings[host] = number
    return filings
