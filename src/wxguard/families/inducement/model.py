"""The compiled WX3 model: banks and join rules from ``wordlists/inducement.toml`` plus users'
phrase files, built once per set of files and shared by every Guard in the process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ...compiled import compiled
from ...phrases.banks import Bank, family_banks
from ...phrases.clauses import compact
from ...phrases.joins import Alone, Combine, read_rules, trigger
from ...text.folding import is_cjk
from ...text.sound import syllable_table

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
    "lost-notice",
    "vouch",
)


@dataclass(frozen=True)
class InducementModel:
    banks: dict[str, Bank]
    combines: list[Combine]
    alones: list[Alone]
    trigger: re.Pattern[str] | None

    # Made on first use (cached_property writes past the frozen fields): only a message with
    # pinyin typed among its characters (帮我kan一刀) is matched by sound.
    @cached_property
    def sound(self) -> dict[str, Bank]:
        """The banks respelled by syllable, for a message's pinyin runs (``phrases.mixed``)."""
        table = syllable_table()
        return {name: bank.respelled(table) for name, bank in self.banks.items()}

    @cached_property
    def sound_trigger(self) -> re.Pattern[str] | None:
        actions = [c.action for c in self.combines] + [a.bank for a in self.alones]
        return trigger(self.sound, actions)

    @cached_property
    def letters(self) -> dict[str, frozenset[str]]:
        """The characters each bank's phrases are written with (folded): outside a pinyin run,
        a match read by sound counts only when its characters are these."""
        return {
            name: frozenset(c for p in bank.phrases for c in compact(p.raw) if is_cjk(c))
            for name, bank in self.banks.items()
        }

    @cached_property
    def joined_letters(self) -> dict[tuple[str, str], frozenset[str]]:
        """For each rule and action bank, the characters what the action joins may be written
        with: its banks' and the verbs' and link words' around them (领取 + 红包, 即可领取)."""
        letters = self.letters
        around = letters["acquire"] | letters["link"] | letters["link-head"]
        out: dict[tuple[str, str], frozenset[str]] = {}
        for c in self.combines:
            key = (c.rule, c.action)
            out[key] = out.get(key, around).union(*(letters[b] for b in c.with_))
        for a in self.alones:
            out[(a.rule, a.bank)] = letters[a.bank]
        return out


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
