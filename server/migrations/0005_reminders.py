"""Reminders, their deliveries, Apprise targets and calendar feeds (issue: reminders)."""
import datetime
import uuid

from peewee import (BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
                    IntegerField, Model, TextField, UUIDField)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class Habit(Base):
        class Meta:
            table_name = "habit"

    class Reminder(Base):
        uuid = UUIDField(default=uuid.uuid4, unique=True)
        user = ForeignKeyField(User, on_delete="CASCADE")
        habit = ForeignKeyField(Habit, null=True, on_delete="CASCADE")
        target = CharField(max_length=14)
        time = CharField(max_length=5)
        days = TextField()
        channels = TextField()
        enabled = BooleanField(default=True)
        skip_if_done = BooleanField(default=True)
        next_fire_at = DateTimeField(null=True, index=True)
        created_at = DateTimeField(default=datetime.datetime.utcnow)

    class Delivery(Base):
        reminder = ForeignKeyField(Reminder, on_delete="CASCADE")
        local_date = DateField()
        fire_at = DateTimeField()
        status = CharField(max_length=8)
        attempts = IntegerField(default=0)
        retry_at = DateTimeField(null=True, index=True)
        detail = TextField(default="")
        updated_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            indexes = ((("reminder", "local_date"), True),)

    class NotifyTarget(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        label = CharField(max_length=80)
        service = CharField(max_length=40)
        url = TextField()
        created_at = DateTimeField(default=datetime.datetime.utcnow)

    class CalendarFeed(Base):
        user = ForeignKeyField(User, unique=True, on_delete="CASCADE")
        token = CharField(max_length=64, unique=True)
        created_at = DateTimeField(default=datetime.datetime.utcnow)

    db.create_tables([Reminder, Delivery, NotifyTarget, CalendarFeed])
