"""The start date becomes derived, and amounts become double precision on PostgreSQL.

- `habit.set_start_date` keeps the date the user set; `start_date` stays the effective one, the
  earlier of that and the earliest check-in (PRODUCT.md "Start date"), so that deleting the
  check-in that moved it back moves it forward again. Existing habits cannot know what was set
  before a check-in moved them: their current start date is taken as set.
- PostgreSQL stored `value` and `target` as `real` (6 digits: 999999.99 read back as 1000000);
  SQLite's REAL is already a double.
"""
import datetime

from peewee import DateField, PostgresqlDatabase
from playhouse.migrate import migrate


def up(migrator, db):
    column = DateField(default=datetime.date(1970, 1, 1))  # filled from start_date just below
    migrate(migrator.add_column("habit", "set_start_date", column))
    db.execute_sql("UPDATE habit SET set_start_date = start_date")
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("ALTER TABLE checkin ALTER COLUMN value TYPE double precision")
        db.execute_sql("ALTER TABLE habit_rule ALTER COLUMN target TYPE double precision")
