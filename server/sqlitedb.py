"""SQLite whose writers wait in the kernel for their turn, not in SQLite's sleeping busy handler.

Every transaction here takes the write lock at BEGIN (IMMEDIATE), and only one holds it at a time.
SQLite makes the others wait by sleeping and retrying, with sleeps that grow to 100 ms: at 8
clients a check-in that took 3 ms in the middle took 130 ms at the 99th percentile, waiting on a
lock freed long before. Here a writer first takes an exclusive flock(2) on a file beside the
database (one open file per transaction, so threads of one process queue as processes do), and the
kernel wakes it the moment the writer before it commits; BEGIN IMMEDIATE then finds the database
free. A write statement outside a transaction (a cache filled on a read, say) takes its turn the
same way for the statement's length. Writers that do not take the flock (the sqlite3 shell) still
meet SQLite's own lock and busy timeout: nothing is less safe, they merely do not queue.

A writer waits for its turn as long as SQLite's busy timeout at most, then fails as SQLite would
("database is locked"): a transaction that never ends cannot hang every writer of every process.
"""
import contextlib
import fcntl
import logging
import os
import threading

from peewee import OperationalError
from playhouse.pool import PooledSqliteDatabase

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
log = logging.getLogger(__name__)


class SqliteDatabase(PooledSqliteDatabase):
    """Pooled SQLite (WAL) whose transactions queue for a flock before their BEGIN."""

    def __init__(self, database, *args, **kwargs):
        super().__init__(database, *args, **kwargs)
        in_memory = not database or database == ":memory:" or database.startswith("file::memory:")
        # The real path: every process finds the same file, however it named the database.
        self.queue_path = None if in_memory else f"{os.path.realpath(database)}-writers"
        self.wait_seconds = dict(self._pragmas or ()).get("busy_timeout", 5000) / 1000
        self.turn = threading.local()  # this thread's open lock file while its transaction runs

    def begin(self, lock_type=None):
        self.take_turn()
        try:
            super().begin(lock_type)
        except BaseException:
            self.end_turn()
            raise

    def execute_sql(self, sql, params=None):
        conn = self._state.conn
        if (conn is not None and conn.in_transaction  # sqlite3's own flag: BEGIN was sent
                or not sql.lstrip()[:7].upper().startswith(WRITES)):
            return super().execute_sql(sql, params)
        taken = self.take_turn()  # a statement of its own: SQLite runs it as a transaction
        try:
            return super().execute_sql(sql, params)
        finally:
            if taken:
                self.end_turn()

    def commit(self):
        try:
            return super().commit()
        finally:
            self.end_turn()

    def rollback(self):
        try:
            return super().rollback()
        finally:
            self.end_turn()

    def take_turn(self):
        """Wait for this thread's turn to write; False when it has it already (or needs none)."""
        if not self.queue_path or getattr(self.turn, "fd", None) is not None:
            return False
        fd = open_queue(self.queue_path)
        if fd is None:
            return False
        if not wait_for_lock(fd, self.wait_seconds):
            raise OperationalError("database is locked")  # as SQLite says after its timeout
        self.turn.fd = fd
        return True

    def end_turn(self):
        """Let the next writer in: closing the lock file releases its flock."""
        fd = getattr(self.turn, "fd", None)
        if fd is not None:
            self.turn.fd = None
            os.close(fd)


def open_queue(path):
    """The queue's lock file opened, or None (logged) when it cannot be: writers then meet
    SQLite's own lock only. Read-only and readable by all, since a flock needs no write access:
    a file first made by another user (`flask backup` run as root, say) never locks the app out."""
    try:
        return os.open(path, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError as error:
        if not getattr(open_queue, "warned", False):
            open_queue.warned = True
            log.warning("SQLite writers cannot queue on %s (%s): they wait in SQLite's busy "
                        "handler instead", path, error)
        return None


def wait_for_lock(fd, seconds):
    """Take the exclusive flock of `fd`, waiting at most `seconds`; False (`fd` closed) when the
    time ran out. A free lock is taken at once; a held one is waited for by a thread of its own
    in the kernel, which wakes it the moment the lock is released (closing `fd` itself if it got
    the lock after its caller gave up)."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        pass
    got, guard, gave_up = threading.Event(), threading.Lock(), []

    def wait():
        fcntl.flock(fd, fcntl.LOCK_EX)  # releases the GIL while it waits
        with guard:
            if gave_up:
                os.close(fd)
            else:
                got.set()

    threading.Thread(target=wait, daemon=True, name="sqlite-writers-queue").start()
    if got.wait(seconds):
        return True
    with guard:
        if got.is_set():
            return True
        gave_up.append(True)
    return False


@contextlib.contextmanager
def writers_turn(database_path, seconds=30):
    """The writers' turn on the database at `database_path`, for a writer outside the app's
    pool (a restore): it then does not wait on SQLite's busy handler behind the queue."""
    fd = open_queue(f"{os.path.realpath(database_path)}-writers")
    if fd is not None and not wait_for_lock(fd, seconds):
        raise OperationalError("database is locked")
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)
