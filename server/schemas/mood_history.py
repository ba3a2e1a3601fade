"""The mood history screen (issue 25): its query, and the answer in the shape the screen draws."""
import datetime
import re

from marshmallow import ValidationError, validates_schema

from ..errors import FieldError
from . import fields, validate
from .fields import Schema

MONTH_PATTERN = "^(19[7-9][0-9]|[2-9][0-9]{3})-(0[1-9]|1[0-2])$"


class Month(fields.String):
    """A month "YYYY-MM" from 1970-01 on, loaded as its first day and dumped back as "YYYY-MM"."""

    def __init__(self, **kwargs):
        kwargs["metadata"] = {"pattern": MONTH_PATTERN, "description": "A month, YYYY-MM",
                              **kwargs.get("metadata", {})}
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not re.fullmatch(MONTH_PATTERN.strip("^$"), text):
            raise ValidationError(FieldError("Use a month like 2026-03, from 1970-01 on.",
                                             "invalid_format"))
        return datetime.date(int(text[:4]), int(text[5:]), 1)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else value.strftime("%Y-%m")


class MoodHistoryQuery(Schema):
    year = fields.Integer(validate=validate.Range(1970, datetime.MAXYEAR), metadata={
        "description": "The calendar's year; default the month's year, else today's"})
    month = Month(metadata={"description": "The month whose entries are listed; default the "
                            "year's last month up to today; with a year, one of that year"})

    @validates_schema
    def month_of_the_year(self, data, **kwargs):
        """year=2026&month=2025-03 asks for two things at once: a 422, not one silently won."""
        year, month = data.get("year"), data.get("month")
        if year is not None and month is not None and month.year != year:
            raise ValidationError({"month": [FieldError(
                f"Choose a month of {year}, or leave the year out.", "not_allowed")]})


class MoodCellOut(Schema):
    date = fields.Date(attribute="day")
    mood = fields.Integer(allow_none=True, metadata={"minimum": 1, "maximum": 5})
    state = fields.String(metadata={"enum": ["mood", "empty", "future"], "description":
                                    "empty: a day up to today without a mood; future: after today"})


class WeekdayMoodOut(Schema):
    weekday = fields.Integer(metadata={"minimum": 0, "maximum": 6,
                                       "description": "Monday = 0 ... Sunday = 6"})
    count = fields.Integer(metadata={"description": "Days of that weekday with a mood"})
    average = fields.Float(allow_none=True, metadata={
        "description": "Their average mood, 1 to 5, to two decimals; null without any"})


class YearSummaryOut(Schema):
    count = fields.Integer(metadata={"description": "Days of the year with a mood"})
    average = fields.Float(allow_none=True)
    counts = fields.List(fields.Integer(), metadata={
        "description": "Days of each mood, 1 to 5", "minItems": 5, "maxItems": 5})


class MoodEntryOut(Schema):
    date = fields.Date(attribute="day")
    mood = fields.Integer(metadata={"minimum": 1, "maximum": 5})
    note = fields.String()


class MoodMonthOut(Schema):
    month = Month()
    start = fields.Date()
    end = fields.Date()
    previous = Month(allow_none=True, metadata={
        "description": "The month before, back to the first mood's; null when there is none"})
    next = Month(allow_none=True, metadata={
        "description": "The month after, up to today's; null when there is none"})
    entries = fields.List(fields.Nested(MoodEntryOut), metadata={
        "description": "The month's moods with their notes, newest first"})


class MoodHistoryOut(Schema):
    today = fields.Date()
    year = fields.Integer()
    years = fields.List(fields.Integer(), metadata={
        "description": "Years to offer, oldest first: those with a mood, today's and this one"})
    cells = fields.List(fields.Nested(MoodCellOut), metadata={
        "description": "One cell a day, 1 January to 31 December"})
    summary = fields.Nested(YearSummaryOut)
    months = fields.List(fields.Nested(YearSummaryOut), metadata={
        "description": "The same figures for each month of the year, January first",
        "minItems": 12, "maxItems": 12})
    weekdays = fields.List(fields.Nested(WeekdayMoodOut), metadata={
        "description": "The year's average mood by weekday, in the user's week order"})
    month = fields.Nested(MoodMonthOut)
