"""An identity's votes over time: done (kept) days of its habits, counted per week and per month."""
from __future__ import annotations

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
    month = today.replace(day=1)
    last_month = first_of_last_month(today)
    ranges = [(first_week + i * WEEK, first_week + i * WEEK + WEEK - _ONE_DAY)
              for i in range(weeks)]
    ranges += [(month, today), (last_month, month - _ONE_DAY),
               (last_month, last_month_same_day(today))]
    counts = [0] * len(ranges)
    for habit, entries in habits:
        ledger = Ledger(habit, entries, today)
        for i, (first, last) in enumerate(ranges):
            counts[i] += ledger.done_between(first, min(last, today))
    return {
        "weeks": [{"week_start": first, "votes": count}
                  for (first, _), count in zip(ranges, counts[:weeks])],
        "this_month": counts[weeks],
        "last_month": counts[weeks + 1],
        "last_month_to_date": counts[weeks + 2],
    }


def is_vote(habit: Habit, entry: Entry) -> bool:
    """Whether a check-in marks a vote: a done day, or a quit day kept with a check-in."""
    return entry.day >= habit.start_date and is_done(habit, entry, entry.day)
