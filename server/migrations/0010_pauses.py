"""Pauses (#15): date ranges in which one habit, or all of a user's habits, rest."""
import datetime
import uuid

from peewee import DateField, DateTimeField, ForeignKeyField, Model, TextField, UUIDField


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

    class Pause(Base):
        uuid = UUIDField(default=uuid.uuid4, unique=True)
        user = ForeignKeyField(User, on_delete="CASCADE")
        habit = ForeignKeyField(Habit, null=True, on_delete="CASCADE")
        start = DateField(column_name="start_day")
        end = DateField(null=True, column_name="end_day")
        note = TextField(default="")
        created_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            indexes = ((("user", "start"), False),)

    db.create_tables([Pause])
