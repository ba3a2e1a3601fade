"""Shared field types and validators of the schemas, and marshmallow's own fields under their
own names (`from . import fields`) whose errors carry a code (server/errors.py FIELD_CODES)."""
import datetime
import functools
import re
import zoneinfo

import marshmallow
from marshmallow import ValidationError
from marshmallow import fields as ma

from .. import clock
from ..errors import FieldError
from . import validate

# A field's error key (marshmallow's and ours) -> its code; "invalid" is the field's own kind.
KEY_CODES = {"required": "required", "null": "null", "type": "invalid_type",
             "invalid_utf8": "invalid_type", "invalid_uuid": "invalid_type",
             "too_large": "invalid_number", "special": "invalid_number",
             "format": "invalid_date", "awareness": "invalid_date",
             "invalid_awareness": "invalid_date"}


class Coded:
    """A field whose own errors (missing, null, not a number ...) carry their code."""
    invalid_code = "invalid_type"

    def make_error(self, key, **kwargs):
        error = super().make_error(key, **kwargs)
        code = self.invalid_code if key == "invalid" else KEY_CODES.get(key, "other")
        return ValidationError([FieldError(text, code) for text in error.messages])


class Raw(Coded, ma.Raw): pass  # noqa: E701
class String(Coded, ma.String): pass  # noqa: E701
class Boolean(Coded, ma.Boolean): pass  # noqa: E701
class UUID(Coded, ma.UUID): pass  # noqa: E701
class List(Coded, ma.List): pass  # noqa: E701
class Dict(Coded, ma.Dict): pass  # noqa: E701
class Nested(Coded, ma.Nested): pass  # noqa: E701
class Function(Coded, ma.Function): pass  # noqa: E701
class Integer(Coded, ma.Integer): invalid_code = "invalid_number"  # noqa: E701
class Float(Coded, ma.Float): invalid_code = "invalid_number"  # noqa: E701
class Date(Coded, ma.Date): invalid_code = "invalid_date"  # noqa: E701
class DateTime(Coded, ma.DateTime): invalid_code = "invalid_date"  # noqa: E701
class AwareDateTime(Coded, ma.AwareDateTime): invalid_code = "invalid_date"  # noqa: E701


class Schema(marshmallow.Schema):
    """Every schema's base: its own errors (an unknown field, a body that is no object) coded."""
    error_messages = {"unknown": FieldError("Unknown field.", "unknown_field"),
                      "type": FieldError("Invalid input type.", "invalid_type")}

MAX_ID = 2**31 - 1
COLOR_PATTERN = "^#[0-9a-fA-F]{6}$"


def Color(**kwargs):
    """A colour "#rrggbb". Checked with fullmatch: a `$` would let a trailing newline through."""
    def check(value):
        if not re.fullmatch("#[0-9a-fA-F]{6}", value):
            raise ValidationError(FieldError("Use a colour like #1a2b3c.", "invalid_format"))
    return String(validate=check, metadata={"pattern": COLOR_PATTERN}, **kwargs)


EPOCH = datetime.date(1970, 1, 1)


def Day(**kwargs):
    """A date from 1970-01-01 on: no earlier day exists for Orbit (and year 1 overflows)."""
    return Date(validate=validate.Range(min=EPOCH, error="Dates run from 1970-01-01."),
                       metadata={"description": "A date from 1970-01-01 on.",
                                 "pattern": "^(19[7-9][0-9]|[2-9][0-9]{3})-"}, **kwargs)


def Id(**kwargs):
    """An integer id: strict and bounded (an unbounded id overflows the database)."""
    return Integer(strict=True, validate=validate.Range(1, MAX_ID), **kwargs)


@functools.lru_cache(maxsize=1)
def time_zone_names():
    return zoneinfo.available_timezones()


def validate_time_zone(name):
    if name not in time_zone_names():
        raise ValidationError(FieldError(  # the choices are the document's enum: too many to send
            "Unknown time zone; use an IANA name such as Europe/Berlin.", "not_one_of"))


def TimeZone(**kwargs):
    """An IANA time zone name, listed in full in the OpenAPI document."""
    return String(validate=validate_time_zone,
                         metadata={"enum": sorted(time_zone_names())}, **kwargs)


class Flag(Boolean):
    """A JSON true or false, as the document says: marshmallow's Boolean also takes 0, 1, "yes"
    and the like (and 1 == True, so narrowing `truthy` cannot refuse them)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class Text(String):
    """A string that can be stored and hashed: PostgreSQL refuses the NUL character, and a lone
    UTF-16 surrogate (valid in JSON) cannot be encoded as UTF-8."""

    default_error_messages = {"nul": "Must not contain the NUL character.",
                              "encoding": "Must be valid Unicode text."}

    def __init__(self, **kwargs):
        kwargs["metadata"] = {"pattern": "^[^\\u0000]*$", **kwargs.get("metadata", {})}
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text:
            raise self.make_error("nul")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise self.make_error("encoding") from None
        return text


def plausible_instant(value):
    """A device's clock: from 1970 to a day from now (a later one would block every replay)."""
    latest = clock.now() + datetime.timedelta(days=1)
    if not EPOCH_INSTANT <= value <= latest:
        raise ValidationError(FieldError("Must be an instant from 1970 to now.", "out_of_range",
                                         min=EPOCH_INSTANT.isoformat(), max=latest.isoformat()))


EPOCH_INSTANT = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class Instant(DateTime):
    """Naive UTC from the database, sent as ISO 8601 with its offset."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.isoformat()


class Number(Float):
    """A float that is sent as an integer when it is one (30, not 30.0)."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return int(value) if float(value).is_integer() else float(value)
