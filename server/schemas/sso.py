"""Sign-in through another service (issue 22): the ways in this server offers, the OpenID
Connect start and its link step, and the providers an account is bound to."""
from . import fields, validate
from .fields import Instant, Schema, Text, TimeZone


class OidcOut(Schema):
    name = fields.String(metadata={"description": "The provider's name for the button "
                                                  "(ORBIT_OIDC_NAME): 'Sign in with <name>'"})
    start_url = fields.String(metadata={"description": "Where the button goes (a page, not JSON)"})


class OidcLinkOut(Schema):
    email = fields.String(metadata={"description": "The account whose password links it"})


class SignInMethodsOut(Schema):
    password_login = fields.Boolean(metadata={
        "description": "Whether email and password sign-in is offered (ORBIT_PASSWORD_LOGIN)"})
    oidc = fields.Nested(OidcOut, allow_none=True, metadata={
        "description": "The OpenID provider's button, null when OpenID Connect is off"})
    oidc_link = fields.Nested(OidcLinkOut, allow_none=True, metadata={
        "description": "A provider's sign-in waiting in this browser for the account's password"})
    oidc_error = fields.String(allow_none=True, metadata={
        "description": "Why this browser's last provider sign-in failed (said once)"})


class OidcStartQuery(Schema):
    invite = Text(validate=validate.Length(1, 200), metadata={
        "description": "An invite's token, for a new account when sign-ups are by invitation"})
    timezone = TimeZone()  # a new account's


class OidcCallbackQuery(Schema):
    """What the provider sends back; anything else it adds is ignored, not refused."""
    class Meta:
        unknown = "exclude"
    code = Text(validate=validate.Length(max=2000))
    state = Text(validate=validate.Length(max=200))
    iss = Text(validate=validate.Length(max=500))  # RFC 9207: the provider that answers
    error = Text(validate=validate.Length(max=200))
    error_description = Text(validate=validate.Length(max=2000))


class OidcLinkIn(Schema):
    password = Text(required=True, validate=validate.Length(1, 1024))


class ProviderOut(Schema):
    issuer = fields.String()
    name = fields.String()
    email = fields.String(metadata={"description": "The email the provider last reported"})
    linked_at = Instant()
    last_used_at = Instant(allow_none=True)
