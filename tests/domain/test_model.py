"""Schedules, rules in force, and what makes a day done or kept."""
from datetime import date

import pytest

from server.domain import Entry, Schedule, frequency, is_done, rule_on

from .builders import MON, day, done, habit, rule, schedule, skip, slip


@pytest.mark.parametrize("d", [
    {"type": "daily"},
    {"type": "weekdays", "days": [0, 2, 4]},
    {"type": "per_week", "times": 3},
    {"type": "per_month", "times": 4},
    {"type": "every_n_days", "n": 3},
])
def test_schedule_round_trips_through_its_api_json(d):
    assert Schedule.from_dict(d).to_dict() == d


def test_schedule_weekdays_are_kept_sorted_and_distinct():
    assert Schedule.from_dict({"type": "weekdays", "days": [4, 0, 4]}).days == (0, 4)


def test_unknown_schedule_type_is_refused():
    with pytest.raises(ValueError):
        Schedule.from_dict({"type": "hourly"})


def test_rule_on_picks_the_last_rule_in_effect_and_the_first_before_any():
    first = rule(day(10), schedule("daily"))
    second = rule(day(20), schedule("per_week", times=2))
    h = habit(rules=(first, second), start=day(0))
    assert rule_on(h, day(0)) is first  # before the first rule: the first governs
    assert rule_on(h, day(19)) is first
    assert rule_on(h, day(20)) is second
    assert rule_on(h, date(2030, 1, 1)) is second


def test_build_check_done_only_with_a_done_check_in():
    h = habit()
    assert is_done(h, done(MON), MON)
    assert not is_done(h, skip(MON), MON)
    assert not is_done(h, None, MON)


def test_build_count_is_done_when_the_value_reaches_that_days_target():
    h = habit(measure="count", rules=(rule(MON, schedule(), 10), rule(day(7), schedule(), 20)))
    assert is_done(h, done(day(1), 10), day(1))
    assert not is_done(h, done(day(1), 9.5), day(1))
    assert not is_done(h, done(day(1), 0), day(1))
    assert not is_done(h, done(day(8), 10), day(8))  # the raised target applies from day 7
    assert is_done(h, done(day(8), 20), day(8))


def test_quit_check_any_slip_breaks_the_day():
    h = habit(kind="quit")
    assert is_done(h, None, MON)  # kept without a check-in
    assert not is_done(h, slip(MON), MON)
    assert is_done(h, slip(MON, 0), MON)  # an explicit kept day


def test_quit_minutes_kept_within_the_limit():
    h = habit(kind="quit", measure="minutes", target=30)
    assert is_done(h, slip(MON, 30), MON)
    assert not is_done(h, slip(MON, 31), MON)
    assert is_done(h, slip(MON), MON)  # value defaults to 1, within 30


def test_quit_count_limit_defaults_to_zero():
    h = habit(kind="quit", measure="count", target=None)
    assert not is_done(h, slip(MON), MON)
    assert is_done(h, Entry(MON, "slip", 0), MON)


@pytest.mark.parametrize("sched, kind, expected", [
    (schedule("daily"), "build", (1, 1)),
    (schedule("daily"), "quit", (1, 1)),
    (schedule("weekdays", days=[0, 2, 4]), "build", (3, 7)),
    (schedule("weekdays", days=list(range(7))), "build", (1, 1)),  # Loop: n/n is 1/1
    (schedule("per_week", times=3), "build", (3, 7)),
    (schedule("per_month", times=4), "build", (4, 30)),
    (schedule("every_n_days", n=3), "build", (1, 3)),
])
def test_frequency_as_loop_writes_it(sched, kind, expected):
    assert frequency(habit(sched, kind=kind), rule(MON, sched)) == expected
