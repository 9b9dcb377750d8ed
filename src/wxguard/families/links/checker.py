"""WX2 links: every link a reader could follow, judged by its host.

Links come from ``links.extract`` (disguises undone, original spans kept). Each is judged
on the host it really opens (``https://good.com@evil.cn`` opens evil.cn): scheme, IP
literal and port, look-alike names, short-link services, the user's block and allow lists
and, when a registry or resolver is configured, its ICP filing. Messages name that host.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator

from ...errors import ConfigError
from .data import heuristics, short_link_hosts
from .extract import Link, extract_links
from .hosts import is_ip, listed, lookalike, normalise_domain, split_host, to_ascii, to_unicode
from .icp import IcpRegistry, IcpResolver, parse_filing_number
from ...profiles import profile_for
from ...text.folding import fold_one_to_one
from ..base import CheckContext, Checker, Finding

if TYPE_CHECKING:
    from ...config import GuardConfig

_STANDARD_PORTS: dict[str | None, frozenset[int]] = {
    "http": frozenset({80}),
    "https": frozenset({443}),
    "ftp": frozenset({21}),
    None: frozenset({80, 443}),
}
_PRICE = r"[¥$]\s*\d|\d(?:\.\d+)?\s*元"
# A missing registry entry is absence of evidence, not proof that no filing exists.
_UNFILED_CONFIDENCE = 0.8


def _domains(entries: Iterable[str], key: str) -> frozenset[str]:
    out = set()
    for entry in entries:
        host = normalise_domain(entry)
        if host is None:
            raise ConfigError(key, f"{entry!r} is not a domain name (write example.com, without scheme or path)")
        out.add(host)
    return frozenset(out)


class LinksChecker(Checker):
    family = "WX2"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.blocked = _domains(config.blocked_domains, "blocked-domains")
        self.allowed = _domains(config.allowed_domains, "allowed-domains")
        self.short = short_link_hosts()
        resolvers: list[IcpResolver] = []
        if config.icp_registry is not None:
            resolvers.append(IcpRegistry.load(config.icp_registry))
        if config.icp_resolver is not None:
            resolvers.append(config.icp_resolver)
        self.resolvers = tuple(resolvers)
        cues = sorted((fold_one_to_one(c).lower() for c in heuristics().marketing_cues), key=len, reverse=True)
        self.marketing = re.compile("|".join([*map(re.escape, cues), _PRICE]))

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        links = extract_links(ctx.view.text, ctx.view.folded)
        if not links:
            return
        whitelist = bool(self.allowed) or profile_for(ctx.config, ctx.platform).link_policy == "whitelist"
        marketing = self.marketing.search(ctx.view.folded) is not None
        for link in links:
            yield from self._judge(link, whitelist, marketing)

    def _judge(self, link: Link, whitelist: bool, marketing: bool) -> Iterator[Finding]:
        host = to_ascii(link.host) or link.host
        shown = to_unicode(host) if "xn--" in host else link.written_host
        techniques = link.techniques + (("userinfo",) if link.userinfo else ())

        def finding(rule: str, confidence: float = 1.0, term: str | None = None, more: tuple[str, ...] = ()) -> Finding:
            return Finding(
                rule=rule,
                start=link.start,
                end=link.end,
                term=term or shown,
                techniques=techniques + more,
                confidence=confidence,
                fields={"host": shown},
            )

        if link.disguised:
            undone = {"disguised-dot", "spaced", "zero-width"} & set(link.techniques)
            yield finding("WX207", 0.95 if undone else 0.9)
        if link.scheme in ("http", "ftp"):
            yield finding("WX201")
        ip = is_ip(host)
        odd_port = link.port is not None and link.port not in _STANDARD_PORTS[link.scheme]
        if ip or odd_port:
            port = f":{link.port}" if link.port is not None else ""
            yield Finding(
                rule="WX206",
                start=link.start,
                end=link.end,
                term=shown + port,
                techniques=techniques,
                fields={"host": shown + port},
            )
        if not ip:
            reason = lookalike(link.written_host) or lookalike(host)
            if reason:
                yield finding("WX208", 0.9, more=(reason,))
            short = listed(host, self.short)
            if short:
                yield finding("WX205", term=short)
        blocked = listed(host, self.blocked)
        if blocked:
            yield finding("WX203", term=blocked)
        if whitelist and listed(host, self.allowed) is None:
            yield finding("WX204")
        if self.resolvers and not ip and not self._filed(host):
            yield finding("WX202", _UNFILED_CONFIDENCE)
        if marketing and not link.disguised and not ip and "utm_" not in link.query and listed(host, self.short) is None:
            yield finding("WX209", 0.8)

    def _filed(self, host: str) -> bool:
        """Only a well-formed filing number from a registry or resolver counts as filed."""
        domain = split_host(host).registrable or host
        for resolver in self.resolvers:
            try:
                answer = resolver.lookup(domain)
            except Exception:  # a user's lookup failing means "unknown", never "filed"
                continue
            if isinstance(answer, str) and parse_filing_number(answer) is not None:
                return True
        return False
