"""Benchmark: importing a Loop Habit Tracker backup with 30 habits and 10 years of daily
repetitions (about 110,000), through the API (POST /import/loop, SQLite, in-process), then the
same file again (nothing to change). The backup is generated: 20 yes/no habits (done most days,
some skips, notes now and then) and 10 numerical ones (values ×1000, at least and at most).
Run: python -m bench.imports [--habits 30] [--years 10] [--readme]
"""
import argparse
import datetime
import io
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from server import create_app
from server.db import database, init_db

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
    """Lines on the first import of a generated backup and on importing it again."""
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
    lines = []
    for label in ("first import", "the same file again"):
        began = time.perf_counter()
        response = client.post("/api/v1/import/loop", headers={"X-CSRF-Token": csrf},
                               data={"file": (io.BytesIO(data), "loop.db")},
                               content_type="multipart/form-data")
        seconds = time.perf_counter() - began
        assert response.status_code == 200, response.json
        created = response.json["created"]
        lines.append(f"Loop backup, {habits} habits × {years} years of daily repetitions "
                     f"({repetitions:,}, {len(data) / 1e6:.1f} MB), {label}: {seconds:.2f} s "
                     f"({created['habits']} habits and {created['checkins']:,} check-ins "
                     "created)")
    began = time.perf_counter()
    export = client.get("/api/v1/export")
    lines.append(f"GET /export of that account: {time.perf_counter() - began:.2f} s "
                 f"({len(export.data) / 1e6:.1f} MB of JSON)")
    database.close_all()
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--habits", type=int, default=30)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--readme", action="store_true", help="write the figures to the README")
    args = parser.parse_args()
    lines = run(args.habits, args.years)
    print("\n".join(lines))
    if args.readme:
        write_readme("\n".join(f"- {line}" for line in lines), "imports")


if __name__ == "__main__":
    main()
