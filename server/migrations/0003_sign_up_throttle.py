"""Sign-ups counted per address (the sign-up throttle), in the database like sign-in failures."""
import datetime

from peewee import CharField, DateTimeField, Model


def up(migrator, db):
    class SignUp(Model):
        address = CharField(max_length=64, index=True)
        created_at = DateTimeField(default=datetime.datetime.utcnow, index=True)

        class Meta:
            database = db
            legacy_table_names = False

    db.create_tables([SignUp])
