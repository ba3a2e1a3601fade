"""Shares (issue 25): a read-only link for someone the user trusts, naming what it shows, and
each view of it. Only the token's SHA-256 is kept: the link is shown once, when it is made."""
from peewee import (BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField)

from ..clock import utcnow
from .accounts import User
from .base import BaseModel, JSONField


class Share(BaseModel):
    """What one link shows (chosen habits and identities, and which parts) and until when."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    name = CharField(max_length=80)  # whom it is for: "Dr. Lee"
    token_hash = CharField(max_length=64, unique=True)
    habit_ids = JSONField(default=list)
    identity_ids = JSONField(default=list)
    summaries = BooleanField(default=True)
    mood = BooleanField(default=False)
    notes = BooleanField(default=False)
    wellbeing = BooleanField(default=False)
    weeks = IntegerField(default=4)
    expires_at = DateTimeField()
    revoked_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)


class ShareView(BaseModel):
    """One opening of a live share: when, and a short name of the browser (never the address)."""
    share = ForeignKeyField(Share, backref="views", on_delete="CASCADE")
    at = DateTimeField(default=utcnow)
    browser = CharField(max_length=100)

    class Meta:
        indexes = ((("share", "at"), False),)
