"""A kind restart (issue 24): the misses in a row just before a day, as Today greets them, and
the smaller step offered after the second."""
import dataclasses

from server.domain.lapse import Lapse, lapse, smaller

from .builders import MON, day, done, done_on, habit, schedule, skip, slip

SINCE = day(-100)


def test_yesterday_missed_is_one_miss():
    assert lapse(habit(), done_on(0, 1), day(3), SINCE) == Lapse(1, "days", day(2))


def test_two_days_missed_in_a_row_are_two_and_more_say_no_more():
    assert lapse(habit(), done_on(0), day(3), SINCE) == Lapse(2, "days", day(2))
    assert lapse(habit(), done_on(0), day(9), SINCE) == Lapse(2, "days", day(8))


def test_nothing_after_a_done_day_nor_once_today_is_done_or_skipped():
    assert lapse(habit(), done_on(0, 1), day(2), SINCE) is None
    assert lapse(habit(), done_on(0, 3), day(3), SINCE) is None
    assert lapse(habit(), [done(day(0)), skip(day(3))], day(3), SINCE) is None


def test_a_skipped_or_paused_day_between_counts_for_nothing():
    assert lapse(habit(), [done(day(0)), skip(day(2))], day(3), SINCE) == Lapse(1, "days", day(1))
    rested = dataclasses.replace(habit(), pauses=((day(1), day(2)),))
    assert lapse(rested, done_on(0), day(3), SINCE) is None
    assert lapse(rested, done_on(0), day(4), SINCE) == Lapse(1, "days", day(3))


def test_a_paused_today_says_nothing():
    rested = dataclasses.replace(habit(), pauses=((day(3), None),))
    assert lapse(rested, done_on(0), day(3), SINCE) is None


def test_weekdays_count_the_scheduled_days_and_rest_on_the_others():
    h = habit(schedule("weekdays", days=[0, 2, 4]))
    assert lapse(h, done_on(0), day(4), SINCE) == Lapse(1, "days", day(2))  # Wednesday
    assert lapse(h, done_on(0), day(3), SINCE) is None  # Thursday asks nothing
    assert lapse(h, [], day(4), SINCE) == Lapse(2, "days", day(2))


def test_a_missed_week_while_this_week_is_still_open():
    h = habit(schedule("per_week", times=2))
    assert lapse(h, done_on(0, 1), day(15), SINCE) == Lapse(1, "weeks", day(7))
    assert lapse(h, done_on(0, 1, 14, 15), day(16), SINCE) is None  # this week is met


def test_the_first_day_and_days_before_since_say_nothing():
    assert lapse(habit(), [], day(0), SINCE) is None
    assert lapse(habit(), [], day(1), SINCE) == Lapse(1, "days", day(0))
    assert lapse(habit(), [], day(10), day(9)) == Lapse(1, "days", day(9))
    assert lapse(habit(), [], day(10), day(10)) is None


def test_a_quit_habit_after_a_slip_and_not_on_a_day_with_one():
    h = habit(kind="quit")
    assert lapse(h, [slip(day(2))], day(3), SINCE) == Lapse(1, "days", day(2))
    assert lapse(h, [slip(day(2)), slip(day(3))], day(3), SINCE) is None
    assert lapse(h, [slip(day(1)), slip(day(2))], day(3), SINCE) == Lapse(2, "days", day(2))


def test_smaller_is_the_summary_shrink_and_room_for_yes_no_habits():
    minutes = habit(measure="minutes", target=20)
    assert smaller(minutes, "Walk", "", {"type": "daily"}, 20)["patch"] == {"target": 15}
    weekly = smaller(habit(), "Swim", "", {"type": "per_week", "times": 3}, None)
    assert weekly["patch"] == {"schedule": {"type": "per_week", "times": 2}}
    daily = smaller(habit(), "Stretch", "", {"type": "daily"}, None)
    assert daily["patch"] == {"schedule": {"type": "per_week", "times": 5}}
    assert "5 times a week" in daily["text"]
    every = smaller(habit(), "Call Mum", "", {"type": "every_n_days", "n": 3}, None)
    assert every["patch"] == {"schedule": {"type": "every_n_days", "n": 4}}
    assert smaller(habit(), "Swim", "", {"type": "per_week", "times": 1}, None) is None
    assert smaller(habit(kind="quit"), "No news", "", {"type": "daily"}, None) is None
    assert MON.weekday() == 0
