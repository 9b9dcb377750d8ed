"""What a checker is: it names its rule family and yields findings for a message.

A checker's codes are its family's codes in the catalog (``data/rules.toml``), so a new rule
is a catalog entry plus the code that yields it; the engine turns findings into
``Violation`` objects with the catalog's texts and never changes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..catalog import catalog
from ..models import Message, Severity
from ..profiles import Profile, profile_for
from ..text.views import TextView

if TYPE_CHECKING:
    from ..config import GuardConfig
    from .cadence.sendlog import SendLog


@dataclass(frozen=True)
class Finding:
    """A rule hit before catalog texts are attached: ``fields`` fill the rule's message
    template, or the template named ``variant`` (the rule's ``variants`` in the catalog)."""

    rule: str
    start: int
    end: int
    term: str | None = None
    category: str | None = None
    techniques: tuple[str, ...] = ()
    confidence: float = 1.0
    fields: dict[str, Any] = field(default_factory=dict)
    variant: str | None = None
    # Set when the finding is less severe than its rule (a review-tier term: a warning).
    severity: Severity | None = None


@dataclass(frozen=True)
class CheckContext:
    """One message as the checkers see it: the original, its views and the settings."""

    message: Message
    view: TextView
    config: GuardConfig
    log: SendLog | None = None

    @property
    def platform(self) -> str:
        """The message's platform, else the Guard's."""
        return self.message.platform or self.config.platform

    @property
    def profile(self) -> Profile:
        """The platform's profile (limits, link policy); unknown platforms raise. Cached by
        hand: Python 3.11's ``cached_property`` takes a lock on every first access, which
        cost more than the lookup (2.6 µs a message)."""
        found: Profile | None = self.__dict__.get("_profile")
        if found is None:
            found = profile_for(self.config, self.platform)
            object.__setattr__(self, "_profile", found)
        return found

    @property
    def industry(self) -> str | None:
        return self.message.industry or self.config.industry


class Checker(ABC):
    """A family's checker: built once per Guard from its settings, then shared by threads."""

    family: ClassVar[str]  # the catalog prefix, e.g. "WX6"

    @classmethod
    def codes(cls) -> frozenset[str]:
        """Every code of the family in the catalog."""
        return catalog().codes(cls.family)

    def __init__(self, config: GuardConfig) -> None:
        self.config = config

    @abstractmethod
    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield the findings for one message."""
