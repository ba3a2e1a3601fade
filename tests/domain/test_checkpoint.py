"""Checkpoints: the state at a period boundary, resumed with only the recent check-ins."""
import json
from datetime import timedelta

import pytest

from server.domain import (Checkpoint, Streak, TodayState, best_streak, done_days,
                           make_checkpoint, resume, today_state)

from .builders import day, done, done_on, habit, rule, schedule, skip


def round_trip(checkpoint):
    return Checkpoint.from_dict(json.loads(json.dumps(checkpoint.to_dict())))


def test_daily_checkpoint_covers_through_the_day_given():
    h = habit()
    entries = done_on(*range(30))
    cp = make_checkpoint(h, entries, day(29))
    assert (cp.as_of, cp.entries_from) == (day(29), day(29))
    assert cp.run == Streak(30, "days", day(0), day(29))
    assert cp.total_done == 30
    since = [e for e in entries if e.day >= cp.entries_from]
    assert resume(h, cp, since, day(30)) == TodayState(True, False, Streak(30, "days", day(0), day(29)),
                                                       today_state(h, entries, day(30)).strength)


def test_per_week_checkpoint_stops_at_the_last_week_end():
    h = habit(schedule("per_week", times=2), start=day(-28))
    cp = make_checkpoint(h, done_on(0, 2, 8), day(9))  # Wednesday of the second week
    assert cp.as_of == day(6)
    assert cp.entries_from == day(7) - timedelta(days=14)  # a doubled 14-day window
    assert cp.run == Streak(1, "weeks", day(0), day(6))
    assert make_checkpoint(habit(schedule("per_week", times=2)), [], day(9)).entries_from == day(0)


def test_before_the_first_period_ends_the_checkpoint_is_empty():
    h = habit(schedule("per_month", times=3))
    cp = make_checkpoint(h, done_on(0), day(10))
    assert (cp.as_of, cp.strength, cp.total_done, cp.run.length) == (day(-1), 0.0, 0, 0)
    assert cp.entries_from == day(0)
    assert resume(h, cp, done_on(0), day(10)) == today_state(h, done_on(0), day(10))


def test_entries_from_reaches_back_the_widest_window_still_to_come():
    h = habit(start=day(-100),
              rules=(rule(day(-100), schedule()), rule(day(100), schedule("every_n_days", n=30))))
    cp = make_checkpoint(h, [], day(50))
    assert cp.as_of == day(50)
    assert cp.entries_from == day(51) - timedelta(days=60)


def test_checkpoint_remembers_best_streak_and_total_done():
    h = habit()
    entries = done_on(0, 1, 2, 5, 6) + [skip(day(7)), done(day(8))]
    cp = make_checkpoint(h, entries, day(8))
    assert cp.best == best_streak(h, entries, day(8)) == Streak(3, "days", day(5), day(8))
    assert cp.total_done == len(done_days(h, entries, day(0), day(8))) == 6


def test_round_trip_through_json_is_exact():
    h = habit(measure="minutes", target=7)
    entries = [done(day(d), 0.1 * d) for d in range(40)]
    cp = make_checkpoint(h, entries, day(39))
    assert round_trip(cp) == cp
    assert isinstance(cp.to_dict()["as_of"], str)


def test_unknown_version_is_refused():
    data = make_checkpoint(habit(), [], day(3)).to_dict()
    data["version"] = 99
    with pytest.raises(ValueError):
        Checkpoint.from_dict(data)


def test_resume_refuses_a_day_the_checkpoint_already_covers():
    h = habit()
    cp = make_checkpoint(h, [], day(3))
    with pytest.raises(ValueError):
        resume(h, cp, [], day(3))
