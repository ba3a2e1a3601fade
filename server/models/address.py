"""Where the server was last reached (issue 21): links made with no request at hand (the
dispatcher's emails and pushes, CLI commands) start with it when no base URL is configured."""
from peewee import CharField, DateTimeField

from ..clock import utcnow
from .base import BaseModel


class ServerAddress(BaseModel):
    """A row a user ("user:<id>"): the scheme and host their signed-in requests last came to,
    and when that changed. Written by server/links.py only when it changes, never on every request."""
    name = CharField(max_length=16, primary_key=True)
    url = CharField(max_length=300)
    changed_at = DateTimeField(default=utcnow)
