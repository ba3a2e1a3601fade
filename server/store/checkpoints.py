"""The per-habit cache of domain state (a checkpoint), and how it is known to be stale.

A checkpoint (a HabitSummary row) is valid while its `revision` equals the habit's. Every change
to the judged history (a check-in on an older day, a rule, the start date, the week start) moves
the habit's revision on, inside the same transaction as the change, so a checkpoint computed
concurrently from older rows can never pass for current.

Today and yesterday are never inside a checkpoint, so the common writes (a tap today, a back-fill
of yesterday) leave the cache valid. For that, checkpoints end LAG days before the date asked
about: a reader's date can run up to 2 days ahead of a concurrent writer's (midnight, or a
time-zone change of up to 26 hours), and the 2 fresh days come on top.
"""
import datetime

from ..models import Habit
from ..prepared import Prepared
from .common import local_today

FRESH_DAYS = 2
LAG = datetime.timedelta(days=FRESH_DAYS + 2)

# Most back-filled check-ins move the revision on: built once, not on every write.
NEXT_REVISION = Prepared(lambda habit_id: Habit.update(revision=Habit.revision + 1)
                         .where(Habit.id == habit_id), habit_id=int)


def invalidate_if_cached(user, habit, day):
    """A check-in of `day` was written or deleted: stale cached states if it can be inside one."""
    if is_cached_day(user, day):
        invalidate(habit)


def is_cached_day(user, day):
    """True when a cached state can hold `day` (a write to it must move the revision on)."""
    return day <= local_today(user) - datetime.timedelta(days=FRESH_DAYS)


def invalidate(habit):
    """The habit's history changed: cached states of it are stale."""
    NEXT_REVISION.execute(habit_id=habit.id)


def invalidate_user(user):
    """Every habit of the user changed (week start or time zone)."""
    Habit.update(revision=Habit.revision + 1).where(Habit.user == user).execute()
