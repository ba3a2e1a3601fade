"""Deletes leave a tombstone, and reflections remember when the user acted, so that a replayed
older write never undoes a newer one (last writer wins, deletes included)."""
import datetime

from peewee import DateField, DateTimeField, ForeignKeyField, Model
from playhouse.migrate import migrate


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

    class CheckinTombstone(Base):
        habit = ForeignKeyField(Habit, on_delete="CASCADE")
        day = DateField()
        acted_at = DateTimeField()

        class Meta:
            indexes = ((("habit", "day"), True),)

    class ReflectionTombstone(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        day = DateField()
        acted_at = DateTimeField()

        class Meta:
            indexes = ((("user", "day"), True),)

    db.create_tables([CheckinTombstone, ReflectionTombstone])
    column = DateTimeField(default=datetime.datetime(1970, 1, 1))  # then: when it was updated
    migrate(migrator.add_column("reflection", "acted_at", column))
    db.execute_sql("UPDATE reflection SET acted_at = updated_at")
