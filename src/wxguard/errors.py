"""Errors a user can act on: each names what is wrong and where."""

from __future__ import annotations

from pathlib import Path


class WxguardError(ValueError):
    """Base class for every error wxguard raises on bad input."""


class WordListError(WxguardError):
    """A word-list line (or an in-memory term) that cannot be used."""

    def __init__(self, source: str | Path, line: int | None, problem: str) -> None:
        self.source = str(source)
        self.line = line
        self.problem = problem
        where = f"{self.source}:{line}" if line is not None else self.source
        super().__init__(f"{where}: {problem}")


class ConfigError(WxguardError):
    """A configuration key with a bad value, or a key wxguard does not know."""

    def __init__(
        self, key: str, problem: str, source: str | Path | None = None, line: int | None = None
    ) -> None:
        self.key = key
        self.source = str(source) if source is not None else None
        self.problem = problem
        self.line = line
        where = f"{self.source}{f':{line}' if line else ''}: " if self.source else ""
        super().__init__(f"{where}{key}: {problem}")


class MessageError(WxguardError):
    """A ``Message`` or an ``Attachment`` given a field it cannot hold: every field named
    with its problem and the value given, as every other bad input is (not pydantic's
    ValidationError, which a caller of ``check`` would have to catch besides)."""

    def __init__(self, model: str, problems: list[tuple[str, str, object]]) -> None:
        self.model = model
        self.problems = problems
        super().__init__(
            "; ".join(
                f"{model}.{field}: {problem} (given {value!r})" if field else f"{model}: {problem}"
                for field, problem, value in problems
            )
        )
