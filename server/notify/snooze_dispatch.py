"""The snoozed reminders' part of a dispatcher pass (issue 27): each waiting snooze whose time
has come is claimed by one conditional UPDATE (waiting to sending, as a failed delivery's retry
is claimed), so with any number of dispatchers it goes out once; then the reminder's own rule
(store.reminders.reason_not_sent) judges it, and a habit done meanwhile is never reminded."""
import datetime
import logging

from ..db import database
from ..domain.reminders import is_late
from ..models import Habit, Reflection, Reminder, User
from ..models.snooze import Snooze
from ..store.habits import attach_rules
from ..store.pauses import pauses_of_users
from ..store.reminders import reason_not_sent

log = logging.getLogger(__name__)
BATCH = 500
STALLED_AFTER = datetime.timedelta(minutes=10)
UTC = datetime.timezone.utc


def naive(instant):
    return instant.astimezone(UTC).replace(tzinfo=None)


def snooze_pass(config, now, send):
    """Send the snoozes due at the aware `now` with the dispatcher's `send` (its retries and
    back-off): {status: count}, keys prefixed "snooze_"."""
    counts = {}
    try:
        for row in due(now):
            status = claim_and_send(config, row, now, send)
            counts[f"snooze_{status}"] = counts.get(f"snooze_{status}", 0) + 1
    except Exception:  # noqa: BLE001 - the rest of the pass (and its heartbeat) goes on
        log.exception("the snooze part of a pass failed; the next pass goes on from here")
    return counts


def due(now):
    at, stalled = naive(now), naive(now - STALLED_AFTER)
    return list(Snooze.select(Snooze, Reminder, User).join(Reminder).join(User).where(
        ((Snooze.status == "waiting") & (Snooze.fire_at <= at)) |
        ((Snooze.status == "failed") & (Snooze.retry_at <= at)) |
        ((Snooze.status == "sending") & (Snooze.updated_at < stalled)))
        .order_by(Snooze.fire_at).limit(BATCH))


def claim_and_send(config, row, now, send):
    # The claim: only the dispatcher whose UPDATE finds the row as it was listed sends it (a
    # "Later" meanwhile moves fire_at, and the row is listed again at its new time).
    with database.atomic():
        claimed = Snooze.update(status="sending", updated_at=naive(now)).where(
            Snooze.id == row.id, Snooze.status == row.status, Snooze.fire_at == row.fire_at,
            Snooze.attempts == row.attempts).execute()
    if not claimed:
        return "taken"
    try:
        status, fields = judge(config, row, now, send)
    except Exception as error:  # noqa: BLE001 - retried by a later pass
        log.exception("snooze %s: %s", row.id, type(error).__name__)
        status, fields = "failed", {"attempts": row.attempts + 1, "detail": type(error).__name__,
                                    "retry_at": naive(now + datetime.timedelta(minutes=2))}
    # Recorded only while it is still this claim: a "Later" during the send waits again.
    Snooze.update(status=status, updated_at=naive(now), **fields).where(
        Snooze.id == row.id, Snooze.status == "sending", Snooze.fire_at == row.fire_at).execute()
    return status


def judge(config, row, now, send):
    """(status, fields) of one claimed snooze: not sent when its reminder is off, late, or its
    rule says no on that day; else sent with the dispatcher's send."""
    reminder, user = row.reminder, row.reminder.user
    if not reminder.enabled:
        return "skipped", {"detail": "the reminder was turned off"}
    if row.status == "waiting" and is_late(row.fire_at.replace(tzinfo=UTC), now):
        return "missed", {"detail": "the dispatcher was not running"}
    habit = None
    if reminder.habit_id is not None:
        habit = attach_rules([Habit.get_by_id(reminder.habit_id)])[0]
    resting = pauses_of_users([user.id], row.day - datetime.timedelta(days=2)).get(user.id, ())
    written = {(user.id, day) for day, in Reflection.select(Reflection.day).where(
        Reflection.user == user.id, Reflection.day == row.day).tuples()}
    # A snooze asks to be reminded to do it: once done it is never sent, whatever the reminder's
    # "not on days already done" says (read here only, never saved).
    reminder.skip_if_done = True
    reason = reason_not_sent(reminder, habit, user, row.day, resting, written)
    if reason:
        return "skipped", {"detail": reason}
    return send(config, row, reminder, habit, now, day=row.day)
