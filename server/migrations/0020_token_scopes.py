"""Scoped API tokens (issue 27): a token may be limited to logging the check-ins of chosen
habits (a phone shortcut on a shared device). Existing tokens keep full access."""
from peewee import CharField, TextField
from playhouse.migrate import migrate


def up(migrator, db):
    migrate(migrator.add_column("api_token", "scope", CharField(max_length=16, default="full")),
            migrator.add_column("api_token", "habit_uuids", TextField(null=True)))
