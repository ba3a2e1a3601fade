"""Reminders, Apprise targets and the calendar feed (RULES.md "Reminders")."""
import hashlib
import re

from marshmallow import ValidationError, validates_schema

from ..errors import FieldError
from ..notify.outbound import APPRISE_SCHEMES
from . import fields, validate
from .fields import Flag, Id, Instant, Schema, Text

TARGETS = ["habit", "reflection", "weekly_summary"]
CHANNELS = ["push", "email", "apprise"]
HH_MM = "^([01][0-9]|2[0-3]):[0-5][0-9]$"


def TimeOfDay(**kwargs):
    """A local time "HH:MM", 24 hours."""
    def check(value):
        if not re.fullmatch(HH_MM.strip("^$"), value):
            raise ValidationError(FieldError("Use a time like 07:30 (24 hours).",
                                             "invalid_format"))
    return fields.String(validate=check, metadata={"pattern": HH_MM}, **kwargs)


def Weekdays(**kwargs):
    return fields.List(fields.Integer(strict=True, validate=validate.Range(0, 6)),
                       validate=validate.Length(1, 7), metadata={"uniqueItems": True}, **kwargs)


def Channels(**kwargs):
    return fields.List(fields.String(validate=validate.OneOf(CHANNELS)),
                       validate=validate.Length(1, 3), metadata={"uniqueItems": True}, **kwargs)


class ReminderIn(Schema):
    target = fields.String(required=True, validate=validate.OneOf(TARGETS))
    habit_id = Id(allow_none=True)
    time = TimeOfDay(required=True)
    days = Weekdays()
    channels = Channels()
    enabled = Flag()
    skip_if_done = Flag()

    @validates_schema
    def distinct(self, data, **kwargs):
        for name in ("days", "channels"):
            if name in data and len(set(data[name])) != len(data[name]):
                raise ValidationError({name: [FieldError("Each only once.", "not_unique")]})


class ReminderOut(Schema):
    id = fields.Integer()
    uuid = fields.String()
    target = fields.String()
    habit_id = fields.Integer(allow_none=True)
    time = fields.String()
    days = fields.List(fields.Integer())
    channels = fields.List(fields.String())
    enabled = fields.Boolean()
    skip_if_done = fields.Boolean()
    next_fire_at = Instant(allow_none=True, metadata={"description": "When it fires next"})
    next_skipped = fields.String(allow_none=True, metadata={
        "description": "Why that fire will not be sent as things stand (the dispatcher's rule: "
                       "\"already done\", \"paused that day\", \"the habit is archived\"...), "
                       "or null when it will be"})
    created_at = Instant()
    undeliverable = fields.List(fields.Nested(lambda: UndeliverableOut()), metadata={
        "description": "Its channels that cannot deliver it as things stand (none: all can)"})


class UndeliverableOut(Schema):
    channel = fields.String(validate=validate.OneOf(CHANNELS))
    reason = fields.String(validate=validate.OneOf(["no_device", "email_off", "apprise_off",
                                                    "no_target"]), metadata={
        "description": "no_device: no device has notifications turned on; email_off: this "
                       "server cannot send email; apprise_off: Apprise is not enabled here; "
                       "no_target: no Apprise target added"})
    message = fields.String(metadata={"description": "What to do, in plain words"})


class UpcomingQuery(Schema):
    hours = fields.Integer(load_default=24, validate=validate.Range(1, 168))


class UpcomingOut(Schema):
    reminder_id = fields.Integer()
    habit_id = fields.Integer(allow_none=True)
    at = fields.String(metadata={"format": "date-time"})
    local_time = fields.String()
    title = fields.String()
    body = fields.String()


class ChannelOutcomeOut(Schema):
    channel = fields.String(validate=validate.OneOf(CHANNELS))
    status = fields.String(validate=validate.OneOf(["sent", "failed", "not_sent"]), metadata={
        "description": "sent; failed (worth trying again later); not_sent (nothing to send to: "
                       "no device with notifications on, no Apprise target, Apprise off)"})
    message = fields.String(metadata={"description": "What happened, in plain words"})


class TestSendOut(Schema):
    sent = fields.Boolean(metadata={"description": "At least one channel took it"})
    outcomes = fields.List(fields.Nested(ChannelOutcomeOut), metadata={
        "description": "Each of the reminder's channels, in its order"})


class DispatcherOut(Schema):
    running = fields.Boolean(metadata={"description": "A dispatcher pass ran in the last five "
                                       "minutes: reminders are being sent"})
    last_pass = Instant(allow_none=True, metadata={
        "description": "When the last pass ran (null: never on this database)"})


class ChannelsOut(Schema):
    dispatcher = fields.Nested(DispatcherOut, metadata={
        "description": "Whether this server is sending reminders now: false when no dispatcher "
                       "has run a pass for five minutes (README: starting the dispatcher)"})
    channels = fields.List(fields.String(validate=validate.OneOf(CHANNELS)),
                           metadata={"description": "The channels this server can deliver "
                                     "through (email once its operator set it up, Apprise once "
                                     "allowed); a notification also needs a device turned on."})


# What the document says of an Apprise URL: a scheme and "://" (no NUL, as every Text). Which
# schemes, and whether the host is outside the server's network, the view judges (a 422).
APPRISE_URL = "^[A-Za-z][A-Za-z0-9+.-]*://[^\\u0000]*$"


class NotifyTargetIn(Schema):
    label = Text(required=True, validate=validate.Length(1, 80))
    url = Text(required=True, validate=validate.Length(1, 2000), metadata={
        "pattern": APPRISE_URL,
        "description": "An Apprise URL (https://github.com/caronc/apprise/wiki), such as "
                       "ntfys://ntfy.sh/my-topic, of one of these services: "
                       f"{', '.join(f'{s}://' for s in APPRISE_SCHEMES)}. Another scheme, a URL "
                       "Apprise cannot read, or a host inside the server's network is a 422."})


class NotifyTargetOut(Schema):
    id = fields.Integer()
    label = fields.String()
    service = fields.String()
    created_at = Instant()


class CalendarUrlOut(Schema):
    url = fields.String()


class PushKeyOut(Schema):
    public_key = fields.String()


class PushKeysIn(Schema):
    p256dh = Text(required=True, validate=validate.Length(1, 200))
    auth = Text(required=True, validate=validate.Length(1, 100))


class PushSubscriptionIn(Schema):
    # Which push services are accepted is checked by the view (server/notify/push.py).
    endpoint = Text(required=True, validate=validate.Length(1, 2000), metadata={
        "format": "uri", "description": "The push service's https URL for this device"})
    keys = fields.Nested(PushKeysIn, required=True)


class PushUnsubscribeIn(Schema):
    endpoint = Text(required=True, validate=validate.Length(1, 2000))


class PushDeviceOut(Schema):
    id = fields.Integer()
    label = fields.String(metadata={"description": "The browser that subscribed: Safari on iPhone"})
    created_at = Instant()
    last_success_at = Instant(allow_none=True, metadata={
        "description": "When its push service last took a notification (null: not yet)"})
    # A browser finds itself in the list by this; the endpoint itself (whoever holds it can post
    # to the device's push service) is never sent back.
    endpoint_sha256 = fields.Function(
        lambda device: hashlib.sha256(device.endpoint.encode()).hexdigest(), metadata={
            "type": "string", "description": "The hex SHA-256 of the device's endpoint"})


SNOOZE_CHOICES = ["30m", "1h", "evening"]


class SnoozeIn(Schema):
    until = fields.String(required=True, validate=validate.OneOf(SNOOZE_CHOICES), metadata={
        "description": "30m, 1h, or evening (19:00 on the user's clock; two hours from now once "
                       "19:00 has passed)"})


class SnoozeOut(Schema):
    until = Instant(metadata={"description": "When the reminder comes again"})
    local_time = fields.String(metadata={"description": "That time on the user's clock, HH:MM"})


class LaterQuery(Schema):
    done = Text(validate=validate.Length(1, 500), metadata={
        "description": "The token of the notification's Done: the page offers Done as well"})


class LaterChoiceQuery(LaterQuery):
    until = fields.String(required=True, validate=validate.OneOf(SNOOZE_CHOICES + ["done"]),
                          metadata={"description": "A Later choice, or done (with `done`)"})
