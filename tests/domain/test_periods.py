"""Periods tile the timeline from the start date; each is judged by its first day's rule."""
from datetime import date

from server.domain import Period, is_due, periods

from .builders import MON, day, done, done_on, habit, rule, schedule, skip, slip


def states(ps):
    return [p.state for p in ps]


def spans(ps):
    return [(p.start, p.end) for p in ps]


def test_daily_check_days_are_met_missed_and_today_open():
    ps = periods(habit(), done_on(0, 1, 3), day(10), today=day(4))
    assert states(ps) == ["met", "met", "missed", "met", "open"]
    assert ps[0] == Period(MON, MON, "days", 1, 1, "met")


def test_daily_skipped_day_is_neutral():
    ps = periods(habit(), [done(day(0)), skip(day(1))], day(1), today=day(2))
    assert states(ps) == ["met", "neutral"]
    assert ps[1].required == 0


def test_weekdays_unscheduled_days_are_neutral_even_when_done():
    h = habit(schedule("weekdays", days=[0, 2, 4]))
    ps = periods(h, done_on(0, 1, 4), day(6), today=day(6))
    assert states(ps) == ["met", "neutral", "missed", "neutral", "met", "neutral", "neutral"]
    assert ps[1].done_days == 1  # the done Tuesday is still a done day, just not asked for
    assert {p.unit for p in ps} == {"days"}


def test_per_week_first_week_clipped_at_a_midweek_start():
    h = habit(schedule("per_week", times=3), start=day(5))  # a Saturday
    ps = periods(h, [], day(13), today=day(14))
    assert spans(ps) == [(day(5), day(6)), (day(7), day(13))]
    assert [p.required for p in ps] == [2, 3]  # only two days in the first week
    assert states(ps) == ["missed", "missed"]


def test_per_week_skipped_days_lower_the_requirement():
    h = habit(schedule("per_week", times=3))
    ps = periods(h, [skip(day(0)), skip(day(1)), done(day(2)),        # 3 - 2 skips = 1: met
                     skip(day(7)), skip(day(8)), skip(day(9)), skip(day(10))],  # 3 - 4 < 0: neutral
                 day(13), today=day(20))
    assert [(p.required, p.done_days, p.state) for p in ps[:2]] == [(1, 1, "met"), (0, 0, "neutral")]


def test_requirement_is_capped_by_the_days_left_that_are_not_skipped():
    h = habit(schedule("per_week", times=5), start=day(4))  # Friday: a three-day first week
    ps = periods(h, [skip(day(5))], day(6), today=day(10))
    assert ps[0].required == 2  # min(5 - 1, 3 - 1)


def test_per_week_open_until_met_then_met_midweek():
    h = habit(schedule("per_week", times=3))
    assert states(periods(h, done_on(0, 1), day(2), today=day(2))) == ["open"]
    assert states(periods(h, done_on(0, 1, 2), day(2), today=day(2))) == ["met"]


def test_week_start_sunday_moves_the_week_boundary():
    entries = done_on(5, 6)  # Saturday 6 January and Sunday 7 January
    monday = habit(schedule("per_week", times=2), week_start=0)
    sunday = habit(schedule("per_week", times=2), week_start=6)
    assert spans(periods(monday, entries, day(6), today=day(20)))[0] == (day(0), day(6))
    assert states(periods(monday, entries, day(6), today=day(20))) == ["met"]
    by_sunday = periods(sunday, entries, day(6), today=day(20))
    assert spans(by_sunday) == [(day(0), day(5)), (day(6), day(12))]
    assert states(by_sunday) == ["missed", "missed"]


def test_per_month_calendar_months_with_a_clipped_first_month():
    h = habit(schedule("per_month", times=4), start=date(2024, 1, 20))
    entries = [done(date(2024, 2, d)) for d in (1, 8, 15, 29)]
    ps = periods(h, entries, date(2024, 3, 1), today=date(2024, 3, 1))
    assert spans(ps) == [(date(2024, 1, 20), date(2024, 1, 31)), (date(2024, 2, 1), date(2024, 2, 29)),
                         (date(2024, 3, 1), date(2024, 3, 31))]
    assert [(p.unit, p.state) for p in ps] == [("months", "missed"), ("months", "met"), ("months", "open")]


def test_every_n_days_windows_align_on_the_anchor_and_extend_backwards():
    # The schedule was set when the habit started on day 0; a back-filled check-in moved the
    # start date to day -4: the windows keep their alignment on day 0.
    sched = schedule("every_n_days", n=3)
    h = habit(start=day(-4), rules=(rule(day(0), sched, anchor=day(0)),))
    ps = periods(h, [done(day(-4)), done(day(-2)), done(day(4))], day(8), today=day(8))
    assert spans(ps) == [(day(-4), day(-4)), (day(-3), day(-1)), (day(0), day(2)),
                         (day(3), day(5)), (day(6), day(8))]
    assert states(ps) == ["met", "met", "missed", "met", "open"]
    assert {p.unit for p in ps} == {"windows"}


def test_every_n_days_one_skip_excuses_the_window():
    h = habit(schedule("every_n_days", n=3))
    assert states(periods(h, [skip(day(1))], day(2), today=day(5))) == ["neutral"]


def test_change_daily_to_per_week_starts_a_partial_week_the_same_day():
    h = habit(rules=(rule(MON, schedule()), rule(day(2), schedule("per_week", times=3))))
    ps = periods(h, [], day(13), today=day(20))
    assert spans(ps) == [(day(0), day(0)), (day(1), day(1)), (day(2), day(6)), (day(7), day(13))]
    assert [p.unit for p in ps] == ["days", "days", "weeks", "weeks"]


def test_change_within_weeks_takes_effect_from_the_next_week():
    h = habit(rules=(rule(MON, schedule("per_week", times=3)), rule(day(2), schedule("per_week", times=1))))
    ps = periods(h, done_on(3, 8), day(13), today=day(20))
    assert [(p.start, p.required, p.state) for p in ps] == [(day(0), 3, "missed"), (day(7), 1, "met")]


def test_change_per_week_to_daily_midweek_finishes_the_week_first():
    h = habit(rules=(rule(MON, schedule("per_week", times=2)), rule(day(3), schedule())))
    ps = periods(h, [], day(8), today=day(20))
    assert spans(ps) == [(day(0), day(6)), (day(7), day(7)), (day(8), day(8))]


def test_days_after_today_do_not_count_yet():
    h = habit(schedule("per_week", times=2))
    ps = periods(h, done_on(1, 5), day(30), today=day(2))
    assert (ps[-1].done_days, ps[-1].state, ps[-1].end) == (1, "open", day(6))
    assert len(ps) == 1


def test_quit_day_with_a_slip_today_is_missed_not_open():
    h = habit(kind="quit")
    ps = periods(h, [slip(day(2))], day(2), today=day(2))
    assert states(ps) == ["met", "met", "missed"]


def test_quit_slip_under_the_limit_keeps_the_day():
    h = habit(kind="quit", measure="minutes", target=15)
    ps = periods(h, [slip(day(0), 10), slip(day(1), 20)], day(2), today=day(2))
    assert states(ps) == ["met", "missed", "met"]


def test_nothing_before_the_start_date():
    assert periods(habit(start=day(5)), [done(day(1))], day(4), today=day(10)) == []


def test_is_due_daily_quit_and_weekdays():
    assert is_due(habit(), done_on(0), MON)  # judged without the day's own check-in
    assert is_due(habit(kind="quit"), [slip(MON)], MON)
    mwf = habit(schedule("weekdays", days=[0, 2, 4]))
    assert [is_due(mwf, [], day(i)) for i in range(7)] == [True, False, True, False, True, False, False]
    assert not is_due(habit(start=day(1)), [], MON)


def test_is_due_per_week_until_the_other_days_meet_the_requirement():
    h = habit(schedule("per_week", times=2))
    assert is_due(h, done_on(0), day(1))
    assert is_due(h, done_on(0, 2), day(2))  # the day's own done check-in is left out
    assert not is_due(h, done_on(0, 1), day(2))
    assert not is_due(h, [skip(day(0)), skip(day(1)), done(day(3))], day(4))  # skips lowered it to 0
    assert is_due(h, done_on(0, 1), day(7))  # a new week


def test_is_due_follows_the_period_not_the_days_rule():
    # per_week until Wednesday, then daily: the week still runs to Sunday as a per_week week.
    h = habit(rules=(rule(MON, schedule("per_week", times=1)), rule(day(3), schedule())))
    assert not is_due(h, done_on(0), day(4))
    assert is_due(h, done_on(0), day(7))
