"""Habits: create, list, read, change, delete."""
from flask import Blueprint, request

from ..schemas import HabitIn, HabitListQuery, HabitOut, HabitsArchiveIn
from ..store import habits, reminders
from .common import current_user, doc, request_json

bp = Blueprint("habits", __name__)


@bp.get("/habits")
@doc("The habits, by position", query=HabitListQuery, response=HabitOut, many=True)
def list_habits():
    archived = HabitListQuery().load(request.args)["archived"]
    return HabitOut(many=True).dump(habits.habits_of(current_user(), archived))


@bp.post("/habits")
@doc("Create a habit", body=HabitIn, response=HabitOut, status=201)
def create_habit():
    habit = habits.create_habit(current_user(), HabitIn().load(request_json()))
    return HabitOut().dump(habit), 201


@bp.post("/habits/archive")
@doc("Archive or restore several habits at once; the habits named, by position",
     body=HabitsArchiveIn, response=HabitOut, many=True)
def archive_habits():
    data = HabitsArchiveIn().load(request_json())
    changed = habits.set_archived(current_user(), data["habit_ids"], data["archived"])
    return HabitOut(many=True).dump(changed)


@bp.get("/habits/<int:habit_id>")
@doc("One habit, with the history of its rules", response=HabitOut)
def get_habit(habit_id):
    return HabitOut().dump(habits.habit_of(current_user(), habit_id))


@bp.patch("/habits/<int:habit_id>")
@doc("Change a habit; a new schedule or target applies from today", body=HabitIn,
     response=HabitOut)
def patch_habit(habit_id):
    habit = habits.habit_of(current_user(), habit_id)
    data = HabitIn(partial=True).load(request_json())
    habit = habits.update_habit(current_user(), habit, data)
    if "schedule" in data:  # a weekdays habit's reminders fire on its days only
        reminders.reschedule_habit(current_user(), habit)
    return HabitOut().dump(habit)


@bp.delete("/habits/<int:habit_id>")
@doc("Delete a habit and everything recorded for it", status=204)
def delete_habit(habit_id):
    habits.delete_habit(habits.habit_of(current_user(), habit_id))
    return "", 204
