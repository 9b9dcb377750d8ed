"""The compiled WX4 model and the commerciality score.

Whether a message is commercial is a weighted sum of signals (prices, discounts, calls to
buy, contact lines, purchase links, paid enrolment), each counted once, minus notice and
shopping-chat markers. The weights are data (``weight`` in ``wordlists/advertising.toml``),
so a team can tune them, and the threshold is the ``commercial-threshold`` setting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..errors import WordListError
from ..models import Message
from ..text.folding import fold_one_to_one
from ..text.views import TextView
from .banks import Bank, add_user_phrases, bundled_family, prefilter
from .compact import compact
from .inducement import file_key

DEFAULT_THRESHOLD = 4.0
SIGNAL_PREFIX = "signal-"
_WHERE = "wordlists/advertising.toml"
REQUIRED = (
    "label", "unsubscribe", "identity", "identity-generic", "identity-not", "absolute", "absolute-ranking",
    "ranking-time", "ranking-source", "absolute-exempt", "claim-exempt", "claim-cancel", "claim-warning", "offer",
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

    @property
    def primary(self) -> CommercialSignal | None:
        """The strongest positive signal (the first of equals): where findings point."""
        positive = [s for s in self.signals if s.weight > 0]
        return max(positive, key=lambda s: (s.weight, -s.start)) if positive else None


@dataclass(frozen=True)
class AdvertisingModel:
    banks: dict[str, Bank]
    signals: tuple[Bank, ...]
    claims: tuple[Bank, ...]
    claims_prefilter: re.Pattern[str] | None
    suggest: dict[str, str]

    def score(self, view: TextView, threshold: float = DEFAULT_THRESHOLD) -> CommercialScore:
        folded = view.folded
        found: list[CommercialSignal] = []
        for bank in self.signals:
            # Inside a stronger signal it is the same evidence (促销 in 促销价).
            span = bank.first(folded, [(s.start, s.end) for s in found])
            if span is not None:
                start, end = span
                found.append(CommercialSignal(
                    kind=bank.name.removeprefix(SIGNAL_PREFIX), text=view.text[start:end],
                    start=start, end=end, weight=float(bank.options["weight"]),
                ))
        found.sort(key=lambda s: s.start)
        total = round(sum(s.weight for s in found), 3)
        return CommercialScore(score=total, threshold=threshold, commercial=total >= threshold, signals=tuple(found))


def advertising_model(files: tuple[Path, ...] = ()) -> AdvertisingModel:
    return _model(tuple(file_key(p) for p in files))


@lru_cache(maxsize=16)
def _model(keys: tuple[tuple[str, int, int], ...]) -> AdvertisingModel:
    data, sources = bundled_family("advertising")
    missing = [name for name in REQUIRED if name not in sources]
    if missing:
        raise WordListError(_WHERE, None, f"missing banks: {', '.join(missing)}")
    add_user_phrases("advertising", sources, [Path(k[0]) for k in keys])
    banks: dict[str, Bank] = {}
    for name, src in sources.items():
        view = src.options.get("view", "compact")
        if view not in ("compact", "folded"):
            raise WordListError(_WHERE, None, f"banks.{name}.view must be \"compact\" or \"folded\", got {view!r}")
        if name.startswith(SIGNAL_PREFIX) and not isinstance(src.options.get("weight"), (int, float)):
            raise WordListError(_WHERE, None, f"banks.{name} needs a numeric weight")
        fires_alone = name == "absolute" or "industry" in src.options
        banks[name] = src.compile(compacted=view == "compact", alone=fires_alone)
    signals = tuple(sorted((b for n, b in banks.items() if n.startswith(SIGNAL_PREFIX)), key=lambda b: -abs(float(b.options["weight"]))))
    claims = tuple(b for b in banks.values() if "industry" in b.options)
    suggest = data.get("suggest", {})
    if not isinstance(suggest, dict) or not all(isinstance(v, str) for v in suggest.values()):
        raise WordListError(_WHERE, None, "[suggest] must map terms to wordings")
    folded_suggest = {compact(fold_one_to_one(k).lower()): v for k, v in suggest.items()}
    return AdvertisingModel(banks, signals, claims, prefilter(claims), folded_suggest)


def commercial_score(
    message: str | Message, *, threshold: float = DEFAULT_THRESHOLD, phrases: tuple[str | Path, ...] = ()
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
    return model.score(TextView(text), threshold)
