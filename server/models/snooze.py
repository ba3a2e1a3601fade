"""A reminder put off with "Later" (issue 27): it fires once more at `fire_at`, for its `day`."""
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..clock import utcnow
from .base import BaseModel
from .notify import Reminder


class Snooze(BaseModel):
    """One per reminder and user's day: a second "Later" moves its time (it still fires once).
    status: waiting | sending | sent | skipped | missed | failed | given_up."""
    reminder = ForeignKeyField(Reminder, on_delete="CASCADE")
    day = DateField()
    fire_at = DateTimeField(index=True)
    status = CharField(max_length=8)
    attempts = IntegerField(default=0)
    retry_at = DateTimeField(null=True)
    detail = TextField(default="")
    updated_at = DateTimeField(default=utcnow)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("reminder", "day"), True),)
