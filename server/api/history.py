"""The history screens (issue 25): the mood history, one year and one month at a time."""
from flask import Blueprint, request

from ..schemas.mood_history import MoodHistoryOut, MoodHistoryQuery
from ..store import mood_history
from ..store.common import local_today
from .common import current_user, doc

bp = Blueprint("history", __name__)
QUERY = MoodHistoryQuery()
ANSWER = MoodHistoryOut()


@bp.get("/history/mood")
@doc("A year in pixels (one cell a day, its mood), the year's mood by weekday, and one month's "
     "moods with their notes", query=MoodHistoryQuery, response=MoodHistoryOut)
def mood():
    asked = QUERY.load(request.args)
    month = asked.get("month")
    year = asked.get("year") or (month.year if month else local_today(current_user()).year)
    return ANSWER.dump(mood_history.mood_history(current_user(), year, month))
