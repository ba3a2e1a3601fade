"""Reminders: the user's rules, when each fires next, and what it says."""
import datetime
from zoneinfo import ZoneInfo

from marshmallow import ValidationError
from peewee import Case, SqliteDatabase

from .. import i18n
from ..clock import utcnow
from ..db import database
from ..domain import Entry, is_done, is_due
from ..domain.plans import reminder_line
from ..domain.reminders import asks_on, next_fire, upcoming
from ..errors import ApiError
from ..models import (Checkin, DispatcherHeartbeat, Habit, NotifyTarget, PushSubscription,
                      Reflection, Reminder)
from .common import day_of, week_start_day
from .habits import attach_rules, habit_of
from .pauses import covering, pauses_of_users
from .specs import habit_spec

PRIVATE = "Private habit"
STALE_AFTER = datetime.timedelta(minutes=5)  # no pass for this long: reminders are not sent
DEFAULTS = {"days": list(range(7)), "channels": ["push"], "enabled": True, "skip_if_done": True}


def reminders_of(user):
    """The user's reminders, oldest first."""
    return list(Reminder.select().where(Reminder.user == user).order_by(Reminder.id))


def reminder_of(user, reminder_id):
    """The user's reminder with this id; 404 when it is not theirs."""
    reminder = Reminder.get_or_none(Reminder.id == reminder_id, Reminder.user == user)
    if reminder is None:
        raise ApiError(404, "There is no such reminder.")
    return reminder


def checked(user, fields, apprise_allowed):
    """The reminder's fields after RULES.md's rules that span fields, or a 422."""
    target = fields["target"]
    if target == "habit":
        if fields.get("habit_id") is None:
            raise ValidationError({"habit_id": ["A habit reminder needs its habit."]})
        try:
            habit_of(user, fields["habit_id"])
        except ApiError:
            raise ValidationError({"habit_id": ["Unknown habit."]}) from None
    elif fields.get("habit_id") is not None:
        raise ValidationError({"habit_id": ["Only habit reminders have a habit."]})
    if target == "weekly_summary" and len(fields["days"]) != 1:
        raise ValidationError({"days": ["A weekly summary goes out on exactly one day."]})
    if "apprise" in fields["channels"] and not apprise_allowed:
        raise ValidationError({"channels": ["Apprise is not enabled on this server."]})
    fields["days"] = sorted(fields["days"])
    return fields


def create_reminder(user, data, apprise_allowed):
    """A new reminder; the weekly summary's default day is the user's week start."""
    fields = {**DEFAULTS, **data}
    if data["target"] == "weekly_summary" and "days" not in data:
        fields["days"] = [week_start_day(user)]
    fields = checked(user, fields, apprise_allowed)
    with database.atomic():
        reminder = Reminder.create(user=user, habit=fields.pop("habit_id", None), **fields)
        schedule([reminder], user)
    return reminder


def update_reminder(user, reminder, data, apprise_allowed):
    """Apply a PATCH; the next fire time follows the new time and days."""
    fields = {"target": reminder.target, "habit_id": reminder.habit_id, "time": reminder.time,
              "days": reminder.days, "channels": reminder.channels, "enabled": reminder.enabled,
              "skip_if_done": reminder.skip_if_done, **data}
    fields = checked(user, fields, apprise_allowed)
    with database.atomic():
        Reminder.update(habit=fields.pop("habit_id"), **fields).where(
            Reminder.id == reminder.id).execute()
        reminder = Reminder.get_by_id(reminder.id)
        schedule([reminder], user)
    return reminder


def delete_reminder(reminder):
    with database.atomic():
        Reminder.delete().where(Reminder.id == reminder.id).execute()


def specs_of(user, reminders):
    """The domain specs of the reminders' habits, by habit id."""
    ids = {r.habit_id for r in reminders if r.habit_id is not None}
    if not ids:
        return {}
    habits = attach_rules(list(Habit.shown().where(Habit.id.in_(list(ids)))))
    return {h.id: habit_spec(h, week_start_day(user)) for h in habits}


def schedule(reminders, user, after=None):
    """Store when each of the user's reminders fires next (after `after`, default now)."""
    after = after or utcnow().replace(tzinfo=datetime.timezone.utc)
    specs = specs_of(user, reminders)
    store_next_fires([(r, next_fire_of(r, user, after, specs.get(r.habit_id)))
                      for r in reminders])


def next_fire_of(reminder, user, after, spec=None):
    """When the reminder fires next after the aware instant `after` (naive UTC, as stored), or
    None when it is off (or no day of the next two weeks qualifies)."""
    if not reminder.enabled:
        return None
    fire = next_fire(after, time_of(reminder), tuple(reminder.days), ZoneInfo(user.timezone),
                     spec, day_start_of(user))
    return fire.astimezone(datetime.timezone.utc).replace(tzinfo=None) if fire else None


def store_next_fires(pairs):
    """Store (reminder, next fire) pairs in one statement."""
    for reminder, fire in pairs:
        reminder.next_fire_at = fire
    if not pairs:
        return
    fires = Case(Reminder.id, [(r.id, fire) for r, fire in pairs])
    if not isinstance(database.obj, SqliteDatabase):  # PostgreSQL would read the CASE as text
        fires = fires.cast("timestamp")
    Reminder.update(next_fire_at=fires).where(Reminder.id.in_([r.id for r, _ in pairs])).execute()


def reschedule_user(user):
    """The user's time zone or week start changed: every reminder's next time follows."""
    schedule(reminders_of(user), user)


def reschedule_habit(user, habit):
    """A habit's schedule changed: its reminders' next times follow."""
    schedule(list(Reminder.select().where(Reminder.habit == habit)), user)


def day_start_of(user):
    """The user's day start as a timedelta (04:00: four hours)."""
    hours, minutes = map(int, (user.day_start or "00:00").split(":"))
    return datetime.timedelta(hours=hours, minutes=minutes)


def time_of(reminder):
    hours, minutes = map(int, reminder.time.split(":"))
    return datetime.time(hours, minutes)


def message(reminder, habit, hide_private=True, words=None):
    """(title, body) of a reminder, in the user's language (words: i18n.Words). Private habits
    are never named in what is sent."""
    words = words or i18n.words_for(reminder.user)
    if reminder.target == "reflection":
        return words._("How was today?"), words._("One tap to note your mood in Orbit.")
    if reminder.target == "weekly_summary":
        return (words._("Your week in Orbit"),
                words._("Your weekly summary is ready: what grew, and a next step."))
    hidden = habit.private and hide_private
    name = words._("Private habit") if hidden else habit.name
    plan = None if hidden else plan_line(habit, words)
    if plan is not None:  # the habit's own if-then plan says it best (issue 24)
        return name, plan
    if habit.kind == "quit":
        return name, words._("Still steady today? Log a slip if there was one: honesty keeps "
                             "the record yours.")
    return name, words._("A small step today keeps it growing. Tap to log it.")


def plan_line(habit, words):
    """A habit's if-then plan as a reminder says it ("When I get home: walk"), None without."""
    # TRANSLATORS: a habit's if-then plan in a reminder; {cue} and {action} are the user's words.
    return reminder_line(habit.plan_cue, habit.plan_action, words._("When {cue}: {action}"))


def upcoming_of(user, hours, now):
    """GET /reminders/upcoming: the fires of the next `hours` the dispatcher would send as things
    stand (reason_not_sent, its rule), in time order."""
    zone, reminders = ZoneInfo(user.timezone), [r for r in reminders_of(user) if r.enabled]
    specs, words = specs_of(user, reminders), i18n.words_for(user)
    habits = {h.id: h for h in attach_rules(list(Habit.shown().where(Habit.user == user)))}
    end = now + datetime.timedelta(hours=hours)
    resting = pauses_of_users([user.id], day_of(now, user)).get(user.id, [])
    written = {(user.id, day) for day, in Reflection.select(Reflection.day).where(
        Reflection.user == user, Reflection.day.between(day_of(now, user), day_of(end, user)))
        .tuples()}
    items = []
    for reminder in reminders:
        habit = habits.get(reminder.habit_id)
        title, body = message(reminder, habit, hide_private=False, words=words)
        for _, instant in upcoming(now, end, time_of(reminder), tuple(reminder.days), zone,
                                   specs.get(reminder.habit_id), day_start_of(user)):
            if reason_not_sent(reminder, habit, user, day_of(instant, user), resting, written):
                continue
            items.append((instant, {"reminder_id": reminder.id, "habit_id": reminder.habit_id,
                                    "at": instant.astimezone(zone).isoformat(),
                                    "local_time": reminder.time, "title": title, "body": body}))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def with_next_skipped(user, reminders):
    """The reminders, each with `next_skipped`: why its next fire will not be sent as things
    stand (reason_not_sent, the dispatcher's rule), or None when it will be."""
    fires = {r.id: r.next_fire_at.replace(tzinfo=datetime.timezone.utc) for r in reminders
             if r.next_fire_at is not None}
    days = {r_id: day_of(fire, user) for r_id, fire in fires.items()}
    habit_ids = {r.habit_id for r in reminders if r.habit_id is not None}
    habits = {h.id: h for h in attach_rules(list(Habit.shown().where(
        Habit.user == user, Habit.id.in_(list(habit_ids)))))} if habit_ids else {}
    resting = pauses_of_users([user.id], min(days.values())).get(user.id, []) if days else []
    written = {(user.id, day) for day, in Reflection.select(Reflection.day).where(
        Reflection.user == user, Reflection.day.in_(list(set(days.values())))).tuples()
        } if days else set()
    for reminder in reminders:
        day = days.get(reminder.id)
        habit = habits.get(reminder.habit_id)
        reminder.next_skipped = None if day is None or (reminder.habit_id and habit is None) \
            else reason_not_sent(reminder, habit, user, day, resting, written)
    return reminders


def reason_not_sent(reminder, habit, user, day, resting, written):
    """Why the reminder is not sent on the user's `day` (RULES.md "Reminders"), or None to send
    it: the one rule of the dispatcher and of what the app lists as coming. `resting`: the
    user's pauses; `written`: the (user id, day) pairs with a reflection."""
    # A habit's pause silences its reminders; a pause of everything silences every reminder.
    if covering(resting, reminder.habit_id, day) is not None:
        return "paused that day"
    if reminder.target == "reflection" and (user.id, day) in written:
        return "the day's reflection is written"
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
        Checkin.habit == habit.id, Checkin.day.between(day - datetime.timedelta(days=400), day))
        .order_by(Checkin.day)]
    today = next((e for e in entries if e.day == day), None)
    if today is not None and today.status == "skipped":
        return "skipped that day"
    if today is not None and is_done(spec, today, day):
        return "already done"
    if not is_due(spec, entries, day, day):
        return "not due: its period is already met"
    return None


def record_heartbeat(now):
    """A dispatcher finished a pass at the aware instant `now`."""
    at = now.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    with database.atomic():
        DispatcherHeartbeat.insert(name="dispatcher", last_pass_at=at).on_conflict(
            conflict_target=[DispatcherHeartbeat.name],
            update={DispatcherHeartbeat.last_pass_at: at}).execute()


def dispatcher_state(now):
    """{"running", "last_pass"}: running when a pass ran in the last five minutes."""
    row = DispatcherHeartbeat.get_or_none(DispatcherHeartbeat.name == "dispatcher")
    last = row.last_pass_at.replace(tzinfo=datetime.timezone.utc) if row else None
    return {"running": last is not None and now - last <= STALE_AFTER, "last_pass": last}


# Why a channel of a reminder cannot deliver it (issue 27), and what to do, in plain words.
UNDELIVERABLE = {
    "no_device": "No device has notifications turned on: turn them on under Settings → "
                 "Reminders, on each phone or computer that should get them.",
    "email_off": "This server cannot send email: whoever runs it can set it up (README, "
                 "“Email”). Pick another way meanwhile.",
    "apprise_off": "Apprise is not enabled on this server.",
    "no_target": "There is no Apprise target yet: add one under Settings → Reminders.",
}


def with_undeliverable(user, reminders, email_ready, apprise_on):
    """The reminders, each with `undeliverable`: [{channel, reason, message}] of its channels
    that cannot deliver it now (push with no device, email the server cannot send, Apprise off
    or with no target), judged once for the list (two queries at most)."""
    channels = {c for r in reminders for c in r.channels}
    devices = "push" in channels and PushSubscription.select().where(
        PushSubscription.user == user).exists()
    targets = "apprise" in channels and NotifyTarget.select().where(
        NotifyTarget.user == user).exists()
    reasons = {"push": None if devices else "no_device", "email": None if email_ready else
               "email_off", "apprise": ("no_target" if not targets else None) if apprise_on
               else "apprise_off"}
    for reminder in reminders:
        reminder.undeliverable = [
            {"channel": c, "reason": reasons[c], "message": UNDELIVERABLE[reasons[c]]}
            for c in reminder.channels if reasons.get(c)]
    return reminders
