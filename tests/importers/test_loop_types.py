"""A Loop backup whose columns hold values of another type than Loop writes (text, blobs, NULL,
numbers out of range: SQLite keeps anything anywhere) is refused with a 422 naming the column,
over HTTP and from `flask import`, and nothing is changed; values Loop does write still import."""
import datetime

import pytest
from marshmallow import ValidationError

from server.importers.loop import read_loop
from tests.api.helpers import error_of

from .builders import loop_changed, upload

INTEGERS = ("archived", "color", "freq_den", "freq_num", "position", "reminder_days",
            "reminder_hour", "reminder_min", "type", "target_type")
TEXTS = ("description", "name", "unit", "question", "uuid")
# One wrong value for each column read, in Loop's own schema (whose integer columns keep text).
WRONG = ([("Habits", c, "'abc'") for c in INTEGERS] + [("Habits", c, "X'00ff'") for c in TEXTS]
         + [("Habits", "target_value", "'twenty'"), ("Repetitions", "timestamp", "'monday'"),
            ("Repetitions", "value", "X'01'"), ("Repetitions", "habit", "'Read'"),
            ("Repetitions", "notes", "X'00ff'")])
# More of them, in a schema without column types or NOT NULL.
LOOSE = [("Habits", "freq_num", "'12'"), ("Habits", "color", "1.5"),
         ("Habits", "position", "99999999999999999999"), ("Habits", "archived", "1e999"),
         ("Habits", "freq_den", str(2**31)), ("Habits", "reminder_hour", str(-2**31 - 1)),
         ("Habits", "target_value", "-1e999"), ("Habits", "target_value", "X''"),
         ("Habits", "name", "12"), ("Habits", "unit", "1.5"), ("Habits", "id", "'two'"),
         ("Habits", "id", "NULL"), ("Repetitions", "timestamp", "NULL"),
         ("Repetitions", "timestamp", "1.5e12"), ("Repetitions", "value", "NULL"),
         ("Repetitions", "value", str(2**31)), ("Repetitions", "habit", "NULL"),
         ("Repetitions", "notes", "42")]


def refusal(data):
    with pytest.raises(ValidationError) as info:
        read_loop(data)
    [message] = info.value.messages["file"]
    return message


@pytest.mark.parametrize("table, column, literal", WRONG + LOOSE)
def test_a_value_of_another_type_is_refused_naming_its_column(tmp_path, table, column,
                                                               literal):
    data = loop_changed(tmp_path, table, column, literal,
                        loose=(table, column, literal) in LOOSE).read_bytes()
    message = refusal(data)
    assert f"{table}.{column} in the row with id " in message, message
    assert "where it must be" in message


def test_the_message_says_what_the_value_is_and_what_it_must_be(tmp_path):
    assert refusal(loop_changed(tmp_path, "Habits", "freq_num", "'abc'").read_bytes()) == (
        "This file is not a backup as Loop Habit Tracker writes it: Habits.freq_num in the row "
        "with id 2 is text (“abc”), where it must be a whole number.")
    message = refusal(loop_changed(tmp_path, "Habits", "color", str(2**40), loose=True)
                      .read_bytes())
    assert message.endswith("Habits.color in the row with id 2 is 1,099,511,627,776, where it "
                            "must be a whole number from -2,147,483,648 to 2,147,483,647.")
    message = refusal(loop_changed(tmp_path, "Repetitions", "value", "NULL", loose=True)
                      .read_bytes())
    assert "Repetitions.value in the row with id " in message
    assert message.endswith("is empty, where it must be a whole number.")


@pytest.mark.parametrize("column, literal", [
    ("color", "NULL"), ("reminder_hour", "NULL"), ("description", "NULL"), ("type", "NULL"),
    ("color", str(-2**31)), ("freq_den", str(2**31 - 1)), ("target_value", "20")])
def test_what_loop_writes_there_still_imports(tmp_path, column, literal):
    plan = read_loop(loop_changed(tmp_path, "Habits", column, literal, loose=True).read_bytes())
    assert "Read" in [habit.fields["name"] for habit in plan.habits]


def test_a_day_past_the_year_9999_is_left_out_with_a_warning(tmp_path):
    plan = read_loop(loop_changed(tmp_path, "Repetitions", "timestamp", str(2**62))
                     .read_bytes())
    read = next(habit for habit in plan.habits if habit.fields["name"] == "Read")
    assert len(read.checkins) == 3 and datetime.date(2024, 1, 1) not in read.checkins
    assert "Days before 1970 or after today were left out." in plan.warnings


@pytest.mark.parametrize("table, column, literal", WRONG)
def test_over_http_and_from_the_command_line_a_422_naming_the_column(
        app, client, tmp_path, table, column, literal):
    path = loop_changed(tmp_path, table, column, literal)
    response = client.post("/import/loop", data=upload(path.read_bytes()),
                           content_type="multipart/form-data")
    error = error_of(response, 422, "validation_error")
    assert f"{table}.{column} " in error["fields"]["file"][0]
    auto = client.post("/import/file", data=upload(path.read_bytes()),
                       content_type="multipart/form-data")
    assert auto.status_code == 422 and auto.json["error"]["fields"] == error["fields"]

    result = app.test_cli_runner().invoke(args=["import", "loop", str(path), "--user",
                                                client.user["email"]])
    assert isinstance(result.exception, SystemExit), result.exception  # not a traceback
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"Error: This file is not a backup as Loop Habit Tracker writes it: {table}.{column} " \
        in result.output
    assert client.get("/habits?archived=all").json == []
