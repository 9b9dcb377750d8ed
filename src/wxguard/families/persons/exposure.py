"""WX506: a third party's ID number, phone number or home posted to the group to expose or
hunt them down (大家看看这个骗子：李强，身份证号…; 大家去他家门口堵他).

A number alone is WX501/WX502's business, whoever it belongs to. Posted with an accusation
(骗子, 老赖) or a call to go after the person (去他家堵他, 大家帮忙催, 人肉), it violates that
person's privacy (Civil Code art. 1032, 1034): not a number to mask but a message not to
send. A finding needs a number that is not the sender's own and either a call to go after the
person, or an accusation or 曝光 with an ID, bank card or document number, or an accusation
with a phone number (no contact offered) and the person's name or home. Missing-person and
police notices, which want their details spread, are left alone, and so is a scam caller's
number quoted in a warning. Patterns live in ``wordlists/persons/exposure.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ...errors import WordListError
from ...resources import TomlFile, wordlist_toml
from ...text.storedregex import stored_regex
from .base import Result
from .child_details import child_details_detector
from .contact import offered

PARTS = ("accuse", "expose", "harass", "name", "home", "own", "notice", "warned")
# Characters read before a number for the sender's own label (本人身份证号码是 is 8).
_BEFORE = 12
# Numbers that identify the person with no name beside them.
_IDENTIFYING = frozenset({"WX502", "WX503", "WX505"})


@dataclass(frozen=True)
class ExposureHit:
    start: int
    end: int
    cue: tuple[int, int]  # the accusation, exposure or call to go after the person
    kinds: tuple[str, ...]  # the recognizers' kinds of the numbers exposed, then "home"


class ExposureDetector:
    """The patterns compiled once; ``find`` runs on messages that hold a number."""

    def __init__(self, source: TomlFile, surname: str) -> None:
        data = source.data
        if set(data) != set(PARTS):
            raise WordListError(source.where, None, f"expected exactly the keys {', '.join(PARTS)}")
        self.parts: dict[str, re.Pattern[str]] = {}
        for part in PARTS:
            value = data[part]
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(v, str) and v for v in value)
            ):
                raise WordListError(source.where, None, f"{part}: expected a non-empty list")
            patterns = [v.replace("{surname}", surname) for v in value]
            try:
                self.parts[part] = stored_regex("|".join(f"(?:{p})" for p in patterns))
            except re.error as exc:
                raise WordListError(source.where, None, f"{part}: bad pattern: {exc}") from None
        # What any finding needs first: one search of the message.
        self.cue = stored_regex(
            "|".join(f"(?:{self.parts[p].pattern})" for p in ("accuse", "expose", "harass"))
        )

    def find(self, folded: str, numbers: Sequence[Result]) -> ExposureHit | None:
        """The exposure in ``folded`` (the message's folded view) of ``numbers``, the WX5
        numbers found in it."""
        if not numbers or self.cue.search(folded) is None:
            return None
        parts = self.parts
        if parts["notice"].search(folded):
            return None
        theirs = [
            r
            for r in numbers
            if parts["own"].search(folded, max(0, r.start - _BEFORE), r.start) is None
        ]
        if not theirs:
            return None
        cue = parts["harass"].search(folded)
        home = parts["home"].search(folded)
        if cue is None:
            cue = self._accused(folded, theirs, home is not None)
            if cue is None:
                return None
        kinds = tuple(dict.fromkeys(r.kind for r in theirs)) + (("home",) if home else ())
        start = min(cue.start(), theirs[0].start)
        end = max(cue.end(), theirs[-1].end, home.end() if home else 0)
        return ExposureHit(start, end, cue.span(), kinds)

    def _accused(self, folded: str, theirs: list[Result], home: bool) -> re.Match[str] | None:
        """The accusation or exposure that makes posting ``theirs`` an exposure, if any."""
        parts = self.parts
        accused = parts["accuse"].search(folded)
        if any(r.rule in _IDENTIFYING for r in theirs):
            exposed = parts["expose"].search(folded)
            found = [m for m in (accused, exposed) if m is not None]
            return min(found, key=lambda m: m.start()) if found else None
        if accused is None or parts["warned"].search(folded):
            return None
        if not home and parts["name"].search(folded) is None:
            return None
        if all(offered(folded, r.start) for r in theirs):
            return None  # 联系人：李强，电话…: a contact the sender gives, whatever else is said
        return accused


@cache
def exposure_detector() -> ExposureDetector:
    return ExposureDetector(
        wordlist_toml("persons", "exposure.toml"), child_details_detector().surname
    )
