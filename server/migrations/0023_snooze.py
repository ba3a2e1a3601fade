"""Snooze (issue 27): a reminder put off with "Later" waits here for the time chosen, one row for
its reminder and day, and fires once more then (claimed by one conditional UPDATE, as a retried
delivery is)."""
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Reminder(Base):
        class Meta:
            table_name = "reminder"

    class Snooze(Base):
        reminder = ForeignKeyField(Reminder, on_delete="CASCADE")
        day = DateField()
        fire_at = DateTimeField(index=True)
        status = CharField(max_length=8)
        attempts = IntegerField(default=0)
        retry_at = DateTimeField(null=True)
        detail = TextField(default="")
        updated_at = DateTimeField()
        created_at = DateTimeField()

        class Meta:
            indexes = ((("reminder", "day"), True),)

    db.create_tables([Snooze])
