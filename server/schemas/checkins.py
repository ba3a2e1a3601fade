"""Check-ins and reflections."""
from . import fields, validate

from .fields import Day, Id, Instant, Number, Schema, Text, plausible_instant


class CheckinIn(Schema):
    status = fields.String(validate=validate.OneOf(["done", "skipped", "slip"]))
    value = fields.Float(allow_none=True, validate=validate.Range(0, 1_000_000))
    note = Text(validate=validate.Length(max=1000))


class BatchItemIn(CheckinIn):
    op = fields.String(required=True, validate=validate.OneOf(["put", "delete"]))
    habit_id = Id(required=True)
    date = Day(required=True)
    client_time = fields.AwareDateTime(validate=plausible_instant)


class BatchIn(Schema):
    # Items are loaded one by one (BatchItemIn) so that each succeeds or fails alone.
    items = fields.List(fields.Raw(allow_none=True), required=True,
                        validate=validate.Length(max=500))


class BatchResultOut(Schema):
    ok = fields.Boolean()
    checkin = fields.Dict(allow_none=True)
    error = fields.Dict()


class BatchOut(Schema):
    results = fields.List(fields.Nested(BatchResultOut))


class CheckinOut(Schema):
    habit_id = fields.Integer()
    date = fields.Date(attribute="day")
    status = fields.String()
    value = Number(allow_none=True)
    note = fields.String()
    done = fields.Boolean()
    updated_at = Instant()


class ReflectionIn(Schema):
    mood = fields.Integer(strict=True, validate=validate.Range(1, 5))
    note = Text(validate=validate.Length(max=2000))
    client_time = fields.AwareDateTime(validate=plausible_instant, load_only=True, metadata={
        "description": "When the user acted (a replay from a device): an older write changes "
                       "nothing"})


class ReplayIn(Schema):
    client_time = fields.AwareDateTime(validate=plausible_instant, metadata={
        "description": "When the user acted: a deletion older than the stored write does nothing"})


class ReflectionOut(Schema):
    uuid = fields.String()
    date = fields.Date(attribute="day")
    mood = fields.Integer()
    note = fields.String()
    updated_at = Instant()


class TodayMoodOut(Schema):
    date = fields.Date()
    reflection = fields.Nested(ReflectionOut, allow_none=True, metadata={
        "description": "The day's reflection as GET /today has it after the write (null: an "
                       "older replay after the day's deletion, nothing stored)"})


class ReflectionAnswerOut(ReflectionOut):
    today = fields.Nested(TodayMoodOut, metadata={
        "description": "With ?include=today: the day's mood as Today draws it, so a replayed "
                       "mood is drawn without reading the day again"})


class TapOut(Schema):
    status = fields.String(metadata={"enum": ["done", "slip"],
                                     "description": "The status one tap records"})
    value = Number(allow_none=True, metadata={
        "description": "The value one tap writes (null: a check, nothing counted)"})
    clears = fields.Boolean(metadata={
        "description": "One tap now deletes the day's check-in instead (a done day tapped again)"})
    step = Number(allow_none=True, metadata={
        "description": "What each further tap adds to value; null when a further tap puts the "
                       "day back as it was"})
