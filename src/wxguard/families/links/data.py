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


def read_hosts(text: str, where: str) -> frozenset[str]:
    """One host a line, ``#`` comments; every line must be a domain name."""
    hosts: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        host = normalise_domain(entry)
        if host is None:
            raise WordListError(where, number, f"{entry!r} is not a domain name")
        hosts.add(host)
    return frozenset(hosts)


def _host_list(name: str) -> frozenset[str]:
    path, where = wordlist_path("links", name)
    return read_hosts(read_text(path, where, "host list"), where)


@cache
def short_link_hosts() -> frozenset[str]:
    return _host_list("shortlinks.txt")


@cache
def brand_hosts() -> frozenset[str]:
    """Hosts whose name, worn by another domain, makes it a spoof (WX208)."""
    return _host_list("brands.txt")


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
    )
