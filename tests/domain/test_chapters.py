"""The domain of new chapters (issue 24): the current chapter, anniversaries (29 February too),
the fresh-start offer (each landmark kind, once, the rarer first) and votes between two days,
against hand-worked dates; and the weekly prompts' turn."""
from datetime import date, timedelta

from server.domain.chapters import (Chapter, anniversary_in, current_chapter, fresh_start_offer,
                                    last_anniversary, votes_between)
from server.domain.prompts import PROMPTS, prompt_for_week

from .builders import done, habit as built

MOVE = Chapter(1, "Since the move", date(2026, 3, 10))
LEAP = Chapter(2, "After the separation", date(2024, 2, 29))
ALL = ("week", "month", "anniversary")
JOINED = date(2025, 1, 1)


def test_the_current_chapter_is_the_latest_begun():
    later = Chapter(3, "After the course", date(2026, 6, 1))
    assert current_chapter([later, MOVE], date(2026, 5, 31)) == MOVE
    assert current_chapter([later, MOVE], date(2026, 6, 1)) == later
    assert current_chapter([later, MOVE], date(2026, 3, 9)) is None
    assert current_chapter([], date(2026, 3, 9)) is None


def test_anniversaries_of_29_february():
    assert anniversary_in(LEAP.start, 2025) == date(2025, 2, 28)
    assert anniversary_in(LEAP.start, 2028) == date(2028, 2, 29)
    assert last_anniversary(LEAP.start, date(2025, 2, 27)) is None
    assert last_anniversary(LEAP.start, date(2025, 3, 1)) == date(2025, 2, 28)
    assert last_anniversary(MOVE.start, date(2027, 3, 9)) is None  # not yet a year
    assert last_anniversary(MOVE.start, date(2028, 1, 5)) == date(2027, 3, 10)


def offer(day, kinds=ALL, chapters=(MOVE,), dismissed=None, week_start=0, joined=JOINED):
    found = fresh_start_offer(day, week_start, kinds, list(chapters), joined, dismissed)
    return found and (found["landmark"], found["date"])


def test_a_new_week_stands_three_days():
    # Monday 2 March 2026, weeks from Monday; from Sunday the week of 8 March starts on the 8th
    assert offer(date(2026, 3, 2), kinds=("week",)) == ("week", date(2026, 3, 2))
    assert offer(date(2026, 3, 4), kinds=("week",)) == ("week", date(2026, 3, 2))
    assert offer(date(2026, 3, 5), kinds=("week",)) is None
    assert offer(date(2026, 3, 8), kinds=("week",), week_start=6) == ("week", date(2026, 3, 8))


def test_a_new_month_is_rarer_than_a_new_week():
    assert offer(date(2027, 3, 1)) == ("month", date(2027, 3, 1))  # a Monday
    assert offer(date(2027, 3, 1), kinds=("week",)) == ("week", date(2027, 3, 1))
    assert offer(date(2027, 3, 4), kinds=("month",)) is None


def test_an_anniversary_is_the_rarest_and_names_its_chapter():
    found = fresh_start_offer(date(2027, 3, 10), 0, ALL, [MOVE], JOINED, None)
    assert found == {"landmark": "anniversary", "date": date(2027, 3, 10), "chapter": MOVE,
                     "years": 1}
    # Other landmarks name the current chapter.
    later = Chapter(3, "After the course", date(2027, 1, 4))
    week = fresh_start_offer(date(2027, 3, 15), 0, ALL, [MOVE, later], JOINED, None)
    assert (week["landmark"], week["chapter"]) == ("week", later)


def test_each_landmark_once():
    # Set aside on the 2nd: the month's first day (and the week's) stay aside
    assert offer(date(2027, 3, 2), dismissed=date(2027, 3, 2)) is None
    assert offer(date(2027, 3, 3), dismissed=date(2027, 3, 2)) is None
    assert offer(date(2027, 3, 8), dismissed=date(2027, 3, 2)) == ("week", date(2027, 3, 8))
    # Setting the week aside on the 10th sets the anniversary of that day aside too
    assert offer(date(2027, 3, 11), dismissed=date(2027, 3, 10)) is None
    # not for a landmark on or before the day the account began
    assert offer(date(2027, 3, 2), joined=date(2027, 3, 1)) is None
    assert offer(date(2027, 3, 2), kinds=()) is None


def test_votes_between_hand_worked_days():
    # Daily from Monday 5 January 2026: done on 5, 6, 8 and 10; 6..9 counts 6 and 8
    habit = built(start=date(2026, 1, 5))
    entries = [done(date(2026, 1, d)) for d in (5, 6, 8, 10)]
    assert votes_between([(habit, entries)], date(2026, 1, 6), date(2026, 1, 9)) == 2
    assert votes_between([(habit, entries)], date(2025, 12, 1), date(2026, 1, 10)) == 4
    assert votes_between([(habit, entries)], date(2026, 1, 9), date(2026, 1, 8)) == 0


def test_prompts_turn_weekly_whatever_day_weeks_start():
    for first in (date(2026, 1, 5), date(2026, 1, 4)):  # a Monday, a Sunday
        keys = [prompt_for_week(first + timedelta(weeks=n))[0] for n in range(len(PROMPTS) + 1)]
        assert len(set(keys[:-1])) == len(PROMPTS) and keys[-1] == keys[0]
