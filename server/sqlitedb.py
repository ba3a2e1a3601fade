"""SQLite whose writers wait in the kernel for their turn, not in SQLite's sleeping busy handler.

Every transaction here takes the write lock at BEGIN (IMMEDIATE), and only one holds it at a time.
SQLite makes the others wait by sleeping and retrying, with sleeps that grow to 100 ms: at 8
clients a check-in that took 3 ms in the middle took 130 ms at the 99th percentile, waiting on a
lock freed long before. Here a writer first takes an exclusive flock(2) on a file beside the
database (one open file per transaction, so threads of one process queue as processes do), and the
kernel wakes it the moment the writer before it commits; BEGIN IMMEDIATE then finds the database
free. A write statement outside a transaction (a cache filled on a read, say) takes its turn the
same way for the statement's length. Writers that do not take the flock (the sqlite3 shell, a
restore) still meet SQLite's own lock and busy timeout: nothing is less safe, they merely do not
queue.
"""
import fcntl
import os
import threading

from playhouse.pool import PooledSqliteDatabase

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class SqliteDatabase(PooledSqliteDatabase):
    """Pooled SQLite (WAL) whose transactions queue for a flock before their BEGIN."""

    def __init__(self, database, *args, **kwargs):
        super().__init__(database, *args, **kwargs)
        in_memory = not database or database == ":memory:" or database.startswith("file::memory:")
        self.queue_path = None if in_memory else f"{database}-writers"
        self.turn = threading.local()  # this thread's open lock file while its transaction runs

    def begin(self, lock_type=None):
        self.take_turn()
        try:
            super().begin(lock_type)
        except BaseException:
            self.end_turn()
            raise

    def execute_sql(self, sql, params=None):
        if self.in_transaction() or not sql.lstrip()[:7].upper().startswith(WRITES):
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

    def close(self):
        self.end_turn()  # a connection handed back mid-transaction is rolled back by the pool
        return super().close()

    def take_turn(self):
        """Wait for this thread's turn to write; False when it has it already (or needs none)."""
        if not self.queue_path or getattr(self.turn, "fd", None) is not None:
            return False
        fd = os.open(self.queue_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # releases the GIL while it waits
        except BaseException:
            os.close(fd)
            raise
        self.turn.fd = fd
        return True

    def end_turn(self):
        """Let the next writer in: closing the lock file releases its flock."""
        fd = getattr(self.turn, "fd", None)
        if fd is not None:
            self.turn.fd = None
            os.close(fd)
