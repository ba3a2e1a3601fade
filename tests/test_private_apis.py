"""The private and undocumented parts of libraries that Orbit's server relies on, each checked for
being there with the shape Orbit uses: when an upgrade changes one, this fails naming it (and the
file that uses it), instead of the server failing in production. requirements.txt bounds each of
these libraries to the major version checked here; werkzeug has none in use.

Each check is (the API, who uses it, a function that returns nothing or raises AssertionError)."""
import inspect
import threading
from importlib.metadata import version

import peewee
import psycopg2.errors
import pytest
from marshmallow import fields, validate
from playhouse.pool import PooledDatabase, PooledPostgresqlDatabase
from waitress import adjustments, channel, task, utilities, wasyncore

from server.db import AppSqliteDatabase, RequestConnections
from server.models import Checkin, Habit
from server.waitress_worker import ADJUSTMENTS

VERSIONS = {name: version(name) for name in ("peewee", "waitress", "gunicorn", "marshmallow")}


def parameters(function):
    return list(inspect.signature(function).parameters)


def source_has(obj, *texts):
    source = inspect.getsource(obj)
    missing = [t for t in texts if t not in source]
    assert not missing, f"no longer in {obj.__qualname__}: {missing}"


# peewee ---------------------------------------------------------------------------------------

def peewee_exception_wrapper():
    """Driver errors re-raised as Peewee's, the driver's own kept as __context__ (server/db.py
    transient() reads its pgcode there) and as .orig (server/pgdb.py check_prepared())."""
    deadlock = psycopg2.errors.DeadlockDetected("deadlock detected")
    with pytest.raises(peewee.OperationalError) as raised:
        with peewee.__exception_wrapper__:
            raise deadlock
    assert raised.value.__context__ is deadlock and raised.value.orig is deadlock
    assert hasattr(deadlock, "pgcode")
    with pytest.raises(peewee.IntegrityError):
        with peewee.__exception_wrapper__:
            raise psycopg2.errors.UniqueViolation("duplicate key")


def peewee_state():
    """Database._state: per thread, .conn and .closed, room for an attribute of Orbit's own
    (server/pgdb.py's begin_pending, server/sqlitedb.py's conn)."""
    db = peewee.SqliteDatabase(":memory:")
    assert isinstance(db._state, threading.local)
    assert db._state.closed and db._state.conn is None
    db._state.begin_pending = True
    db.connect()
    assert db._state.conn is db.connection()
    db.close()


def peewee_pool_hooks():
    """PooledDatabase._close(conn, close_conn=False) and _is_closed(conn), and conn_key, which
    server/pgdb.py overrides to trust a connection just handed back and replace a lost one."""
    assert parameters(PooledDatabase._close) == ["self", "conn", "close_conn"]
    assert parameters(PooledDatabase._is_closed) == ["self", "conn"]
    source_has(PooledDatabase._connect, "self._is_closed(conn)")
    db = PooledPostgresqlDatabase("x")
    assert db.conn_key is id


def peewee_postgres_internals():
    """PostgresqlDatabase runs psycopg2 (connection_factory passed on to it, server/pgdb.py);
    _isolation_level (pgdb's begin) and _adapter.is_connection_closed (the pool's ping,
    tests/api/test_hot_path.py)."""
    db = PooledPostgresqlDatabase("x", connection_factory=object)
    assert type(db._adapter).__name__ == "Psycopg2Adapter"
    assert db.connect_params["connection_factory"] is object
    assert db._isolation_level is None
    assert parameters(db._adapter.is_connection_closed) == ["conn"]


def peewee_sqlite_pragmas():
    """SqliteDatabase._pragmas: the busy timeout server/sqlitedb.py waits for."""
    db = peewee.SqliteDatabase(":memory:", pragmas={"busy_timeout": 5000})
    assert dict(db._pragmas)["busy_timeout"] == 5000


def peewee_autoconnect():
    """Database.autoconnect, set by the constructor and read when a cursor is taken: server/db.py
    turns it off per thread while a request runs."""
    db = AppSqliteDatabase(":memory:")
    assert db.autoconnect
    RequestConnections.requests.active = True
    try:
        with pytest.raises(peewee.InterfaceError):
            db.cursor()
    finally:
        RequestConnections.requests.active = False
    db.cursor()  # connects
    db.close()


def peewee_model_internals():
    """A model's __data__, _dirty and __rel__, which server/prepared.py sets on an instance made
    with __new__ (rows read without Peewee's per-query set-up), and the stores update."""
    habit = Habit(name="Walk")
    assert habit.__data__["name"] == "Walk" and "name" in habit._dirty
    assert habit.__rel__ == {}
    row = Checkin.__new__(Checkin)
    row.__data__, row._dirty, row.__rel__ = {"id": 3, "value": 1.0}, set(), {}
    assert row.id == 3 and row.value == 1.0 and not row.is_dirty()
    assert Checkin._meta.table_name == "checkin" and "day" in Checkin._meta.fields
    assert Checkin._meta.sorted_fields[0].name == "id"


# waitress -------------------------------------------------------------------------------------

def waitress_error_to_response():
    """utilities.Error.to_response(ident=None), which server/waitress_worker.py replaces to answer
    refused requests with the API's envelope; errors carry code and reason; the task calls it."""
    assert parameters(utilities.Error.to_response)[:2] == ["error", "ident"] or \
        parameters(utilities.Error.to_response)[:2] == ["self", "ident"]
    error = utilities.RequestHeaderFieldsTooLarge("too large")
    assert (error.code, error.reason) == (431, "Request Header Fields Too Large")
    source_has(task, ".to_response(")


def waitress_loop():
    """wasyncore.loop(timeout, use_poll, map, count) and close_all(map): the worker's own loop."""
    assert parameters(wasyncore.loop) == ["timeout", "use_poll", "map", "count"]
    assert parameters(wasyncore.close_all)[0] == "map"
    assert hasattr(wasyncore.dispatcher, "accepting")


def waitress_channel():
    """HTTPChannel.requests, total_outbufs_len and handle_close(), which the worker's drain reads
    to tell a busy connection from an idle one."""
    source_has(channel.HTTPChannel, "self.requests", "total_outbufs_len")
    assert callable(channel.HTTPChannel.handle_close)


def waitress_adjustments():
    """Every setting the worker passes create_server, and the dispatcher's shutdown(timeout)."""
    for name in [*ADJUSTMENTS, "sockets", "threads", "connection_limit"]:
        assert hasattr(adjustments.Adjustments, name), name
    assert "timeout" in parameters(task.ThreadedTaskDispatcher.shutdown)
    assert utilities.queue_logger.name == "waitress.queue"


# gunicorn -------------------------------------------------------------------------------------

def gunicorn_worker():
    """A custom worker's attributes: wsgi, sockets, alive, ppid, notify(), and the settings the
    waitress worker reads (threads, worker_connections, graceful_timeout)."""
    from gunicorn.config import Config
    from gunicorn.workers.base import Worker
    source_has(Worker, "self.alive", "self.ppid", "self.sockets", "self.wsgi", "def notify")
    config = Config()
    for name in ("threads", "worker_connections", "graceful_timeout"):
        assert isinstance(getattr(config, name), int), name


def gunicorn_error_log():
    """The master's error log (server.log in server/gunicorn_conf.py's when_ready), where the
    dispatcher's supervisor writes: Arbiter.log, a glogging.Logger with error(msg, *args)."""
    from gunicorn.arbiter import Arbiter
    from gunicorn.glogging import Logger
    source_has(Arbiter, "self.log")
    assert parameters(Logger.error)[:3] == ["self", "msg", "args"]


# marshmallow ----------------------------------------------------------------------------------

def marshmallow_hooks():
    """Field._serialize / _deserialize (server/schemas/fields.py, server/importers/export.py) and
    validators' _format_error (server/schemas/validate.py), with the arguments Orbit passes."""
    assert parameters(fields.Field._serialize)[:4] == ["self", "value", "attr", "obj"]
    assert parameters(fields.Field._deserialize)[:4] == ["self", "value", "attr", "data"]
    for validator in (validate.Length, validate.Range):
        assert parameters(validator._format_error) == ["self", "value", "message"], validator
    for validator in (validate.OneOf, validate.Email, validate.Regexp):
        assert parameters(validator._format_error) == ["self", "value"], validator


CHECKS = [
    ("peewee.__exception_wrapper__", "server/pgdb.py, server/db.py", peewee_exception_wrapper),
    ("peewee Database._state", "server/pgdb.py, server/sqlitedb.py", peewee_state),
    ("peewee PooledDatabase._close / _is_closed", "server/pgdb.py", peewee_pool_hooks),
    ("peewee PostgresqlDatabase._adapter / _isolation_level", "server/pgdb.py",
     peewee_postgres_internals),
    ("peewee SqliteDatabase._pragmas", "server/sqlitedb.py", peewee_sqlite_pragmas),
    ("peewee Database.autoconnect", "server/db.py", peewee_autoconnect),
    ("peewee Model.__data__ / _dirty / __rel__ / _meta", "server/prepared.py, server/store",
     peewee_model_internals),
    ("waitress utilities.Error.to_response", "server/waitress_worker.py",
     waitress_error_to_response),
    ("waitress wasyncore.loop / close_all", "server/waitress_worker.py", waitress_loop),
    ("waitress HTTPChannel.requests / total_outbufs_len", "server/waitress_worker.py",
     waitress_channel),
    ("waitress Adjustments / ThreadedTaskDispatcher.shutdown", "server/waitress_worker.py",
     waitress_adjustments),
    ("gunicorn Worker internals", "server/waitress_worker.py", gunicorn_worker),
    ("gunicorn Arbiter.log (the error log)", "server/gunicorn_conf.py, server/supervisor.py",
     gunicorn_error_log),
    ("marshmallow _serialize / _deserialize / _format_error", "server/schemas",
     marshmallow_hooks),
]


@pytest.mark.parametrize("api, user, check", CHECKS, ids=[c[0] for c in CHECKS])
def test_private_api_is_as_orbit_uses_it(api, user, check):
    library = api.split()[0].split(".")[0]
    try:
        check()
    except (AssertionError, AttributeError, TypeError, ValueError) as error:
        pytest.fail(f"{api} changed in {library} {VERSIONS.get(library, '?')}, and {user} "
                    f"relies on it ({' '.join(check.__doc__.split())}): {error!r}",
                    pytrace=False)
