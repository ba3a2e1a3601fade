"""The account's language (issue 26): the one chosen in Settings (null: follow the browser), and
the one its browser last asked for, which is what the server sends in until one is chosen."""
from peewee import CharField
from playhouse.migrate import migrate


def up(migrator, db):
    migrate(migrator.add_column("user", "locale", CharField(max_length=16, null=True)),
            migrator.add_column("user", "browser_locale", CharField(max_length=16, null=True)))
