"""Never miss twice (issue 24): a habit may choose that one missed period between two met ones
does not end its streak. Off for every habit that exists: their streaks stay as they were."""
from peewee import BooleanField
from playhouse.migrate import migrate


def up(migrator, db):
    migrate(migrator.add_column("habit", "never_miss_twice", BooleanField(default=False)))
