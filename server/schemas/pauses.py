"""Pauses: a rest of one habit, or of every habit, from a day to a day (or until resumed)."""
from . import fields, validate

from .fields import MAX_ID, Day, Id, Instant, Schema, Text


class PauseIn(Schema):
    habit_id = Id(allow_none=True, metadata={"description": "Leave out (or null) to pause "
                                                            "every habit"})
    start = Day(required=True)
    end = Day(allow_none=True)  # the last paused day; left out or null: until resumed
    note = Text(validate=validate.Length(max=500))


class PausePatchIn(Schema):
    start = Day()
    end = Day(allow_none=True)  # resume: the last paused day; null: paused until resumed
    note = Text(validate=validate.Length(max=500))


class PauseOut(Schema):
    id = fields.Integer()
    uuid = fields.String()
    habit_id = fields.Integer(allow_none=True)
    start = fields.Date()
    end = fields.Date(allow_none=True)
    note = fields.String()
    created_at = Instant()


class PauseQuery(Schema):
    # A query string is text: not strict, but bounded like every id.
    habit_id = fields.Integer(validate=validate.Range(1, MAX_ID))
