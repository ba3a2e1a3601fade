"""POST /checkins/batch: many writes, each on its own, safe to replay (ARCHITECTURE.md "The
offline queue and its replay")."""
import datetime

import pytest

from .. import clock
from ..conftest import make_habit
from .helpers import day, field_errors, put_checkin

NOW = clock.now()  # the server runs on the same clock


def batch(client, *items):
    response = client.post("/checkins/batch", {"items": list(items)})
    assert response.status_code == 200, response.json
    assert len(response.json["results"]) == len(items)
    return response.json["results"]


def put(habit, date, client_time=None, **fields):
    item = {"op": "put", "habit_id": habit["id"], "date": date} | fields
    return item | ({"client_time": client_time.isoformat()} if client_time else {})


def delete(habit, date, client_time=None):
    item = {"op": "delete", "habit_id": habit["id"], "date": date}
    return item | ({"client_time": client_time.isoformat()} if client_time else {})


def stored(client, habit):
    return {c["date"]: c for c in client.get(f"/habits/{habit['id']}/checkins").json}


def test_each_item_succeeds_or_fails_alone_in_order(client):
    walk, read = make_habit(client), make_habit(client, measure="count", target=10)
    put_checkin(client, walk, day(-3))
    results = batch(client,
                    put(walk, day(-1), note="park"),
                    put(read, day(-1)),  # no value: fails
                    put(read, day(), value=12),
                    put(walk, day(1)),  # the future: fails
                    delete(walk, day(-3)),
                    put(walk, day(-2), value=1))  # a check habit takes no value: fails
    assert [r["ok"] for r in results] == [True, False, True, False, True, False]
    assert results[0]["checkin"] == stored(client, walk)[day(-1)]
    assert results[0]["checkin"]["note"] == "park"
    assert results[2]["checkin"]["done"] is True
    assert results[4]["checkin"] is None
    for failed, field in ((results[1], "value"), (results[3], "date"), (results[5], "value")):
        assert failed["error"]["code"] == "validation_error"
        assert field in failed["error"]["fields"] and failed["error"]["message"]
    assert sorted(stored(client, walk)) == [day(-1)]
    assert sorted(stored(client, read)) == [day()]


def test_an_unknown_habit_is_an_item_error(client):
    habit = make_habit(client)
    results = batch(client, put({"id": 424242}, day()), put(habit, day()))
    assert results[0] == {"ok": False, "error": {
        "code": "validation_error", "message": results[0]["error"]["message"],
        "fields": {"habit_id": ["Unknown habit."]}, "codes": {"habit_id": [{"code": "not_found"}]}}}
    assert results[1]["ok"] is True


@pytest.mark.parametrize("item, field", [
    ({"op": "upsert"}, "op"), ({"op": None}, "op"), ({"habit_id": "1"}, "habit_id"),
    ({"habit_id": 0}, "habit_id"), ({"habit_id": 2**40}, "habit_id"),
    ({"date": "2024-02-30"}, "date"), ({"date": "1969-12-31"}, "date"),
    ({"status": "great"}, "status"), ({"value": -1}, "value"), ({"note": "x" * 1001}, "note"),
    ({"client_time": "2024-05-01T10:00:00"}, "client_time"),  # no offset
    ({"client_time": "yesterday"}, "client_time"), ({"colour": "red"}, "colour"),
])
def test_items_are_validated_one_by_one(client, item, field):
    habit = make_habit(client)
    results = batch(client, put(habit, day(-1)) | item, put(habit, day()))
    assert results[0]["ok"] is False and field in results[0]["error"]["fields"]
    assert results[1]["ok"] is True
    assert sorted(stored(client, habit)) == [day()]


@pytest.mark.parametrize("item", ["put", 3, None, []])
def test_an_item_that_is_not_an_object_is_an_item_error(client, item):
    habit = make_habit(client)
    results = batch(client, item, put(habit, day()))
    assert results[0]["ok"] is False and results[0]["error"]["code"] == "validation_error"
    assert results[1]["ok"] is True


def test_a_batch_has_at_most_500_items(client):
    habit = make_habit(client, start_date=day(-600))
    items = [put(habit, day(-n)) for n in range(500)]
    assert all(r["ok"] for r in batch(client, *items))
    response = client.post("/checkins/batch", {"items": items + [put(habit, day(-500))]})
    field_errors(response, "items")
    assert day(-500) not in stored(client, habit)


@pytest.mark.parametrize("body", [{}, {"items": {}}, {"items": "all"}, {"items": None}])
def test_the_batch_body_is_validated(client, body):
    field_errors(client.post("/checkins/batch", body), "items")


def test_an_empty_batch_is_fine(client):
    assert batch(client) == []


def test_an_older_replay_changes_nothing_and_answers_the_stored_checkin(client):
    habit = make_habit(client)
    hour = datetime.timedelta(hours=1)
    [first] = batch(client, put(habit, day(), NOW - hour, note="newer"))
    [replay] = batch(client, put(habit, day(), NOW - 2 * hour, status="skipped", note="older"))
    assert replay == {"ok": True, "checkin": first["checkin"]}
    assert stored(client, habit)[day()] == first["checkin"]
    [newer] = batch(client, put(habit, day(), NOW, note="newest"))
    assert newer["checkin"]["note"] == "newest"
    assert stored(client, habit)[day()]["note"] == "newest"


def test_client_times_in_other_offsets_are_compared_as_instants(client):
    habit = make_habit(client)
    batch(client, put(habit, day(), NOW - datetime.timedelta(minutes=30), note="first"))
    tokyo = datetime.timezone(datetime.timedelta(hours=9))
    [older] = batch(client, put(habit, day(), (NOW - datetime.timedelta(hours=1)).astimezone(tokyo),
                                note="late replay"))
    assert older["checkin"]["note"] == "first"
    [newer] = batch(client, put(habit, day(), NOW.astimezone(tokyo), note="second"))
    assert newer["checkin"]["note"] == "second"


def test_a_replay_older_than_a_direct_put_changes_nothing(client):
    habit = make_habit(client)
    put_checkin(client, habit, day(), {"note": "typed just now"})
    [replay] = batch(client, put(habit, day(), NOW - datetime.timedelta(hours=1),
                                 note="queued offline"))
    assert replay["ok"] is True and replay["checkin"]["note"] == "typed just now"


def test_an_older_delete_keeps_the_checkin_and_a_newer_one_removes_it(client):
    habit = make_habit(client)
    [written] = batch(client, put(habit, day(), NOW - datetime.timedelta(minutes=5)))
    [old] = batch(client, delete(habit, day(), NOW - datetime.timedelta(minutes=10)))
    assert old == {"ok": True, "checkin": written["checkin"]}
    [new] = batch(client, delete(habit, day(), NOW))
    assert new == {"ok": True, "checkin": None}
    assert stored(client, habit) == {}


def test_a_replayed_older_put_after_a_newer_delete_changes_nothing(client):
    """Deletes leave a tombstone: last writer wins, deletes included."""
    habit = make_habit(client)
    hour = datetime.timedelta(hours=1)
    batch(client, put(habit, day(-1), NOW - 3 * hour, note="first"))
    batch(client, delete(habit, day(-1), NOW - hour))
    [older] = batch(client, put(habit, day(-1), NOW - 2 * hour, note="from the other phone"))
    assert older == {"ok": True, "checkin": None}
    assert stored(client, habit) == {}
    [newer] = batch(client, put(habit, day(-1), NOW - hour / 2, note="again"))
    assert newer["checkin"]["note"] == "again" and day(-1) in stored(client, habit)


def test_an_online_delete_also_beats_an_older_replay(client):
    habit = make_habit(client)
    put_checkin(client, habit, day())
    assert client.delete(f"/habits/{habit['id']}/checkins/{day()}").status_code == 204
    [replay] = batch(client, put(habit, day(), NOW - datetime.timedelta(minutes=5)))
    assert replay["checkin"] is None and stored(client, habit) == {}
    put_checkin(client, habit, day())  # a write without client_time is the user's, now
    assert day() in stored(client, habit)


def test_reflections_follow_the_same_rule(client):
    hour = datetime.timedelta(hours=1)
    path = f"/reflections/{day(-1)}"
    assert client.put(path, {"mood": 2, "client_time": (NOW - 3 * hour).isoformat()}
                      ).status_code == 201
    assert client.delete(path, {"client_time": (NOW - hour).isoformat()}).status_code == 204
    older = client.put(path, {"mood": 5, "client_time": (NOW - 2 * hour).isoformat()})
    assert older.status_code == 204 and client.get(f"/reflections?from={day(-1)}").json == []
    newer = client.put(path, {"mood": 4, "client_time": (NOW - hour / 2).isoformat()})
    assert newer.status_code == 201
    stale = client.put(path, {"mood": 1, "client_time": (NOW - hour).isoformat()})
    assert stale.status_code == 200 and stale.json["mood"] == 4
    assert client.delete(path, {"client_time": (NOW - 2 * hour).isoformat()}).status_code == 204
    assert [r["mood"] for r in client.get(f"/reflections?from={day(-1)}").json] == [4]
