"""Orbit's export format, version 1 (GET /export, POST /import): everything of one user, each
object with its uuid and references by uuid, habits with their whole rule history. The same
schemas dump an export and load one back (unknown fields raise)."""
from marshmallow import validates_schema

from . import fields, validate

from .fields import Color, Day, Instant, Number, Schema, Text
from .habits import PLAN_MAX, ScheduleSchema, check_plan_halves
from .reminders import Channels, TimeOfDay, Weekdays, TARGETS

FORMAT, VERSION = "orbit", 1
MANY = 1_000_000  # objects of one kind in a file: 30 habits × 10 years of days fit many times


def Many(schema, **kwargs):
    return fields.List(fields.Nested(schema), load_default=list,
                       validate=validate.Length(max=MANY), **kwargs)


class UserRecord(Schema):
    email = fields.String()
    timezone = fields.String()
    week_start = fields.String(validate=validate.OneOf(["mon", "sun"]))
    day_start = fields.String()
    created_at = Instant()


class IdentityRecord(Schema):
    uuid = fields.UUID(required=True)
    statement = Text(required=True, validate=validate.Length(1, 140))
    color = Color()
    position = fields.Integer(strict=True, validate=validate.Range(0, 1_000_000))
    created_at = Instant()


class RuleRecord(Schema):
    effective_from = Day(required=True)
    schedule = fields.Nested(ScheduleSchema, required=True)
    target = Number(allow_none=True, load_default=None, validate=validate.Range(0, 1_000_000))
    anchor = Day(required=True)  # the start date when the schedule was set (every_n_days)


class HabitRecord(Schema):
    uuid = fields.UUID(required=True)
    name = Text(required=True, validate=validate.Length(1, 80))
    description = Text(validate=validate.Length(max=500))
    identity_uuid = fields.UUID(allow_none=True)
    kind = fields.String(validate=validate.OneOf(["build", "quit"]), load_default="build")
    measure = fields.String(validate=validate.OneOf(["check", "count", "minutes"]),
                            load_default="check")
    unit = Text(validate=validate.Length(max=20))
    # The current rule and the effective start, for reading; an import takes `rules` and
    # `set_start_date`.
    target = Number(allow_none=True)
    schedule = fields.Dict()
    start_date = Day()
    set_start_date = Day()  # the date the user set; the effective one follows the check-ins
    color = Color()
    position = fields.Integer(strict=True, validate=validate.Range(0, 1_000_000))
    archived = fields.Boolean()
    archived_at = Instant(allow_none=True)
    private = fields.Boolean()
    plan_cue = Text(validate=validate.Length(max=PLAN_MAX))  # if-then plan: both or neither
    plan_action = Text(validate=validate.Length(max=PLAN_MAX))
    appointment = fields.Boolean()
    never_miss_twice = fields.Boolean()  # issue 24; older exports have none
    created_at = Instant()
    rules = fields.List(fields.Nested(RuleRecord), required=True,
                        validate=validate.Length(1, 1000))

    @validates_schema
    def check_plan(self, data, **kwargs):
        check_plan_halves(data)


class CheckinRecord(Schema):
    habit_uuid = fields.UUID(required=True)
    date = Day(required=True)
    status = fields.String(required=True, validate=validate.OneOf(["done", "skipped", "slip"]))
    value = Number(allow_none=True, validate=validate.Range(0, 1_000_000))
    note = Text(validate=validate.Length(max=1000))
    updated_at = Instant()


class ReflectionRecord(Schema):
    uuid = fields.UUID()
    date = Day(required=True)
    mood = fields.Integer(required=True, strict=True, validate=validate.Range(1, 5))
    note = Text(validate=validate.Length(max=2000))
    updated_at = Instant()


class ReminderRecord(Schema):
    uuid = fields.UUID(required=True)
    target = fields.String(required=True, validate=validate.OneOf(TARGETS))
    habit_uuid = fields.UUID(allow_none=True)
    time = TimeOfDay(required=True)
    days = Weekdays()
    channels = Channels()
    enabled = fields.Boolean()
    skip_if_done = fields.Boolean()
    created_at = Instant()


class PauseRecord(Schema):
    uuid = fields.UUID(required=True)
    habit_uuid = fields.UUID(allow_none=True)
    start = Day(required=True)
    end = Day(allow_none=True)
    note = Text(validate=validate.Length(max=500))
    created_at = Instant()


class ChapterRecord(Schema):
    uuid = fields.UUID(required=True)
    name = Text(required=True, validate=validate.Length(1, 80))
    start = Day(required=True)
    created_at = Instant()


class WeekAnswerRecord(Schema):
    week_start = Day(required=True)
    prompt = fields.String(validate=validate.Length(max=20))
    question = Text(validate=validate.Length(max=500))
    answer = Text(required=True, validate=validate.Length(1, 1000))
    updated_at = Instant()


class WellbeingRecord(Schema):
    enabled = fields.Flag()
    contacts = Text(validate=validate.Length(max=2000))


class WellbeingCheckRecord(Schema):
    date = Day(required=True)
    cheerful = fields.Integer(required=True, strict=True, validate=validate.Range(0, 5))
    calm = fields.Integer(required=True, strict=True, validate=validate.Range(0, 5))
    active = fields.Integer(required=True, strict=True, validate=validate.Range(0, 5))
    rested = fields.Integer(required=True, strict=True, validate=validate.Range(0, 5))
    interested = fields.Integer(required=True, strict=True, validate=validate.Range(0, 5))
    acted_at = Instant()


class ShareRecord(Schema):
    """A share's settings (issue 25), never its token: an import makes no share, whose link
    would have to be given out again."""
    name = Text(validate=validate.Length(1, 80))
    habit_uuids = fields.List(fields.UUID())
    identity_uuids = fields.List(fields.UUID())
    summaries = fields.Flag()
    mood = fields.Flag()
    notes = fields.Flag()
    wellbeing = fields.Flag()
    weeks = fields.Integer(strict=True, validate=validate.Range(1, 26))
    expires_at = Instant()
    revoked_at = Instant(allow_none=True)
    created_at = Instant()


class OrbitExport(Schema):
    format = fields.String(required=True, validate=validate.OneOf([FORMAT]))
    version = fields.Integer(required=True, strict=True, validate=validate.Range(1, 1_000_000),
                             metadata={"description": f"This server writes and reads {VERSION}"})
    exported_at = Instant()
    user = fields.Nested(UserRecord)
    identities = Many(IdentityRecord)
    habits = Many(HabitRecord)
    checkins = Many(CheckinRecord)
    reflections = Many(ReflectionRecord)
    reminders = Many(ReminderRecord)
    pauses = Many(PauseRecord)
    chapters = Many(ChapterRecord)  # issue 24; older exports have none
    week_answers = Many(WeekAnswerRecord)
    wellbeing = fields.Nested(WellbeingRecord)  # the WHO-5 check (issue 25); older exports lack it
    wellbeing_checks = Many(WellbeingCheckRecord)
    shares = Many(ShareRecord)  # settings only, read and not imported (issue 25)


class ExportQuery(Schema):
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv"]),
                           metadata={"description": "json: the Orbit format; csv: a zip of CSV "
                                                    "files"})


class ImportCounts(Schema):
    identities = fields.Integer()
    habits = fields.Integer()
    checkins = fields.Integer()
    reflections = fields.Integer()
    reminders = fields.Integer()
    pauses = fields.Integer()
    chapters = fields.Integer()
    week_answers = fields.Integer()
    wellbeing_checks = fields.Integer()


class ImportReportOut(Schema):
    created = fields.Nested(ImportCounts)
    updated = fields.Nested(ImportCounts)
    warnings = fields.List(fields.String())
    archived = fields.List(fields.Integer(), metadata={
        "description": "Ids of the new habits that arrived archived: another app's habits with "
                       "no check-in in the last 60 days (POST /habits/archive restores them)"})
