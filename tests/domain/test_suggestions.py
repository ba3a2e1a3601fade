"""Suggestions that know what not to touch (issue 24): an appointment is never raised or shrunk,
and per_month habits are judged by their month: in the week in which a month ends, that month
and the one before, both by the rule in force at the week's end. Each case worked by hand."""
from datetime import date, timedelta

import pytest
from hypothesis import given, settings

from server.domain.model import Habit, Rule
from server.domain.weekly import HabitInput, weekly_summary

from .builders import done, schedule, skip
from .strategies import histories

DEC_1 = date(2023, 12, 1)  # a Friday
# January 2024 ends on Wednesday the 31st: it closes in the week Mon 29 Jan - Sun 4 Feb.
CLOSING_WEEK = date(2024, 1, 29)
TODAY = date(2024, 2, 5)  # the Monday after: that week is complete
DEC_MONDAYS = [date(2023, 12, d) for d in (4, 11, 18, 25)]
JAN_MONDAYS = [date(2024, 1, d) for d in (8, 15, 22, 29)]


def monthly(times=4, *, start=DEC_1, rules=None, measure="check", target=None, pauses=(),
            appointment=False, entries=(), name="Try something new"):
    rules = rules or (Rule(start, schedule("per_month", times=times), target, start),)
    spec = Habit("build", measure, start, tuple(rules), 0, tuple(pauses))
    current = rules[-1]
    return HabitInput(id=1, name=name, identity_id=None, kind="build", measure=measure, unit="",
                      target=current.target, schedule=current.schedule.to_dict(), private=False,
                      archived_on=None, spec=spec, entries=list(entries), appointment=appointment)


def suggested(habit, week_start=CLOSING_WEEK, today=TODAY):
    [row] = weekly_summary([habit], [], {}, week_start, today)["habits"]
    return row["suggestion"]


def test_two_months_in_full_raise_it_by_one_time_a_month():
    # December 4 of 4, January 4 of 4: rates (1, 1).
    habit = monthly(entries=[done(d) for d in DEC_MONDAYS + JAN_MONDAYS])
    assert suggested(habit) == {
        "action": "raise", "patch": {"schedule": {"type": "per_month", "times": 5}},
        "text": "You met Try something new in full two months running — try 5 times a month?"}


def test_only_the_week_in_which_a_month_ends_suggests():
    habit = monthly(entries=[done(d) for d in DEC_MONDAYS + JAN_MONDAYS])
    # The week before (22-28 Jan): no month ended in it. The week after (5-11 Feb): none either.
    assert suggested(habit, date(2024, 1, 22)) is None
    assert suggested(habit, date(2024, 2, 5), today=date(2024, 2, 12)) is None
    # The week in which February ends (Mon 26 Feb - Sun 3 Mar): January in full, February 0 of 4.
    assert suggested(habit, date(2024, 2, 26), today=date(2024, 3, 4)) is None  # (0, 1): mixed
    # And the week in progress says nothing yet, even when the month has ended.
    assert suggested(habit, CLOSING_WEEK, today=date(2024, 2, 1)) is None


def test_two_months_below_half_shrink_it_by_one():
    # December 1 of 4 (0.25), January 1 of 4 (0.25).
    habit = monthly(entries=[done(DEC_MONDAYS[0]), done(JAN_MONDAYS[0])])
    assert suggested(habit) == {
        "action": "shrink", "patch": {"schedule": {"type": "per_month", "times": 3}},
        "text": "Try something new has been a stretch lately. Fewer, kept, beats more, missed "
                "— try 3 times a month?"}


@pytest.mark.parametrize("december, january", [
    (4, 1),  # (0.25, 1): this month low, the one before in full
    (1, 4),  # (1, 0.25)
    (2, 2),  # (0.5, 0.5): half is not below half
    (3, 4),  # (1, 0.75)
])
def test_mixed_months_suggest_nothing(december, january):
    habit = monthly(entries=[done(d) for d in DEC_MONDAYS[:december] + JAN_MONDAYS[:january]])
    assert suggested(habit) is None


def test_skipped_days_lower_what_the_month_asks():
    # December: 2 skipped days and 2 done: requirement min(max(0, 4 - 2), 31 - 2) = 2, met.
    entries = [skip(date(2023, 12, 5)), skip(date(2023, 12, 6)), done(DEC_MONDAYS[0]),
               done(DEC_MONDAYS[1])] + [done(d) for d in JAN_MONDAYS]
    assert suggested(monthly(entries=entries))["action"] == "raise"
    # Only 1 done of those 2: 0.5 in December, not in full.
    assert suggested(monthly(entries=entries[:3] + entries[4:])) is None


def test_a_month_that_asked_nothing_suggests_nothing():
    # December paused throughout: its requirement is 0 (no rate), so no judgement of two months.
    habit = monthly(entries=[done(d) for d in JAN_MONDAYS],
                    pauses=[(DEC_1, date(2023, 12, 31))])
    assert suggested(habit) is None


def test_a_first_month_begun_late_is_judged_from_its_start():
    # Started on 20 December: its first month is 20-31 December, asking min(4, 12) = 4.
    start = date(2023, 12, 20)
    dec = [date(2023, 12, d) for d in (20, 22, 27, 29)]
    habit = monthly(start=start, entries=[done(d) for d in dec + JAN_MONDAYS])
    assert suggested(habit)["patch"] == {"schedule": {"type": "per_month", "times": 5}}
    habit = monthly(start=start, entries=[done(dec[0])] + [done(JAN_MONDAYS[0])])
    assert suggested(habit)["patch"] == {"schedule": {"type": "per_month", "times": 3}}


def test_a_new_rule_gets_two_months_of_its_own():
    # 3 a month until 9 January, 4 from the 10th: January is judged by the rule of its first day
    # (3 a month), not the rule in force now, so the two months say nothing about 4 a month.
    rules = (Rule(DEC_1, schedule("per_month", times=3), None, DEC_1),
             Rule(date(2024, 1, 10), schedule("per_month", times=4), None, DEC_1))
    habit = monthly(rules=rules, entries=[done(d) for d in DEC_MONDAYS + JAN_MONDAYS])
    assert suggested(habit) is None


def test_a_monthly_amount_is_raised_by_a_quarter():
    # 30 minutes, twice a month: two days of at least 30 in each month. 30 × 1.25 = 37.5, up to
    # a multiple of 5: 40.
    entries = [done(d, 30) for d in DEC_MONDAYS[:2] + JAN_MONDAYS[:2]] + [
        done(DEC_MONDAYS[2], 10)]  # a short day does not count as done
    habit = monthly(times=2, measure="minutes", target=30, entries=entries, name="Long walk")
    assert suggested(habit) == {
        "action": "raise", "patch": {"target": 40},
        "text": "You met Long walk in full two months running — try 40 minutes?"}
    # One of those days short in January: 1 of 2 is half, not below it: nothing.
    entries[3] = done(JAN_MONDAYS[1], 25)
    assert suggested(monthly(times=2, measure="minutes", target=30, entries=entries)) is None


def test_thirty_one_times_a_month_is_never_raised():
    days = [DEC_1 + timedelta(days=i) for i in range(62)]  # every day of December and January
    assert suggested(monthly(times=31, entries=[done(d) for d in days])) is None


WEEKLY_CASES = [  # (schedule, measure, target, done days in each of two weeks)
    ({"type": "per_week", "times": 1}, "check", None, 1),  # met: would be raised
    ({"type": "per_week", "times": 2}, "check", None, 0),  # missed: would be shrunk
    ({"type": "weekdays", "days": [0, 2]}, "check", None, 2),
    ({"type": "daily"}, "minutes", 50, 7),
    ({"type": "daily"}, "minutes", 50, 0),
]


@pytest.mark.parametrize("sched, measure, target, per_week", WEEKLY_CASES)
def test_an_appointment_is_never_raised_or_shrunk(sched, measure, target, per_week):
    start = date(2024, 1, 1)  # a Monday
    rule = Rule(start, schedule(**sched), target, start)
    spec = Habit("build", measure, start, (rule,), 0)
    days = [start + timedelta(days=7 * week + i) for week in range(2) for i in (0, 2, 4, 1, 3,
                                                                             5, 6)[:per_week]]
    entries = [done(d, target) for d in days]

    def row(appointment):
        habit = HabitInput(id=1, name="Therapy session", identity_id=None, kind="build",
                           measure=measure, unit="", target=target, schedule=sched,
                           private=False, archived_on=None, spec=spec, entries=entries,
                           appointment=appointment)
        [row] = weekly_summary([habit], [], {}, start + timedelta(days=7),
                               start + timedelta(days=14))["habits"]
        return row
    assert row(False)["suggestion"] is not None  # the same numbers suggest a change...
    assert row(True)["suggestion"] is None  # ...that an appointment never gets
    assert row(True)["rate"] == row(False)["rate"]  # and it is counted as ever


def test_a_monthly_appointment_is_never_raised_or_shrunk():
    for entries in ([done(d) for d in DEC_MONDAYS + JAN_MONDAYS], []):
        assert suggested(monthly(entries=entries)) is not None
        assert suggested(monthly(entries=entries, appointment=True)) is None


def as_input(spec, entries, appointment):
    current = spec.rules[-1]
    return HabitInput(id=1, name="Therapy", identity_id=None, kind=spec.kind, measure=spec.measure,
                      unit="", target=current.target, schedule=current.schedule.to_dict(),
                      private=False, archived_on=None, spec=spec, entries=entries,
                      appointment=appointment)


@settings(max_examples=150, deadline=None)
@given(histories())
def test_an_appointment_is_never_suggested_whatever_its_history(history):
    """For any habit and days: marked an appointment, no week suggests a change, and every other
    figure of its rows is what it would be unmarked."""
    spec, entries, today = history
    for back in range(4):
        week_start = today - timedelta(days=today.weekday() + 7 * back)
        plain = weekly_summary([as_input(spec, entries, False)], [], {}, week_start, today)
        marked = weekly_summary([as_input(spec, entries, True)], [], {}, week_start, today)
        assert all(row["suggestion"] is None for row in marked["habits"])
        for row in plain["habits"]:
            row["suggestion"] = None
        assert marked == plain
