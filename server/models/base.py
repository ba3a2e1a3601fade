"""The base of every model (its database, its table names) and a JSON field. Times are naive UTC."""
import json

from peewee import (Model, TextField)

from ..db import database


class JSONField(TextField):
    """A small JSON document stored as text (the same on SQLite and PostgreSQL)."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, separators=(",", ":"), sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False
