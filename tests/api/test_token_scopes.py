"""Scoped API tokens (issue 27): a token limited to logging the check-ins of chosen habits, for a
phone shortcut on a shared device. It writes and removes days of its habits and gets 403 with the
error envelope everywhere else: every other endpoint of the app (found in its url_map, not in a
list written here) and every other habit. Sessions and full tokens are unaffected."""
import re

import pytest

from server.models import Checkin

from ..conftest import ApiClient, make_habit
from .helpers import day, error_of, field_errors

CHECKIN_RULE = "/api/v1/habits/<int:habit_id>/checkins/<day:date>"


def scoped_token(client, habits, name="Shortcut"):
    """A check-ins token for these habits: its answer."""
    response = client.post("/tokens", {"name": name, "scope": "checkins",
                                       "habit_ids": [h["id"] for h in habits]})
    assert response.status_code == 201, response.json
    return response.json


def bearer(app, token):
    script = ApiClient(app)
    script.token = token
    return script


@pytest.fixture
def walk(client):
    return make_habit(client, name="Walk")


@pytest.fixture
def read(client):
    return make_habit(client, name="Read", measure="minutes", target=20)


@pytest.fixture
def shortcut(app, client, walk):
    return bearer(app, scoped_token(client, [walk])["token"])


def checkins_of(app, habit):
    with app.app_context():
        return [(c.day.isoformat(), c.status, c.value, c.note)
                for c in Checkin.select().where(Checkin.habit == habit["id"]).order_by(Checkin.day)]


def test_a_scoped_token_logs_and_removes_days_of_its_habits(app, client, walk, read, shortcut):
    both = bearer(app, scoped_token(client, [walk, read], "Both")["token"])
    created = shortcut.put(f"/habits/{walk['id']}/checkins/{day()}", {"note": "by the river"})
    assert created.status_code == 201, created.json
    assert created.json["done"] is True and created.json["note"] == "by the river"
    again = shortcut.put(f"/habits/{walk['id']}/checkins/{day()}", {})
    assert again.status_code == 200 and again.json["note"] == "by the river"
    minutes = both.put(f"/habits/{read['id']}/checkins/{day(-1)}?include=today", {"value": 25})
    assert minutes.status_code == 201, minutes.json
    assert minutes.json["today"]["habit"]["id"] == read["id"] and minutes.json["today"]["done"]
    assert checkins_of(app, read) == [(day(-1), "done", 25.0, "")]
    assert shortcut.delete(f"/habits/{walk['id']}/checkins/{day()}").status_code == 204
    assert checkins_of(app, walk) == []
    removed = both.delete(f"/habits/{read['id']}/checkins/{day(-1)}?include=today")
    assert removed.status_code == 200 and removed.json["today"]["checkin"] is None
    # The rules of a write hold as for anyone: no day after today.
    field_errors(shortcut.put(f"/habits/{walk['id']}/checkins/{day(1)}", {}), "date")


def test_a_scoped_token_cannot_log_other_habits(app, client, other, walk, read, shortcut):
    theirs = make_habit(other, name="Theirs")
    for habit in (read, theirs):
        for method in ("PUT", "DELETE"):
            response = shortcut.call(method, f"/habits/{habit['id']}/checkins/{day()}",
                                     {} if method == "PUT" else None)
            assert "own habits" in error_of(response, 403, "forbidden")["message"]
    assert checkins_of(app, read) == [] and checkins_of(app, theirs) == []
    # a batch is another endpoint, even for its own habit
    items = [{"op": "put", "habit_id": walk["id"], "date": day()}]
    error_of(shortcut.post("/checkins/batch", {"items": items}), 403, "forbidden")
    assert checkins_of(app, walk) == []


def filled(rule, habit_id):
    """A URL for a url_map rule: habit ids are the token's own habit, every other id 1, dates
    today, any other part a word."""
    def value(match):
        converter, name = match.group(1), match.group(2)
        if name == "habit_id":
            return str(habit_id)
        return {"int": "1", "day": day()}.get(converter, "x")
    return re.sub(r"<(?:(\w+):)?(\w+)>", value, rule)


def api_calls(app):
    """Every (method, rule) of the API, from the app's own url_map."""
    return sorted((method, rule.rule) for rule in app.url_map.iter_rules()
                  if rule.rule.startswith("/api/v1/")
                  for method in rule.methods - {"HEAD", "OPTIONS"})


def test_every_other_endpoint_is_403_for_a_scoped_token(app, client, walk, shortcut):
    calls = api_calls(app)
    assert len(calls) > 60  # the whole API, public endpoints included
    documented = client.get("/openapi.json").json["paths"]
    in_map = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule)[len("/api/v1"):] for _, rule in calls}
    assert set(documented) <= in_map  # so every documented path is tried below
    allowed = []
    for method, rule in calls:
        url = filled(rule, walk["id"])
        response = shortcut.call(method, url, {} if method in ("POST", "PUT", "PATCH") else None)
        if response.status_code != 403:
            allowed.append((method, rule, response.status_code))
            continue
        error_of(response, 403, "forbidden")
    assert allowed == [("DELETE", CHECKIN_RULE, 204), ("PUT", CHECKIN_RULE, 201)]
    # nothing but that day was written, and it was removed again by the DELETE tried first
    assert checkins_of(app, walk) == [(day(), "done", None, "")]
    assert client.get("/tokens").status_code == 200  # still signed in: /auth/logout was refused
    assert [h["name"] for h in client.get("/habits").json] == ["Walk"]


def test_the_same_user_signed_in_or_with_a_full_token_is_unaffected(app, client, walk, read,
                                                                    shortcut):
    full = client.post("/tokens", {"name": "Laptop"}).json
    assert full["scope"] == "full" and full["habit_ids"] is None
    script = bearer(app, full["token"])
    for caller in (client, script):
        assert caller.get("/habits").status_code == 200
        assert caller.get("/today").status_code == 200
        assert caller.put(f"/habits/{read['id']}/checkins/{day()}", {"value": 5}).status_code in (
            200, 201)
        assert caller.post("/identities", {"statement": "I walk"}).status_code == 201
    # Sent with a cookie, the scoped token still decides (as an invalid one is a 401).
    client.token = shortcut.token
    error_of(client.get("/habits"), 403, "forbidden")


def test_tokens_list_their_scope_and_habits(client, walk, read):
    created = scoped_token(client, [read, walk, read])
    assert created["scope"] == "checkins" and created["habit_ids"] == [read["id"], walk["id"]]
    assert created["token"].startswith("orbit_")
    client.post("/tokens", {"name": "Laptop"})
    listed = client.get("/tokens").json
    assert [(t["name"], t["scope"], t["habit_ids"]) for t in listed] == [
        ("Shortcut", "checkins", [read["id"], walk["id"]]), ("Laptop", "full", None)]
    assert "token" not in listed[0]
    # A deleted habit drops out of the token's list (and its id is no key: see below).
    assert client.delete(f"/habits/{read['id']}").status_code == 204
    assert client.get("/tokens").json[0]["habit_ids"] == [walk["id"]]


def test_a_habit_made_later_with_a_reused_id_is_not_the_tokens(app, client, walk):
    last = make_habit(client, name="Stretch")
    script = bearer(app, scoped_token(client, [last])["token"])
    assert client.delete(f"/habits/{last['id']}").status_code == 204
    reborn = make_habit(client, name="Therapy notes", private=True)
    # SQLite hands out the deleted id again; PostgreSQL a new one. Neither is the token's.
    if app.config["DATABASE_URL"].startswith("sqlite"):
        assert reborn["id"] == last["id"]
    response = script.put(f"/habits/{reborn['id']}/checkins/{day()}", {})
    error_of(response, 403, "forbidden")
    assert checkins_of(app, reborn) == []


@pytest.mark.parametrize("body, field", [
    ({"name": "S", "scope": "checkins"}, "habit_ids"),
    ({"name": "S", "scope": "checkins", "habit_ids": []}, "habit_ids"),
    ({"name": "S", "habit_ids": [1]}, "habit_ids"),
    ({"name": "S", "scope": "full", "habit_ids": [1]}, "habit_ids"),
    ({"name": "S", "scope": "read"}, "scope"),
    ({"name": "S", "scope": "checkins", "habit_ids": ["1"]}, "habit_ids"),
    ({"name": "S", "scope": "checkins", "habit_ids": [0]}, "habit_ids"),
    ({"name": "S", "scope": "checkins", "habit_ids": [2**31]}, "habit_ids"),
])
def test_a_scoped_token_names_habits_and_only_then(client, walk, body, field):
    field_errors(client.post("/tokens", body), field)
    assert client.get("/tokens").json == []


def test_a_scoped_token_names_only_the_callers_habits(client, other, walk):
    theirs = make_habit(other, name="Theirs")
    for ids in ([theirs["id"]], [walk["id"], theirs["id"]], [walk["id"], 999999]):
        response = client.post("/tokens", {"name": "S", "scope": "checkins", "habit_ids": ids})
        assert field_errors(response, "habit_ids") == ["Unknown habit."]
    assert client.get("/tokens").json == []


def test_scoped_tokens_go_with_a_password_change(app, client, walk, shortcut):
    assert shortcut.put(f"/habits/{walk['id']}/checkins/{day()}", {}).status_code == 201
    assert client.post("/me/password", {"current_password": "correct horse battery",
                                        "new_password": "another long one"}).status_code == 204
    error_of(shortcut.put(f"/habits/{walk['id']}/checkins/{day()}", {}), 401, "unauthorized")


def test_the_document_describes_scopes(client):
    document = client.get("/openapi.json").json
    schemas = document["components"]["schemas"]
    token_in = schemas["TokenIn"]["properties"]
    assert token_in["scope"]["enum"] == ["full", "checkins"]
    assert token_in["scope"]["default"] == "full"
    assert token_in["habit_ids"]["items"]["type"] == "integer"
    assert {"scope", "habit_ids"} <= set(schemas["TokenOut"]["properties"])
    assert schemas["TokenOut"]["properties"]["habit_ids"]["nullable"] is True
