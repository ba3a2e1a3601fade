"""Outgoing webhooks (issue 27): the user's signed webhook URLs, and a test message."""
import uuid

from flask import Blueprint, current_app

from ..clock import utcnow
from ..errors import ApiError
from ..notify.webhooks import TEST_EVENT, deliver
from ..schemas.webhooks import WebhookCreatedOut, WebhookIn, WebhookOut
from ..store import webhooks
from .common import current_user, doc, request_json

bp = Blueprint("webhooks", __name__)
REFUSED_URL = ("The URL is not an https address outside the server's network (or, with "
               "ORBIT_WEBHOOK_PRIVATE=1, an http one inside it); `fields` names `url`")


def allow_private():
    return current_app.config.get("WEBHOOK_PRIVATE", False)


@bp.get("/webhooks")
@doc("This user's webhooks, oldest first, each with its last delivery", response=WebhookOut,
     many=True)
def list_webhooks():
    return WebhookOut(many=True).dump(webhooks.webhooks_of(current_user()))


@bp.post("/webhooks")
@doc("Add a webhook; its signing secret is in this answer only", body=WebhookIn,
     response=WebhookCreatedOut, status=201,
     errors={422: REFUSED_URL, 409: "The user already has the most webhooks allowed"})
def add_webhook():
    data = WebhookIn().load(request_json())
    row = webhooks.create_webhook(current_user(), data, allow_private())
    return WebhookCreatedOut().dump(row), 201


@bp.patch("/webhooks/<int:webhook_id>")
@doc("Change a webhook's URL, events or whether it names private habits", body=WebhookIn,
     response=WebhookOut, errors={422: REFUSED_URL})
def change_webhook(webhook_id):
    webhook = webhooks.webhook_of(current_user(), webhook_id)
    data = WebhookIn(partial=True).load(request_json())
    return WebhookOut().dump(webhooks.update_webhook(webhook, data, allow_private()))


@bp.delete("/webhooks/<int:webhook_id>")
@doc("Remove a webhook (what was waiting to be sent to it is dropped)", status=204)
def delete_webhook(webhook_id):
    webhooks.delete_webhook(webhooks.webhook_of(current_user(), webhook_id))
    return "", 204


@bp.post("/webhooks/<int:webhook_id>/test")
@doc("Send a signed test message (webhook.test) now; its outcome is the last delivery",
     response=WebhookOut, status=202,
     errors={409: "It was not delivered (refused, unreachable, or not answered with 2xx): the "
                  "message says why in plain words"})
def test_webhook(webhook_id):
    webhook = webhooks.webhook_of(current_user(), webhook_id)
    status, _, detail = deliver(current_app.config, webhook, f"msg_{uuid.uuid4().hex}",
                                TEST_EVENT, {"message": "A test from Orbit."}, utcnow())
    webhooks.record_outcome(webhook, status, detail)
    if status != "sent":
        raise ApiError(409, detail)
    return WebhookOut().dump(webhook), 202
