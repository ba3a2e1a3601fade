"""Web Push: the server's key, this user's devices, and the "Done" of a notification."""
from flask import Blueprint, current_app
from marshmallow import ValidationError

from ..auth import public
from ..db import database
from ..errors import ApiError
from ..models import PushSubscription
from ..notify.push import public_key, push_service_allowed, use_action
from ..schemas import PushKeyOut, PushSubscriptionIn, PushUnsubscribeIn
from ..store.checkins import put_checkin
from ..store.habits import attach_rules
from .common import current_user, doc, request_json

bp = Blueprint("push", __name__)


@bp.get("/push/key")
@doc("The VAPID public key to subscribe with", response=PushKeyOut)
def push_key():
    return {"public_key": public_key(current_app.config)}


@bp.post("/push/subscriptions")
@doc("This device accepts notifications", body=PushSubscriptionIn, status=201)
def subscribe():
    data = PushSubscriptionIn().load(request_json())
    if not push_service_allowed(current_app.config, data["endpoint"]):
        raise ValidationError({"endpoint": ["Not the https address of a browser's push service."]})
    keys = data["keys"]
    # A device already known keeps its owner: only they can renew its keys.
    PushSubscription.insert(user=current_user(), endpoint=data["endpoint"], p256dh=keys["p256dh"],
                            auth=keys["auth"]).on_conflict(
        conflict_target=[PushSubscription.endpoint],
        update={PushSubscription.p256dh: keys["p256dh"], PushSubscription.auth: keys["auth"]},
        where=(PushSubscription.user == current_user().id)).execute()
    return "", 201


@bp.delete("/push/subscriptions")
@doc("This device stops receiving notifications", body=PushUnsubscribeIn, status=204)
def unsubscribe():
    endpoint = PushUnsubscribeIn().load(request_json())["endpoint"]
    PushSubscription.delete().where(PushSubscription.endpoint == endpoint,
                                    PushSubscription.user == current_user()).execute()
    return "", 204


@bp.post("/actions/<token>")
@public
@doc("The “Done” of a notification: logs the day once (no cookie, no CSRF)", status=204)
def act(token):
    with database.atomic():  # a write that fails gives the token back
        action = use_action(current_app.secret_key, token)
        if action is None:
            raise ApiError(404, "This action has been used, has expired or is not one of ours.")
        habit = attach_rules([action.habit])[0]
        done = {"status": "done"} | ({} if action.value is None else {"value": action.value})
        put_checkin(habit.user, habit, action.day, done)
    return "", 204
