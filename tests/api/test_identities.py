"""Identities: who the user is becoming (RULES.md "Identities and votes")."""
import re

import pytest

from ..conftest import make_habit
from .helpers import error_of, field_errors

KEYS = {"id", "uuid", "statement", "color", "position", "created_at", "votes_total",
        "votes_this_week"}


def create_identity(client, **fields):
    response = client.post("/identities", {"statement": "I move my body"} | fields)
    assert response.status_code == 201, response.json
    return response.json


def test_create_and_read_an_identity(client):
    identity = create_identity(client, color="#1A2b3c")
    assert set(identity) == KEYS
    assert identity["statement"] == "I move my body" and identity["color"] == "#1A2b3c"
    assert (identity["votes_total"], identity["votes_this_week"]) == (0, 0)
    assert client.get(f"/identities/{identity['id']}").json == identity
    assert client.get("/identities").json == [identity]


def test_an_identity_gets_a_colour_and_the_next_position(client):
    first, second = create_identity(client), create_identity(client, statement="I make art")
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", first["color"])
    assert second["position"] > first["position"]
    assert first["uuid"] != second["uuid"]


def test_identities_are_listed_by_position_then_id(client):
    for statement, position in (("c", 2), ("a", 1), ("b", 1), ("d", 0)):
        create_identity(client, statement=statement, position=position)
    assert [i["statement"] for i in client.get("/identities").json] == ["d", "a", "b", "c"]


@pytest.mark.parametrize("body, field", [
    ({}, "statement"), ({"statement": ""}, "statement"), ({"statement": "x" * 141}, "statement"),
    ({"statement": None}, "statement"),
    ({"statement": "I", "color": "red"}, "color"), ({"statement": "I", "color": "#12345"}, "color"),
    ({"statement": "I", "color": "#1234567"}, "color"),
    ({"statement": "I", "color": "#12345g"}, "color"),
    ({"statement": "I", "color": "123456"}, "color"),
    ({"statement": "I", "position": -1}, "position"),
    ({"statement": "I", "position": "1"}, "position"),
])
def test_create_validates(client, body, field):
    field_errors(client.post("/identities", body), field)
    assert client.get("/identities").json == []


def test_a_statement_of_140_characters_is_taken(client):
    assert create_identity(client, statement="x" * 140)["statement"] == "x" * 140


def test_patch_changes_only_what_it_gives(client):
    identity = create_identity(client)
    response = client.patch(f"/identities/{identity['id']}", {"color": "#000000", "position": 9})
    assert response.status_code == 200, response.json
    assert response.json == identity | {"color": "#000000", "position": 9}
    assert client.get(f"/identities/{identity['id']}").json == response.json
    response = client.patch(f"/identities/{identity['id']}", {"statement": "I rest well"})
    assert response.json["statement"] == "I rest well" and response.json["color"] == "#000000"


def test_an_empty_patch_changes_nothing(client):
    identity = create_identity(client)
    response = client.patch(f"/identities/{identity['id']}", {})
    assert response.status_code == 200, response.json
    assert response.json == identity


@pytest.mark.parametrize("body, field", [
    ({"statement": ""}, "statement"), ({"statement": "x" * 141}, "statement"),
    ({"color": "#abc"}, "color"), ({"uuid": "x"}, "uuid"),
])
def test_patch_validates(client, body, field):
    identity = create_identity(client)
    field_errors(client.patch(f"/identities/{identity['id']}", body), field)
    assert client.get(f"/identities/{identity['id']}").json == identity


def test_delete_keeps_the_habits(client):
    identity = create_identity(client)
    habit = make_habit(client, identity_id=identity["id"])
    response = client.delete(f"/identities/{identity['id']}")
    assert response.status_code == 204 and response.data == b""
    error_of(client.get(f"/identities/{identity['id']}"), 404, "not_found")
    assert client.get("/identities").json == []
    assert client.get(f"/habits/{habit['id']}").json == habit | {"identity_id": None}


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_an_unknown_identity_is_404(client, method):
    error_of(client.call(method, "/identities/424242", {"statement": "x"} if method == "PATCH"
                         else None), 404, "not_found")
