"""A habit's screen, judged once: its completion by week (or month), each judged by the rule in
force then, exactly as the weekly summary counts it."""
from __future__ import annotations

from datetime import date, timedelta

from .model import BUILD, PER_MONTH, Entry, Habit, rule_on
from .summary import HabitHistory

ONE_DAY = timedelta(days=1)
ROWS = 12


def completion_rows(habit: Habit, entries: list[Entry], today: date,
                    count: int = ROWS) -> tuple[str, list[dict]]:
    """("week" or "month", rows oldest first): done over required for each of the last `count`
    weeks (months for a monthly habit) from the habit's first, the one holding today last."""
    if habit.start_date > today:
        return "week", []
    history = HabitHistory(habit, entries, today)
    if habit.kind == BUILD and rule_on(habit, today).schedule.type == PER_MONTH:
        months = [p for p in history.periods if p.unit == "months"][-count:]
        return "month", [{"start": p.start, "end": p.end, "required": p.required,
                          "done": min(p.done_days, p.required)} for p in months]
    this_week = today - timedelta(days=(today.weekday() - habit.week_start) % 7)
    rows = []
    for back in range(count - 1, -1, -1):
        start = this_week - timedelta(weeks=back)
        week = history.week(start)
        if week is None:
            continue  # before the habit existed: no row at all
        if week.scheduled is None:  # a week of a monthly rule in a habit weekly now
            required, done = week.month_required or 0, week.month_done or 0
        else:
            required, done = week.scheduled, week.done
        rows.append({"start": start, "end": start + 6 * ONE_DAY, "required": required,
                     "done": done})
    return "week", rows


def rate_span(habit: Habit, today: date, span: int = 30) -> int:
    """The days "% of the last 30 days" speaks of: 30, or fewer for a younger habit (the days
    before it existed are not counted)."""
    return max(0, min(span, (today - habit.start_date).days + 1))
