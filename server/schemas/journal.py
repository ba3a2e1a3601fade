"""The journal (issue 25): its query (search, filters, the cursor) and its pages of notes."""
from . import fields, validate
from .fields import MAX_ID, Schema, Text

KINDS = ["checkin", "reflection"]
MAX_CURSOR = 2**53 - 1  # a JavaScript number holds it exactly


class JournalQuery(Schema):
    # A query string is text: its integers are not strict, but bounded like every id.
    q = Text(validate=validate.Length(max=200), metadata={
        "description": "Words to find; \"a phrase\", -word to leave out, word* for words that "
                       "begin so. Accents and case do not matter."})
    habit_id = fields.Integer(validate=validate.Range(1, MAX_ID), metadata={
        "description": "Only this habit's check-in notes"})
    identity_id = fields.Integer(validate=validate.Range(1, MAX_ID), metadata={
        "description": "Only the check-in notes of this identity's habits"})
    mood = fields.Integer(validate=validate.Range(1, 5), metadata={
        "description": "Only the reflections of this mood"})
    before = fields.Integer(validate=validate.Range(0, MAX_CURSOR), metadata={
        "description": "The cursor a page gave as next_cursor: the entries after it"})
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 100))


class HabitRefOut(Schema):
    id = fields.Integer()
    name = fields.String()


class SnippetPieceOut(Schema):
    text = fields.String()
    match = fields.Boolean(metadata={"description": "Whether this piece is a word searched for"})


class JournalEntryOut(Schema):
    kind = fields.String(metadata={"enum": KINDS})
    id = fields.Integer(metadata={"description": "The check-in's or the reflection's id"})
    day = fields.Date()
    note = fields.String()
    habit = fields.Nested(HabitRefOut, allow_none=True, metadata={
        "description": "A check-in's habit (null for a reflection)"})
    mood = fields.Integer(allow_none=True, metadata={"description": "A reflection's (1 to 5)"})
    snippet = fields.List(fields.Nested(SnippetPieceOut), allow_none=True, metadata={
        "description": "With a search: the note around what was found, in pieces, the found "
                       "words marked; null without one"})


class JournalOut(Schema):
    entries = fields.List(fields.Nested(JournalEntryOut), metadata={"description": "Newest first"})
    next_cursor = fields.Integer(allow_none=True, metadata={
        "description": "`before` for the next page; null on the last"})
