"""Habit strength: Loop Habit Tracker's exponential score, one step per day."""
from __future__ import annotations

import math
from datetime import date, timedelta

from .ledger import Ledger, unscaled
from .model import CHECK, QUIT, Entry, Habit, Rule, frequency, rule_index

_ONE_DAY = timedelta(days=1)


def window(habit: Habit, rule: Rule) -> tuple[int, int]:
    """(days looked at, ending at the day judged; done days wanted in them) under rule."""
    if habit.kind == QUIT:
        return 1, 1
    num, den = frequency(habit, rule)
    if habit.measure == CHECK and num < den:
        # Loop doubles the window of non-daily yes/no habits to smooth irregular schedules.
        return 2 * den, 2 * num
    return den, num


def strength_values(habit: Habit, ledger: Ledger, first: date, last: date, s: float) -> list[float]:
    """Unrounded S for each day first..last, continuing from s = S(first - 1)."""
    out: list[float] = []
    a, end = first.toordinal(), last.toordinal()
    rules = habit.rules
    while a <= end:
        index = rule_index(habit, date.fromordinal(a))
        b = end
        if index + 1 < len(rules):
            b = min(b, rules[index + 1].effective_from.toordinal() - 1)
        s = _step_days(habit, ledger, rules[index], a, b, s, out)
        a = b + 1
    return out


def _step_days(habit: Habit, ledger: Ledger, rule: Rule, a: int, b: int, s: float, out: list) -> float:
    """Step S through day ordinals a..b, all under rule, appending each day's S to out."""
    num, den = frequency(habit, rule)
    m = 0.5 ** (math.sqrt(num / den) / 13)
    gain = 1 - m
    append = out.append
    if habit.kind == QUIT:
        slipped, skipped = ledger.slipped, ledger.skipped
        for day in range(a, b + 1):
            if day not in skipped:  # a paused day leaves S unchanged, as a skipped one does
                s = s * m + (0.0 if day in slipped else 1.0) * gain
            append(s)
        return s
    skipped = ledger.skipped
    w, wanted = window(habit, rule)
    # Sliding sums: they start over the w days before a, and each step adds a day and drops
    # the one w days back.
    if habit.measure == CHECK:
        done = ledger.done
        count = sum(1 for day in range(a - w, a) if day in done)
        for day in range(a, b + 1):
            count += (day in done) - (day - w in done)
            if day not in skipped:
                s = s * m + min(1.0, count / wanted) * gain
            append(s)
        return s
    values = ledger.values
    goal = (rule.target or 0) * wanted
    total = sum(values.get(day, 0) for day in range(a - w, a))
    for day in range(a, b + 1):
        total += values.get(day, 0) - values.get(day - w, 0)
        if day not in skipped:
            # Loop counts a habit with no target as fully done.
            c = (min(1.0, unscaled(total) / goal) if total else 0.0) if goal > 0 else 1.0
            s = s * m + c * gain
        append(s)
    return s


def strength_series(habit: Habit, entries: list[Entry], start: date,
                    end: date) -> list[tuple[date, float]]:
    """(day, strength rounded to 6 decimals) for each day from start to end; 0 before the start date."""
    series = []
    day = start
    while day < min(habit.start_date, end + _ONE_DAY):
        series.append((day, 0.0))
        day += _ONE_DAY
    if day <= end:
        ledger = Ledger(habit, entries, end)
        values = strength_values(habit, ledger, habit.start_date, end, 0.0)
        skip = (day - habit.start_date).days
        for s in values[skip:]:
            series.append((day, round(s, 6)))
            day += _ONE_DAY
    return series


def strength_on(habit: Habit, entries: list[Entry], day: date) -> float:
    """Strength on day, rounded to 6 decimals."""
    return strength_series(habit, entries, day, day)[0][1]
