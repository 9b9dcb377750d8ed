"""The compiled WX8 model: banks and join rules from ``wordlists/scams.toml`` plus users'
phrase files, built once per set of files and shared by every Guard in the process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...catalog import catalog
from ...compiled import compiled
from ...errors import WordListError
from ...phrases.banks import Bank, add_user_phrases, bundled_family
from ...phrases.joins import Alone, Combine, read_rules, trigger
from ..links.data import official_hosts
from .channels import KINDS

WHERE = "wordlists/scams.toml"
# Banks the checker itself consults, besides the lures and demands the rules name (the
# warnings that cancel a described scam are the frame judge's: wordlists/frames.toml).
CONTEXT_BANKS = ("reader-ask", "secrecy", *KINDS)
# Banks that stand in for a channel (回拨0转人工, 请点击链接解冻, 点击链接兑换现金): in a
# message that gives the link or number later in the sentence, a join to one reaches it, so
# that the channel is what its mark names (the checker's ``_reach_channel``).
STAND_INS = ("callback", "cash-out")


@dataclass(frozen=True)
class Gate:
    """Lure banks and the quick literal test every one of their phrases passes."""

    lures: tuple[str, ...]
    trigger: re.Pattern[str] | None


@dataclass(frozen=True)
class ScamsModel:
    banks: dict[str, Bank]
    combines: list[Combine]
    alones: list[Alone]
    # Lures some rule joins to wording (转入, 先交保证金), and lures joined to channels only:
    # those are looked for only when the message may hold a channel.
    wording: Gate
    channel: Gate
    rank: dict[str, int]  # a rule's place in the tables: a sentence keeps the lowest
    # a table's (rule, lure, demand) → banks any hit of which in the message drops its joins
    # (`unless`: a shop's own draw gives a chat id for a prize)
    unless: dict[tuple[str, str, str], tuple[str, ...]]
    # … → banks any hit of which makes its joins at most a warning (`lower`: a company's
    # published billing details, a classmate who paid for the child and is repaid)
    lower: dict[tuple[str, str, str], tuple[str, ...]]
    # domains whose links are no channel: the brand list's own hosts (wordlists/links/brands.txt)
    official: frozenset[str]
    # lures whose variant is a case milder than its rule (WX803's opener, a warning): a
    # sentence keeps its rule's error before them (在家就能做，日结，兼职刷单一单一结)
    mild: frozenset[str]


def scams_model(files: tuple[Path, ...]) -> ScamsModel:
    """The model with the phrases of these users' files added."""
    return compiled("scams", lambda: _build(files), files=files, what="phrase file")


def _build(files: tuple[Path, ...]) -> ScamsModel:
    data, sources = bundled_family("scams")
    missing = [name for name in CONTEXT_BANKS if name not in sources]
    if missing:
        raise WordListError(WHERE, None, f"missing banks: {', '.join(missing)}")
    add_user_phrases("scams", sources, files)
    banks = {name: src.compile() for name, src in sources.items()}
    combines, alones = read_rules(data, banks, WHERE, "WX8")
    mild: set[str] = set()
    # a lure's own message (WX802: the role it impersonates); a stand-alone phrase's too
    # (WX801's code asked back, a warning)
    for rule, action in [(c.rule, c.action) for c in combines] + [(a.rule, a.bank) for a in alones]:
        variant = banks[action].options.get("variant")
        if variant is None:
            continue
        entry = catalog().get(rule)
        if variant not in entry.variants:
            raise WordListError(
                WHERE,
                None,
                f"banks.{action}: variant {variant!r} is no message of {rule}",
            )
        if entry.severity_of(variant).rank < entry.severity.rank:
            mild.add(action)
    wording = [c.action for c in combines if set(c.with_) - set(KINDS)] + [a.bank for a in alones]
    channel = [c.action for c in combines if c.action not in wording]
    rank: dict[str, int] = {}
    for rule in [c.rule for c in combines] + [a.rule for a in alones]:
        rank.setdefault(rule, len(rank))
    unless = _table_banks(data, combines, banks, "unless")
    lower = _table_banks(data, combines, banks, "lower")
    return ScamsModel(
        banks,
        combines,
        alones,
        _gate(banks, wording),
        _gate(banks, channel),
        rank,
        unless,
        lower,
        official_hosts(),
        frozenset(mild),
    )


def _table_banks(
    data: dict[str, object], combines: list[Combine], banks: dict[str, Bank], key: str
) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """A combine key listing banks (``unless``, ``lower``), by (rule, action, joined bank)."""
    found: dict[tuple[str, str, str], tuple[str, ...]] = {}
    specs = data.get("combine", [])
    assert isinstance(specs, list)
    for spec, combine in zip(specs, combines, strict=True):
        names = tuple(spec.get(key, ()))
        for name in names:
            if name not in banks:
                raise WordListError(
                    WHERE, None, f"combine {combine.rule}.{key}: unknown bank {name!r}"
                )
        if names:
            for joined in combine.with_:
                found[combine.rule, combine.action, joined] = names
    return found


def _gate(banks: dict[str, Bank], lures: list[str]) -> Gate:
    names = tuple(dict.fromkeys(lures))
    return Gate(names, trigger(banks, list(names)) if names else None)
