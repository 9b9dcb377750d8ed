"""Platform profiles, industry schedules and format thresholds, read from data.

A profile is what wxguard knows of one platform (``wechat``, ``wecom``, ``dingtalk`` or one a
user defines): its recall window, read receipts and link policy (docs/sources.md#platforms), its text,
media and cadence limits, and its robot and mass-send caps with their sources. Rules read
their limits from the profile of the message's platform, so a number lives in one place
(``data/profiles.toml``) and users change it in config without code.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    model_validator,
)

from .clock import parse_clock
from .errors import WxguardError
from .resources import data_path, read_toml

if TYPE_CHECKING:
    from .config import GuardConfig

PROFILE_NAME = r"^[a-z][a-z0-9_-]*$"

# A limit a config may set: positive, finite and far above any real message, schedule or
# file, so the arithmetic done with it (bytes, minutes, database counts) cannot overflow.
PositiveInt = Annotated[int, Field(gt=0, le=1_000_000_000)]
PositiveFloat = Annotated[float, Field(gt=0, le=1_000_000_000, allow_inf_nan=False)]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Data(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", alias_generator=_kebab, populate_by_name=True
    )


class Window(_Data):
    """A stretch of Beijing wall time, written ``"HH:MM-HH:MM"`` in data and config."""

    start: time
    end: time

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, str):
            first, sep, last = value.replace("–", "-").partition("-")
            if not sep:
                raise ValueError(f"expected HH:MM-HH:MM, got {value!r}")
            start, end = parse_clock(first.strip(), "start"), parse_clock(last.strip(), "end")
            if end <= start:
                raise ValueError(f"window {value!r} ends before it starts")
            return {"start": start, "end": end}
        return value

    def holds(self, moment: time) -> bool:
        """Closed: the edges belong to a window one is advised to send in."""
        return self.start <= moment <= self.end

    def strictly_holds(self, moment: time) -> bool:
        """Open: at 12:00:00 sharp the rest period has not begun, at 13:30:00 it is over."""
        return self.start < moment < self.end

    def __str__(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


class RateLimit(_Data):
    """At most ``limit`` messages per minute or hour. ``scope = "sender"`` counts the sending
    account's messages in every group (the account is what gets restricted); ``"group"``
    counts what one group receives (a robot webhook belongs to one group)."""

    per: Literal["minute", "hour"]
    limit: PositiveInt
    scope: Literal["sender", "group"]
    channel: str
    source: str
    note: str = ""

    @property
    def seconds(self) -> int:
        return 60 if self.per == "minute" else 3600


class MassSend(_Data):
    """A mass-send cap, carried for reference: a single message cannot tell which channel
    it goes out on, so no rule enforces these."""

    channel: str
    limit: PositiveInt | Literal["days-in-month"]
    per: Literal["day", "week", "month"]
    audience: str
    source: str
    note: str = ""


class Profile(_Data):
    """One platform's behaviour and limits."""

    name: str = Field(pattern=PROFILE_NAME)
    title_zh: str
    title_en: str
    recall_minutes: PositiveInt
    read_receipt: Literal["recipient-confirms", "always-shown", "optional"]
    link_policy: Literal["keyword-domain", "whitelist", "sandbox"]
    text_limit: PositiveInt
    media_size_mb: PositiveFloat
    max_repeats: PositiveInt
    media_per_day: PositiveInt
    rate_limits: tuple[RateLimit, ...] = ()
    mass_sends: tuple[MassSend, ...] = ()
    robot_text_bytes: PositiveInt | None = None
    robot_markdown_bytes: PositiveInt | None = None
    # The platform's own hosts: allowed where the link policy is a whitelist (WX204), and
    # trusted on every platform, so a name that wears one is a look-alike (WX208).
    allowed_domains: tuple[str, ...] = ()
    source: str = ""

    @property
    def media_size_bytes(self) -> int:
        """``media-size-mb`` in bytes; an MB here is 1,048,576 bytes, as phones count."""
        return int(self.media_size_mb * 1024 * 1024)


class IndustrySchedule(_Data):
    """When and how often an industry's messages should go out (docs/sources.md#timing)."""

    name: str
    title_zh: str
    title_en: str
    window: Window
    workdays_only: StrictBool = False
    working_hours: Window | None = None
    limit: PositiveInt
    period: Literal["day", "week"]
    source: str


class FormatLimits(_Data):
    """Layout thresholds (``[tool.wxguard.format]``); defaults from docs/sources.md#layout
    where it gives a number, otherwise chosen to flag only clear cases."""

    paragraph_lines: PositiveInt = 4  # 每段不超过4行
    video_seconds: PositiveFloat = 180  # 视频时长≤3分钟
    title_chars: PositiveInt = 12  # 标题前12个字需包含核心关键词
    caps_letters: PositiveInt = 8  # letters in a run of all-caps Latin words
    # loud symbols in a row (￥￥￥, ★★★; sentence marks alone one more: ！！！！); a regex
    # repeat count, so bounded
    symbol_run: int = Field(default=3, ge=2, le=10_000)
    emoji_run: PositiveInt = 5  # emoji in a row
    emoji_only: PositiveInt = 3  # emoji in a message of nothing but emoji


class Bundle(BaseModel):
    """Everything in ``data/profiles.toml``."""

    model_config = ConfigDict(frozen=True)

    profiles: dict[str, Profile]
    industries: dict[str, IndustrySchedule]
    rest_period: Window


@cache
def bundled() -> Bundle:
    """The shipped profiles and schedules, read once per process."""
    source = data_path("profiles.toml")
    raw = read_toml(source, "data/profiles.toml").data
    try:
        return Bundle(
            profiles={
                name: Profile.model_validate({**spec, "name": name})
                for name, spec in raw["profiles"].items()
            },
            industries={
                name: IndustrySchedule.model_validate({**spec, "name": name})
                for name, spec in raw["industries"].items()
            },
            rest_period=Window.model_validate(raw["rest-period"]["window"]),
        )
    except (KeyError, ValidationError) as exc:
        raise WxguardError(f"{source}: {exc}") from None


def merge_user_profiles(raw: Any) -> Any:
    """Turn ``[tool.wxguard.profiles.<name>]`` tables into complete profile data: each table
    starts from its ``base`` (by default the bundled profile of the same name, else
    ``wechat``) and overrides the fields it gives. Pydantic validates the result, so errors
    name ``profiles.<name>.<field>``."""
    if not isinstance(raw, Mapping):
        return raw
    shipped = bundled().profiles
    out: dict[str, Any] = {}
    for name, spec in raw.items():
        if not isinstance(spec, Mapping):
            out[name] = spec
            continue
        fields = {_kebab(str(k)): v for k, v in spec.items()}
        base = fields.pop("base", name if name in shipped else "wechat")
        if base not in shipped:
            raise ValueError(
                f"profile {name!r}: unknown base {base!r} (known: {', '.join(sorted(shipped))})"
            )
        out[name] = {**shipped[base].model_dump(by_alias=True), **fields, "name": name}
    return out


def known_platforms(user: Mapping[str, Profile]) -> list[str]:
    return sorted({*bundled().profiles, *user})


def profile_for(config: GuardConfig, name: str) -> Profile:
    """The profile a platform name selects: the user's own first, then the bundled one."""
    found = config.profiles.get(name) or bundled().profiles.get(name)
    if found is None:
        raise WxguardError(
            f"platform: unknown platform {name!r} (known: {', '.join(known_platforms(config.profiles))})"
        )
    return found


def industry_schedule(name: str | None) -> IndustrySchedule | None:
    """The recorded schedule for an industry; None for industries without one."""
    return bundled().industries.get(name) if name else None
