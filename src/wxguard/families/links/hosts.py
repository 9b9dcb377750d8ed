"""What a host is: its public suffix and registrable domain, IP literals, IDN forms and
look-alikes.

The Public Suffix List comes from the snapshot bundled with ``tldextract``: it is built with
no URLs to fetch and no cache directory, so judging a host never opens a socket or writes a
file. ``tldextract`` (it imports ``requests``) is imported on the first lookup only.
"""

from __future__ import annotations

import ipaddress
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...text.folding import tables

if TYPE_CHECKING:
    from tldextract import TLDExtract

_lock = threading.Lock()
_extractor: TLDExtract | None = None
_suffixes: frozenset[str] | None = None

_DOMAIN = re.compile(
    r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"
)
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")

# Script combinations that are normal inside one label (UTS #39 "highly restrictive"):
# Latin with the scripts written next to it in Chinese, Japanese and Korean.
_ALLOWED_MIXES = (
    frozenset({"LATIN", "CJK", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "CJK", "BOPOMOFO"}),
    frozenset({"LATIN", "CJK", "HANGUL"}),
)


def extractor() -> TLDExtract:
    """The process-wide extractor over the bundled suffix list (offline, no cache files)."""
    global _extractor
    if _extractor is None:
        with _lock:
            if _extractor is None:
                import tldextract

                _extractor = tldextract.TLDExtract(
                    cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
                )
    return _extractor


def reset_extractor() -> None:
    """Forget the extractor, so the next lookup builds it again (tests prove it stays offline)."""
    global _extractor, _suffixes
    with _lock:
        _extractor = None
        _suffixes = None


def suffixes() -> frozenset[str]:
    """Every public suffix (ICANN section), in the list's own spelling."""
    global _suffixes
    if _suffixes is None:
        found = frozenset(extractor().tlds)
        with _lock:
            _suffixes = found
    return _suffixes


@dataclass(frozen=True)
class HostParts:
    """``sub.example.com.cn`` → subdomain ``sub``, domain ``example``, suffix ``com.cn``."""

    subdomain: str
    domain: str
    suffix: str

    @property
    def registrable(self) -> str:
        return f"{self.domain}.{self.suffix}" if self.domain and self.suffix else ""


def split_host(host: str) -> HostParts:
    """Public-suffix split of a lower-case host (empty suffix when the list does not know it)."""
    r = extractor()(host)
    return HostParts(r.subdomain, r.domain, r.suffix)


def is_ip(host: str) -> bool:
    """An IPv4 literal (each part 0–255) or a bracketed IPv6 literal."""
    if host.startswith("[") and host.endswith("]"):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return False
        return True
    if _IPV4.match(host):
        return all(int(part) <= 255 for part in host.split("."))
    return False


def to_ascii(host: str) -> str | None:
    """The host in ASCII (IDNA 2008 with UTS #46 mapping), or None if it is not a valid name."""
    if host.isascii():
        return host.lower()
    import idna

    try:
        return str(idna.encode(host, uts46=True).decode("ascii"))
    except (idna.IDNAError, UnicodeError):
        return None


def to_unicode(host: str) -> str:
    """The host with every ``xn--`` label decoded (labels that do not decode are kept)."""
    if "xn--" not in host:
        return host
    import idna

    def decoded(label: str) -> str:
        if not label.startswith("xn--"):
            return label
        try:
            return str(idna.decode(label))
        except (idna.IDNAError, UnicodeError):
            return label

    return ".".join(decoded(label) for label in host.split("."))


def normalise_domain(entry: str) -> str | None:
    """A user's or a list's domain entry in comparable form: lower-case ASCII, no ``*.``
    prefix, no trailing dot; None when it is not a domain name."""
    host = entry.strip().lower().removeprefix("*.").rstrip(".")
    ascii_host = to_ascii(host)
    if ascii_host is None or not (_DOMAIN.match(ascii_host) or is_ip(ascii_host)):
        return None
    return ascii_host


def parents(host: str) -> Iterator[str]:
    """The host and each domain above it: ``a.b.cn``, ``b.cn``, ``cn``."""
    labels = host.split(".")
    for i in range(len(labels)):
        yield ".".join(labels[i:])


def listed(host: str, domains: Iterable[str] | frozenset[str]) -> str | None:
    """The entry of ``domains`` that covers ``host`` (the host itself or a parent), if any."""
    pool = domains if isinstance(domains, frozenset) else frozenset(domains)
    for candidate in parents(host):
        if candidate in pool:
            return candidate
    return None


def _script(char: str) -> str | None:
    if not char.isalpha():
        return None
    if char.isascii():
        return "LATIN"
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else None


def lookalike(host: str) -> str | None:
    """Why a host imitates another, or None: ``punycode`` (an ``xn--`` label that does not
    decode), ``mixed-script`` (Latin with Cyrillic or Greek in one label, say) or
    ``confusable`` (a non-Latin label made only of letters that look Latin, like ``аре``)."""
    homoglyphs = tables().homoglyphs
    for label in host.split("."):
        if label.startswith("xn--"):
            decoded = to_unicode(label)
            if decoded == label:
                return "punycode"
            label = decoded
        if label.isascii():
            continue
        scripts = {s for s in map(_script, label) if s}
        if len(scripts) > 1 and not any(scripts <= mix for mix in _ALLOWED_MIXES):
            return "mixed-script"
        letters = [c for c in label if c.isalpha()]
        if letters and all(c.isascii() or c in homoglyphs for c in letters):
            return "confusable"
    return None


@dataclass(frozen=True)
class Trusted:
    """Names known to be genuine: trusted hosts (allow lists, platforms' own hosts) and their
    registrable domains, since ``docs.qq.com`` vouches for every ``*.qq.com`` name a link
    could wear. A name ending in a registrable domain has it as its own, so matching is by
    parents alone, with no suffix lookup."""

    names: frozenset[str]

    @staticmethod
    def of(hosts: Iterable[str]) -> Trusted:
        pool = frozenset(hosts)
        return Trusted(pool | {r for h in pool if (r := split_host(h).registrable)})

    def worn(self, host: str) -> str | None:
        """The trusted name a host wears as its leading labels while it belongs to another
        registrable domain (``wx.qq.com.login-verify.top`` wears ``wx.qq.com``), or None.
        Only whole names count: ``qq.example.com`` wears no ``qq.com``."""
        if self._leading(host.split(".")[:-2]) is None:  # most hosts: no suffix lookup
            return None
        parts = split_host(host)
        if not parts.subdomain or not parts.registrable or listed(host, self.names):
            return None
        return self._leading(parts.subdomain.split("."))

    def _leading(self, labels: list[str]) -> str | None:
        """The longest run of leading labels that is a trusted name or under one."""
        for end in range(len(labels), 1, -1):
            name = ".".join(labels[:end])
            if listed(name, self.names) is not None:
                return name
        return None
