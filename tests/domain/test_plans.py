"""If-then plans in the domain (issue 24): what Today shows, and which weeks of the summary
bring a habit's plan back (a complete week that went hard), worked by hand."""
from dataclasses import replace
from datetime import date, timedelta

import pytest

from server.domain.model import Habit, Rule
from server.domain.plans import plan_of, sentence, today_plan
from server.domain.weekly import HabitInput, weekly_summary

from .builders import done, schedule, skip, slip

MON = date(2024, 1, 1)  # a Monday
PLAN = {"cue": "I get home", "action": "walk 20 minutes"}


def habit_input(sched=None, kind="build", start=MON, entries=(), private=False, **fields):
    sched = sched or schedule()
    spec = Habit(kind, "check", start, (Rule(start, sched, None, start),), 0)
    return HabitInput(id=1, name="Walk", identity_id=None, kind=kind, measure="check", unit="",
                      target=None, schedule=sched.to_dict(), private=private, archived_on=None,
                      spec=spec, entries=list(entries), plan_cue=PLAN["cue"],
                      plan_action=PLAN["action"], **fields)


def plan_in(habit, week_start, today, hide_private=False):
    [row] = weekly_summary([habit], [], {}, week_start, today, hide_private)["habits"]
    return row["plan"]


def days(first, count):
    return [first + timedelta(days=i) for i in range(count)]


@pytest.mark.parametrize("done_days, shown", [(0, True), (3, True), (4, False), (7, False)])
def test_a_daily_habit_below_half_brings_its_plan_back(done_days, shown):
    # 3 of 7 is below half (0.43); 4 of 7 is not (0.57).
    habit = habit_input(entries=[done(d) for d in days(MON, done_days)])
    assert plan_in(habit, MON, MON + timedelta(days=7)) == (PLAN if shown else None)


def test_skipped_days_are_not_asked_for():
    # 2 done, 4 skipped: 2 of 3 asked, not below half.
    entries = [done(MON), done(MON + timedelta(days=1))] + [skip(d) for d in days(
        MON + timedelta(days=2), 4)]
    assert plan_in(habit_input(entries=entries), MON, MON + timedelta(days=7)) is None


def test_only_a_complete_week_brings_it_back():
    habit = habit_input()  # nothing done at all
    assert plan_in(habit, MON, MON + timedelta(days=6)) is None  # Sunday: the week is not over
    assert plan_in(habit, MON, MON + timedelta(days=7)) == PLAN


def test_a_quit_habit_with_one_slip_brings_its_plan_back():
    assert plan_in(habit_input(kind="quit"), MON, MON + timedelta(days=7)) is None  # all kept
    habit = habit_input(kind="quit", entries=[slip(MON + timedelta(days=3))])
    assert plan_in(habit, MON, MON + timedelta(days=7)) == PLAN


def test_a_monthly_habit_is_judged_by_the_month_that_ended():
    # 4 a month from 1 January 2024; January ends in the week of Monday 29 January.
    sched = schedule("per_month", times=4)
    week, after = date(2024, 1, 29), date(2024, 2, 5)
    one = habit_input(sched, entries=[done(date(2024, 1, 8))])  # 1 of 4 in January
    assert plan_in(one, week, after) == PLAN
    # Its first month counts too: no month before it is needed, unlike a suggestion.
    two = habit_input(sched, entries=[done(date(2024, 1, d)) for d in (8, 15)])  # 2 of 4: half
    assert plan_in(two, week, after) is None
    # A week in which no month ends says nothing of the month so far.
    assert plan_in(one, date(2024, 1, 22), date(2024, 1, 29)) is None


def test_a_hidden_private_habit_never_shows_its_plan():
    habit = habit_input(private=True)
    assert plan_in(habit, MON, MON + timedelta(days=7)) == PLAN  # in the app: the user's own
    assert plan_in(habit, MON, MON + timedelta(days=7), hide_private=True) is None


def test_without_a_plan_there_is_none_to_show():
    habit = replace(habit_input(), plan_cue="", plan_action="")
    assert plan_in(habit, MON, MON + timedelta(days=7)) is None


def test_today_shows_a_plan_until_done_and_a_quit_habits_all_day():
    assert today_plan("I get home", "walk", "build", done=False, resting=False) == {
        "cue": "I get home", "action": "walk"}
    assert today_plan("I get home", "walk", "build", done=True, resting=False) is None
    assert today_plan("an urge", "wait", "quit", done=True, resting=False) is not None
    assert today_plan("an urge", "wait", "quit", done=False, resting=False) is not None
    assert today_plan("I get home", "walk", "build", done=False, resting=True) is None
    assert today_plan("", "walk", "build", done=False, resting=False) is None


def test_a_plan_needs_both_halves_and_reads_as_one_sentence():
    assert plan_of(" I get home ", "walk") == {"cue": "I get home", "action": "walk"}
    assert plan_of("I get home", "  ") is None
    assert sentence("When I get home,", "I will walk") == "When I get home, I will walk"
    assert sentence("I wake", "I'll stretch") == "When I wake, I will stretch"
    assert sentence("whenever", "I willingly read") == "When whenever, I will I willingly read"
