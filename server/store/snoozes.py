"""Snooze (issue 27): the signed "Later" links of a reminder's notification, page and email, and
the one row per reminder and day that waits for the time chosen (server/notify/snooze_dispatch.py
sends it, once)."""
import datetime
from zoneinfo import ZoneInfo

from itsdangerous import BadSignature, URLSafeSerializer

from ..clock import now as clock_now
from ..db import database
from ..domain.snooze import later
from ..errors import ApiError
from ..models import Reminder
from ..models.snooze import Snooze

LIFETIME = datetime.timedelta(hours=36)  # the rest of that day and the morning after, as "Done"
SALT = "snooze"
UTC = datetime.timezone.utc
GONE = "This link has expired, has been changed or is not one of ours."


def snooze_token(secret_key, reminder, day, now=None):
    """A signed, expiring token that puts the reminder's `day` off. It names the reminder's
    uuid (a row id can come back on SQLite) and carries its own expiry, read on the app's clock.
    Not single use: a second "Later" moves the time, and the reminder still fires once."""
    expires = (now or clock_now()) + LIFETIME
    return URLSafeSerializer(secret_key, salt=SALT).dumps(
        [str(reminder.uuid), day.isoformat(), int(expires.timestamp())])


def snoozed_of_token(secret_key, token, now=None):
    """(reminder, day) a token names; 404 when forged, tampered with, expired, or its reminder is
    gone or off."""
    try:
        uuid, day, expires = URLSafeSerializer(secret_key, salt=SALT).loads(token)
        day = datetime.date.fromisoformat(day)
    except (BadSignature, ValueError, TypeError):
        raise ApiError(404, GONE) from None
    if not isinstance(uuid, str) or not isinstance(expires, int) or \
            (now or clock_now()).timestamp() >= expires:
        raise ApiError(404, GONE)
    reminder = Reminder.get_or_none(Reminder.uuid == uuid)
    if reminder is None or not reminder.enabled:
        raise ApiError(404, GONE)
    return reminder, day


def snooze(reminder, day, choice, now=None):
    """Put the reminder's `day` off until `choice` ("30m", "1h", "evening"): the aware instant it
    fires again. One row per reminder and day: a later "Later" moves it and waits again (what
    was sent before stays sent; the one that waits is sent once)."""
    now = now or clock_now()
    fire = later(choice, now, ZoneInfo(reminder.user.timezone))
    at, stamp = naive(fire), naive(now)
    with database.atomic():
        Snooze.insert(reminder=reminder.id, day=day, fire_at=at, status="waiting", attempts=0,
                      retry_at=None, detail="", updated_at=stamp, created_at=stamp).on_conflict(
            conflict_target=[Snooze.reminder, Snooze.day],
            update={Snooze.fire_at: at, Snooze.status: "waiting", Snooze.attempts: 0,
                    Snooze.retry_at: None, Snooze.detail: "", Snooze.updated_at: stamp}).execute()
    return fire


def local_time(reminder, instant):
    """"19:00": an instant on the reminder's user's wall clock."""
    return instant.astimezone(ZoneInfo(reminder.user.timezone)).strftime("%H:%M")


def naive(instant):
    return instant.astimezone(UTC).replace(tzinfo=None)


def title_of(reminder):
    """The title its notification had ("Private habit" for a private one): the page's heading."""
    from .habits import habit_of  # noqa: PLC0415 - store.habits imports the reminders' module
    from .reminders import message  # noqa: PLC0415
    habit = habit_of(reminder.user, reminder.habit_id) if reminder.habit_id else None
    return message(reminder, habit)[0]
