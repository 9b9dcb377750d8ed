"""The compiled WX4 model and the commerciality score.

Whether a message is commercial is a weighted sum of signals (prices, discounts, calls to
buy, contact lines, purchase links, paid enrolment), each counted once, minus notice and
shopping-chat markers. The weights are data (``weight`` in ``wordlists/advertising.toml``),
so a team can tune them, and the threshold is the ``commercial-threshold`` setting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from ...compiled import compiled
from ...errors import WordListError
from ...models import Message
from ...phrases.banks import Bank, BankSource, add_user_phrases, bundled_family, prefilter
from ...phrases.clauses import compact, folded
from ...text.folding import fold_one_to_one
from ...text.quickregex import any_of, quick

DEFAULT_THRESHOLD = 4.0
SIGNAL_PREFIX = "signal-"
LABEL = "label"
_WHERE = "wordlists/advertising.toml"
REQUIRED = (
    "label",
    "unsubscribe",
    "identity",
    "identity-generic",
    "identity-not",
    "absolute",
    "absolute-ranking",
    "ranking-time",
    "ranking-source",
    "absolute-exempt",
    "claim-exempt",
    "claim-cancel",
    "claim-warning",
    "offer",
)


class CommercialSignal(BaseModel):
    """One piece of evidence: its kind (bank name without ``signal-``), where, and its weight."""

    model_config = ConfigDict(frozen=True)

    kind: str
    text: str
    start: int
    end: int
    weight: float


class CommercialScore(BaseModel):
    """How commercial a message reads: the score, the threshold it was judged against, and the
    signals behind it (each kind once, in text order)."""

    model_config = ConfigDict(frozen=True)

    score: float
    threshold: float
    commercial: bool
    signals: tuple[CommercialSignal, ...] = ()


class Signal(NamedTuple):
    """One signal bank's match in the folded text (its working form; ``CommercialSignal`` is
    built from it only when asked for)."""

    kind: str
    start: int
    end: int
    weight: float


@dataclass(frozen=True)
class Evidence:
    """The score and the signals behind it, in text order."""

    signals: tuple[Signal, ...]
    score: float

    @property
    def primary(self) -> Signal | None:
        """The strongest positive signal in the content (the first of equals; the 广告 label
        itself is not content): where findings point."""
        positive = [s for s in self.signals if s.weight > 0 and s.kind != LABEL]
        return max(positive, key=lambda s: (s.weight, -s.start)) if positive else None

    def public(self, text: str, threshold: float) -> CommercialScore:
        return CommercialScore(
            score=self.score,
            threshold=threshold,
            commercial=self.score >= threshold,
            signals=tuple(
                CommercialSignal(
                    kind=s.kind,
                    text=text[s.start : s.end],
                    start=s.start,
                    end=s.end,
                    weight=s.weight,
                )
                for s in self.signals
            ),
        )


@dataclass(frozen=True)
class AdvertisingModel:
    banks: dict[str, Bank]
    signals: tuple[Bank, ...]
    claims: tuple[Bank, ...]
    claims_prefilter: re.Pattern[str] | None
    suggest: dict[str, str]

    positive_phrases: re.Pattern[str] | None
    pattern_gate: re.Pattern[str] | None  # every positive pattern bank's gate, or None

    @cached_property
    def weighted(self) -> tuple[tuple[Bank, float], ...]:
        return tuple((bank, float(bank.options["weight"])) for bank in self.signals)

    def evidence(self, view: str, complete: bool = True) -> Evidence:
        """Each signal bank's first match in ``view`` (the message's folded text, as
        ``TextView.folded``, which the checker shares with the other families), strongest
        banks first; a match inside a stronger signal is the same evidence (促销 in 促销价)
        and is not counted again.

        Most messages have no positive signal: one search of all positive phrases decides
        whether the banks' phrases need a look. With ``complete=False`` the negative banks
        are skipped when nothing positive was found (the score cannot matter then)."""
        found: list[Signal] = []

        def inside(a: int, b: int) -> bool:
            return any(s.start <= a and b <= s.end for s in found)

        phrases = self.positive_phrases is None or self.positive_phrases.search(view) is not None
        if (
            not complete
            and not phrases
            and self.pattern_gate is not None
            and self.pattern_gate.search(view) is None
        ):
            return NO_EVIDENCE
        for bank, weight in self.weighted:
            if weight < 0 and not complete and not found:
                break
            span = bank.first(view, inside, phrases or weight < 0)
            if span is not None:
                found.append(
                    Signal(bank.name.removeprefix(SIGNAL_PREFIX), span[0], span[1], weight)
                )
        found.sort(key=lambda s: s.start)
        return Evidence(tuple(found), round(sum(s.weight for s in found), 3))


NO_EVIDENCE = Evidence((), 0.0)


def advertising_model(files: tuple[Path, ...] = ()) -> AdvertisingModel:
    """The model with the phrases of these users' files added."""
    return compiled("advertising", lambda: _build(files), files=files, what="phrase file")


def _build(files: tuple[Path, ...]) -> AdvertisingModel:
    data, sources = bundled_family("advertising")
    missing = [name for name in REQUIRED if name not in sources]
    if missing:
        raise WordListError(_WHERE, None, f"missing banks: {', '.join(missing)}")
    add_user_phrases("advertising", sources, files)
    banks = {name: _compiled_bank(name, src) for name, src in sources.items()}
    signals = _signals(banks)
    claims = tuple(b for b in banks.values() if "industry" in b.options)
    return AdvertisingModel(
        banks,
        signals,
        claims,
        prefilter(claims),
        _suggestions(data),
        _positive_phrases(signals),
        _pattern_gate(signals),
    )


def _weighted(name: str) -> bool:
    return name.startswith(SIGNAL_PREFIX) or name == LABEL


def _compiled_bank(name: str, src: BankSource) -> Bank:
    """A bank compiled for the view it names; signal banks must carry a weight."""
    view = src.options.get("view", "compact")
    if view not in ("compact", "folded"):
        raise WordListError(
            _WHERE, None, f'banks.{name}.view must be "compact" or "folded", got {view!r}'
        )
    if _weighted(name) and not isinstance(src.options.get("weight"), (int, float)):
        raise WordListError(_WHERE, None, f"banks.{name} needs a numeric weight")
    fires_alone = name == "absolute" or "industry" in src.options
    return src.compile(compacted=view == "compact", alone=fires_alone)


def _signals(banks: dict[str, Bank]) -> tuple[Bank, ...]:
    """Positive banks first (strongest first), then the notice and chat banks."""
    weighted = (b for n, b in banks.items() if _weighted(n))
    return tuple(sorted(weighted, key=lambda b: -float(b.options["weight"])))


def _suggestions(data: dict[str, Any]) -> dict[str, str]:
    """``[suggest]``: compliant wordings by absolute term, keyed by the term's compact form."""
    suggest = data.get("suggest", {})
    if not isinstance(suggest, dict) or not all(isinstance(v, str) for v in suggest.values()):
        raise WordListError(_WHERE, None, "[suggest] must map terms to wordings")
    return {compact(fold_one_to_one(k).lower()): v for k, v in suggest.items()}


def _positive_phrases(signals: tuple[Bank, ...]) -> re.Pattern[str] | None:
    """Whether any positive phrase occurs decides if the banks need a look: one scan for all."""
    positive = [p.regex for b in signals if float(b.options["weight"]) > 0 for p in b.phrases]
    return any_of(positive) if positive else None


def _pattern_gate(signals: tuple[Bank, ...]) -> re.Pattern[str] | None:
    """Every positive pattern bank's gate in one regex, or None when one has no gate."""
    gates = [
        b.options.get("gate") for b in signals if float(b.options["weight"]) > 0 and b.has_patterns
    ]
    if not gates or not all(isinstance(g, str) for g in gates):
        return None
    return quick("|".join(f"(?:{g})" for g in gates))


def commercial_score(
    message: str | Message,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    phrases: tuple[str | Path, ...] = (),
) -> CommercialScore:
    """How commercial a message reads, with the evidence.

    >>> commercial_score("新品上市，原价199现价99，点击下单").commercial
    True
    >>> commercial_score("请各位家长周五前缴纳午餐费300元").commercial
    False

    ``threshold`` is the score at which advertising rules apply (Guard setting
    ``commercial-threshold``); ``phrases`` are extra phrase files with an ``[advertising]``
    table, as in the ``phrases`` setting.
    """
    text = message.text if isinstance(message, Message) else message
    model = advertising_model(tuple(Path(p) for p in phrases))
    return model.evidence(folded(text)).public(text, threshold)
