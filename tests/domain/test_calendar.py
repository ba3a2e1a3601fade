"""Calendar states, one per day."""
from server.domain import CalendarDay, calendar

from .builders import day, done, done_on, habit, schedule, skip, slip


def states(days):
    return [d.state for d in days]


def test_daily_count_habit_states():
    h = habit(measure="count", target=10, start=day(1))
    entries = [done(day(1), 12), done(day(2), 4), skip(day(3)), done(day(4), 0)]
    cal = calendar(h, entries, day(0), day(9), today=day(5))
    assert states(cal) == ["before_start", "done", "partial", "skipped", "missed", "open"]
    assert cal[1] == CalendarDay(day(1), "done", 12)
    assert [d.value for d in cal] == [None, 12, 4, None, 0, None]


def test_weekdays_unscheduled_day_is_not_due():
    h = habit(schedule("weekdays", days=[0, 2, 4]))
    assert states(calendar(h, done_on(0), day(0), day(3), today=day(3))) == ["done", "not_due", "missed", "not_due"]


def test_per_week_days_follow_their_week():
    h = habit(schedule("per_week", times=2))
    entries = done_on(0, 3, 8)
    cal = calendar(h, entries, day(0), day(20), today=day(16))
    week1, week2, week3 = states(cal[:7]), states(cal[7:14]), states(cal[14:])
    assert week1 == ["done", "not_due", "not_due", "done", "not_due", "not_due", "not_due"]  # met
    assert week2 == ["missed", "done", "missed", "missed", "missed", "missed", "missed"]  # closed unmet
    assert week3 == ["open", "open", "open"]  # still open, and nothing after today
    assert cal[-1].day == day(16)


def test_quit_days_are_kept_or_slip():
    h = habit(kind="quit", measure="count", target=1)
    cal = calendar(h, [slip(day(0), 1), slip(day(1), 2)], day(0), day(2), today=day(2))
    assert states(cal) == ["kept", "slip", "kept"]
    assert [d.value for d in cal] == [1, 2, None]


def test_a_range_wholly_before_the_start():
    assert states(calendar(habit(start=day(5)), [], day(0), day(1), today=day(9))) == ["before_start"] * 2
