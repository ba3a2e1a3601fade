"""Weekly summaries: one week in full, and the weeks before it in a line each."""
import datetime

from flask import Blueprint, request

from ..i18n import reader_words
from ..schemas import (HistoryQuery, WeeklyQuery, WeeklySummaryOut, WeekHistoryOut,
                       WeekScreenOut, WeekScreenQuery)
from ..store import habits, identities, week_answers, weekly
from ..store.common import local_today, week_start_day
from ..domain.weekly import week_containing
from .common import current_user, doc

bp = Blueprint("summaries", __name__)
ANSWER_WEEKS = 12  # the Week screen lists the answers of the weeks its trend shows


@bp.get("/summaries/weekly")
@doc("The summary of the week holding a date (default: the last complete week)",
     query=WeeklyQuery, response=WeeklySummaryOut)
def weekly_summary():
    user = current_user()
    query = WeeklyQuery().load(request.args)
    day = min(query["date"], local_today(user)) if "date" in query else \
        weekly.last_complete_week(user)
    words = reader_words(user, request.accept_languages.values())  # the sentences' language
    return WeeklySummaryOut().dump(weekly.summary_of_week(user, day, query["hide_private"], words))


@bp.get("/summaries/weekly/history")
@doc("One line per week, this week first", query=HistoryQuery, response=WeekHistoryOut,
     many=True)
def weekly_history():
    weeks = HistoryQuery().load(request.args)["weeks"]
    return WeekHistoryOut(many=True).dump(weekly.history(current_user(), weeks))


@bp.get("/summaries/weekly/screen")
@doc("The Week screen in one read: the week holding a date (default: this week), last week's "
     "summary beside this one, the 12-week trend, the habits, the identities, the week's "
     "question with its answer and the answered weeks (the printable week reads it with "
     "hide_private)", query=WeekScreenQuery, response=WeekScreenOut)
def week_screen():
    user = current_user()
    today = local_today(user)
    query = WeekScreenQuery().load(request.args)
    day, hide = min(query.get("date") or today, today), query["hide_private"]
    words = reader_words(user, request.accept_languages.values())  # the sentences' language
    this_week = week_containing(today, week_start_day(user))
    last_week = None
    if week_containing(day, week_start_day(user)) == this_week:
        last_week = weekly.summary_of_week(user, this_week - datetime.timedelta(days=7), hide,
                                           words)
    return WeekScreenOut().dump({
        "summary": weekly.summary_of_week(user, day, hide, words), "last_week": last_week,
        "history": weekly.history(user, 12), "habits": habits.habits_of(user, "all"),
        "identities": identities.identities_of(user),
        "prompt": week_answers.answer_of(user, day, words),
        "answers": week_answers.answers_of(user, ANSWER_WEEKS, words)})
