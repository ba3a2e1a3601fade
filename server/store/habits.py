"""Habits and their rule history, always fetched through the user who owns them."""
import datetime

from marshmallow import ValidationError
from peewee import fn

from ..clock import utcnow
from ..db import database, locked
from ..errors import ApiError, FieldError
from ..models import Checkin, Habit, HabitRule, Identity
from ..prepared import Prepared
from . import checkpoints
from .common import EPOCH, local_today, position_after_last

DAILY = {"type": "daily"}
PLAIN_FIELDS = ("plan_cue", "plan_action", "appointment",  # issue 24: stored as they come
                "never_miss_twice")

# The habit and its rules in one query (every habit has at least one rule), built once.
HABIT_WITH_RULES = Prepared(lambda habit_id, user_id: HabitRule.select(HabitRule, Habit)
                            .join(Habit).where(Habit.id == habit_id, Habit.user == user_id,
                                               Habit.import_run.is_null())
                            .order_by(HabitRule.effective_from), {Habit: "habit"},
                            habit_id=int, user_id=int)
LOCKED_HABIT = Prepared(lambda habit_id: locked(Habit.shown().where(Habit.id == habit_id)),
                        habit_id=int)


def attach_rules(habits):
    """Load every habit's rules in one query and attach them, oldest first."""
    by_id = {h.id: h for h in habits}
    for habit in habits:
        habit.rules = []
    if by_id:
        for rule in (HabitRule.select().where(HabitRule.habit.in_(list(by_id)))
                     .order_by(HabitRule.effective_from)):
            by_id[rule.habit_id].rules.append(rule)
    return habits


def habits_of(user, archived="false"):
    """The user's habits by position then id; archived: "false", "true" or "all"."""
    query = Habit.shown().where(Habit.user == user)
    if archived == "false":
        query = query.where(Habit.archived_at.is_null())
    elif archived == "true":
        query = query.where(Habit.archived_at.is_null(False))
    return attach_rules(list(query.order_by(Habit.position, Habit.id)))


def habit_of(user, habit_id):
    """The user's habit with this id, with its rules; 404 when it is not theirs."""
    rules = HABIT_WITH_RULES.rows(habit_id=habit_id, user_id=user.id)
    if not rules:
        raise ApiError(404, "There is no such habit.")
    habit = rules[0].habit
    habit.rules = rules
    return habit


def lock_habit(habit):
    """Hold the habit's row until the transaction ends, and refresh `habit` from it. Every write
    that reads the habit or its check-ins before writing takes it first, so that it reads what the
    previous writer committed and writes before the next one reads (see db.locked)."""
    row = LOCKED_HABIT.first(habit_id=habit.id)
    if row is None:  # deleted since it was read
        raise ApiError(404, "There is no such habit.")
    habit.__data__.update(row.__data__)
    return habit


def identity_id_for_body(user, identity_id):
    """Validate an identity id sent in a body: one of the user's, or a 422 field error."""
    if identity_id is not None and not Identity.select().where(
            Identity.id == identity_id, Identity.user == user).exists():
        raise ValidationError({"identity_id": ["Unknown identity."]})
    return identity_id


def checked_rule(kind, measure, schedule, target, target_given):
    """The target a kind and measure allow with this schedule (RULES.md), or a 422."""
    if kind == "quit" and schedule["type"] != "daily":
        raise ValidationError({"schedule": ["Quit habits are always daily."]})
    if measure == "check":
        if target_given and target is not None:
            raise ValidationError({"target": ["Check habits have no target."]})
        return None
    if kind == "build":
        if target is None or target <= 0:
            raise ValidationError({"target": ["A daily target above 0 is required."]})
        return target
    return 0.0 if target is None else target


def create_habit(user, data):
    """Create a habit and its first rule, in force from today."""
    today = local_today(user)
    kind, measure = data.get("kind", "build"), data.get("measure", "check")
    schedule = data.get("schedule", DAILY)
    target = checked_rule(kind, measure, schedule, data.get("target"), "target" in data)
    identity_id = identity_id_for_body(user, data.get("identity_id"))
    start = check_start_date(data.get("start_date", today), None, today)
    position = data.get("position")
    if position is None:
        position = position_after_last(Habit, user)
    fields = {k: data[k] for k in ("name", "description", "unit", "color", "private",
                                   *PLAIN_FIELDS) if k in data}
    with database.atomic():
        habit = Habit.create(user=user, identity=identity_id, kind=kind, measure=measure,
                             start_date=start, set_start_date=start, position=position,
                             archived_at=utcnow() if data.get("archived") else None, **fields)
        HabitRule.create(habit=habit, effective_from=today, schedule=schedule, target=target,
                         anchor=start)
    return habit_of(user, habit.id)


def check_start_date(start, earliest_checkin, today):
    """The start date if allowed: 1970 to a year ahead, never after the earliest check-in."""
    if not EPOCH <= start <= today + datetime.timedelta(days=366):
        raise ValidationError({"start_date": ["Must be from 1970-01-01 to a year from today."]})
    if earliest_checkin is not None and start > earliest_checkin:
        raise ValidationError({"start_date": [
            f"Must not be later than the earliest check-in ({earliest_checkin.isoformat()})."]})
    return start


def update_habit(user, habit, data):
    """Apply a PATCH: plain fields, then kind/measure, start date and rule changes."""
    with database.atomic():
        attach_rules([lock_habit(habit)])
        apply_update(user, habit, data)
    return habit_of(user, habit.id)


def apply_update(user, habit, data):
    """update_habit's work, with the habit's row held."""
    today = local_today(user)
    earliest = (Checkin.select(fn.MIN(Checkin.day)).where(Checkin.habit == habit).scalar())
    kind, measure = data.get("kind", habit.kind), data.get("measure", habit.measure)
    if earliest is not None and (kind, measure) != (habit.kind, habit.measure):
        field = "kind" if kind != habit.kind else "measure"
        raise ValidationError({field: [FieldError("Cannot change once the habit has check-ins.",
                                                  "locked_after_checkins")]})
    schedule = data.get("schedule", habit.schedule)
    target = checked_rule(kind, measure, schedule, data.get("target", habit.target),
                          "target" in data)
    changes = {k: data[k] for k in ("name", "description", "unit", "color", "private", "position",
                                    *PLAIN_FIELDS) if k in data}
    if "identity_id" in data:
        changes["identity"] = identity_id_for_body(user, data["identity_id"])
    if "start_date" in data:  # never later than the earliest check-in: it is also the effective one
        changes["start_date"] = changes["set_start_date"] = check_start_date(
            data["start_date"], earliest, today)
    if "archived" in data and data["archived"] != habit.archived:
        changes["archived_at"] = utcnow() if data["archived"] else None
    changes.update(kind=kind, measure=measure)
    kind_changed = (kind, measure) != (habit.kind, habit.measure)
    rule_changed = (schedule, target) != (habit.schedule, habit.target)
    Habit.update(**changes).where(Habit.id == habit.id).execute()
    start = changes.get("start_date", habit.start_date)
    if kind_changed:
        reset_rules(habit, schedule, target, start)
    elif rule_changed:
        add_rule(habit, today, schedule, target, start)
    # Never miss twice judges the streaks of every day again, as a rule change does.
    bridge_changed = data.get("never_miss_twice", habit.never_miss_twice) != habit.never_miss_twice
    if kind_changed or rule_changed or bridge_changed or "start_date" in changes:
        checkpoints.invalidate(habit)


def add_rule(habit, today, schedule, target, start):
    """A schedule or target change applies from today; a second change today replaces the first."""
    current = habit.rules[-1]
    anchor = start if schedule != current.schedule else current.anchor
    if current.effective_from >= today:
        if len(habit.rules) > 1 or start >= today:
            HabitRule.update(schedule=schedule, target=target, anchor=anchor).where(
                HabitRule.id == current.id).execute()
            return
        # A first rule made today also governs the back-filled days before it: date it from
        # the start so that those days keep being judged by it.
        HabitRule.update(effective_from=start).where(HabitRule.id == current.id).execute()
    HabitRule.create(habit=habit, effective_from=today, schedule=schedule, target=target,
                     anchor=anchor)


def reset_rules(habit, schedule, target, start):
    """Kind or measure changed (only possible without check-ins): one rule, no history."""
    first = habit.rules[0].effective_from
    HabitRule.delete().where(HabitRule.habit == habit).execute()
    HabitRule.create(habit=habit, effective_from=first, schedule=schedule, target=target,
                     anchor=start)


def set_archived(user, habit_ids, archived):
    """Archive (or restore) these habits of the user's at once, in one statement (those already
    so keep their date); the habits, by position. 422 when an id is not one of theirs."""
    ids = set(habit_ids)
    found = {h.id for h in Habit.shown(Habit.id).where(Habit.user == user, Habit.id.in_(ids))}
    if found != ids:
        raise ValidationError({"habit_ids": [FieldError("Unknown habit.", "not_found")]})
    with database.atomic():
        Habit.update(archived_at=utcnow() if archived else None).where(
            Habit.user == user, Habit.id.in_(ids),
            Habit.archived_at.is_null(archived)).execute()
    return [h for h in habits_of(user, "all") if h.id in ids]


def delete_habit(habit):
    """Delete the habit; its check-ins, rules and cached state go with it (cascade)."""
    with database.atomic():
        Habit.delete().where(Habit.id == habit.id).execute()
