"""Web Push: the server's key, this user's devices, a test send, and the "Done" and "Later" of
a notification (Later's page serves reminder emails too)."""
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, current_app, request
from marshmallow import ValidationError
from requests import RequestException

from .. import clock, links
from ..auth import public
from ..domain.snooze import later
from ..errors import ApiError
from ..notify.channels import link_of
from ..notify.push import NoDevice, public_key, push, push_endpoint
from ..schemas import PushDeviceOut, PushKeyOut, PushSubscriptionIn, PushUnsubscribeIn
from ..schemas.reminders import LaterChoiceQuery, LaterQuery, SnoozeIn, SnoozeOut
from ..security import PAGE_POLICY
from ..store import devices, push_actions, snoozes
from . import later_page
from .common import current_user, doc, request_json

bp = Blueprint("push", __name__)


@bp.get("/push/key")
@doc("The VAPID public key to subscribe with", response=PushKeyOut)
def push_key():
    return {"public_key": public_key(current_app.config)}


@bp.get("/push/subscriptions")
@doc("This user's devices that accept notifications, newest first", response=PushDeviceOut,
     many=True)
def list_devices():
    return PushDeviceOut(many=True).dump(devices.devices_of(current_user()))


@bp.post("/push/subscriptions")
@doc("This device accepts notifications (409: it does for another account)",
     body=PushSubscriptionIn, response=PushDeviceOut, status=201)
def subscribe():
    data = PushSubscriptionIn().load(request_json())
    endpoint = push_endpoint(current_app.config, data["endpoint"])
    if endpoint is None:
        raise ValidationError({"endpoint": ["Not the https address of a browser's push service."]})
    device = devices.save_device(current_user(), endpoint, data["keys"],
                                 request.headers.get("User-Agent"))
    return PushDeviceOut().dump(device), 201


@bp.delete("/push/subscriptions")
@doc("This device stops receiving notifications", body=PushUnsubscribeIn, status=204)
def unsubscribe():
    endpoint = PushUnsubscribeIn().load(request_json())["endpoint"]
    devices.remove_device_by_endpoint(current_user(), endpoint)
    return "", 204


@bp.delete("/push/subscriptions/<int:device_id>")
@doc("Remove one of this user's devices (from any of them)", status=204)
def remove_device(device_id):
    devices.remove_device(devices.device_of(current_user(), device_id))
    return "", 204


@bp.post("/push/test")
@doc("Send a test notification to every device of this user", status=202)
def test_push():
    config = current_app.config
    payload = {"title": "Orbit", "body": "Notifications from Orbit reach this device.",
               "tag": "orbit-test", "url": links.absolute("/#/settings/reminders")}
    try:
        push(config, current_user(), payload)
    except NoDevice as error:
        raise ApiError(409, f"Nothing was sent: {error}.")
    except RequestException:  # the push service could not be reached; what answered stays here
        raise ApiError(409, "It could not be sent: the push service did not answer. Try again "
                            "later.")
    return "", 202


@bp.post("/actions/<token>")
@public
@doc("The “Done” of a notification: logs the day once (no cookie, no CSRF)", status=204)
def act(token):
    push_actions.log_action(current_app.secret_key, token)
    return "", 204


@bp.post("/snooze/<token>")
@public
@doc("The “Later” of a notification: it comes once more at the time chosen, unless the habit "
     "is done by then (no cookie, no CSRF)", body=SnoozeIn, response=SnoozeOut)
def snooze(token):
    reminder, day = snoozes.snoozed_of_token(current_app.secret_key, token)
    until = SnoozeIn().load(request_json())["until"]
    fire = snoozes.snooze(reminder, day, until)
    return SnoozeOut().dump({"until": fire, "local_time": snoozes.local_time(reminder, fire)})


@bp.get("/later/<token>")
@public
@doc("The page a reminder's tap or email opens: Done (given its token) and Later's times; "
     "it changes nothing", query=LaterQuery, media="text/html")
def later_choices(token):
    reminder, _ = snoozes.snoozed_of_token(current_app.secret_key, token)
    done = LaterQuery().load(request.args).get("done")
    now, zone = clock.now(), reminder.user.timezone
    times = {choice: (f"?until={choice}" + (f"&done={done}" if done else ""),
                      snoozes.local_time(reminder, later(choice, now, ZoneInfo(zone))))
             for choice in ("30m", "1h", "evening")}
    body = later_page.choices_page(snoozes.title_of(reminder), times,
                                   f"?until=done&done={done}" if done else None, app_of(reminder))
    return html(body)


@bp.post("/later/<token>")
@public
@doc("A choice of the Later page: put the reminder off, or log its Done", query=LaterChoiceQuery,
     media="text/html")
def later_chosen(token):
    reminder, day = snoozes.snoozed_of_token(current_app.secret_key, token)
    query = LaterChoiceQuery().load(request.args)
    title, app_url = snoozes.title_of(reminder), app_of(reminder)
    if query["until"] != "done":
        fire = snoozes.snooze(reminder, day, query["until"])
        return html(later_page.snoozed_page(title, snoozes.local_time(reminder, fire), app_url))
    if not query.get("done"):
        raise ValidationError({"done": ["Done needs the token of the notification's Done."]})
    try:
        push_actions.log_action(current_app.secret_key, query["done"])
    except ApiError:  # used already, expired, or not one of ours: say so on the page
        return html(later_page.logged_page(title, app_url, ok=False))
    return html(later_page.logged_page(title, app_url))


def app_of(reminder):
    """Where the page's "Open Orbit" leads: the reminder's screen, at the address this page was
    reached at (a page answers its own request; an email's links follow the user instead)."""
    return link_of(reminder, links.base_url(current_app.config))


def html(body):
    return Response(body, mimetype="text/html", headers={"Content-Security-Policy": PAGE_POLICY})
