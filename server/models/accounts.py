"""Accounts: users, their sessions, API tokens, sign-in throttling, sign-ups and invites."""
import uuid

from peewee import (CharField, DateTimeField, ForeignKeyField,
                    IntegerField, TextField, UUIDField)

from ..clock import utcnow
from .base import BaseModel, JSONField


class Setting(BaseModel):
    key = CharField(primary_key=True, max_length=64)
    value = TextField()


class User(BaseModel):
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    email = CharField(max_length=254, unique=True)
    password_hash = CharField(max_length=255)
    timezone = CharField(max_length=64, default="UTC")
    week_start = CharField(max_length=3, default="mon")
    # When the user's day turns ("HH:MM", 00:00 to 06:00): with 04:00, 02:00 on Tuesday still
    # belongs to Monday (RULES.md "Days and the day start").
    day_start = CharField(max_length=5, default="00:00")
    # The language picked in Settings ("de", "pt-BR"; null: follow the browser) and the one the
    # browser last asked for: what the server sends is in the first, else the second (i18n.py).
    locale = CharField(max_length=16, null=True)
    browser_locale = CharField(max_length=16, null=True)
    session_version = IntegerField(default=1)
    created_at = DateTimeField(default=utcnow)


class ApiToken(BaseModel):
    user = ForeignKeyField(User, backref="tokens", on_delete="CASCADE")
    name = CharField(max_length=80)
    token_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)
    last_used_at = DateTimeField(null=True)
    # "full" (everything but tokens, password and account) or "checkins": only writing the
    # check-ins of `habit_uuids` (auth.check_scope). Kept by uuid, not id: SQLite may hand a
    # deleted habit's id to the next habit made, which the token was never given.
    scope = CharField(max_length=16, default="full")
    habit_uuids = JSONField(null=True)


class LoginSession(BaseModel):
    """A signed-in client; the cookie carries the key, the database only its hash."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    key_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow, index=True)


class LoginAttempt(BaseModel):
    """A failed (or not yet judged) sign-in. `device` is the hash of the nonce of the device cookie
    it came with, when that cookie was good for the email: such attempts count against that device,
    not against the email (throttle.throttle_login)."""
    email = CharField(max_length=254, index=True)
    address = CharField(max_length=64, index=True)
    device = CharField(max_length=64, null=True, index=True)
    created_at = DateTimeField(default=utcnow, index=True)


class SignUp(BaseModel):
    """An account created from an address, for the sign-up throttle."""
    address = CharField(max_length=64, index=True)
    created_at = DateTimeField(default=utcnow, index=True)


class Invite(BaseModel):
    """A single-use, expiring invitation to sign up (ORBIT_SIGNUPS=invite): the link carries the
    token, the database only its hash. Used by one conditional UPDATE (store/invites.py)."""
    token_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)
    used_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    revoked_at = DateTimeField(null=True)


class PasswordReset(BaseModel):
    """A request for a "Forgot password?" link, for any email typed (so that the throttle counts
    unknown addresses as it counts accounts); `user` and `token_hash` are set when the account
    exists. The link carries the token, the database only its hash; single use, expiring."""
    email = CharField(max_length=254, index=True)
    address = CharField(max_length=64, index=True)
    user = ForeignKeyField(User, null=True, on_delete="CASCADE")
    token_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow, index=True)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)
