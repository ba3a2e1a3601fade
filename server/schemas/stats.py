"""What the domain computes, as the API sends it: Today, statistics, strength, calendars."""
from marshmallow import Schema, fields

from .checkins import CheckinOut, ReflectionOut
from .fields import Number
from .habits import HabitOut
from .pauses import PauseOut


class StreakOut(Schema):
    length = fields.Integer()
    unit = fields.String()
    start = fields.Date(allow_none=True)
    end = fields.Date(allow_none=True)


class StatsOut(Schema):
    as_of = fields.Date()
    strength = fields.Float()
    current_streak = fields.Nested(StreakOut)
    best_streak = fields.Nested(StreakOut)
    streaks = fields.List(fields.Nested(StreakOut))
    total_done = fields.Integer()
    completion_rate = fields.Dict(keys=fields.String(), values=fields.Float(allow_none=True))
    by_weekday = fields.List(fields.Integer())


class StrengthPointOut(Schema):
    date = fields.Date(attribute="day")
    value = fields.Float()


CALENDAR_STATES = ["before_start", "paused", "skipped", "done", "partial", "kept", "slip", "open",
                   "missed", "not_due"]


class CalendarDayOut(Schema):
    date = fields.Date(attribute="day")
    state = fields.String(metadata={"enum": CALENDAR_STATES})
    value = Number(allow_none=True)


class CurrentStreakOut(Schema):
    current = fields.Integer()
    unit = fields.String()


class TodayPeriodOut(Schema):
    start = fields.Date()
    end = fields.Date()
    times = fields.Integer(metadata={"description": "Done days the period asks for, by the rule "
                                     "in force on its first day (before skips and pauses)"})


class TodayItemOut(Schema):
    habit = fields.Nested(HabitOut, only=("id", "name", "kind", "measure", "unit", "target",
                                          "schedule", "color", "identity_id", "private"))
    due = fields.Boolean()
    paused = fields.Boolean(metadata={"description": "A pause rests the habit on this date"})
    pause = fields.Nested(PauseOut, allow_none=True, metadata={
        "description": "The pause that rests it (the habit's own before the account's)"})
    checkin = fields.Nested(CheckinOut, allow_none=True)
    done = fields.Boolean()
    streak = fields.Nested(CurrentStreakOut)
    strength = fields.Float()
    period = fields.Nested(TodayPeriodOut, metadata={
        "description": "The period (day, week, month or window) holding the date"})


class TodayOut(Schema):
    date = fields.Date()
    habits = fields.List(fields.Nested(TodayItemOut))
    reflection = fields.Nested(ReflectionOut, allow_none=True)
