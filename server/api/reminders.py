"""Reminders: the rules, what fires next, and a test send."""
from flask import Blueprint, current_app, request

from .. import clock
from ..notify.channels import send_on_channels
from ..notify.email import MailNotConfigured, smtp_settings
from ..schemas import (ChannelsOut, ReminderIn, ReminderOut, TestSendOut, UpcomingOut,
                       UpcomingQuery)
from ..store import reminders
from ..store.common import local_today
from ..store.habits import habit_of
from .common import current_user, doc, request_json

bp = Blueprint("reminders", __name__)


@bp.get("/reminders")
@doc("The reminders, oldest first", response=ReminderOut, many=True)
def list_reminders():
    return ReminderOut(many=True).dump(judged(reminders.reminders_of(current_user())))


@bp.post("/reminders")
@doc("Create a reminder (for a habit, the daily reflection or the weekly summary)",
     body=ReminderIn, response=ReminderOut, status=201)
def create_reminder():
    data = ReminderIn().load(request_json())
    reminder = reminders.create_reminder(current_user(), data, current_app.config["APPRISE"])
    return ReminderOut().dump(judged([reminder])[0]), 201


@bp.get("/reminders/upcoming")
@doc("What fires in the next hours, in time order", query=UpcomingQuery, response=UpcomingOut,
     many=True)
def upcoming():
    hours = UpcomingQuery().load(request.args)["hours"]
    return UpcomingOut(many=True).dump(reminders.upcoming_of(current_user(), hours, clock.now()))


def email_ready(config):
    try:
        smtp_settings(config)
    except MailNotConfigured:
        return False
    return True


def judged(items):
    """The reminders with `undeliverable`: the server says which channels cannot deliver them."""
    config = current_app.config
    items = reminders.with_next_skipped(current_user(), items)
    return reminders.with_undeliverable(current_user(), items, email_ready(config),
                                        bool(config["APPRISE"]))


@bp.get("/reminders/channels")
@doc("The channels this server can deliver reminders through, and whether its dispatcher runs",
     response=ChannelsOut)
def channels():
    config, offered = current_app.config, ["push"]
    if email_ready(config):
        offered.append("email")
    if config["APPRISE"]:
        offered.append("apprise")
    return ChannelsOut().dump({"channels": offered,
                               "dispatcher": reminders.dispatcher_state(clock.now())})


@bp.get("/reminders/<int:reminder_id>")
@doc("One reminder", response=ReminderOut)
def get_reminder(reminder_id):
    return ReminderOut().dump(judged([reminders.reminder_of(current_user(), reminder_id)])[0])


@bp.patch("/reminders/<int:reminder_id>")
@doc("Change a reminder", body=ReminderIn, response=ReminderOut)
def patch_reminder(reminder_id):
    reminder = reminders.reminder_of(current_user(), reminder_id)
    data = ReminderIn(partial=True).load(request_json())
    reminder = reminders.update_reminder(current_user(), reminder, data,
                                         current_app.config["APPRISE"])
    return ReminderOut().dump(judged([reminder])[0])


@bp.delete("/reminders/<int:reminder_id>")
@doc("Delete a reminder", status=204)
def delete_reminder(reminder_id):
    reminders.delete_reminder(reminders.reminder_of(current_user(), reminder_id))
    return "", 204


@bp.post("/reminders/<int:reminder_id>/test")
@doc("Send the reminder now on its channels: what was sent where, and what was not and why",
     response=TestSendOut)
def test_reminder(reminder_id):
    user = current_user()
    reminder = reminders.reminder_of(user, reminder_id)
    habit = habit_of(user, reminder.habit_id) if reminder.habit_id else None
    title, body = reminders.message(reminder, habit)
    outcomes = send_on_channels(current_app.config, reminder, user, title, body, habit=habit,
                                day=local_today(user))
    return TestSendOut().dump({"sent": any(o["status"] == "sent" for o in outcomes),
                               "outcomes": outcomes})
