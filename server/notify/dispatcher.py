"""The reminder dispatcher: one pass sends what is due, exactly once, whatever number of
dispatchers run at the same time (on SQLite or PostgreSQL).

Each reminder carries its next fire instant (store/reminders.py), so a pass asks the database for
what is due instead of computing every reminder's time. A delivery is claimed by inserting its
row under the unique (reminder, local date) before anything is sent: the dispatcher whose insert
succeeds sends, the others find the row taken. The outcome is recorded after; failed sends are
retried a bounded number of times with back-off."""
import datetime
import logging
import time
from zoneinfo import ZoneInfo

from .. import i18n
from ..clock import now as clock_now
from ..db import database, locked
from ..domain.reminders import is_late
from ..models import Delivery, Habit, PushSubscription, Reflection, Reminder, User
from ..store import weekly
from ..store.common import day_of, week_start_day
from ..store.habits import attach_rules
from ..store.pauses import pauses_of_users
from ..store.reminders import (message, next_fire_of, reason_not_sent, record_heartbeat,
                               store_next_fires)
from ..store.specs import habit_spec
from .channels import SendFailed, send_reminder
from .snooze_dispatch import snooze_pass
from .webhook_dispatch import webhook_pass

log = logging.getLogger(__name__)
BATCH = 500
MAX_ATTEMPTS = 4
CATCH_UP = datetime.timedelta(days=1)  # after a long downtime, days before this are not listed
STALLED_AFTER = datetime.timedelta(minutes=10)  # a claim left "sending" this long was abandoned
UTC = datetime.timezone.utc


def naive(instant):
    return instant.astimezone(UTC).replace(tzinfo=None)


def dispatch(config, now):
    """One pass at the aware instant `now`: {status: count} of what it did."""
    counts, started = {}, time.monotonic()
    while True:
        due = list(Reminder.select(Reminder, User).join(User).where(
            Reminder.enabled, Reminder.next_fire_at <= naive(now)).order_by(
            Reminder.next_fire_at).limit(BATCH))
        if not due:
            break
        claimed = claim(due, now)
        written = reflections_written(due, claimed)
        devices = users_with_devices(due)
        resting = pauses_of_users({r.user_id for r in due if r.id in claimed},
                                  (now - CATCH_UP).date() - datetime.timedelta(days=2))
        outcomes = []
        for reminder in due:
            delivery = claimed.get(reminder.id)
            outcome = None
            if delivery:
                # Lateness is judged at the moment of sending, not when a slow pass began.
                outcome = guarded(handle, config, reminder, delivery, written, devices, resting,
                                  now + datetime.timedelta(seconds=time.monotonic() - started),
                                  attempts=delivery.attempts)
            status = outcome[0] if outcome else "taken"
            counts[status] = counts.get(status, 0) + 1
            if outcome:
                outcomes.append((delivery.id, outcome))
        record(outcomes, now)
    # Failed sends whose back-off is over, and claims a crashed dispatcher left half done.
    stalled = naive(now - STALLED_AFTER)
    for delivery in list(Delivery.select(Delivery, Reminder, User).join(Reminder).join(User).where(
            ((Delivery.status == "failed") & (Delivery.retry_at <= naive(now))) |
            ((Delivery.status == "sending") & (Delivery.updated_at < stalled)))):
        status = retry(config, delivery, now)
        counts[status] = counts.get(status, 0) + 1
    counts.update(snooze_pass(config, now, send))  # reminders put off with "Later" (issue 27)
    counts.update(webhook_pass(config, now))  # the outbox of the users' webhooks
    record_heartbeat(now)  # the app says when no pass has run for a while (GET /reminders/channels)
    return counts


def guarded(step, config, reminder, delivery, *args, attempts):
    """Run one reminder's step; an unexpected failure is recorded as a failed attempt (retried
    later) instead of ending the pass with the batch's claims left half done."""
    try:
        return step(config, reminder, delivery, *args)
    except Exception as error:  # noqa: BLE001 - whatever it was, the delivery is retried
        log.exception("reminder %s: %s", reminder.id, type(error).__name__)
        return "failed", {"attempts": attempts + 1, "detail": type(error).__name__,
                          "retry_at": naive(clock_now() + datetime.timedelta(minutes=2))}


def claim(due, now):
    """Schedule each due reminder's next fire and claim this one, for a batch at once: its
    Delivery by reminder id, for the claims this dispatcher won (a reminder is missing when
    another dispatcher has it, or when it went out on that local date before a change of time or
    time zone). Inserting the row is the claim: the unique (reminder, local date) lets one win."""
    with database.atomic():
        # Read the batch again, holding its rows: a reminder changed (or turned off) since the
        # batch was listed is scheduled and claimed from what it is now, or not at all.
        users = {r.id: r.user for r in due}
        due = list(locked(Reminder.select().where(Reminder.id.in_(list(users)), Reminder.enabled,
                                                  Reminder.next_fire_at <= naive(now))))
        for reminder in due:
            reminder.user = users[reminder.id]
        return claim_rows(due, now)


def claim_rows(due, now):
    """Next fires and claims of the held rows, in the caller's transaction."""
    pairs, rows = [], []
    for reminder in due:
        user, fire = reminder.user, reminder.next_fire_at.replace(tzinfo=UTC)
        spec = spec_of(reminder_habit(reminder), user) if reminder.habit_id else None
        pairs.append((reminder, next_fire_of(reminder, user, max(fire, now - CATCH_UP), spec)))
        rows.append({"reminder": reminder.id, "fire_at": naive(fire), "status": "sending",
                     "updated_at": naive(now),
                     "local_date": fire.astimezone(ZoneInfo(user.timezone)).date()})
    store_next_fires(pairs)
    if not rows:
        return {}
    won = list(Delivery.insert_many(rows).on_conflict_ignore().returning(
        Delivery.id, Delivery.reminder, Delivery.local_date, Delivery.fire_at,
        Delivery.attempts).execute())  # read before COMMIT (SQLite)
    return {delivery.reminder_id: delivery for delivery in won}


def day_of_delivery(delivery, user):
    """The user's day a delivery falls in: its local date, unless it fires before the user's day
    start (a 01:00 reminder with days turning at 04:00 belongs to the day before)."""
    return day_of(delivery.fire_at.replace(tzinfo=UTC), user)


def reflections_written(due, claimed):
    """(user id, day) of the reflections that exist for the claimed reflection reminders."""
    wanted = [(r.user_id, day_of_delivery(claimed[r.id], r.user)) for r in due
              if r.id in claimed and r.target == "reflection"]
    if not wanted:
        return set()
    return set(Reflection.select(Reflection.user, Reflection.day).where(
        Reflection.user.in_({u for u, _ in wanted}),
        Reflection.day.in_({d for _, d in wanted})).tuples())


def users_with_devices(due):
    """The ids of the batch's users with a device for Web Push (one query for the batch)."""
    users = {r.user_id for r in due if "push" in r.channels}
    if not users:
        return set()
    return {user_id for user_id, in PushSubscription.select(PushSubscription.user).where(
        PushSubscription.user.in_(list(users))).tuples()}


def handle(config, reminder, delivery, written, devices, resting, now):
    """Judge and send one claimed reminder: (status, fields of its Delivery to record)."""
    user = reminder.user
    if is_late(delivery.fire_at.replace(tzinfo=UTC), now):
        return "missed", {"detail": "the dispatcher was not running"}
    day = day_of_delivery(delivery, user)
    habit = reminder_habit(reminder)
    # The one rule of what is not sent, which GET /reminders/upcoming lists by too.
    reason = reason_not_sent(reminder, habit, user, day, resting.get(user.id, ()), written)
    if reason:
        return "skipped", {"detail": reason}
    return send(config, delivery, reminder, habit, now, reminder.user_id in devices)


def record(outcomes, now):
    """Record the outcomes of a batch: one statement per distinct outcome."""
    groups = {}
    for delivery_id, (status, fields) in outcomes:
        key = (status, tuple(sorted(fields.items())))
        groups.setdefault(key, []).append(delivery_id)
    for (status, fields), ids in groups.items():
        Delivery.update(status=status, updated_at=naive(now), **dict(fields)).where(
            Delivery.id.in_(ids)).execute()


def send(config, delivery, reminder, habit, now, has_device=None, day=None):
    """Send a claimed delivery (or snooze, with its `day`): ("sent", …), or ("failed", …) with
    the time of the next attempt ("given_up" after the last)."""
    user = reminder.user
    title, body = message(reminder, habit)
    summary = None
    if reminder.target == "weekly_summary":
        week = weekly.last_complete_week(user)
        summary = weekly.summary_of_week(user, week, hide_private=True, words=i18n.words_for(user))
        body = i18n.words_for(user)._("{done} of {scheduled} done last week.",
                                      done=summary["totals"]["done"],
                                      scheduled=summary["totals"]["scheduled"])
    attempts = delivery.attempts + 1
    try:
        detail = send_reminder(config, reminder, user, title, body, summary, habit,
                               day or day_of_delivery(delivery, user), has_device)
    except SendFailed as error:
        retry_at = naive(now + datetime.timedelta(minutes=2 ** attempts))
        log.warning("reminder %s failed (attempt %s): %s", reminder.id, attempts, error)
        status = "failed" if attempts < MAX_ATTEMPTS else "given_up"
        return status, {"attempts": attempts, "retry_at": retry_at, "detail": str(error)}
    return "sent", {"attempts": attempts, "retry_at": None, "detail": detail}


def retry(config, delivery, now):
    """Send a failed (or stalled) delivery again, claimed by moving it to sending in one
    conditional statement (one dispatcher wins); not once the reminder is turned off."""
    claimed = Delivery.update(status="sending", updated_at=naive(now)).where(
        Delivery.id == delivery.id, Delivery.status == delivery.status,
        Delivery.attempts == delivery.attempts).execute()
    if not claimed:
        return "taken"
    if not delivery.reminder.enabled:
        outcome = "skipped", {"detail": "the reminder was turned off"}
    else:
        outcome = guarded(send_again, config, delivery.reminder, delivery, now,
                          attempts=delivery.attempts)
    record([(delivery.id, outcome)], now)
    return outcome[0]


def send_again(config, reminder, delivery, now):
    return send(config, delivery, reminder, reminder_habit(reminder), now)


def reminder_habit(reminder):
    if reminder.habit_id is None:
        return None
    return attach_rules([Habit.get_by_id(reminder.habit_id)])[0]


def spec_of(habit, user):
    return habit_spec(habit, week_start_day(user))
