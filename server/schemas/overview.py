"""A habit's screen in one read (GET /habits/{id}/overview)."""
from . import fields
from .checkins import CheckinOut
from .fields import Schema
from .habits import HabitOut, IdentityOut
from .pauses import PauseOut
from .stats import CalendarDayOut, StatsOut, StrengthPointOut


class OverviewStatsOut(StatsOut):
    rate_days = fields.Integer(metadata={
        "description": "The days completion_rate['30'] covers: 30, or fewer for a younger habit "
                       "(days before it existed are not counted)"})


class CompletionRowOut(Schema):
    start = fields.Date()
    end = fields.Date()
    required = fields.Integer(metadata={"description": "What the period asked for, by the rule "
                                        "in force then (as the weekly summary counts it)"})
    done = fields.Integer()


class CompletionOut(Schema):
    unit = fields.String(metadata={"enum": ["week", "month"]})
    rows = fields.List(fields.Nested(CompletionRowOut), metadata={
        "description": "The last 12 weeks (or months), oldest first, none before the start"})


class OverviewOut(Schema):
    today = fields.Date(metadata={"description": "The user's today, the date all is as of"})
    habit = fields.Nested(HabitOut)
    period_unit = fields.String(metadata={
        "enum": ["days", "weeks", "months", "windows"],
        "description": "What the habit is judged in today: days, or periods of several days"})
    identity = fields.Nested(IdentityOut, only=("id", "statement", "color"), allow_none=True)
    stats = fields.Nested(OverviewStatsOut)
    calendar = fields.List(fields.Nested(CalendarDayOut), metadata={
        "description": "Every day from the start date's month (at most 12 months back) to today"})
    strength = fields.List(fields.Nested(StrengthPointOut), metadata={
        "description": "The last 90 days, or since the start"})
    completion = fields.Nested(CompletionOut)
    checkins = fields.List(fields.Nested(CheckinOut), metadata={
        "description": "The last 365 days' check-ins, oldest first"})
    pauses = fields.List(fields.Nested(PauseOut), metadata={"description": "The habit's own"})
