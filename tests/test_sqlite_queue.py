"""SQLite writers queue for their turn on a flock (server/sqlitedb.py), not in the busy handler."""
import fcntl
import os
import sqlite3
import stat
import threading
import time

import pytest
from peewee import OperationalError

from server.db import database_from_url
from server.sqlitedb import writers_turn


@pytest.fixture
def sqlite(tmp_path):
    db = database_from_url(f"sqlite:///{tmp_path}/queue.db")
    db.execute_sql("CREATE TABLE item (value INTEGER)")
    yield db
    db.close_all()


def turn_is_free(db):
    """True when no transaction holds the writers' turn (tried from a file of our own)."""
    fd = os.open(db.queue_path, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # releases it again if it was taken
    return True


def test_a_transaction_holds_the_turn_until_it_commits_or_rolls_back(sqlite):
    with sqlite.atomic():
        sqlite.execute_sql("INSERT INTO item VALUES (1)")
        assert not turn_is_free(sqlite)
    assert turn_is_free(sqlite)
    with pytest.raises(ZeroDivisionError):
        with sqlite.atomic():
            sqlite.execute_sql("INSERT INTO item VALUES (2)")
            1 / 0
    assert turn_is_free(sqlite)
    with sqlite.atomic():  # a savepoint inside takes nothing more
        with sqlite.atomic():
            assert not turn_is_free(sqlite)
        assert not turn_is_free(sqlite)
    assert turn_is_free(sqlite)
    assert sqlite.execute_sql("SELECT value FROM item").fetchall() == [(1,)]


def test_a_begin_refused_by_an_outside_writer_gives_the_turn_back(sqlite):
    outside = sqlite3.connect(sqlite.database, isolation_level=None)
    outside.execute("BEGIN IMMEDIATE")  # the sqlite3 shell, say: it takes no turn
    try:
        sqlite.connect(reuse_if_open=True)
        sqlite.execute_sql("PRAGMA busy_timeout = 0")
        with pytest.raises(OperationalError, match="locked"):
            with sqlite.atomic():
                pass
        assert turn_is_free(sqlite)
    finally:
        outside.execute("ROLLBACK")
        outside.close()
    with sqlite.atomic():
        sqlite.execute_sql("INSERT INTO item VALUES (3)")
    assert turn_is_free(sqlite)


def write_in_a_transaction(db):
    with db.atomic():
        db.execute_sql("INSERT INTO item VALUES (2)")


def write_one_statement(db):  # no transaction of its own: a cache filled on a read, say
    db.execute_sql("INSERT INTO item VALUES (2)")


@pytest.mark.parametrize("write", [write_in_a_transaction, write_one_statement])
def test_a_waiting_writer_writes_the_moment_the_one_before_it_commits(sqlite, write):
    """The second writer has no busy timeout at all: it succeeds only because it waited for its
    turn outside SQLite and found the database free when it began."""
    waiting, order = threading.Event(), []

    def second():
        sqlite.connect(reuse_if_open=True)
        sqlite.execute_sql("PRAGMA busy_timeout = 0")
        waiting.set()
        write(sqlite)
        order.append("second wrote")
        sqlite.close()

    with sqlite.atomic():
        sqlite.execute_sql("INSERT INTO item VALUES (1)")
        thread = threading.Thread(target=second)
        thread.start()
        waiting.wait(5)
        time.sleep(0.2)  # let it reach its turn's queue (a shorter wait only weakens the test)
        order.append("first commits")
    thread.join(10)
    assert order == ["first commits", "second wrote"]
    assert sqlite.execute_sql("SELECT value FROM item ORDER BY value").fetchall() == [(1,), (2,)]
    assert turn_is_free(sqlite)


def test_in_memory_databases_have_no_queue():
    db = database_from_url("sqlite:///:memory:")
    assert db.queue_path is None
    with db.atomic():
        db.execute_sql("CREATE TABLE item (value INTEGER)")
    db.close_all()


def test_the_queue_file_needs_no_write_access(sqlite):
    """Made readable by all and opened read-only (a flock needs no more): a file first made by
    another user, such as a backup run as root, never locks the app out of writing."""
    with sqlite.atomic():
        sqlite.execute_sql("INSERT INTO item VALUES (1)")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(sqlite.queue_path).st_mode) == 0o644 & ~umask
    os.chmod(sqlite.queue_path, 0o444)
    with sqlite.atomic():
        sqlite.execute_sql("INSERT INTO item VALUES (2)")
    assert turn_is_free(sqlite)


def test_a_writer_outside_the_pool_can_take_the_turn(sqlite):
    """A restore (server/backup.py) queues with the app's writers."""
    with writers_turn(sqlite.database):
        assert not turn_is_free(sqlite)
    assert turn_is_free(sqlite)


def test_a_writer_waits_for_its_turn_no_longer_than_the_busy_timeout(sqlite):
    """A transaction that never ends cannot hang every writer: the next fails as SQLite would."""
    sqlite.wait_seconds = 0.3
    held = os.open(sqlite.queue_path, os.O_RDONLY | os.O_CREAT)
    fcntl.flock(held, fcntl.LOCK_EX)  # another process's writer that never commits
    try:
        with pytest.raises(OperationalError, match="locked"):
            with sqlite.atomic():
                pass
    finally:
        os.close(held)
    with sqlite.atomic():  # the lock is free again: the queue works as before
        sqlite.execute_sql("INSERT INTO item VALUES (5)")
    assert turn_is_free(sqlite)
