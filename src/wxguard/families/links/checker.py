"""WX2 links: every link a reader could follow, judged by its host.

Links come from ``links.extract`` (disguises undone, original spans kept). Each is judged
on the host it really opens (``https://good.com@evil.cn`` opens evil.cn): scheme, IP
literal and port, look-alike names, short-link services, the user's block and allow lists
and, when a registry or resolver is configured, its ICP filing. Messages name that host.

A host that passes for a trusted name (a brand scammers imitate, ``wordlists/links/brands.txt``,
or any allow list's) while it belongs to another domain is a phishing address: worn as its
leading labels (WX208 ``subdomain-spoof``: icbc.com.cn.verify-account.top) or imitated
(``brand-lookalike``: a brand label with look-alike characters, paypa1.com, іcbc.com.cn; a
brand's name joined to a lure word, icbc-verify.top, jdrefund.cn, wechat-pay.evil.xyz; a
brand host run into a hyphen, alipay.com-secure.info; written before an ``@``). The catalog
gives both cases their own severity, an error.

A notice about scams (a sentence with a cue of the frame judge's ``scam-warning`` bank, read
through ``frames.Notice`` as WX8 reads it, or a short heading above, 【反诈提醒】) quotes a
bad link to warn, not to bait: the link's findings are lowered to the ``quoted-link`` kind
(a warning: what goes out can still be tapped), or to ``defanged-link`` (info) when it is
written so that it cannot be (verify-account[.]top). A notice that asks the reader to open
the link (请登录, 点击链接) is a scam posing as one and keeps every severity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from ...errors import ConfigError
from ...models import Severity
from ...phrases.batch import Batch
from ...phrases.clauses import Clauses, compact
from ...profiles import Profile, bundled, profile_for
from ...text.folding import fold_one_to_one
from ..base import CheckContext, Checker, Finding, Frame
from ..scams.channels import Channel, masked
from .data import brand_hosts, heuristics, named_hosts, short_link_hosts
from .extract import Link, extract_links, links_in, may_have_link
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
    from ...frames import FrameModel, Kind
    from ...phrases.banks import Hit

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
BRAND = "brand-lookalike"
# The frame kinds of a bad link quoted in a scam warning, live or defanged, and the banks
# that find the warning (wordlists/frames.toml).
QUOTED_LINK = "quoted-link"
DEFANGED_LINK = "defanged-link"
_WARNING_BANK = "scam-warning"
# A path ending so is an Android package, installed outside any app store (WX210).
_PACKAGE = ".apk"
UNTRUSTED = "untrusted"
_PROHIBIT_BANK = "prohibit"


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


class _Seen(NamedTuple):
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
    def of(
        link: Link,
        allowed: frozenset[str] | None,
        marketing: bool,
        names: dict[tuple[str, str], tuple[str, str, bool]],
    ) -> _Seen:
        """``names`` remembers each written host's answers for the message."""
        key = (link.host, link.written_host)
        named = names.get(key)
        if named is None:
            # The name as written opens the page: a Cyrillic і folds to i in the text the
            # links are read from, but іcbc.com.cn is not icbc.com.cn.
            host = to_ascii(link.written_host) or to_ascii(link.host) or link.host
            shown = to_unicode(host) if "xn--" in host else link.written_host
            named = names[key] = (host, shown, is_ip(host))
        techniques = link.techniques + (("userinfo",) if link.userinfo else ())
        return _Seen(link, *named[:2], techniques, named[2], allowed, marketing)

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
        self._severities: dict[tuple[str, str | None], Severity] = {}
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
        self.rules: tuple[Callable[[_Seen, _Host], Finding | None], ...] = (
            self._disguised,
            self._plain_http,
            self._ip_or_port,
            self._app_package,
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
        return Trusted.of(
            brand_hosts().union(self.allowed, *self.platform_allowed.values()),
            heuristics().brand_lures,
            named_hosts(),
            heuristics().spoof_tlds,
        )

    def screen(self, texts: Sequence[str]) -> set[int]:
        """The messages that hold a link, as ``check`` reads them first: its quick test lets
        8 % of reviews through (a dot, a digit run), and almost none of them holds one."""
        batch = Batch.of(texts)
        return {
            i
            for i, folded in enumerate(batch.foldeds)
            if may_have_link(folded) and links_in(batch[i], folded)
        }

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        links = extract_links(ctx.view.text, ctx.view.folded)
        if not links:
            return
        allowed = self._allow_list(profile_for(ctx.config, ctx.platform))
        marketing = self.marketing.search(ctx.view.folded) is not None
        notices: _Notices | None = None
        # a message repeats its hosts: each is named and judged once
        names: dict[tuple[str, str], tuple[str, str, bool]] = {}
        facts: dict[tuple[str, str, str | None], _Host] = {}
        for link in links:
            seen = _Seen.of(link, allowed, marketing, names)
            key = (seen.host, link.written_host, link.userinfo)
            host = facts.get(key)
            if host is None:
                host = facts[key] = self._host(seen)
            found = [f for rule in self.rules if (f := rule(seen, host)) is not None]
            if found and ctx.config.frames:  # Guard(frames=False): no lowering
                severities = [f.severity or self._severity(f.rule, f.variant) for f in found]
                worst = max(s.rank for s in severities)
                # a notice lowers an error, or anything on a defanged link: the frame model is
                # loaded and the message read only for such a link
                if (
                    notices is None
                    and (link.defanged or worst > Severity.WARNING.rank)
                    and worst > _kind_for(self._model, link).severity.rank
                ):
                    notices = _Notices(self._model, ctx.view.text, links)
                if notices is not None:
                    found = notices.judge(link, found, severities)
            yield from found

    def _severity(self, rule: str, variant: str | None) -> Severity:
        """The configured severity of a rule's case, remembered for the Guard's life."""
        key = (rule, variant)
        found = self._severities.get(key)
        if found is None:
            found = self._severities[key] = self.config.severity_of(rule, variant)
        return found

    @cached_property
    def _model(self) -> FrameModel:
        """The frame judge's model, built when a message first holds a link to lower: a Guard
        that never sees one loads no phrase machinery for it."""
        from ...frames import frame_model

        return frame_model(self.config.phrases)

    def _allow_list(self, profile: Profile) -> frozenset[str] | None:
        """The domains links may open, or None when any may: a whitelist platform, or
        settings that name allowed domains, allow only the listed ones."""
        if not self.allowed and profile.link_policy != "whitelist":
            return None
        return self.platform_allowed[profile.name]

    def _host(self, seen: _Seen) -> _Host:
        """What the rules ask of a link's host, once per host and message."""
        host = seen.host
        return _Host(
            lookalike=None if seen.ip else self._imitation(seen),
            short=None if seen.ip else listed(host, self.short),
            blocked=listed(host, self.blocked) if self.blocked else None,
            allowed=seen.allowed is None or listed(host, seen.allowed) is not None,
            filed=None if not self.resolvers or seen.ip else self._filed(host),
        )

    def _imitation(self, seen: _Seen) -> _Imitation | None:
        """Why WX208 holds the host for a look-alike: the reasons and, when it passes for a
        trusted name, the catalog case and the fields naming that name."""
        link, host, trusted = seen.link, seen.host, self.trusted
        domain = to_unicode(split_host(host).registrable or host)
        reason = lookalike(link.written_host) or lookalike(host)
        if reason:
            imitated = trusted.homoglyph(host)
            if imitated is None:
                return _Imitation((reason,), None, {})
            return _Imitation((reason,), BRAND, {"imitated": imitated, "domain": domain})
        worn = trusted.worn(host)
        if worn is not None:
            return _Imitation((SPOOF,), SPOOF, {"imitated": worn, "domain": domain})
        passed = trusted.imitated(host, link.userinfo)
        if passed is not None:
            imitated, how = passed
            more = () if how == "userinfo" else (how,)  # the link names userinfo already
            return _Imitation(more, BRAND, {"imitated": imitated, "domain": domain})
        return None

    @staticmethod
    def _disguised(seen: _Seen, host: _Host) -> Finding | None:
        """WX207: written so that filters miss it; surer when a disguise was undone."""
        if not seen.link.disguised:
            return None
        undone = {"disguised-dot", "spaced", "zero-width"} & set(seen.link.techniques)
        return seen.finding("WX207", 0.95 if undone else 0.9)

    @staticmethod
    def _plain_http(seen: _Seen, host: _Host) -> Finding | None:
        """WX201: not encrypted."""
        return seen.finding("WX201") if seen.link.scheme in ("http", "ftp") else None

    @staticmethod
    def _ip_or_port(seen: _Seen, host: _Host) -> Finding | None:
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

    @staticmethod
    def _app_package(seen: _Seen, host: _Host) -> Finding | None:
        """WX210: a link straight to an Android package, which installs outside any app
        store; an error (``untrusted``) from an address no one answers for (a bare IP, an
        odd port) or over plain http, where anyone on the way can swap it."""
        link = seen.link
        if not link.rest.partition("?")[0].partition("#")[0].lower().endswith(_PACKAGE):
            return None
        port = link.port
        untrusted = (
            seen.ip
            or link.scheme in ("http", "ftp")
            or (port is not None and port not in _STANDARD_PORTS[link.scheme])
        )
        return seen.finding("WX210", variant=UNTRUSTED if untrusted else None)

    @staticmethod
    def _lookalike(seen: _Seen, host: _Host) -> Finding | None:
        """WX208: a name made to pass for another: mixed scripts, confusables, a trusted
        host worn as the leading labels of an unrelated domain (a subdomain spoof), or a
        brand imitated by another domain."""
        found = host.lookalike
        if found is None:
            return None
        return seen.finding("WX208", 0.9, more=found.more, variant=found.variant, **found.fields)

    @staticmethod
    def _short_link(seen: _Seen, host: _Host) -> Finding | None:
        """WX205: a short-link service hides where it leads."""
        return seen.finding("WX205", term=host.short) if host.short else None

    @staticmethod
    def _blocked(seen: _Seen, host: _Host) -> Finding | None:
        """WX203: on the user's block list."""
        return seen.finding("WX203", term=host.blocked) if host.blocked else None

    @staticmethod
    def _not_allowed(seen: _Seen, host: _Host) -> Finding | None:
        """WX204: not on the allow list where only listed domains may be linked."""
        return None if host.allowed else seen.finding("WX204")

    @staticmethod
    def _unfiled(seen: _Seen, host: _Host) -> Finding | None:
        """WX202: no ICP filing known, when a registry or resolver is configured."""
        return seen.finding("WX202", _UNFILED_CONFIDENCE) if host.filed is False else None

    @staticmethod
    def _untracked(seen: _Seen, host: _Host) -> Finding | None:
        """WX209: a marketing message's plain link without utm_ parameters."""
        link = seen.link
        if (
            not seen.marketing
            or link.disguised
            or seen.ip
            or "utm_" in link.query
            or host.short is not None
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


@dataclass(frozen=True)
class _Imitation:
    more: tuple[str, ...]  # techniques: why it is a look-alike
    variant: str | None
    fields: dict[str, str]


@dataclass(frozen=True)
class _Host:
    """The answers about one host that do not depend on where its link is written."""

    lookalike: _Imitation | None
    short: str | None
    blocked: str | None
    allowed: bool
    filed: bool | None  # None: no registry or resolver asked


def _kind_for(model: FrameModel, link: Link) -> Kind:
    return model.kinds[DEFANGED_LINK if link.defanged else QUOTED_LINK]


class _Notices:
    """The notices of one message as WX2 reads them: ``frames.Notice`` over the clause view
    with every link masked (as WX8 masks its channels, so a link's dots end no sentence),
    and the asks to open a link (请登录, 点击链接: the kinds' ``defeated-by`` banks). A
    notice that asks the reader to open the link is a scam posing as one, unless a warning
    or a prohibition in the ask's clause governs it (请勿点击链接, 凡是要求点击链接的都是诈骗);
    under a heading alone (【反诈提醒】), an ask anywhere in the message defeats it."""

    def __init__(self, model: FrameModel, text: str, links: list[Link]) -> None:
        from ...frames import Notice

        self.model = model
        self.text = masked(text, [Channel(link.start, link.end, "url") for link in links])
        self.clauses = clauses = Clauses(self.text)
        self.notice = Notice(model.banks[_WARNING_BANK], clauses, heading=model.title)
        governors = self.notice.hits() + model.banks[_PROHIBIT_BANK].hits(clauses.text)
        governed = {clauses.clause_start(h.start) for h in governors}
        # Per kind, the sentences holding an ask no cue governs: one pass over each bank's
        # hits, whatever the number of links.
        self.asked: dict[str, set[int]] = {}
        hits: dict[str, list[Hit]] = {}
        for name in (QUOTED_LINK, DEFANGED_LINK):
            kind = model.kinds[name]
            asked = self.asked[name] = set()
            for bank in kind.defeated_by:
                if bank not in hits:
                    hits[bank] = model.banks[bank].hits(clauses.text)
                for hit in hits[bank]:
                    if hit.end > clauses.sentence_end(hit.start):
                        continue
                    if bank in kind.governed and clauses.clause_start(hit.start) in governed:
                        continue
                    asked.add(clauses.sentence_start(hit.start))
        # Each link's compact start, in one pass: masked, a link keeps its length there.
        self.at: dict[int, int] = {}
        self.warned = bool(self.notice.hits())
        pos = at = 0
        for link in links if self.warned else ():
            at += len(compact(self.text[pos : link.start]))
            self.at[link.start] = at
            at += link.end - link.start
            pos = link.end

    def judge(self, link: Link, found: list[Finding], severities: list[Severity]) -> list[Finding]:
        """The link's findings lowered to its kind's severity (never raised) when a notice
        frames it; else unchanged."""
        frame = self._frame(link)
        if frame is None:
            return found
        return [
            replace(f, severity=frame.severity, frame=frame)
            if severity.rank > frame.severity.rank
            else f
            for f, severity in zip(found, severities, strict=True)
        ]

    def _frame(self, link: Link) -> Frame | None:
        if not self.warned:  # no notice in the message
            return None
        start = self.at[link.start]
        end = start + link.end - link.start
        cue = self.notice.cue(start, end)
        if cue is None:
            return None
        clauses = self.clauses
        kind = _kind_for(self.model, link)
        asked = self.asked[kind.name]
        own = clauses.sentence_start(start)
        if own in asked or (cue[0] < own and asked):  # under a heading alone, any ask
            return None
        a, b = clauses.original(*cue)
        return Frame(kind.name, self.text[a:b], kind.severity)
