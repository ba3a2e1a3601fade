"""Passkeys (WebAuthn, issue 22): the credentials an account signs in with, the single-use
challenges of the ceremonies under way, and when each other way in was last used."""
from peewee import BigIntegerField, CharField, DateTimeField, ForeignKeyField, TextField

from ..clock import utcnow
from .accounts import User
from .base import BaseModel, JSONField


class Passkey(BaseModel):
    """A public-key credential of one account: the browser keeps the private key, we keep its
    public key (COSE, base64url) and the authenticator's sign counter, which must only grow."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    credential_id = CharField(max_length=1400, unique=True)  # base64url of at most 1023 bytes
    public_key = TextField()
    sign_count = BigIntegerField(default=0)  # an unsigned 32-bit counter
    name = CharField(max_length=80)
    transports = JSONField(null=True)
    created_at = DateTimeField(default=utcnow)
    last_used_at = DateTimeField(null=True)


class PasskeyChallenge(BaseModel):
    """A challenge handed to a browser for one ceremony ("signin", "signup" or "add"): only its
    hash is kept, it expires, and using it deletes it, so no answer is accepted twice. A sign-up's
    row keeps what the person asked for (email, time zone, invite, the new account's uuid)."""
    challenge_hash = CharField(max_length=64, unique=True)
    purpose = CharField(max_length=8)
    user = ForeignKeyField(User, null=True, on_delete="CASCADE")
    data = JSONField(null=True)
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField(index=True)


class SignInUse(BaseModel):
    """When an account last signed in one way ("password"; a passkey keeps its own), for the
    account screen."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    way = CharField(max_length=16)
    last_used_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "way"), True),)
