"""One imported object at a time, found again or made: an identity, a habit with its rule
history, a reminder (through the store, like the API's writes), and the report's counts. The run
of an import, and its transactions, are apply.py's."""
from marshmallow import ValidationError
from peewee import fn

from ..models import Checkin, Habit, HabitRule, Identity, Reminder
from ..schemas import HabitIn, IdentityIn, ReminderIn
from ..store import checkpoints
from ..store import habits as habit_store
from ..store import identities as identity_store
from ..store import reminders as reminder_store
from ..store.common import local_today

HABIT_FIELDS = ("name", "description", "kind", "measure", "unit", "color", "private", "archived",
                "position", "plan_cue", "plan_action", "appointment", "never_miss_twice")
REMINDER_FIELDS = ("target", "habit_id", "time", "days", "channels", "enabled", "skip_if_done")


def count(report, kind, created, updated):
    report["created"][kind] = report["created"].get(kind, 0) + created
    report["updated"][kind] = report["updated"].get(kind, 0) + updated


def apply_identity(user, identity_plan, matcher, report):
    """The user's identity for this plan: found and brought up to date, or created."""
    data = IdentityIn().load(identity_plan.fields)
    identity = matcher.find(Identity, identity_plan.key)
    if identity is None:
        identity = identity_store.create_identity(user, data)
        matcher.created(Identity, identity_plan.key, identity)
        set_extra(Identity, identity, identity_plan.extra)
        count(report, "identities", 1, 0)
        return identity
    changes = {k: v for k, v in data.items() if getattr(identity, k) != v}
    if changes:
        identity_store.update_identity(identity, changes)
        count(report, "identities", 0, 1)
    return identity


def apply_habit(user, habit_plan, matcher, identities, report, plan):
    """The user's existing habit for this plan, brought up to date; None when it cannot be (its
    kind changed although it has check-ins: named in the warnings, or deleted since)."""
    raw = dict(habit_plan.fields)
    if habit_plan.identity_key is not None:
        raw["identity_id"] = identities[habit_plan.identity_key].id
    if habit_plan.rules:
        raw["schedule"], raw["target"] = (habit_plan.rules[-1]["schedule"],
                                          habit_plan.rules[-1]["target"])
    habit = matcher.find(Habit, habit_plan.key)
    if habit is None:  # deleted while the file was read: its days are left out
        plan.warn(f"“{habit_plan.fields.get('name')}” was deleted during the import and was "
                  "left out.")
        return None
    habit = habit_store.attach_rules([habit])[0]
    data = HabitIn(partial=True).load(raw)
    if habit_plan.rules:  # the whole history is replaced below, not a change from today
        data.pop("schedule", None)
        data.pop("target", None)
    current = {**{k: getattr(habit, k) for k in HABIT_FIELDS}, "identity_id": habit.identity_id,
               "schedule": habit.schedule, "target": habit.target}
    changes = {k: v for k, v in data.items() if k in current and current[k] != v}
    if "position" in changes and plan.source != "orbit":  # the user may have reordered since
        del changes["position"]
    if changes.get("archived") is False and plan.source != "orbit":  # archived here (by the
        del changes["archived"]  # user, or on arrival as stale): another app's file never restores
    try:
        if changes:
            habit = habit_store.update_habit(user, habit, changes)
    except ValidationError as err:
        plan.warn(f"“{habit.name}” was left as it is: {first_error(err)}")
        return None
    changed = bool(changes)
    if habit_plan.rules:
        changed |= replace_rules(habit, habit_plan.rules)
    if plan.source == "orbit" and habit_plan.start_date != habit.set_start_date:
        set_start(habit, habit_plan.start_date)
        changed = True
    if "schedule" in changes or (habit_plan.rules and changed):
        reminder_store.reschedule_habit(user, habit)
    count(report, "habits", 0, int(changed))
    return habit


def create_habit(user, habit_plan, raw, matcher, report, plan, position):
    """A new habit for this plan, starting on the date set or its first check-in."""
    first = min(habit_plan.checkins, default=None)
    today = local_today(user)
    start = habit_plan.start_date or first or today
    if plan.source != "orbit":  # Orbit's own may start in the future; others start by today
        start = min(start, today)
    raw.setdefault("position", position)
    data = HabitIn().load({**raw, "start_date": start.isoformat()})
    habit = habit_store.create_habit(user, data)
    matcher.created(Habit, habit_plan.key, habit)
    set_extra(Habit, habit, habit_plan.extra)
    if habit_plan.rules:
        replace_rules(habit, habit_plan.rules)
    else:  # its one rule governs every imported day (as a first rule of a back-filled habit)
        begins = min(start, first or start)
        HabitRule.update(effective_from=begins).where(HabitRule.habit == habit).execute()
    count(report, "habits", 1, 0)
    return habit_store.attach_rules([habit])[0]


def replace_rules(habit, rules):
    """Give the habit exactly this rule history (an Orbit export's); True when it changed."""
    current = [(r.effective_from, r.schedule, r.target, r.anchor)
               for r in habit_store.attach_rules([habit])[0].rules]
    wanted = [(r["effective_from"], r["schedule"], r["target"], r["anchor"]) for r in rules]
    if current == wanted:
        return False
    HabitRule.delete().where(HabitRule.habit == habit).execute()
    HabitRule.insert_many([{"habit": habit.id, "effective_from": f, "schedule": s, "target": t,
                            "anchor": a} for f, s, t, a in wanted]).execute()
    checkpoints.invalidate(habit)
    habit_store.attach_rules([habit])
    return True


def set_start(habit, day):
    """The date the user set, from an Orbit export; the effective one follows the check-ins."""
    earliest = Checkin.select(fn.MIN(Checkin.day)).where(Checkin.habit == habit).scalar()
    start = min(day, earliest or day)
    Habit.update(set_start_date=day, start_date=start, revision=Habit.revision + 1).where(
        Habit.id == habit.id).execute()
    habit.set_start_date, habit.start_date = day, start


def set_extra(model, obj, extra):
    """Keep what an Orbit export says of an object's own history (created_at, archived_at)."""
    if extra:
        model.update(**extra).where(model.id == obj.id).execute()
        obj.__data__.update(extra)


def apply_reminder(user, reminder_plan, matcher, habits, report, plan, apprise_allowed):
    """Create or bring up to date the reminder of this plan."""
    raw = dict(reminder_plan.fields)
    if reminder_plan.habit_key is not None:
        habit = habits.get(reminder_plan.habit_key)
        if habit is None:
            return  # its habit was left out (named in the warnings)
        raw["habit_id"] = habit.id
    if "apprise" in raw.get("channels", []) and not apprise_allowed:
        raw["channels"] = [c for c in raw["channels"] if c != "apprise"] or ["push"]
        plan.warn("Apprise is not enabled on this server: reminders sent there now come as "
                  "push notifications.")
    try:
        data = ReminderIn().load(raw)
        write_reminder(user, reminder_plan, data, matcher, report, apprise_allowed)
    except ValidationError as err:
        plan.warn(f"A reminder at {raw.get('time')} was left out: {first_error(err)}")


def write_reminder(user, reminder_plan, data, matcher, report, apprise_allowed):
    reminder = matcher.find(Reminder, reminder_plan.key)
    if reminder is None:
        reminder = reminder_store.create_reminder(user, data, apprise_allowed)
        matcher.created(Reminder, reminder_plan.key, reminder)
        count(report, "reminders", 1, 0)
        return
    current = {k: getattr(reminder, k) for k in REMINDER_FIELDS}
    changes = {k: v for k, v in data.items() if current[k] != v}
    if changes:
        reminder_store.update_reminder(user, reminder, changes, apprise_allowed)
        count(report, "reminders", 0, 1)


def first_error(err):
    """The first message of a ValidationError, as one sentence."""
    messages = err.messages
    while isinstance(messages, dict):
        messages = next(iter(messages.values()))
    return messages[0] if isinstance(messages, list) else str(messages)
