"""An identity's votes over time: done (kept) days of its habits, counted per week and per month."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from .ledger import Ledger
from .model import Entry, Habit, is_done

WEEK = timedelta(days=7)
_ONE_DAY = timedelta(days=1)


def first_of_last_month(today: date) -> date:
    """The first day of the month before today's."""
    return (today.replace(day=1) - _ONE_DAY).replace(day=1)


def last_month_same_day(today: date) -> date:
    """Today's day of the month in the month before, or that month's last day if it is shorter."""
    end = today.replace(day=1) - _ONE_DAY
    return end.replace(day=min(today.day, end.day))


def window_start(first_week: date, today: date) -> date:
    """The first day whose check-ins votes_over_time needs: the weeks' and last month's."""
    return min(first_week, first_of_last_month(today))


def votes_over_time(habits: list[tuple[Habit, list[Entry]]], first_week: date, weeks: int,
                    today: date) -> dict:
    """Votes per week from first_week on (weeks of 7 days, the last holding today), and this
    month so far against last month, in full and up to the same day of the month.

    `habits` are the identity's habits with their check-ins from window_start(first_week,
    today) on: a vote is one day's, so the days before the window are never needed."""
    start = window_start(first_week, today)
    days = Counter()
    for habit, entries in habits:
        days.update(Ledger(habit, entries, today).done_days(start, today))
    per_week = [0] * weeks
    for day, count in days.items():
        index = (day - first_week).days // 7
        if 0 <= index < weeks:
            per_week[index] += count

    def between(first: date, last: date) -> int:
        return sum(count for day, count in days.items() if first <= day <= last)

    month = today.replace(day=1)
    last_month = first_of_last_month(today)
    return {
        "weeks": [{"week_start": first_week + i * WEEK, "votes": count}
                  for i, count in enumerate(per_week)],
        "this_month": between(month, today),
        "last_month": between(last_month, month - _ONE_DAY),
        "last_month_to_date": between(last_month, last_month_same_day(today)),
    }


def is_vote(habit: Habit, entry: Entry) -> bool:
    """Whether a check-in marks a vote: a done day, or a quit day kept with a check-in."""
    return entry.day >= habit.start_date and is_done(habit, entry, entry.day)
