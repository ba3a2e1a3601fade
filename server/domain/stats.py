"""Statistics of one habit as of a day: the body of GET /habits/{id}/stats."""
from __future__ import annotations

from datetime import date, timedelta

from .ledger import Ledger
from .model import BUILD, Entry, Habit
from .periods import MET, MISSED, Period, judged_periods
from .strength import strength_values
from .streaks import Streak, best_of, streaks_from

RATE_SPANS = (7, 30, 365)


def completion_rate(periods: list[Period], as_of: date, span: int) -> float | None:
    """met / (met + missed) of periods ending in the span days to as_of, and the current one if met."""
    first = as_of - timedelta(days=span - 1)
    met = missed = 0
    for period in reversed(periods):
        if period.end < first:
            break
        if period.end <= as_of:
            met += period.state == MET
            missed += period.state == MISSED
        elif period.start <= as_of and period.state == MET:
            met += 1
    return met / (met + missed) if met + missed else None


def _by_weekday(habit: Habit, ledger: Ledger, as_of: date) -> list[int]:
    """Done days per weekday, Monday first, from the start date to as_of."""
    counts = [0] * 7
    if habit.kind == BUILD:
        for day in ledger.done:
            counts[date.fromordinal(day).weekday()] += 1
        return counts
    # Every day of a quit habit is kept unless slipped or paused: count the days, take those away.
    start, total = habit.start_date, (as_of - habit.start_date).days + 1
    for offset in range(min(7, total)):
        counts[(start.weekday() + offset) % 7] = (total - offset + 6) // 7
    for day in ledger.slipped | ledger.skipped:
        counts[date.fromordinal(day).weekday()] -= 1
    return counts


def streak_dict(streak: Streak) -> dict:
    """A streak in the shape of the API (dates left as date objects)."""
    return {"length": streak.length, "unit": streak.unit, "start": streak.start, "end": streak.end}


def done_days(habit: Habit, entries: list[Entry], start: date, end: date) -> list[date]:
    """The done days (kept days for quit habits) from start to end (not after today): the votes."""
    return Ledger(habit, entries, end).done_days(start, end)


def habit_stats(habit: Habit, entries: list[Entry], as_of: date) -> dict:
    """Strength, streaks, totals, completion rates and done days by weekday, as of as_of."""
    ledger = Ledger(habit, entries, as_of)
    periods = judged_periods(habit, ledger, habit.start_date, as_of, as_of)
    every, current = streaks_from(periods, habit, as_of)
    best = best_of(reversed(every)) or current
    strengths = strength_values(habit, ledger, habit.start_date, as_of, 0.0)
    return {
        "as_of": as_of,
        "strength": round(strengths[-1], 6) if strengths else 0.0,
        "current_streak": streak_dict(current),
        "best_streak": streak_dict(best),
        "streaks": [streak_dict(streak) for streak in every],
        "total_done": ledger.done_between(habit.start_date, as_of),
        "completion_rate": {str(span): completion_rate(periods, as_of, span) for span in RATE_SPANS},
        "by_weekday": _by_weekday(habit, ledger, as_of),
    }
