"""Reflections: one mood check a day, last writer wins (deletes included) across devices."""
from marshmallow import ValidationError

from ..clock import utcnow
from ..db import database, locked
from ..errors import FieldError
from ..models import Reflection, ReflectionTombstone, User
from .checkins import as_naive_utc, check_day, deleted_at, mark_deleted


def put_reflection(user, day, data):
    """Create or update the reflection of `day`; returns (reflection, created). With a
    `client_time` (a replay), a write older than the stored one or its deletion changes nothing
    (the reflection is then None when there is none)."""
    check_day(user, day)
    client_time = data.pop("client_time", None)
    acted_at = as_naive_utc(client_time) if client_time else utcnow()
    with database.atomic():
        locked(User.select().where(User.id == user.id)).get()  # one writer of a user's days
        stored = Reflection.get_or_none(Reflection.user == user, Reflection.day == day)
        if client_time:
            newer = stored.acted_at if stored else deleted_at(ReflectionTombstone, user=user,
                                                              day=day)
            if newer is not None and acted_at < newer:
                return stored, False
        if stored is None:
            if "mood" not in data:
                raise ValidationError({"mood": [FieldError("Missing data for required field.",
                                                           "required")]})
            ReflectionTombstone.delete().where(ReflectionTombstone.user == user,
                                               ReflectionTombstone.day == day).execute()
            return Reflection.create(user=user, day=day, acted_at=acted_at, **data), True
        data.update(updated_at=utcnow(), acted_at=acted_at)
        Reflection.update(**data).where(Reflection.id == stored.id).execute()
        stored.__data__.update(data)
        return stored, False


def reflections_between(user, start, end):
    """The user's reflections from start to end, oldest first."""
    return list(Reflection.select().where(Reflection.user == user,
                                          Reflection.day.between(start, end))
                .order_by(Reflection.day))


def delete_reflection(user, day, client_time=None):
    """Delete the reflection of `day`, if it is not newer than this deletion; remember when."""
    acted_at = as_naive_utc(client_time) if client_time else utcnow()
    with database.atomic():
        locked(User.select().where(User.id == user.id)).get()
        query = Reflection.delete().where(Reflection.user == user, Reflection.day == day)
        if client_time:
            query = query.where(Reflection.acted_at <= acted_at)
        if query.execute() or not Reflection.select().where(
                Reflection.user == user, Reflection.day == day).exists():
            mark_deleted(ReflectionTombstone, acted_at, user=user, day=day)
