"""A check's result and every way to show it: ``Report`` and ``Reports`` here, the
renderers in the modules beside (text, full, github, json, sarif, html), positions from one
shared function. Renderers only read reports."""

from __future__ import annotations

import re
from collections.abc import Iterable
from json import dumps as json_dumps  # not `json`: the submodule json.py takes that name
from operator import attrgetter
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt, model_validator
from pydantic_core import PydanticSerializationError

from ..catalog import catalog as _catalog  # not `catalog`: the submodule catalog.py takes that name
from ..errors import ConfigError
from ..models import Verdict, Violation, field_of, verdict_for

# A batch shows this many messages in full in HTML; the rest are counted.
BATCH_LIMIT = 200
_SURROGATE = re.compile("[\ud800-\udfff]")
# How a report orders its violations.
_PLACE = attrgetter("start", "end", "rule")


class Report(BaseModel):
    """Everything wxguard found in one message, and the verdict."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    violations: tuple[Violation, ...] = ()
    verdict: Verdict = Verdict.PASS
    path: str | None = None
    line: PositiveInt = 1
    schema_version: Literal[1] = 1
    # Findings a file's suppression comments or per-file-ignores hid (the command line counts
    # them in its summary); not part of the published report.
    suppressed: NonNegativeInt = Field(default=0, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _derive_verdict(cls, data: Any) -> Any:
        if isinstance(data, dict) and "violations" in data:
            found = list(data["violations"])
            if any(isinstance(v, dict) for v in found):
                found.sort(
                    key=lambda v: (field_of(v, "start"), field_of(v, "end"), field_of(v, "rule"))
                )
            else:  # models (every check's report): the same keys, read in C
                found.sort(key=_PLACE)
            data = {**data, "violations": tuple(found), "verdict": verdict_for(found)}
        return data

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.PASS

    def redacted(
        self, operator: Literal["mask", "replace", "hash"] = "mask", *, salt: str = ""
    ) -> str:
        """The text with the personal information this report found (WX501–WX505) masked,
        replaced or hashed; everything else unchanged. See ``wxguard.redact``."""
        from ..families.persons.redact import redact_violations

        return redact_violations(self.text, self.violations, operator, salt=salt)

    def model_dump_json(self, *, indent: int | None = None, **kwargs: Any) -> str:
        """Pydantic's JSON, except that a lone surrogate in the text (a Python str may hold
        one; UTF-8 cannot) is written as its ``\\uXXXX`` escape, which JSON readers give back
        as the same string, where pydantic raises."""
        try:
            return super().model_dump_json(indent=indent, **kwargs)
        except PydanticSerializationError:
            data = self.model_dump(mode="json", **kwargs)
            separators = None if indent is not None else (",", ":")
            text = json_dumps(data, ensure_ascii=False, indent=indent, separators=separators)
            if not _SURROGATE.search(text):
                raise
            return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

    def located(self, path: str | None = None, line: int = 1) -> Report:
        """A copy that knows its file: ``line`` is where the text starts there, and every
        violation gets its file ``location`` (from the one shared position function)."""
        from .positions import locate

        return locate(self, path, line)

    def to_html(self) -> str:
        """The message with every violation highlighted, the verdict and a findings table."""
        from .html import report_html

        return report_html(self)

    def _repr_html_(self) -> str:
        """For tools that ask for HTML alone (not through ``_repr_mimebundle_``)."""
        return self.to_html()

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        """Jupyter display: concise lines as text, the highlighted report as HTML."""
        from .html import mimebundle

        return mimebundle(self, include, exclude)


def _verdict(value: Verdict | str) -> Verdict:
    """A verdict given as a member or by name in any case ("BLOCK", "block")."""
    if isinstance(value, Verdict):
        return value
    name = value.strip().lower() if isinstance(value, str) else value
    try:
        return Verdict(name)
    except ValueError:
        known = ", ".join(v.value for v in Verdict)
        raise ConfigError("verdict", f"unknown verdict {value!r} (known: {known})") from None


class Reports(list[Report]):
    """A batch of reports (e.g. ``Reports(guard.check_many(messages))``) that displays as one
    table in a notebook and filters by rule or verdict. ``numbers`` are the reports' 1-based
    places in the batch first made: a filtered batch keeps them (its 11th message stays #11),
    so every view maps back to the campaign list."""

    def __init__(self, reports: Iterable[Report] = (), numbers: Iterable[int] | None = None):
        super().__init__(reports)
        self._numbers = tuple(numbers) if numbers is not None else None
        if self._numbers is not None and len(self._numbers) != len(self):
            raise ValueError(f"{len(self._numbers)} numbers for {len(self)} reports")

    @property
    def numbers(self) -> tuple[int, ...]:
        """Each report's number in the first batch; a batch made (or changed in length) as a
        list counts from 1."""
        if self._numbers is None or len(self._numbers) != len(self):
            return tuple(range(1, len(self) + 1))
        return self._numbers

    def filter(self, rule: str | None = None, verdict: Verdict | str | None = None) -> Reports:
        """Reports with a violation whose code (or one it absorbed) starts with ``rule``
        and/or with that verdict (a ``Verdict`` or its name in any case), numbered as here.
        A rule no code starts with, or an unknown verdict, is a ``ConfigError``."""
        wanted = _verdict(verdict) if verdict is not None else None
        prefix = _catalog().check_selector(rule, "rule") if rule else None
        kept = [
            (n, r)
            for n, r in zip(self.numbers, self, strict=True)
            if (wanted is None or r.verdict is wanted)
            and (
                prefix is None
                or any(w.rule.startswith(prefix) for v in r.violations for w in (v, *v.also))
            )
        ]
        return Reports((r for _, r in kept), numbers=(n for n, _ in kept))

    def to_html(self, limit: int | None = BATCH_LIMIT) -> str:
        """The batch highlighted, its first ``limit`` messages in full (None: all)."""
        from .html import reports_html

        return reports_html(self, limit)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        """Short for a REPL: how many messages and their verdicts, not every field."""
        from .html import batch_summary

        return f"Reports({batch_summary(self)})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython prints lists with its own printer, even over ``_repr_mimebundle_``."""
        from .html import plain_text

        printer.text(plain_text(self))

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        from .html import mimebundle

        return mimebundle(self, include, exclude)
