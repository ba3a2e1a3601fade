"""Weekly summaries (RULES.md "Weekly summaries"), as the API sends them."""
from . import fields, validate

from .fields import Day, Number, Schema
from .chapters import WeekAnswerOut
from .habits import HabitOut, IdentityOut, PlanOut


class WeeklyQuery(Schema):
    date = Day()
    hide_private = fields.Boolean(load_default=False, metadata={
        "description": "Name private habits \"Private habit\" (for a page to print or share)"})


class HistoryQuery(Schema):
    weeks = fields.Integer(load_default=12, validate=validate.Range(1, 104))


class SuggestionOut(Schema):
    action = fields.String(metadata={"enum": ["raise", "shrink"]})
    text = fields.String()
    patch = fields.Dict(metadata={"description": "The PATCH /habits/{id} body that applies it"})


class WeekStreakOut(Schema):
    current = fields.Integer()
    unit = fields.String()


class HabitWeekOut(Schema):
    habit_id = fields.Integer()
    name = fields.String()
    identity_id = fields.Integer(allow_none=True)
    schedule = fields.Dict()
    scheduled = fields.Integer(allow_none=True)
    done = fields.Integer(allow_none=True)
    skipped = fields.Integer()
    paused = fields.Integer(metadata={"description": "Days a pause covered (not scheduled)"})
    rate = fields.Float(allow_none=True)
    value_total = Number()
    streak = fields.Nested(WeekStreakOut)
    record = fields.Boolean()
    strength_start = fields.Float()
    strength_end = fields.Float()
    suggestion = fields.Nested(SuggestionOut, allow_none=True)
    plan = fields.Nested(PlanOut, allow_none=True, metadata={
        "description": "The habit's if-then plan when a complete week went hard (a build habit "
                       "below half, a per_month one below half in the month that ended, a quit "
                       "habit with a slip); never for a private habit hidden"})
    month_done = fields.Integer(metadata={"description": "per_month habits only"})
    month_required = fields.Integer(metadata={"description": "per_month habits only"})


class TotalsOut(Schema):
    scheduled = fields.Integer()
    done = fields.Integer()
    rate = fields.Float(allow_none=True)
    previous_rate = fields.Float(allow_none=True)
    minutes = Number()


class IdentityWeekOut(Schema):
    identity_id = fields.Integer()
    statement = fields.String()
    votes = fields.Integer()
    previous_votes = fields.Integer()


class MoodWeekOut(Schema):
    average = fields.Float(allow_none=True)
    days = fields.Integer()
    previous_average = fields.Float(allow_none=True)


class InsightOut(Schema):
    kind = fields.String(metadata={"enum": ["mood_link"]})
    habit_id = fields.Integer()
    text = fields.String()
    mood_done = fields.Float()
    mood_not_done = fields.Float()
    days_done = fields.Integer()
    days_not_done = fields.Integer()
    p_value = fields.Float()


class ChapterIdentityWeekOut(Schema):
    identity_id = fields.Integer()
    votes = fields.Integer()
    votes_total = fields.Integer()


class ChapterWeekOut(Schema):
    id = fields.Integer()
    name = fields.String()
    start = fields.String(metadata={"format": "date"})
    votes = fields.Integer(metadata={"description": "Votes from its start to the week's end"})
    votes_total = fields.Integer(metadata={"description": "All votes up to the week's end"})
    identities = fields.List(fields.Nested(ChapterIdentityWeekOut))


class WeeklySummaryOut(Schema):
    week_start = fields.String(metadata={"format": "date"})
    week_end = fields.String(metadata={"format": "date"})
    complete = fields.Boolean()
    totals = fields.Nested(TotalsOut)
    habits = fields.List(fields.Nested(HabitWeekOut))
    identities = fields.List(fields.Nested(IdentityWeekOut))
    mood = fields.Nested(MoodWeekOut)
    insights = fields.List(fields.Nested(InsightOut))
    highlights = fields.List(fields.String())
    chapter = fields.Nested(ChapterWeekOut, allow_none=True, metadata={
        "description": "The chapter current at the week's end, with evidence since it beside "
                       "all time; null when none had begun"})


class WeekHistoryOut(Schema):
    week_start = fields.String(metadata={"format": "date"})
    rate = fields.Float(allow_none=True)
    done = fields.Integer()
    scheduled = fields.Integer()
    votes = fields.Integer()
    mood_average = fields.Float(allow_none=True)


class WeekScreenQuery(Schema):
    date = Day()
    hide_private = fields.Boolean(load_default=False, metadata={
        "description": "Name private habits \"Private habit\" in the summaries (the printable "
                       "week reads the screen with it)"})


class WeekScreenOut(Schema):
    summary = fields.Nested(WeeklySummaryOut, metadata={
        "description": "GET /summaries/weekly?date= (default: this week)"})
    last_week = fields.Nested(WeeklySummaryOut, allow_none=True, metadata={
        "description": "Last week's summary when the week shown is this one, else null"})
    history = fields.List(fields.Nested(WeekHistoryOut), metadata={
        "description": "GET /summaries/weekly/history?weeks=12"})
    habits = fields.List(fields.Nested(HabitOut), metadata={"description": "GET /habits?archived=all"})
    identities = fields.List(fields.Nested(IdentityOut, only=("id", "statement", "color",
                                                               "position")))
    prompt = fields.Nested(WeekAnswerOut, metadata={
        "description": "GET /summaries/weekly/answers/{date}: the week's question, with its "
                       "answer or null"})
    answers = fields.List(fields.Nested(WeekAnswerOut), metadata={
        "description": "GET /summaries/weekly/answers?weeks=12: the answered weeks, newest first"})
