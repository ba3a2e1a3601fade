"""Check-ins: one per habit and day, written one at a time or in a batch. With ?include=today a
write answers with the Today item(s) it changed, so the app draws them without reading again."""
from flask import Blueprint, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from ..schemas import (BatchIn, BatchItemIn, BatchTodayOut, CheckinAnswerOut, CheckinIn,
                       CheckinOut, DeletedAnswerOut, IncludeQuery, RangeQuery, TodayItemOut)
from ..store import checkins, habits, today
from ..store.common import date_range
from .common import current_user, doc, request_json

bp = Blueprint("checkins", __name__)
# The hot path's schemas made once: making one deep-copies its fields (~15% of a PUT's CPU), and
# loading or dumping keeps no state in the instance, so threads share them.
CHECKIN_IN, CHECKIN_OUT, ANSWER_OUT = CheckinIn(), CheckinOut(), CheckinAnswerOut()
INCLUDE, ITEM_OUT = IncludeQuery(), TodayItemOut()


def includes_today():
    """Whether the caller asked for the changed Today items (?include=today)."""
    return INCLUDE.load(request.args).get("include") == "today" if request.args else False


def today_item(habit_id, date):
    """The habit's Today item of the date, dumped."""
    return ITEM_OUT.dump(today.today_items(current_user(), date, [habit_id])[0])


@bp.put("/habits/<int:habit_id>/checkins/<day:date>")
@doc("Log a day: fields left out keep their stored values", body=CheckinIn,
     response=CheckinAnswerOut, query=IncludeQuery, status=(201, 200))
def put_checkin(habit_id, date):
    try:
        include = includes_today()
        data = CHECKIN_IN.load(request_json())
    except (HTTPException, ValidationError):
        habits.habit_of(current_user(), habit_id)  # another user's habit: 404, whatever the body
        raise
    # The habit is read (404 when not theirs) under its lock, with the day: one query fewer.
    checkin, created = checkins.put_checkin(current_user(), habit_id, date, data)
    if not include:
        return CHECKIN_OUT.dump(checkin), 201 if created else 200
    return {**ANSWER_OUT.dump(checkin), "today": today_item(habit_id, date)}, 201 if created else 200


@bp.delete("/habits/<int:habit_id>/checkins/<day:date>")
@doc("Remove a day's check-in (with ?include=today: 200 and the habit's Today item)",
     query=IncludeQuery, response=DeletedAnswerOut, status=(204, 200))
def delete_checkin(habit_id, date):
    include = includes_today()
    habit = habits.habit_of(current_user(), habit_id)
    checkins.check_day(current_user(), date)
    checkins.delete_checkin(current_user(), habit, date)
    if include:
        return {"today": today_item(habit_id, date)}
    return "", 204


@bp.get("/habits/<int:habit_id>/checkins")
@doc("Check-ins in a date range, oldest first", query=RangeQuery, response=CheckinOut, many=True)
def list_checkins(habit_id):
    habit = habits.habit_of(current_user(), habit_id)
    start, end = date_range(current_user(), **RangeQuery().load(request.args))
    return CheckinOut(many=True).dump(checkins.checkins_between(habit, start, end))


@bp.post("/checkins/batch")
@doc("Apply up to 500 check-in writes; each succeeds or fails alone", body=BatchIn,
     query=IncludeQuery, response=BatchTodayOut)
def batch():
    include = includes_today()
    items = BatchIn().load(request_json())["items"]
    results = checkins.run_batch(current_user(), items, BatchItemIn().load,
                                 lambda c: CheckinOut().dump(c) if c is not None else None)
    if include:
        # Each Today item as the whole batch left it: read once per day, after every write.
        done = [(BatchItemIn().load(raw), result) for raw, result in zip(items, results)
                if result["ok"]]
        found = today.items_by_day(current_user(), {(i["habit_id"], i["date"]) for i, _ in done})
        for item, result in done:
            result["today"] = ITEM_OUT.dump(found[(item["habit_id"], item["date"])])
    return {"results": results}
