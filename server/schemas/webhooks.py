"""Outgoing webhooks (issue 27): what a user sends to add or change one, and what they see."""
from urllib.parse import urlsplit

from ..notify.webhooks import EVENTS
from . import fields, validate
from .fields import Flag, Instant, Schema, Text

# What the document says of a URL: http(s):// in any case, no NUL. Whether it is https, a plain
# address, and outside the server's network, the store judges after resolving it (a 422).
WEBHOOK_URL = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\u0000]*$"
EVENT_WORDS = ("checkin.logged: a check-in was logged or changed; checkin.deleted: one was "
               "removed; day.completed: the last habit due today was done; summary.ready: the "
               "weekly summary of the week that ended")


class WebhookIn(Schema):
    url = Text(required=True, validate=validate.Length(1, 2000), metadata={
        "pattern": WEBHOOK_URL,
        "description": "An https:// address (http:// too for one inside the server's network, "
                       "where the operator allows those: ORBIT_WEBHOOK_PRIVATE=1). A user name "
                       "or fragment in it, or a host inside the network otherwise, is a 422."})
    events = fields.List(fields.String(validate=validate.OneOf(EVENTS)), required=True,
                         validate=validate.Length(1, len(EVENTS)),
                         metadata={"description": EVENT_WORDS})
    include_private = Flag(load_default=False, metadata={
        "description": "Name private habits in this webhook's messages (otherwise they say "
                       "\"Private habit\" and carry no note)"})


class LastDeliveryOut(Schema):
    status = fields.String(metadata={"enum": ["sent", "failed", "given_up", "refused"],
                                     "description": "failed: it is tried again later; given_up: "
                                                    "after the last try; refused: the address "
                                                    "is one the server does not call"})
    detail = fields.String()
    at = Instant()


def address_of(url):
    """Where a webhook points, without its path or query (they often hold a secret)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class WebhookOut(Schema):
    id = fields.Integer()
    address = fields.Function(lambda row: address_of(row.url), metadata={
        "type": "string", "description": "The scheme and host only: the rest of the URL may "
                                         "hold a secret and is shown only when it is added"})
    events = fields.List(fields.String(validate=validate.OneOf(EVENTS)))
    include_private = fields.Boolean()
    created_at = Instant()
    last_delivery = fields.Nested(LastDeliveryOut, allow_none=True, metadata={
        "description": "The outcome of the last attempt to deliver, null before any"})

class WebhookCreatedOut(WebhookOut):
    url = fields.String()
    secret = fields.String(metadata={
        "description": "The signing secret (Standard Webhooks, whsec_…), shown this once"})
