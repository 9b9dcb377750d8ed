"""The engine: one Guard holds the settings and compiled lexicons and checks messages."""

from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .allowlist import AllowList
from .collection import paused
from .config import GuardConfig, allow_entries, build_config, load_config_file
from .errors import ConfigError, WxguardError
from .families import CheckContext, Checker, Finding, checkers
from .families.base import Violations
from .marks import clear_anchors, merge
from .models import Message, Severity, text_only
from .profiles import profile_for
from .report import Report

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

    from .families.cadence.sendlog import SendLog
    from .families.links.icp import IcpResolver
    from .frames import FrameJudge
    from .profiles import FormatLimits, Profile


class Guard:
    """Checks messages against the rule catalog.

    Immutable once built, safe to share between threads, and picklable (it pickles as its
    settings, so worker processes rebuild the same lexicon).
    """

    __slots__ = ("_allow", "_checkers", "_enabled", "_frames", "_severities", "config")

    config: GuardConfig
    _enabled: frozenset[str]
    _checkers: tuple[tuple[Checker, bool], ...]
    _allow: AllowList | None
    _frames: FrameJudge | None
    _severities: dict[tuple[str, str | None], Severity]

    def __init__(
        self,
        *,
        words: Mapping[str, Iterable[str] | Mapping[str, Iterable[str]]]
        | Iterable[str]
        | None = None,
        wordlists: Iterable[str | Path] = (),
        default_wordlists: bool = True,
        allow: Iterable[str] = (),
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        no_suppress: Iterable[str] = (),
        per_file_ignores: Mapping[str, Iterable[str]] | None = None,
        severity: Mapping[str, str] | None = None,
        fail_on: str = "error",
        profiles: Mapping[str, Profile | Mapping[str, Any]] | None = None,
        platform: str = "wechat",
        industry: str | None = None,
        icp_registry: str | Path | None = None,
        icp_resolver: IcpResolver | None = None,
        allowed_domains: Iterable[str] = (),
        blocked_domains: Iterable[str] = (),
        lang: str = "zh",
        split_characters: bool = True,
        sound: bool = True,
        format: FormatLimits | Mapping[str, Any] | None = None,
        campaign_keywords: Iterable[str] = (),
        phrases: Iterable[str | Path] = (),
        commercial_threshold: float = 4.0,
        frames: bool = True,
        exclude: Iterable[str] | None = None,
        extend_exclude: Iterable[str] = (),
        config: GuardConfig | None = None,
    ) -> None:
        """Every setting of ``GuardConfig`` (docs/usage.md), or a ``config`` built already."""
        if config is None:
            if words is None:
                word_map: dict[str, list[str] | dict[str, list[str]]] = {}
            elif isinstance(words, Mapping):
                word_map = {k: _terms(v, f"words[{k!r}]") for k, v in words.items()}
            else:
                word_map = {"custom": _as_list(words, "words")}
            data: dict[str, Any] = {
                "words": word_map,
                "wordlists": _as_list(wordlists, "wordlists"),
                "default_wordlists": default_wordlists,
                "allow": _as_list(allow, "allow"),
                "select": None if select is None else _as_list(select, "select"),
                "extend_select": _as_list(extend_select, "extend_select"),
                "ignore": _as_list(ignore, "ignore"),
                "no_suppress": _as_list(no_suppress, "no_suppress"),
                "severity": _as_table(severity or {}, "severity"),
                "fail_on": fail_on,
                "platform": platform,
                "industry": industry,
                "icp_registry": icp_registry,
                "icp_resolver": icp_resolver,
                "allowed_domains": allowed_domains,
                "blocked_domains": blocked_domains,
                "lang": lang,
                "split_characters": split_characters,
                "sound": sound,
                "campaign_keywords": campaign_keywords,
                "phrases": _as_list(phrases, "phrases"),
                "commercial_threshold": commercial_threshold,
                "frames": frames,
                "exclude": None if exclude is None else _as_list(exclude, "exclude"),
                "extend_exclude": _as_list(extend_exclude, "extend_exclude"),
            }
            # Tables left out when not given, so that their defaults apply.
            given = {"per_file_ignores": per_file_ignores, "profiles": profiles, "format": format}
            data.update((key, value) for key, value in given.items() if value is not None)
            config = build_config(data)
        elif not isinstance(config, GuardConfig):
            raise ConfigError("config", f"expected a GuardConfig, got {type(config).__name__}")
        self._init(config)

    def _init(self, config: GuardConfig) -> None:
        """Built with the collector paused: construction makes tens of thousands of lasting
        objects and little garbage, and the collections they set off walked them again and
        again (a full one then fell in the first check, 15 ms)."""
        with paused():
            self._build(config)

    def _build(self, config: GuardConfig) -> None:
        enabled = config.enabled_codes()
        # A checker whose codes are all enabled needs no per-finding filter.
        built = tuple(
            (factory(config), factory.codes() <= enabled)
            for factory in checkers()
            if factory.codes() & enabled
        )
        object.__setattr__(self, "config", config)
        object.__setattr__(self, "_enabled", enabled)
        object.__setattr__(self, "_severities", {})
        object.__setattr__(self, "_checkers", built)
        object.__setattr__(
            self, "_allow", AllowList(*allow_entries(config.allow)) if config.allow else None
        )
        judge = None
        if config.frames:
            from .frames import (
                FrameJudge,
            )  # here: import wxguard does not load the phrase machinery

            judge = FrameJudge(config.phrases)
            if not judge.model.rules & enabled:
                judge = None
        object.__setattr__(self, "_frames", judge)

    @classmethod
    def from_config(cls, path: str | Path) -> Guard:
        """A Guard from ``[tool.wxguard]`` in a pyproject.toml, or from a wxguard.toml."""
        return cls(config=load_config_file(path))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Guard is immutable; build a new one with other settings")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.config,))

    def __repr__(self) -> str:
        return f"Guard(platform={self.config.platform!r}, rules={len(self._enabled)})"

    @property
    def enabled_rules(self) -> frozenset[str]:
        return self._enabled

    def check(self, message: str | Message, *, log: SendLog | None = None) -> Report:
        """Check one message; never raises on any text. With a ``log`` of what was sent,
        the cadence rules (WX701–WX704) count against it."""
        if isinstance(message, str):
            message = Message.plain(message)
        elif not isinstance(message, Message):
            raise WxguardError(f"check() takes a str or a Message, not {type(message).__name__}")
        if log is not None:
            from .families.cadence.sendlog import (
                SendLog,
            )  # here: only sends are counted, text checks never need it

            if not isinstance(log, SendLog):
                raise WxguardError(f"check(log=...) takes a SendLog, not {type(log).__name__}")
        return self._check(message, self._checkers, log)

    def _check(
        self,
        message: Message,
        active: tuple[tuple[Checker, bool], ...],
        log: SendLog | None = None,
    ) -> Report:
        """``message``'s report from the ``active`` checkers (the others would find nothing).
        The garbage collector is left alone: pausing it is a process-wide act a library must
        not take behind its host's back, and on real text it saved 1-5 % (docs/performance.md)."""
        ctx = CheckContext.of(message, self.config, log)
        findings: list[Finding] = []
        for checker, complete in active:
            if complete:
                findings.extend(checker.check(ctx))
            else:
                findings.extend(f for f in checker.check(ctx) if f.rule in self._enabled)
        if (
            findings and self._allow is not None
        ):  # phrases never to flag, whichever family found them
            findings = self._allow.keep(message.text, ctx.view.folded, findings)
        if not findings:
            return _clean(message.text)
        if self._frames is not None:  # warnings, notices and reports lower what they frame
            findings = self._frames.judge(findings, ctx.view, self._severity)
        findings = clear_anchors(findings, message.text)  # a fix's place is no problem's mark
        violation = Violations(message.text, self.config, self._severity)
        # Each finding let go once its violation is made, and none kept through the merge:
        # a long text's findings and violations alive at once were twice the objects for
        # the collector to walk at each of its full passes.
        kept = _dedupe(findings)
        del findings
        kept.reverse()
        violations = []
        while kept:
            violations.append(violation(kept.pop()))
        merged = merge(violations, self.config.lang, message.text)
        return Report(text=message.text, violations=tuple(merged))

    def _check_chunk(self, chunk: list[str | Message]) -> Iterator[Report]:
        """Reports of a chunk, each the same as ``check`` gives: the checkers first screen
        the chunk's plain texts at once (``Checker.screen``), then each text is checked by
        those that may find something in it; a text none of them picked is clean."""
        from .phrases.batch import Batch  # here: import wxguard loads no phrase machinery

        texts = Batch(m for m in chunk if type(m) is str)
        screens = [
            (c, complete, c.screen(texts) if texts else None) for c, complete in self._checkers
        ]
        if texts:
            profile_for(self.config, self.config.platform)  # as check() would, even if clean
        # The checkers each text needs, in the Guard's order, when every checker screens: a
        # text none picked is clean (most texts: nothing is looked up or made for them).
        screened = all(s is not None for *_, s in screens)
        picked: dict[int, tuple[tuple[Checker, bool], ...]] = {}
        if screened:
            for c, complete, s in screens:
                for at in s or ():
                    picked[at] = (*picked.get(at, ()), (c, complete))
        i = 0
        for message in chunk:
            if type(message) is not str:
                yield self.check(message)
                continue
            active = (
                picked.get(i, ())
                if screened
                else tuple((c, complete) for c, complete, s in screens if s is None or i in s)
            )
            i += 1
            yield self._check(Message.plain(message), active) if active else _clean(message)

    def _severity(self, f: Finding) -> Severity:
        """The finding's severity: its own, else the configured one for its rule and variant
        (remembered: a long text asks it for every finding, twice)."""
        if f.severity is not None:
            return f.severity
        key = (f.rule, f.variant)
        found = self._severities.get(key)
        if found is None:
            found = self._severities[key] = self.config.severity_of(f.rule, f.variant)
        return found

    def check_many(
        self, messages: Iterable[str | Message], workers: int = 0, chunk_size: int = 1024
    ) -> Iterator[Report]:
        """Reports in input order. ``workers=0`` checks in this process; ``workers=N`` uses N
        processes with at most four chunks per worker in flight, so an endless input streams.
        Four, not one or two: results leave in order, so a slow chunk (a worker's first loads
        the word segmenter) would otherwise leave the other workers idle behind it.

        Workers are forked from this process where that is safe (Linux, no other thread
        running), so they start at once with this Guard and every table it has loaded;
        elsewhere they are spawned and rebuild the Guard from its settings (the on-disk cache
        makes that quick). A clean message comes back as ``None`` and its report is made
        here: pickling reports was most of this process's work."""
        if workers <= 0:
            it = iter(messages)
            while chunk := list(islice(it, chunk_size)):
                yield from self._check_chunk(chunk)
            return
        from concurrent.futures import ProcessPoolExecutor  # here: a cold start does not need it

        with ProcessPoolExecutor(
            workers, mp_context=_start_method(), initializer=_worker_init, initargs=(self,)
        ) as pool:
            pending: deque[tuple[list[str | Message], Future[list[Report | None]]]] = deque()
            try:
                it = iter(messages)
                while chunk := list(islice(it, chunk_size)):
                    pending.append((chunk, pool.submit(_worker_check, chunk)))
                    if len(pending) >= 4 * workers:
                        yield from _reports(*pending.popleft())
                while pending:
                    yield from _reports(*pending.popleft())
            finally:
                for _, future in pending:  # stopped early: drop the chunks no worker has started
                    future.cancel()


def _as_list(value: Any, key: str) -> list[Any]:
    if isinstance(value, str):
        raise ConfigError(key, f"expected a list of strings, got the string {value!r}")
    if isinstance(value, (bytes, Mapping)) or not isinstance(value, Iterable):
        raise ConfigError(
            key, f"expected a list of strings, got {type(value).__name__} {value!r:.60}"
        )
    return list(value)


def _as_table(value: Any, key: str) -> dict[Any, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(
            key, f"expected a table (a dict), got {type(value).__name__} {value!r:.60}"
        )
    return dict(value)


def _terms(
    value: Iterable[str] | Mapping[str, Iterable[str]], key: str
) -> list[str] | dict[str, list[str]]:
    """A category's terms: a list, or lists by tier ({"review": [...]})."""
    if isinstance(value, Mapping):
        return {tier: _as_list(terms, f"{key}[{tier!r}]") for tier, terms in value.items()}
    return _as_list(value, key)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int]] = set()
    out: list[Finding] = []
    for f in findings:
        key = (f.rule, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# ``Report(text=...)`` of a clean message without validation (most messages are clean).
_clean = text_only(Report)


def _rebuild(config: GuardConfig) -> Guard:
    return Guard(config=config)


_worker_guard: Guard | None = None


def _start_method() -> BaseContext:
    """The start method the program chose with ``multiprocessing.set_start_method``, else
    fork where it is safe and fast: on Linux with no other thread that could hold a lock at
    the moment of the fork (macOS frameworks and threaded hosts need spawn)."""
    from multiprocessing import get_context, get_start_method

    chosen = get_start_method(allow_none=True)
    if chosen is not None:
        return get_context(chosen)
    if sys.platform == "linux" and threading.active_count() == 1:
        return get_context("fork")
    return get_context("spawn")


def _worker_init(guard: Guard) -> None:
    global _worker_guard
    _worker_guard = guard


def _worker_check(chunk: list[str | Message]) -> list[Report | None]:
    assert _worker_guard is not None
    return [r if r.violations else None for r in _worker_guard._check_chunk(chunk)]


def _reports(chunk: list[str | Message], future: Future[list[Report | None]]) -> Iterator[Report]:
    for message, report in zip(chunk, future.result(), strict=True):
        if report is None:
            yield _clean(message if isinstance(message, str) else message.text)
        else:
            yield report
