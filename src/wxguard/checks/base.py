"""What a checker is: it declares the codes it emits and yields findings for a message.

The engine turns findings into ``Violation`` objects with the catalog's texts, so a new
rule is a catalog entry plus a checker that yields its code: the engine never changes.
"""

from __future__ import annotations

import importlib

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterator, Protocol

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


class Checker(Protocol):
    codes: ClassVar[frozenset[str]]

    def check(self, ctx: CheckContext) -> Iterator[Finding]: ...


class CheckerFactory(Protocol):
    codes: ClassVar[frozenset[str]]

    def __call__(self, config: GuardConfig) -> Checker: ...


_REGISTRY: list[CheckerFactory] = []


def register(factory: CheckerFactory) -> CheckerFactory:
    """Class decorator: make a checker known to the engine."""
    _REGISTRY.append(factory)
    return factory


# Family modules; importing one registers its checkers.
FAMILIES = ("content",)


def registered_checkers() -> list[CheckerFactory]:
    for name in FAMILIES:
        importlib.import_module(f"{__package__}.{name}")
    return list(_REGISTRY)
