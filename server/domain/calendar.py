"""The calendar: one state per day, for the heatmap and its text equivalent."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .ledger import Ledger
from .model import BUILD, CHECK, SKIPPED, Entry, Habit
from .periods import MISSED, OPEN, judged_periods
from .streaks import bridged_starts, bridges

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """One day of the calendar: its state (RULES.md "Statistics and the calendar", and `paused`)
    and the check-in's value."""

    day: date
    state: str
    value: float | None


def _day_state(habit: Habit, ledger: Ledger, day: date, period_state: str,
               bridged: bool = False) -> str:
    """The state of one day on or after the start date, given the state of its period (and
    whether never miss twice bridged that missed period: a kept streak, not a done day)."""
    entry = ledger.entry(day)
    done = ledger.is_done(day.toordinal())
    if day.toordinal() in ledger.paused:  # a pause without a check-in on the day
        return "paused"
    if habit.kind != BUILD:
        return "kept" if done else "slip"
    if entry is not None and entry.status == SKIPPED:
        return "skipped"
    if done:
        return "done"
    if habit.measure != CHECK and entry is not None and (entry.value or 0) > 0:
        return "partial"  # not done, so the value fell short of the target
    if period_state == OPEN:
        return "open"
    if period_state == MISSED:
        return "bridged" if bridged else "missed"
    # A met or neutral period: nothing more was asked of this day.
    return "not_due"


def calendar(habit: Habit, entries: list[Entry], start: date, end: date,
             today: date) -> list[CalendarDay]:
    """One CalendarDay per day from start to min(end, today), oldest first."""
    last = min(end, today)
    days: list[CalendarDay] = []
    day = start
    while day <= last and day < habit.start_date:
        days.append(CalendarDay(day, "before_start", None))
        day += _ONE_DAY
    if day > last:
        return days
    ledger = Ledger(habit, entries, today)
    # Whether a miss was bridged is known from the periods after it: judge them up to today.
    periods = judged_periods(habit, ledger, habit.start_date, today if bridges(habit) else last,
                             today)
    bridged = bridged_starts(habit, periods)
    for period in periods:
        if period.end < day:
            continue
        if period.start > last:
            break
        while day <= min(period.end, last):
            entry = ledger.entry(day)
            value = entry.value if entry is not None else None
            state = _day_state(habit, ledger, day, period.state, period.start in bridged)
            days.append(CalendarDay(day, state, value))
            day += _ONE_DAY
    return days
