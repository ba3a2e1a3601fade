"""Invariants that must hold for every habit, rule history and set of check-ins."""
import json
from datetime import timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from server.domain import (Checkpoint, Entry, TodayState, best_streak, current_streak, is_done,
                           is_due, make_checkpoint, periods, resume, strength_on, strength_series,
                           streaks, today_state)
from server.domain.periods import period_containing

from .strategies import histories

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(histories())
def test_periods_tile_the_timeline_from_the_start_date(history):
    habit, entries, today = history
    ps = periods(habit, entries, today, today)
    assert ps[0].start == habit.start_date
    assert all(a.end + timedelta(days=1) == b.start for a, b in zip(ps, ps[1:]))
    assert ps[-1].start <= today <= ps[-1].end
    assert all(p.state != "open" for p in ps[:-1])
    for p in ps:
        assert period_containing(habit, p.end)[:2] == (p.start, p.end)


@FAST
@given(histories())
def test_streaks_count_exactly_the_met_periods_and_current_is_at_most_best(history):
    habit, entries, today = history
    met = sum(p.state == "met" for p in periods(habit, entries, today, today))
    every = streaks(habit, entries, today)
    # Every met period belongs to exactly one streak, so "at most" holds with equality.
    assert sum(s.length for s in every) == met
    assert current_streak(habit, entries, today).length <= best_streak(habit, entries, today).length
    assert all(s.end <= today and s.start <= s.end for s in every)
    assert all(a.start > b.end for a, b in zip(every, every[1:]))  # newest first, disjoint


@FAST
@given(histories())
def test_strength_stays_in_bounds_and_skipped_days_freeze_it(history):
    habit, entries, today = history
    series = strength_series(habit, entries, habit.start_date, today)
    assert all(0 <= value <= 1 for _, value in series)
    skipped = {e.day for e in entries if e.status == "skipped"}
    for (_, before), (d, value) in zip(series, series[1:]):
        if d in skipped:
            assert value == before


@FAST
@given(histories(), st.data())
def test_a_new_done_day_never_lowers_strength_nor_shortens_a_streak(history, data):
    habit, entries, today = history
    taken = {e.day for e in entries}
    free = [habit.start_date + timedelta(days=i) for i in range((today - habit.start_date).days + 1)]
    free = [d for d in free if d not in taken]
    assume(free)
    d = data.draw(st.sampled_from(free))
    if habit.kind == "quit":
        new = Entry(d, "slip", 0)  # a quit day is already kept: an explicit kept day changes nothing
    else:
        new = Entry(d, "done", None if habit.measure == "check" else 1000)
    more = entries + [new]
    before = strength_series(habit, entries, habit.start_date, today)
    after = strength_series(habit, more, habit.start_date, today)
    assert all(b <= a for (_, b), (_, a) in zip(before, after))
    new_streaks = streaks(habit, more, today)
    for old in streaks(habit, entries, today):
        assert any(s.unit == old.unit and s.start <= old.start and old.end <= s.end and s.length >= old.length
                   for s in new_streaks)
    assert current_streak(habit, more, today).length >= current_streak(habit, entries, today).length
    assert best_streak(habit, more, today).length >= best_streak(habit, entries, today).length


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(), st.data())
def test_resuming_a_checkpoint_equals_recomputing_everything(history, data):
    habit, entries, today = history
    through = today - timedelta(days=data.draw(st.integers(1, 60)))
    checkpoint = make_checkpoint(habit, entries, through)
    checkpoint = Checkpoint.from_dict(json.loads(json.dumps(checkpoint.to_dict())))
    assert checkpoint.as_of <= max(through, habit.start_date - timedelta(days=1))
    since = [e for e in entries if e.day >= checkpoint.entries_from]
    full = today_state(habit, entries, today)
    assert resume(habit, checkpoint, since, today) == full
    assert full == TodayState(is_due(habit, entries, today),
                              is_done(habit, next((e for e in entries if e.day == today), None), today),
                              current_streak(habit, entries, today), strength_on(habit, entries, today))
