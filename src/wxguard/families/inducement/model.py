"""The compiled WX3 model: banks and join rules from ``wordlists/inducement.toml`` plus users'
phrase files, built once per set of files and shared by every Guard in the process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...compiled import compiled
from ...phrases.banks import Bank, family_banks
from ...phrases.joins import Alone, Combine, read_rules, trigger

# Banks the join logic consults (the words that debunk or report an offer are the frame
# judge's: wordlists/frames.toml, bank refuted).
CONTEXT_BANKS = (
    "exempt",
    "blocker",
    "link",
    "requirement",
    "completion",
    "acquire",
    "vote-thanks",
    "vote-campaign",
)


@dataclass(frozen=True)
class InducementModel:
    banks: dict[str, Bank]
    combines: list[Combine]
    alones: list[Alone]
    trigger: re.Pattern[str] | None


def inducement_model(files: tuple[Path, ...]) -> InducementModel:
    """The model with the phrases of these users' files added."""
    return compiled("inducement", lambda: _build(files), files=files, what="phrase file")


def _build(files: tuple[Path, ...]) -> InducementModel:
    data, sources = family_banks("inducement", CONTEXT_BANKS, files)
    alone_banks = {str(spec.get("bank")) for spec in data.get("alone", [])}
    banks = {name: src.compile(alone=name in alone_banks) for name, src in sources.items()}
    combines, alones = read_rules(data, banks, "wordlists/inducement.toml", "WX3")
    actions = [c.action for c in combines] + [a.bank for a in alones]
    return InducementModel(banks, combines, alones, trigger(banks, actions))
