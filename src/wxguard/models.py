"""The public data model: what goes into a check (``Message``, ``Attachment``) and the
findings that come out (``Violation``, ``Location``, ``Severity``, ``Verdict``). The
``Report`` that holds them, with its displays, is in ``wxguard.report``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeInt,
    PositiveInt,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from .clock import check_year
from .errors import MessageError

# A profile name: the bundled "wechat", "wecom", "dingtalk", or one defined in config
# (``profiles``); an unknown name is reported when a Guard is built or a message checked.
Platform = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]
Industry = Literal["ecommerce", "education", "enterprise", "finance", "medical", "general"]


_Model = TypeVar("_Model", bound=BaseModel)


def unvalidated(cls: type[_Model], values: dict[str, Any], fields_set: set[str]) -> _Model:
    """A frozen model of ``values`` that validation already vouches for, made without the
    call into pydantic (a clean message's model and report, a long text's thousands of
    violations of one term): ``fields_set`` is shared, as pydantic copies it before a change."""
    made = _new(cls)
    _set_dict(made, values)
    _set_fields(made, fields_set)
    _set_extra(made, None)
    _set_private(made, None)
    return made


def text_only(cls: type[_Model]) -> Callable[[str], _Model]:
    """A builder of ``cls(text=text)`` that skips validation's call into pydantic for an
    exact ``str`` (~1.5 µs of a clean review's ~10 µs of fixed cost, issue 13): the fields
    validation gives, worked out once, and one shared set of fields set."""
    defaults = dict(cls(text="").__dict__)
    fields_set = {"text"}

    def build(text: str) -> _Model:
        if type(text) is not str:
            return cls(text=text)
        values = defaults.copy()
        values["text"] = text
        return unvalidated(cls, values, fields_set)

    return build


# ``BaseModel``'s slots, set through their descriptors: ``object.__setattr__`` looked each
# up by name, two fifths of the cost of a long text's every violation (2.2 µs of 3.9).
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


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


class _Input(BaseModel):
    """A model callers build or read: a field it cannot hold raises ``MessageError``, from
    the constructor and from ``model_validate``/``model_validate_json`` alike (type checkers
    still see each model's own fields as its constructor's keywords)."""

    if not TYPE_CHECKING:

        def __init__(self, **data: Any) -> None:
            try:
                super().__init__(**data)
            except ValidationError as exc:
                raise _refused(type(self).__name__, exc) from None

        @classmethod
        def model_validate(cls, *args: Any, **kwargs: Any) -> Any:
            try:
                return super().model_validate(*args, **kwargs)
            except ValidationError as exc:
                raise _refused(cls.__name__, exc) from None

        @classmethod
        def model_validate_json(cls, *args: Any, **kwargs: Any) -> Any:
            try:
                return super().model_validate_json(*args, **kwargs)
            except ValidationError as exc:
                raise _refused(cls.__name__, exc) from None


def _refused(model: str, exc: ValidationError) -> MessageError:
    """Each field pydantic refused, with its problem and the value given (an attachment's
    own fields by their place in the message)."""
    problems: list[tuple[str, str, object]] = []
    for e in exc.errors(include_url=False):
        at = ".".join(map(str, e["loc"]))
        inner = e.get("ctx", {}).get("error")
        if isinstance(inner, MessageError):
            problems += [(f"{at}.{f}" if at else f, p, v) for f, p, v in inner.problems]
        else:
            problem = e["msg"].removeprefix("Value error, ").removeprefix(f"{at}: ")
            problems.append((at, problem, e.get("input")))
    return MessageError(model, problems)


class Attachment(_Input):
    """A file sent with the message; format rules judge its size and length."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["image", "video", "file", "audio"]
    # Bounded so that sizes and lengths stay numbers the format rules can divide and compare
    # (10**400 bytes or an infinite duration overflowed in check).
    size_bytes: int = Field(default=0, ge=0, le=2**63 - 1)
    duration_s: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    name: str | None = None


class Message(_Input):
    """A message and the context it will be sent in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    platform: Platform | None = None
    industry: Industry | None = None
    send_at: datetime | None = None
    group: str | None = None
    sender: str | None = None
    attachments: tuple[Attachment, ...] = ()

    @field_validator("send_at")
    @classmethod
    def _usable_time(cls, value: datetime | None) -> datetime | None:
        if value is not None:
            check_year(value, "send_at")
        return value

    @classmethod
    def plain(cls, text: str) -> Message:
        """``Message(text=text)`` without validation's call into pydantic (``text_only``)."""
        return _plain_message(text) if cls is Message else cls(text=text)


_plain_message = text_only(Message)


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
    # The context the frame judge found around the finding (a warning, a notice, a report,
    # a lesson, a negation), which lowered its severity; the message names the words.
    frame: str | None = None
    # Findings of other rules on the same words for the same problem, which this one absorbed
    # (one problem, one mark: ``wxguard.marks``); its message names them.
    also: tuple[Violation, ...] = ()
    location: Location | None = None

    @property
    def also_codes(self) -> tuple[str, ...]:
        """The codes of the findings this one absorbed, each once: two terms of one offer
        (学生妹, 包夜) are two findings in ``also`` but one rule to a reader."""
        return tuple(dict.fromkeys(w.rule for w in self.also))

    @model_validator(mode="after")
    def _span_ordered(self) -> Violation:
        if self.end < self.start:
            raise ValueError(f"violation span ends ({self.end}) before it starts ({self.start})")
        return self

    @classmethod
    def found(
        cls,
        *,
        rule: str,
        name: str,
        category: str,
        severity: Severity,
        start: int,
        end: int,
        text: str,
        term: str | None,
        techniques: tuple[str, ...],
        confidence: float,
        message: str,
        suggestion: str | None,
        consequence: str,
        frame: str | None,
    ) -> Violation:
        """A finding's violation, the same as ``Violation(...)`` with these fields gives. A
        long text makes tens of thousands, and the garbage collector walked each one's set of
        fields at every full collection: values that are already what validation returns
        (exact types, an ordered span, a confidence in range) are kept as they are, with
        one shared set of fields (pydantic copies it before any change); any other value
        is validated, with its usual error."""
        fields: dict[str, Any] = {
            "rule": rule,
            "name": name,
            "category": category,
            "severity": severity,
            "term": term,
            "techniques": techniques,
            "confidence": confidence,
            "message": message,
            "suggestion": suggestion,
            "consequence": consequence,
            "frame": frame,
        }
        shared = cls.shared(fields)
        if shared is None:
            return cls(start=start, end=end, text=text, **fields)
        return cls.placed(shared, start, end, text)

    @staticmethod
    def shared(fields: Mapping[str, Any]) -> dict[str, Any] | None:
        """What ``found`` keeps of ``fields`` (every field but the place: ``start``, ``end``
        and ``text`` left as None), in the model's order, when each value is already what
        validation returns; None when one needs validating. Findings alike share it
        (``placed``)."""
        confidence, techniques = fields["confidence"], fields["techniques"]
        if not (
            type(confidence) is float
            and 0.0 <= confidence <= 1.0
            and type(fields["severity"]) is Severity
            and type(techniques) is tuple
            and all(type(t) is str for t in techniques)
            and all(type(fields[k]) is str for k in _TEXTS)
            and all(fields[k] is None or type(fields[k]) is str for k in _OPTIONAL_TEXTS)
        ):
            return None
        return {**dict.fromkeys(Violation.model_fields), **fields, "also": ()}

    @classmethod
    def placed(cls, shared: dict[str, Any], start: int, end: int, text: str) -> Violation:
        """The violation of ``shared`` (made by ``shared``) at ``[start, end)``, the same as
        ``found`` gives."""
        if not (
            type(start) is int and type(end) is int and 0 <= start <= end and type(text) is str
        ):
            fields = {k: v for k, v in shared.items() if k not in ("also", "location")}
            return cls(**{**fields, "start": start, "end": end, "text": text})
        values = shared.copy()
        values["start"], values["end"], values["text"] = start, end, text
        return unvalidated(cls, values, _FOUND_FIELDS)


# The fields ``shared`` takes as they are when they are exact strings (or None).
_TEXTS = ("rule", "name", "category", "message", "consequence")
_OPTIONAL_TEXTS = ("term", "suggestion", "frame")
# What validation records as set for a finding's violation: every field but ``also`` and
# ``location`` (``model_fields_set``, read by ``exclude_unset``).
_FOUND_FIELDS = set(Violation.model_fields) - {"also", "location"}


def field_of(item: Any, key: str) -> Any:
    """A field of a violation given as a model or, while validating, as a dict."""
    return item[key] if isinstance(item, dict) else getattr(item, key)


def verdict_for(violations: Any) -> Verdict:
    """Block on any error, review on any warning, else pass."""
    worst = 0
    for v in violations:
        value = field_of(v, "severity")
        # A member or its value (a report read back from JSON) is a key: each hashes and
        # compares as its string. ``Severity(value)`` cost more than the rest of the loop.
        rank = _SEVERITY_RANK.get(value)
        if rank is None:
            rank = Severity(value).rank  # not a severity: the same error as ever
        if rank > worst:
            worst = rank
    if worst == Severity.ERROR.rank:
        return Verdict.BLOCK
    if worst == Severity.WARNING.rank:
        return Verdict.REVIEW
    return Verdict.PASS
