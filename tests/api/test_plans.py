"""If-then plans and appointments (issue 24) through the API: the habit's fields and their rules
(both halves or neither, 80 characters each), Today showing the plan until the day is done, the
weekly summary showing it for a week that went hard, and the Orbit export carrying it."""
import datetime
import io
import zipfile

import pytest

from ..conftest import ApiClient, make_habit
from .helpers import day, error_of, field_errors, put_checkin

PLAN = {"plan_cue": "I get home", "plan_action": "walk 20 minutes"}


def test_a_habit_carries_its_plan_and_appointment_mark(client):
    plain = make_habit(client)
    assert (plain["plan_cue"], plain["plan_action"], plain["appointment"]) == ("", "", False)
    habit = make_habit(client, name="Therapy", appointment=True, **PLAN)
    assert {k: habit[k] for k in (*PLAN, "appointment")} == {**PLAN, "appointment": True}
    assert client.get(f"/habits/{habit['id']}").json == habit
    changed = client.patch(f"/habits/{habit['id']}", {"plan_cue": "  I park the car ",
                                                      "plan_action": "breathe twice",
                                                      "appointment": False}).json
    assert (changed["plan_cue"], changed["plan_action"], changed["appointment"]) == (
        "I park the car", "breathe twice", False)  # trimmed
    assert [h["plan_cue"] for h in client.get("/habits").json] == ["", "I park the car"]
    # A PATCH of other fields keeps the plan; both halves emptied is no plan.
    assert client.patch(f"/habits/{habit['id']}", {"name": "Session"}).json["plan_cue"] == \
        "I park the car"
    cleared = client.patch(f"/habits/{habit['id']}", {"plan_cue": "", "plan_action": " "}).json
    assert (cleared["plan_cue"], cleared["plan_action"]) == ("", "")
    # The rule history is untouched: a plan is no rule.
    assert len(cleared["rules"]) == 1


@pytest.mark.parametrize("body, missing", [
    ({"plan_cue": "I get home"}, "plan_action"),
    ({"plan_action": "walk"}, "plan_cue"),
    ({"plan_cue": "I get home", "plan_action": ""}, "plan_action"),
    ({"plan_cue": "   ", "plan_action": "walk"}, "plan_cue"),
    ({"plan_cue": ""}, "plan_action"),
])
def test_half_a_plan_is_refused_on_create_and_patch(client, body, missing):
    error = error_of(client.post("/habits", {"name": "Walk", **body}), 422, "validation_error")
    assert list(error["fields"]) == [missing]
    assert error["codes"][missing] == [{"code": "required"}]
    assert "too" in error["fields"][missing][0]  # "Write what you will do too, or clear both."
    habit = make_habit(client, **PLAN)
    error = error_of(client.patch(f"/habits/{habit['id']}", body), 422, "validation_error")
    assert list(error["fields"]) == [missing]
    assert client.get(f"/habits/{habit['id']}").json["plan_action"] == PLAN["plan_action"]


def test_each_half_is_at_most_80_characters(client):
    habit = make_habit(client, plan_cue="c" * 80, plan_action="a" * 80)
    assert (len(habit["plan_cue"]), len(habit["plan_action"])) == (80, 80)
    for name in PLAN:
        body = {**PLAN, name: "x" * 81}
        error = error_of(client.post("/habits", {"name": "Walk", **body}), 422,
                         "validation_error")
        assert error["codes"][name] == [{"code": "too_long", "max": 80}]
    field_errors(client.post("/habits", {"name": "Walk", **PLAN, "plan_cue": 3}), "plan_cue")
    field_errors(client.post("/habits", {"name": "Walk", **PLAN, "plan_cue": None}), "plan_cue")
    field_errors(client.post("/habits", {"name": "Walk", "appointment": "yes"}), "appointment")
    field_errors(client.post("/habits", {"name": "Walk", "appointment": 1}), "appointment")


def test_the_document_describes_the_fields(client):
    document = client.get("/openapi.json").json
    schemas = document["components"]["schemas"]
    habit_in = next(schema for name, schema in schemas.items() if name.startswith("HabitIn"))
    assert habit_in["properties"]["plan_cue"]["maxLength"] == 80
    assert habit_in["properties"]["appointment"]["type"] == "boolean"
    assert {"plan_cue", "plan_action", "appointment"} <= set(schemas["HabitOut"]["properties"])
    plan = schemas["TodayItemOut"]["properties"]["plan"]
    assert plan["anyOf"] == [{"$ref": "#/components/schemas/PlanOut"},
                             {"type": "object", "nullable": True}]
    assert set(schemas["PlanOut"]["properties"]) == {"cue", "action"}
    week_row = next(schema for name, schema in schemas.items() if name.startswith("HabitWeekOut"))
    assert "plan" in week_row["properties"]


def test_today_shows_the_plan_until_the_day_is_done(client):
    walk = make_habit(client, name="Walk", **PLAN)
    read = make_habit(client, name="Read")  # no plan
    calm = make_habit(client, name="No reactive messages", kind="quit",
                      plan_cue="a message makes my chest tight", plan_action="wait ten minutes")

    def plans():
        items = client.get(f"/today?date={day()}").json["habits"]
        return {item["habit"]["name"]: item["plan"] for item in items}
    assert plans() == {"Walk": {"cue": "I get home", "action": "walk 20 minutes"}, "Read": None,
                       "No reactive messages": {"cue": "a message makes my chest tight",
                                                "action": "wait ten minutes"}}
    assert client.get("/bootstrap").json["today"]["habits"][0]["plan"] == plans()["Walk"]
    # Done: the plan has done its work. The write's own Today item says so at once.
    answer = client.put(f"/habits/{walk['id']}/checkins/{day()}?include=today", {}).json
    assert answer["today"]["plan"] is None
    # A quit habit's plan stays all day, kept or slipped: it is for the moment the urge comes.
    put_checkin(client, calm, day(), {"status": "slip"})
    assert plans() == {"Walk": None, "Read": None, "No reactive messages": {
        "cue": "a message makes my chest tight", "action": "wait ten minutes"}}
    # Undone again, it is back; on a past day not done it shows too.
    assert client.delete(f"/habits/{walk['id']}/checkins/{day()}").status_code == 204
    assert plans()["Walk"] == {"cue": "I get home", "action": "walk 20 minutes"}
    assert read["plan_cue"] == ""


def test_a_paused_habit_shows_no_plan(client):
    walk = make_habit(client, **PLAN)
    assert client.post("/pauses", {"habit_id": walk["id"], "start": day()}).status_code == 201
    [item] = client.get("/today").json["habits"]
    assert item["paused"] and item["plan"] is None


def test_plans_travel_in_the_orbit_export_and_back(app, client):
    habit = make_habit(client, name="Therapy", appointment=True, **PLAN)
    make_habit(client, name="Read")
    export = client.get("/export").json
    record = next(h for h in export["habits"] if h["name"] == "Therapy")
    assert {k: record[k] for k in (*PLAN, "appointment")} == {**PLAN, "appointment": True}
    fresh = ApiClient(app).register()
    response = fresh.post("/import", export)
    assert response.status_code == 200, response.json
    imported = {h["name"]: h for h in fresh.get("/habits").json}
    assert {k: imported["Therapy"][k] for k in (*PLAN, "appointment")} == {
        **PLAN, "appointment": True}
    assert (imported["Read"]["plan_cue"], imported["Read"]["appointment"]) == ("", False)
    again = fresh.get("/export").json
    assert [{k: h[k] for k in (*PLAN, "appointment")} for h in again["habits"]] == [
        {k: h[k] for k in (*PLAN, "appointment")} for h in export["habits"]]
    # An export from before plans (no such fields) still imports, with no plan.
    for record in export["habits"]:
        for key in (*PLAN, "appointment"):
            record.pop(key)
    older = ApiClient(app).register()
    assert older.post("/import", export).status_code == 200
    assert {h["plan_cue"] for h in older.get("/habits").json} == {""}
    assert habit["id"]


def test_an_export_with_half_a_plan_is_refused(app, client):
    make_habit(client, **PLAN)
    export = client.get("/export").json
    export["habits"][0]["plan_action"] = ""
    fresh = ApiClient(app).register()
    error = error_of(fresh.post("/import", export), 422, "validation_error")
    assert "plan_action" in error["fields"]["habits"]["0"]
    assert fresh.get("/habits").json == []


def test_the_csv_export_has_the_plan_neutralised(client):
    make_habit(client, plan_cue="=I get home", plan_action="walk")
    archive = zipfile.ZipFile(io.BytesIO(client.get("/export?format=csv").data))
    text = archive.read("habits.csv").decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.endswith("plan_cue,plan_action,appointment")
    assert row.endswith("'=I get home,walk,false")


def weeks_ago(client, weeks):
    """The first day of the user's week `weeks` before this one (weeks start on Monday)."""
    today = datetime.date.fromisoformat(day())
    return today - datetime.timedelta(days=today.weekday() + 7 * weeks)


def test_the_week_shows_plans_of_habits_that_struggled(client):
    start = weeks_ago(client, 1)
    struggling = make_habit(client, name="Walk", start_date=start.isoformat(), **PLAN)
    steady = make_habit(client, name="Read", start_date=start.isoformat(),
                        plan_cue="I get on the train", plan_action="read ten pages")
    secret = make_habit(client, name="Vance sessions", private=True,
                        start_date=start.isoformat(), plan_cue="it is Tuesday",
                        plan_action="go to Dr Vance")
    for offset in range(7):
        date = (start + datetime.timedelta(days=offset)).isoformat()
        put_checkin(client, steady, date)
        if offset < 2:
            put_checkin(client, struggling, date)  # 2 of 7: below half
    summary = client.get(f"/summaries/weekly?date={start.isoformat()}").json
    rows = {row["name"]: row for row in summary["habits"]}
    assert rows["Walk"]["plan"] == {"cue": "I get home", "action": "walk 20 minutes"}
    assert rows["Read"]["plan"] is None  # 7 of 7: no plan needed
    assert rows["Vance sessions"]["plan"] == {"cue": "it is Tuesday", "action": "go to Dr Vance"}
    hidden = client.get(f"/summaries/weekly?date={start.isoformat()}&hide_private=true").json
    assert "Vance" not in str(hidden)
    assert {row["name"]: row["plan"] for row in hidden["habits"]}["Walk"] == rows["Walk"]["plan"]
    # This week is not over: no plan yet, whatever it holds so far.
    current = client.get(f"/summaries/weekly?date={day()}").json
    assert all(row["plan"] is None for row in current["habits"])
    assert struggling["id"] and secret["id"]


def test_an_appointment_gets_no_suggestion(client):
    start = weeks_ago(client, 2)
    therapy = make_habit(client, name="Therapy", schedule={"type": "per_week", "times": 1},
                         start_date=start.isoformat(), appointment=True)
    gym = make_habit(client, name="Gym", schedule={"type": "per_week", "times": 1},
                     start_date=start.isoformat())
    for habit in (therapy, gym):  # met in both complete weeks
        for week in range(2):
            put_checkin(client, habit, (start + datetime.timedelta(days=7 * week + 1)).isoformat())
    summary = client.get(f"/summaries/weekly?date={(start + datetime.timedelta(days=7))}").json
    rows = {row["name"]: row for row in summary["habits"]}
    assert rows["Gym"]["suggestion"]["patch"] == {"schedule": {"type": "per_week", "times": 2}}
    assert rows["Therapy"]["suggestion"] is None
    # Unmarked, the same numbers would raise it: the mark is what keeps it.
    client.patch(f"/habits/{therapy['id']}", {"appointment": False})
    summary = client.get(f"/summaries/weekly?date={(start + datetime.timedelta(days=7))}").json
    assert {row["name"]: row for row in summary["habits"]}["Therapy"]["suggestion"] is not None


def test_a_per_month_habit_gets_its_suggestion_in_the_week_its_month_ended(client):
    today = datetime.date.fromisoformat(day())
    month_end = today.replace(day=1) - datetime.timedelta(days=1)
    week = month_end - datetime.timedelta(days=month_end.weekday())  # weeks start on Monday
    if week + datetime.timedelta(days=6) >= today:  # that week is not over: the month before
        month_end = month_end.replace(day=1) - datetime.timedelta(days=1)
        week = month_end - datetime.timedelta(days=month_end.weekday())
    first = (month_end.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    habit = make_habit(client, name="Try something new", start_date=first.isoformat(),
                       schedule={"type": "per_month", "times": 2})
    for month_start in (first, month_end.replace(day=1)):  # 2 of 2 in both months
        for offset in (2, 9):
            put_checkin(client, habit, (month_start + datetime.timedelta(days=offset)).isoformat())
    [row] = client.get(f"/summaries/weekly?date={week.isoformat()}").json["habits"]
    assert row["scheduled"] is None and row["suggestion"] == {
        "action": "raise", "patch": {"schedule": {"type": "per_month", "times": 3}},
        "text": "You met Try something new in full two months running — try 3 times a month?"}
    # The week before says nothing: no month ended in it.
    before = week - datetime.timedelta(days=7)
    [row] = client.get(f"/summaries/weekly?date={before.isoformat()}").json["habits"]
    assert row["suggestion"] is None


def test_importing_an_export_again_brings_its_plans_to_existing_habits(client):
    make_habit(client, name="Therapy")
    export = client.get("/export").json
    export["habits"][0].update(appointment=True, **PLAN)  # the file knows better now
    response = client.post("/import", export)
    assert response.status_code == 200, response.json
    assert response.json["updated"]["habits"] == 1
    [habit] = client.get("/habits").json
    assert {k: habit[k] for k in (*PLAN, "appointment")} == {**PLAN, "appointment": True}
