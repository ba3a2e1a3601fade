"""Write a Plan into one user's account, all or nothing, and report what it changed: new and
changed identities, habits, check-ins, reflections and reminders, and the warnings. The run:
new habits and their days staged in short transactions (runs.py), then one last transaction
for everything else (each object through objects.py). Objects are found again by the source's
own ids (matching.py), so a second import of the same file changes nothing."""
import datetime

from ..db import database, locked, retry_on_deadlock
from ..models import Checkin, Habit, User
from ..store.checkins_bulk import (changes_of, insert_rows, new_rows, write_changes,
                                   write_reflections)
from ..store.common import MAX_POSITION, local_today, position_after_last
from . import runs
from .chapters import apply_chapters
from .matching import Matcher
from .objects import apply_habit, apply_identity, apply_reminder, count, create_habit
from .pauses import apply_pauses
from .wellbeing import apply_wellbeing

KINDS = ("identities", "habits", "checkins", "reflections", "reminders", "pauses", "chapters",
         "week_answers", "wellbeing_checks")
STALE_AFTER = datetime.timedelta(days=60)  # an imported habit unused this long arrives archived


def apply_plan(user, plan, apprise_allowed=False, batch=None):
    """Import `plan` for `user`: all of it or, on any error, nothing. The report.

    Written in short transactions (runs.py): the new habits and their days first, hidden, then
    what the file changes of existing objects, in one last transaction that reveals the new."""
    report = {"created": dict.fromkeys(KINDS, 0), "updated": dict.fromkeys(KINDS, 0),
              "warnings": plan.warnings, "archived": []}
    matcher = Matcher(user, plan.source)
    with runs.running(user) as run:
        today = local_today(user)
        found = {p.key: matcher.find(Habit, p.key) for p in plan.habits}
        new = [p for p in plan.habits if found[p.key] is None]
        staged = stage_habits(user, plan, new, matcher, run, report, batch or runs.BATCH)
        changes = {p.key: changes_of(user, planned(found[p.key], p), p.checkins, today, plan)
                   for p in plan.habits if found[p.key] is not None}
        return finish(user, plan, matcher, run, staged, changes, report, apprise_allowed)


def stage_habits(user, plan, habit_plans, matcher, run, report, batch):
    """Create the plan's new habits, hidden, and write their check-ins `batch` at a time, each
    batch its own transaction; {plan key: habit}."""
    position = position_after_last(Habit, user)
    staged, rows = {}, []
    stale_before = local_today(user) - STALE_AFTER
    with database.atomic():
        for index, habit_plan in enumerate(habit_plans):
            raw = {k: v for k, v in habit_plan.fields.items() if k != "identity_id"}
            if habit_plan.rules:
                raw["schedule"], raw["target"] = (habit_plan.rules[-1]["schedule"],
                                                  habit_plan.rules[-1]["target"])
            stale = is_stale(habit_plan, raw, plan, stale_before)
            if stale:
                raw["archived"] = True
            habit = create_habit(user, habit_plan, raw, matcher, report, plan,
                                 min(position + index, MAX_POSITION))
            runs.hidden(run, habit)
            staged[habit_plan.key] = habit
            if stale:
                report["archived"].append(habit.id)
    today = local_today(user)
    for habit_plan in habit_plans:
        habit = staged[habit_plan.key]
        days = new_rows(user, habit, habit_plan.checkins, today, plan)
        if days:  # the effective start: never after the first check-in (written by finish)
            habit.start_date = min(habit.set_start_date, days[0]["day"])
        rows.extend(days)
    for first in range(0, len(rows), batch):
        with database.atomic():
            insert_rows(Checkin, rows[first:first + batch])
            runs.touch(run)
    count(report, "checkins", len(rows), 0)
    return staged


def is_stale(habit_plan, raw, plan, stale_before):
    """Whether a new habit from another app arrives archived: its days all ended before
    `stale_before` (a backup's habits of years ago would fill Today and every week with misses).
    Orbit's own export keeps what it says; a habit with no days at all may be a new one."""
    return (plan.source != "orbit" and not raw.get("archived") and bool(habit_plan.checkins)
            and max(habit_plan.checkins) < stale_before)


def planned(habit, habit_plan):
    """The habit as the plan will leave it, to judge its days by (a kind or a measure changes
    only while it has no check-ins)."""
    changed = {k: habit_plan.fields[k] for k in ("kind", "measure", "unit")
               if k in habit_plan.fields}
    if not changed:
        return habit
    copy = Habit(**{**habit.__data__, **changed})
    copy.rules = habit.rules
    return copy


@retry_on_deadlock
def finish(user, plan, matcher, run, staged, changes, report, apprise_allowed):
    """The import's last transaction: identities, what changes of existing habits and their days,
    reminders, reflections and pauses, with the new habits revealed. The report. (A run that
    lost a deadlock runs again whole: its warnings are each noted once.)"""
    report = {**report, "created": dict(report["created"]), "updated": dict(report["updated"])}
    with database.atomic():
        # One import of a user's data at a time (a second one waits, then finds the first's).
        locked(User.select().where(User.id == user.id), keys_shared=True).get()
        # Then every habit of theirs, in id order, before anything is written. A check-in holds
        # its habit's row while it writes; an import that met that row only later, holding the
        # rows it had written, deadlocked with it on PostgreSQL. Now one of them waits for the
        # other at its first step instead.
        list(locked(Habit.select(Habit.id).where(Habit.user == user).order_by(Habit.id)))
        runs.reveal(run)  # first, so the store's writes below find them; seen at commit
        identities = {p.key: apply_identity(user, p, matcher, report) for p in plan.identities}
        habits = {}
        for habit_plan in plan.habits:
            habit = staged.get(habit_plan.key)
            if habit is not None:
                settle(habit, habit_plan, identities)
            else:
                habit = apply_habit(user, habit_plan, matcher, identities, report, plan)
                if habit is None:
                    continue
                count(report, "checkins", *write_changes(habit, changes[habit_plan.key]))
            habits[habit_plan.key] = habit
        for reminder_plan in plan.reminders:
            apply_reminder(user, reminder_plan, matcher, habits, report, plan, apprise_allowed)
        today = local_today(user)
        count(report, "reflections", *write_reflections(user, plan.reflections, today, plan))
        apply_pauses(user, plan, habits, report, matcher)
        apply_chapters(user, plan, report)
        apply_wellbeing(user, plan, report)
    return report


def settle(habit, habit_plan, identities):
    """Give a new habit its identity (made in the last transaction) and its effective start."""
    if habit_plan.identity_key is not None:
        habit.identity_id = identities[habit_plan.identity_key].id
    Habit.update(identity=habit.identity_id, start_date=habit.start_date).where(
        Habit.id == habit.id).execute()
