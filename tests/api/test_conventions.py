"""What every endpoint shares (RULES.md "API rules beyond the shapes", ARCHITECTURE.md "Errors:
one envelope, with codes"): the error envelope, body limits, the health check and the OpenAPI
document."""
import json
import re

import pytest

from server import create_app

from ..conftest import make_habit
from .helpers import day, error_of, field_errors

MIB = 1024 * 1024


@pytest.mark.parametrize("path", ["/api/v1/nothing-here", "/api/v1/habits/1/nothing",
                                  "/api/v2/habits", "/nothing.js"])
def test_unknown_routes_answer_404_in_the_envelope(anon, path):
    error_of(anon.http.get(path), 404, "not_found")


@pytest.mark.parametrize("method, path, allowed", [
    ("DELETE", "/habits", {"GET", "POST"}),
    ("POST", "/me", {"GET", "PATCH", "DELETE"}),
    ("GET", "/checkins/batch", {"POST"}),
    ("POST", "/reflections/2024-01-01", {"PUT", "DELETE"}),
])
def test_wrong_methods_answer_405_with_allow(client, method, path, allowed):
    response = client.call(method, path)
    error_of(response, 405, "method_not_allowed")
    assert allowed <= set(response.headers["Allow"].replace(" ", "").split(","))


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize("habit_id", ["0", "2147483648", "99999999999999999999"])
def test_ids_out_of_range_are_404_for_every_method(client, method, habit_id):
    for path in (f"/habits/{habit_id}", f"/identities/{habit_id}"):
        response = client.call(method, path, json={} if method == "PATCH" else None)
        error_of(response, 404, "not_found")
        assert "Allow" not in response.headers
    error_of(client.delete(f"/tokens/{habit_id}"), 404, "not_found")
    error_of(client.put(f"/habits/{habit_id}/checkins/2024-01-01", {}), 404, "not_found")


@pytest.mark.parametrize("query", ["/today?date=0001-01-01", "/habits/{id}/stats?date=0001-01-01",
                                   "/habits/{id}/stats?date=1969-12-31"])
def test_days_before_1970_are_422(client, query):
    habit = make_habit(client)
    error_of(client.get(query.format(id=habit["id"])), 422, "validation_error")


@pytest.mark.parametrize("query", ["/habits/{id}/calendar?from=0001-01-01&to=0001-01-05",
                                   "/habits/{id}/strength?to=0001-01-05",
                                   "/reflections?from=0001-01-01&to=0001-01-02"])
def test_ranges_before_1970_are_empty(client, query):
    habit = make_habit(client)
    response = client.get(query.format(id=habit["id"]))
    assert response.status_code == 200, response.json
    assert all(day.get("state", "before_start") == "before_start" for day in response.json)


def test_the_front_end_is_still_served_from_the_root(anon):
    # web/ is served by a catch-all that must keep away from /api/ (the 405s above).
    assert anon.http.get("/").content_type.startswith("text/html")
    assert anon.http.get("/app.js").status_code == 200


@pytest.mark.parametrize("body", [b"{", b'{"name": "Walk",}', b"nonsense"])
def test_malformed_json_is_400(client, body):
    response = client.post("/habits", data=body, content_type="application/json")
    error_of(response, 400, "bad_request")


@pytest.mark.parametrize("body", ["[]", '"Walk"', "3", "null"])
def test_a_body_that_is_not_an_object_is_400(client, body):
    response = client.post("/habits", data=body, content_type="application/json")
    error_of(response, 400, "bad_request")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_json_is_415(client, content_type):
    response = client.post("/habits", data="name=Walk", content_type=content_type)
    error_of(response, 415, "unsupported_media_type")
    assert client.get("/habits").json == []


def padded(document, size):
    """`document` as JSON text padded with spaces to exactly `size` bytes (still valid JSON)."""
    text = json.dumps(document)
    return text + " " * (size - len(text))


def test_bodies_up_to_one_mebibyte_are_taken_and_larger_is_413(client):
    accepted = client.post("/habits", data=padded({"name": "Walk"}, MIB),
                           content_type="application/json")
    assert accepted.status_code == 201, accepted.json
    refused = client.post("/habits", data=padded({"name": "Run"}, MIB + 1),
                          content_type="application/json")
    error_of(refused, 413, "too_large")
    assert [h["name"] for h in client.get("/habits").json] == ["Walk"]


def test_the_batch_takes_bodies_up_to_four_mebibytes(client):
    habit = make_habit(client)
    items = {"items": [{"op": "put", "habit_id": habit["id"], "date": day()}]}
    response = client.post("/checkins/batch", data=padded(items, 4 * MIB),
                           content_type="application/json")
    assert response.status_code == 200, response.json
    assert response.json["results"][0]["ok"] is True
    response = client.post("/checkins/batch", data=padded(items, 4 * MIB + 1),
                           content_type="application/json")
    error_of(response, 413, "too_large")


@pytest.mark.parametrize("method, path, body, unknown", [
    ("POST", "/habits", {"name": "Walk"}, "colour"),
    ("PATCH", "/habits/{habit}", {}, "id"),
    ("POST", "/identities", {"statement": "I move"}, "votes_total"),
    ("PUT", "/habits/{habit}/checkins/{today}", {}, "done"),
    ("POST", "/checkins/batch", {"items": []}, "atomic"),
    ("PUT", "/reflections/{today}", {"mood": 3}, "energy"),
    ("PATCH", "/me", {}, "email"),
    ("POST", "/tokens", {"name": "Phone"}, "expires_at"),
    ("POST", "/me/password", {"current_password": "x" * 8, "new_password": "y" * 8}, "also"),
])
def test_unknown_fields_are_422(client, method, path, body, unknown):
    habit = make_habit(client)
    path = path.format(habit=habit["id"], today=day())
    response = client.call(method, path, body | {unknown: 1})
    assert field_errors(response, unknown) == ["Unknown field."]


@pytest.mark.parametrize("method, path, body, field", [
    ("POST", "/habits", {"name": "Walk\x00"}, "name"),
    ("POST", "/habits", {"name": "Walk", "description": "\x00"}, "description"),
    ("POST", "/habits", {"name": "Walk", "unit": "km\x00"}, "unit"),
    ("POST", "/identities", {"statement": "I\x00move"}, "statement"),
    ("PUT", "/habits/{habit}/checkins/{today}", {"note": "\x00"}, "note"),
    ("PUT", "/reflections/{today}", {"mood": 3, "note": "calm\x00"}, "note"),
    ("POST", "/tokens", {"name": "Phone\x00"}, "name"),
    ("POST", "/auth/login", {"email": "a\x00@example.org", "password": "whatever"}, "email"),
])
def test_nul_characters_are_422(client, method, path, body, field):
    # PostgreSQL cannot store them: they must not get as far as the database (a 500).
    habit = make_habit(client)
    field_errors(client.call(method, path.format(habit=habit["id"], today=day()), body), field)
    assert client.get(f"/habits/{habit['id']}/checkins").json == []


@pytest.mark.parametrize("path, body", [
    ("/auth/register", {"email": "a@example.org", "password": "x" * 8, "name": "Ann"}),
    ("/auth/login", {"email": "a@example.org", "password": "x" * 8, "remember": True}),
])
def test_unknown_fields_are_422_when_signed_out_too(anon, path, body):
    assert field_errors(anon.post(path, body), list(body)[-1]) == ["Unknown field."]


def test_healthz_answers_ok_when_the_database_answers(anon):
    response = anon.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_healthz_answers_503_when_the_database_does_not():
    # Nothing listens on port 1: every connection is refused at once. No SECRET_KEY either: the
    # key would come from the database, as in a fresh process without ORBIT_SECRET_KEY.
    app = create_app({"DATABASE_URL": "postgresql://orbit@127.0.0.1:1/orbit", "TESTING": True})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable"}


def test_an_unexpected_failure_is_500_without_details(database_url):
    def explode():
        raise RuntimeError("SELECT password_hash FROM user -- secret-key-123")

    app = create_app({"DATABASE_URL": database_url, "TESTING": True})  # a route of its own
    app.add_url_rule("/api/v1/explode", "explode", explode)
    response = app.test_client().get("/api/v1/explode")
    error_of(response, 500, "internal_error")
    text = response.get_data(as_text=True)
    assert "secret-key-123" not in text and "SELECT" not in text and "Traceback" not in text


SECTION_ENDPOINTS = {
    "/auth/register": {"post"}, "/auth/login": {"post"}, "/auth/logout": {"post"},
    "/auth/csrf": {"get"}, "/me": {"get", "patch", "delete"}, "/me/password": {"post"},
    "/tokens": {"get", "post"}, "/tokens/{}": {"delete"},
    "/identities": {"get", "post"}, "/identities/{}": {"get", "patch", "delete"},
    "/habits": {"get", "post"}, "/habits/{}": {"get", "patch", "delete"},
    "/habits/{}/checkins": {"get"}, "/habits/{}/checkins/{}": {"put", "delete"},
    "/checkins/batch": {"post"},
    "/reflections": {"get"}, "/reflections/{}": {"put", "delete"},
}


def refs_in(node):
    """Every $ref string anywhere in a JSON document."""
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [r for v in node.values() for r in refs_in(v)]
    if isinstance(node, list):
        return [r for v in node for r in refs_in(v)]
    return []


def test_openapi_describes_every_endpoint_of_the_core_sections(anon):
    response = anon.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] and spec["info"]["version"]
    assert [server["url"] for server in spec["servers"]] == ["/api/v1"]  # where the paths are
    described = {re.sub(r"\{\w+\}", "{}", path): {m for m in ops if m != "parameters"}
                 for path, ops in spec["paths"].items()}
    for path, methods in SECTION_ENDPOINTS.items():
        assert methods <= described.get(path, set()), path
    assert {"Habit", "Identity", "Checkin", "Register"} <= {
        name.removesuffix("In").removesuffix("Out") for name in spec["components"]["schemas"]}


def test_openapi_is_consistent(anon):
    spec = anon.get("/api/v1/openapi.json").json
    for path, operations in spec["paths"].items():
        names = set(re.findall(r"\{(\w+)\}", path))
        for method, op in operations.items():
            assert op["responses"], (path, method)
            declared = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert declared == names, (path, method)
    for ref in refs_in(spec):
        section, name = re.fullmatch(r"#/components/(\w+)/(\w+)", ref).groups()
        assert name in spec["components"][section], ref


def test_openapi_tells_the_truth_that_clients_are_generated_from(client):
    spec = client.get("/openapi.json").json
    paths, schemas = spec["paths"], spec["components"]["schemas"]
    for path in ("/habits/{habit_id}/checkins/{date}", "/reflections/{date}"):
        assert {"200", "201"} <= set(paths[path]["put"]["responses"])
    assert "content" not in paths["/habits/{habit_id}"]["delete"]["responses"]["204"]
    assert paths["/habits/{habit_id}"]["patch"]["requestBody"]["required"] is False
    assert paths["/habits/{habit_id}"]["get"]["parameters"][0]["schema"] == {
        "type": "integer", "minimum": 1, "maximum": 2**31 - 1}
    assert schemas["HabitIn"]["properties"]["color"]["pattern"] == "^#[0-9a-fA-F]{6}$"
    register = schemas["RegisterIn"]["properties"]
    assert register["email"]["format"] == "email"
    assert {"Europe/Berlin", "Pacific/Kiritimati", "UTC"} <= set(register["timezone"]["enum"])
    error = spec["components"]["responses"]["Error"]["content"]["application/json"]["schema"]
    assert error["required"] == ["error"] and error["additionalProperties"] is False
    # What the document promises is what a 204 and a created check-in answer.
    habit = make_habit(client)
    created = client.put(f"/habits/{habit['id']}/checkins/{day()}", {})
    assert created.status_code == 201
    deleted = client.delete(f"/habits/{habit['id']}")
    assert deleted.status_code == 204 and "Content-Type" not in deleted.headers


def test_security_headers_and_no_caching_of_api_answers(client):
    response = client.get("/me")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"


def test_the_app_shell_and_json_are_compressed(client):
    for response in (client.http.get("/style.css", headers={"Accept-Encoding": "br, gzip"}),
                     client.get("/openapi.json", headers={"Accept-Encoding": "br, gzip"})):
        assert response.headers.get("Content-Encoding") in ("br", "gzip")
