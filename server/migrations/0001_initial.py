"""The first schema: everything the API core needs.

A frozen copy of the models as they were at this migration, independent of server/models.py, so
that later migrations (add_column and friends) apply on top of exactly this shape.
"""
import datetime
import uuid

from peewee import (BooleanField, CharField, DateField, DateTimeField, FloatField, ForeignKeyField,
                    IntegerField, Model, TextField, UUIDField)


def now():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Setting(Base):
        key = CharField(primary_key=True, max_length=64)
        value = TextField()

    class User(Base):
        uuid = UUIDField(default=uuid.uuid4, unique=True)
        email = CharField(max_length=254, unique=True)
        password_hash = CharField(max_length=255)
        timezone = CharField(max_length=64, default="UTC")
        week_start = CharField(max_length=3, default="mon")
        session_version = IntegerField(default=1)
        created_at = DateTimeField(default=now)

    class ApiToken(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        name = CharField(max_length=80)
        token_hash = CharField(max_length=64, unique=True)
        created_at = DateTimeField(default=now)
        last_used_at = DateTimeField(null=True)

    class LoginSession(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        key_hash = CharField(max_length=64, unique=True)
        created_at = DateTimeField(default=now, index=True)

    class LoginAttempt(Base):
        email = CharField(max_length=254, index=True)
        address = CharField(max_length=64, index=True)
        created_at = DateTimeField(default=now, index=True)

    class Identity(Base):
        uuid = UUIDField(default=uuid.uuid4, unique=True)
        user = ForeignKeyField(User, on_delete="CASCADE")
        statement = CharField(max_length=140)
        color = CharField(max_length=7, default="#6366f1")
        position = IntegerField(default=0)
        created_at = DateTimeField(default=now)

    class Habit(Base):
        uuid = UUIDField(default=uuid.uuid4, unique=True)
        user = ForeignKeyField(User, on_delete="CASCADE")
        identity = ForeignKeyField(Identity, null=True, on_delete="SET NULL")
        name = CharField(max_length=80)
        description = TextField(default="")
        kind = CharField(max_length=5, default="build")
        measure = CharField(max_length=7, default="check")
        unit = CharField(max_length=20, default="")
        start_date = DateField()
        color = CharField(max_length=7, default="#10b981")
        position = IntegerField(default=0)
        archived_at = DateTimeField(null=True)
        private = BooleanField(default=False)
        created_at = DateTimeField(default=now)
        revision = IntegerField(default=0)

    class HabitRule(Base):
        habit = ForeignKeyField(Habit, on_delete="CASCADE")
        effective_from = DateField()
        schedule = TextField()
        target = FloatField(null=True)
        anchor = DateField()

        class Meta:
            indexes = ((("habit", "effective_from"), True),)

    class Checkin(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        habit = ForeignKeyField(Habit, on_delete="CASCADE")
        day = DateField()
        status = CharField(max_length=7)
        value = FloatField(null=True)
        note = TextField(default="")
        acted_at = DateTimeField(default=now)
        updated_at = DateTimeField(default=now)

        class Meta:
            indexes = ((("habit", "day"), True), (("user", "day"), False))

    class Reflection(Base):
        uuid = UUIDField(default=uuid.uuid4, unique=True)
        user = ForeignKeyField(User, on_delete="CASCADE")
        day = DateField()
        mood = IntegerField()
        note = TextField(default="")
        updated_at = DateTimeField(default=now)

        class Meta:
            indexes = ((("user", "day"), True),)

    class HabitSummary(Base):
        habit = ForeignKeyField(Habit, unique=True, on_delete="CASCADE")
        revision = IntegerField()
        data = TextField()

    db.create_tables([Setting, User, ApiToken, LoginSession, LoginAttempt, Identity, Habit,
                      HabitRule, Checkin, Reflection, HabitSummary])
