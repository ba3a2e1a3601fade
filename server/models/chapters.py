"""New chapters and weekly answers (issue 24): the dated names a user gives a fresh start ("Since
the move"), the landmarks at which Today offers one, and the week's answer to its reflection
prompt."""
import uuid

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField, UUIDField

from ..clock import utcnow
from .accounts import User
from .base import BaseModel, JSONField

# The landmarks at which Today offers a fresh start ("week", "month", "anniversary"; null: the
# default, domain/chapters.py DEFAULT_LANDMARKS), and the user's day on which they last set one
# aside: an offer is made only for a landmark after that day, so each is offered once. Declared
# here beside the chapters, on the User model of models/accounts.py (as models/webhooks.py does).
User._meta.add_field("fresh_start_landmarks", JSONField(null=True))
User._meta.add_field("fresh_start_dismissed", DateField(null=True))


class Chapter(BaseModel):
    """A chapter of the user's life from `start` on: evidence is counted since the current one
    (the latest started) beside all time."""
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, on_delete="CASCADE")
    name = CharField(max_length=80)
    start = DateField(column_name="start_day")  # "start" is an SQL keyword
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "start"), False),)


class WeekAnswer(BaseModel):
    """The answer to one week's reflection prompt, kept with the question as it was asked."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    week_start = DateField()
    prompt = CharField(max_length=20)  # the prompt's key (domain/prompts.py)
    question = TextField()
    answer = TextField()
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "week_start"), True),)
