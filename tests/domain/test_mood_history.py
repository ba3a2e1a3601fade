"""The mood history's rules (issue 25) against hand-made data: the year in pixels, mood by
weekday, the year's figures and a month's page with the months either side."""
import datetime

from server.domain.mood_history import (DayMood, history_years, month_end, month_page,
                                        months_of_year, next_month, previous_month,
                                        weekday_moods, year_cells, year_summary)

D = datetime.date
# Mondays 2 and 9 March 2026, Tuesday 3, Sunday 8; 2026-02-28 ends February.
MOODS = [DayMood(D(2026, 2, 28), 1, "tired"), DayMood(D(2026, 3, 2), 4, "run"),
         DayMood(D(2026, 3, 3), 3), DayMood(D(2026, 3, 8), 5, "beach"),
         DayMood(D(2026, 3, 9), 1, "flu")]
TODAY = D(2026, 3, 10)


def test_a_cell_a_day_with_its_mood_empty_days_empty_and_the_rest_to_come():
    cells = year_cells(2026, MOODS, TODAY)
    assert len(cells) == 365 and cells[0].day == D(2026, 1, 1) and cells[-1].day == D(2026, 12, 31)
    by_day = {cell.day: cell for cell in cells}
    assert (by_day[D(2026, 3, 2)].mood, by_day[D(2026, 3, 2)].state) == (4, "mood")
    assert (by_day[D(2026, 3, 4)].mood, by_day[D(2026, 3, 4)].state) == (None, "empty")
    assert by_day[TODAY].state == "empty"  # today, not yet told
    assert by_day[D(2026, 3, 11)].state == "future"
    assert [cell.state for cell in cells].count("mood") == 5
    assert len(year_cells(2028, [], TODAY)) == 366  # a leap year
    assert {cell.state for cell in year_cells(2028, [], TODAY)} == {"future"}
    assert {cell.state for cell in year_cells(2024, [], TODAY)} == {"empty"}


def test_mood_by_weekday_averages_each_weekday_with_its_count():
    figures = weekday_moods(MOODS)
    assert [(f.weekday, f.count, f.average) for f in figures] == [
        (0, 2, 2.5),    # Mondays: 4 and 1
        (1, 1, 3.0),    # Tuesday
        (2, 0, None), (3, 0, None), (4, 0, None),
        (5, 1, 1.0),    # Saturday 28 February
        (6, 1, 5.0)]    # Sunday
    # Weeks that start on Sunday list Sunday first; the figures are the same.
    assert [(f.weekday, f.average) for f in weekday_moods(MOODS, 6)][:2] == [(6, 5.0), (0, 2.5)]
    thirds = weekday_moods([DayMood(D(2026, 3, 2), 4), DayMood(D(2026, 3, 9), 4),
                            DayMood(D(2026, 3, 16), 5)])
    assert thirds[0].average == 4.33  # two decimals


def test_the_years_figures_count_the_days_of_each_mood():
    summary = year_summary(MOODS)
    assert (summary.count, summary.average, summary.counts) == (5, 2.8, (2, 0, 1, 1, 1))
    assert (year_summary([]).count, year_summary([]).average) == (0, None)
    months = months_of_year(MOODS)
    assert len(months) == 12
    assert (months[1].count, months[1].average, months[1].counts) == (1, 1.0, (1, 0, 0, 0, 0))
    assert (months[2].count, months[2].average, months[2].counts) == (4, 3.25, (1, 0, 1, 1, 1))
    assert {month.count for month in months[3:] + months[:1]} == {0}


def test_a_months_page_lists_its_entries_newest_first_with_their_notes():
    page = month_page(D(2026, 3, 1), MOODS, TODAY, first_mood_day=D(2026, 2, 28))
    assert (page.start, page.end, page.month) == (D(2026, 3, 1), D(2026, 3, 31), D(2026, 3, 1))
    assert [(e.day.day, e.mood, e.note) for e in page.entries] == [
        (9, 1, "flu"), (8, 5, "beach"), (3, 3, ""), (2, 4, "run")]
    # February is offered (a mood is there), April is not (it has not begun).
    assert (page.previous, page.next) == (D(2026, 2, 1), None)
    february = month_page(D(2026, 2, 1), MOODS, TODAY, first_mood_day=D(2026, 2, 28))
    assert (february.previous, february.next, february.end) == (None, D(2026, 3, 1), D(2026, 2, 28))
    assert [e.note for e in february.entries] == ["tired"]
    # With no mood at all only today's month is offered.
    empty = month_page(D(2026, 3, 1), [], TODAY)
    assert (empty.previous, empty.next, empty.entries) == (None, None, [])


def test_months_turn_over_years_and_stop_at_the_ends_of_the_calendar():
    assert next_month(D(2025, 12, 1)) == D(2026, 1, 1)
    assert previous_month(D(2026, 1, 1)) == D(2025, 12, 1)
    assert previous_month(D(1970, 1, 1)) is None
    assert next_month(D(9999, 12, 1)) is None and month_end(D(9999, 12, 1)) == D(9999, 12, 31)
    assert month_end(D(2024, 2, 1)) == D(2024, 2, 29)


def test_the_years_offered_are_those_with_moods_todays_and_the_one_on_show():
    assert history_years({2019: D(2019, 5, 1), 2024: D(2024, 1, 3)}, 2021, TODAY) == [
        2019, 2021, 2024, 2026]
    assert history_years({}, 2026, TODAY) == [2026]
