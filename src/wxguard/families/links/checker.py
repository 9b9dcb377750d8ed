"""WX2 links: every link a reader could follow, judged by its host.

Links come from ``links.extract`` (disguises undone, original spans kept). Each is judged
on the host it really opens (``https://good.com@evil.cn`` opens evil.cn): scheme, IP
literal and port, look-alike names, short-link services, the user's block and allow lists
and, when a registry or resolver is configured, its ICP filing. Messages name that host.

A host that wears a trusted name (a brand scammers imitate, ``wordlists/links/brands.txt``,
or any allow list's) while it belongs to another domain is a phishing address: the catalog
gives that case (WX208 ``subdomain-spoof``) its own severity. In a sentence that warns about
scams (the frame judge's ``scam-warning`` bank, as WX8 reads it) it is quoted, not sent as
bait, and is lowered to a warning with the frame ``quoted-link``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from ...errors import ConfigError
from ...models import Severity
from ...phrases.clauses import Clauses, compact
from ...profiles import Profile, bundled, profile_for
from ...text.folding import fold_one_to_one
from ..base import CheckContext, Checker, Finding, Frame
from ..scams.channels import Channel, masked
from .data import brand_hosts, heuristics, short_link_hosts
from .extract import Link, extract_links, may_have_link
from .hosts import (
    Trusted,
    is_ip,
    listed,
    lookalike,
    normalise_domain,
    split_host,
    to_ascii,
    to_unicode,
)
from .icp import IcpRegistry, IcpResolver, parse_filing_number

if TYPE_CHECKING:
    from ...config import GuardConfig
    from ...frames import FrameModel
    from ...phrases.banks import Bank

_STANDARD_PORTS: dict[str | None, frozenset[int]] = {
    "http": frozenset({80}),
    "https": frozenset({443}),
    "ftp": frozenset({21}),
    None: frozenset({80, 443}),
}
_PRICE = r"[¥$]\s*\d|\d(?:\.\d+)?\s*元"
# A missing registry entry is absence of evidence, not proof that no filing exists.
_UNFILED_CONFIDENCE = 0.8
SPOOF = "subdomain-spoof"
# The frame kind of a spoof quoted in a scam warning, and the bank that finds the warning
# (wordlists/frames.toml).
QUOTED_LINK = "quoted-link"
_WARNING_BANK = "scam-warning"


def _domains(entries: Iterable[str], key: str) -> frozenset[str]:
    out = set()
    for entry in entries:
        host = normalise_domain(entry)
        if host is None:
            raise ConfigError(
                key, f"{entry!r} is not a domain name (write example.com, without scheme or path)"
            )
        out.add(host)
    return frozenset(out)


@dataclass(frozen=True)
class _Seen:
    """One link as the rules judge it: the host it really opens (ASCII), the host shown in
    messages, its techniques, and the per-message facts the rules need."""

    link: Link
    host: str
    shown: str
    techniques: tuple[str, ...]
    ip: bool
    # The domains a link may open when the platform or the settings allow only those.
    allowed: frozenset[str] | None
    marketing: bool  # the message reads as marketing

    @staticmethod
    def of(link: Link, allowed: frozenset[str] | None, marketing: bool) -> _Seen:
        host = to_ascii(link.host) or link.host
        shown = to_unicode(host) if "xn--" in host else link.written_host
        techniques = link.techniques + (("userinfo",) if link.userinfo else ())
        return _Seen(link, host, shown, techniques, is_ip(host), allowed, marketing)

    def finding(
        self,
        rule: str,
        confidence: float = 1.0,
        term: str | None = None,
        more: tuple[str, ...] = (),
        variant: str | None = None,
        **fields: str,
    ) -> Finding:
        return Finding(
            rule=rule,
            start=self.link.start,
            end=self.link.end,
            term=term or self.shown,
            techniques=self.techniques + more,
            confidence=confidence,
            fields={"host": self.shown, **fields},
            variant=variant,
        )


class LinksChecker(Checker):
    family = "WX2"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.blocked = _domains(config.blocked_domains, "blocked-domains")
        self.allowed = _domains(config.allowed_domains, "allowed-domains")
        profiles = {**bundled().profiles, **config.profiles}
        # Each platform's allow list: the user's domains and the platform's own.
        self.platform_allowed = {
            name: self.allowed | _domains(p.allowed_domains, f"profiles.{name}.allowed-domains")
            for name, p in profiles.items()
        }
        self.short = short_link_hosts()
        resolvers: list[IcpResolver] = []
        if config.icp_registry is not None:
            resolvers.append(IcpRegistry.load(config.icp_registry))
        if config.icp_resolver is not None:
            resolvers.append(config.icp_resolver)
        self.resolvers = tuple(resolvers)
        cues = sorted(
            (fold_one_to_one(c).lower() for c in heuristics().marketing_cues), key=len, reverse=True
        )
        self.marketing = re.compile("|".join([*map(re.escape, cues), _PRICE]))
        # One function a rule, in the order their findings are reported.
        self.rules: tuple[Callable[[_Seen], Finding | None], ...] = (
            self._disguised,
            self._plain_http,
            self._ip_or_port,
            self._lookalike,
            self._short_link,
            self._blocked,
            self._not_allowed,
            self._unfiled,
            self._untracked,
        )

    @cached_property
    def trusted(self) -> Trusted:
        """Names a spoof wears (the brands and every allow list's, on every platform) with
        their registrable domains, on first use: splitting them loads the public-suffix list
        (tldextract and requests, a third of a Guard's construction), and most messages hold
        no link."""
        return Trusted.of(brand_hosts().union(self.allowed, *self.platform_allowed.values()))

    def screen(self, texts: Sequence[str]) -> set[int]:
        """The messages that may hold a link (``extract_links``' own quick test)."""
        return {i for i, text in enumerate(texts) if may_have_link(fold_one_to_one(text))}

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        links = extract_links(ctx.view.text, ctx.view.folded)
        if not links:
            return
        allowed = self._allow_list(profile_for(ctx.config, ctx.platform))
        marketing = self.marketing.search(ctx.view.folded) is not None
        warnings: _Warnings | None = None
        for link in links:
            seen = _Seen.of(link, allowed, marketing)
            for rule in self.rules:
                found = rule(seen)
                if found is None:
                    continue
                if found.variant == SPOOF and ctx.config.frames:  # frames=False: no lowering
                    if warnings is None:
                        warnings = _Warnings(self._warning_bank(), ctx.view.text, links)
                    found = warnings.judge(found, self._quoted_severity())
                yield found

    def _warning_bank(self) -> Bank:
        return self._frames().banks[_WARNING_BANK]

    def _quoted_severity(self) -> Severity:
        return self._frames().kinds[QUOTED_LINK].severity

    def _frames(self) -> FrameModel:
        """The frame judge's model, built when a message first holds a spoof: a Guard that
        never sees one loads no phrase machinery for it."""
        from ...frames import frame_model

        return frame_model(self.config.phrases)

    def _allow_list(self, profile: Profile) -> frozenset[str] | None:
        """The domains links may open, or None when any may: a whitelist platform, or
        settings that name allowed domains, allow only the listed ones."""
        if not self.allowed and profile.link_policy != "whitelist":
            return None
        return self.platform_allowed[profile.name]

    @staticmethod
    def _disguised(seen: _Seen) -> Finding | None:
        """WX207: written so that filters miss it; surer when a disguise was undone."""
        if not seen.link.disguised:
            return None
        undone = {"disguised-dot", "spaced", "zero-width"} & set(seen.link.techniques)
        return seen.finding("WX207", 0.95 if undone else 0.9)

    @staticmethod
    def _plain_http(seen: _Seen) -> Finding | None:
        """WX201: not encrypted."""
        return seen.finding("WX201") if seen.link.scheme in ("http", "ftp") else None

    @staticmethod
    def _ip_or_port(seen: _Seen) -> Finding | None:
        """WX206: an IP literal or a non-standard port, named with the port."""
        port = seen.link.port
        if not seen.ip and (port is None or port in _STANDARD_PORTS[seen.link.scheme]):
            return None
        where = seen.shown + (f":{port}" if port is not None else "")
        link = seen.link
        return Finding(
            rule="WX206",
            start=link.start,
            end=link.end,
            term=where,
            techniques=seen.techniques,
            fields={"host": where},
        )

    def _lookalike(self, seen: _Seen) -> Finding | None:
        """WX208: a name made to pass for another: mixed scripts, confusables, or a trusted
        host worn as the leading labels of an unrelated domain (a subdomain spoof)."""
        if seen.ip:
            return None
        reason = lookalike(seen.link.written_host) or lookalike(seen.host)
        if reason:
            return seen.finding("WX208", 0.9, more=(reason,))
        worn = self.trusted.worn(seen.host)
        if worn is None:
            return None
        return seen.finding(
            "WX208",
            0.9,
            more=(SPOOF,),
            variant=SPOOF,
            imitated=worn,
            domain=split_host(seen.host).registrable,
        )

    def _short_link(self, seen: _Seen) -> Finding | None:
        """WX205: a short-link service hides where it leads."""
        short = None if seen.ip else listed(seen.host, self.short)
        return seen.finding("WX205", term=short) if short else None

    def _blocked(self, seen: _Seen) -> Finding | None:
        """WX203: on the user's block list."""
        blocked = listed(seen.host, self.blocked)
        return seen.finding("WX203", term=blocked) if blocked else None

    def _not_allowed(self, seen: _Seen) -> Finding | None:
        """WX204: not on the allow list where only listed domains may be linked."""
        return (
            seen.finding("WX204")
            if seen.allowed is not None and listed(seen.host, seen.allowed) is None
            else None
        )

    def _unfiled(self, seen: _Seen) -> Finding | None:
        """WX202: no ICP filing known, when a registry or resolver is configured."""
        if not self.resolvers or seen.ip or self._filed(seen.host):
            return None
        return seen.finding("WX202", _UNFILED_CONFIDENCE)

    def _untracked(self, seen: _Seen) -> Finding | None:
        """WX209: a marketing message's plain link without utm_ parameters."""
        link = seen.link
        if (
            not seen.marketing
            or link.disguised
            or seen.ip
            or "utm_" in link.query
            or listed(seen.host, self.short) is not None
        ):
            return None
        return seen.finding("WX209", 0.8)

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


class _Warnings:
    """The sentences of one message that warn about scams, read once. Links are masked first
    (as WX8 masks its channels), so a link's dots end no sentence."""

    def __init__(self, bank: Bank, text: str, links: list[Link]) -> None:
        self.text = masked(text, [Channel(link.start, link.end, "url") for link in links])
        self.clauses = Clauses(self.text)
        self.cues = bank.hits(self.clauses.text)

    def judge(self, found: Finding, severity: Severity) -> Finding:
        """``found`` lowered to ``severity`` with a ``quoted-link`` frame when a warning cue
        stands in its sentence; else unchanged."""
        clauses = self.clauses
        start = len(compact(self.text[: found.start]))
        end = start + found.end - found.start
        lo, hi = clauses.sentence_start(start), clauses.sentence_end(end - 1)
        for cue in self.cues:
            if cue.start >= lo and cue.end <= hi:
                a, b = clauses.original(cue.start, cue.end)
                return replace(
                    found,
                    severity=severity,
                    frame=Frame(QUOTED_LINK, self.text[a:b], severity),
                )
        return found
