"""Shared field types and validators of the schemas."""
import datetime
import functools
import zoneinfo

from marshmallow import ValidationError, fields, validate

MAX_ID = 2**31 - 1
COLOR = validate.Regexp(r"^#[0-9a-fA-F]{6}$", error="Use a colour like #1a2b3c.")


def Id(**kwargs):
    """An integer id: strict and bounded (an unbounded id overflows the database)."""
    return fields.Integer(strict=True, validate=validate.Range(1, MAX_ID), **kwargs)


@functools.lru_cache(maxsize=1)
def time_zone_names():
    return zoneinfo.available_timezones()


def validate_time_zone(name):
    if name not in time_zone_names():
        raise ValidationError("Unknown time zone; use an IANA name such as Europe/Berlin.")


class Text(fields.String):
    """A string that can be stored: PostgreSQL refuses the NUL character (a 500 otherwise)."""

    default_error_messages = {"nul": "Must not contain the NUL character."}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text:
            raise self.make_error("nul")
        return text


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
