"""Reflections: one mood check a day."""
from marshmallow import ValidationError

from ..db import database, retry_on_conflict
from ..models import Reflection, utcnow
from .checkins import check_day


@retry_on_conflict
def put_reflection(user, day, data):
    """Create or update the reflection of `day`; returns (reflection, created)."""
    check_day(user, day)
    with database.atomic():
        stored = Reflection.get_or_none(Reflection.user == user, Reflection.day == day)
        if stored is None:
            if "mood" not in data:
                raise ValidationError({"mood": ["Missing data for required field."]})
            return Reflection.create(user=user, day=day, **data), True
        data["updated_at"] = utcnow()
        Reflection.update(**data).where(Reflection.id == stored.id).execute()
        stored.__data__.update(data)
        return stored, False


def reflections_between(user, start, end):
    """The user's reflections from start to end, oldest first."""
    return list(Reflection.select().where(Reflection.user == user,
                                          Reflection.day.between(start, end))
                .order_by(Reflection.day))


def delete_reflection(user, day):
    """Delete the reflection of `day`, if any."""
    with database.atomic():
        Reflection.delete().where(Reflection.user == user, Reflection.day == day).execute()
