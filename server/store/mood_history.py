"""The mood history's reads (issue 25): the user's moods of a year and a month in one query, and
the years that have any in another; the rules are in server/domain/mood_history.py."""
import datetime
from dataclasses import dataclass

from peewee import Case, fn

from ..domain import mood_history as rules
from ..models import Reflection
from .common import local_today, week_start_day


@dataclass(frozen=True)
class MoodHistory:
    today: datetime.date
    year: int
    years: list
    cells: list
    summary: rules.YearSummary
    months: list  # a YearSummary per month, January first
    weekdays: list
    month: rules.MonthPage


def moods_of(user, year_span, month_span):
    """The user's moods of the year's days and the month's, oldest first, in one query; notes
    only for the month's days (a year of notes would be a long read for nothing)."""
    in_month = Reflection.day.between(*month_span)
    note = Case(None, [(in_month, Reflection.note)], "")
    rows = (Reflection.select(Reflection.day, Reflection.mood, note)
            .where(Reflection.user == user, Reflection.day.between(*year_span) | in_month)
            .order_by(Reflection.day).tuples())
    return [rules.DayMood(day, mood, note or "") for day, mood, note in rows]


def mood_years(user):
    """{year: its first day with a mood} for every year in which the user has a mood."""
    year = Reflection.day.year
    rows = (Reflection.select(year, fn.MIN(Reflection.day)).where(Reflection.user == user)
            .group_by(year).tuples())
    return {int(found): first for found, first in rows}


def mood_history(user, year, month=None):
    """The history screen of `year`, with the entries of `month` (a first day; default the
    year's last month up to today)."""
    today = local_today(user)
    if month is None:
        month = min(datetime.date(year, 12, 1), today.replace(day=1))
        month = max(month, datetime.date(year, 1, 1))
    year_span = (datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    moods = moods_of(user, year_span, (month, rules.month_end(month)))
    of_year = [entry for entry in moods if entry.day.year == year]
    years = mood_years(user)
    first_mood_day = min(years.values()) if years else None
    return MoodHistory(
        today=today, year=year, years=rules.history_years(years, year, today),
        cells=rules.year_cells(year, of_year, today), summary=rules.year_summary(of_year),
        months=rules.months_of_year(of_year),
        weekdays=rules.weekday_moods(of_year, week_start_day(user)),
        month=rules.month_page(month, moods, today, first_mood_day))
