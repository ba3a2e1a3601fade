"""Weekly summaries: one week in full, and the weeks before it in a line each."""
from flask import Blueprint, request

from ..schemas import HistoryQuery, WeeklyQuery, WeeklySummaryOut, WeekHistoryOut
from ..store import weekly
from ..store.common import local_today
from .common import current_user, doc

bp = Blueprint("summaries", __name__)


@bp.get("/summaries/weekly")
@doc("The summary of the week holding a date (default: the last complete week)",
     query=WeeklyQuery, response=WeeklySummaryOut)
def weekly_summary():
    user = current_user()
    query = WeeklyQuery().load(request.args)
    day = min(query["date"], local_today(user)) if "date" in query else \
        weekly.last_complete_week(user)
    return WeeklySummaryOut().dump(weekly.summary_of_week(user, day, query["hide_private"]))


@bp.get("/summaries/weekly/history")
@doc("One line per week, this week first", query=HistoryQuery, response=WeekHistoryOut,
     many=True)
def weekly_history():
    weeks = HistoryQuery().load(request.args)["weeks"]
    return WeekHistoryOut(many=True).dump(weekly.history(current_user(), weeks))
