"""The dispatcher's heartbeat (issue 21): when a pass last ran, so the app can say when this
server is not sending reminders."""
from peewee import CharField, DateTimeField, Model


def up(migrator, db):
    class DispatcherHeartbeat(Model):
        name = CharField(max_length=32, primary_key=True)
        last_pass_at = DateTimeField()

        class Meta:
            database = db
            legacy_table_names = False

    db.create_tables([DispatcherHeartbeat])
