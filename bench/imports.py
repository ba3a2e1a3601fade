"""Benchmark: importing a Loop Habit Tracker backup with 30 habits and 10 years of daily
repetitions (about 110,000), through the API (POST /import/loop, SQLite, in-process), then the
same file again (nothing to change), and the export of that account; the median of three runs,
with the longest time one transaction held SQLite's write lock (every other writer waits that
long at most: it must stay well under their 5 s busy timeout).
The backup is generated: 20 yes/no habits (done most days, some skips, notes now and then) and
10 numerical ones (values ×1000, at least and at most).
Run: python -m bench.imports [--habits 30] [--years 10] [--runs 3] [--readme]
"""
import argparse
import contextlib
import datetime
import io
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from server import create_app
from server.db import database, init_db
from server.sqlitedb import SqliteDatabase

from .stats import write_readme

DAY_MS = 86_400_000
SCHEMA = """
CREATE TABLE Habits (id integer primary key autoincrement, archived integer, color integer,
  description text, freq_den integer, freq_num integer, highlight integer, name text,
  position integer, reminder_hour integer, reminder_min integer,
  reminder_days integer not null default 127, type integer not null default 0,
  target_type integer not null default 0, target_value real not null default 0,
  unit text not null default "", question text, uuid text);
CREATE TABLE Repetitions (id integer primary key autoincrement, habit integer not null
  references habits(id), timestamp integer not null, value integer not null, notes text);
CREATE UNIQUE INDEX idx_repetitions_habit_timestamp on Repetitions(habit, timestamp);
PRAGMA user_version = 25;
"""


def loop_backup(path, habits, years, today):
    """Write a Loop backup (version 25) of `habits` habits with `years` of daily repetitions."""
    rng = random.Random(14)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    first = today - datetime.timedelta(days=round(365.25 * years))
    days = [(first + datetime.timedelta(days=n) - datetime.date(1970, 1, 1)).days * DAY_MS
            for n in range((today - first).days)]
    for index in range(habits):
        numerical = index >= habits * 2 // 3
        db.execute("INSERT INTO Habits (id, archived, color, description, freq_den, freq_num, "
                   "highlight, name, position, reminder_hour, reminder_min, type, target_type, "
                   "target_value, unit, question, uuid) VALUES (?, 0, ?, '', ?, ?, 0, ?, ?, ?, "
                   "0, ?, ?, ?, ?, '', ?)",
                   (index, index % 20, 7 if index % 5 == 1 else 1, 3 if index % 5 == 1 else 1,
                    f"Habit {index}", index, 7 if index % 3 == 0 else None, int(numerical),
                    int(numerical and index % 2), 20.0 if numerical else 0.0,
                    "pages" if numerical else "", f"{index:032x}"))
        rows = []
        for stamp in days:
            if numerical:
                value = rng.randrange(0, 40) * 1000
            else:
                value = 2 if rng.random() < 0.8 else (3 if rng.random() < 0.1 else 0)
            note = "a good day" if rng.random() < 0.02 else None
            rows.append((index, stamp, value, note))
        db.executemany("INSERT INTO Repetitions (habit, timestamp, value, notes) "
                       "VALUES (?, ?, ?, ?)", rows)
    db.commit()
    count = db.execute("SELECT COUNT(*) FROM Repetitions").fetchone()[0]
    db.close()
    return count


def run(habits, years):
    """Seconds of the first import of a generated backup, of importing it again and of the
    export of that account; with what was imported and the file's size."""
    now = datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.timezone.utc)
    folder = Path(tempfile.mkdtemp())
    repetitions = loop_backup(folder / "loop.db", habits, years, now.date())
    data = (folder / "loop.db").read_bytes()
    app = create_app({"DATABASE_URL": f"sqlite:///{folder}/bench.db", "TESTING": True,
                      "NOW": lambda: now})
    with app.app_context():
        init_db()
    client = app.test_client()
    csrf = client.post("/api/v1/auth/register", json={
        "email": "bench@example.org", "password": "a long secret"}).json["csrf_token"]
    seconds, created, holds = [], None, []
    for _ in range(2):  # the first import, then the same file again
        began = time.perf_counter()
        with longest_hold() as held:
            response = client.post("/api/v1/import/loop", headers={"X-CSRF-Token": csrf},
                                   data={"file": (io.BytesIO(data), "loop.db")},
                                   content_type="multipart/form-data")
        seconds.append(time.perf_counter() - began)
        holds.append(max(held, default=0))
        assert response.status_code == 200, response.json
        created = created or response.json["created"]
    began = time.perf_counter()
    export = client.get("/api/v1/export")
    seconds.append(time.perf_counter() - began)
    database.close_all()
    return seconds + holds, {"repetitions": repetitions, "megabytes": len(data) / 1e6,
                     "export_megabytes": len(export.data) / 1e6, **created}


@contextlib.contextmanager
def longest_hold():
    """The seconds each write transaction held the writers' turn (SqliteDatabase's queue, taken
    as SQLite's write lock is) while the block ran."""
    held, take, end = [], SqliteDatabase.take_turn, SqliteDatabase.end_turn
    began = {}

    def timed_take(db):
        taken = take(db)
        if taken:
            began[id(db.turn)] = time.perf_counter()
        return taken

    def timed_end(db):
        if getattr(db.turn, "fd", None) is not None:
            held.append(time.perf_counter() - began.pop(id(db.turn)))
        end(db)

    SqliteDatabase.take_turn, SqliteDatabase.end_turn = timed_take, timed_end
    try:
        yield held
    finally:
        SqliteDatabase.take_turn, SqliteDatabase.end_turn = take, end


def lines_of(habits, years, runs):
    """The README's lines: the median of `runs` runs, each on a fresh database."""
    results = [run(habits, years) for _ in range(runs)]
    first, again, export, first_hold, again_hold = (
        statistics.median(r[0][i] for r in results) for i in range(5))
    facts = results[0][1]
    backup = (f"Loop backup, {habits} habits × {years} years of daily repetitions "
              f"({facts['repetitions']:,}, {facts['megabytes']:.1f} MB)")
    return [f"{backup}, first import: {first:.2f} s ({facts['habits']} habits and "
            f"{facts['checkins']:,} check-ins created)",
            f"{backup}, the same file again: {again:.2f} s (nothing to change)",
            f"Longest hold of SQLite's write lock: {first_hold:.2f} s in the first import, "
            f"{again_hold:.2f} s in the second (other writers wait that long at most)",
            f"GET /export of that account: {export:.2f} s ({facts['export_megabytes']:.1f} MB of "
            "JSON)"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--habits", type=int, default=30)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3, help="runs, of which the median")
    parser.add_argument("--readme", action="store_true", help="write the figures to the README")
    args = parser.parse_args()
    lines = lines_of(args.habits, args.years, args.runs)
    print("\n".join(lines))
    if args.readme:
        write_readme("\n".join(f"- {line}" for line in lines), "imports")


if __name__ == "__main__":
    main()
