"""WX7 cadence and timing: how often and when a message goes out (docs/sources.md: limits, timing, anti-spam).

These rules judge a send, not a text, so they only run for one: when the message has a
``send_at`` or the check is given a ``SendLog`` (then ``send_at`` defaults to the log's
clock). Plain text linting (files, pre-commit) stays independent of the time of day.
Counting rules (WX701–WX704) need the log; timing rules (WX705, WX706) need only the time.

Every finding concerns the message as a whole and uses the empty span (0, 0). Counts
include the message being checked: "the 31st message in an hour" is reported before it is
sent. Windows are inclusive ([t − 1 h, t]); days and weeks are Beijing calendar days and
Monday-to-Sunday weeks. Account limits (``scope = "sender"``) count the sender's messages
in every group and fall back to the group when no sender is given; what a group receives
(repeats, robot caps, industry frequency) is counted per group.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from ...catalog import Text, catalog
from ...clock import aware, local
from ...profiles import IndustrySchedule, bundled, industry_schedule
from ..base import CheckContext, Checker, Finding
from .sendlog import SendLog, content_digest, media_count

# Enough history to report how long a run of repeats really is.
REPEAT_LOOKBACK = 100
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class CadenceChecker(Checker):
    family = "WX7"

    def screen(self, texts: Sequence[str]) -> set[int]:
        """None of them: a plain text has no time of sending and no log to count against."""
        return set()

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        log, send_at = ctx.log, ctx.message.send_at
        if send_at is not None:
            when = aware(send_at, "message.send_at")
        elif log is not None:
            when = log.now()
        else:
            return
        schedule = industry_schedule(ctx.industry)
        yield from _timing(local(when), schedule)
        if log is not None:
            yield from self._counts(ctx, log, when, schedule)

    def _counts(
        self, ctx: CheckContext, log: SendLog, when: datetime, schedule: IndustrySchedule | None
    ) -> Iterator[Finding]:
        message, profile = ctx.message, ctx.profile
        group = message.group or ""
        account = {"sender": message.sender} if message.sender else {"group": group}

        digest = content_digest(message.text, ctx.view.skeleton)
        run = log.repeats(
            digest, group=group, until=when, limit=max(REPEAT_LOOKBACK, profile.max_repeats)
        )
        if run >= profile.max_repeats:
            yield Finding("WX701", 0, 0, fields={"count": run + 1, "limit": profile.max_repeats})

        for cap in profile.rate_limits:
            scope = account if cap.scope == "sender" else {"group": group}
            count = log.count(**scope, since=when - timedelta(seconds=cap.seconds), until=when) + 1
            if count > cap.limit:
                fields = {
                    "count": count,
                    "limit": cap.limit,
                    "window": catalog().word("window", cap.per),
                    "channel": cap.channel,
                }
                yield Finding("WX702", 0, 0, fields=fields)
                break

        day = local(when).replace(hour=0, minute=0, second=0, microsecond=0)
        if schedule is not None:
            start = day if schedule.period == "day" else day - timedelta(days=day.weekday())
            industries: set[str | None] = {schedule.name}
            if ctx.industry == self.config.industry:
                industries.add(None)  # untagged records belong to the Guard's industry
            count = log.count(group=group, since=start, until=when, industries=industries) + 1
            if count > schedule.limit:
                fields = {
                    "count": count,
                    "limit": schedule.limit,
                    "industry": _title(schedule),
                    "period": catalog().word("period", schedule.period),
                }
                yield Finding("WX703", 0, 0, fields=fields)

        media = media_count(message)
        if media:
            total = log.media_count(**account, since=day, until=when) + media
            if total > profile.media_per_day:
                yield Finding(
                    "WX704", 0, 0, fields={"count": total, "limit": profile.media_per_day}
                )


def _timing(moment: datetime, schedule: IndustrySchedule | None) -> Iterator[Finding]:
    """WX705 (rest period, or outside the industry's best window) and WX706 (outside
    working days and hours, for industries that have them)."""
    clock, workday = moment.time(), moment.weekday() < 5
    stamp = _stamp(moment)
    rest = bundled().rest_period
    if rest.strictly_holds(clock):
        yield Finding("WX705", 0, 0, fields={**stamp, "rest": str(rest)})
    elif schedule is not None and not (
        schedule.window.holds(clock) and (workday or not schedule.workdays_only)
    ):
        fields = {**stamp, "industry": _title(schedule), "window": str(schedule.window)}
        yield Finding(
            "WX705",
            0,
            0,
            fields=fields,
            variant="workday-window" if schedule.workdays_only else "window",
        )
    hours = schedule.working_hours if schedule is not None else None
    if hours is not None and not (workday and hours.holds(clock)):
        yield Finding("WX706", 0, 0, fields={**stamp, "hours": str(hours)})


def _stamp(moment: datetime) -> dict[str, str | Text]:
    """Beijing time and weekday; seconds shown only when there are any (12:00 vs 12:00:01)."""
    shown = "%Y-%m-%d %H:%M:%S" if moment.second or moment.microsecond else "%Y-%m-%d %H:%M"
    return {
        "time": moment.strftime(shown),
        "weekday": catalog().word("weekday", _WEEKDAYS[moment.weekday()]),
    }


def _title(schedule: IndustrySchedule) -> Text:
    """The industry's name in both languages (from the profiles data)."""
    return Text(zh=schedule.title_zh, en=schedule.title_en)
