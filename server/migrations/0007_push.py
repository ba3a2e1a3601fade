"""Web Push: the devices that accept it, and the single-use "Done" actions of notifications."""
from peewee import (CharField, DateField, DateTimeField, DoubleField, ForeignKeyField, Model,
                    TextField)


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

    class PushSubscription(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        endpoint = TextField(unique=True)
        p256dh = CharField(max_length=200)
        auth = CharField(max_length=100)
        created_at = DateTimeField()

    class ActionToken(Base):
        habit = ForeignKeyField(Habit, on_delete="CASCADE")
        day = DateField()
        value = DoubleField(null=True)
        expires_at = DateTimeField()
        used_at = DateTimeField(null=True)

    db.create_tables([PushSubscription, ActionToken])
