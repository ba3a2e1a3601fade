"""Streaks: runs of met periods, bridged by neutral ones, ended by a miss or a unit change."""
from datetime import date

from server.domain import Streak, best_streak, current_streak, is_done, streaks

from .builders import MON, day, done, done_on, habit, rule, schedule, skip, slip


def test_daily_streaks_newest_first_with_current_and_best():
    entries = done_on(0, 1, 2, 4, 5)
    h = habit()
    assert streaks(h, entries, day(6)) == [Streak(2, "days", day(4), day(5)), Streak(3, "days", day(0), day(2))]
    assert current_streak(h, entries, day(6)) == Streak(2, "days", day(4), day(5))  # today still open
    assert best_streak(h, entries, day(6)) == Streak(3, "days", day(0), day(2))


def test_missing_yesterday_ends_the_current_streak():
    assert current_streak(habit(), done_on(0, 1), day(3)) == Streak(0, "days", None, None)


def test_skipped_day_bridges_without_counting():
    entries = [done(day(0)), done(day(1)), skip(day(2)), done(day(3))]
    assert current_streak(habit(), entries, day(3)) == Streak(3, "days", day(0), day(3))


def test_open_period_extends_the_streak_once_met():
    h = habit()
    assert current_streak(h, done_on(0, 1), day(2)) == Streak(2, "days", day(0), day(1))
    assert current_streak(h, done_on(0, 1, 2), day(2)) == Streak(3, "days", day(0), day(2))


def test_back_filled_check_in_joins_two_streaks():
    h = habit()
    assert [s.length for s in streaks(h, done_on(0, 1, 3, 4), day(4))] == [2, 2]
    assert streaks(h, done_on(0, 1, 2, 3, 4), day(4)) == [Streak(5, "days", day(0), day(4))]


def test_weekdays_streak_counts_scheduled_days_only():
    h = habit(schedule("weekdays", days=[0, 2, 4]))
    assert current_streak(h, done_on(0, 2, 4, 7, 9, 11), day(13)) == Streak(6, "days", day(0), day(11))


def test_per_week_streak_end_never_later_than_the_day_asked_about():
    h = habit(schedule("per_week", times=2))
    entries = done_on(1, 3, 7, 8)
    assert current_streak(h, entries, day(9)) == Streak(2, "weeks", day(0), day(9))
    assert current_streak(h, entries, day(20)) == Streak(2, "weeks", day(0), day(13))  # week 3 open
    assert current_streak(h, entries, day(21)) == Streak(0, "weeks", None, None)  # week 3 missed
    assert best_streak(h, entries, day(21)) == Streak(2, "weeks", day(0), day(13))


def test_per_week_streak_bridges_a_week_excused_by_skips():
    h = habit(schedule("per_week", times=1))
    entries = [done(day(0))] + [skip(day(d)) for d in range(7, 14)] + [done(day(15))]
    assert current_streak(h, entries, day(16)) == Streak(2, "weeks", day(0), day(16))


def test_best_streak_ties_go_to_the_most_recent():
    assert best_streak(habit(), done_on(0, 1, 3, 4), day(6)) == Streak(2, "days", day(3), day(4))


def test_no_streak_at_all():
    assert best_streak(habit(), [], day(3)) == Streak(0, "days", None, None)
    assert streaks(habit(), [], day(3)) == []


def test_quit_current_streak_counts_days_since_the_last_slip_today_included():
    h = habit(kind="quit")
    assert current_streak(h, [], day(6)) == Streak(7, "days", day(0), day(6))
    assert current_streak(h, [slip(day(3))], day(6)) == Streak(3, "days", day(4), day(6))
    assert current_streak(h, [slip(day(6))], day(6)) == Streak(0, "days", None, None)


def test_quit_slips_over_and_under_the_limit():
    h = habit(kind="quit", measure="count", target=2)
    entries = [slip(day(1), 2), slip(day(3), 3), slip(day(5), 0)]
    assert streaks(h, entries, day(6)) == [Streak(3, "days", day(4), day(6)), Streak(3, "days", day(0), day(2))]


def test_raised_target_leaves_earlier_days_done_and_the_streak_intact():
    h = habit(measure="minutes", rules=(rule(MON, schedule(), 10), rule(day(21), schedule(), 15)))
    entries = [done(day(d), 12) for d in range(25)]
    assert all(is_done(h, e, e.day) for e in entries[:21])
    assert not is_done(h, entries[21], day(21))
    assert current_streak(h, entries, day(20)) == Streak(21, "days", day(0), day(20))
    assert streaks(h, entries, day(25)) == [Streak(21, "days", day(0), day(20))]
    assert best_streak(h, entries, day(25)) == Streak(21, "days", day(0), day(20))


def test_daily_to_per_week_ends_the_day_streak_and_starts_a_week_streak():
    # Day 10 is a Thursday: a partial week Thursday..Sunday asks for 2 of its 4 days.
    h = habit(rules=(rule(MON, schedule()), rule(day(10), schedule("per_week", times=2))))
    entries = done_on(*range(10), 10)
    assert current_streak(h, entries, day(10)) == Streak(0, "weeks", None, None)
    entries.append(done(day(11)))
    assert streaks(h, entries, day(12)) == [Streak(1, "weeks", day(10), day(12)),
                                            Streak(10, "days", day(0), day(9))]
    assert current_streak(h, entries, day(12)).unit == "weeks"
    # Lengths are compared as numbers, whatever their units.
    assert best_streak(h, entries, day(12)) == Streak(10, "days", day(0), day(9))


def test_a_change_that_keeps_the_unit_keeps_the_streak():
    h = habit(rules=(rule(MON, schedule()), rule(day(3), schedule("weekdays", days=[0, 2, 4]))))
    entries = done_on(0, 1, 2, 4, 7)
    assert current_streak(h, entries, day(8)) == Streak(5, "days", day(0), day(7))


def test_per_month_streak_in_months():
    h = habit(schedule("per_month", times=2), start=date(2024, 1, 1))
    entries = [done(date(2024, m, d)) for m in (1, 2, 3) for d in (3, 4)]
    assert current_streak(h, entries, date(2024, 4, 10)) == Streak(3, "months", date(2024, 1, 1), date(2024, 3, 31))


def test_every_n_days_streak_in_windows_bridged_by_a_skipped_window():
    h = habit(schedule("every_n_days", n=3))
    entries = [done(day(1)), skip(day(3)), done(day(8)), done(day(9))]
    assert current_streak(h, entries, day(10)) == Streak(3, "windows", day(0), day(10))
