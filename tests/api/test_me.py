"""The account itself: GET/PATCH /me and deleting it with everything in it."""
from zoneinfo import ZoneInfo

import pytest

from server.models import (ApiToken, Checkin, Habit, HabitRule, HabitSummary, Identity,
                           LoginAttempt, Reflection, User)

from .. import clock
from ..conftest import PASSWORD, ApiClient, make_habit
from .helpers import day, error_of, field_errors, put_checkin


def test_me_describes_the_signed_in_user(client, anon):
    me = client.get("/me").json
    assert me == client.user
    assert set(me) == {"id", "email", "timezone", "week_start", "day_start", "locale", "created_at"}
    assert (me["timezone"], me["week_start"], me["day_start"]) == (clock.ZONE, "mon", "00:00")
    assert "+00:00" in me["created_at"]
    error_of(anon.get("/me"), 401, "unauthorized")


def test_patch_me_changes_time_zone_and_week_start(client):
    response = client.patch("/me", {"timezone": "America/New_York", "week_start": "sun"})
    assert response.status_code == 200, response.json
    assert (response.json["timezone"], response.json["week_start"]) == ("America/New_York", "sun")
    assert client.get("/me").json == response.json
    assert client.patch("/me", {"week_start": "mon"}).json["timezone"] == "America/New_York"


@pytest.mark.parametrize("body, field", [
    ({"timezone": "Europe/Atlantis"}, "timezone"), ({"timezone": None}, "timezone"),
    ({"week_start": "tue"}, "week_start"), ({"week_start": "Sunday"}, "week_start"),
    ({"day_start": "06:01"}, "day_start"), ({"day_start": "4:00"}, "day_start"),
    ({"day_start": "07:00"}, "day_start"), ({"day_start": "04:00\n"}, "day_start"),
])
def test_patch_me_validates(client, body, field):
    field_errors(client.patch("/me", body), field)
    assert client.get("/me").json == client.user


def rows_of(user_id, email):
    """How many rows of each table belong to the user."""
    habits = [h.id for h in Habit.select().where(Habit.user == user_id)]
    return {
        "user": User.select().where(User.id == user_id).count(),
        "token": ApiToken.select().where(ApiToken.user == user_id).count(),
        "login_attempt": LoginAttempt.select().where(LoginAttempt.email == email).count(),
        "identity": Identity.select().where(Identity.user == user_id).count(),
        "habit": len(habits),
        "rule": HabitRule.select().where(HabitRule.habit.in_(habits)).count(),
        "checkin": Checkin.select().where(Checkin.user == user_id).count(),
        "summary": HabitSummary.select().where(HabitSummary.habit.in_(habits)).count(),
        "reflection": Reflection.select().where(Reflection.user == user_id).count(),
    }


def fill_account(client):
    """One of everything for this user."""
    identity = client.post("/identities", {"statement": "I move"}).json
    habit = make_habit(client, identity_id=identity["id"])
    put_checkin(client, habit, day(-2), {"note": "park"})
    assert client.get("/today").status_code == 200  # caches the habit's state (HabitSummary)
    assert client.put(f"/reflections/{day()}", {"mood": 4}).status_code == 201
    assert client.post("/tokens", {"name": "Phone"}).status_code == 201
    ApiClient(client.http.application).login(client.user["email"], "wrong pass")


def test_deleting_the_account_removes_every_row_of_it(app, client, other):
    for user in (client, other):
        fill_account(user)
    with app.app_context():
        assert set(rows_of(client.user["id"], client.user["email"]).values()) == {1}
    response = client.delete("/me", {"password": PASSWORD})
    assert response.status_code == 204 and response.data == b""
    with app.app_context():
        assert set(rows_of(client.user["id"], client.user["email"]).values()) == {0}
        assert set(rows_of(other.user["id"], other.user["email"]).values()) == {1}
    error_of(client.get("/me"), 401, "unauthorized")
    error_of(ApiClient(app).login(client.user["email"]), 401, "unauthorized")


@pytest.mark.parametrize("body", [{"password": "wrong pass"}, {}])
def test_deleting_the_account_needs_the_password(app, client, body):
    fill_account(client)
    field_errors(client.delete("/me", body), "password")
    assert client.get("/me").status_code == 200
    with app.app_context():
        assert set(rows_of(client.user["id"], client.user["email"]).values()) == {1}


def test_a_day_that_ends_when_you_go_to_sleep(app, client):
    """RULES.md "Days and the day start": with a day start of 04:00, 02:00 on Tuesday still
    belongs to Monday; stored dates never move."""
    import datetime
    tuesday_2am = datetime.datetime(2026, 11, 3, 2, 0, tzinfo=ZoneInfo(clock.ZONE))
    app.config["NOW"] = lambda: tuesday_2am
    habit = make_habit(client, start_date="2026-10-01")
    put_checkin(client, habit, "2026-11-02")
    assert client.get("/today").json["date"] == "2026-11-03"
    assert client.patch("/me", {"day_start": "04:00"}).json["day_start"] == "04:00"
    assert client.get("/today").json["date"] == "2026-11-02"  # still Monday
    field_errors(client.put(f"/habits/{habit['id']}/checkins/2026-11-03", {}), "date")
    assert [c["date"] for c in client.get(f"/habits/{habit['id']}/checkins").json] == [
        "2026-11-02"]
    app.config["NOW"] = lambda: tuesday_2am + datetime.timedelta(hours=2)  # 04:00: Tuesday
    assert client.get("/today").json["date"] == "2026-11-03"
