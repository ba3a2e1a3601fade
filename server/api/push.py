"""Web Push: the server's key, this user's devices, a test send, and the "Done" of a
notification."""
from flask import Blueprint, current_app, request
from marshmallow import ValidationError
from requests import RequestException

from .. import links
from ..auth import public
from ..errors import ApiError
from ..notify.push import NoDevice, public_key, push, push_endpoint
from ..schemas import PushDeviceOut, PushKeyOut, PushSubscriptionIn, PushUnsubscribeIn
from ..store import devices, push_actions
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
