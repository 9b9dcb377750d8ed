"""Settings of a Guard, from keyword arguments or a ``[tool.wxguard]`` table.

Keys mirror the keyword arguments in kebab-case; unknown keys and bad values are errors
that name the key and the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from .catalog import catalog
from .errors import ConfigError
from .families.content.terms import check_term
from .models import Industry, Platform, Severity
from .profiles import FormatLimits, Profile, known_platforms, merge_user_profiles
from .resources import TOML_LINE, loads_toml, read_data
from .userregex import refuse_size

_REGEX_ALLOW = re.compile(r"^/(.+)/([imsx]*)$", re.S)


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class GuardConfig(BaseModel):
    """Everything that shapes a Guard; immutable and picklable."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", alias_generator=_kebab, populate_by_name=True
    )

    # Terms by category, as a list (block tier) or by tier: {"gambling": {"review": [...]}}.
    words: dict[str, tuple[str, ...] | dict[str, tuple[str, ...]]] = Field(default_factory=dict)
    wordlists: tuple[Path, ...] = ()
    default_wordlists: StrictBool = True
    allow: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Rules a compliance gate keeps on: no ignore, per-file-ignores, lower severity or inline
    # suppression comment switches them off or softens them.
    no_suppress: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    profiles: dict[str, Profile] = Field(default_factory=dict)
    platform: Platform = "wechat"
    industry: Industry | None = None
    icp_registry: Path | None = None
    icp_resolver: Any = None  # an IcpResolver; code, so a Guard keyword only
    allowed_domains: tuple[str, ...] = ()
    blocked_domains: tuple[str, ...] = ()
    lang: Literal["zh", "en"] = "zh"
    split_characters: StrictBool = True
    sound: StrictBool = True
    format: FormatLimits = Field(default_factory=FormatLimits)
    campaign_keywords: tuple[str, ...] = ()
    phrases: tuple[
        Path, ...
    ] = ()  # extra phrase-bank files ([inducement], [advertising], [scams], [frames], [trade])
    commercial_threshold: float = Field(
        default=4.0, gt=0, allow_inf_nan=False
    )  # commercial_score() at or above: advertising rules apply
    # The frame judge lowers findings in warnings, notices and reports (wordlists/frames.toml).
    frames: StrictBool = True
    # Folder walking on the command line (sources/files.py): globs; None keeps the default list.
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()

    @field_validator("wordlists", "phrases", "icp_registry")
    @classmethod
    def _file_names(cls, value: Any) -> Any:
        for path in value if isinstance(value, tuple) else (value,) if value is not None else ():
            try:
                name = os.fsencode(path)
            except UnicodeEncodeError:
                raise ValueError(f"{str(path)!r} is no file name this system can open") from None
            if b"\0" in name:
                raise ValueError(f"{str(path)!r} holds a NUL character, which no file name can")
        return value

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _selectors(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if value is None:
            return None
        return tuple(catalog().check_selector(s) for s in value)

    @field_validator("no_suppress")
    @classmethod
    def _unsuppressible(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(catalog().check_selector(s, "no-suppress") for s in value)

    @field_validator("profiles", mode="before")
    @classmethod
    def _user_profiles(cls, value: Any) -> Any:
        return merge_user_profiles(value)

    @field_validator("platform")
    @classmethod
    def _known_platform(cls, value: str, info: ValidationInfo) -> str:
        known = known_platforms(info.data.get("profiles") or {})
        if value not in known:
            raise ValueError(f"unknown platform {value!r} (known: {', '.join(known)})")
        return value

    @field_validator("campaign_keywords")
    @classmethod
    def _keywords(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for word in value:
            if not word.strip():
                raise ValueError("a campaign keyword is empty")
        return value

    @field_validator("per_file_ignores")
    @classmethod
    def _per_file(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        return {
            glob: tuple(catalog().check_selector(s, "per-file-ignores") for s in codes)
            for glob, codes in value.items()
        }

    @field_validator("severity")
    @classmethod
    def _severity_codes(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        known = catalog().by_code
        out: dict[str, Severity] = {}
        for code, sev in value.items():
            if code.upper() not in known:
                raise ValueError(f"unknown rule code {code!r}")
            out[code.upper()] = sev
        return out

    @field_validator("icp_resolver")
    @classmethod
    def _resolver(cls, value: Any) -> Any:
        if value is not None and not hasattr(value, "lookup"):
            raise ValueError(
                "expected an object with a lookup(domain) method, given in code: Guard(icp_resolver=...)"
            )
        return value

    @field_validator("allow")
    @classmethod
    def _allow_entries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for entry in value:
            m = _REGEX_ALLOW.match(entry)
            if m:
                try:
                    re.compile(m.group(1))
                    refuse_size(m.group(1))
                except (re.error, OverflowError, RecursionError, ValueError) as exc:
                    raise ValueError(f"bad regular expression {entry!r}: {exc}") from None
            else:
                check_term(entry, "allow", None)
        return value

    # -- derived -----------------------------------------------------------------------
    def enabled_codes(self) -> frozenset[str]:
        """The selected codes, and every ``no-suppress`` one whatever the selection says."""
        return (
            catalog().resolve(self.select, self.extend_select, self.ignore) | self.unsuppressible()
        )

    def unsuppressible(self) -> frozenset[str]:
        """The codes ``no-suppress`` keeps on."""
        return catalog().resolve(self.no_suppress) if self.no_suppress else frozenset()

    def severity_of(self, code: str, variant: str | None = None) -> Severity:
        """The user's severity for the code, else the catalog's for the code's ``variant``
        case (a user who sets a code's severity sets it for all its cases). A ``no-suppress``
        code may be raised, never lowered."""
        mine = self.severity.get(code)
        if mine is None:
            return catalog().by_code[code].severity_of(variant)
        if self.no_suppress and code.startswith(self.no_suppress):
            return max(mine, catalog().by_code[code].severity_of(variant), key=lambda s: s.rank)
        return mine

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str | Path | None = None) -> GuardConfig:
        """Validate a ``[tool.wxguard]`` table; relative paths are taken from ``source``'s folder."""
        base = Path(source).parent if source else Path.cwd()
        data = dict(data)
        known = {_kebab(name) for name in cls.model_fields}
        for key in data:
            if key not in known:
                raise ConfigError(
                    key, f"unknown key (known keys: {', '.join(sorted(known))})", source
                )
        for key in ("wordlists", "phrases"):
            if isinstance(data.get(key), list):
                data[key] = [str(base / p) if isinstance(p, str) else p for p in data[key]]
        if isinstance(data.get("icp-registry"), str):
            data["icp-registry"] = str(base / data["icp-registry"])
        return build_config(data, source)


# pydantic's words for Python types, said in the settings' own terms (TOML and Python).
_TOML_WORDS = {
    "Input should be a valid tuple": "should be an array (a list in Python)",
    "Input should be a valid list": "should be an array (a list in Python)",
    "Input should be a valid dictionary": "should be a table (a dict in Python)",
}


def build_config(data: dict[str, Any], source: str | Path | None = None) -> GuardConfig:
    try:
        return GuardConfig.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        # pydantic names the member of a union it tried (``tuple[str, ...]``): not a key.
        key = ".".join(str(part) for part in err["loc"] if "[" not in str(part)) or "config"
        msg = err["msg"].removeprefix("Value error, ").removeprefix(f"{key}: ")
        msg = _TOML_WORDS.get(msg, msg)
        raise ConfigError(key, f"{msg} (got {err.get('input')!r})", source) from None
    except ConfigError as exc:
        raise ConfigError(exc.key, exc.problem, source) from None


def parse_config(raw: bytes, path: Path) -> dict[str, Any]:
    """A configuration file's TOML, or a ConfigError naming the file and line."""
    try:
        return loads_toml(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError("config", f"not valid TOML: {exc}", path) from None
    except tomllib.TOMLDecodeError as exc:
        m = TOML_LINE.search(str(exc))
        line = int(m.group(1)) if m else None
        raise ConfigError("config", f"not valid TOML: {exc}", path, line) from None


def load_config_file(path: str | Path) -> GuardConfig:
    """Read ``[tool.wxguard]`` from a pyproject.toml, or a wxguard.toml (top level or that table)."""
    path = Path(path)
    try:
        raw = read_data(path)
    except OSError as exc:
        raise ConfigError("config", f"cannot read {path}: {exc.strerror or exc}") from None
    data = parse_config(raw, path)
    table = data.get("tool", {}).get("wxguard")
    if table is None:
        if path.name == "pyproject.toml":
            raise ConfigError("tool.wxguard", "no [tool.wxguard] table", path)
        table = data
    if not isinstance(table, dict):
        raise ConfigError("tool.wxguard", "must be a table", path)
    try:
        return GuardConfig.from_mapping(table, path)
    except ConfigError as exc:
        prefix = ("tool", "wxguard") if table is not data else ()
        line = key_line(raw.decode("utf-8"), (*prefix, *exc.key.split(".")))
        raise ConfigError(exc.key, exc.problem, exc.source, line) from None


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]*?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(
    r"^\s*((?:\"[^\"]*\"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:\"[^\"]*\"|'[^']*'|[\w-]+))*)\s*="
)
_KEY_PART = re.compile(r"\"([^\"]*)\"|'([^']*)'|([\w-]+)")


def _dotted(text: str) -> tuple[str, ...]:
    return tuple(a or b or c for a, b, c in _KEY_PART.findall(text))


def key_line(text: str, path: tuple[str, ...]) -> int | None:
    """The line (1-based) that sets the deepest part of a dotted key path: ``tomllib`` keeps
    no positions, so the file is read again for table headers and assignments. Array
    indices in the path are skipped; ``None`` when no line sets any part of it."""
    want = tuple(part for part in path if not part.isdigit())
    best, best_depth = None, 0
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            table = _dotted(header.group(1))
            full = table
        else:
            assign = _ASSIGN.match(line)
            if not assign:
                continue
            full = table + _dotted(assign.group(1))
        depth = len(full)
        if depth > best_depth and want[:depth] == full:
            best, best_depth = number, depth
    return best


def allow_entries(entries: tuple[str, ...]) -> tuple[list[str], list[re.Pattern[str]]]:
    """The ``allow`` setting as its phrases and its compiled ``/regex/flags`` entries."""
    phrases: list[str] = []
    regexes: list[re.Pattern[str]] = []
    for entry in entries:
        m = _REGEX_ALLOW.match(entry)
        if m:
            flags = 0
            for f in m.group(2):
                flags |= {"i": re.I, "m": re.M, "s": re.S, "x": re.X}[f]
            regexes.append(re.compile(m.group(1), flags))
        else:
            phrases.append(entry)
    return phrases, regexes
