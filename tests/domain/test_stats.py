"""GET /habits/{id}/stats, done days and completion rates."""
from server.domain import done_days, habit_stats

from .builders import day, done, done_on, habit, schedule, skip, slip


def test_stats_shape_and_values_for_a_daily_habit():
    entries = done_on(0, 1, 2, 4, 5, 6, 7, 8, 9)
    stats = habit_stats(habit(), entries, day(11))  # day 3 and 10 missed, day 11 open
    assert set(stats) == {"as_of", "strength", "current_streak", "best_streak", "streaks",
                          "total_done", "completion_rate", "by_weekday"}
    assert stats["as_of"] == day(11)
    assert stats["current_streak"] == {"length": 0, "unit": "days", "start": None, "end": None}
    assert stats["best_streak"] == {"length": 6, "unit": "days", "start": day(4), "end": day(9)}
    assert [s["length"] for s in stats["streaks"]] == [6, 3]
    assert stats["total_done"] == 9
    assert stats["completion_rate"] == {"7": 5 / 6, "30": 9 / 11, "365": 9 / 11}
    assert stats["by_weekday"] == [2, 2, 2, 0, 1, 1, 1]
    assert 0 < stats["strength"] < 1


def test_completion_rate_counts_the_current_period_only_once_met():
    h = habit(schedule("per_week", times=2))
    entries = done_on(0, 1, 14)
    assert habit_stats(h, entries, day(15))["completion_rate"] == {"7": 0.0, "30": 0.5, "365": 0.5}
    entries.append(done(day(15)))
    assert habit_stats(h, entries, day(15))["completion_rate"] == {"7": 0.5, "30": 2 / 3, "365": 2 / 3}


def test_completion_rate_leaves_out_neutral_periods_and_is_null_without_periods():
    h = habit()
    assert habit_stats(h, [skip(day(0)), skip(day(1))], day(2))["completion_rate"]["7"] is None
    assert habit_stats(h, [skip(day(0)), done(day(1))], day(1))["completion_rate"]["7"] == 1.0


def test_stats_before_the_start_date():
    stats = habit_stats(habit(start=day(5)), [], day(1))
    assert stats["strength"] == 0.0 and stats["total_done"] == 0 and stats["streaks"] == []
    assert stats["by_weekday"] == [0] * 7
    assert stats["completion_rate"] == {"7": None, "30": None, "365": None}


def test_quit_habit_counts_kept_days_everywhere():
    h = habit(kind="quit")
    entries = [slip(day(2)), slip(day(9))]
    stats = habit_stats(h, entries, day(13))  # two weeks, two slips on Wednesdays
    assert stats["total_done"] == 12
    assert stats["by_weekday"] == [2, 2, 0, 2, 2, 2, 2]
    assert stats["current_streak"] == {"length": 4, "unit": "days", "start": day(10), "end": day(13)}
    assert done_days(h, entries, day(0), day(3)) == [day(0), day(1), day(3)]


def test_done_days_are_the_votes():
    h = habit(measure="count", target=5)
    entries = [done(day(0), 5), done(day(1), 4), skip(day(2)), done(day(3), 9)]
    assert done_days(h, entries, day(0), day(10)) == [day(0), day(3)]
    assert done_days(h, entries, day(1), day(2)) == []
