"""What the domain computes, as the API sends it: Today, statistics, strength, calendars."""
from . import fields, validate

from .chapters import OfferOut
from .checkins import BatchResultOut, CheckinOut, ReflectionOut, TapOut
from .fields import Number, Schema
from .habits import HabitOut, PlanOut
from .pauses import PauseOut
from .summaries import SuggestionOut


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
                   "missed", "bridged", "not_due"]


class CalendarDayOut(Schema):
    date = fields.Date(attribute="day")
    state = fields.String(metadata={"enum": CALENDAR_STATES, "description":
                                    "bridged: a missed day never miss twice kept the streak over "
                                    "(not a done day)"})
    value = Number(allow_none=True)


class CurrentStreakOut(Schema):
    current = fields.Integer()
    unit = fields.String()


class TodayPeriodOut(Schema):
    start = fields.Date()
    end = fields.Date()
    times = fields.Integer(metadata={"description": "Done days the period asks for, by the rule "
                                     "in force on its first day (before skips and pauses)"})
    required = fields.Integer(metadata={
        "description": "Done days it asks for once its skipped and paused days are taken off"})
    done = fields.Integer(metadata={"description": "Done (kept) days in it so far"})
    unit = fields.String(metadata={"enum": ["days", "weeks", "months", "windows"]})
    state = fields.String(metadata={"enum": ["met", "neutral", "open", "missed"]})


class TodayRuleOut(Schema):
    target = Number(allow_none=True, metadata={
        "description": "The target in force on the date: a tap logs it, done is judged by it"})
    schedule = fields.Dict(metadata={"description": "The schedule in force on the date"})


class LapseOut(Schema):
    """A kind restart (issue 24): what went missing just before the date, so the app greets the
    habit with a way back, and after a second miss offers a smaller step or a pause."""
    misses = fields.Integer(metadata={"minimum": 1, "maximum": 2, "description":
                                      "Missed periods in a row just before the date's own "
                                      "(skipped, paused and days off between count for nothing); "
                                      "2 stands for 2 or more"})
    unit = fields.String(metadata={"enum": ["days", "weeks", "months", "windows"],
                                   "description": "The unit of the latest missed period"})
    last_missed = fields.Date(metadata={"description": "First day of the latest missed period"})
    smaller = fields.Nested(SuggestionOut, allow_none=True, metadata={
        "description": "After two misses, a smaller step (the weekly summary's shrink; for daily "
                       "and every-n-days yes/no habits a little more room); null after one, for "
                       "quit habits, appointments, or when nothing is smaller"})


class SlipOut(Schema):
    kept_before = fields.Integer(metadata={
        "description": "Days kept in the run this slip ended (the streak on the day before)"})


class TodayItemOut(Schema):
    habit = fields.Nested(HabitOut, only=("id", "name", "kind", "measure", "unit", "target",
                                          "schedule", "color", "identity_id", "private",
                                          "start_date"))
    due = fields.Boolean()
    paused = fields.Boolean(metadata={"description": "A pause rests the habit on this date"})
    pause = fields.Nested(PauseOut, allow_none=True, metadata={
        "description": "The pause that rests it (the habit's own before the account's)"})
    checkin = fields.Nested(CheckinOut, allow_none=True)
    done = fields.Boolean()
    left = fields.Boolean(metadata={
        "description": "Still to do on the date: a build habit due, not done, not skipped, "
                       "not paused (what the app's badge counts)"})
    plan = fields.Nested(PlanOut, allow_none=True, metadata={
        "description": "The habit's if-then plan while Today shows it: until a build habit is "
                       "done (a quit habit's all day), not while paused; null without a plan"})
    before_start = fields.Boolean(metadata={
        "description": "The date is before the habit's start date (logging it moves the start "
                       "back); nothing is judged"})
    rule = fields.Nested(TodayRuleOut, metadata={
        "description": "The target and schedule in force on the date (habit.target is today's)"})
    streak = fields.Nested(CurrentStreakOut)
    strength = fields.Float()
    period = fields.Nested(TodayPeriodOut, allow_none=True, metadata={
        "description": "The period (day, week, month or window) holding the date, judged on it: "
                       "null before the start date"})
    lapse = fields.Nested(LapseOut, allow_none=True, metadata={
        "description": "Misses just before the date while it is still to do: null once it is "
                       "done, its period met, skipped, paused or asking nothing, and for a quit "
                       "habit on a day with a slip"})
    slip = fields.Nested(SlipOut, allow_none=True, metadata={
        "description": "A quit habit's slip on the date: how many days were kept before it; "
                       "null otherwise"})
    tap = fields.Nested(TapOut, metadata={
        "description": "What one tap on the habit's log button records on the date, for the "
                       "app to copy (also offline, from the last answer)"})


class TodayOut(Schema):
    date = fields.Date()
    habits = fields.List(fields.Nested(TodayItemOut))
    left = fields.Integer(metadata={
        "description": "How many habits are still to do on the date (items with left): the "
                       "app's badge, a Home Assistant sensor"})
    later = fields.List(fields.Nested(TodayItemOut), metadata={
        "description": "Habits that start after the date (before_start items)"})
    strip = fields.List(fields.Date(), metadata={
        "description": "The seven days of the day strip, oldest first"})
    reflection = fields.Nested(ReflectionOut, allow_none=True)
    fresh_start = fields.Nested(OfferOut, allow_none=True, metadata={
        "description": "A fresh start offered at a landmark the user chose (GET /fresh-start), "
                       "on the user's today only, until set aside"})
    wellbeing_invite = fields.Boolean(metadata={
        "description": "The wellbeing check (GET /wellbeing) is on and due, on the user's today "
                       "only, unless its invitation was set aside in the last week"})


class IncludeQuery(Schema):
    include = fields.String(validate=validate.OneOf(["today"]), metadata={
        "description": "today: the answer also carries the changed Today item(s), shaped as "
                       "GET /today returns them, so an app draws the change without reading again"})


class CheckinAnswerOut(CheckinOut):
    today = fields.Nested(TodayItemOut, metadata={
        "description": "With ?include=today: the habit's Today item of the date after the write"})


class DeletedAnswerOut(Schema):
    today = fields.Nested(TodayItemOut, metadata={
        "description": "The habit's Today item of the date after the deletion"})


class BatchResultTodayOut(BatchResultOut):
    today = fields.Nested(TodayItemOut, allow_none=True, metadata={
        "description": "With ?include=today, for an item that succeeded: its habit's Today item "
                       "of its date after the whole batch"})


class BatchTodayOut(Schema):
    results = fields.List(fields.Nested(BatchResultTodayOut))
