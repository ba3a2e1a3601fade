"""If-then plans and appointments (issue 24): a habit's plan, "When <cue>, I will <action>" (both
empty when it has none), and the mark that keeps suggestions from raising or shrinking it."""
from peewee import BooleanField, CharField
from playhouse.migrate import migrate


def up(migrator, db):
    migrate(migrator.add_column("habit", "plan_cue", CharField(max_length=80, default="")),
            migrator.add_column("habit", "plan_action", CharField(max_length=80, default="")),
            migrator.add_column("habit", "appointment", BooleanField(default=False)))
