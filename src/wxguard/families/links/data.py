"""The link checker's shipped data: short-link hosts, the brand hosts scammers imitate and
the heuristics in ``links.toml``.

All live under ``wordlists/links/`` so they can be tuned without code; they sit in a
sub-folder because every ``wordlists/*.txt`` is read as a sensitive-word list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...errors import WordListError
from ...resources import read_text, wordlist_path, wordlist_toml
from .hosts import normalise_domain


@dataclass(frozen=True)
class LinkHeuristics:
    """See ``wordlists/links/links.toml`` for what each set is for."""

    disguise_tlds: frozenset[str]
    file_extension_tlds: frozenset[str]
    marketing_cues: tuple[str, ...]
    brand_lures: frozenset[str]
    spoof_tlds: frozenset[str]


def read_hosts(
    text: str, where: str, marks: frozenset[str] = frozenset()
) -> dict[str, frozenset[str]]:
    """One host a line, then any of ``marks`` (``qq.com open``), ``#`` comments; every line
    must be a domain name: each host with its marks."""
    hosts: dict[str, frozenset[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        entry, *words = fields
        host = normalise_domain(entry)
        if host is None:
            raise WordListError(where, number, f"{entry!r} is not a domain name")
        unknown = [w for w in words if w not in marks]
        if unknown:
            known = ", ".join(sorted(marks)) or "none"
            raise WordListError(where, number, f"unknown mark {unknown[0]!r} (known: {known})")
        hosts[host] = frozenset(words)
    return hosts


def _host_list(name: str, marks: frozenset[str] = frozenset()) -> dict[str, frozenset[str]]:
    path, where = wordlist_path("links", name)
    return read_hosts(read_text(path, where, "host list"), where, marks)


@cache
def short_link_hosts() -> frozenset[str]:
    return frozenset(_host_list("shortlinks.txt"))


OPEN = "open"  # a brand host where anyone publishes: groups, documents, payment codes
NAMED = "named"  # a brand host whose first label is a name the brand goes by: weixin.qq.com


@cache
def _brands() -> dict[str, frozenset[str]]:
    return _host_list("brands.txt", frozenset({OPEN, NAMED}))


def brand_hosts() -> frozenset[str]:
    """Hosts whose name, worn or imitated by another domain, makes it a spoof (WX208)."""
    return frozenset(_brands())


def named_hosts() -> frozenset[str]:
    """The brand hosts whose first label names the brand (``weixin`` of weixin.qq.com): a
    look-alike imitates it as it does a registrable label (weixin-pay.top)."""
    return frozenset(host for host, marks in _brands().items() if NAMED in marks)


@cache
def official_hosts() -> frozenset[str]:
    """The brand hosts whose links are the organisation's own (WX8: no scammer's channel):
    all but those marked ``open``."""
    return frozenset(host for host, marks in _brands().items() if OPEN not in marks)


def _strings(data: dict[str, object], key: str, where: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise WordListError(where, None, f"{key}: expected a list of non-empty strings")
    return [v.strip() for v in value]


@cache
def heuristics() -> LinkHeuristics:
    source = wordlist_toml("links", "links.toml")
    data, where = source.data, source.where
    return LinkHeuristics(
        disguise_tlds=frozenset(t.lower() for t in _strings(data, "disguise-tlds", where)),
        file_extension_tlds=frozenset(
            t.lower() for t in _strings(data, "file-extension-tlds", where)
        ),
        marketing_cues=tuple(_strings(data, "marketing-cues", where)),
        brand_lures=frozenset(t.lower() for t in _strings(data, "brand-lures", where)),
        spoof_tlds=frozenset(t.lower() for t in _strings(data, "spoof-tlds", where)),
    )
