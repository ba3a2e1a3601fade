"""The limits of one import (issue 29, items 4 and 11): readers linear in their file, a file past
the habits limit refused as soon as that is seen, warnings listed up to their limit and then
counted, a deadline, and a big file read from disk in little memory."""
import csv
import datetime
import gc
import io
import mmap
import shutil
import sqlite3
import time
import tracemalloc

import pytest
from marshmallow import ValidationError

from server.importers import Limits, TooSlow, read_file
from server.importers.daylio import read_daylio
from server.importers.detect import contents
from server.importers.plan import Plan, limited

from .builders import DAYLIO_HEADER, FIXTURES, ms

HABITBULL_HEADER = "HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\n"


def daylio_activities(count, per_row=20):
    """A Daylio export naming `count` different activities, `per_row` on each day."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(DAYLIO_HEADER.split(","))
    first = datetime.date(2020, 1, 1)
    for row in range(max(1, count // per_row)):
        names = (f"activity {n}" for n in range(row * per_row, (row + 1) * per_row))
        writer.writerow([(first + datetime.timedelta(days=row)).isoformat(), "", "", "8:00 pm",
                         "good", " | ".join(names), "", ""])
    return text.getvalue().encode()


def habitbull_file(path, rows, habits=50):
    """A HabitBull export of `rows` rows on disk: `habits` habits, a row a day each, two days
    in three done, a comment every 50 days. Its check-ins: how many rows are done."""
    days = rows // habits
    first = datetime.date(1971, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(HABITBULL_HEADER)
        for habit in range(habits):
            for n in range(days):
                file.write(f"Habit {habit},about it,Group {habit % 5},"
                           f"{(first + datetime.timedelta(days=n)).isoformat()},"
                           f"{1 if n % 3 else 0},{'a comment' if n % 50 == 1 else ''}\n")
    return habits * sum(1 for n in range(days) if n % 3)


def test_a_daylio_file_of_20000_activities_is_refused_at_once():
    data = daylio_activities(20_000)
    source = io.BytesIO(data)
    started = time.perf_counter()
    with pytest.raises(ValidationError) as refused:
        read_file("daylio", source, None)
    assert time.perf_counter() - started < 2  # it took minutes through the API
    assert "more than 500 activities" in refused.value.messages["file"][0]
    assert source.tell() < len(data) / 4  # told from its first rows, not after all of them


def best_time(read, data, runs=3):
    """The shortest of `runs` readings of `data`, in seconds, the cyclic garbage collector off
    (its full passes, over every object alive, would blur how the reading itself grows)."""
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            started = time.perf_counter()
            read(data)
            times.append(time.perf_counter() - started)
    finally:
        gc.enable()
    return min(times)


def test_reading_grows_linearly_with_the_file():
    """Four times the activities (each a habit and a warning) take about four times as long;
    the warnings searched item by item took about sixteen times as long."""
    small, big = daylio_activities(5_000), daylio_activities(20_000)
    with limited(Limits(habits=100_000, warnings=100_000)):
        assert len(read_daylio(big).habits) == 20_000
        ratio = best_time(read_daylio, big) / best_time(read_daylio, small)
    assert ratio < 8, ratio


def test_warnings_past_the_limit_are_counted_in_one_line():
    plan = Plan("daylio")
    for n in range(250):
        plan.warn(f"warning {n}")
        plan.warn(f"warning {n}")  # each text once, listed or not
    assert plan.warnings[:100] == [f"warning {n}" for n in range(100)]
    assert plan.warnings[100:] == ["… and 150 more warnings."]
    with limited(Limits(warnings=2)):
        plan = Plan("loop")
    for text in ("a", "b", "c"):
        plan.warn(text)
    assert plan.warnings == ["a", "b", "… and 1 more warning."]


def test_a_habitbull_file_past_the_habits_limit_is_refused(tmp_path):
    path = tmp_path / "habitbull.csv"
    habitbull_file(path, 2_000, habits=20)
    with path.open("rb") as file, pytest.raises(ValidationError) as refused:
        read_file("auto", file, None, Limits(habits=19))
    assert "more than 19 habits" in refused.value.messages["file"][0]
    with path.open("rb") as file:
        assert len(read_file("auto", file, None, Limits(habits=20)).habits) == 20


def test_a_loop_backup_past_the_habits_limit_is_refused(tmp_path):
    path = tmp_path / "loop.db"
    shutil.copyfile(FIXTURES / "databases" / "022.db", path)
    path.chmod(0o644)
    db = sqlite3.connect(path)
    db.executemany("INSERT INTO Habits (name, freq_num, freq_den, position, archived, color, "
                   "highlight, reminder_days, type, target_type, target_value, unit) "
                   "VALUES (?, 1, 1, ?, 0, 0, 0, 127, 0, 0, 0, '')",
                   [(f"Habit {n}", n) for n in range(1, 12)])
    db.commit()
    db.close()
    with pytest.raises(ValidationError) as refused:
        read_file("auto", path.read_bytes(), None, Limits(habits=10))
    assert "more than 10 habits" in refused.value.messages["file"][0]


def test_reading_stops_at_the_deadline(tmp_path):
    path = tmp_path / "habitbull.csv"
    habitbull_file(path, 100_000)
    with path.open("rb") as file, pytest.raises(TooSlow):
        read_file("habitbull", file, None, Limits(seconds=0.001))
        # (4,096 rows, the first look at the clock, take far longer than a millisecond)
    with path.open("rb") as file:  # no deadline unless one is given
        assert len(read_file("habitbull", file, None).habits) == 50


@pytest.mark.slow  # a million rows
def test_a_big_csv_is_read_from_disk_in_little_memory(tmp_path):
    """Read row by row, dates, values and plain check-ins shared: the plan of 200,000 rows
    takes less memory than the file. Read whole (bytes, text, a dict a row) it took 20 times
    the file: 688 MiB for a million rows."""
    path = tmp_path / "habitbull.csv"
    done = habitbull_file(path, 200_000)
    size = path.stat().st_size
    tracemalloc.start()
    try:
        with path.open("rb") as file:
            plan = read_file("auto", file, None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sum(len(habit.checkins) for habit in plan.habits) == done
    assert peak < 1.5 * size, (peak, size)


def big_loop(path, days=19_000):
    """The version-22 Loop fixture, its habit "Test" and a third one done every day from 1971
    on: a backup of over a mebibyte."""
    shutil.copyfile(FIXTURES / "databases" / "022.db", path)
    path.chmod(0o644)
    db = sqlite3.connect(path)
    db.execute("INSERT INTO Habits (id, name, freq_num, freq_den, position, archived, color, "
               "highlight, reminder_days, type, target_type, target_value, unit) "
               "VALUES (2, 'Big', 1, 1, 2, 0, 0, 0, 127, 0, 0, 0, '')")
    first = datetime.date(1971, 1, 1)
    db.executemany("INSERT INTO Repetitions (habit, timestamp, value) VALUES (?, ?, 2)",
                   [(habit, ms(first + datetime.timedelta(days=n))) for habit in (1, 2)
                    for n in range(days)])
    db.commit()
    db.close()
    assert path.stat().st_size > 1024 * 1024


def test_a_big_sqlite_backup_is_mapped_not_read_into_memory(tmp_path):
    path = tmp_path / "loop.db"
    big_loop(path)
    with path.open("rb") as file:
        data = contents(file)
        assert isinstance(data, mmap.mmap)
        data.close()
        plan = read_file("auto", file, None)
    assert plan.source == "loop" and [len(habit.checkins) for habit in plan.habits] == [
        1, 19_000, 19_000]
