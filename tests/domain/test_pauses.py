"""Pauses (RULES.md "Pauses"): a paused day without a check-in counts exactly as a skipped day,
for every habit, rule history and set of check-ins; a check-in on a paused day counts; a paused
day is never due."""
import dataclasses
import json
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.domain import (Checkpoint, Entry, best_streak, calendar, current_streak, habit_stats,
                           is_due, make_checkpoint, resume, strength_series, streaks, today_state)
from server.domain.model import paused_on
from server.domain.summary import HabitHistory

from .builders import day, done, done_on, habit, schedule, slip
from .strategies import SPAN, histories

ONE_DAY = timedelta(days=1)


def paused(h, pauses):
    """The habit with these pauses."""
    return dataclasses.replace(h, pauses=tuple(pauses))


def as_skipped(h, entries, today):
    """The same habit without pauses, and its check-ins with every paused day that has none
    marked skipped: what a paused habit must behave exactly like."""
    taken = {e.day for e in entries}
    extra = []
    d = h.start_date
    while d <= today:
        if paused_on(h, d) and d not in taken:
            extra.append(Entry(d, "skipped", None))
        d += ONE_DAY
    return paused(h, ()), sorted(entries + extra, key=lambda e: e.day)


def assert_like_skipped(h, entries, today):
    """Streaks, strength, due, Today's state, stats and the calendar of habit `h` (with pauses),
    day by day up to today, equal those of the same days marked skipped."""
    s, skipped = as_skipped(h, entries, today)
    series = strength_series(h, entries, h.start_date, today)
    assert series == strength_series(s, skipped, s.start_date, today)
    taken = {e.day for e in entries}
    for (_, before), (d, value) in zip(series, series[1:]):
        if paused_on(h, d) and d not in taken:
            assert value == before, d  # strength unchanged on a paused day
    d = h.start_date
    while d <= today:
        assert streaks(h, entries, d) == streaks(s, skipped, d), d
        assert current_streak(h, entries, d) == current_streak(s, skipped, d), d
        assert best_streak(h, entries, d) == best_streak(s, skipped, d), d
        # A skipped day's own check-in is left out of `due`; a pause is not a check-in.
        want_due = not paused_on(h, d) and is_due(s, skipped, d, today)
        assert is_due(h, entries, d, today) == want_due, d
        mine, theirs = today_state(h, entries, d), today_state(s, skipped, d)
        assert mine == dataclasses.replace(theirs, due=theirs.due and not paused_on(h, d)), d
        d += ONE_DAY
    if today >= h.start_date:
        assert habit_stats(h, entries, today) == habit_stats(s, skipped, today)
        weeks = HabitHistory(h, entries, today), HabitHistory(s, skipped, today)
        for back in range(0, (today - h.start_date).days + 7, 7):
            mine, theirs = (w.week(today - timedelta(days=back)) for w in weeks)
            if mine is not None:  # left out of the weekly summary's counts as skipped days are
                assert (mine.scheduled, mine.done) == (theirs.scheduled, theirs.done)
                assert mine.skipped + mine.paused == theirs.skipped
    states = [(c.day, c.state) for c in calendar(h, entries, h.start_date - 3 * ONE_DAY, today,
                                                 today)]
    expected = [(c.day, "paused" if paused_on(h, c.day) and c.day not in taken and
                 c.state != "before_start" else c.state)
                for c in calendar(s, skipped, s.start_date - 3 * ONE_DAY, today, today)]
    assert states == expected


@st.composite
def pauses(draw, start):
    """Up to three pauses around the history, some of them open-ended, possibly overlapping (an
    account-wide pause and a habit's own may)."""
    ranges = []
    for _ in range(draw(st.integers(0, 3))):
        first = start + timedelta(days=draw(st.integers(-10, SPAN + 5)))
        length = draw(st.one_of(st.none(), st.integers(0, 40)))
        ranges.append((first, None if length is None else first + timedelta(days=length)))
    return ranges


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(histories(), st.data())
def test_paused_days_behave_exactly_like_skipped_days(history, data):
    h, entries, today = history
    h = paused(h, data.draw(pauses(h.start_date)))
    assert_like_skipped(h, entries, today)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(histories(), st.data())
def test_resuming_a_checkpoint_with_pauses_equals_recomputing(history, data):
    h, entries, today = history
    h = paused(h, data.draw(pauses(h.start_date)))
    through = today - timedelta(days=data.draw(st.integers(1, 60)))
    checkpoint = Checkpoint.from_dict(json.loads(json.dumps(
        make_checkpoint(h, entries, through).to_dict())))
    since = [e for e in entries if e.day >= checkpoint.entries_from]
    assert resume(h, checkpoint, since, today) == today_state(h, entries, today)


def test_a_pause_inside_a_per_week_week_shrinks_its_requirement():
    h = habit(schedule("per_week", times=3), start=day(-7))
    # Monday and Tuesday done, then paused Wednesday to Sunday: 3 - 5 leaves nothing to ask.
    week = paused(h, [(day(2), day(6))])
    assert_like_skipped(week, done_on(0, 1), day(13))
    assert current_streak(week, done_on(0), day(6)).length == 0  # neutral: nothing met
    # Paused Friday to Sunday: 3 - 3 = 0 asked, so the week bridges the streak.
    three = paused(h, [(day(4), day(6))])
    entries = done_on(-7, -6, -5, 7, 8, 9)
    assert current_streak(three, entries, day(9)).length == 2
    assert current_streak(h, entries, day(9)).length == 1
    # Paused Saturday and Sunday only: 3 - 2 = 1 asked, met by Monday's.
    two = paused(h, [(day(5), day(6))])
    assert current_streak(two, done_on(-7, -6, -5, 0), day(6)).length == 2
    assert is_due(two, done_on(-7), day(5)) is False
    assert_like_skipped(two, done_on(-7, -6, -5, 0), day(13))


def test_a_pause_across_a_month_for_a_per_month_habit():
    start = date(2024, 1, 1)
    h = habit(schedule("per_month", times=10), start=start)
    # Paused from the 20th of January to the 10th of February: January asks 10 - 12 -> 0...
    p = paused(h, [(date(2024, 1, 20), date(2024, 2, 10))])
    entries = [done(date(2024, 1, d)) for d in range(1, 6)] + \
              [done(date(2024, 2, d)) for d in range(11, 20)]
    assert_like_skipped(p, entries, date(2024, 3, 5))
    months = calendar(p, entries, date(2024, 1, 1), date(2024, 2, 29), date(2024, 3, 5))
    assert {c.state for c in months if date(2024, 1, 20) <= c.day <= date(2024, 2, 10)} == \
        {"paused"}
    # ...and February 10 - 10 -> 0: both months neutral, nothing missed, nothing met.
    assert current_streak(p, entries, date(2024, 3, 5)).length == 0
    assert [s.length for s in streaks(p, entries, date(2024, 3, 5))] == []
    assert habit_stats(p, entries, date(2024, 2, 29))["completion_rate"]["30"] is None


def test_a_pause_over_an_every_n_days_window():
    h = habit(schedule("every_n_days", n=3))
    # Windows 0-2, 3-5, 6-8: the middle one paused whole, so it bridges the run.
    p = paused(h, [(day(3), day(5))])
    assert current_streak(p, done_on(0, 7), day(8)).length == 2
    assert current_streak(h, done_on(0, 7), day(8)).length == 1
    assert_like_skipped(p, done_on(0, 7), day(12))
    # Part of a window paused: as with a skipped day, n = 1 - 1 leaves the window nothing to ask.
    part = paused(h, [(day(4), day(4))])
    assert is_due(part, [], day(5)) is False and is_due(h, [], day(5)) is True
    assert current_streak(part, done_on(0, 7), day(8)).length == 2
    assert_like_skipped(part, done_on(0, 7), day(12))


def test_a_pause_on_a_quit_habit_is_neutral_and_keeps_strength():
    h = habit(kind="quit", start=day(0))
    p = paused(h, [(day(5), day(9))])
    entries = [slip(day(2))]
    state = today_state(p, entries, day(12))
    plain = today_state(h, entries, day(12))
    assert state.current_streak.length == plain.current_streak.length - 5  # paused days bridge
    assert strength_series(p, entries, day(5), day(9)) == [
        (day(d), strength_series(p, entries, day(4), day(4))[0][1]) for d in range(5, 10)]
    assert habit_stats(p, entries, day(12))["total_done"] == 13 - 1 - 5
    assert today_state(p, entries, day(7)).due is False
    # A slip on a paused day still counts.
    slipped = entries + [slip(day(7))]
    assert today_state(p, slipped, day(12)).current_streak.length == 3
    assert_like_skipped(p, slipped, day(14))


def test_an_open_ended_pause_rests_every_day_from_its_start():
    h = habit(start=day(0))
    p = paused(h, [(day(10), None)])
    entries = done_on(*range(10))
    for later in (10, 30, 400):
        state = today_state(p, entries, day(later))
        assert (state.due, state.current_streak.length) == (False, 10)
        assert state.strength == today_state(p, entries, day(9)).strength
    # A check-in while paused counts: the streak grows and strength rises.
    more = entries + [done(day(20))]
    assert today_state(p, more, day(20)).current_streak.length == 11
    assert today_state(p, more, day(20)).strength > today_state(p, entries, day(20)).strength
    assert_like_skipped(p, more, day(60))


def test_a_pause_removed_afterwards_leaves_no_trace():
    h = habit(schedule("weekdays", days=[0, 2, 4]), start=day(0))
    entries = done_on(0, 2, 4, 14)
    p = paused(h, [(day(7), day(13))])
    assert today_state(p, entries, day(14)).current_streak.length == 4
    cp = make_checkpoint(p, entries, day(20))
    # Removed: a checkpoint of the paused habit no longer fits; recomputed, it is as if never.
    removed = paused(p, [])
    assert today_state(removed, entries, day(24)) == today_state(h, entries, day(24))
    assert today_state(removed, entries, day(24)).current_streak.length == 0
    assert resume(p, cp, entries, day(24)) == today_state(p, entries, day(24))
    assert resume(removed, make_checkpoint(removed, entries, day(20)), entries, day(24)) == \
        today_state(h, entries, day(24))
