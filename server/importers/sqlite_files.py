"""Opening an uploaded SQLite database (Loop, Rewire and Tickmate backups) safely: read-only,
checked whole before anything is read, and never trusting what its schema defines."""
import contextlib
import dataclasses
import math
import os
import sqlite3
import tempfile

from .plan import refuse

MAGIC = b"SQLite format 3\x00"
JAVA_INT = (-2**31, 2**31 - 1)  # what Android apps keep in most integer columns


def is_sqlite(data):
    return data[:16] == MAGIC


@contextlib.contextmanager
def opened(data, what="a backup"):
    """A read-only connection to the database in `data` (bytes); refused when it is not one, or
    is truncated or damaged."""
    if not is_sqlite(data):
        refuse(f"This file is not {what}: it is not a SQLite database.")
    handle, path = tempfile.mkstemp(suffix=".db")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            connection.row_factory = sqlite3.Row
            check_whole(connection)
            yield connection
        finally:
            connection.close()
    finally:
        os.unlink(path)


def check_whole(connection):
    """Refuse a truncated or damaged database before reading from it."""
    try:
        connection.execute("PRAGMA trusted_schema = OFF")  # no SQL functions run from its schema
        result = [row[0] for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError:
        result = None
    if result != ["ok"]:
        refuse("This database is damaged or incomplete (was the upload cut short?). Make a new "
               "backup and try again.")


def tables(connection):
    """The names of its tables (not views), lower-cased."""
    return {row[0].lower() for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}


def columns(connection, table):
    """The names of a table's columns, lower-cased."""
    return {row[1].lower() for row in connection.execute(f'PRAGMA table_info("{table}")')}


def require(connection, table, names, app):
    """Refuse (422, naming them) a table without the columns `names` that `app` always writes."""
    missing = [name for name in names if name.lower() not in columns(connection, table)]
    if missing:
        refuse(f"This file is not a backup as {app} writes it: the table {table} has no "
               f"column {', '.join(missing)}.")


def read(connection, sql, *params):
    """Rows of a query; a database that breaks while read is refused like a damaged one."""
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.DatabaseError:
        refuse("This database could not be read: its tables are not as the app that made it "
               "writes them.")


@dataclasses.dataclass(frozen=True)
class Kind:
    """What an app writes in a column: the Python types SQLite gives back for it, whether it may
    be NULL, and the numbers' bounds."""
    name: str
    types: tuple
    nullable: bool = True
    low: float | None = None
    high: float | None = None

    def fault(self, value):
        """Why `value` is not of this kind (what it is, and what was wanted), or None."""
        if value is None:
            return None if self.nullable else f"is empty, where it must be {self.name}"
        if not isinstance(value, self.types) or (isinstance(value, float) and
                                                 not math.isfinite(value)):
            return f"is {shown(value)}, where it must be {self.name}"
        if (self.low is not None and value < self.low) or (self.high is not None and
                                                            value > self.high):
            return f"is {shown(value)}, where it must be {self.name} {self.bounds()}"
        return None

    def bounds(self):
        """The numbers' range, as a message says it."""
        if self.low == -math.inf:
            return f"up to {shown(self.high)}"
        if self.high == math.inf:
            return f"from {shown(self.low)}"
        return f"from {shown(self.low)} to {shown(self.high)}"


def whole(nullable=True, low=JAVA_INT[0], high=JAVA_INT[1]):
    """An integer column (by default a Java int)."""
    return Kind("a whole number", (int,), nullable, low, high)


def number(nullable=True, low=-math.inf, high=math.inf):
    """A real column: a finite number (an integer too: SQLite may keep 20.0 as 20)."""
    return Kind("a number", (int, float), nullable, low, high)


def text(nullable=True):
    """A text column."""
    return Kind("text", (str,), nullable)


def shown(value):
    """A stored value as a person reads it in a message."""
    if isinstance(value, bytes):
        return "binary data"
    if isinstance(value, str):
        return f"text (“{value[:30]}{'…' if len(value) > 30 else ''}”)"
    if isinstance(value, float) and not math.isfinite(value):
        return "not a number" if math.isnan(value) else "infinite"
    return f"{value:,}" if isinstance(value, int) else f"{value:,g}"


def checked(rows, table, kinds, app, key="id"):
    """`rows` of `table`, once each value of the columns in `kinds` ({column: Kind}, the column
    named as `app` spells it) is of the kind `app` writes there; otherwise a 422 naming the
    column and the row (by its `key` column). SQLite keeps any value in any column, so a file
    edited by hand or by another program can hold text where the app writes numbers: checked
    here, no reader meets a value of another type."""
    for row in rows:
        names = {name.lower() for name in row.keys()}
        for column, kind in kinds.items():
            fault = kind.fault(row[column]) if column.lower() in names else None
            if fault:
                where = f" in the row with id {row[key]}" if key.lower() in names else ""
                refuse(f"This file is not a backup as {app} writes it: {table}.{column}{where} "
                       f"{fault}.")
    return rows
