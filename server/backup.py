"""Backups of the SQLite database while the app runs, daily ones kept for N days, and restore.

SQLite's online backup API copies the database in one step, as one consistent snapshot: in WAL
mode the app's writers carry on meanwhile (they append to the WAL; the copy reads the snapshot
it started on). A backup is written to a temporary file beside its target, checked, and renamed
into place, so a file named like a backup is always a whole one. PostgreSQL is backed up with its
own tools (pg_dump), which this module says instead of trying."""
import datetime
import logging
import os
import re
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from peewee import SqliteDatabase

from .daily import OnceADay
from .db import database
from .sqlitedb import writers_turn

log = logging.getLogger(__name__)

PG_MESSAGE = ("The database is PostgreSQL: back it up with pg_dump, e.g. "
              "pg_dump --format=custom --file=orbit.dump \"$DATABASE_URL\", and restore with "
              "pg_restore --clean --if-exists --no-owner --dbname \"$DATABASE_URL\" orbit.dump "
              "(README, Deployment: Backups).")
DAILY = re.compile(r"orbit-(\d{4}-\d{2}-\d{2})\.db")


class BackupError(Exception):
    """A backup or restore that cannot be done, with a message for the operator."""


def sqlite_path():
    """The file of the app's SQLite database; BackupError for PostgreSQL or an in-memory one."""
    if not isinstance(database.obj, SqliteDatabase):
        raise BackupError(PG_MESSAGE)
    path = database.obj.database
    if not path or path == ":memory:" or path.startswith("file:"):
        raise BackupError("Only a SQLite database in a file can be backed up.")
    return Path(path)


def backup_to(path, now):
    """Back the database up to `path`, or into `path` as orbit-<instant>.db when it is a
    directory; the file written. Safe while the app and the dispatcher write."""
    target = Path(path)
    if target.is_dir():
        target = target / f"orbit-{now.astimezone(datetime.timezone.utc):%Y-%m-%dT%H%M%SZ}.db"
    copy_database(sqlite_path(), target)
    return target


def copy_database(source, target):
    """Copy the SQLite database `source` to `target` (replaced whole, or not at all)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # Private to the operator (0600, as mkstemp makes it): a backup holds every account.
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                         dir=target.parent)
    os.close(handle)
    try:
        with closing(sqlite3.connect(source, timeout=30)) as src, \
                closing(sqlite3.connect(temporary)) as dst:
            src.backup(dst)  # all pages in one step: one snapshot, never restarted by a writer
            # One self-contained file (no -wal beside it); the app turns WAL on again when opened.
            dst.execute("PRAGMA journal_mode=DELETE")
            if dst.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"The copy of {source} failed its integrity check.")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_directory(target.parent)


def sync_directory(directory):
    """Make a rename in `directory` durable (where the platform allows it)."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def check_backup(path):
    """BackupError unless `path` is a whole Orbit database."""
    try:
        with closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as db:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is damaged (it fails SQLite's integrity check).")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a SQLite database ({error}).") from None
    if not {"schema_migration", "user", "habit"} <= tables:
        raise BackupError(f"{path} is not an Orbit database.")


def accounts_in_database():
    """How many accounts the app's database holds now (0 when it is new or empty)."""
    path = sqlite_path()
    if not path.exists():
        return 0
    with closing(sqlite3.connect(path, timeout=30)) as db:
        try:
            return db.execute('SELECT count(*) FROM "user"').fetchone()[0]
        except sqlite3.OperationalError:  # no such table: a database never initialised
            return 0


def restore_from(path):
    """Replace the app's database with the backup at `path`, in one transaction (any process
    still connected sees the old database or the restored one, never a mix)."""
    target = sqlite_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=30)) as src, \
            closing(sqlite3.connect(target, timeout=30)) as dst:
        with writers_turn(target):  # in the app's writers' queue (server/sqlitedb.py)
            src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")


class DailyBackups(OnceADay):
    """At most one backup a (UTC) day into `directory` as orbit-YYYY-MM-DD.db, keeping the
    newest `keep_days` of them; run by the dispatcher loop (`flask reminders run`), a failed one
    again an hour later. Several dispatchers may run it at once: each writes a temporary file and
    renames it into place."""
    name = "backup"

    def __init__(self, directory, keep_days):
        super().__init__()
        self.directory = Path(directory).resolve() if directory else None
        self.keep_days = keep_days

    @classmethod
    def from_config(cls, config):
        """The daily backups ORBIT_BACKUP_DIR and ORBIT_BACKUP_KEEP_DAYS ask for."""
        return cls(config.get("BACKUP_DIR"), config.get("BACKUP_KEEP_DAYS", 14))

    def run_once(self, now, day):
        """Back up unless today's backup exists, then prune; the file written, or None."""
        if self.directory is None:
            return None
        target = self.directory / f"orbit-{day.isoformat()}.db"
        if target.exists():
            prune(self.directory, day, self.keep_days)  # another dispatcher made it, perhaps
            return None
        try:
            copy_database(sqlite_path(), target)
        except BackupError as error:  # PostgreSQL: pg_dump's job; said once, then off
            log.warning("No automatic backups: %s", error)
            self.directory = None
            return None
        log.info("Backed up the database to %s", target)
        prune(self.directory, day, self.keep_days)
        return target


def prune(directory, today, keep_days):
    """Delete the daily backups (orbit-YYYY-MM-DD.db) older than the newest `keep_days` days;
    nothing else in the directory is touched. The names of the files deleted."""
    oldest = today - datetime.timedelta(days=keep_days - 1)
    deleted = []
    for entry in directory.iterdir():
        match = DAILY.fullmatch(entry.name)
        try:
            day = datetime.date.fromisoformat(match[1]) if match else None
        except ValueError:  # orbit-2026-13-45.db: not one of ours
            day = None
        if day is not None and day < oldest and entry.is_file():
            entry.unlink(missing_ok=True)
            deleted.append(entry.name)
    return sorted(deleted)
