"""What a user keeps: identities, habits and their rules, check-ins, reflections, pauses, and the
caches and import records derived from them."""
import uuid

from peewee import (BooleanField, CharField, DateField, DateTimeField, DoubleField, ForeignKeyField,
                    IntegerField, TextField, UUIDField)

from ..clock import utcnow
from .accounts import User
from .base import BaseModel, JSONField


class Identity(BaseModel):
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, backref="identities", on_delete="CASCADE")
    statement = CharField(max_length=140)
    color = CharField(max_length=7, default="#6366f1")
    position = IntegerField(default=0)
    created_at = DateTimeField(default=utcnow)


class ImportRun(BaseModel):
    """An import being written (issue 29): its new habits are written in short transactions,
    hidden until the last one reveals them all at once. One at a time per user."""
    user = ForeignKeyField(User, unique=True, on_delete="CASCADE")
    touched_at = DateTimeField(default=utcnow)  # at each batch: a run left untouched died


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
    # (RULES.md "Start date"); the store keeps it so on every write.
    start_date = DateField()
    set_start_date = DateField()
    color = CharField(max_length=7, default="#10b981")
    position = IntegerField(default=0)
    archived_at = DateTimeField(null=True)
    private = BooleanField(default=False)
    # An if-then plan (issue 24): "When <cue>, I will <action>"; both empty without one.
    plan_cue = CharField(max_length=80, default="")
    plan_action = CharField(max_length=80, default="")
    # A fixed commitment (a therapy session, a class): no suggestion raises or shrinks it.
    appointment = BooleanField(default=False)
    # Never miss twice (issue 24): one missed period between two met ones keeps the streak.
    never_miss_twice = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    # Moves on whenever the judged history changes (a past day, a rule, the start date, the week
    # start), so a cached HabitSummary of an older revision is known to be stale.
    revision = IntegerField(default=0)
    # Set while the import that creates the habit is still being written: no read shows it
    # (Habit.shown), and a failed import's are removed with it.
    import_run = ForeignKeyField(ImportRun, null=True, on_delete="CASCADE")

    @classmethod
    def shown(cls, *fields):
        """The habits a read may show: every one but those of an import still being written."""
        return cls.select(*fields).where(cls.import_run.is_null())

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
    schedule = JSONField()  # as in RULES.md: {"type": "per_week", "times": 3}
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
    for every habit of the user when `habit` is null: its days count as skipped (RULES.md)."""
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    user = ForeignKeyField(User, on_delete="CASCADE")
    habit = ForeignKeyField(Habit, null=True, on_delete="CASCADE")
    start = DateField(column_name="start_day")  # "start" and "end" are SQL keywords
    end = DateField(null=True, column_name="end_day")
    note = TextField(default="")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "start"), False),)


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
