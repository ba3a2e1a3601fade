"""Today, and the statistics of a habit: stats, strength, calendar."""
from flask import Blueprint, request

from ..schemas import (CalendarDayOut, DateQuery, OverviewOut, RangeQuery, StatsOut,
                       StrengthPointOut, TodayOut)
from ..store import habits, stats
from ..store import overview, today as today_store
from ..store.common import date_range, local_today
from .common import current_user, doc

bp = Blueprint("stats", __name__)


def asked_date():
    """`?date=`, default the user's today; later dates are clamped to today."""
    day = DateQuery().load(request.args).get("date")
    today = local_today(current_user())
    return min(day or today, today)


@bp.get("/today")
@doc("What is due on a day, with streaks and strength", query=DateQuery, response=TodayOut)
def today():
    return TodayOut().dump(today_store.today(current_user(), asked_date()))


@bp.get("/habits/<int:habit_id>/stats")
@doc("Streaks, strength, totals and rates of a habit as of a date", query=DateQuery,
     response=StatsOut)
def habit_stats(habit_id):
    habit = habits.habit_of(current_user(), habit_id)
    return StatsOut().dump(stats.habit_stats(current_user(), habit, asked_date()))


@bp.get("/habits/<int:habit_id>/strength")
@doc("Habit strength, one value a day", query=RangeQuery, response=StrengthPointOut, many=True)
def strength(habit_id):
    habit = habits.habit_of(current_user(), habit_id)
    start, end = date_range(current_user(), **RangeQuery().load(request.args))
    return StrengthPointOut(many=True).dump(stats.strength(current_user(), habit, start, end))


@bp.get("/habits/<int:habit_id>/calendar")
@doc("The state of every day of a habit", query=RangeQuery, response=CalendarDayOut, many=True)
def calendar(habit_id):
    habit = habits.habit_of(current_user(), habit_id)
    start, end = date_range(current_user(), **RangeQuery().load(request.args))
    return CalendarDayOut(many=True).dump(stats.calendar(current_user(), habit, start, end))


@bp.get("/habits/<int:habit_id>/overview")
@doc("A habit's screen in one read: stats, calendar, strength, completion by week or month "
     "(each judged by the rule in force then), recent check-ins and its pauses",
     response=OverviewOut)
def habit_overview(habit_id):
    habit = habits.habit_of(current_user(), habit_id)
    return OverviewOut().dump(overview.overview(current_user(), habit))
