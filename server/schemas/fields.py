"""Shared field types and validators of the schemas."""
import datetime
import functools
import re
import zoneinfo

from marshmallow import ValidationError, fields, validate

from .. import clock

MAX_ID = 2**31 - 1
COLOR_PATTERN = "^#[0-9a-fA-F]{6}$"


def Color(**kwargs):
    """A colour "#rrggbb". Checked with fullmatch: a `$` would let a trailing newline through."""
    def check(value):
        if not re.fullmatch("#[0-9a-fA-F]{6}", value):
            raise ValidationError("Use a colour like #1a2b3c.")
    return fields.String(validate=check, metadata={"pattern": COLOR_PATTERN}, **kwargs)


EPOCH = datetime.date(1970, 1, 1)


def Day(**kwargs):
    """A date from 1970-01-01 on: no earlier day exists for Orbit (and year 1 overflows)."""
    return fields.Date(validate=validate.Range(min=EPOCH, error="Dates run from 1970-01-01."),
                       metadata={"description": "A date from 1970-01-01 on.",
                                 "pattern": "^(19[7-9][0-9]|[2-9][0-9]{3})-"}, **kwargs)


def Id(**kwargs):
    """An integer id: strict and bounded (an unbounded id overflows the database)."""
    return fields.Integer(strict=True, validate=validate.Range(1, MAX_ID), **kwargs)


@functools.lru_cache(maxsize=1)
def time_zone_names():
    return zoneinfo.available_timezones()


def validate_time_zone(name):
    if name not in time_zone_names():
        raise ValidationError("Unknown time zone; use an IANA name such as Europe/Berlin.")


def TimeZone(**kwargs):
    """An IANA time zone name, listed in full in the OpenAPI document."""
    return fields.String(validate=validate_time_zone,
                         metadata={"enum": sorted(time_zone_names())}, **kwargs)


class Flag(fields.Boolean):
    """A JSON true or false, as the document says: marshmallow's Boolean also takes 0, 1, "yes"
    and the like (and 1 == True, so narrowing `truthy` cannot refuse them)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class Text(fields.String):
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
    if not EPOCH_INSTANT <= value <= clock.now() + datetime.timedelta(days=1):
        raise ValidationError("Must be an instant from 1970 to now.")


EPOCH_INSTANT = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class Instant(fields.DateTime):
    """Naive UTC from the database, sent as ISO 8601 with its offset."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.isoformat()


class Number(fields.Float):
    """A float that is sent as an integer when it is one (30, not 30.0)."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return int(value) if float(value).is_integer() else float(value)
