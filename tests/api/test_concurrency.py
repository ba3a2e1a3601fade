"""Twenty clients of one user writing check-ins at once, each a thread with a connection of its
own (concurrent transactions on PostgreSQL, the write lock taken in turn on SQLite): no error,
no lost write, no duplicate, and the habit's derived start date right after the race."""
import datetime

from server.models import Checkin

from ..conftest import make_habit
from .helpers import at_once, day
from .test_races import clients_of

CLIENTS = 20
DAYS_EACH = 3


def stored_rows(app, habit):
    """The habit's check-in rows straight from the database: {day: [(value, note), ...]}."""
    with app.app_context():
        rows = {}
        for checkin in Checkin.select().where(Checkin.habit == habit["id"]):
            rows.setdefault(checkin.day.isoformat(), []).append((checkin.value, checkin.note))
        return rows


def test_twenty_clients_writing_different_days(app, client):
    # Most days lie before the habit's start: each of those writes moves the start date back.
    habit = make_habit(client, measure="count", target=1, start_date=day(-10))
    writers = clients_of(app, client, CLIENTS)
    days = {i: [day(-1 - i * DAYS_EACH - k) for k in range(DAYS_EACH)] for i in range(CLIENTS)}

    def write(i):
        return [writers[i].put(f"/habits/{habit['id']}/checkins/{date}",
                               {"value": i, "note": f"c{i}"}).status_code for date in days[i]]

    answers = at_once([lambda i=i: write(i) for i in range(CLIENTS)])
    assert answers == [[201] * DAYS_EACH] * CLIENTS
    expected = {date: [(float(i), f"c{i}")] for i, dates in days.items() for date in dates}
    assert stored_rows(app, habit) == expected
    listed = client.get(f"/habits/{habit['id']}/checkins?from={day(-70)}&to={day()}").json
    assert {c["date"]: (c["value"], c["note"]) for c in listed} == {
        date: rows[0] for date, rows in expected.items()}
    assert client.get(f"/habits/{habit['id']}").json["start_date"] == min(expected)


def test_twenty_clients_writing_the_same_day(app, client):
    habit = make_habit(client, measure="count", target=1)
    writers = clients_of(app, client, CLIENTS)
    fresh, path = day(-2), f"/habits/{habit['id']}/checkins/{{}}"
    # Twenty creations of one day at once: one creates it, the others update it.
    answers = at_once([lambda w=w, i=i: w.put(path.format(fresh), {"value": i})
                       for i, w in enumerate(writers)])
    assert sorted(a.status_code for a in answers) == [200] * (CLIENTS - 1) + [201]
    [(value, _)] = stored_rows(app, habit)[fresh]
    assert value in range(CLIENTS)
    # Partial writes at once, half the value and half the note: both fields are kept, each from
    # one of its writers (a write from a stale read would put back the value 0 or the note "").
    assert client.put(path.format(day(-1)), {"value": 0, "note": ""}).status_code == 201
    bodies = [{"value": i} if i % 2 else {"note": f"n{i}"} for i in range(1, CLIENTS + 1)]
    answers = at_once([lambda w=w, b=b: w.put(path.format(day(-1)), b)
                       for w, b in zip(writers, bodies)])
    assert [a.status_code for a in answers] == [200] * CLIENTS
    rows = stored_rows(app, habit)
    assert len(rows[day(-1)]) == 1 and len(rows) == 2
    value, note = rows[day(-1)][0]
    assert value in {b["value"] for b in bodies if "value" in b}
    assert note in {b["note"] for b in bodies if "note" in b}


def test_twenty_replays_of_puts_and_deletes_the_newest_wins(app, client):
    habit = make_habit(client, measure="count", target=1)
    writers = clients_of(app, client, CLIENTS)
    base = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    kept, deleted = day(-1), day(-2)
    # Client i acted at base + i seconds; its batch reaches the server in an unrelated order.
    # On `kept` the newest act is a put, on `deleted` a delete.
    def batch(i):
        acted = (base + datetime.timedelta(seconds=i)).isoformat()
        items = []
        for date, delete_when in ((kept, i % 3 == 0), (deleted, i % 2 == 1)):
            item = {"op": "delete" if delete_when else "put", "habit_id": habit["id"],
                    "date": date, "client_time": acted}
            items.append(item if delete_when else item | {"value": i})
        return {"items": items}

    order = sorted(range(CLIENTS), key=lambda i: (i * 7) % CLIENTS)
    answers = at_once([lambda w=w, i=i: w.post("/checkins/batch", batch(i))
                       for w, i in zip(writers, order)])
    assert all(a.status_code == 200 for a in answers)
    assert all(result["ok"] for a in answers for result in a.json["results"])
    assert stored_rows(app, habit) == {kept: [(float(CLIENTS - 1), "")]}
