"""Computed weekly summaries are cached per user and week, under a fingerprint of their inputs."""
from peewee import CharField, ForeignKeyField, Model, TextField


def up(migrator, db):
    class User(Model):
        class Meta:
            database = db
            legacy_table_names = False
            table_name = "user"

    class WeeklyCache(Model):
        user = ForeignKeyField(User, on_delete="CASCADE")
        name = CharField(max_length=40)
        key = CharField(max_length=64)
        data = TextField()

        class Meta:
            database = db
            legacy_table_names = False
            indexes = ((("user", "name"), True),)

    db.create_tables([WeeklyCache])
