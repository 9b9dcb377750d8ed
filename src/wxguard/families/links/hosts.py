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
from functools import lru_cache
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
        split_host.cache_clear()


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


@lru_cache(maxsize=4096)
def split_host(host: str) -> HostParts:
    """Public-suffix split of a lower-case host (empty suffix when the list does not know it).
    Remembered: a message repeats its hosts, and a hostile one repeats one host for a megabyte."""
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
    if host.isascii() and "xn--" not in host:
        return None
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
    # The names a brand goes by in a look-alike, each with the trusted name it stands for:
    # registrable labels (icbc, jd, 12306) and the first labels of hosts brands.txt marks
    # `named` (weixin of weixin.qq.com). Numbers shorter than five digits (189, 122, 3) are
    # left out: they read as any number.
    words: dict[str, str]
    # The words a look-alike spells with look-alike digits and letter pairs, by their typo
    # skeleton; too short a word (qq, jd, boc) is left out: it is part of too many names.
    labels: dict[str, str]
    # A registrable name run straight into a hyphen (alipay.com-secure.info).
    hyphened: re.Pattern[str] | None
    # Words a brand's name is joined to in a look-alike (verify, kefu: links.toml).
    lures: frozenset[str]
    # Top-level domains below which a brand's name as a whole label is a look-alike
    # (sf-express.kdcx.top: links.toml spoof-tlds).
    cheap: frozenset[str] = frozenset()

    @staticmethod
    def of(
        hosts: Iterable[str],
        lures: Iterable[str] = (),
        named: Iterable[str] = (),
        cheap: Iterable[str] = (),
    ) -> Trusted:
        pool = frozenset(hosts) | frozenset(named)
        names = pool | {r for h in pool if (r := split_host(h).registrable)}
        registrable = {r for h in names if (r := split_host(h).registrable)}
        words: dict[str, str] = {}
        for name in sorted(registrable, key=lambda n: (len(n), n)):  # apple.com, apple.com.cn
            if _brand_word(word := split_host(name).domain):
                words.setdefault(word, name)
        words.update((host.split(".", 1)[0], host) for host in sorted(named))
        labels = {_skeleton(word): word for word in sorted(words) if len(word) >= _MIN_LABEL}
        hyphened = (
            re.compile(
                r"(?:^|\.)("
                + "|".join(map(re.escape, sorted(registrable, key=len, reverse=True)))
                + r")-"
            )
            if registrable
            else None
        )
        return Trusted(names, words, labels, hyphened, frozenset(lures), frozenset(cheap))

    def worn(self, host: str) -> str | None:
        """The trusted name a host wears as its leading labels while it belongs to another
        registrable domain (``wx.qq.com.login-verify.top`` wears ``wx.qq.com``), or None.
        Only whole names count: ``qq.example.com`` wears no ``qq.com``."""
        if self._leading(host.split(".")[:-1]) is None:  # most hosts: no suffix lookup
            return None
        parts = split_host(host)
        if not parts.subdomain or not parts.registrable or listed(host, self.names):
            return None
        # The name may run into the registrable label: www.icbc.com.cn.cn is cn.cn's.
        return self._leading([*parts.subdomain.split("."), parts.domain])

    def _leading(self, labels: list[str]) -> str | None:
        """The longest run of leading labels that is a trusted name or under one."""
        for end in range(len(labels), 1, -1):
            name = ".".join(labels[:end])
            if listed(name, self.names) is not None:
                return name
        return None

    def imitated(self, host: str, userinfo: str | None) -> tuple[str, str] | None:
        """The trusted name an ASCII ``host`` passes itself off as, and how, when it is no
        trusted name itself: written before an ``@`` (``www.icbc.com.cn@evil.top`` opens
        evil.top), run into a hyphen (``alipay.com-secure.info``), a label joining a brand's
        name to a lure word, with a hyphen or without (``icbc-verify.top``,
        ``wechat-pay.security-check.xyz``: ``hyphenated``; ``jdrefund.cn``: ``joined``), or a
        registrable label spelling a brand's with look-alike characters (``paypa1.com``,
        ``tao6ao.com``: ``typo``), or a brand's name as a whole label below a domain of a
        TLD phishing favours (``sf-express.kdcx.top``: ``brand-subdomain``). A brand's name
        must be a whole word of the label, or the label less its lure word: ``ajdm.com`` and
        ``icbc-fans.example.com`` (no lure) imitate nothing, nor does a brand word in a path
        or ``icbc.example.com`` (an established TLD: a site's own section)."""
        if listed(host, self.names) is not None:
            return None
        if userinfo:
            shown = normalise_domain(userinfo.partition(":")[0])
            if shown is not None and "." in shown and listed(shown, self.names):
                return shown, "userinfo"
        if self.hyphened is not None and (m := self.hyphened.search(host)):
            return m.group(1), "hyphenated"
        parts = split_host(host)
        if parts.subdomain and parts.suffix.rpartition(".")[2] in self.cheap:
            lure_in_host = not self.lures.isdisjoint(re.split(r"[.-]", host))
            for label in parts.subdomain.split("."):
                # A brand's name as the whole label, or beside words that make it pass for the
                # brand's own name (icbc-cn) or a lure anywhere in the host (icbc-x.verify-login):
                # weixin-tools.example.top is a tool site's name.
                words = label.split("-")
                for start, end, brand in self._runs(words):
                    rest = words[:start] + words[end:]
                    if lure_in_host or all(w in _NAME_PARTS for w in rest):
                        return brand, "brand-subdomain"
        for label in (
            [*parts.subdomain.split("."), parts.domain] if parts.subdomain else [parts.domain]
        ):
            lured = self._lured(label)
            if lured is not None:
                return lured
        if parts.subdomain and (dressed := self._dressed(parts.subdomain)) is not None:
            return dressed, "domain-subdomain"
        label = parts.domain
        if len(label) < _MIN_LABEL:
            return None
        word = self.labels.get(_skeleton(label))
        if word is not None and word != label:
            # a number (12306) has no letters to imitate: 12308 is another number
            return (self.words[word], "typo") if not word.isdigit() else None
        return None

    def _dressed(self, subdomain: str) -> str | None:
        """The trusted name a subdomain spells out as a domain of its own, a brand's name as a
        hyphenated word of its registrable label (``icbc-cn.com`` of
        ``icbc-cn.com.verify-login.xyz``): a reader sees a domain ending in .com and stops
        reading, while no site names its own sections with a public suffix inside."""
        inner = split_host(subdomain)
        if not inner.suffix or not inner.domain:
            return None
        return next((brand for _, _, brand in self._runs(inner.domain.split("-"))), None)

    def _lured(self, label: str) -> tuple[str, str] | None:
        """The trusted name a label joins to a lure word, and how: a run of its hyphenated
        words that is a brand's name beside a lure word (``jd-refund``, ``sf-express-help``),
        or one word that is a brand's name run into a lure word (``jdrefund``, ``payicbc``)."""
        words = label.split("-")
        lures = [i for i, word in enumerate(words) if word in self.lures]
        for start, end, brand in self._runs(words):
            if any(i < start or i >= end for i in lures):
                return brand, "hyphenated"
        for word in dict.fromkeys([label, *words]):  # sf-expressverify, jdrefund
            for lure in self.lures:
                if len(word) <= len(lure):
                    continue
                if word.startswith(lure) and (name := self.words.get(word[len(lure) :])):
                    return name, "joined"
                if word.endswith(lure) and (name := self.words.get(word[: -len(lure)])):
                    return name, "joined"
        return None

    def _runs(self, words: list[str]) -> Iterator[tuple[int, int, str]]:
        """The runs of a label's hyphenated words that are a brand's name, longest first
        (sf-express before sf): start, end and the brand's host."""
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                name = self.words.get("-".join(words[start : start + size]))
                if name is not None:
                    yield start, start + size, name

    def homoglyph(self, host: str) -> str | None:
        """The trusted name a look-alike host spells in Latin letters (``іcbc.com.cn`` with
        a Cyrillic і spells icbc.com.cn), or None."""
        skeleton = _latin(to_unicode(host))
        if skeleton is None or skeleton == host:
            return None
        found = listed(skeleton, self.names)
        if found is not None:
            return found
        label = split_host(skeleton).domain
        word = self.labels.get(_skeleton(label)) if len(label) >= _MIN_LABEL else None
        return None if word is None else self.words[word]


_MIN_LABEL = 4
# Words that run into a brand's name to make a label read as its domain (icbc-cn, www-icbc).
_NAME_PARTS = frozenset({"www", "m", "com", "cn", "net", "org", "gov", "hk", "mo", "tw"})


def _brand_word(label: str) -> bool:
    """Whether a registrable label is a name a look-alike can imitate (see ``Trusted.words``)."""
    return len(label) >= 2 and (not label.isdigit() or len(label) >= 5)


# Characters written for the letters they resemble in a domain name (paypa1, tao6ao, rn for m).
_TYPO = str.maketrans("0135689i4", "olesbbgla")


def _skeleton(label: str) -> str:
    """A label with look-alike digits and letter pairs read as the letter they imitate."""
    return label.replace("rn", "m").replace("vv", "w").translate(_TYPO)


def _latin(host: str) -> str | None:
    """``host`` with every confusable letter replaced by the Latin one it imitates, as a
    comparable ASCII name, or None when it has letters no Latin one stands for."""
    homoglyphs = tables().homoglyphs
    spelled = "".join(homoglyphs.get(c, c) for c in host).lower()
    return normalise_domain(spelled) if spelled.isascii() else None
