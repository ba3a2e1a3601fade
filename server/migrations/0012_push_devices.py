"""Web Push devices people can tell apart: a label from the browser that subscribed ("Chrome on
Pixel 8") and when its push service last took a notification."""
from peewee import CharField, DateTimeField
from playhouse.migrate import migrate


def up(migrator, db):
    table = "push_subscription"
    migrate(migrator.add_column(table, "label", CharField(max_length=100, default="")),
            migrator.add_column(table, "last_success_at", DateTimeField(null=True)))
