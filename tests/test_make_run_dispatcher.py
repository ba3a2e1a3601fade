"""`make run` runs the whole product (issue 21): gunicorn started as `make run` starts it
(server/gunicorn_conf.py) runs the reminder dispatcher as a child, which sends a due reminder
through a real SMTP server and stops with the server on SIGTERM; ORBIT_DISPATCHER=off runs none;
a dispatcher that dies is started again, and one whose server was killed stops by itself. The
server says where to open it and whether mail and push are ready."""
import datetime
import os
import re
import time
from pathlib import Path

import pytest

from server import create_app
from server.db import database, init_db
from server.models import DispatcherHeartbeat, Reminder

from .conftest import ApiClient
from .servers import Gunicorn


@pytest.fixture
def due_reminder(tmp_path):
    """A SQLite database in tmp_path with one user whose email reflection reminder fired a
    minute ago (by the machine's clock: the server processes run on it): its URL."""
    url = f"sqlite:///{tmp_path}/orbit.db"
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    with app.app_context():
        init_db()
    client = ApiClient(app).register(email="runner@example.org")
    assert client.post("/reminders", {"target": "reflection", "time": "08:00",
                                      "channels": ["email"]}).status_code == 201
    fire = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=1)
    with app.app_context():
        Reminder.update(next_fire_at=fire.replace(tzinfo=None)).execute()
    database.close_all()  # the server's processes take the database from here
    return url


def alive(pid):
    """True while a process with this id exists (a zombie has been reaped by its parent)."""
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text()


def dispatchers_of(master):
    """The ids of the master's child processes that run `flask ... reminders run`."""
    children = set()
    for task in Path(f"/proc/{master}/task").iterdir():
        children.update(int(pid) for pid in (task / "children").read_text().split())
    return [pid for pid in children
            if b"reminders\x00run" in Path(f"/proc/{pid}/cmdline").read_bytes()]


def heartbeats(url):
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    with app.app_context(), database.connection_context():
        count = DispatcherHeartbeat.select().count()
    database.close_all()
    return count


def test_make_run_sends_a_due_reminder_and_stops_with_the_server(due_reminder, smtp, tmp_path):
    inbox, smtp_url = smtp
    server = Gunicorn(due_reminder, tmp_path / "gunicorn.log", workers=1, threads=2,
                      ORBIT_SMTP_URL=smtp_url, ORBIT_MAIL_FROM="orbit@example.org",
                      ORBIT_DISPATCHER="on").start()
    try:
        deadline = time.monotonic() + 30
        while not inbox.messages:
            assert time.monotonic() < deadline, f"no reminder arrived:\n{server.log()}"
            time.sleep(0.2)
        [message] = inbox.messages
        assert message["To"] == "runner@example.org"
        assert message["Subject"] == "How was today?"
        log = server.log()
        assert f"Orbit is ready: open http://127.0.0.1:{server.port}/" in log
        assert re.search(r"Mail: +ready", log) and re.search(r"Web Push: +ready", log)
        [pid] = dispatchers_of(server.process.pid)
        assert alive(pid)
    finally:
        os.kill(server.process.pid, 15)  # SIGTERM to the master alone, as `make run` gets it
        server.process.wait(timeout=20)
    deadline = time.monotonic() + 5
    while alive(pid):
        assert time.monotonic() < deadline, "the dispatcher outlived the server"
        time.sleep(0.1)
    assert heartbeats(due_reminder) == 1


def test_with_the_dispatcher_off_no_dispatcher_runs(due_reminder, smtp, tmp_path):
    inbox, smtp_url = smtp
    server = Gunicorn(due_reminder, tmp_path / "gunicorn.log", workers=1, threads=2,
                      ORBIT_SMTP_URL=smtp_url, ORBIT_MAIL_FROM="orbit@example.org",
                      ORBIT_DISPATCHER="off").start()
    try:
        time.sleep(4)  # a dispatcher's first pass comes at once (and a restart within 5 s)
        log, dispatchers = server.log(), dispatchers_of(server.process.pid)
    finally:
        server.stop()
    assert dispatchers == []
    assert inbox.messages == []
    assert "ORBIT_DISPATCHER=off" in log
    assert heartbeats(due_reminder) == 0


def wait_for(condition, what, timeout=15):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_a_dead_dispatcher_is_started_again_and_none_outlives_a_killed_server(due_reminder,
                                                                             tmp_path):
    server = Gunicorn(due_reminder, tmp_path / "gunicorn.log", workers=1, threads=2,
                      ORBIT_DISPATCHER="on").start()
    try:
        wait_for(lambda: dispatchers_of(server.process.pid), "no dispatcher started")
        [first] = dispatchers_of(server.process.pid)
        os.kill(first, 9)
        wait_for(lambda: dispatchers_of(server.process.pid) not in ([], [first]),
                 f"the dispatcher was not started again:\n{server.log()}")
        [second] = dispatchers_of(server.process.pid)
    finally:
        server.kill()  # SIGKILL to the master and its workers: no chance to stop the dispatcher
    wait_for(lambda: not alive(second), "the dispatcher outlived a killed server", timeout=5)
