"""Imports remember what they made: the source's own id of each object (a Loop habit's uuid or
id, a HabitBull habit's name...) and the uuid of the Orbit object it became, so that importing the
same file again updates those objects instead of making copies."""
import uuid

from peewee import CharField, ForeignKeyField, Model, UUIDField


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class ImportedObject(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        source = CharField(max_length=16)
        model = CharField(max_length=16)
        key = CharField(max_length=200)
        object_uuid = UUIDField(default=uuid.uuid4)

        class Meta:
            indexes = ((("user", "source", "model", "key"), True),)

    db.create_tables([ImportedObject])
