"""New chapters, the fresh start Today offers, and the weekly reflection answers."""
from . import fields, validate

from .fields import Day, Instant, Schema, Text

LANDMARKS = ["week", "month", "anniversary"]


class ChapterIn(Schema):
    name = Text(required=True, validate=validate.Length(1, 80), metadata={
        "description": "How the user names it: \"Since the move\""})
    start = Day(required=True)  # its first day: current from then until a later one begins


class ChapterPatchIn(Schema):
    name = Text(validate=validate.Length(1, 80))
    start = Day()


class ChapterOut(Schema):
    id = fields.Integer()
    uuid = fields.String()
    name = fields.String()
    start = fields.Date()
    current = fields.Boolean(metadata={"description": "The chapter that began last, up to today"})
    created_at = Instant()


class ChapterRefOut(Schema):
    id = fields.Integer()
    name = fields.String()
    start = fields.String(metadata={"format": "date"})


class ChapterVotesOut(Schema):
    identity_id = fields.Integer()
    votes = fields.Integer(metadata={"description": "Votes since the chapter began"})


class ChapterEvidenceOut(Schema):
    chapter = fields.Nested(ChapterRefOut, allow_none=True, metadata={
        "description": "The current chapter, or null when none has begun"})
    votes = fields.Integer(metadata={"description": "Votes of every habit since it began"})
    identities = fields.List(fields.Nested(ChapterVotesOut))


class OfferOut(Schema):
    landmark = fields.String(metadata={"enum": LANDMARKS})
    date = fields.Date(metadata={"description": "The landmark's day"})
    chapter = fields.Nested(ChapterRefOut, allow_none=True, metadata={
        "description": "The anniversary's chapter; else the current one (or null)"})
    years = fields.Integer(allow_none=True, metadata={"description": "Anniversaries only"})


class FreshStartOut(Schema):
    landmarks = fields.List(fields.String(metadata={"enum": LANDMARKS}), metadata={
        "description": "Where Today offers a fresh start"})
    offer = fields.Nested(OfferOut, allow_none=True, metadata={
        "description": "What Today offers now (the same as GET /today's fresh_start)"})


class FreshStartIn(Schema):
    # each kind once however often named (the body's size bounds the list)
    landmarks = fields.List(fields.String(validate=validate.OneOf(LANDMARKS)))


class WeekAnswerIn(Schema):
    answer = Text(required=True, validate=validate.Length(1, 1000))


class WeekAnswerOut(Schema):
    week_start = fields.Date()
    prompt = fields.String(metadata={"description": "The prompt's key"})
    question = fields.String()
    answer = fields.String(allow_none=True, metadata={"description": "Null until answered"})
    updated_at = Instant(allow_none=True)


class AnswersQuery(Schema):
    weeks = fields.Integer(load_default=12, validate=validate.Range(1, 104))
