"""Passkeys and the account's ways in (issue 22). A credential comes as the browser's
PublicKeyCredential in its JSON form (binary parts base64url), exactly these fields."""
from . import fields, validate
from .accounts import RegisterIn
from .fields import Instant, Schema, Text

B64URL = "^[A-Za-z0-9_-]*$"


def Base64url(high, **kwargs):
    """Binary data as unpadded base64url, at most `high` characters."""
    return Text(validate=[validate.Length(1, high), validate.Regexp(r"[A-Za-z0-9_-]*\Z")],
                metadata={"pattern": B64URL}, **kwargs)


class AttestationIn(Schema):
    clientDataJSON = Base64url(4096, required=True)
    attestationObject = Base64url(65536, required=True)
    transports = fields.List(Text(validate=validate.Length(1, 32)), validate=validate.Length(max=8),
                             load_default=None)


class AssertionIn(Schema):
    clientDataJSON = Base64url(4096, required=True)
    authenticatorData = Base64url(4096, required=True)
    signature = Base64url(2048, required=True)
    userHandle = Base64url(128, allow_none=True, load_default=None)


ATTACHMENTS = ["platform", "cross-platform"]


class CredentialIn(Schema):
    id = Base64url(1400, required=True)
    rawId = Base64url(1400, required=True)
    type = fields.String(required=True, validate=validate.OneOf(["public-key"]))
    authenticatorAttachment = fields.String(validate=validate.OneOf(ATTACHMENTS), allow_none=True,
                                            load_default=None)


class NewCredentialIn(CredentialIn):
    response = fields.Nested(AttestationIn, required=True)


class SigningCredentialIn(CredentialIn):
    response = fields.Nested(AssertionIn, required=True)


NAME = {"validate": validate.Length(1, 80), "metadata": {"description": "What the user calls it "
        "(\"iPhone\", \"YubiKey\"); \"Passkey\" when not given"}}


class PasskeyIn(Schema):
    credential = fields.Nested(NewCredentialIn, required=True, metadata={
        "description": "navigator.credentials.create()'s answer to the options' challenge"})
    name = Text(load_default=None, **NAME)


class PasskeyPatchIn(Schema):
    name = Text(**NAME)


class PasskeySignInIn(Schema):
    credential = fields.Nested(SigningCredentialIn, required=True, metadata={
        "description": "navigator.credentials.get()'s answer to the options' challenge"})


class PasskeySignUpOptionsIn(RegisterIn):
    class Meta:
        exclude = ("password",)


class PasskeysOnOut(Schema):
    enabled = fields.Boolean()


class OptionsOut(Schema):
    public_key = fields.Dict(metadata={"description": "The publicKey options of "
                                       "navigator.credentials.create() or .get(), binary parts "
                                       "as base64url (WebAuthn's JSON form)"})


class PasskeyOut(Schema):
    id = fields.Integer()
    name = fields.String()
    created_at = Instant()
    last_used_at = Instant(allow_none=True)


class PasswordWayOut(Schema):
    set = fields.Boolean(metadata={"description": "False for an account made with a passkey"})
    last_used_at = Instant(allow_none=True, metadata={"description": "Its last sign-in (since "
                                                      "this was recorded), or null"})


class SignInWaysOut(Schema):
    password = fields.Nested(PasswordWayOut)
    passkeys = fields.List(fields.Nested(PasskeyOut))
    passkeys_enabled = fields.Boolean(metadata={"description": "The server offers passkeys "
                                                "(ORBIT_PASSKEYS)"})
