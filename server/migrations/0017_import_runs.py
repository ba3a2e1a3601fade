"""Imports written in short transactions (issue 29): the run being written, and the mark on the
habits it creates, hidden until the run's last transaction reveals them."""
from peewee import DateTimeField, ForeignKeyField, Model
from playhouse.migrate import migrate


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class ImportRun(Base):
        user = ForeignKeyField(User, unique=True, on_delete="CASCADE")
        touched_at = DateTimeField()

    db.create_tables([ImportRun])
    migrate(migrator.add_column("habit", "import_run_id", ForeignKeyField(
        ImportRun, field=ImportRun.id, null=True, on_delete="CASCADE")))
