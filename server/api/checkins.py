"""Check-ins: one per habit and day, written one at a time or in a batch."""
from flask import Blueprint, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from ..schemas import BatchIn, BatchItemIn, BatchOut, CheckinIn, CheckinOut, RangeQuery
from ..store import checkins, habits
from ..store.common import date_range
from .common import current_user, doc, request_json

bp = Blueprint("checkins", __name__)
# The hot path's schemas made once: making one deep-copies its fields (~15% of a PUT's CPU), and
# loading or dumping keeps no state in the instance, so threads share them.
CHECKIN_IN, CHECKIN_OUT = CheckinIn(), CheckinOut()


@bp.put("/habits/<int:habit_id>/checkins/<day:date>")
@doc("Log a day: fields left out keep their stored values", body=CheckinIn, response=CheckinOut,
     status=(201, 200))
def put_checkin(habit_id, date):
    try:
        data = CHECKIN_IN.load(request_json())
    except (HTTPException, ValidationError):
        habits.habit_of(current_user(), habit_id)  # another user's habit: 404, whatever the body
        raise
    # The habit is read (404 when not theirs) under its lock, with the day: one query fewer.
    checkin, created = checkins.put_checkin(current_user(), habit_id, date, data)
    return CHECKIN_OUT.dump(checkin), 201 if created else 200


@bp.delete("/habits/<int:habit_id>/checkins/<day:date>")
@doc("Remove a day's check-in", status=204)
def delete_checkin(habit_id, date):
    habit = habits.habit_of(current_user(), habit_id)
    checkins.check_day(current_user(), date)
    checkins.delete_checkin(current_user(), habit, date)
    return "", 204


@bp.get("/habits/<int:habit_id>/checkins")
@doc("Check-ins in a date range, oldest first", query=RangeQuery, response=CheckinOut, many=True)
def list_checkins(habit_id):
    habit = habits.habit_of(current_user(), habit_id)
    start, end = date_range(current_user(), **RangeQuery().load(request.args))
    return CheckinOut(many=True).dump(checkins.checkins_between(habit, start, end))


@bp.post("/checkins/batch")
@doc("Apply up to 500 check-in writes; each succeeds or fails alone", body=BatchIn,
     response=BatchOut)
def batch():
    items = BatchIn().load(request_json())["items"]
    results = checkins.run_batch(current_user(), items, BatchItemIn().load,
                                 lambda c: CheckinOut().dump(c) if c is not None else None)
    return {"results": results}
