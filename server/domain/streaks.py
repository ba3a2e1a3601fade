"""Streaks: runs of met periods, bridged by neutral ones, ended by a miss or a change of unit."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .ledger import Ledger
from .model import Entry, Habit, rule_on, unit_of
from .periods import MET, MISSED, Period, judged_periods


@dataclass(frozen=True, slots=True)
class Streak:
    """A run of met periods, from the first day of the first to the last day of the last."""

    length: int
    unit: str
    start: date | None
    end: date | None


def empty_run(habit: Habit) -> Streak:
    """The run before the first period: nothing yet, in the unit the habit starts with."""
    return Streak(0, unit_of(habit, rule_on(habit, habit.start_date)), None, None)


def fold_runs(periods: list[Period], run: Streak) -> tuple[list[Streak], Streak]:
    """Carry the run alive before periods through them: (runs that ended, oldest first; run alive)."""
    ended = []
    length, unit, start, end = run.length, run.unit, run.start, run.end
    for period in periods:
        if period.unit != unit:
            if length:
                ended.append(Streak(length, unit, start, end))
            length, unit, start, end = 0, period.unit, None, None
        if period.state == MET:
            if not length:
                start = period.start
            length += 1
            end = period.end
        elif period.state == MISSED:
            if length:
                ended.append(Streak(length, unit, start, end))
            length, start, end = 0, None, None
        # Neutral periods bridge without counting; an open one is the last and waits.
    return ended, Streak(length, unit, start, end)


def as_of_clamped(run: Streak, as_of: date) -> Streak:
    """The run with its end no later than as_of (a met week may reach past it)."""
    if run.end is not None and run.end > as_of:
        return Streak(run.length, run.unit, run.start, as_of)
    return run


def best_of(candidates) -> Streak | None:
    """The longest streak of candidates (oldest first), ties going to the most recent."""
    best = None
    for streak in candidates:
        if streak.length and (best is None or streak.length >= best.length):
            best = streak
    return best


def streaks_from(periods: list[Period], habit: Habit, as_of: date) -> tuple[list[Streak], Streak]:
    """(every streak newest first, the current streak) of periods judged as of as_of."""
    ended, run = fold_runs(periods, empty_run(habit))
    run = as_of_clamped(run, as_of)
    # A run of length 0 has no start or end: it is the empty current streak as it stands.
    every = ended + [run] if run.length else ended
    return every[::-1], run


def _streaks_and_current(habit: Habit, entries: list[Entry], as_of: date):
    ledger = Ledger(habit, entries, as_of)
    return streaks_from(judged_periods(habit, ledger, habit.start_date, as_of, as_of), habit, as_of)


def streaks(habit: Habit, entries: list[Entry], as_of: date) -> list[Streak]:
    """Every streak up to as_of, newest first."""
    return _streaks_and_current(habit, entries, as_of)[0]


def current_streak(habit: Habit, entries: list[Entry], as_of: date) -> Streak:
    """The streak alive on as_of, or a zero-length one in the unit of the current period."""
    return _streaks_and_current(habit, entries, as_of)[1]


def best_streak(habit: Habit, entries: list[Entry], as_of: date) -> Streak:
    """The longest streak up to as_of (ties to the most recent), or a zero-length one."""
    every, current = _streaks_and_current(habit, entries, as_of)
    return best_of(reversed(every)) or current
