"""Where the server was last reached (issue 21): the base of links made with no request at hand
when no base URL is configured (server/links.py)."""
from peewee import CharField, DateTimeField, Model


def up(migrator, db):
    class ServerAddress(Model):
        name = CharField(max_length=16, primary_key=True)
        url = CharField(max_length=300)
        changed_at = DateTimeField()

        class Meta:
            database = db
            legacy_table_names = False

    db.create_tables([ServerAddress])
