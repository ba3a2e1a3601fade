"""Identities and habits."""
from marshmallow import ValidationError, post_load, validates_schema

from ..errors import FieldError
from . import fields, validate
from .fields import Color, Day, Flag, Id, Instant, Number, Schema, Text


class IdentityIn(Schema):
    statement = Text(required=True, validate=validate.Length(1, 140))
    color = Color()
    position = fields.Integer(strict=True, validate=validate.Range(0, 1_000_000))


class IdentityOut(Schema):
    id = fields.Integer()
    uuid = fields.String()
    statement = fields.String()
    color = fields.String()
    position = fields.Integer()
    created_at = Instant()
    votes_total = fields.Integer()
    votes_this_week = fields.Integer()


SCHEDULE_FIELDS = {"daily": set(), "weekdays": {"days"}, "per_week": {"times"},
                   "per_month": {"times"}, "every_n_days": {"n"}}


def schedule_json_schema():
    """ScheduleSchema for the OpenAPI document: one shape per type, which marshmallow cannot say."""
    def count(low, high):
        return {"type": "integer", "minimum": low, "maximum": high}
    extra = {"daily": {}, "per_week": {"times": count(1, 7)}, "per_month": {"times": count(1, 31)},
             "every_n_days": {"n": count(2, 365)},
             "weekdays": {"days": {"type": "array", "items": count(0, 6), "minItems": 1,
                                   "maxItems": 7, "uniqueItems": True}}}
    return {"oneOf": [{"type": "object", "additionalProperties": False,
                       "required": ["type", *fields_], "properties": {
                           "type": {"type": "string", "enum": [kind]}, **fields_}}
                      for kind, fields_ in extra.items()]}


class ScheduleSchema(Schema):
    type = fields.String(required=True, validate=validate.OneOf(list(SCHEDULE_FIELDS)))
    days = fields.List(fields.Integer(strict=True, validate=validate.Range(0, 6)),
                       validate=validate.Length(1, 7))
    times = fields.Integer(strict=True)
    n = fields.Integer(strict=True, validate=validate.Range(2, 365))

    @validates_schema
    def check_shape(self, data, **kwargs):
        if "type" not in data:  # a PATCH loads partially, but a schedule is always given whole
            raise ValidationError({"type": [FieldError("Missing data for required field.",
                                                       "required")]})
        wanted = SCHEDULE_FIELDS[data["type"]]
        errors = {name: [FieldError("Not used by this schedule type.", "not_allowed")]
                  for name in ("days", "times", "n") if name in data and name not in wanted}
        errors.update({name: [FieldError("Missing data for required field.", "required")]
                       for name in wanted if name not in data})
        if "days" in data and len(set(data["days"])) != len(data["days"]):
            errors.setdefault("days", []).append(FieldError("Weekdays must be distinct.",
                                                            "not_unique"))
        limit = {"per_week": 7, "per_month": 31}.get(data["type"])
        if limit and "times" in data and not 1 <= data["times"] <= limit:
            errors.setdefault("times", []).append(FieldError(f"Must be between 1 and {limit}.",
                                                             "out_of_range", min=1, max=limit))
        if errors:
            raise ValidationError(errors)

    @post_load
    def sort_days(self, data, **kwargs):
        """[4, 0] and [0, 4] are the same schedule (and must not start a new rule)."""
        if "days" in data:
            data["days"] = sorted(data["days"])
        return data


PLAN_FIELDS = ("plan_cue", "plan_action")
PLAN_MAX = 80
PLAN_MISSING = {"plan_cue": "Write when you will do it too, or clear both.",
                "plan_action": "Write what you will do too, or clear both."}


def check_plan_halves(data):
    """A plan has both halves or none (a 422 naming the missing one): half a plan would read as
    half a sentence on Today and in a reminder. Both empty is no plan."""
    given = [name for name in PLAN_FIELDS if name in data]
    written = [name for name in given if data[name].strip()]
    if len(given) == 1:  # the other half is always sent with it
        missing = [name for name in PLAN_FIELDS if name not in given]
    else:  # both sent: both written, or both empty
        missing = [name for name in given if name not in written] if len(written) == 1 else []
    if missing:
        raise ValidationError({name: [FieldError(PLAN_MISSING[name], "required")]
                               for name in missing})


class RuleOut(Schema):
    effective_from = fields.Date()
    schedule = fields.Dict()
    target = Number(allow_none=True)


class HabitIn(Schema):
    name = Text(required=True, validate=validate.Length(1, 80))
    description = Text(validate=validate.Length(max=500))
    identity_id = Id(allow_none=True)
    kind = fields.String(validate=validate.OneOf(["build", "quit"]))
    measure = fields.String(validate=validate.OneOf(["check", "count", "minutes"]))
    unit = Text(validate=validate.Length(max=20))
    target = fields.Float(allow_none=True, validate=validate.Range(0, 1_000_000))
    schedule = fields.Nested(ScheduleSchema)
    start_date = Day()
    color = Color()
    position = fields.Integer(strict=True, validate=validate.Range(0, 1_000_000))
    archived = Flag()
    private = Flag()
    plan_cue = Text(validate=validate.Length(max=PLAN_MAX), metadata={
        "description": "An if-then plan's cue, \"When <cue>, ...\": sent with plan_action, "
                       "both empty (no plan) or both written"})
    plan_action = Text(validate=validate.Length(max=PLAN_MAX), metadata={
        "description": "The plan's action, \"..., I will <action>\": sent with plan_cue"})
    appointment = Flag(metadata={
        "description": "A fixed commitment (a therapy session, a class): never suggested "
                       "larger or smaller"})
    never_miss_twice = Flag(metadata={
        "description": "Never miss twice (build habits): one missed period between two met ones "
                       "keeps the streak (shown as bridged, not done; strength unchanged). A quit "
                       "habit's streak always counts the days since its last slip"})

    @validates_schema
    def check_plan(self, data, **kwargs):
        check_plan_halves(data)

    @post_load
    def trim_plan(self, data, **kwargs):
        for name in PLAN_FIELDS:
            if name in data:
                data[name] = data[name].strip()
        return data


class HabitOut(Schema):
    id = fields.Integer()
    uuid = fields.String()
    name = fields.String()
    description = fields.String()
    identity_id = fields.Integer(allow_none=True)
    kind = fields.String()
    measure = fields.String()
    unit = fields.String()
    target = Number(allow_none=True)
    schedule = fields.Dict()
    start_date = fields.Date()
    color = fields.String()
    position = fields.Integer()
    archived = fields.Boolean()
    archived_at = Instant(allow_none=True)
    private = fields.Boolean()
    plan_cue = fields.String()
    plan_action = fields.String()
    appointment = fields.Boolean()
    never_miss_twice = fields.Boolean()
    created_at = Instant()
    rules = fields.List(fields.Nested(RuleOut))


class PlanOut(Schema):
    cue = fields.String(metadata={"description": "When <cue>, ..."})
    action = fields.String(metadata={"description": "..., I will <action>"})


class HabitListQuery(Schema):
    archived = fields.String(load_default="false", validate=validate.OneOf(["false", "true", "all"]))


class RangeQuery(Schema):
    start = fields.Date(data_key="from")  # a range before 1970 is merely empty
    end = fields.Date(data_key="to")


class DateQuery(Schema):
    date = Day()


class HabitsArchiveIn(Schema):
    """Archive or restore several habits at once (the habits list's choice, an import's "restore
    them all")."""
    habit_ids = fields.List(Id(), required=True, validate=validate.Length(1, 500))
    archived = Flag(required=True)
