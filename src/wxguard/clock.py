"""One rule for time: every instant is timezone-aware; a naive datetime means Asia/Shanghai.

Senders write ``datetime(2024, 5, 1, 20, 0)`` and mean Beijing time, while logs and servers
often hold UTC. Normalising at every entry point means naive and aware values mix freely and
comparisons never raise. Asia/Shanghai has had no daylight saving since 1991, so local wall
times map to exactly one instant. The zone comes from the system's tz database, or from the
``tzdata`` package where there is none (Windows).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import WxguardError

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
YEARS = range(2, 9999)  # the instants wxguard takes (see check_year)


@cache
def shanghai() -> tzinfo:
    """The zone naive datetimes are read in."""
    try:
        return ZoneInfo("Asia/Shanghai")
    except ZoneInfoNotFoundError:
        raise WxguardError(
            "time zone Asia/Shanghai not found: install the 'tzdata' package"
        ) from None


def utc_now() -> datetime:
    return datetime.now(UTC)


def beijing_today() -> date:
    """Today's date where the message is read: a server on UTC is still on yesterday until
    08:00 Beijing time, which would make a child born today a day too old."""
    return datetime.now(shanghai()).date()


def aware(value: object, what: str) -> datetime:
    """``value`` as an aware datetime; naive means Asia/Shanghai. ``what`` names the input
    in the error raised for anything that is not a usable datetime."""
    if not isinstance(value, datetime):
        if isinstance(value, date):
            raise WxguardError(
                f"{what}: expected a datetime with a time of day, got the date {value.isoformat()}"
            )
        raise WxguardError(f"{what}: expected a datetime, got {type(value).__name__} {value!r}")
    check_year(value, what)
    if value.tzinfo is None:
        return value.replace(tzinfo=shanghai())
    if value.utcoffset() is None:
        raise WxguardError(
            f"{what}: the time zone {value.tzinfo!r} of {value!r} gives no UTC offset"
        )
    return value


def check_year(value: datetime, what: str) -> None:
    """A year whose neighbours exist: time zones, windows and retention move an instant by
    hours or days, and ``datetime`` ends at the years 1 and 9999 (year 1 overflowed)."""
    if value.year not in YEARS:
        raise WxguardError(
            f"{what}: {value.isoformat()} is outside the years {YEARS[0]} to {YEARS[-1]}"
        )


def local(value: datetime) -> datetime:
    """An aware datetime as Beijing wall time (the recorded send windows are Beijing times)."""
    return value.astimezone(shanghai())


def to_micros(value: datetime) -> int:
    """Microseconds since the Unix epoch: exact, ordered, and zone-free for storage."""
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(micros: int) -> datetime:
    """The stored instant as Beijing time."""
    seconds, rest = divmod(micros, 1_000_000)
    return datetime.fromtimestamp(seconds, shanghai()).replace(microsecond=rest)


def parse_clock(text: str, what: str) -> time:
    """``"07:30"`` as a time of day; errors name ``what``."""
    hours, sep, minutes = text.partition(":")
    if not (sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(f"{what}: expected HH:MM, got {text!r}")
    h, m = int(hours), int(minutes)
    if h > 23 or m > 59:
        raise ValueError(f"{what}: {text!r} is not a time of day")
    return time(h, m)
