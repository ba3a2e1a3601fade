"""Strength: Loop Habit Tracker's exponential score, checked against figures worked by hand."""
import math
import random
from datetime import timedelta

import pytest

from server.domain import strength_on, strength_series

from .builders import MON, day, done, done_on, habit, rule, schedule, skip, slip

M_DAILY = 0.5 ** (1 / 13)


def naive_strength(h, entries, last, num, den):
    """RULES.md's definition, spelled out day by day with no sliding sums (one rule only)."""
    by_day = {e.day: e for e in entries}
    f = num / den
    m = 0.5 ** (math.sqrt(f) / 13)
    w, r = (2 * den, 2 * num) if h.measure == "check" and f < 1 else (den, num)
    s, t = 0.0, h.start_date
    while t <= last:
        entry = by_day.get(t)
        if entry is None or entry.status != "skipped":
            window = [by_day.get(t - timedelta(days=k)) for k in range(w)]
            window = [e for e in window if e is not None and e.status == "done"]
            if h.measure == "check":
                c = min(1, len(window) / r)
            else:
                c = min(1, sum(e.value for e in window) / (h.rules[0].target * r))
            s = s * m + c * (1 - m)
        t += timedelta(days=1)
    return round(s, 6)


def test_daily_check_habit_checked_once():
    assert strength_on(habit(), done_on(0), MON) == 0.051922


def test_two_done_days_and_a_miss_by_hand():
    series = strength_series(habit(), done_on(0, 1), day(0), day(2))
    assert [v for _, v in series] == [0.051922, round(1 - M_DAILY ** 2, 6), round((1 - M_DAILY ** 2) * M_DAILY, 6)]
    assert [d for d, _ in series] == [day(0), day(1), day(2)]


def test_skipped_day_leaves_strength_unchanged():
    series = strength_series(habit(), [done(day(0)), skip(day(1)), skip(day(2))], day(0), day(3))
    values = [v for _, v in series]
    assert values[0] == values[1] == values[2] == 0.051922
    assert values[3] < values[2]


def test_zero_before_the_start_date():
    series = strength_series(habit(start=day(2)), done_on(2), day(0), day(2))
    assert series == [(day(0), 0.0), (day(1), 0.0), (day(2), 0.051922)]


def test_daily_minutes_partial_value_counts_its_share():
    h = habit(measure="minutes", target=10)
    assert strength_on(h, [done(MON, 5)], MON) == round(0.5 * (1 - M_DAILY), 6)
    assert strength_on(h, [done(MON, 25)], MON) == 0.051922  # capped at the target


def test_per_week_check_uses_a_doubled_window():
    h = habit(schedule("per_week", times=3))
    m = 0.5 ** (math.sqrt(3 / 7) / 13)
    assert strength_on(h, done_on(0), MON) == round((1 - m) / 6, 6)  # 1 of 2 * 3 in 14 days


def test_quit_habit_kept_days_count_and_slips_do_not():
    h = habit(kind="quit", measure="minutes", target=10)
    series = strength_series(h, [slip(day(1), 30), slip(day(2), 5)], day(0), day(2))
    s0 = 1 - M_DAILY
    assert [v for _, v in series] == [round(s0, 6), round(s0 * M_DAILY, 6), round(s0 * M_DAILY ** 2 + 1 - M_DAILY, 6)]


def test_each_day_uses_its_own_rule():
    h = habit(rules=(rule(MON, schedule()), rule(day(2), schedule("per_week", times=1))))
    s = (1 - M_DAILY ** 2)  # two done daily days
    m = 0.5 ** (math.sqrt(1 / 7) / 13)
    expected = s * m + min(1, 2 / 2) * (1 - m)  # day 2: 2 done days in 14, 2 wanted
    assert strength_on(h, done_on(0, 1), day(2)) == round(expected, 6)


@pytest.mark.parametrize("sched, measure, target, num, den", [
    (schedule(), "check", None, 1, 1),
    (schedule("weekdays", days=[0, 3]), "check", None, 2, 7),
    (schedule("per_week", times=4), "check", None, 4, 7),
    (schedule("per_week", times=7), "check", None, 1, 1),
    (schedule("per_month", times=10), "check", None, 10, 30),
    (schedule("every_n_days", n=4), "check", None, 1, 4),
    (schedule(), "count", 8, 1, 1),
    (schedule("per_week", times=3), "minutes", 20, 3, 7),
    (schedule("per_month", times=5), "count", 2.5, 5, 30),
])
def test_matches_the_definition_over_a_year_of_random_history(sched, measure, target, num, den):
    rng = random.Random(f"{sched}{measure}")
    h = habit(sched, measure=measure, target=target)
    entries = []
    for d in range(366):
        roll = rng.random()
        if roll < 0.1:
            entries.append(skip(day(d)))
        elif roll < 0.6:
            entries.append(done(day(d), None if measure == "check" else rng.choice([0, 1.5, 7, 10, 33.3])))
    assert strength_on(h, entries, day(365)) == naive_strength(h, entries, day(365), num, den)
    assert 0 < strength_on(h, entries, day(365)) < 1
