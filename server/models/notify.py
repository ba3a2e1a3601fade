"""Reminders and how they go out: deliveries, Apprise targets, the calendar feed, Web Push
devices and the action tokens of their "Done"."""
import uuid

from peewee import (BooleanField, CharField, DateField, DateTimeField, DoubleField, ForeignKeyField,
                    IntegerField, TextField, UUIDField)

from ..clock import utcnow
from .accounts import User
from .base import BaseModel, JSONField
from .records import Habit


class Reminder(BaseModel):
    """A local time on weekdays, for a habit, the daily reflection or the weekly summary."""
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, on_delete="CASCADE")
    habit = ForeignKeyField(Habit, null=True, on_delete="CASCADE")
    target = CharField(max_length=14)  # habit | reflection | weekly_summary
    time = CharField(max_length=5)  # "HH:MM", local
    days = JSONField()  # weekdays, Monday = 0
    channels = JSONField()  # subset of push, email, apprise
    enabled = BooleanField(default=True)
    skip_if_done = BooleanField(default=True)
    # The next instant it fires (naive UTC), kept by the store: the dispatcher asks the database
    # for what is due instead of computing every reminder's time on every pass.
    next_fire_at = DateTimeField(null=True, index=True)
    created_at = DateTimeField(default=utcnow)


class Delivery(BaseModel):
    """One reminder on one local date: claimed by inserting this row before anything is sent,
    so that any number of dispatchers send it once."""
    reminder = ForeignKeyField(Reminder, on_delete="CASCADE")
    local_date = DateField()
    fire_at = DateTimeField()
    status = CharField(max_length=8)  # sending | sent | skipped | missed | failed
    attempts = IntegerField(default=0)
    retry_at = DateTimeField(null=True, index=True)
    detail = TextField(default="")
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("reminder", "local_date"), True),)


class DispatcherHeartbeat(BaseModel):
    """When a dispatcher last finished a pass (one row, whichever dispatcher wrote last): the app
    tells its users when no reminders are being sent."""
    name = CharField(max_length=32, primary_key=True)  # "dispatcher"
    last_pass_at = DateTimeField()


class NotifyTarget(BaseModel):
    """An Apprise URL of the user's (ntfy, Telegram…): a secret, never sent back or logged."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    label = CharField(max_length=80)
    service = CharField(max_length=40)
    url = TextField()
    created_at = DateTimeField(default=utcnow)


class CalendarFeed(BaseModel):
    """The secret of a user's calendar feed URL; a new one replaces it."""
    user = ForeignKeyField(User, unique=True, on_delete="CASCADE")
    token = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)


class PushSubscription(BaseModel):
    """A device that accepts Web Push for the user (its push service's endpoint and keys)."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    endpoint = TextField(unique=True)
    p256dh = CharField(max_length=200)
    auth = CharField(max_length=100)
    created_at = DateTimeField(default=utcnow)
    label = CharField(max_length=100, default="")  # "Chrome on Pixel 8", from its User-Agent
    last_success_at = DateTimeField(null=True)  # when its push service last took a notification


class ActionToken(BaseModel):
    """The "Done" of one notification: logs one check-in, once, until it expires."""
    habit = ForeignKeyField(Habit, on_delete="CASCADE")
    day = DateField()
    value = DoubleField(null=True)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)
