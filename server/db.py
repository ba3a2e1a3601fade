"""The one database handle, chosen by URL, with connections pooled and reused per request."""
import functools
import threading
from pathlib import Path

from flask import request
from peewee import DatabaseProxy, IntegrityError, OperationalError
from playhouse.db_url import connect, parse
from playhouse.migrations import Runner

from .pgdb import PostgresDatabase
from .sqlitedb import SqliteDatabase

database = DatabaseProxy()

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

SQLITE_PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000,
                  "synchronous": "full"}

# Plain schemes are upgraded to their pooled variants: closing a pooled connection hands it back
# instead of closing it (closing the last SQLite WAL connection checkpoints it: ~5x slower writes).
POOLED = {"sqlite": "sqlite+pool", "postgres": "postgres+pool", "postgresql": "postgresql+pool"}


class RequestConnections:
    """A database that does not connect by itself (Peewee's autoconnect) while a request of this
    thread runs: the request took its connection explicitly (open_connection) and hands it back
    at its end, so a statement sent after that, or after the connection was lost and closed, is
    an error rather than a new connection outside the request's transaction. Outside requests
    (commands, the dispatcher, /healthz) connecting on first use stays as Peewee has it."""

    requests = threading.local()

    @property
    def autoconnect(self):
        return self.connects_itself and not getattr(self.requests, "active", False)

    @autoconnect.setter
    def autoconnect(self, value):  # Peewee's own setting, as given to the constructor
        self.connects_itself = value


class AppSqliteDatabase(RequestConnections, SqliteDatabase):
    pass


class AppPostgresDatabase(RequestConnections, PostgresDatabase):
    pass


def database_from_url(url, pg_prepare=True):
    """Build a pooled Peewee database for a sqlite:// or postgresql:// URL; `pg_prepare`: whether
    PostgreSQL connections prepare the hot path's statements (off behind PgBouncer in transaction
    mode, server/pgdb.py)."""
    scheme, _, rest = url.partition("://")
    scheme = POOLED.get(scheme, scheme)
    options = {"max_connections": 32, "stale_timeout": 300}
    if scheme.startswith("sqlite"):
        path = rest[1:] if rest.startswith("/") else rest
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Every transaction here writes: take the write lock at BEGIN, so that two processes never
        # both read and then fail to upgrade to a write ("database is locked" despite the timeout).
        options.update(pragmas=SQLITE_PRAGMAS, check_same_thread=False, lock_type="IMMEDIATE")
        if scheme == "sqlite+pool":  # writers queue for their turn (server/sqlitedb.py)
            return AppSqliteDatabase(path, **options)
    if scheme in ("postgres+pool", "postgresql+pool"):  # fewer trips, plans kept (server/pgdb.py)
        return AppPostgresDatabase(**parse(f"postgresql://{rest}"), prepare=pg_prepare,
                                   **options)
    return connect(f"{scheme}://{rest}", **options)


def open_connection():
    """before_request: take a connection from the pool."""
    if request.endpoint != "health.healthz":  # it connects itself, to answer a failure with 503
        database.connect(reuse_if_open=True)
        RequestConnections.requests.active = True


def close_connection(exc):
    """teardown_request: hand the connection back to the pool."""
    RequestConnections.requests.active = False
    if not database.is_closed():
        database.close()


def retry_on_conflict(write):
    """Run a create-or-update once more if it lost a race to a concurrent create of the same row
    (PostgreSQL answers the loser with a unique-constraint error; the retry finds the row)."""
    @functools.wraps(write)
    def wrapper(*args, **kwargs):
        try:
            return write(*args, **kwargs)
        except IntegrityError:
            return write(*args, **kwargs)
    return wrapper


def retry_on_deadlock(transaction):
    """Run a whole transaction once more if PostgreSQL ended it as a deadlock's victim (or a
    serialization failure): the other side has committed by then. Inside an outer transaction it
    is not retried (that one is aborted already): the error goes up to it."""
    @functools.wraps(transaction)
    def wrapper(*args, **kwargs):
        outermost = not database.in_transaction()
        try:
            return transaction(*args, **kwargs)
        except OperationalError as error:
            if not (outermost and transient(error)):
                raise
            return transaction(*args, **kwargs)
    return wrapper


# SQLSTATEs of a transaction that lost to another and is worth running again: serialization
# failure, deadlock, lock timeout (PostgreSQL).
TRANSIENT_STATES = ("40001", "40P01", "55P03")


def transient(error):
    """Whether a database error means "busy, try again": SQLite's lock held past the busy
    timeout, or PostgreSQL's deadlock, serialization failure or lock timeout."""
    original = error.__context__  # the driver's own error, which peewee re-raised as its own
    return (getattr(original, "pgcode", None) in TRANSIENT_STATES
            or "database is locked" in str(error))


def locked(query, of=None, keys_shared=False):
    """`query` locking the rows it reads until the transaction ends. PostgreSQL runs concurrent
    transactions side by side, so a read-then-write must hold its rows (SELECT ... FOR UPDATE);
    SQLite needs nothing: every transaction here takes the write lock at BEGIN (IMMEDIATE), so
    two of them never interleave at all. `of`: the model whose rows to lock, in a query that
    outer-joins others (their side of the join may be null, which cannot be locked).
    `keys_shared`: other transactions may still insert rows that refer to these (FOR NO KEY
    UPDATE: a foreign key's check takes KEY SHARE, which FOR UPDATE would make wait)."""
    if not database.obj.for_update:
        return query
    return query.for_update("FOR NO KEY UPDATE" if keys_shared else True, of=of)


def database_answers():
    """True when a query to the database succeeds (for /healthz)."""
    try:
        database.execute_sql("SELECT 1")
    except Exception:  # any failure of the database means the same thing here
        return False
    return True


def init_db():
    """Create or upgrade the schema by applying pending migrations; returns their names."""
    with database.connection_context():
        return Runner(database.obj, directory=str(MIGRATIONS)).up()
