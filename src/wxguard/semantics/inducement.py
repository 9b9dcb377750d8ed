"""The compiled WX3 model: banks and join rules from ``wordlists/inducement.toml`` plus users'
phrase files, built once per set of files and shared by every Guard in the process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import WordListError
from .banks import Bank, add_user_phrases, bundled_family
from .joins import Alone, Combine, read_rules, trigger

# Banks the join logic itself consults.
CONTEXT_BANKS = ("exempt", "blocker", "link", "requirement", "completion", "acquire")


@dataclass(frozen=True)
class InducementModel:
    banks: dict[str, Bank]
    combines: list[Combine]
    alones: list[Alone]
    trigger: re.Pattern[str] | None


def file_key(path: Path) -> tuple[str, int, int]:
    try:
        st = path.stat()
    except OSError as exc:
        raise WordListError(path, None, f"cannot read phrase file: {exc.strerror or exc}") from None
    return (str(path), st.st_mtime_ns, st.st_size)


def inducement_model(files: tuple[Path, ...]) -> InducementModel:
    return _model(tuple(file_key(p) for p in files))


@lru_cache(maxsize=16)
def _model(keys: tuple[tuple[str, int, int], ...]) -> InducementModel:
    data, sources = bundled_family("inducement")
    missing = [name for name in CONTEXT_BANKS if name not in sources]
    if missing:
        raise WordListError("wordlists/inducement.toml", None, f"missing banks: {', '.join(missing)}")
    add_user_phrases("inducement", sources, [Path(k[0]) for k in keys])
    alone_banks = {str(spec.get("bank")) for spec in data.get("alone", [])}
    banks = {name: src.compile(alone=name in alone_banks) for name, src in sources.items()}
    combines, alones = read_rules(data, banks, "wordlists/inducement.toml")
    actions = [c.action for c in combines] + [a.bank for a in alones]
    return InducementModel(banks, combines, alones, trigger(banks, actions))
