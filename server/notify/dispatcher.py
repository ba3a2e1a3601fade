"""The reminder dispatcher: one pass sends what is due, exactly once, whatever number of
dispatchers run at the same time (on SQLite or PostgreSQL).

Each reminder carries its next fire instant (store/reminders.py), so a pass asks the database for
what is due instead of computing every reminder's time. A delivery is claimed by inserting its
row under the unique (reminder, local date) before anything is sent: the dispatcher whose insert
succeeds sends, the others find the row taken. The outcome is recorded after; failed sends are
retried a bounded number of times with back-off."""
import datetime
import logging
from zoneinfo import ZoneInfo

from peewee import IntegrityError

from ..db import database
from ..domain import Entry, is_done, is_due
from ..domain.reminders import asks_on, is_late
from ..models import Checkin, Delivery, Habit, Reflection, Reminder, User
from ..store import weekly
from ..store.habits import attach_rules
from ..store.reminders import message, schedule
from ..store.specs import habit_spec
from ..store.common import week_start_day
from .channels import SendFailed, send_reminder

log = logging.getLogger(__name__)
BATCH = 500
MAX_ATTEMPTS = 4
CATCH_UP = datetime.timedelta(days=1)  # after a long downtime, days before this are not listed
UTC = datetime.timezone.utc


def naive(instant):
    return instant.astimezone(UTC).replace(tzinfo=None)


def dispatch(config, now):
    """One pass at the aware instant `now`: {status: count} of what it did."""
    counts = {}
    while True:
        due = list(Reminder.select(Reminder, User).join(User).where(
            Reminder.enabled, Reminder.next_fire_at <= naive(now)).order_by(
            Reminder.next_fire_at).limit(BATCH))
        if not due:
            break
        # The bookkeeping of a batch (next fires, claims) in one transaction, each claim in a
        # savepoint of its own; sending comes after, outside any transaction.
        with database.atomic():
            claimed = [claim(reminder, now) for reminder in due]
        for reminder, delivery in zip(due, claimed):
            status = handle(config, reminder, delivery, now) if delivery else "taken"
            counts[status] = counts.get(status, 0) + 1
    for delivery in Delivery.select(Delivery, Reminder, User).join(Reminder).join(User).where(
            Delivery.status == "failed", Delivery.retry_at <= naive(now)):
        status = retry(config, delivery, now)
        counts[status] = counts.get(status, 0) + 1
    return counts


def claim(reminder, now):
    """Schedule the reminder's next fire and claim this one: its Delivery, or None when another
    dispatcher has it (or it went out on that local date before a change of time or zone)."""
    user = reminder.user
    fire = reminder.next_fire_at.replace(tzinfo=UTC)
    local_date = fire.astimezone(ZoneInfo(user.timezone)).date()
    schedule([reminder], user, after=max(fire, now - CATCH_UP))
    try:
        with database.atomic():
            return Delivery.create(reminder=reminder, local_date=local_date, fire_at=naive(fire),
                                   status="sending")
    except IntegrityError:
        return None


def handle(config, reminder, delivery, now):
    """Judge and send one claimed reminder."""
    user = reminder.user
    if is_late(delivery.fire_at.replace(tzinfo=UTC), now):
        return finish(delivery, "missed", "the dispatcher was not running")
    habit = habit_of(reminder)
    reason = skip_reason(reminder, habit, user, delivery.local_date)
    if reason:
        return finish(delivery, "skipped", reason)
    return send(config, delivery, reminder, habit, now)


def send(config, delivery, reminder, habit, now):
    """Send a claimed delivery; record sent, or failed with the time of the next attempt."""
    user = reminder.user
    title, body = message(reminder, habit)
    summary = None
    if reminder.target == "weekly_summary":
        week = weekly.last_complete_week(user)
        summary = weekly.summary_of_week(user, week, hide_private=True)
        body = f"{summary['totals']['done']} of {summary['totals']['scheduled']} done last week."
    attempts = delivery.attempts + 1
    try:
        detail = send_reminder(config, reminder, user, title, body, summary)
    except SendFailed as error:
        retry_at = now + datetime.timedelta(minutes=2 ** attempts)
        status = "failed" if attempts < MAX_ATTEMPTS else "given_up"
        Delivery.update(status=status, attempts=attempts, retry_at=naive(retry_at),
                        detail=str(error), updated_at=naive(now)).where(
            Delivery.id == delivery.id).execute()
        log.warning("reminder %s failed (attempt %s): %s", reminder.id, attempts, error)
        return status
    Delivery.update(status="sent", attempts=attempts, retry_at=None, detail=detail,
                    updated_at=naive(now)).where(Delivery.id == delivery.id).execute()
    return "sent"


def retry(config, delivery, now):
    """Send a failed delivery again, claimed by moving it from failed to sending in one
    conditional statement (one dispatcher wins)."""
    claimed = Delivery.update(status="sending").where(
        Delivery.id == delivery.id, Delivery.status == "failed",
        Delivery.attempts == delivery.attempts).execute()
    if not claimed:
        return "taken"
    return send(config, delivery, delivery.reminder, habit_of(delivery.reminder), now)


def finish(delivery, status, detail):
    Delivery.update(status=status, detail=detail).where(Delivery.id == delivery.id).execute()
    return status


def habit_of(reminder):
    if reminder.habit_id is None:
        return None
    return attach_rules([Habit.get_by_id(reminder.habit_id)])[0]


def skip_reason(reminder, habit, user, day):
    """Why a reminder is not sent on `day` (PRODUCT.md "Reminder"), or None to send it."""
    if reminder.target == "reflection":
        exists = Reflection.select().where(Reflection.user == user, Reflection.day == day).exists()
        return "the day's reflection is written" if exists else None
    if reminder.target != "habit":
        return None
    if habit.archived:
        return "the habit is archived"
    spec = habit_spec(habit, week_start_day(user))
    if day < spec.start_date or not asks_on(spec, day):
        return "the habit's schedule does not ask for it that day"
    if habit.kind == "quit" or not reminder.skip_if_done:
        return None
    entries = [Entry(c.day, c.status, c.value) for c in Checkin.select().where(
        Checkin.habit == habit, Checkin.day.between(day - datetime.timedelta(days=400), day))
        .order_by(Checkin.day)]
    today = next((e for e in entries if e.day == day), None)
    if today is not None and today.status == "skipped":
        return "skipped that day"
    if today is not None and is_done(spec, today, day):
        return "already done"
    if not is_due(spec, entries, day, day):
        return "not due: its period is already met"
    return None
