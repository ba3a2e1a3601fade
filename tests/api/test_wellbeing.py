"""The wellbeing check (WHO-5, issue 25) through the API: off by default, turned on in settings
with the user's own contacts, today's check scored and judged on the server (score, band, change
of 10 points), due every two weeks (and so on GET /today), never another user's, and carried by
the export and restored by importing it. Days come from tests/clock.py's today."""
import datetime

import pytest

from tests import clock

from ..conftest import ApiClient
from .helpers import error_of, field_errors

KEYS = ("cheerful", "calm", "active", "rested", "interested")
START = clock.now()


def on(app, days):
    """The app's clock `days` days after the tests' now."""
    instant = START + datetime.timedelta(days=days)
    app.config["NOW"] = lambda: instant
    return (clock.today() + datetime.timedelta(days=days)).isoformat()


def answers(*values):
    return dict(zip(KEYS, values))


@pytest.fixture
def user(app):
    on(app, 0)
    client = ApiClient(app).register()
    assert client.put("/wellbeing/settings", {"enabled": True}).status_code == 200
    return client


def test_off_by_default_and_a_check_is_refused_while_off(client):
    assert client.get("/wellbeing/settings").json == {"enabled": False, "contacts": ""}
    shown = client.get("/wellbeing").json
    assert (shown["enabled"], shown["due"], shown["latest"], shown["checks"]) == (
        False, False, None, [])
    assert client.get("/today").json["wellbeing_invite"] is False
    error_of(client.post("/wellbeing/checks", answers(5, 5, 5, 5, 5)), 409, "conflict")
    assert client.get("/wellbeing").json["checks"] == []


def test_settings_keep_what_is_not_given(client):
    assert client.put("/wellbeing/settings", {"contacts": "Dr. Lee, 555 0100"}).json == {
        "enabled": False, "contacts": "Dr. Lee, 555 0100"}
    assert client.put("/wellbeing/settings", {"enabled": True}).json == {
        "enabled": True, "contacts": "Dr. Lee, 555 0100"}
    assert client.get("/wellbeing/settings").json["enabled"] is True
    field_errors(client.put("/wellbeing/settings", {"contacts": "x" * 2001}), "contacts")
    field_errors(client.put("/wellbeing/settings", {"enabled": 1}), "enabled")


def test_a_check_is_scored_and_judged(user):
    created = user.post("/wellbeing/checks", answers(3, 3, 3, 2, 2))
    assert created.status_code == 201, created.json
    check = created.json
    assert (check["date"], check["answers"], check["score"]) == (clock.day(), [3, 3, 3, 2, 2], 52)
    assert (check["band"], check["low"], check["change"], check["direction"]) == (
        "good", False, None, "first")
    again = user.post("/wellbeing/checks", answers(1, 1, 1, 1, 1))  # the same day: replaced
    assert (again.status_code, again.json["score"], again.json["band"]) == (200, 20, "low")
    shown = user.get("/wellbeing").json
    assert [c["score"] for c in shown["checks"]] == [20] and shown["latest"]["low"] is True
    assert [i["key"] for i in shown["items"]] == list(KEYS)
    assert [s["value"] for s in shown["scale"]] == [5, 4, 3, 2, 1, 0]


@pytest.mark.parametrize("body, field", [
    (answers(5, 5, 5, 5), "interested"), ({**answers(5, 5, 5, 5, 5), "calm": 6}, "calm"),
    ({**answers(5, 5, 5, 5, 5), "calm": -1}, "calm"), ({**answers(5, 5, 5, 5, 5), "calm": 2.5},
                                                      "calm"),
    ({**answers(5, 5, 5, 5, 5), "mood": 3}, "mood")])
def test_bad_answers_are_refused(user, body, field):
    field_errors(user.post("/wellbeing/checks", body), field)


def test_due_every_two_weeks_with_the_trend(app, user):
    assert user.get("/wellbeing").json["due"] is True
    assert user.get("/today").json["wellbeing_invite"] is True
    first = on(app, -28)
    user.post("/wellbeing/checks", answers(2, 2, 2, 2, 2))  # 40
    assert user.get("/today").json["wellbeing_invite"] is False
    on(app, -15)
    assert user.get("/wellbeing").json["due"] is False  # 13 days later
    second = on(app, -14)
    shown = user.get("/wellbeing").json
    assert (shown["due"], shown["next_due"]) == (True, second)
    check = user.post("/wellbeing/checks", answers(3, 3, 2, 2, 2)).json  # 48: steady
    assert (check["change"], check["direction"]) == (8, "steady")
    third = on(app, 0)
    check = user.post("/wellbeing/checks", answers(4, 3, 3, 3, 2)).json  # 60: up 12
    assert (check["change"], check["direction"], check["band"]) == (12, "up", "good")
    shown = user.get("/wellbeing").json
    assert [(c["date"], c["score"]) for c in shown["checks"]] == [
        (first, 40), (second, 48), (third, 60)]
    assert shown["due"] is False and shown["next_due"] == on(app, 14)
    assert user.delete(f"/wellbeing/checks/{second}").status_code == 204
    assert [c["score"] for c in user.get("/wellbeing").json["checks"]] == [40, 60]


def test_the_invitation_set_aside_comes_back_a_week_later(app, user):
    assert user.get("/today").json["wellbeing_invite"] is True
    assert user.post("/wellbeing/set-aside").json["due"] is True
    assert user.get("/today").json["wellbeing_invite"] is False
    on(app, 6)
    assert user.get("/today").json["wellbeing_invite"] is False
    on(app, 7)
    assert user.get("/today").json["wellbeing_invite"] is True
    assert user.get(f"/today?date={clock.day(6)}").json["wellbeing_invite"] is False  # not today


def test_history_is_oldest_first(app, user):
    from server.db import database
    from server.models import User
    from server.store.wellbeing import history
    first = on(app, -20)
    user.post("/wellbeing/checks", answers(5, 5, 5, 5, 5))
    second = on(app, 0)
    user.post("/wellbeing/checks", answers(0, 1, 0, 1, 0))
    with app.app_context(), database.connection_context():
        found = history(User.get_by_id(user.user["id"]))
    assert [(d.isoformat(), s) for d, s in found] == [(first, 100), (second, 8)]


def test_another_users_checks_are_never_seen(app, user):
    user.put("/wellbeing/settings", {"contacts": "My sister Ana"})
    user.post("/wellbeing/checks", answers(1, 1, 1, 1, 1))
    other = ApiClient(app).register()
    other.put("/wellbeing/settings", {"enabled": True})
    shown = other.get("/wellbeing").json
    assert (shown["checks"], shown["latest"], shown["contacts"]) == ([], None, "")
    assert other.delete(f"/wellbeing/checks/{clock.day()}").status_code == 204
    assert "Ana" not in other.get("/export").data.decode()
    assert [c["score"] for c in user.get("/wellbeing").json["checks"]] == [20]


def test_the_export_carries_it_and_an_import_restores_it(app, user):
    user.put("/wellbeing/settings", {"contacts": "=Dr. Lee, Tuesdays"})
    on(app, -14)
    user.post("/wellbeing/checks", answers(2, 3, 1, 0, 4))
    on(app, 0)
    user.post("/wellbeing/checks", answers(5, 4, 3, 2, 1))
    export = user.get("/export").json
    assert export["wellbeing"] == {"enabled": True, "contacts": "=Dr. Lee, Tuesdays"}
    assert [[c[k] for k in KEYS] for c in export["wellbeing_checks"]] == [
        [2, 3, 1, 0, 4], [5, 4, 3, 2, 1]]
    import io
    import zipfile
    archive = zipfile.ZipFile(io.BytesIO(user.get("/export?format=csv").data))
    assert "5,4,3,2,1" in archive.read("wellbeing_checks.csv").decode("utf-8-sig")
    other = ApiClient(app).register()
    report = other.post("/import", export)
    assert report.status_code == 200, report.json
    assert report.json["created"]["wellbeing_checks"] == 2
    shown = other.get("/wellbeing").json
    assert (shown["enabled"], shown["contacts"]) == (True, "=Dr. Lee, Tuesdays")
    assert [c["score"] for c in shown["checks"]] == [40, 60]
    again = other.post("/import", export).json
    assert (again["created"]["wellbeing_checks"], again["updated"]["wellbeing_checks"]) == (0, 0)
