"""Streaks: runs of met periods, bridged by neutral ones, ended by a miss or a change of unit (with
never miss twice, by a second miss in a row)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .ledger import Ledger
from .model import BUILD, Entry, Habit, rule_on, unit_of
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


def bridges(habit: Habit) -> bool:
    """Whether the habit never misses twice: one missed period between two met ones keeps its
    streak (build habits only; a quit habit's streak counts the days since its last slip)."""
    return habit.never_miss_twice and habit.kind == BUILD


def fold_runs(periods: list[Period], run: Streak, bridge: bool = False,
              pending: date | None = None, bridged: list[date] | None = None):
    """Carry the run alive before periods through them: (runs that ended, oldest first; run
    alive; pending). With bridge (never miss twice), one missed period after a met one waits:
    `pending` is its first day, and the run stays alive until the next met period bridges it
    (its first day then joins `bridged`) or a second miss ends the run where it last met."""
    ended = []
    length, unit, start, end = run.length, run.unit, run.start, run.end
    for period in periods:
        if period.unit != unit:
            if length:
                ended.append(Streak(length, unit, start, end))
            length, unit, start, end, pending = 0, period.unit, None, None, None
        if period.state == MET:
            if pending is not None and bridged is not None:
                bridged.append(pending)
            pending = None
            if not length:
                start = period.start
            length += 1
            end = period.end
        elif period.state == MISSED:
            if bridge and length and pending is None:
                pending = period.start  # a bridged day counts for nothing, like a neutral one
                continue
            if length:
                ended.append(Streak(length, unit, start, end))
            length, start, end, pending = 0, None, None, None
        # Neutral periods bridge without counting; an open one is the last and waits.
    return ended, Streak(length, unit, start, end), pending


def bridged_starts(habit: Habit, periods: list[Period]) -> set[date]:
    """The first days of the missed periods that never-miss-twice bridged (none by default)."""
    if not bridges(habit):
        return set()
    bridged: list[date] = []
    fold_runs(periods, empty_run(habit), True, None, bridged)
    return set(bridged)


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
    ended, run, _ = fold_runs(periods, empty_run(habit), bridges(habit))
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
