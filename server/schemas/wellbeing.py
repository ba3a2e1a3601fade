"""The wellbeing check (WHO-5, issue 25): the user's choice and contacts, a check's five answers
in, and each check judged out (score, band, change)."""
from . import fields, validate

from .fields import Flag, Instant, Schema, Text
from ..domain.wellbeing import BANDS, HIGHEST, ITEMS

CONTACTS_MAX = 2000
DIRECTIONS = ["first", "up", "down", "steady"]


def Answer(**kwargs):
    return fields.Integer(strict=True, validate=validate.Range(0, HIGHEST), **kwargs)


class WellbeingSettingsIn(Schema):
    enabled = Flag(metadata={"description": "Off unless the user turns it on"})
    contacts = Text(validate=validate.Length(0, CONTACTS_MAX), metadata={
        "description": "The people and services the user chose to reach when things are hard, "
                       "in their own words; offered only when the latest score is low"})


class WellbeingSettingsOut(Schema):
    enabled = fields.Boolean()
    contacts = fields.String()


# One answer per item, 5 (all of the time) to 0 (at no time), after "Over the last two weeks:".
WellbeingCheckIn = Schema.from_dict(
    {key: Answer(required=True, metadata={"description": text}) for key, text in ITEMS},
    name="WellbeingCheckIn")


class WellbeingCheckOut(Schema):
    date = fields.Date(metadata={"description": "The user's day of the check"})
    answers = fields.List(fields.Integer(), metadata={
        "description": "The five answers, 0 to 5, in the instrument's order"})
    score = fields.Integer(metadata={"description": "0 to 100: the sum of the answers times 4"})
    band = fields.String(metadata={"enum": list(BANDS), "description": (
        "good: above 50; poor: 50 or below, the usual cut-off for further assessment; low: 28 "
        "or below, which the instrument's authors read as likely depression")})
    low = fields.Boolean(metadata={"description": "50 or below: the app offers the contacts"})
    change = fields.Integer(allow_none=True, metadata={
        "description": "Points since the check before; null for the first"})
    direction = fields.String(metadata={"enum": DIRECTIONS, "description": (
        "up or down: a change of 10 points or more, which the literature calls meaningful; "
        "steady: less")})
    acted_at = Instant()


class WellbeingItemOut(Schema):
    key = fields.String()
    text = fields.String()


class WellbeingScaleOut(Schema):
    value = fields.Integer()
    label = fields.String()


class WellbeingOut(Schema):
    enabled = fields.Boolean()
    due = fields.Boolean(metadata={
        "description": "On, and the last check is 14 or more days old, or there is none"})
    next_due = fields.Date(metadata={"description": "Two weeks after the last check, or today"})
    latest = fields.Nested(WellbeingCheckOut, allow_none=True)
    checks = fields.List(fields.Nested(WellbeingCheckOut), metadata={
        "description": "Every check, oldest first"})
    contacts = fields.String(metadata={"description": "The user's own support contacts"})
    items = fields.List(fields.Nested(WellbeingItemOut), metadata={
        "description": "The five statements, in order, after \"Over the last two weeks:\""})
    scale = fields.List(fields.Nested(WellbeingScaleOut), metadata={
        "description": "The six answers, 5 down to 0"})
