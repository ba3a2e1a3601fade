"""API tokens for scripts and phone shortcuts (RULES.md "API rules beyond the shapes")."""
import pytest

from server.models import ApiToken

from ..conftest import PASSWORD, ApiClient
from .helpers import error_of, field_errors


def create_token(client, name="Phone"):
    response = client.post("/tokens", {"name": name})
    assert response.status_code == 201, response.json
    return response.json


def bearer(app, token):
    """A client with the token only: no cookie, no CSRF token."""
    script = ApiClient(app)
    script.token = token
    return script


def test_a_token_is_shown_once_and_stored_as_a_hash(app, client):
    created = create_token(client)
    assert {"id", "name", "token", "created_at"} <= set(created)
    assert created["name"] == "Phone" and len(created["token"]) >= 32
    listed = client.get("/tokens").json
    assert listed == [{"id": created["id"], "name": "Phone", "scope": "full", "habit_ids": None,
                       "created_at": created["created_at"], "last_used_at": None}]
    with app.app_context():
        row = ApiToken.get_by_id(created["id"])
        assert created["token"] not in (row.token_hash, row.name)


def test_tokens_are_listed_oldest_first(client):
    ids = [create_token(client, name)["id"] for name in ("Phone", "Laptop", "Watch")]
    assert [t["id"] for t in client.get("/tokens").json] == ids


@pytest.mark.parametrize("body", [{}, {"name": ""}, {"name": "x" * 81}, {"name": 5}])
def test_a_token_needs_a_name_of_1_to_80_characters(client, body):
    field_errors(client.post("/tokens", body), "name")
    assert client.get("/tokens").json == []


def test_a_bearer_token_works_without_cookie_or_csrf(app, client):
    script = bearer(app, create_token(client)["token"])
    assert script.get("/me").json["id"] == client.user["id"]
    response = script.post("/habits", {"name": "Stretch"})
    assert response.status_code == 201, response.json
    assert [h["name"] for h in client.get("/habits").json] == ["Stretch"]
    assert client.get("/tokens").json[0]["last_used_at"] is not None


def test_a_bearer_token_next_to_a_cookie_needs_no_csrf(client):
    client.token = create_token(client)["token"]
    client.csrf = None
    assert client.post("/identities", {"statement": "I script"}).status_code == 201


@pytest.mark.parametrize("header", ["Bearer orbit_not-a-token", "Bearer ", "Basic dXNlcjpwYXNz",
                                    "orbit_not-a-token"])
def test_a_bad_authorization_header_is_401_even_with_a_valid_cookie(client, header):
    response = client.get("/me", headers={"Authorization": header})
    error_of(response, 401, "unauthorized")
    response = client.post("/identities", {"statement": "I sneak"}, headers={"Authorization": header})
    error_of(response, 401, "unauthorized")
    assert client.get("/identities").json == []


@pytest.mark.parametrize("method, path, body", [
    ("GET", "/tokens", None),
    ("POST", "/tokens", {"name": "Another"}),
    ("DELETE", "/tokens/{token}", None),
    ("POST", "/me/password", {"current_password": PASSWORD, "new_password": "a new password"}),
    ("DELETE", "/me", {"password": PASSWORD}),
    ("GET", "/auth/csrf", None),
])
def test_a_token_cannot_manage_tokens_the_password_or_the_account(app, client, method, path,
                                                                  body):
    created = create_token(client)
    script = bearer(app, created["token"])
    response = script.call(method, path.format(token=created["id"]), body)
    error_of(response, 403, "forbidden")
    assert [t["id"] for t in client.get("/tokens").json] == [created["id"]]
    assert ApiClient(app).login(client.user["email"]).status_code == 200
    assert script.get("/me").status_code == 200


def test_a_deleted_token_stops_working(app, client):
    created = create_token(client)
    script = bearer(app, created["token"])
    assert script.get("/me").status_code == 200
    response = client.delete(f"/tokens/{created['id']}")
    assert response.status_code == 204 and response.data == b""
    assert client.get("/tokens").json == []
    error_of(script.get("/me"), 401, "unauthorized")
    error_of(client.delete(f"/tokens/{created['id']}"), 404, "not_found")


def test_deleting_an_unknown_token_is_404(client):
    error_of(client.delete("/tokens/12345"), 404, "not_found")
