"""The per-habit cache of domain state (a checkpoint), and how it is known to be stale.

A summary is valid while its `revision` equals the habit's. Every change to the judged history
(a check-in before today, a rule, the start date, the week start) moves the habit's revision on,
inside the same transaction as the change, so a summary computed concurrently from older rows can
never pass for current.
"""
from ..models import Habit


def invalidate(habit):
    """The habit's history changed: cached states of it are stale."""
    Habit.update(revision=Habit.revision + 1).where(Habit.id == habit.id).execute()


def invalidate_user(user):
    """Every habit of the user changed (week start or time zone)."""
    Habit.update(revision=Habit.revision + 1).where(Habit.user == user).execute()
