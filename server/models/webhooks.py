"""Outgoing webhooks (issue 27): the user's URLs, and the outbox of messages to send them, written
in the same transaction as the change each one tells of."""
import uuid

from peewee import (BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
                    IntegerField, SmallIntegerField, TextField, UUIDField)

from ..clock import utcnow
from .accounts import User
from .base import BaseModel, JSONField


# The events the user's webhooks ask for (a sorted list; null when they have none), kept by
# store/webhooks.py in the transactions that change webhooks. The check-in write reads it from the
# user it already holds, so a check-in of a user without webhooks costs no query at all (the PUT's
# three round trips, tests/api/test_hot_path.py). Declared here, with the rest of the webhooks,
# on the User model of models/accounts.py (Peewee's own way to add a field to a model).
User._meta.add_field("webhook_events", JSONField(null=True))


class Webhook(BaseModel):
    """An address of the user's that is told of chosen events, signed with its own secret."""
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, on_delete="CASCADE")
    url = TextField()
    events = JSONField()  # subset of notify/webhooks.py EVENTS
    include_private = BooleanField(default=False)  # name private habits in payloads
    # "whsec_" + base64 of the key, as the Standard Webhooks spec writes it: kept as it is, since
    # signing needs the key itself (shown to the user once, at creation).
    secret = CharField(max_length=100)
    created_at = DateTimeField(default=utcnow)
    # The week (its first day) whose "summary ready" went out: the dispatcher that moves it on
    # is the one that records that week's message.
    summary_week = DateField(null=True)
    # The outcome of the last attempt to deliver, for the settings screen.
    last_status = CharField(max_length=10, null=True)  # sent | failed | given_up | refused
    last_detail = TextField(default="")
    last_at = DateTimeField(null=True)

    @property
    def last_delivery(self):
        """{status, detail, at} of the last attempt, or None before any."""
        if self.last_status is None:
            return None
        return {"status": self.last_status, "detail": self.last_detail, "at": self.last_at}


class WebhookMessage(BaseModel):
    """One event for one webhook: the outbox row and the claim of its delivery. A dispatcher
    sends it after moving it to `sending` in one conditional statement (one wins); failures are
    retried with back-off, a bounded number of times."""
    webhook = ForeignKeyField(Webhook, on_delete="CASCADE")
    msg_id = CharField(max_length=40, unique=True)  # webhook-id: the same on every retry
    event = CharField(max_length=24)
    data = JSONField()  # the facts; names made discreet when sent (notify/webhooks.py)
    # Once per webhook for events that must not repeat ("day.completed:2026-12-07").
    once_key = CharField(max_length=60, null=True)
    created_at = DateTimeField(default=utcnow)
    status = CharField(max_length=10, default="pending")  # pending | sending | sent | failed |
    # given_up | refused
    attempts = IntegerField(default=0)
    next_at = DateTimeField(index=True)  # due from then (pending or failed)
    updated_at = DateTimeField(default=utcnow, index=True)
    response_status = SmallIntegerField(null=True)
    detail = TextField(default="")

    class Meta:
        indexes = ((("webhook", "once_key"), True),)
