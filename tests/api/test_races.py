"""Concurrent writers on real connections (threads, each with its own pooled connection): no
acknowledged field is lost and the newest client_time wins, on SQLite and on PostgreSQL.
ORBIT_RACE_ROUNDS sets the rounds (the issue's 1,000: `ORBIT_RACE_ROUNDS=1000 pytest -k races`)."""
import datetime
import os

from ..conftest import ApiClient, make_habit
from .helpers import at_once, day

ROUNDS = int(os.environ.get("ORBIT_RACE_ROUNDS", "60"))


def clients_of(app, client, count):
    """`count` test clients signed in as `client`'s user (each its own cookie jar and thread)."""
    clients = []
    for _ in range(count):
        twin = ApiClient(app)
        assert twin.login(client.user["email"]).status_code == 200
        clients.append(twin)
    return clients


def test_concurrent_partial_puts_keep_both_fields(app, client):
    habit = make_habit(client, measure="count", target=10)
    notes, values = clients_of(app, client, 2)
    for round_ in range(ROUNDS):
        date = day(-round_)
        path = f"/habits/{habit['id']}/checkins/{date}"
        assert client.put(path, {"value": 1}).status_code == 201
        answers = at_once([lambda: notes.put(path, {"note": f"n{round_}"}),
                           lambda: values.put(path, {"value": 5})])
        assert [a.status_code for a in answers] == [200, 200]
        stored = client.get(f"/habits/{habit['id']}/checkins?from={date}&to={date}").json[0]
        assert (stored["note"], stored["value"]) == (f"n{round_}", 5), round_


def test_the_newest_client_time_wins_among_simultaneous_replays(app, client):
    habit = make_habit(client, measure="minutes", target=10)
    writers = clients_of(app, client, 20)
    base = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    for round_ in range(max(1, ROUNDS // 4)):
        date = day(-round_)
        # Distinct client times, sent in an order unrelated to them.
        order = sorted(range(20), key=lambda i: (i * 7 + round_) % 20)
        items = [{"op": "put", "habit_id": habit["id"], "date": date, "value": i,
                  "client_time": (base + datetime.timedelta(seconds=i)).isoformat()} for i in order]
        answers = at_once([lambda w=w, item=item: w.post("/checkins/batch", {"items": [item]})
                           for w, item in zip(writers, items)])
        assert all(a.status_code == 200 and a.json["results"][0]["ok"] for a in answers)
        stored = client.get(f"/habits/{habit['id']}/checkins?from={date}&to={date}").json[0]
        assert stored["value"] == 19, round_
