"""Opening an uploaded SQLite database (Loop, Rewire and Tickmate backups) safely: read-only,
checked whole before anything is read, and never trusting what its schema defines."""
import contextlib
import os
import sqlite3
import tempfile

from .plan import refuse

MAGIC = b"SQLite format 3\x00"


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


def read(connection, sql, *params):
    """Rows of a query; a database that breaks while read is refused like a damaged one."""
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.DatabaseError:
        refuse("This database could not be read: its tables are not as the app that made it "
               "writes them.")
