"""What a checker is: it declares the codes it emits and yields findings for a message.

The engine turns findings into ``Violation`` objects with the catalog's texts, so a new
rule is a catalog entry plus a checker that yields its code: the engine never changes.
"""

from __future__ import annotations

import importlib

from dataclasses import dataclass, field
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar, Iterator

from ..models import Message
from ..text.views import TextView

if TYPE_CHECKING:
    from ..config import GuardConfig


@dataclass(frozen=True)
class Finding:
    """A rule hit before catalog texts are attached; ``fields`` fill the message template."""

    rule: str
    start: int
    end: int
    term: str | None = None
    category: str | None = None
    techniques: tuple[str, ...] = ()
    confidence: float = 1.0
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckContext:
    """One message as the checkers see it: the original, its views and the settings."""

    message: Message
    view: TextView
    config: GuardConfig


class Checker(ABC):
    """A family's checker: built once per Guard from its settings, then shared by threads."""

    codes: ClassVar[frozenset[str]]

    def __init__(self, config: GuardConfig) -> None:
        self.config = config

    @abstractmethod
    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield the findings for one message."""


_REGISTRY: list[type[Checker]] = []


def register(cls: type[Checker]) -> type[Checker]:
    """Class decorator: make a checker known to the engine."""
    _REGISTRY.append(cls)
    return cls


# Family modules; importing one registers its checkers.
FAMILIES = ("content",)


def registered_checkers() -> list[type[Checker]]:
    for name in FAMILIES:
        importlib.import_module(f"{__package__}.{name}")
    return list(_REGISTRY)
