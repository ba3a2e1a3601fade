"""Accounts, sessions and API tokens."""
from marshmallow import ValidationError, validates_schema

from ..errors import FieldError
from ..i18n import shipped
from . import fields, validate

from .fields import Id, Instant, Schema, Text, TimeZone


class RegisterIn(Schema):
    email = Text(required=True, validate=[validate.Email(), validate.Length(max=254)],
                 metadata={"format": "email"})
    password = Text(required=True, validate=validate.Length(8, 1024))
    timezone = TimeZone(load_default="UTC")
    invite = Text(validate=validate.Length(1, 200), load_default=None, metadata={
        "description": "The token of an invite link; needed when sign-ups are by invitation"})


class SignUpsOut(Schema):
    mode = fields.String(metadata={"enum": ["open", "invite", "closed"], "description":
                                   "Who may sign up: anyone, invited people, nobody"})
    invite_valid = fields.Boolean(allow_none=True, metadata={
        "description": "Whether the invite asked about could be used now (null: none asked)"})


class SignUpsQuery(Schema):
    invite = Text(validate=validate.Length(1, 200))


class LoginIn(Schema):
    email = Text(required=True, validate=validate.Length(1, 254))
    password = Text(required=True, validate=validate.Length(1, 1024))


DAY_START = "^0[0-5]:[0-5][0-9]$|^06:00$"


class UserOut(Schema):
    id = fields.Integer()
    email = fields.String()
    timezone = fields.String()
    week_start = fields.String()
    day_start = fields.String()
    locale = fields.String(allow_none=True, metadata={
        "description": "The language chosen in Settings (a BCP 47 tag); null: the browser's"})
    created_at = Instant()


class SessionOut(Schema):
    user = fields.Nested(UserOut)
    csrf_token = fields.String()


class CsrfOut(Schema):
    csrf_token = fields.String()


class MePatchIn(Schema):
    timezone = TimeZone()
    week_start = fields.String(validate=validate.OneOf(["mon", "sun"]))
    day_start = fields.String(
        validate=validate.Regexp(r"0[0-5]:[0-5][0-9]\Z|06:00\Z",
                                 error="A time from 00:00 to 06:00, like 04:00."),
        metadata={"pattern": DAY_START, "description": "When the day turns, 00:00 to 06:00"})
    locale = fields.String(allow_none=True, validate=validate.OneOf(shipped()), metadata={
        "description": "The language of the app and of what the server sends (emails, push, the "
                       "calendar feed); null: follow the browser's languages"})


class PasswordIn(Schema):
    current_password = Text(required=True, validate=validate.Length(max=1024))
    new_password = Text(required=True, validate=validate.Length(8, 1024))


class DeleteMeIn(Schema):
    password = Text(required=True, validate=validate.Length(max=1024))


TOKEN_SCOPES = ["full", "checkins"]
SCOPE_HELP = ("full: everything but tokens, the password and the account; checkins: only "
              "PUT and DELETE /habits/{id}/checkins/{date} of habit_ids (403 everywhere else)")


class TokenIn(Schema):
    name = Text(required=True, validate=validate.Length(1, 80))
    scope = fields.String(validate=validate.OneOf(TOKEN_SCOPES), load_default="full",
                          metadata={"description": SCOPE_HELP})
    habit_ids = fields.List(Id(), validate=validate.Length(1, 100), load_default=None, metadata={
        "description": "With scope checkins (and only then): the habits it may log, the "
                       "caller's own"})

    @validates_schema
    def habits_go_with_the_scope(self, data, **kwargs):
        """A check-ins token names its habits; a full one has none to name."""
        if data["scope"] == "checkins" and not data["habit_ids"]:
            raise ValidationError({"habit_ids": [FieldError(
                "Choose the habits this token may log.", "required")]})
        if data["scope"] == "full" and data["habit_ids"] is not None:
            raise ValidationError({"habit_ids": [FieldError(
                "Only a check-ins token has habits.", "not_allowed")]})


class TokenOut(Schema):
    id = fields.Integer()
    name = fields.String()
    scope = fields.String(metadata={"enum": TOKEN_SCOPES, "description": SCOPE_HELP})
    habit_ids = fields.List(fields.Integer(), allow_none=True, metadata={
        "description": "The habits a check-ins token may log (those deleted since drop out); "
                       "null for a full token"})
    created_at = Instant()
    last_used_at = Instant(allow_none=True)


class TokenCreatedOut(TokenOut):
    token = fields.String()


class ResetWaysOut(Schema):
    by_email = fields.Boolean(metadata={"description": "True when this server emails reset links; "
                                        "false: the operator makes them (flask user reset-link)"})


class ResetRequestIn(Schema):
    email = Text(required=True, validate=validate.Length(1, 254))


class ResetRequestedOut(ResetWaysOut):
    minutes = fields.Integer(metadata={"description": "How long a link stays good"})


class ResetLinkIn(Schema):
    token = Text(required=True, validate=validate.Length(1, 200))


class ResetLinkOut(Schema):
    expires_at = Instant()


class ResetPasswordIn(Schema):
    token = Text(required=True, validate=validate.Length(1, 200))
    password = Text(required=True, validate=validate.Length(8, 1024))
