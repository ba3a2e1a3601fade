"""Shares with someone the user trusts (issue 25): what a share shows, the link made once, and
the views of it."""
from marshmallow import ValidationError, validates_schema

from ..errors import FieldError
from . import fields, validate
from .fields import Flag, Id, Instant, Schema, Text

STATES = ["live", "expired", "revoked"]


def share_fields(create):
    """The fields of a share as POST (defaults) and PATCH (only what is sent) take them."""
    def default(value):
        return {"load_default": value} if create else {}
    return {
        "name": Text(required=create, validate=validate.Length(1, 80), metadata={
            "description": "Whom it is for: \"Dr. Lee\""}),
        "habit_ids": fields.List(Id(), validate=validate.Length(0, 100), **default(list),
                                 metadata={"description": "Habits shown (never a private one)"}),
        "identity_ids": fields.List(Id(), validate=validate.Length(0, 50), **default(list),
                                    metadata={"description": "Identities shown, each with its "
                                                             "habits that are not private"}),
        "summaries": Flag(**default(True), metadata={"description": "The weeks' summaries"}),
        "mood": Flag(**default(False), metadata={"description": "The mood trend"}),
        "notes": Flag(**default(False), metadata={"description": "The shown habits' notes"}),
        "wellbeing": Flag(**default(False), metadata={"description": "The WHO-5 trend"}),
        "weeks": fields.Integer(strict=True, validate=validate.Range(1, 26), **default(4),
                                metadata={"description": "How many recent weeks it shows"}),
        "expires_in_days": fields.Integer(strict=True, validate=validate.Range(1, 365),
                                          **default(30), load_only=True, metadata={
                                              "description": "It stops working after this many "
                                                             "days (from now)"}),
    }


CHOICES = {"habit_ids", "identity_ids", "mood", "wellbeing"}  # what a share can show


def shows_something(data):
    """A share that shows nothing is a mistake: 422 naming each field that could change that."""
    if not any(data[name] for name in CHOICES):
        raise ValidationError({name: [FieldError("Choose what this share shows.", "required")]
                               for name in sorted(CHOICES)})


def still_shows_something(share, data):
    """A PATCH judged on the share as it would be (`share` as the store answers it: its gone
    choices already left out), when it changes what the share shows."""
    if CHOICES & set(data):
        shows_something({name: data.get(name, getattr(share, name)) for name in CHOICES})


class ShareIn(Schema.from_dict(share_fields(True))):
    @validates_schema
    def shows_something(self, data, **kwargs):
        """As shows_something: POST judges the new share, PATCH the share once changed."""
        shows_something(data)


class SharePatchIn(Schema.from_dict(share_fields(False))):
    pass


class ShareOut(Schema):
    id = fields.Integer()
    name = fields.String()
    habit_ids = fields.List(fields.Integer(), metadata={
        "description": "Chosen habits still there (a deleted one drops out)"})
    identity_ids = fields.List(fields.Integer())
    summaries = fields.Boolean()
    mood = fields.Boolean()
    notes = fields.Boolean()
    wellbeing = fields.Boolean()
    weeks = fields.Integer()
    expires_at = Instant()
    revoked_at = Instant(allow_none=True)
    created_at = Instant()
    state = fields.String(metadata={"enum": STATES})
    views = fields.Integer(metadata={"description": "How often it has been opened"})
    last_viewed_at = Instant(allow_none=True)


class ShareCreatedOut(ShareOut):
    url = fields.String(metadata={"description": "The link, shown only this once"})


class ShareViewOut(Schema):
    at = Instant()
    browser = fields.String(metadata={"description": "\"Safari on iPhone\": never the address"})
