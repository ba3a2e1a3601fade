"""The account's day start: when its day turns (00:00 to 06:00, default midnight)."""
from peewee import CharField
from playhouse.migrate import migrate


def up(migrator, db):
    migrate(migrator.add_column("user", "day_start", CharField(max_length=5, default="00:00")))
