"""Reflections: the daily mood check."""
from flask import Blueprint, request

from ..schemas import RangeQuery, ReflectionIn, ReflectionOut
from ..store import reflections
from ..store.common import date_range
from .common import current_user, doc, request_json

bp = Blueprint("reflections", __name__)


@bp.put("/reflections/<day:date>")
@doc("Record the day's mood and note", body=ReflectionIn, response=ReflectionOut,
     status=(201, 200))
def put_reflection(date):
    data = ReflectionIn().load(request_json())
    reflection, created = reflections.put_reflection(current_user(), date, data)
    return ReflectionOut().dump(reflection), 201 if created else 200


@bp.get("/reflections")
@doc("Reflections in a date range, oldest first", query=RangeQuery, response=ReflectionOut,
     many=True)
def list_reflections():
    start, end = date_range(current_user(), **RangeQuery().load(request.args))
    return ReflectionOut(many=True).dump(reflections.reflections_between(current_user(), start, end))


@bp.delete("/reflections/<day:date>")
@doc("Remove a day's reflection", status=204)
def delete_reflection(date):
    reflections.delete_reflection(current_user(), date)
    return "", 204
