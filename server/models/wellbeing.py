"""The wellbeing check (WHO-5, issue 25): on the user, whether they chose it (off by default),
the support contacts they wrote themselves and the day they last set Today's invitation aside;
and each check's five answers, one a day."""
from peewee import (BooleanField, DateField, DateTimeField, ForeignKeyField, SmallIntegerField,
                    TextField)

from ..clock import utcnow
from .accounts import User
from .base import BaseModel

# Declared here beside the checks, on the User model of models/accounts.py (as models/chapters.py
# does): one more table to read on every GET /today would cost a statement for a feature most
# people leave off. Null is off and no contacts (store/wellbeing.py reads them so): a column
# with a default would be written by every insert of a user, also before migration 0027.
User._meta.add_field("wellbeing_enabled", BooleanField(null=True))
User._meta.add_field("wellbeing_contacts", TextField(null=True))
User._meta.add_field("wellbeing_set_aside", DateField(null=True))


class WellbeingCheck(BaseModel):
    """One WHO-5 check on the user's day: the five answers, 0 (at no time) to 5 (all of the time),
    in the instrument's order. A second check the same day replaces the first."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    day = DateField()
    cheerful = SmallIntegerField()
    calm = SmallIntegerField()
    active = SmallIntegerField()
    rested = SmallIntegerField()
    interested = SmallIntegerField()
    acted_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "day"), True),)
