"""Every acknowledged check-in survives the server's crash: gunicorn (as `make run` serves it) on
SQLite and PostgreSQL, 8 clients writing check-ins while the master and its workers are killed
with SIGKILL and started again, a few times; afterwards each check-in answered 200 or 201 is in
the database as it was sent, and nothing is there that was not sent."""
import datetime
import threading
import time

import requests

from server.db import database
from server.models import Checkin

from .conftest import make_habit
from .servers import Gunicorn

CLIENTS = 8
KILLS = 3
RUNNING = (1.6, 1.2, 2.2)  # seconds of writing before each kill: the kills land anywhere
AFTER_LAST = 1.0  # writing after the last restart, then a last kill before the count
# Days far in the past, valid on any clock: the server runs on the real one, the tests on theirs.
FIRST_DAY = datetime.date(1990, 1, 1)


class Writer(threading.Thread):
    """A client PUTting check-ins on one habit, a new day each time, until told to stop."""

    def __init__(self, url, token, habit_id, stop):
        super().__init__(daemon=True)
        self.url, self.habit_id, self.stop = url, habit_id, stop
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"
        self.sent = {}  # day -> (value, note) of every request sent, answered or not
        self.acknowledged = set()  # days answered 200/201
        self.unanswered = 0  # connection refused or cut: the outcome is unknown, both are fine
        self.refused = []  # any other answer: a defect

    def run(self):
        offset = 0
        while not self.stop.is_set() and offset < 10_000:
            day = FIRST_DAY + datetime.timedelta(days=offset)
            value, note = float(offset % 997), f"h{self.habit_id}d{offset}"
            self.sent[day] = (value, note)
            try:
                response = self.http.put(f"{self.url}/api/v1/habits/{self.habit_id}/checkins/"
                                         f"{day}", json={"value": value, "note": note}, timeout=10)
            except requests.RequestException:
                self.unanswered += 1
                self.http.close()  # a fresh connection for the next try
                time.sleep(0.05)  # the server is down: do not spin while it restarts
            else:
                if response.status_code in (200, 201):
                    self.acknowledged.add(day)
                else:
                    self.refused.append((day, response.status_code, response.text[:200]))
            offset += 1


def test_acknowledged_checkins_survive_sigkill(app, client, database_url, tmp_path):
    token = client.post("/tokens", {"name": "durability"}).json["token"]
    habits = [make_habit(client, name=f"Walk {i}", measure="count", target=1,
                         start_date=FIRST_DAY.isoformat())["id"] for i in range(CLIENTS)]
    database.close_all()  # the server's processes take the database from here
    server = Gunicorn(database_url, tmp_path / "gunicorn.log").start()
    stop = threading.Event()
    writers = [Writer(server.url, token, habit_id, stop) for habit_id in habits]
    acknowledged_before_kill = []
    try:
        for writer in writers:
            writer.start()
        for running in RUNNING[:KILLS]:
            time.sleep(running)
            server.kill()
            acknowledged_before_kill.append(sum(len(w.acknowledged) for w in writers))
            server.start()
        time.sleep(AFTER_LAST)
        stop.set()
        for writer in writers:
            writer.join(timeout=20)
        server.kill()  # the last answers too must be on disk, not in a process's memory
    finally:
        stop.set()
        server.stop()

    assert [w.refused for w in writers] == [[]] * CLIENTS, server.log()
    acknowledged = sum(len(w.acknowledged) for w in writers)
    # Writes went through between every pair of kills, and some were cut by them.
    progress = acknowledged_before_kill + [acknowledged]
    assert all(a < b for a, b in zip([0] + progress, progress)), progress
    assert sum(w.unanswered for w in writers) >= 1
    with app.app_context():
        for writer in writers:
            stored = {c.day: (c.value, c.note) for c in
                      Checkin.select().where(Checkin.habit == writer.habit_id)}
            missing = sorted(day for day in writer.acknowledged if day not in stored)
            assert not missing, f"habit {writer.habit_id} lost acknowledged days {missing[:5]}"
            assert all(writer.sent.get(day) == fields for day, fields in stored.items())
    database.close_all()
