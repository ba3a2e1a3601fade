"""Peewee models: fields, indexes and tiny helpers only. Times are naive UTC."""
import json
import uuid

from peewee import (BooleanField, CharField, DateField, DateTimeField, DoubleField, ForeignKeyField,
                    IntegerField, Model, TextField, UUIDField)

from .clock import utcnow
from .db import database


class JSONField(TextField):
    """A small JSON document stored as text (the same on SQLite and PostgreSQL)."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, separators=(",", ":"), sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


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
    # belongs to Monday (PRODUCT.md "Day").
    day_start = CharField(max_length=5, default="00:00")
    session_version = IntegerField(default=1)
    created_at = DateTimeField(default=utcnow)


class ApiToken(BaseModel):
    user = ForeignKeyField(User, backref="tokens", on_delete="CASCADE")
    name = CharField(max_length=80)
    token_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)
    last_used_at = DateTimeField(null=True)


class LoginSession(BaseModel):
    """A signed-in client; the cookie carries the key, the database only its hash."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    key_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow, index=True)


class LoginAttempt(BaseModel):
    email = CharField(max_length=254, index=True)
    address = CharField(max_length=64, index=True)
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


class Identity(BaseModel):
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, backref="identities", on_delete="CASCADE")
    statement = CharField(max_length=140)
    color = CharField(max_length=7, default="#6366f1")
    position = IntegerField(default=0)
    created_at = DateTimeField(default=utcnow)


class Habit(BaseModel):
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, backref="habits", on_delete="CASCADE")
    identity = ForeignKeyField(Identity, null=True, backref="habits", on_delete="SET NULL")
    name = CharField(max_length=80)
    description = TextField(default="")
    kind = CharField(max_length=5, default="build")
    measure = CharField(max_length=7, default="check")
    unit = CharField(max_length=20, default="")
    # The effective start: the earlier of the date the user set and the earliest check-in
    # (PRODUCT.md "Start date"); the store keeps it so on every write.
    start_date = DateField()
    set_start_date = DateField()
    color = CharField(max_length=7, default="#10b981")
    position = IntegerField(default=0)
    archived_at = DateTimeField(null=True)
    private = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    # Moves on whenever the judged history changes (a past day, a rule, the start date, the week
    # start), so a cached HabitSummary of an older revision is known to be stale.
    revision = IntegerField(default=0)

    # The store attaches the habit's HabitRule rows here, oldest first; the newest is in force.
    rules = ()

    @property
    def archived(self):
        return self.archived_at is not None

    @property
    def schedule(self):
        return self.rules[-1].schedule

    @property
    def target(self):
        return self.rules[-1].target


class HabitRule(BaseModel):
    """A schedule and target in force from `effective_from`; the newest is the current rule."""
    habit = ForeignKeyField(Habit, backref="+", on_delete="CASCADE")
    effective_from = DateField()
    schedule = JSONField()  # as in API.md: {"type": "per_week", "times": 3}
    target = DoubleField(null=True)
    anchor = DateField()  # the start date when the schedule was set: every_n_days windows align on it

    class Meta:
        indexes = ((("habit", "effective_from"), True),)


class Checkin(BaseModel):
    # `user` duplicates habit.user so that per-user, per-day reads need no join.
    user = ForeignKeyField(User, on_delete="CASCADE")
    habit = ForeignKeyField(Habit, backref="checkins", on_delete="CASCADE")
    day = DateField()
    status = CharField(max_length=7)
    value = DoubleField(null=True)
    note = TextField(default="")
    acted_at = DateTimeField(default=utcnow)  # when the user acted (client_time), for replays
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("habit", "day"), True), (("user", "day"), False))


class Reflection(BaseModel):
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, backref="reflections", on_delete="CASCADE")
    day = DateField()
    mood = IntegerField()
    note = TextField(default="")
    acted_at = DateTimeField(default=utcnow)  # when the user acted (client_time), for replays
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "day"), True),)


class CheckinTombstone(BaseModel):
    """When a habit's check-in of a day was deleted: an older write replayed later from another
    device must not bring it back (last writer wins, deletes included)."""
    habit = ForeignKeyField(Habit, on_delete="CASCADE")
    day = DateField()
    acted_at = DateTimeField()

    class Meta:
        indexes = ((("habit", "day"), True),)


class ReflectionTombstone(BaseModel):
    """When a day's reflection was deleted (see CheckinTombstone)."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    day = DateField()
    acted_at = DateTimeField()

    class Meta:
        indexes = ((("user", "day"), True),)


class HabitSummary(BaseModel):
    """Cached domain state of a habit (a checkpoint), valid while the habit keeps its revision."""
    habit = ForeignKeyField(Habit, unique=True, on_delete="CASCADE")
    revision = IntegerField()
    data = JSONField()


class Pause(BaseModel):
    """A rest from `start` to `end` (both included; open while `end` is null) for one habit, or
    for every habit of the user when `habit` is null: its days count as skipped (PRODUCT.md)."""
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, on_delete="CASCADE")
    habit = ForeignKeyField(Habit, null=True, on_delete="CASCADE")
    start = DateField(column_name="start_day")  # "start" and "end" are SQL keywords
    end = DateField(null=True, column_name="end_day")
    note = TextField(default="")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "start"), False),)


class Reminder(BaseModel):
    """A local time on weekdays, for a habit, the daily reflection or the weekly summary."""
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, on_delete="CASCADE")
    habit = ForeignKeyField(Habit, null=True, on_delete="CASCADE")
    target = CharField(max_length=14)  # habit | reflection | weekly_summary
    time = CharField(max_length=5)  # "HH:MM", local
    days = JSONField()  # weekdays, Monday = 0
    channels = JSONField()  # subset of push, email, apprise
    enabled = BooleanField(default=True)
    skip_if_done = BooleanField(default=True)
    # The next instant it fires (naive UTC), kept by the store: the dispatcher asks the database
    # for what is due instead of computing every reminder's time on every pass.
    next_fire_at = DateTimeField(null=True, index=True)
    created_at = DateTimeField(default=utcnow)


class Delivery(BaseModel):
    """One reminder on one local date: claimed by inserting this row before anything is sent,
    so that any number of dispatchers send it once."""
    reminder = ForeignKeyField(Reminder, on_delete="CASCADE")
    local_date = DateField()
    fire_at = DateTimeField()
    status = CharField(max_length=8)  # sending | sent | skipped | missed | failed
    attempts = IntegerField(default=0)
    retry_at = DateTimeField(null=True, index=True)
    detail = TextField(default="")
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("reminder", "local_date"), True),)


class NotifyTarget(BaseModel):
    """An Apprise URL of the user's (ntfy, Telegram…): a secret, never sent back or logged."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    label = CharField(max_length=80)
    service = CharField(max_length=40)
    url = TextField()
    created_at = DateTimeField(default=utcnow)


class CalendarFeed(BaseModel):
    """The secret of a user's calendar feed URL; a new one replaces it."""
    user = ForeignKeyField(User, unique=True, on_delete="CASCADE")
    token = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)


class PushSubscription(BaseModel):
    """A device that accepts Web Push for the user (its push service's endpoint and keys)."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    endpoint = TextField(unique=True)
    p256dh = CharField(max_length=200)
    auth = CharField(max_length=100)
    created_at = DateTimeField(default=utcnow)
    label = CharField(max_length=100, default="")  # "Chrome on Pixel 8", from its User-Agent
    last_success_at = DateTimeField(null=True)  # when its push service last took a notification


class ActionToken(BaseModel):
    """The "Done" of one notification: logs one check-in, once, until it expires."""
    habit = ForeignKeyField(Habit, on_delete="CASCADE")
    day = DateField()
    value = DoubleField(null=True)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)


class WeeklyCache(BaseModel):
    """A computed weekly summary or history, valid while its `key` (a fingerprint of everything
    it was computed from) matches (store/weekly.py)."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    name = CharField(max_length=40)  # "week:2026-10-12", "history:12"
    key = CharField(max_length=64)
    data = JSONField()

    class Meta:
        indexes = ((("user", "name"), True),)


class ImportedObject(BaseModel):
    """What an import made of one object of its source (a Loop habit's uuid or id, a HabitBull
    habit's name...): the uuid of the Orbit object, so that importing again updates it."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    source = CharField(max_length=16)  # loop | habitbull | daylio | rewire | tickmate | orbit
    model = CharField(max_length=16)  # habit | identity | reminder | pause
    key = CharField(max_length=200)
    object_uuid = UUIDField()

    class Meta:
        indexes = ((("user", "source", "model", "key"), True),)


MODELS = [Setting, User, ApiToken, LoginSession, LoginAttempt, SignUp, Identity, Habit, HabitRule,
          Checkin, Reflection, HabitSummary, WeeklyCache, Reminder, Delivery, NotifyTarget,
          CalendarFeed, CheckinTombstone, ReflectionTombstone, PushSubscription, ActionToken,
          ImportedObject, Invite, Pause]
