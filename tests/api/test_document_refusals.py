"""What the OpenAPI document says a request must be, the API refuses, and what it refuses with a
status of its own, the document names (issue 29, item 12; found by the coverage phase)."""
import pytest

from server.notify.outbound import APPRISE_SCHEMES

from ..conftest import make_habit
from .helpers import day, error_of, field_errors

NO_SCHEME = ["ntfy.sh/my-topic", "//ntfy.sh/my-topic", " ntfys://ntfy.sh/my-topic", "a"]


def test_an_apprise_url_is_documented_and_anything_else_refused(app, client):
    spec = client.get("/openapi.json").json
    url = spec["components"]["schemas"]["NotifyTargetIn"]["properties"]["url"]
    assert url["pattern"] == "^[A-Za-z][A-Za-z0-9+.-]*://[^\\u0000]*$"
    assert all(f"{scheme}://" in url["description"] for scheme in APPRISE_SCHEMES)
    refused = spec["paths"]["/notify/targets"]["post"]["responses"]["422"]
    assert refused["content"] == spec["components"]["responses"]["Error"]["content"]
    app.config["APPRISE"] = True
    for text in NO_SCHEME + ["mailto://me@example.org", "NTFYS:/ntfy.sh/my-topic"]:
        field_errors(client.post("/notify/targets", {"label": "Phone", "url": text}), "url")


def test_pauses_of_an_unknown_habit_are_a_documented_422(client, other):
    spec = client.get("/openapi.json").json
    assert "422" in spec["paths"]["/pauses"]["get"]["responses"]
    assert "422" in spec["paths"]["/pauses"]["post"]["responses"]
    theirs = make_habit(other)
    for habit_id in (theirs["id"], 999999):
        assert field_errors(client.get(f"/pauses?habit_id={habit_id}"), "habit_id")
    assert client.get(f"/pauses?habit_id={make_habit(client)['id']}").json == []


@pytest.mark.parametrize("value", [0, 1, "true", "false", None])
def test_flags_are_json_booleans_as_documented(client, value):
    habit = make_habit(client)
    for field in ("archived", "private"):
        field_errors(client.patch(f"/habits/{habit['id']}", {field: value}), field)
    reminder = {"target": "reflection", "time": "08:00"}
    for field in ("enabled", "skip_if_done"):
        field_errors(client.post("/reminders", {**reminder, field: value}), field)
    assert client.patch(f"/habits/{habit['id']}", {"private": True}).json["private"] is True
    made = client.post("/reminders", {**reminder, "enabled": False, "skip_if_done": True}).json
    assert (made["enabled"], made["skip_if_done"]) == (False, True)


@pytest.mark.parametrize("schedule", [{}, {"times": 3}, {"days": [0]}])
def test_a_schedule_without_its_type_is_422_in_a_patch_too(client, schedule):
    habit = make_habit(client)
    error = error_of(client.patch(f"/habits/{habit['id']}", {"schedule": schedule}), 422,
                     "validation_error")
    assert error["fields"] == {"schedule": {"type": ["Missing data for required field."]}}


def test_a_put_without_a_body_is_documented_as_the_empty_object_it_is_read_as(client):
    paths = client.get("/openapi.json").json["paths"]
    assert paths["/habits/{habit_id}/checkins/{date}"]["put"]["requestBody"]["required"] is False
    assert paths["/reflections/{date}"]["put"]["requestBody"]["required"] is False
    assert paths["/habits"]["post"]["requestBody"]["required"] is True  # it needs a name
    habit = make_habit(client)
    created = client.http.put(f"/api/v1/habits/{habit['id']}/checkins/{day()}",
                              headers={"X-CSRF-Token": client.csrf})
    assert created.status_code == 201 and created.json["status"] == "done"
