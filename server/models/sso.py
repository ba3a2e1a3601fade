"""Sign-in through another service (issue 22): the OpenID Connect identities bound to accounts."""
from peewee import CharField, DateTimeField, ForeignKeyField

from ..clock import utcnow
from .accounts import User
from .base import BaseModel


class OidcLink(BaseModel):
    """An account's identity at an OpenID provider: (issuer, subject) is who signs in, never the
    email the provider reports (emails change hands; a subject is the provider's for good)."""
    user = ForeignKeyField(User, on_delete="CASCADE", index=True)
    issuer = CharField(max_length=255)
    subject = CharField(max_length=255)
    email = CharField(max_length=254, default="")  # as the provider last said it, for display
    linked_at = DateTimeField(default=utcnow)
    last_used_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("issuer", "subject"), True),)
