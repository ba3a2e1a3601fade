"""Files the importer tests build: a Loop version-25 database (version 22 plus the columns Loop
added since: Habits.question and uuid, Repetitions.notes), Daylio CSV exports, uploads, and
copies of the Loop, Rewire and Tickmate backups with one value changed."""
import datetime
import io
import os
import shutil
import sqlite3
from pathlib import Path

# The shared fixtures (files other programs wrote) live outside the repository: beside it in the
# working checkout, at /work/shared in a checkout made elsewhere, or where ORBIT_FIXTURES says.
FIXTURE_PLACES = [Path(os.environ["ORBIT_FIXTURES"])] if os.environ.get("ORBIT_FIXTURES") else []
FIXTURE_PLACES += [Path(__file__).resolve().parents[3] / "shared" / "fixtures",
                   Path("/work/shared/fixtures")]
FIXTURES = next((place for place in FIXTURE_PLACES if (place / "loop").is_dir()),
                FIXTURE_PLACES[0]) / "loop"
DAY_MS = 86_400_000
WORKOUT_UUID = "6b1e3a5c9d2f4e0a8c7b5d3e1f2a4b6c"


def fixture(name):
    """The bytes of a shared fixture file (read in place, never changed)."""
    return (FIXTURES / name).read_bytes()


def ms(day):
    """Loop's timestamp of a date: its UTC midnight in milliseconds."""
    return (day - datetime.date(1970, 1, 1)).days * DAY_MS


def loop_v25(tmp_path):
    """A version-25 Loop backup: the v22 fixture (habit "Work out", done 2020-01-01, a reminder
    at 18:00 on Wed-Sat) with a question, uuids and notes, plus a numerical at-least habit
    (pages, target 20), a numerical at-most habit (coffee, at most 2) and a weekly habit."""
    path = tmp_path / "loop-v25.db"
    shutil.copyfile(FIXTURES / "databases" / "022.db", path)
    path.chmod(0o644)
    db = sqlite3.connect(path)
    db.executescript("""
        ALTER TABLE Habits ADD COLUMN question TEXT;
        ALTER TABLE Habits ADD COLUMN uuid TEXT;
        ALTER TABLE Repetitions ADD COLUMN notes TEXT;
        PRAGMA user_version = 25;
    """)
    db.execute("UPDATE Habits SET question = description, description = 'Strength, twice.', "
               "uuid = ? WHERE id = 0", (WORKOUT_UUID,))
    db.execute("UPDATE Habits SET uuid = 'aaaa0000000000000000000000000001' WHERE id = 1")
    db.execute("UPDATE Repetitions SET notes = 'legs day' WHERE habit = 0")
    insert = ("INSERT INTO Habits (id, archived, color, description, freq_den, freq_num, "
              "highlight, name, position, reminder_days, type, target_type, target_value, unit, "
              "question, uuid) VALUES (?, 0, ?, '', ?, ?, 0, ?, ?, 127, ?, ?, ?, ?, ?, ?)")
    db.execute(insert, (2, 11, 1, 1, "Read", 2, 1, 0, 20.0, "pages", "How many pages?",
                        "bbbb0000000000000000000000000002"))
    db.execute(insert, (3, 0, 1, 1, "Coffee", 3, 1, 1, 2.0, "cups", "",
                        "cccc0000000000000000000000000003"))
    db.execute(insert, (4, 3, 7, 2, "Swim", 4, 0, 0, 0.0, "", "",
                        "dddd0000000000000000000000000004"))
    reps = "INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?, ?, ?, ?)"
    jan = datetime.date(2024, 1, 1)
    db.executemany(reps, [
        (2, ms(jan), 25_000, "a good chapter"), (2, ms(jan + datetime.timedelta(1)), 12_500, None),
        (2, ms(jan + datetime.timedelta(2)), -3, None),  # a skip (newer versions)
        (2, ms(jan + datetime.timedelta(3)), 3, None),  # a skip (older versions)
        (3, ms(jan), 3_000, None), (3, ms(jan + datetime.timedelta(1)), 0, "none today"),
        (4, ms(jan), 2, None), (4, ms(jan + datetime.timedelta(1)), 1, None),  # 1: implied
        (4, ms(jan + datetime.timedelta(2)), 3, None), (4, ms(jan + datetime.timedelta(3)), 0,
                                                         "a note on a day not done")])
    db.commit()
    db.close()
    return path.read_bytes()


DAYLIO_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"


def daylio_csv(rows, bom=True, newline="\r\n"):
    """A Daylio export of `rows` (lists of 8 cells), CSV-quoted, BOM and CRLF by default."""
    import csv
    text = io.StringIO()
    writer = csv.writer(text, lineterminator=newline)
    writer.writerow(DAYLIO_HEADER.split(","))
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + text.getvalue().encode("utf-8")


def upload(data, name="backup.db"):
    """A multipart body for the test client: the file field."""
    return {"file": (io.BytesIO(data), name)}


def loop_changed(tmp_path, table, column, literal, loose=False):
    """The version-25 backup with `column` of one row of `table` set to the SQL `literal`: the
    habit "Read" (id 2), or its first repetition. `loose`: first without column types and
    NOT NULLs (as SQLite lets any program write), so that '12' stays text and NULL goes in."""
    path = tmp_path / "loop-changed.db"
    path.write_bytes(loop_v25(tmp_path))
    row = "id = 2" if table == "Habits" else \
        "id = (SELECT min(id) FROM Repetitions WHERE habit = 2)"
    return changed(path, ("Habits", "Repetitions") if loose else (), table, column, literal, row)


# The row a test changes in each table of the Rewire and Tickmate fixtures: the habit "brush
# teeth" (a schedule of 3 days a week, with the reminder) and its first check-in; the track
# "Sport" and its first tick.
REWIRE_ROWS = {"Habits": "_id = 2", "REMINDERS": "_id = 1",
               "CHECKINS": "_id = (SELECT min(_id) FROM CHECKINS WHERE Habit_id = 2)"}
TICKMATE_ROWS = {"tracks": "_id = 2",
                 "ticks": "_id = (SELECT min(_id) FROM ticks WHERE _track_id = 2)"}


def rewire_changed(tmp_path, table, column, literal, loose=False):
    """The Rewire fixture with `column` of one row of `table` (REWIRE_ROWS) set to the SQL
    `literal`; `loose`: its tables read first without column types and NOT NULLs."""
    path = tmp_path / "rewire-changed.db"
    path.write_bytes(fixture("rewire.db"))
    return changed(path, tuple(REWIRE_ROWS) if loose else (), table, column, literal,
                   REWIRE_ROWS[table])


def tickmate_changed(tmp_path, table, column, literal, loose=False):
    """The Tickmate fixture with `column` of one row of `table` (TICKMATE_ROWS) set to the SQL
    `literal`; `loose` as for rewire_changed."""
    path = tmp_path / "tickmate-changed.db"
    path.write_bytes(fixture("tickmate.db"))
    return changed(path, tuple(TICKMATE_ROWS) if loose else (), table, column, literal,
                   TICKMATE_ROWS[table])


def changed(path, loose_tables, table, column, literal, row):
    """The database at `path` with `column` set to `literal` where `row` (SQL) holds, after
    each of `loose_tables` is copied into one without column types or NOT NULLs."""
    db = sqlite3.connect(path)
    for name in loose_tables:
        names = [f'"{info[1]}"' for info in db.execute(f'PRAGMA table_info("{name}")')]
        db.execute(f"CREATE TABLE loose ({', '.join(names)})")
        db.execute(f'INSERT INTO loose SELECT * FROM "{name}"')
        db.execute(f'DROP TABLE "{name}"')
        db.execute(f'ALTER TABLE loose RENAME TO "{name}"')
    assert db.execute(f'UPDATE "{table}" SET "{column}" = {literal} WHERE {row}').rowcount == 1
    db.commit()
    db.close()
    return path
