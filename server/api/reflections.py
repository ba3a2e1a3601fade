"""Reflections: the daily mood check."""
from flask import Blueprint, request

from ..schemas import (IncludeQuery, RangeQuery, ReflectionAnswerOut, ReflectionIn,
                       ReflectionOut, ReplayIn, TodayMoodOut)
from ..store import reflections
from ..store.common import date_range
from .common import current_user, doc, request_json

bp = Blueprint("reflections", __name__)
INCLUDE, TODAY_MOOD = IncludeQuery(), TodayMoodOut()


@bp.put("/reflections/<day:date>")
@doc("Record the day's mood and note (204: an older replay after a deletion, nothing changed; "
     "with ?include=today that is a 200 whose today.reflection is null)",
     body=ReflectionIn, response=ReflectionAnswerOut, query=IncludeQuery,
     status=(201, 200, 204))
def put_reflection(date):
    include = INCLUDE.load(request.args).get("include") == "today"
    data = ReflectionIn().load(request_json())
    reflection, created = reflections.put_reflection(current_user(), date, data)
    today = TODAY_MOOD.dump({"date": date, "reflection": reflection}) if include else None
    if reflection is None:  # an older replay, after the day's reflection was deleted
        return ({"today": today}, 200) if include else ("", 204)
    body = ReflectionOut().dump(reflection)
    return ({**body, "today": today} if include else body), 201 if created else 200


@bp.get("/reflections")
@doc("Reflections in a date range, oldest first", query=RangeQuery, response=ReflectionOut,
     many=True)
def list_reflections():
    start, end = date_range(current_user(), **RangeQuery().load(request.args))
    rows = reflections.reflections_between(current_user(), start, end)
    return ReflectionOut(many=True).dump(rows)


@bp.delete("/reflections/<day:date>")
@doc("Remove a day's reflection", body=ReplayIn, status=204)
def delete_reflection(date):
    data = ReplayIn().load(request_json())
    reflections.delete_reflection(current_user(), date, data.get("client_time"))
    return "", 204
