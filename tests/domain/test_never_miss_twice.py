"""Never miss twice (issue 24): one missed period between two met ones does not end a streak;
two in a row do. Neutral periods (skipped, paused, days off) between count for nothing either
way. The bridged period is shown as bridged, never as done, and strength is untouched."""
import dataclasses

from server.domain import (Streak, calendar, current_streak, habit_stats, make_checkpoint,
                           resume, streaks, today_state)

from .builders import day, done, done_on, habit, schedule, skip, slip


def nmt(h):
    """The habit, opted into never miss twice."""
    return dataclasses.replace(h, never_miss_twice=True)


def paused(h, *ranges):
    return dataclasses.replace(h, pauses=tuple(ranges))


def states(h, entries, today, first=0):
    return [c.state for c in calendar(h, entries, day(first), today, today)]


def test_one_missed_day_between_two_done_days_is_bridged():
    entries = done_on(0, 1, 3, 4)
    assert current_streak(nmt(habit()), entries, day(4)) == Streak(4, "days", day(0), day(4))
    # The default rule is as it was: the miss ends the streak.
    assert current_streak(habit(), entries, day(4)) == Streak(2, "days", day(3), day(4))


def test_two_missed_days_in_a_row_end_the_streak_where_it_last_met():
    entries = done_on(0, 1, 4)
    assert streaks(nmt(habit()), entries, day(4)) == [Streak(1, "days", day(4), day(4)),
                                                      Streak(2, "days", day(0), day(1))]


def test_every_lone_miss_is_bridged_but_never_two():
    entries = done_on(0, 2, 4, 5, 8)  # misses on 1, 3 (alone), then 6 and 7 (together)
    assert streaks(nmt(habit()), entries, day(8)) == [Streak(1, "days", day(8), day(8)),
                                                      Streak(4, "days", day(0), day(5))]


def test_a_skip_between_the_miss_and_the_next_done_day_keeps_the_bridge():
    entries = [done(day(0)), skip(day(2)), done(day(3))]  # day 1 missed
    assert current_streak(nmt(habit()), entries, day(3)) == Streak(2, "days", day(0), day(3))
    assert current_streak(habit(), entries, day(3)) == Streak(1, "days", day(3), day(3))


def test_a_skip_between_two_misses_does_not_make_them_one():
    entries = [done(day(0)), skip(day(2)), done(day(4))]  # days 1 and 3 missed
    assert current_streak(nmt(habit()), entries, day(4)) == Streak(1, "days", day(4), day(4))


def test_a_pause_between_the_miss_and_the_next_done_day_keeps_the_bridge():
    h = paused(nmt(habit()), (day(2), day(5)))
    assert current_streak(h, done_on(0, 6), day(6)) == Streak(2, "days", day(0), day(6))


def test_a_pause_between_two_misses_does_not_make_them_one():
    h = paused(nmt(habit()), (day(2), day(3)))
    assert current_streak(h, done_on(0, 5), day(5)) == Streak(1, "days", day(5), day(5))


def test_yesterday_missed_keeps_the_streak_alive_while_today_is_open():
    h = nmt(habit())
    assert current_streak(h, done_on(0, 1), day(3)) == Streak(2, "days", day(0), day(1))
    assert current_streak(h, done_on(0, 1, 3), day(3)) == Streak(3, "days", day(0), day(3))
    assert current_streak(h, done_on(0, 1), day(4)).length == 0  # 2 and 3 missed
    assert current_streak(habit(), done_on(0, 1), day(3)).length == 0


def test_weekdays_bridge_a_missed_scheduled_day_over_the_days_off():
    h = nmt(habit(schedule("weekdays", days=[0, 2, 4])))
    # Monday done, Wednesday missed, Friday done, next Monday done.
    assert current_streak(h, done_on(0, 4, 7), day(7)) == Streak(3, "days", day(0), day(7))


def test_a_missed_week_between_two_met_weeks_is_bridged():
    h = nmt(habit(schedule("per_week", times=2)))
    entries = done_on(0, 1, 14, 15)  # week 2 (days 7-13) missed
    assert current_streak(h, entries, day(15)) == Streak(2, "weeks", day(0), day(15))
    assert [c.state for c in calendar(h, entries, day(7), day(13), day(15))] == ["bridged"] * 7


def test_quit_habits_count_days_since_the_last_slip_whatever_the_mark():
    h = nmt(habit(kind="quit"))
    assert current_streak(h, [slip(day(3))], day(6)) == Streak(3, "days", day(4), day(6))


def test_the_calendar_shows_the_bridged_day_as_bridged_not_done():
    h = nmt(habit())
    assert states(h, done_on(0, 1, 3), day(3)) == ["done", "done", "bridged", "done"]
    assert states(h, done_on(0, 1, 4), day(4)) == ["done", "done", "missed", "missed", "done"]
    # A miss not yet followed by a done day is still a miss: today decides.
    assert states(h, done_on(0, 1), day(3)) == ["done", "done", "missed", "open"]
    assert states(habit(), done_on(0, 1, 3), day(3)) == ["done", "done", "missed", "done"]


def test_stats_count_the_bridged_day_as_missed_and_the_streak_as_kept():
    on, off = habit_stats(nmt(habit()), done_on(0, 1, 3), day(3)), habit_stats(
        habit(), done_on(0, 1, 3), day(3))
    assert on["current_streak"]["length"] == 3 and off["current_streak"]["length"] == 1
    for same in ("strength", "total_done", "completion_rate", "by_weekday"):
        assert on[same] == off[same]


def test_a_checkpoint_ending_on_the_missed_day_resumes_the_bridge():
    h = nmt(habit())
    entries = done_on(0, 1, 2, 4)  # day 3 missed
    checkpoint = make_checkpoint(h, entries, day(3))
    assert checkpoint.pending == day(3)
    again = type(checkpoint).from_dict(checkpoint.to_dict())
    assert again == checkpoint
    state = resume(h, again, [e for e in entries if e.day >= again.entries_from], day(4))
    assert state.current_streak == Streak(4, "days", day(0), day(4))
    assert state == today_state(h, entries, day(4))
