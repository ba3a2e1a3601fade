"""The "log from anywhere" recipes (issue 27), read from the documents that publish them (the
iOS Shortcut and the Android HTTP Shortcuts button from docs/shortcuts.md, Home Assistant's
sensor and rest_command from the README) and sent exactly as written: the same method, address,
headers and body, with the token made as the documents say, and the sensor's value read through
its own template (Jinja, as Home Assistant renders it). A recipe that drifts from the API fails
here."""
import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import jinja2
import pytest
import yaml

from tests import clock

from ..conftest import ApiClient, make_habit
from .helpers import error_of

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER_TOKEN = "orbit_your_token"
BASE = "https://orbit.example.org"


class HomeAssistantLoader(yaml.SafeLoader):
    """YAML as Home Assistant reads it: `!secret name` is looked up in secrets.yaml."""


HomeAssistantLoader.add_constructor("!secret", lambda loader, node: ("secret", node.value))


def recipe(document, name):
    """The YAML block that follows `<!-- recipe: name -->` in the document."""
    text = (ROOT / document).read_text(encoding="utf-8")
    found = re.search(rf"<!-- recipe: {re.escape(name)} -->\n```yaml\n(.*?)\n```", text, re.S)
    assert found, f"no recipe {name!r} in {document}"
    return yaml.load(found.group(1), Loader=HomeAssistantLoader)


def path_of(url, habit_id):
    """The documented address on this server: its path, the example habit id made real."""
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == BASE, url
    return re.sub(r"/habits/3/", f"/habits/{habit_id}/", parts.path)


def with_token(headers, token):
    """The documented headers with the real token in place of the example."""
    return {name: value.replace(PLACEHOLDER_TOKEN, token) for name, value in headers.items()}


@pytest.fixture
def walk(client):
    return make_habit(client, name="Walk")


@pytest.fixture
def shortcut_token(client, walk):
    """A token as docs/shortcuts.md makes it: Log chosen habits, the one habit."""
    response = client.post("/tokens", {"name": "Phone", "scope": "checkins",
                                       "habit_ids": [walk["id"]]})
    assert response.status_code == 201, response.json
    return response.json["token"]


def logged(client, habit):
    today = client.get("/today").json
    return next(item for item in today["habits"] if item["habit"]["id"] == habit["id"])["done"]


def test_the_ios_shortcut_logs_its_habit(app, client, walk, shortcut_token):
    shortcut = recipe("docs/shortcuts.md", "ios-shortcut")
    assert shortcut["Request Body"] == "JSON"
    today = clock.today().isoformat()  # Format Date, yyyy-MM-dd
    url = shortcut["URL"].replace("[Formatted Date]", today)
    phone = ApiClient(app).http
    for status in (201, 200):  # a second tap changes nothing
        response = phone.open(path_of(url, walk["id"]), method=shortcut["Method"],
                              headers=with_token(shortcut["Headers"], shortcut_token),
                              data=json.dumps(shortcut["JSON"]))
        assert response.status_code == status, response.json
        assert response.json["done"] is True and response.json["date"] == today
    assert logged(client, walk)


def test_the_android_shortcut_logs_its_habit(app, client, walk, shortcut_token):
    shortcut = recipe("docs/shortcuts.md", "android-http-shortcuts")
    assert shortcut["Request Body / Parameters"] == "Custom Text"
    url = shortcut["URL"].replace("{today}", clock.today().isoformat())  # Timestamp, yyyy-MM-dd
    response = ApiClient(app).http.open(
        path_of(url, walk["id"]), method=shortcut["Method"], data=shortcut["Body"],
        headers={**with_token(shortcut["Request Headers"], shortcut_token),
                 "Content-Type": shortcut["Content Type"]})
    assert response.status_code == 201, response.json
    assert logged(client, walk)


def test_a_shortcuts_token_reads_nothing_and_logs_no_other_habit(app, client, walk,
                                                                 shortcut_token):
    shortcut = recipe("docs/shortcuts.md", "ios-shortcut")
    other = make_habit(client, name="Therapy notes", private=True)
    phone = ApiClient(app).http
    headers = with_token(shortcut["Headers"], shortcut_token)
    url = shortcut["URL"].replace("[Formatted Date]", clock.today().isoformat())
    error_of(phone.open(path_of(url, other["id"]), method="PUT", headers=headers,
                        data=json.dumps(shortcut["JSON"])), 403, "forbidden")
    for path in ("/api/v1/today", "/api/v1/habits", "/api/v1/reflections", "/api/v1/export"):
        error_of(phone.get(path, headers=headers), 403, "forbidden")
    assert not logged(client, other)


def home_assistant(token):
    """configuration.yaml's Orbit part with secrets.yaml's values in place."""
    secrets = recipe("README.md", "home-assistant-secrets")
    secrets = {name: value.replace(PLACEHOLDER_TOKEN, token) for name, value in secrets.items()}

    def resolve(value):
        if isinstance(value, tuple) and value[0] == "secret":
            return secrets[value[1]]
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value

    return resolve(recipe("README.md", "home-assistant"))


def render(template, **values):
    """A template as Home Assistant renders it (Jinja; `now()` is Home Assistant's clock, set to
    the user's time zone as the README asks)."""
    def now():
        return clock.now().astimezone(ZoneInfo(clock.ZONE))
    return jinja2.Environment().from_string(template).render(now=now, **values)


def test_home_assistant_reads_what_is_left_and_logs_a_habit(app, client, walk):
    make_habit(client, name="Read")
    make_habit(client, name="No doomscrolling", kind="quit")
    token = client.post("/tokens", {"name": "Home Assistant"}).json["token"]
    config = home_assistant(token)
    [rest] = config["rest"]
    home = ApiClient(app).http

    def sensors():
        response = home.get(path_of(rest["resource"], walk["id"]), headers=rest["headers"])
        assert response.status_code == 200, response.json
        return {sensor["name"]: render(sensor["value_template"], value_json=response.json)
                for sensor in rest["sensor"]}

    assert sensors() == {"Orbit habits left today": "2", "Orbit habits done today": "1"}
    command = config["rest_command"]["orbit_log_walk"]
    response = home.open(path_of(render(command["url"]), walk["id"]),
                         method=command["method"].upper(), data=render(command["payload"]),
                         headers={**command["headers"], "Content-Type": command["content_type"]})
    assert response.status_code == 201, response.json
    assert response.json["date"] == clock.today().isoformat()
    # The quit habit was done all along (kept); now Walk is too.
    assert sensors() == {"Orbit habits left today": "1", "Orbit habits done today": "2"}


def test_home_assistants_sensor_needs_a_full_token(app, client, walk, shortcut_token):
    rest = home_assistant(shortcut_token)["rest"][0]
    response = ApiClient(app).http.get(path_of(rest["resource"], walk["id"]),
                                       headers=rest["headers"])
    error_of(response, 403, "forbidden")
