"""Pauses: rest one habit, or every habit, for a while; resume by setting the end."""
from flask import Blueprint, request

from ..schemas import PauseIn, PauseOut, PausePatchIn, PauseQuery
from ..store import pauses
from .common import current_user, doc, request_json

bp = Blueprint("pauses", __name__)


@bp.get("/pauses")
@doc("The pauses (of every habit, or one habit's own), by start", query=PauseQuery,
     response=PauseOut, many=True,
     errors={422: "`habit_id` is not one of the user's habits; `fields` names it"})
def list_pauses():
    habit_id = PauseQuery().load(request.args).get("habit_id")
    return PauseOut(many=True).dump(pauses.pauses_of(current_user(), habit_id))


@bp.post("/pauses")
@doc("Pause one habit, or every habit; an overlapping pause of the same scope is a 409",
     body=PauseIn, response=PauseOut, status=201,
     errors={422: "`habit_id` is not one of the user's habits, or the end is before the start, "
                  "or a day is more than a year from today; `fields` names which"})
def create_pause():
    pause = pauses.create_pause(current_user(), PauseIn().load(request_json()))
    return PauseOut().dump(pause), 201


@bp.get("/pauses/<int:pause_id>")
@doc("One pause", response=PauseOut)
def get_pause(pause_id):
    return PauseOut().dump(pauses.pause_of(current_user(), pause_id))


@bp.patch("/pauses/<int:pause_id>")
@doc("Change a pause: resume by setting its end (the last paused day)", body=PausePatchIn,
     response=PauseOut)
def patch_pause(pause_id):
    pause = pauses.pause_of(current_user(), pause_id)
    data = PausePatchIn().load(request_json())
    return PauseOut().dump(pauses.update_pause(current_user(), pause, data))


@bp.delete("/pauses/<int:pause_id>")
@doc("Remove a pause: its days count as they were logged", status=204)
def delete_pause(pause_id):
    pauses.delete_pause(current_user(), pauses.pause_of(current_user(), pause_id))
    return "", 204
