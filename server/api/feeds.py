"""What reaches the user outside the app: the calendar feed, Apprise targets, unsubscribe links."""
import apprise
from flask import Blueprint, Response, current_app
from marshmallow import ValidationError

from .. import links
from ..auth import public
from ..errors import ApiError
from ..notify.calendar import feed
from ..notify.channels import SendFailed, reminder_of_token, send_to_targets
from ..notify.outbound import apprise_problem
from ..schemas import CalendarUrlOut, NotifyTargetIn, NotifyTargetOut
from ..security import PAGE_POLICY
from ..store import feeds
from ..store.common import local_today
from ..store.pauses import pauses_of_users
from ..store.reminders import reminders_of, specs_of
from .common import current_user, doc, request_json

bp = Blueprint("feeds", __name__)


def feed_url(token):
    """The feed's address, where this request reached the server (server/links.py)."""
    return links.absolute(f"/api/v1/calendar/{token}.ics")


@bp.get("/calendar/token")
@doc("The calendar feed's secret URL (404 when there is none)", response=CalendarUrlOut)
def get_calendar_token():
    token = feeds.calendar_token_of(current_user())
    if token is None:
        raise ApiError(404, "There is no calendar feed yet; create one.")
    return {"url": feed_url(token)}


@bp.post("/calendar/token")
@doc("A new secret calendar URL; the old one stops working", response=CalendarUrlOut)
def new_calendar_token():
    return {"url": feed_url(feeds.new_calendar_token(current_user()))}


@bp.delete("/calendar/token")
@doc("Stop the calendar feed", status=204)
def delete_calendar_token():
    feeds.delete_calendar_token(current_user())
    return "", 204


@bp.get("/calendar/<token>.ics")
@public
@doc("The calendar feed: reminders as recurring events with alarms (no sign-in)",
     media="text/calendar")
def calendar_feed(token):
    user = feeds.feed_owner(token)
    reminders = reminders_of(user)
    today = local_today(user)
    # The links inside point where the calendar app reached the server: the feed's own address.
    body = feed(user, reminders, feeds.habits_by_id(user), specs_of(user, reminders), today,
                links.base_url(), pauses_of_users([user.id], today)[user.id])
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
    feeds.turn_off(reminder)
    return Response(UNSUBSCRIBE_PAGE.format(heading="Reminder off",
                                            text="You will not get this reminder again.", form=""),
                    mimetype="text/html", headers={"Content-Security-Policy": PAGE_POLICY})


def reminder_by_token(token):
    return feeds.reminder_of_uuid(reminder_of_token(current_app.secret_key, token))


def apprise_enabled():
    """The Apprise endpoints exist only when the operator allows them (ORBIT_APPRISE=1)."""
    if not current_app.config["APPRISE"]:
        raise ApiError(404)


@bp.get("/notify/targets")
@doc("Apprise targets (their URLs are never shown again)", response=NotifyTargetOut, many=True)
def list_targets():
    apprise_enabled()
    return NotifyTargetOut(many=True).dump(feeds.targets_of(current_user()))


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
    row = feeds.add_target(current_user(), data["label"], str(service.service_name), data["url"])
    return NotifyTargetOut().dump(row), 201


@bp.delete("/notify/targets/<int:target_id>")
@doc("Remove an Apprise target", status=204)
def delete_target(target_id):
    apprise_enabled()
    feeds.delete_target(feeds.target_of(current_user(), target_id))
    return "", 204


@bp.post("/notify/targets/<int:target_id>/test")
@doc("Send a test message to an Apprise target", status=202)
def test_target(target_id):
    apprise_enabled()
    target = feeds.target_of(current_user(), target_id)
    try:
        send_to_targets(current_app.config, [target], "Orbit",
                        "A test from Orbit: this target works.")
    except SendFailed:
        raise ApiError(409, "Apprise could not deliver to this target.")
    return "", 202

