"""A kind restart after a lapse (issue 24): the missed periods just before a day, so that Today
greets the habit with a way back instead of a red mark, and after a second miss offers a
smaller step (or a pause)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .ledger import Ledger
from .model import BUILD, CHECK, DAILY, EVERY_N_DAYS, Entry, Habit, PER_WEEK
from .periods import MET, MISSED, NEUTRAL, judge, period_containing
from .summary import _shrink as shrink  # the weekly summary's own "make it smaller"
from .wording import SOURCE

# How far back the store loads check-ins for a lapse: two months and the one under way.
LOOK_BACK = timedelta(days=92)
MOST = 2  # a second miss in a row is when a smaller step is offered; more says nothing new
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Lapse:
    """Missed periods in a row just before the day's own (neutral ones between count for
    nothing): 1 or 2, their unit, and the first day of the latest."""

    misses: int
    unit: str
    last_missed: date


def lapse(habit: Habit, entries: list[Entry], day: date, since: date) -> Lapse | None:
    """The lapse Today shows on `day`, judging only periods that start on or after `since` (the
    first day whose check-ins `entries` hold). None once the day is done, its period met or
    asked nothing of (skipped, paused, a day off), and for a quit habit on a day with a slip
    (the slip speaks for itself)."""
    if day < habit.start_date:
        return None
    ledger = Ledger(habit, entries, day)
    start, end, rule = period_containing(habit, day)
    own = judge(habit, ledger, start, end, rule, day)
    if habit.kind == BUILD:
        if own.state in (MET, NEUTRAL) or ledger.is_done(day.toordinal()):
            return None
    elif own.state != MET:  # a quit day is met when kept so far
        return None
    misses, unit, latest = 0, own.unit, None
    cursor = start - _ONE_DAY
    while misses < MOST and cursor >= max(habit.start_date, since):
        first, last, rule = period_containing(habit, cursor)
        if first < since:
            break  # not all of its check-ins are at hand: say nothing rather than guess
        period = judge(habit, ledger, first, last, rule, day)
        if period.state == MET:
            break
        if period.state == MISSED:
            misses += 1
            if latest is None:
                latest, unit = first, period.unit
        cursor = first - _ONE_DAY
    return Lapse(misses, unit, latest) if misses else None


def smaller(habit: Habit, name: str, unit: str, schedule: dict, target: float | None,
            words=SOURCE):
    """{text, patch} of a smaller step for a build habit missed twice in a row: the weekly
    summary's shrink, and for the daily and every-n-days yes/no habits it has nothing for, a
    little room (five days a week; one day more between times). None for a quit habit. Its text
    in `words` (server/domain/wording.py)."""
    if habit.kind != BUILD:
        return None
    found = shrink(habit, name, unit, target, schedule, words)
    if found is not None or habit.measure != CHECK:
        return found
    if schedule["type"] == DAILY:
        return {"action": "shrink", "patch": {"schedule": {"type": PER_WEEK, "times": 5}},
                "text": words.ngettext(
                    "{habit} has been a stretch lately. Fewer, kept, beats more, missed — try {n} "
                    "time a week?",
                    "{habit} has been a stretch lately. Fewer, kept, beats more, missed — try {n} "
                    "times a week?", 5, habit=name)}
    if schedule["type"] == EVERY_N_DAYS and schedule["n"] < 365:
        n = schedule["n"] + 1
        return {"action": "shrink", "patch": {"schedule": {"type": EVERY_N_DAYS, "n": n}},
                "text": words.ngettext(
                    "{habit} has been a stretch lately. A little more room keeps it alive — try "
                    "once every {n} day?",
                    "{habit} has been a stretch lately. A little more room keeps it alive — try "
                    "once every {n} days?", n, habit=name)}
    return None
