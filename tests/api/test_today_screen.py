"""Issue 23: GET /today carries everything Today draws, judged on the server; a write answers with
the Today item it changed (?include=today); GET /bootstrap opens the app in one read."""
import datetime

from tests import clock

from ..conftest import make_habit
from .helpers import error_of

ONE_DAY = datetime.timedelta(days=1)


def item_of(body, habit):
    return next(item for item in body["habits"] if item["habit"]["id"] == habit["id"])


def test_a_past_day_is_judged_and_labelled_by_the_target_in_force_then(client):
    """Defect 1: "make it smaller" (20 -> 15 min) today; a day before the change still asks 20."""
    today = clock.today()
    earlier = today - 3 * ONE_DAY
    habit = make_habit(client, name="Paint", measure="minutes", target=20,
                       start_date=(today - 10 * ONE_DAY).isoformat())
    assert client.patch(f"/habits/{habit['id']}", {"target": 15}).status_code == 200
    past = item_of(client.get(f"/today?date={earlier}").json, habit)
    assert past["rule"] == {"target": 20, "schedule": {"type": "daily"}}
    assert past["habit"]["target"] == 15  # the habit as it is now, for API users
    assert item_of(client.get("/today").json, habit)["rule"]["target"] == 15
    # Logging 15 on that day does not make it done; 20 does. The answer says so.
    short = client.put(f"/habits/{habit['id']}/checkins/{earlier}?include=today", {"value": 15})
    assert short.status_code == 201
    assert short.json["done"] is False and short.json["today"]["done"] is False
    full = client.put(f"/habits/{habit['id']}/checkins/{earlier}?include=today", {"value": 20})
    assert full.json["today"]["done"] is True and full.json["today"]["checkin"]["value"] == 20


def test_today_carries_period_progress_strip_later_habits_and_mood(client):
    today = clock.today()
    monday = today - datetime.timedelta(days=today.weekday())
    weekly = make_habit(client, name="Gym", schedule={"type": "per_week", "times": 3},
                        start_date=(monday - 7 * ONE_DAY).isoformat())
    later = make_habit(client, name="Later", start_date=today.isoformat())
    client.put(f"/habits/{weekly['id']}/checkins/{monday}", {"status": "done"})
    client.put(f"/reflections/{today}", {"mood": 4})
    body = client.get("/today").json
    item = item_of(body, weekly)
    assert item["period"]["start"] == monday.isoformat()
    assert item["period"]["required"] == 3 and item["period"]["unit"] == "weeks"
    assert item["period"]["done"] == (1 if today >= monday else 0)
    assert item["before_start"] is False and item["rule"]["schedule"] == {"type": "per_week",
                                                                         "times": 3}
    assert body["strip"] == [(today - (6 - i) * ONE_DAY).isoformat() for i in range(7)]
    assert body["reflection"]["mood"] == 4 and body["later"] == []
    yesterday = client.get(f"/today?date={today - ONE_DAY}").json
    assert [i["habit"]["id"] for i in yesterday["later"]] == [later["id"]]
    assert yesterday["later"][0]["before_start"] is True
    assert yesterday["later"][0]["period"] is None
    back = today - 10 * ONE_DAY
    assert client.get(f"/today?date={back}").json["strip"] == [
        (back + (i - 3) * ONE_DAY).isoformat() for i in range(7)]


def test_a_skipped_day_asks_less_of_its_week(client):
    today = clock.today()
    monday = today - datetime.timedelta(days=today.weekday())
    weekly = make_habit(client, name="Gym", schedule={"type": "per_week", "times": 3},
                        start_date=(monday - 7 * ONE_DAY).isoformat())
    answer = client.put(f"/habits/{weekly['id']}/checkins/{monday}?include=today",
                        {"status": "skipped"})
    assert answer.status_code == 201
    assert answer.json["today"]["period"]["required"] == 2
    assert answer.json["status"] == "skipped"  # the check-in's own fields stay as they were


def test_a_write_answers_with_the_today_item_it_changed(client):
    today = clock.today()
    habit = make_habit(client, name="Read")
    quit_ = make_habit(client, name="No sugar", kind="quit")
    put = client.put(f"/habits/{habit['id']}/checkins/{today}?include=today", {"status": "done"})
    assert put.status_code == 201
    assert set(put.json) >= {"habit_id", "date", "status", "done", "today"}
    assert put.json["today"] == item_of(client.get("/today").json, habit)
    assert put.json["today"]["streak"] == {"current": 1, "unit": "days"}
    # Without ?include, the answer is as before.
    plain = client.put(f"/habits/{habit['id']}/checkins/{today}", {"status": "done"})
    assert plain.status_code == 200 and "today" not in plain.json
    slip = client.put(f"/habits/{quit_['id']}/checkins/{today}?include=today", {"status": "slip"})
    assert slip.json["today"]["done"] is False
    gone = client.delete(f"/habits/{habit['id']}/checkins/{today}?include=today")
    assert gone.status_code == 200
    assert gone.json["today"]["checkin"] is None and gone.json["today"]["done"] is False
    assert gone.json["today"] == item_of(client.get("/today").json, habit)
    assert client.delete(f"/habits/{quit_['id']}/checkins/{today}").status_code == 204
    error_of(client.delete(f"/habits/{habit['id']}/checkins/{today}?include=all"), 422,
             "validation_error")


def test_a_batch_replay_answers_with_each_days_item(client):
    today = clock.today()
    habit = make_habit(client, name="Read", start_date=(today - 5 * ONE_DAY).isoformat())
    items = [{"op": "put", "habit_id": habit["id"], "date": (today - ONE_DAY).isoformat()},
             {"op": "put", "habit_id": habit["id"], "date": today.isoformat()},
             {"op": "put", "habit_id": 10 ** 9, "date": today.isoformat()}]
    results = client.post("/checkins/batch?include=today", {"items": items}).json["results"]
    assert [r["ok"] for r in results] == [True, True, False]
    assert results[1]["today"]["streak"]["current"] == 2  # after the whole batch
    assert results[0]["today"]["checkin"]["date"] == (today - ONE_DAY).isoformat()
    assert "today" not in results[2]
    assert "today" not in client.post("/checkins/batch", {"items": items[:1]}).json["results"][0]


def test_bootstrap_is_me_csrf_and_today_in_one_read(app, client):
    habit = make_habit(client, name="Read")
    body = client.get("/bootstrap").json
    assert body["user"] == client.get("/me").json
    assert body["csrf_token"] == client.get("/auth/csrf").json["csrf_token"]
    assert body["today"] == client.get("/today").json
    assert item_of(body["today"], habit)["due"] is True
    token = client.post("/tokens", {"name": "Script"}).json["token"]
    scripted = app.test_client()
    answer = scripted.get("/api/v1/bootstrap", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 403  # a CSRF token belongs to a session
