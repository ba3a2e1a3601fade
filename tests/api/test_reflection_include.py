"""Issue 23: PUT /reflections/{date}?include=today answers with the day's mood as GET /today has
it, so a mood replayed offline is drawn without reading the day again; without it the answer
is unchanged (and an older replay after a deletion stays a 204)."""
import datetime

from tests import clock

from .helpers import day, error_of

KEYS = {"uuid", "date", "mood", "note", "updated_at"}


def instant(hours_ago):
    """An instant some hours before the server's now (the tests' clock)."""
    return (clock.now() - datetime.timedelta(hours=hours_ago)).isoformat()


def test_a_mood_write_answers_the_days_mood_as_today_has_it(client):
    created = client.put(f"/reflections/{day()}?include=today", {"mood": 4, "note": "calm"})
    assert created.status_code == 201, created.json
    assert set(created.json) == KEYS | {"today"}
    assert created.json["today"] == {"date": day(), "reflection": client.get(
        f"/today?date={day()}").json["reflection"]}
    assert created.json["today"]["reflection"]["mood"] == 4
    plain = client.put(f"/reflections/{day()}", {"mood": 3})
    assert (plain.status_code, set(plain.json)) == (200, KEYS)


def test_an_older_replay_answers_what_is_stored(client):
    client.put(f"/reflections/{day()}", {"mood": 5})
    older = client.put(f"/reflections/{day()}?include=today",
                       {"mood": 1, "client_time": instant(3)})
    assert older.status_code == 200 and older.json["today"]["reflection"]["mood"] == 5
    client.delete(f"/reflections/{day()}", {})
    replay = {"mood": 2, "client_time": instant(2)}
    assert client.put(f"/reflections/{day()}?include=today", replay).json == {
        "today": {"date": day(), "reflection": None}}
    assert client.put(f"/reflections/{day()}", replay).status_code == 204
    assert client.get(f"/today?date={day()}").json["reflection"] is None


def test_include_takes_only_today(client):
    error_of(client.put(f"/reflections/{day()}?include=habits", {"mood": 4}), 422,
             "validation_error")
