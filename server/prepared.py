"""Queries of the hot path (a check-in PUT and what every request does) built once per process.

Peewee rebuilds a query's SQL text from its expression tree on every execution, about half of
a check-in PUT's CPU, and sets up its row reader again for every result. A `Prepared` query is
built by Peewee once per kind of database (SQLite and PostgreSQL differ in placeholders and FOR
UPDATE), from a builder called with probe values in place of its parameters; each run sends that
text with fresh values, and rows become models through each field's own conversion.
Values are passed as the database takes them: ids rather than rows, floats, dates, naive UTC.
"""
import datetime
import itertools

from peewee import (AutoField, BigIntegerField, CharField, DateField, DateTimeField, DoubleField,
                    FloatField, ForeignKeyField, IntegerField, TextField)

from .db import database

PROBES = itertools.count(1)
# Peewee's fields whose python_value only coerces to one type; exactly these classes, not their
# subclasses (models.JSONField is a TextField that parses JSON).
PLAIN_TYPES = {AutoField: int, IntegerField: int, BigIntegerField: int, CharField: str,
               TextField: str, FloatField: float, DoubleField: float}


def probe(kind):
    """A value of type `kind` that no real parameter or constant of a query takes."""
    n = next(PROBES)
    if kind is int:
        return -7_000_000_000 - n
    if kind is float:
        return -7_000_000_000.5 - n
    if kind is str:
        return f"\x00probe{n}"
    if kind is datetime.datetime:
        return datetime.datetime(1001, 1, 1) + datetime.timedelta(seconds=n)
    if kind is datetime.date:
        return datetime.date(1001, 1, 1) + datetime.timedelta(days=n)
    raise TypeError(f"no probe for {kind!r}")


class Prepared:
    """A query whose SQL text is built once per database class: `build(**probes)` returns the
    Peewee query; `joined` maps each model a SELECT joins to the attribute it is set as;
    `parameters` name the type of each argument."""

    def __init__(self, build, joined=None, **parameters):
        self.build = build
        self.joined = joined or {}
        self.parameters = parameters
        self.built = {}
        self.reader = None

    def compiled(self):
        """(query, SQL text, the parameter list with names where the arguments go)."""
        kind = type(database.obj)
        entry = self.built.get(kind)
        if entry is None:
            probes = {name: probe(kind_) for name, kind_ in self.parameters.items()}
            query = self.build(**probes)
            sql, params = query.sql()
            names = {value: name for name, value in probes.items()}
            slots = [Slot(names[value]) if is_probe(value, names) else value for value in params]
            missing = set(probes) - {s.name for s in slots if isinstance(s, Slot)}
            if missing:
                raise ValueError(f"parameters never used by the query: {sorted(missing)}")
            entry = self.built[kind] = (query, sql, slots)
        return entry

    def bound(self, values):
        """(SQL text, parameter list) with `values` in their places; on PostgreSQL the text is
        the EXECUTE of the statement prepared on this connection (server/pgdb.py)."""
        _, sql, slots = self.compiled()
        statement = getattr(database.obj, "statement", None)
        if statement is not None:
            sql = statement(sql, len(slots))
        return sql, [values[s.name] if isinstance(s, Slot) else s for s in slots]

    def cursor(self, preceded_by=None, **values):
        """Run the statement with `values` for its parameters; the DB-API cursor. `preceded_by`:
        (a Prepared, its values) to run just before, in the same round trip where the database
        takes several statements at once (server/pgdb.py)."""
        sql, params = self.bound(values)
        if preceded_by is not None:
            first_sql, first_params = preceded_by[0].bound(preceded_by[1])
            if getattr(database.obj, "multiple_statements", False):
                sql, params = f"{first_sql}; {sql}", first_params + params
            else:
                database.execute_sql(first_sql, first_params)
        return database.execute_sql(sql, params)

    def rows(self, preceded_by=None, **values):
        """The rows of a SELECT as models: the query's model, with each joined one set on it as
        the attribute `joined` names (None where an outer join found nothing)."""
        rows = self.cursor(preceded_by, **values).fetchall()
        reader = self.reader
        if reader is None:
            reader = self.reader = RowReader(self.compiled()[0], self.joined)
        return [reader.model_of(row) for row in rows]

    def first(self, **values):
        """The first row of a SELECT, or None."""
        rows = self.rows(**values)
        return rows[0] if rows else None

    def execute(self, **values):
        """Run an UPDATE or DELETE; the number of rows it changed."""
        return self.cursor(**values).rowcount

    def insert(self, **values):
        """Run an INSERT; the new row's id (RETURNING where the database has it)."""
        cursor = self.cursor(**values)
        if database.obj.returning_clause:
            return cursor.fetchone()[0]
        return cursor.lastrowid


class RowReader:
    """Turns a row of a SELECT into model instances, as Peewee's own reader does (each value
    through its field's python_value), without redoing its per-query set-up on every execution:
    which columns belong to which model is worked out once."""

    def __init__(self, query, joined):
        groups = {}
        for index, field in enumerate(query.selected_columns):
            groups.setdefault(field.model, []).append(
                (index, field.name, plain_type(field), converter(field)))
        self.root = query.model
        unnamed = set(groups) - {self.root} - set(joined)
        if unnamed:
            raise ValueError(f"joined models without an attribute: {sorted(map(str, unnamed))}")
        self.groups = [(model, columns, joined.get(model)) for model, columns in groups.items()]

    def model_of(self, row):
        """The root model instance of `row`, joined instances attached."""
        root, attached = None, []
        for model, columns, attr in self.groups:
            data = {}
            for i, name, plain, convert in columns:
                value = row[i]
                # Most values come from the driver as the field's own type: no call for them.
                data[name] = value if value is None or type(value) is plain else convert(value)
            instance = None
            if model is self.root or any(v is not None for v in data.values()):
                instance = model.__new__(model)
                instance.__data__, instance._dirty, instance.__rel__ = data, set(), {}
            if model is self.root:
                root = instance
            else:
                attached.append((attr, instance))
        for attr, instance in attached:
            setattr(root, attr, instance)
        return root


def plain_type(field):
    """The type whose values the field's python_value returns unchanged (int, str, float), or
    None when every value goes through it."""
    if isinstance(field, ForeignKeyField):
        field = field.rel_field
    return PLAIN_TYPES.get(type(field))


def converter(field):
    """The field's python_value; for dates and times stored as ISO text (SQLite), the standard
    library's parser first, which is many times faster than Peewee's trial of formats."""
    python_value = field.python_value
    if isinstance(field, DateTimeField):
        parse = datetime.datetime.fromisoformat
    elif isinstance(field, DateField):
        parse = datetime.date.fromisoformat
    else:
        return python_value

    def convert(value):
        if isinstance(value, str):
            try:
                return parse(value)
            except ValueError:
                pass
        return python_value(value)
    return convert


class Slot:
    """Where a named argument goes in the parameter list."""
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


def is_probe(value, names):
    """True when `value` is one of the probes (compared with its type: 1 == 1.0 == True)."""
    try:
        return value in names and any(type(value) is type(p) and value == p for p in names)
    except TypeError:  # unhashable constants (none in practice) are never probes
        return False


def returning_id(query, model):
    """An INSERT that answers its new id: RETURNING where the database has it (PostgreSQL)."""
    return query.returning(model.id) if database.obj.returning_clause else query
