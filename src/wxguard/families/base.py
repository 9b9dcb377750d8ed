"""What a checker is: it names its rule family and yields findings for a message.

A checker's codes are its family's codes in the catalog (``data/rules.toml``), so a new rule
is a catalog entry plus the code that yields it; the engine turns findings into
``Violation`` objects with the catalog's texts and never changes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from ..catalog import catalog
from ..models import Message, Severity, Violation
from ..profiles import Profile, profile_for
from ..text.views import TextView

if TYPE_CHECKING:
    from ..config import GuardConfig
    from .cadence.sendlog import SendLog


@dataclass(frozen=True)
class Frame:
    """The context that lowered a finding's severity (``wxguard.frames``): its kind (a
    catalog ``frames`` entry), the words that opened it as written, and the severity."""

    kind: str
    cue: str
    severity: Severity


@dataclass(frozen=True, init=False, slots=True)
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
    # Set by the frame judge: a warning, a notice, a report … around the finding.
    frame: Frame | None = None
    # "start" or "end": the span only says where a fix goes (the message's start for a
    # missing label, its end for a missing opt-out), so the engine moves it off other
    # findings (``wxguard.marks``).
    anchor: str | None = None

    def __init__(
        self,
        rule: str,
        start: int,
        end: int,
        term: str | None = None,
        category: str | None = None,
        techniques: tuple[str, ...] = (),
        confidence: float = 1.0,
        fields: dict[str, Any] | None = None,
        variant: str | None = None,
        severity: Severity | None = None,
        frame: Frame | None = None,
        anchor: str | None = None,
    ) -> None:
        """The dataclass's own constructor (``fields`` left out is a new empty dict), each
        field set through its slot's descriptor: no ``__dict__`` is made, which would hold
        ``fields`` and so stay tracked, one more object a finding for every full collection
        to walk (a long text makes 50,000 a MB), and no field is looked up by name, as
        ``object.__setattr__`` does (6.8 against 4.9 µs a finding, loaded machine)."""
        put = _PUT
        put[0](self, rule)
        put[1](self, start)
        put[2](self, end)
        put[3](self, term)
        put[4](self, category)
        put[5](self, techniques)
        put[6](self, confidence)
        put[7](self, {} if fields is None else fields)
        put[8](self, variant)
        put[9](self, severity)
        put[10](self, frame)
        put[11](self, anchor)

    def framed(self, frame: Frame) -> Finding:
        """This finding lowered to ``frame``'s severity, carrying it: the same as
        ``replace(self, severity=frame.severity, frame=frame)``, which looks up every field
        by name, for each framed finding of a long text."""
        return type(self)(
            self.rule,
            self.start,
            self.end,
            self.term,
            self.category,
            self.techniques,
            self.confidence,
            self.fields,
            self.variant,
            frame.severity,
            frame,
            self.anchor,
        )

    def violation(self, text: str, config: GuardConfig) -> Violation:
        """The reported form, with the catalog's texts in the configured language: the one
        way any finding (a checker's, or a file's unused suppression) becomes a Violation."""
        return Violations(text, config)(self)

    def _values(self, config: GuardConfig, severity: Severity) -> dict[str, Any]:
        """Every field of the violation but its place."""
        rule = catalog().by_code[self.rule]
        lang = config.lang
        try:
            message = _message(self.rule, lang, self.variant, tuple(self.fields.items()))
        except TypeError:  # a field that cannot be a key: formatted afresh
            message = rule.message(lang, self.variant, **self.fields)
        suggestion = rule.suggestion(lang, self.variant, **self.fields)
        consequence = rule.consequence(lang, self.variant)
        if self.frame is not None:
            framed = catalog().frames[self.frame.kind]
            message += framed.note(lang, self.frame.cue)
            suggestion = framed.suggestion(lang, suggestion)
            consequence = framed.consequence(lang, consequence)
        return {
            "rule": self.rule,
            "name": rule.name,
            "category": self.category or rule.category or rule.family,
            "severity": severity,
            "term": self.term,
            "techniques": self.techniques,
            "confidence": self.confidence,
            "message": message,
            "suggestion": suggestion,
            "consequence": consequence,
            "frame": self.frame.kind if self.frame is not None else None,
        }


# Each field's slot setter, in the declared order (``Finding.__init__``).
_PUT = tuple(Finding.__dict__[f.name].__set__ for f in fields(Finding))


class Violations:
    """Makes the violations of one message's findings. Findings alike (the same rule,
    variant, severity, frame, fields, term, techniques and confidence: a long text repeats
    a term thousands of times) share every field but their place, so the catalog's texts
    are looked up and the values checked once for all of them (``Violation.shared``)."""

    def __init__(
        self,
        text: str,
        config: GuardConfig,
        severity_of: Callable[[Finding], Severity] | None = None,
    ) -> None:
        self.text, self.config = text, config
        self.severity_of = severity_of or (
            lambda f: f.severity or config.severity_of(f.rule, f.variant)
        )
        self._known: dict[tuple[Any, ...], tuple[dict[str, Any], dict[str, Any] | None]] = {}

    def __call__(self, f: Finding) -> Violation:
        severity = self.severity_of(f)
        confidence = f.confidence
        key = (
            f.rule,
            f.variant,
            severity,
            f.frame,
            f.category,
            f.term,
            f.techniques,
            confidence,
            type(confidence),
            tuple(f.fields.items()),
        )
        try:
            known = self._known.get(key)
            keyed = True
        except TypeError:  # a value that cannot be a key: made afresh
            known, keyed = None, False
        if known is None:
            values = f._values(self.config, severity)
            known = (values, Violation.shared(values))
            if keyed:
                self._known[key] = known
        values, shared = known
        if shared is None:
            return Violation.found(
                **values, start=f.start, end=f.end, text=self.text[f.start : f.end]
            )
        return Violation.placed(shared, f.start, f.end, self.text[f.start : f.end])


@lru_cache(maxsize=4096)
def _message(code: str, lang: str, variant: str | None, fields: tuple[tuple[str, Any], ...]) -> str:
    """A rule's message for these fields, remembered: a long text repeats the same finding
    thousands of times, and filling the template was a tenth of its cost."""
    return catalog().by_code[code].message(lang, variant, **dict(fields))


@dataclass(frozen=True)
class CheckContext:
    """One message as the checkers see it: the original, its views and the settings."""

    message: Message
    view: TextView
    config: GuardConfig
    log: SendLog | None = None
    # The platform's profile (limits, link policy), looked up when the context is made: an
    # unknown platform is an error whichever rules are enabled.
    profile: Profile = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "profile", profile_for(self.config, self.platform))

    @classmethod
    def of(cls, message: Message, config: GuardConfig, log: SendLog | None = None) -> CheckContext:
        """``CheckContext(message=message, view=TextView(message.text), config=config,
        log=log)``, each field set at once: the engine makes one for every message a
        checker reads, and the dataclass's keyword constructor and ``__post_init__`` were
        a third of a clean review's fixed cost."""
        made = cls.__new__(cls)
        _set = object.__setattr__
        _set(made, "message", message)
        _set(made, "view", TextView(message.text))
        _set(made, "config", config)
        _set(made, "log", log)
        _set(made, "profile", profile_for(config, message.platform or config.platform))
        return made

    @property
    def platform(self) -> str:
        """The message's platform, else the Guard's."""
        return self.message.platform or self.config.platform

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

    def screen(self, texts: Sequence[str]) -> set[int] | None:
        """Indices of ``texts`` that could give a finding, found for the whole batch at once
        (``Guard.check_many``): a text left out gives none, so it is not checked one by one.
        None: every text may (a family without a batch test)."""
        return None
