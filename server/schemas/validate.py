"""marshmallow's validators, raising the same words as a FieldError that carries its code and
parameters (server/errors.py FIELD_CODES): `from . import validate` in place of marshmallow's."""
from marshmallow import validate

from ..errors import FieldError


def plain(value):
    """A bound as JSON says it: a date or instant in ISO 8601."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def bounds(validator):
    return {name: plain(value) for name, value in (("min", validator.min), ("max", validator.max))
            if value is not None}


class Length(validate.Length):
    """too_short or too_long, with both bounds the validator has (the app says "1 to 80")."""

    def _format_error(self, value, message):
        low = self.equal if self.equal is not None else self.min
        code = "too_short" if low is not None and len(value) < low else "too_long"
        params = {"min": self.equal, "max": self.equal} if self.equal is not None else bounds(self)
        return FieldError(super()._format_error(value, message), code, **params)


class Range(validate.Range):
    def _format_error(self, value, message):
        return FieldError(super()._format_error(value, message), "out_of_range", **bounds(self))


class OneOf(validate.OneOf):
    def _format_error(self, value):
        return FieldError(super()._format_error(value), "not_one_of", choices=list(self.choices))


class Email(validate.Email):
    def _format_error(self, value):
        return FieldError(super()._format_error(value), "invalid_email")


class Regexp(validate.Regexp):
    def _format_error(self, value):
        return FieldError(super()._format_error(value), "invalid_format")
