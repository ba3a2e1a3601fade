"""Habits: their fields, defaults and rules (RULES.md "Habits and their rules")."""
import re

import pytest

from server.models import Checkin, HabitRule

from ..conftest import ApiClient, make_habit
from .helpers import day, error_of, field_errors, put_checkin

KEYS = {"id", "uuid", "name", "description", "identity_id", "kind", "measure", "unit", "target",
        "schedule", "start_date", "color", "position", "archived", "archived_at", "private",
        "created_at", "rules", "plan_cue", "plan_action", "appointment", "never_miss_twice"}


def test_a_new_habit_gets_the_defaults(client):
    habit = make_habit(client)
    assert set(habit) == KEYS
    assert {k: habit[k] for k in ("name", "description", "identity_id", "kind", "measure", "unit",
                                  "target", "schedule", "start_date", "archived", "archived_at",
                                  "private")} == {
        "name": "Walk", "description": "", "identity_id": None, "kind": "build",
        "measure": "check", "unit": "", "target": None, "schedule": {"type": "daily"},
        "start_date": day(), "archived": False, "archived_at": None, "private": False}
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", habit["color"])
    assert habit["rules"] == [{"effective_from": day(), "schedule": {"type": "daily"},
                               "target": None}]
    assert client.get(f"/habits/{habit['id']}").json == habit


def test_every_field_is_taken(client):
    identity = client.post("/identities", {"statement": "I read"}).json
    fields = {"name": "Read", "description": "Why: " + "x" * 495, "identity_id": identity["id"],
              "kind": "build", "measure": "count", "unit": "pages" + "s" * 15, "target": 12.5,
              "schedule": {"type": "weekdays", "days": [0, 2, 4]}, "start_date": day(-30),
              "color": "#123abc", "position": 7, "archived": True, "private": True}
    habit = make_habit(client, **fields)
    assert {k: habit[k] for k in fields} == fields
    assert habit["archived_at"] is not None


def test_the_start_date_defaults_to_the_users_today(app):
    for tz in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        client = ApiClient(app).register(timezone=tz)
        assert make_habit(client)["start_date"] == day(tz=tz)


def test_positions_follow_on_and_habits_are_listed_by_position_then_id(client):
    first, second = make_habit(client, name="a"), make_habit(client, name="b")
    assert second["position"] > first["position"]
    for name, position in (("d", 1), ("c", 0), ("e", 1)):
        make_habit(client, name=name, position=position)
    client.patch(f"/habits/{first['id']}", {"position": 5})
    assert [h["name"] for h in client.get("/habits").json] == ["c", "d", "e", "b", "a"]


@pytest.mark.parametrize("body, field", [
    ({"name": ""}, "name"), ({"name": "x" * 81}, "name"), ({"name": None}, "name"),
    ({"description": "x" * 501}, "description"), ({"unit": "x" * 21}, "unit"),
    ({"kind": "avoid"}, "kind"), ({"measure": "hours"}, "measure"),
    ({"color": "green"}, "color"), ({"color": "#12345"}, "color"),
    ({"identity_id": 424242}, "identity_id"), ({"identity_id": "1"}, "identity_id"),
    ({"identity_id": 0}, "identity_id"),
    ({"start_date": "2024-02-30"}, "start_date"), ({"start_date": "1969-12-31"}, "start_date"),
    ({"position": -1}, "position"), ({"position": 1.5}, "position"),
    ({"archived": "maybe"}, "archived"), ({"private": "maybe"}, "private"),
    ({"schedule": "daily"}, "schedule"), ({"target": "lots"}, "target"),
])
def test_create_validates(client, body, field):
    field_errors(client.post("/habits", {"name": "Walk"} | body), field)
    assert client.get("/habits?archived=all").json == []


def test_a_name_is_required(client):
    assert field_errors(client.post("/habits", {"kind": "build"}), "name") == [
        "Missing data for required field."]


def test_a_name_of_80_characters_is_taken(client):
    assert make_habit(client, name="x" * 80)["name"] == "x" * 80


def test_an_unknown_identity_is_a_field_error(client):
    response = client.post("/habits", {"name": "Walk", "identity_id": 424242})
    assert field_errors(response, "identity_id") == ["Unknown identity."]


@pytest.mark.parametrize("kind, measure, body, target", [
    ("build", "count", {"target": 5}, 5),
    ("build", "minutes", {"target": 0.5}, 0.5),
    ("quit", "count", {}, 0),
    ("quit", "minutes", {}, 0),
    ("quit", "count", {"target": 0}, 0),
    ("quit", "minutes", {"target": 30}, 30),
    ("build", "check", {}, None),
    ("build", "check", {"target": None}, None),
    ("quit", "check", {}, None),
])
def test_targets_allowed_by_kind_and_measure(client, kind, measure, body, target):
    habit = make_habit(client, kind=kind, measure=measure, **body)
    assert habit["target"] == target
    assert habit["rules"][-1]["target"] == target


@pytest.mark.parametrize("kind, measure, body", [
    ("build", "count", {}),
    ("build", "count", {"target": None}),
    ("build", "count", {"target": 0}),
    ("build", "minutes", {"target": -5}),
    ("quit", "count", {"target": -1}),
    ("build", "check", {"target": 1}),
    ("quit", "check", {"target": 0}),
])
def test_targets_refused_by_kind_and_measure(client, kind, measure, body):
    response = client.post("/habits", {"name": "Walk", "kind": kind, "measure": measure} | body)
    field_errors(response, "target")


VALID_SCHEDULES = [
    {"type": "daily"},
    {"type": "weekdays", "days": [6]}, {"type": "weekdays", "days": [0, 2, 4]},
    {"type": "weekdays", "days": [0, 1, 2, 3, 4, 5, 6]},
    {"type": "per_week", "times": 1}, {"type": "per_week", "times": 7},
    {"type": "per_month", "times": 1}, {"type": "per_month", "times": 31},
    {"type": "every_n_days", "n": 2}, {"type": "every_n_days", "n": 365},
]


@pytest.mark.parametrize("schedule", VALID_SCHEDULES)
def test_schedules_of_every_shape(client, schedule):
    habit = make_habit(client, schedule=schedule)
    assert habit["schedule"] == schedule
    assert client.get(f"/habits/{habit['id']}").json["schedule"] == schedule


@pytest.mark.parametrize("schedule", [
    {}, {"type": "hourly"}, {"days": [1]},
    {"type": "weekdays"}, {"type": "weekdays", "days": []}, {"type": "weekdays", "days": [0, 0]},
    {"type": "weekdays", "days": [7]}, {"type": "weekdays", "days": [-1]},
    {"type": "weekdays", "days": [0, 1, 2, 3, 4, 5, 6, 0]}, {"type": "weekdays", "days": 1},
    {"type": "per_week"}, {"type": "per_week", "times": 0}, {"type": "per_week", "times": 8},
    {"type": "per_week", "times": "3"}, {"type": "per_week", "times": 2.5},
    {"type": "per_month", "times": 0}, {"type": "per_month", "times": 32},
    {"type": "every_n_days", "n": 1}, {"type": "every_n_days", "n": 366},
    {"type": "daily", "days": [1]}, {"type": "per_week", "times": 3, "n": 2},
    {"type": "weekdays", "days": [1], "times": 1}, {"type": "daily", "every": "day"},
])
def test_invalid_schedules_are_422(client, schedule):
    field_errors(client.post("/habits", {"name": "Walk", "schedule": schedule}), "schedule")
    assert client.get("/habits").json == []


@pytest.mark.parametrize("schedule", VALID_SCHEDULES[1:])
def test_quit_habits_are_only_daily(client, schedule):
    field_errors(client.post("/habits", {"name": "No doomscrolling", "kind": "quit",
                                         "schedule": schedule}), "schedule")
    habit = make_habit(client, kind="quit")
    field_errors(client.patch(f"/habits/{habit['id']}", {"schedule": schedule}), "schedule")
    build = make_habit(client, schedule=schedule)
    field_errors(client.patch(f"/habits/{build['id']}", {"kind": "quit"}), "schedule")
    assert client.get(f"/habits/{build['id']}").json == build


def test_kind_and_measure_change_until_the_first_checkin(client):
    habit = make_habit(client)
    changed = client.patch(f"/habits/{habit['id']}", {"measure": "count", "target": 3})
    assert changed.status_code == 200, changed.json
    assert (changed.json["measure"], changed.json["target"]) == ("count", 3)
    put_checkin(client, habit, day(), {"value": 3})
    for body, field in (({"kind": "quit"}, "kind"), ({"measure": "minutes"}, "measure"),
                        ({"measure": "check", "target": None}, "measure")):
        field_errors(client.patch(f"/habits/{habit['id']}", body), field)
    assert client.get(f"/habits/{habit['id']}").json == changed.json
    same = client.patch(f"/habits/{habit['id']}", {"kind": "build", "measure": "count"})
    assert same.status_code == 200


def test_the_start_date_cannot_pass_the_earliest_checkin(client):
    habit = make_habit(client, start_date=day(-10))
    put_checkin(client, habit, day(-5))
    field_errors(client.patch(f"/habits/{habit['id']}", {"start_date": day(-4)}), "start_date")
    for start in (day(-5), day(-20)):
        response = client.patch(f"/habits/{habit['id']}", {"start_date": start})
        assert response.status_code == 200 and response.json["start_date"] == start


@pytest.mark.parametrize("query, names", [
    ("", ["active"]), ("?archived=false", ["active"]), ("?archived=true", ["archived", "later"]),
    ("?archived=all", ["active", "archived", "later"]),
])
def test_archived_habits_are_listed_on_request(client, query, names):
    make_habit(client, name="active")
    make_habit(client, name="archived", archived=True)
    later = make_habit(client, name="later")
    archived = client.patch(f"/habits/{later['id']}", {"archived": True}).json
    assert archived["archived"] is True and archived["archived_at"] is not None
    assert [h["name"] for h in client.get(f"/habits{query}").json] == names


@pytest.mark.parametrize("value", ["yes", "1", "none"])
def test_the_archived_filter_is_validated(client, value):
    field_errors(client.get(f"/habits?archived={value}"), "archived")


def test_unarchiving_clears_archived_at(client):
    habit = make_habit(client, archived=True)
    response = client.patch(f"/habits/{habit['id']}", {"archived": False})
    assert (response.json["archived"], response.json["archived_at"]) == (False, None)
    assert [h["id"] for h in client.get("/habits").json] == [habit["id"]]


def test_patch_changes_only_what_it_gives(client):
    identity = client.post("/identities", {"statement": "I read"}).json
    habit = make_habit(client, description="Why", private=True)
    response = client.patch(f"/habits/{habit['id']}", {"name": "Read", "color": "#000000",
                                                       "identity_id": identity["id"]})
    assert response.status_code == 200, response.json
    assert response.json == habit | {"name": "Read", "color": "#000000",
                                     "identity_id": identity["id"]}
    response = client.patch(f"/habits/{habit['id']}", {"identity_id": None})
    assert response.json["identity_id"] is None
    assert client.patch(f"/habits/{habit['id']}", {}).json == response.json


@pytest.mark.parametrize("body, field", [
    ({"name": ""}, "name"), ({"identity_id": 424242}, "identity_id"), ({"uuid": "x"}, "uuid"),
    ({"target": 5}, "target"), ({"schedule": {"type": "per_week", "times": 9}}, "schedule"),
    ({"start_date": "tomorrow"}, "start_date"),
])
def test_patch_validates(client, body, field):
    habit = make_habit(client)
    field_errors(client.patch(f"/habits/{habit['id']}", body), field)
    assert client.get(f"/habits/{habit['id']}").json == habit


def test_a_rule_change_starts_a_new_rule_today_and_replaces_one_made_today(client):
    habit = make_habit(client, measure="minutes", target=10, start_date=day(-20))
    first = client.patch(f"/habits/{habit['id']}", {"target": 15}).json
    assert first["target"] == 15
    assert len(first["rules"]) == 2
    assert first["rules"][0]["effective_from"] < day() and first["rules"][0]["target"] == 10
    assert first["rules"][-1] == {"effective_from": day(), "schedule": {"type": "daily"},
                                  "target": 15}
    schedule = {"type": "per_week", "times": 3}
    second = client.patch(f"/habits/{habit['id']}", {"schedule": schedule}).json
    assert second["schedule"] == schedule
    assert second["rules"] == first["rules"][:1] + [
        {"effective_from": day(), "schedule": schedule, "target": 15}]
    assert client.get(f"/habits/{habit['id']}").json["rules"] == second["rules"]


def test_a_rule_change_on_the_first_day_replaces_the_first_rule(client):
    habit = make_habit(client, measure="count", target=2)
    changed = client.patch(f"/habits/{habit['id']}", {"target": 4}).json
    assert changed["rules"] == [{"effective_from": day(), "schedule": {"type": "daily"},
                                 "target": 4}]


def test_other_changes_start_no_rule(client):
    habit = make_habit(client, measure="count", target=2, start_date=day(-3))
    changed = client.patch(f"/habits/{habit['id']}", {"name": "Push-ups", "target": 2,
                                                      "schedule": {"type": "daily"}}).json
    assert changed["rules"] == habit["rules"]


def test_delete_removes_the_habit_and_its_checkins(app, client):
    habit, kept = make_habit(client), make_habit(client, name="Kept")
    for offset in (-2, -1, 0):
        put_checkin(client, habit, day(offset))
    put_checkin(client, kept, day())
    response = client.delete(f"/habits/{habit['id']}")
    assert response.status_code == 204 and response.data == b""
    error_of(client.get(f"/habits/{habit['id']}"), 404, "not_found")
    assert [h["id"] for h in client.get("/habits?archived=all").json] == [kept["id"]]
    with app.app_context():
        assert Checkin.select().where(Checkin.habit == habit["id"]).count() == 0
        assert HabitRule.select().where(HabitRule.habit == habit["id"]).count() == 0
        assert Checkin.select().where(Checkin.habit == kept["id"]).count() == 1


@pytest.mark.parametrize("method, path", [
    ("GET", "/habits/424242"), ("PATCH", "/habits/424242"), ("DELETE", "/habits/424242"),
    ("GET", "/habits/99999999999999999999"), ("GET", "/habits/0"),
])
def test_an_unknown_habit_is_404(client, method, path):
    error_of(client.call(method, path, {"name": "x"} if method == "PATCH" else None), 404,
             "not_found")


def test_weekdays_are_kept_in_order(client):
    habit = make_habit(client, schedule={"type": "weekdays", "days": [4, 0, 2]})
    assert habit["schedule"] == {"type": "weekdays", "days": [0, 2, 4]}
