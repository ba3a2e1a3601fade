"""Device cookies (issue 29): a sign-in attempt made with a browser's device cookie for that
account records the cookie's nonce hash, so it counts against that device, not the email."""
from peewee import CharField
from playhouse.migrate import migrate


def up(migrator, db):
    table = "login_attempt"
    migrate(migrator.add_column(table, "device", CharField(max_length=64, null=True)),
            migrator.add_index(table, ("device",), False))
