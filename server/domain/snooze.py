"""Snooze (issue 27): when a reminder put off with "Later" comes back. Pure: an aware instant
and the user's time zone in, an aware instant out."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

# "This evening" is 19:00 on the user's wall clock; once 19:00 has passed it means two hours
# from now (a reminder put off at 21:30 comes back at 23:30, never the next evening).
EVENING = time(19, 0)
EVENING_FALLBACK = timedelta(hours=2)
CHOICES = {"30m": timedelta(minutes=30), "1h": timedelta(hours=1), "evening": None}


def later(choice: str, now: datetime, zone: ZoneInfo) -> datetime:
    """The instant (UTC) a reminder put off at the aware `now` with `choice` fires again."""
    if choice not in CHOICES:
        raise ValueError(f"not a snooze choice: {choice!r}")
    step = CHOICES[choice]
    if step is not None:
        return (now + step).astimezone(timezone.utc)
    local = now.astimezone(zone)
    evening = datetime.combine(local.date(), EVENING, tzinfo=zone)
    if evening <= local:
        return (now + EVENING_FALLBACK).astimezone(timezone.utc)
    return evening.astimezone(timezone.utc)
