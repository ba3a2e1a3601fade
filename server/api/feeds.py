"""What reaches the user outside the app: the calendar feed, Apprise targets, unsubscribe links."""
import re
import secrets

import apprise
from flask import Blueprint, Response, current_app
from marshmallow import ValidationError

from ..auth import public
from ..db import database
from ..errors import ApiError
from ..models import CalendarFeed, Habit, NotifyTarget, Reminder
from ..notify.calendar import feed
from ..notify.channels import SendFailed, reminder_of_token, send_to_targets
from ..notify.outbound import apprise_problem
from ..schemas import CalendarUrlOut, NotifyTargetIn, NotifyTargetOut
from ..security import PAGE_POLICY
from ..store.common import local_today
from ..store.pauses import pauses_of_users
from ..store.reminders import reminders_of, specs_of
from .common import current_user, doc, request_json

bp = Blueprint("feeds", __name__)


def feed_url(token):
    return f"{current_app.config['BASE_URL']}/api/v1/calendar/{token}.ics"


@bp.get("/calendar/token")
@doc("The calendar feed's secret URL (404 when there is none)", response=CalendarUrlOut)
def get_calendar_token():
    row = CalendarFeed.get_or_none(CalendarFeed.user == current_user())
    if row is None:
        raise ApiError(404, "There is no calendar feed yet; create one.")
    return {"url": feed_url(row.token)}


@bp.post("/calendar/token")
@doc("A new secret calendar URL; the old one stops working", response=CalendarUrlOut)
def new_calendar_token():
    token = secrets.token_urlsafe(24)
    with database.atomic():
        CalendarFeed.delete().where(CalendarFeed.user == current_user()).execute()
        CalendarFeed.create(user=current_user(), token=token)
    return {"url": feed_url(token)}


@bp.delete("/calendar/token")
@doc("Stop the calendar feed", status=204)
def delete_calendar_token():
    CalendarFeed.delete().where(CalendarFeed.user == current_user()).execute()
    return "", 204


@bp.get("/calendar/<token>.ics")
@public
@doc("The calendar feed: reminders as recurring events with alarms (no sign-in)",
     media="text/calendar")
def calendar_feed(token):
    row = (CalendarFeed.get_or_none(CalendarFeed.token == token)
           if re.fullmatch(r"[A-Za-z0-9_-]{1,64}", token) else None)
    if row is None:
        raise ApiError(404, "There is no such calendar.")
    user = row.user
    reminders = reminders_of(user)
    habits = {h.id: h for h in Habit.select().where(Habit.user == user)}
    today = local_today(user)
    body = feed(user, reminders, habits, specs_of(user, reminders), today,
                current_app.config["BASE_URL"], pauses_of_users([user.id], today)[user.id])
    return Response(body, mimetype="text/calendar")


UNSUBSCRIBE_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Orbit reminder</title>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
<h1>{heading}</h1><p>{text}</p>{form}</body></html>"""


@bp.get("/unsubscribe/<token>")
@public
@doc("A page that asks before turning the reminder off", media="text/html")
def unsubscribe_page(token):
    reminder = reminder_by_token(token)
    form = ('<form method="post"><button type="submit" style="font-size:1rem;padding:.7rem 1.2rem">'
            "Turn this reminder off</button></form>")
    text = (f"This stops the {reminder.time} reminder emails. You can turn it on again in Orbit."
            if reminder.enabled else "This reminder is already off.")
    return Response(UNSUBSCRIBE_PAGE.format(heading="Stop this reminder?", text=text,
                                            form=form if reminder.enabled else ""),
                    mimetype="text/html", headers={"Content-Security-Policy": PAGE_POLICY})


@bp.post("/unsubscribe/<token>")
@public
@doc("Turn the reminder off (RFC 8058 one-click)", media="text/html")
def unsubscribe(token):
    reminder = reminder_by_token(token)
    Reminder.update(enabled=False, next_fire_at=None).where(Reminder.id == reminder.id).execute()
    return Response(UNSUBSCRIBE_PAGE.format(heading="Reminder off",
                                            text="You will not get this reminder again.", form=""),
                    mimetype="text/html", headers={"Content-Security-Policy": PAGE_POLICY})


def reminder_by_token(token):
    uuid = reminder_of_token(current_app.secret_key, token)
    reminder = Reminder.get_or_none(Reminder.uuid == uuid) if uuid else None
    if reminder is None:
        raise ApiError(404, "This link is not valid (the reminder may be deleted).")
    return reminder


def apprise_enabled():
    """The Apprise endpoints exist only when the operator allows them (ORBIT_APPRISE=1)."""
    if not current_app.config["APPRISE"]:
        raise ApiError(404)


@bp.get("/notify/targets")
@doc("Apprise targets (their URLs are never shown again)", response=NotifyTargetOut, many=True)
def list_targets():
    apprise_enabled()
    rows = NotifyTarget.select().where(NotifyTarget.user == current_user()).order_by(
        NotifyTarget.id)
    return NotifyTargetOut(many=True).dump(list(rows))


@bp.post("/notify/targets")
@doc("Add an Apprise target (ntfy, Gotify, Telegram, Matrix …)", body=NotifyTargetIn,
     response=NotifyTargetOut, status=201,
     errors={422: "Not an Apprise URL of a listed service (see `url`), or its host is inside the "
                  "server's network; `fields` names `url`"})
def add_target():
    apprise_enabled()
    data = NotifyTargetIn().load(request_json())
    service = apprise.Apprise.instantiate(data["url"], suppress_exceptions=True) or None
    problem = apprise_problem(service, data["url"], current_app.config["APPRISE_PRIVATE"])
    if problem:
        raise ValidationError({"url": [problem]})
    row = NotifyTarget.create(user=current_user(), label=data["label"],
                              service=str(service.service_name)[:40], url=data["url"])
    return NotifyTargetOut().dump(row), 201


@bp.delete("/notify/targets/<int:target_id>")
@doc("Remove an Apprise target", status=204)
def delete_target(target_id):
    apprise_enabled()
    target_of(target_id).delete_instance()
    return "", 204


@bp.post("/notify/targets/<int:target_id>/test")
@doc("Send a test message to an Apprise target", status=202)
def test_target(target_id):
    apprise_enabled()
    target = target_of(target_id)
    try:
        send_to_targets(current_app.config, [target], "Orbit",
                        "A test from Orbit: this target works.")
    except SendFailed:
        raise ApiError(409, "Apprise could not deliver to this target.")
    return "", 202


def target_of(target_id):
    target = NotifyTarget.get_or_none(NotifyTarget.id == target_id,
                                      NotifyTarget.user == current_user())
    if target is None:
        raise ApiError(404)
    return target

