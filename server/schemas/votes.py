"""An identity's votes per week and its evidence (the latest done days of its habits)."""
from . import fields, validate

from .fields import Number, Schema
from .habits import HabitOut


class VotesQuery(Schema):
    weeks = fields.Integer(load_default=26, validate=validate.Range(1, 104), metadata={
        "description": "How many weeks, this one included (weeks start on the user's week start)"})


class WeekVotesOut(Schema):
    week_start = fields.Date()
    votes = fields.Integer()


class SinceChapterOut(Schema):
    id = fields.Integer()
    name = fields.String()
    start = fields.String(metadata={"format": "date"})
    votes = fields.Integer(metadata={"description": "The identity's votes since it began"})


class IdentityVotesOut(Schema):
    identity_id = fields.Integer()
    as_of = fields.Date(metadata={"description": "The user's today: the last week ends with it"})
    weeks = fields.List(fields.Nested(WeekVotesOut), metadata={"description": "Oldest first"})
    this_month = fields.Integer(metadata={"description": "Votes from the 1st to today"})
    last_month = fields.Integer(metadata={"description": "Votes in the whole month before"})
    last_month_to_date = fields.Integer(metadata={
        "description": "Votes in the month before, from its 1st to the same day of the month"})
    chapter = fields.Nested(SinceChapterOut, allow_none=True, metadata={
        "description": "The current chapter and the votes since it began; null when none has"})


class EvidenceQuery(Schema):
    limit = fields.Integer(load_default=10, validate=validate.Range(1, 50))


class EvidenceOut(Schema):
    date = fields.Date(attribute="day")
    # The projection Today sends (TodayItemOut), so the OpenAPI document names one schema.
    habit = fields.Nested(HabitOut, only=("id", "name", "kind", "measure", "unit", "target",
                                          "schedule", "color", "identity_id", "private"))
    status = fields.String()
    value = Number(allow_none=True)
    note = fields.String()
