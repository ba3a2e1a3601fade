"""When reminders fire (RULES.md "Reminders"): a local wall-clock time on chosen weekdays in
the user's time zone, following RFC 5545 on daylight-saving days as calendars do."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from .model import QUIT, WEEKDAYS, Habit, rule_on

ONE_DAY = timedelta(days=1)
LATE_AFTER = timedelta(minutes=30)


def fire_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of local `at` on `day`. A time that does not exist (the gap when clocks
    go forward) is shifted forward by the gap: 02:30 becomes 03:30. A time that occurs twice
    (clocks go back) fires at its first occurrence."""
    # fold=0 is the first of two occurrences; in a gap it reads `at` with the offset from before
    # the gap, which is the instant `at` + gap in the new offset: RFC 5545's shift forward.
    return datetime.combine(day, at, zone).astimezone(timezone.utc)


def asks_on(habit: Habit | None, day: date) -> bool:
    """Whether the habit's schedule asks for it on day: a `weekdays` habit on its days only;
    every other schedule (and quit habits) on any day of its periods."""
    if habit is None or habit.kind == QUIT:
        return True
    schedule = rule_on(habit, day).schedule
    return schedule.type != WEEKDAYS or day.weekday() in schedule.days


def next_fire(after: datetime, at: time, days: tuple[int, ...], zone: ZoneInfo,
              habit: Habit | None = None, day_start: timedelta = timedelta(0)) -> datetime | None:
    """The first fire instant strictly after `after` (aware), on one of `days` (Monday = 0)
    that the habit's schedule asks for; None when no day in the next two weeks qualifies. Days
    are the user's: with a day start of 04:00, a 01:00 reminder of Monday fires in the night
    after Monday, at 01:00 on the calendar's Tuesday."""
    local_day = after.astimezone(zone).date() - ONE_DAY  # yesterday's may still be ahead (UTC+14)
    for _ in range(16):
        instant = fire_instant(local_day, at, zone)
        users_day = (instant.astimezone(zone) - day_start).date()
        if users_day.weekday() in days and asks_on(habit, users_day) and instant > after:
            return instant
        local_day += ONE_DAY
    return None


def upcoming(start: datetime, end: datetime, at: time, days: tuple[int, ...], zone: ZoneInfo,
             habit: Habit | None = None,
             day_start: timedelta = timedelta(0)) -> list[tuple[date, datetime]]:
    """(local date, instant) of every fire from start (exclusive) to end (inclusive)."""
    fires, cursor = [], start
    while (instant := next_fire(cursor, at, days, zone, habit, day_start)) is not None \
            and instant <= end:
        fires.append((instant.astimezone(zone).date(), instant))
        cursor = instant
    return fires


def is_late(fire: datetime, now: datetime) -> bool:
    """More than 30 minutes late (the dispatcher was down): recorded as missed, not sent."""
    return now - fire > LATE_AFTER
