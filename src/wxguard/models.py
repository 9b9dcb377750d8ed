"""The public data model: what goes into a check and what comes out."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveInt,
    StringConstraints,
    model_validator,
)

# A profile name: the bundled "wechat", "wecom", "dingtalk", or one defined in config
# (``profiles``); an unknown name is reported when a Guard is built or a message checked.
Platform = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]
Industry = Literal["ecommerce", "education", "enterprise", "finance", "medical", "general"]


class Severity(str, Enum):
    """How bad a finding is; the verdict follows the worst one."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Verdict(str, Enum):
    """What the sender should do with the message."""

    PASS = "pass"
    REVIEW = "review"
    BLOCK = "block"


class Attachment(BaseModel):
    """A file sent with the message; format rules judge its size and length."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["image", "video", "file", "audio"]
    size_bytes: NonNegativeInt = 0
    duration_s: NonNegativeFloat | None = None
    name: str | None = None


class Message(BaseModel):
    """A message and the context it will be sent in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    platform: Platform | None = None
    industry: Industry | None = None
    send_at: datetime | None = None
    group: str | None = None
    sender: str | None = None
    attachments: tuple[Attachment, ...] = ()


class Location(BaseModel):
    """Where a span sits in its file: 1-based lines and columns counted in code points,
    end column exclusive (SARIF's convention), so editors and CI annotations agree."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    line: PositiveInt
    column: PositiveInt
    end_line: PositiveInt
    end_column: PositiveInt


class Violation(BaseModel):
    """One finding, with its span in the original text (end exclusive)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    name: str
    category: str
    severity: Severity
    start: NonNegativeInt
    end: NonNegativeInt
    text: str
    term: str | None = None
    techniques: tuple[str, ...] = ()
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    message: str
    suggestion: str | None = None
    consequence: str
    location: Location | None = None

    @model_validator(mode="after")
    def _span_ordered(self) -> Violation:
        if self.end < self.start:
            raise ValueError(f"violation span ends ({self.end}) before it starts ({self.start})")
        return self


class Report(BaseModel):
    """Everything wxguard found in one message, and the verdict."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    violations: tuple[Violation, ...] = ()
    verdict: Verdict = Verdict.PASS
    path: str | None = None
    line: PositiveInt = 1
    schema_version: Literal[1] = 1

    @model_validator(mode="before")
    @classmethod
    def _derive_verdict(cls, data: Any) -> Any:
        if isinstance(data, dict) and "violations" in data:
            found = list(data["violations"])
            found.sort(key=lambda v: (_get(v, "start"), _get(v, "end"), _get(v, "rule")))
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
        from .families.persons.redact import redact_violations

        return redact_violations(self.text, self.violations, operator, salt=salt)

    def located(self, path: str | None = None, line: int = 1) -> Report:
        """A copy that knows its file: ``line`` is where the text starts there, and every
        violation gets its file ``location`` (from the one shared position function)."""
        from .report.positions import locate

        return locate(self, path, line)

    def to_html(self) -> str:
        """The message with every violation highlighted, the verdict and a findings table."""
        from .report.html import report_html

        return report_html(self)

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        """Jupyter display: concise lines as text, the highlighted report as HTML."""
        from .report.html import mimebundle

        return mimebundle(self, include, exclude)


class Reports(list[Report]):
    """A batch of reports (e.g. ``Reports(guard.check_many(messages))``) that displays as one
    table in a notebook and filters by rule or verdict."""

    def filter(self, rule: str | None = None, verdict: Verdict | str | None = None) -> Reports:
        """Reports with a violation whose code starts with ``rule`` and/or with that verdict."""
        wanted = Verdict(verdict) if verdict is not None else None
        prefix = rule.strip().upper() if rule else None
        return Reports(
            r
            for r in self
            if (wanted is None or r.verdict is wanted)
            and (prefix is None or any(v.rule.startswith(prefix) for v in r.violations))
        )

    def to_html(self) -> str:
        from .report.html import reports_html

        return reports_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython prints lists with its own printer, even over ``_repr_mimebundle_``."""
        from .report.html import plain_text

        printer.text(plain_text(self))

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        from .report.html import mimebundle

        return mimebundle(self, include, exclude)


def _get(item: Any, key: str) -> Any:
    return item[key] if isinstance(item, dict) else getattr(item, key)


def verdict_for(violations: Any) -> Verdict:
    """Block on any error, review on any warning, else pass."""
    worst = 0
    for v in violations:
        worst = max(worst, Severity(_get(v, "severity")).rank)
    if worst == Severity.ERROR.rank:
        return Verdict.BLOCK
    if worst == Severity.WARNING.rank:
        return Verdict.REVIEW
    return Verdict.PASS
