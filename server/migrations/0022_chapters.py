"""New chapters and weekly answers (issue 24): the user's chapters, the answers to the weekly
reflection prompts, and on the user the landmarks at which Today offers a fresh start and the
day one was last set aside."""
from peewee import (CharField, DateField, DateTimeField, ForeignKeyField, Model, TextField,
                    UUIDField)
from playhouse.migrate import migrate


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class Chapter(Base):
        uuid = UUIDField(unique=True)
        user = ForeignKeyField(User, on_delete="CASCADE")
        name = CharField(max_length=80)
        start = DateField(column_name="start_day")
        created_at = DateTimeField()

        class Meta:
            indexes = ((("user", "start"), False),)

    class WeekAnswer(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        week_start = DateField()
        prompt = CharField(max_length=20)
        question = TextField()
        answer = TextField()
        updated_at = DateTimeField()

        class Meta:
            indexes = ((("user", "week_start"), True),)

    db.create_tables([Chapter, WeekAnswer])
    migrate(migrator.add_column("user", "fresh_start_landmarks", TextField(null=True)),
            migrator.add_column("user", "fresh_start_dismissed", DateField(null=True)))
