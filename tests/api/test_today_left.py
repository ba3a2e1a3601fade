"""What is still to do today (issue 27, the app badge and Home Assistant): every Today item says
whether it is `left` (a build habit due, not done, not skipped, not paused) and the day counts
them (`left`), judged on the server; a write's answer carries its item's new `left`."""
import datetime

from tests import clock

from ..conftest import make_habit

ONE_DAY = datetime.timedelta(days=1)


def left_of(body):
    return {item["habit"]["name"]: item["left"] for item in body["habits"]}


def test_left_counts_the_build_habits_still_due_today(client):
    today = clock.today()
    start = (today - 14 * ONE_DAY).isoformat()
    names = ["Walk", "Read", "Paint", "Rest", "Stretch"]
    walk, read, paint, rest, stretch = (
        make_habit(client, name=name, start_date=start, **extra) for name, extra in zip(names, [
            {}, {"measure": "minutes", "target": 20}, {}, {}, {}]))
    quit_ = make_habit(client, name="No doomscrolling", kind="quit", start_date=start)
    other_day = (today.weekday() + 1) % 7
    make_habit(client, name="Not today", schedule={"type": "weekdays", "days": [other_day]},
               start_date=start)
    body = client.get("/today").json
    assert body["left"] == 5
    assert left_of(body) == {"Walk": True, "Read": True, "Paint": True, "Rest": True,
                             "Stretch": True, "No doomscrolling": False, "Not today": False}
    assert client.put(f"/habits/{walk['id']}/checkins/{today}", {}).status_code == 201
    assert client.put(f"/habits/{read['id']}/checkins/{today}", {"value": 5}).status_code == 201
    assert client.put(f"/habits/{paint['id']}/checkins/{today}",
                      {"status": "skipped"}).status_code == 201
    assert client.post("/pauses", {"habit_id": rest["id"], "start": today.isoformat()}
                       ).status_code == 201
    assert client.put(f"/habits/{quit_['id']}/checkins/{today}", {"value": 2}).status_code == 201
    body = client.get("/today").json
    # Read has 5 of 20 minutes: still to do. A slip leaves nothing to do.
    assert left_of(body) == {"Walk": False, "Read": True, "Paint": False, "Rest": False,
                             "Stretch": True, "No doomscrolling": False, "Not today": False}
    assert body["left"] == 2
    # Each write answers with its item's new `left`; the count then follows GET /today.
    done = client.put(f"/habits/{read['id']}/checkins/{today}?include=today", {"value": 20})
    assert done.json["today"]["left"] is False
    undone = client.delete(f"/habits/{walk['id']}/checkins/{today}?include=today")
    assert undone.json["today"]["left"] is True
    items = [{"op": "put", "habit_id": stretch["id"], "date": today.isoformat()},
             {"op": "put", "habit_id": walk["id"], "date": today.isoformat()}]
    batch = client.post("/checkins/batch?include=today", {"items": items}).json
    assert [r["today"]["left"] for r in batch["results"]] == [False, False]
    assert client.get("/today").json["left"] == 0
    assert client.get("/bootstrap").json["today"]["left"] == 0


def test_a_week_met_leaves_nothing_to_do(client):
    today = clock.today()
    gym = make_habit(client, name="Gym", schedule={"type": "per_week", "times": 1},
                     start_date=(today - 14 * ONE_DAY).isoformat())
    assert client.get("/today").json["left"] == 1
    monday = today - datetime.timedelta(days=today.weekday())
    assert client.put(f"/habits/{gym['id']}/checkins/{monday}", {}).status_code == 201
    assert client.get("/today").json["left"] == 0
    # A later habit (not started on an earlier day) is nothing left to do there.
    make_habit(client, name="New", start_date=today.isoformat())
    yesterday = client.get(f"/today?date={today - ONE_DAY}").json
    assert [i["left"] for i in yesterday["later"]] == [False]
