"""A Rewire or Tickmate backup whose columns hold values of another type than the app writes
(text, blobs, NULL, numbers out of range: SQLite keeps anything anywhere) is refused with a 422
naming the column, over HTTP and from `flask import`, and nothing is changed; values the apps do
write still import."""
import datetime
import sqlite3

import pytest
from marshmallow import ValidationError

from server.importers.rewire import read_rewire, read_tickmate
from tests.api.helpers import error_of
from tests.api.test_imports import everything

from ..conftest import make_habit
from .builders import fixture, rewire_changed, tickmate_changed, upload

SOURCES = {"rewire": (rewire_changed, read_rewire, "Rewire"),
        "tickmate": (tickmate_changed, read_tickmate, "Tickmate")}
REWIRE_INTEGERS = {"Habits": ("Order_num", "archived", "schedule", "days", "period",
                              "repeating_count"),
                   "CHECKINS": ("Habit_id", "type"), "REMINDERS": ("habit_id", "time")}
REWIRE_TEXTS = {"Habits": ("Name", "description", "active_days", "start_date"),
                "CHECKINS": ("date", "note"), "REMINDERS": ("active_days",)}
TICKMATE_INTEGERS = {"tracks": ("enabled", "multiple_entries_per_day", "order"),
                     "ticks": ("_track_id", "year", "month", "day")}
TICKMATE_TEXTS = {"tracks": ("name", "description")}
# One wrong value for each column read, in the apps' own schemas (whose integer columns keep
# text, and text columns blobs).
WRONG = ([("rewire", t, c, "'abc'") for t, cs in REWIRE_INTEGERS.items() for c in cs]
         + [("rewire", t, c, "X'00ff'") for t, cs in REWIRE_TEXTS.items() for c in cs]
         + [("tickmate", t, c, "'abc'") for t, cs in TICKMATE_INTEGERS.items() for c in cs]
         + [("tickmate", t, c, "X'00ff'") for t, cs in TICKMATE_TEXTS.items() for c in cs])
# More of them, in schemas without column types or NOT NULL.
LOOSE = [("rewire", "Habits", "days", "'3'"), ("rewire", "Habits", "days", str(2**31)),
         ("rewire", "Habits", "period", "1.5"), ("rewire", "Habits", "archived", "1e999"),
         ("rewire", "Habits", "repeating_count", "99999999999999999999"),
         ("rewire", "Habits", "Name", "NULL"), ("rewire", "Habits", "Name", "12"),
         ("rewire", "Habits", "active_days", "135"), ("rewire", "Habits", "_id", "'two'"),
         ("rewire", "Habits", "_id", "NULL"), ("rewire", "CHECKINS", "date", "20160102"),
         ("rewire", "CHECKINS", "date", "NULL"), ("rewire", "CHECKINS", "type", "NULL"),
         ("rewire", "CHECKINS", "type", str(-2**31 - 1)), ("rewire", "CHECKINS", "Habit_id",
                                                           "NULL"),
         ("rewire", "CHECKINS", "note", "7"), ("rewire", "REMINDERS", "time", "480.5"),
         ("rewire", "REMINDERS", "time", "-1e999"), ("rewire", "REMINDERS", "habit_id", "'2'"),
         ("tickmate", "tracks", "name", "NULL"), ("tickmate", "tracks", "description", "NULL"),
         ("tickmate", "tracks", "enabled", "NULL"), ("tickmate", "tracks", "enabled", "0.5"),
         ("tickmate", "tracks", "order", str(2**31)), ("tickmate", "tracks", "_id", "'two'"),
         ("tickmate", "ticks", "year", "2016.0"), ("tickmate", "ticks", "month", str(2**40)),
         ("tickmate", "ticks", "day", "X''"), ("tickmate", "ticks", "_track_id", "'2'")]


def refusal(source, data):
    with pytest.raises(ValidationError) as info:
        SOURCES[source][1](data)
    [message] = info.value.messages["file"]
    return message


@pytest.mark.parametrize("source, table, column, literal", WRONG + LOOSE)
def test_a_value_of_another_type_is_refused_naming_its_column(tmp_path, source, table, column,
                                                               literal):
    path = SOURCES[source][0](tmp_path, table, column, literal,
                        loose=(source, table, column, literal) in LOOSE)
    message = refusal(source, path.read_bytes())
    assert message.startswith(f"This file is not a backup as {SOURCES[source][2]} writes it: "
                              f"{table}.{column} in the row with id "), message
    assert "where it must be" in message


def test_the_message_says_what_the_value_is_and_what_it_must_be(tmp_path):
    assert refusal("rewire", rewire_changed(tmp_path, "Habits", "days", "'abc'").read_bytes()) \
        == ("This file is not a backup as Rewire writes it: Habits.days in the row with id 2 is "
            "text (“abc”), where it must be a whole number.")
    assert refusal("tickmate", tickmate_changed(tmp_path, "tracks", "name", "X'00'")
                   .read_bytes()) == ("This file is not a backup as Tickmate writes it: "
                                      "tracks.name in the row with id 2 is binary data, where "
                                      "it must be text.")
    message = refusal("rewire", rewire_changed(tmp_path, "CHECKINS", "type", "NULL", loose=True)
                      .read_bytes())
    assert message.endswith("CHECKINS.type in the row with id 36 is empty, where it must be a "
                            "whole number.")
    message = refusal("tickmate", tickmate_changed(tmp_path, "ticks", "month", str(2**31),
                                                   loose=True).read_bytes())
    assert message.endswith("ticks.month in the row with id 2 is 2,147,483,648, where it must "
                            "be a whole number from -2,147,483,648 to 2,147,483,647.")


@pytest.mark.parametrize("table, column, literal", [
    ("Habits", "description", "NULL"), ("Habits", "start_date", "NULL"),
    ("Habits", "active_days", "NULL"), ("Habits", "archived", "NULL"),
    ("Habits", "days", str(2**31 - 1)), ("Habits", "Order_num", str(-2**31)),
    ("CHECKINS", "note", "NULL"), ("REMINDERS", "time", "NULL"),
    ("REMINDERS", "habit_id", "NULL")])
def test_what_rewire_writes_there_still_imports(tmp_path, table, column, literal):
    plan = read_rewire(rewire_changed(tmp_path, table, column, literal, loose=True).read_bytes())
    assert sorted(habit.fields["name"] for habit in plan.habits) == [
        "Sleep early", "Wake up early", "brush teeth"]


@pytest.mark.parametrize("table, column, literal", [
    ("tracks", "multiple_entries_per_day", "NULL"), ("tracks", "order", "NULL"),
    ("tracks", "enabled", str(2**31 - 1)), ("ticks", "_track_id", "NULL")])
def test_what_tickmate_writes_there_still_imports(tmp_path, table, column, literal):
    plan = read_tickmate(tickmate_changed(tmp_path, table, column, literal, loose=True)
                         .read_bytes())
    assert sorted(habit.fields["name"] for habit in plan.habits) == ["I love you", "Sport",
                                                                     "Vegan"]


@pytest.mark.parametrize("column, literal", [
    ("month", str(2**31 - 1)), ("year", str(2**31 - 1)), ("day", str(-2**31)), ("day", "NULL")])
def test_a_tick_on_a_day_no_calendar_has_is_left_out_with_a_warning(tmp_path, column, literal):
    plan = read_tickmate(tickmate_changed(tmp_path, "ticks", column, literal).read_bytes())
    sport = next(habit for habit in plan.habits if habit.fields["name"] == "Sport")
    assert len(sport.checkins) == 11 and datetime.date(2016, 3, 20) not in sport.checkins
    assert "Ticks of “Sport” on impossible dates were left out." in plan.warnings


@pytest.mark.parametrize("source, table, column, literal", WRONG)
def test_over_http_and_from_the_command_line_a_422_naming_the_column(
        source, app, client, tmp_path, table, column, literal):
    make_habit(client, name="Mine")
    before = everything(client)
    path = SOURCES[source][0](tmp_path, table, column, literal)
    response = client.post("/import/file", data=upload(path.read_bytes()),
                           content_type="multipart/form-data")
    error = error_of(response, 422, "validation_error")
    assert f"{table}.{column} in the row with id " in error["fields"]["file"][0]

    result = app.test_cli_runner().invoke(
        args=["import", "auto", str(path), "--user", client.user["email"]])
    assert isinstance(result.exception, SystemExit), result.exception  # not a traceback
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (f"Error: This file is not a backup as {SOURCES[source][2]} writes it: {table}.{column} "
            "in the row with id ") in result.output
    assert everything(client) == before


@pytest.mark.parametrize("source, table, column", [
    ("rewire", "Habits", "Name"), ("rewire", "Habits", "schedule"),
    ("rewire", "Habits", "start_date"), ("tickmate", "tracks", "name"),
    ("tickmate", "tracks", "description")])
def test_a_table_without_a_column_the_app_always_writes_is_refused_naming_it(
        tmp_path, source, table, column):
    """Reading such a row gave an IndexError (a 500)."""
    path = tmp_path / f"{source}.db"
    path.write_bytes(fixture(f"{source}.db"))
    db = sqlite3.connect(path)
    db.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    db.commit()
    db.close()
    assert refusal(source, path.read_bytes()) == (
        f"This file is not a backup as {SOURCES[source][2]} writes it: the table {table} has "
        f"no column {column}.")
