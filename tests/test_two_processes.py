"""Two app processes (two gunicorns, two workers each, on ports of their own) against one
PostgreSQL database behave as one app: a session or token from one works on the other, signing
out on one ends it on both, sign-in throttling counts across both, both sign with the same keys
(generated once into the database: no ORBIT_SECRET_KEY here), and two dispatcher processes
started together send each due reminder once, with links the app processes take."""
import datetime
import os
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from server import create_app
from server.db import database, init_db
from server.models import MODELS, Delivery, Reminder

from . import clock
from .conftest import PG_URL, ApiClient
from .servers import ROOT, Gunicorn

pytestmark = pytest.mark.skipif(not PG_URL, reason="needs PostgreSQL (TEST_DATABASE_URL)")
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def pg_app(pg_url):
    """The app in this process, on an empty database (no secret key or VAPID key stored yet)."""
    app = create_app({"DATABASE_URL": pg_url, "TESTING": True, "NOW": clock.now})
    with app.app_context():
        init_db()
        tables = ", ".join(f'"{m._meta.table_name}"' for m in MODELS)
        database.execute_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    database.close_all()  # the server processes take it from here
    yield app
    database.close_all()


@pytest.fixture(scope="module")
def two(pg_app, pg_url, tmp_path_factory):
    """Two gunicorns on one database, started at the same moment: (a, b)."""
    logs = tmp_path_factory.mktemp("two")
    servers = [Gunicorn(pg_url, logs / f"{name}.log", workers=2, threads=4, ORBIT_SECRET_KEY="")
               for name in "ab"]
    with ThreadPoolExecutor(len(servers)) as pool:  # a failed start raises here
        list(pool.map(Gunicorn.start, servers))
    yield servers
    for server in servers:
        server.stop()


def register(server):
    """A new user signed up through `server`: (their requests session, email, CSRF token)."""
    browser, email = requests.Session(), f"{uuid.uuid4().hex[:8]}@example.org"
    response = browser.post(f"{server.url}/api/v1/auth/register",
                            json={"email": email, "password": PASSWORD, "timezone": clock.ZONE})
    assert response.status_code == 201, (response.text, server.log())
    return browser, email, response.json()["csrf_token"]


def test_a_session_and_a_token_work_on_either_process(two):
    a, b = two
    browser, email, csrf = register(a)
    # The cookie was signed by a (the key each process read from the database): b takes it.
    assert browser.get(f"{b.url}/api/v1/me").json()["email"] == email
    habit = browser.post(f"{b.url}/api/v1/habits", json={"name": "Walk"},
                         headers={"X-CSRF-Token": csrf})
    assert habit.status_code == 201, habit.text
    assert browser.get(f"{a.url}/api/v1/habits/{habit.json()['id']}").status_code == 200
    token = browser.post(f"{a.url}/api/v1/tokens", json={"name": "Phone"},
                         headers={"X-CSRF-Token": csrf}).json()["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    assert requests.get(f"{b.url}/api/v1/habits", headers=bearer).json()[0]["name"] == "Walk"
    # Both processes push with the one VAPID key, generated once into the database.
    keys = {browser.get(f"{server.url}/api/v1/push/key").json()["public_key"] for server in two}
    assert len(keys) == 1
    # Signing out on b ends the session on a, even for a copy of the cookie kept elsewhere.
    copy = browser.cookies.get_dict()
    assert browser.post(f"{b.url}/api/v1/auth/logout",
                        headers={"X-CSRF-Token": csrf}).status_code == 204
    assert requests.get(f"{a.url}/api/v1/me", cookies=copy).status_code == 401


def test_sign_in_throttling_counts_across_processes(two):
    a, b = two
    _, email, _ = register(a)
    for attempt in range(5):  # the limit per email: a, b, a, b, a
        wrong = requests.post(f"{two[attempt % 2].url}/api/v1/auth/login",
                              json={"email": email, "password": "not the password"})
        assert wrong.status_code == 401, wrong.text
    for server in (b, a):  # the sixth is refused wherever it goes, even with the password
        refused = requests.post(f"{server.url}/api/v1/auth/login",
                                json={"email": email, "password": PASSWORD})
        assert refused.status_code == 429, refused.text
        assert refused.json()["error"]["code"] == "rate_limited"
        assert int(refused.headers["Retry-After"]) > 0


def test_two_dispatchers_send_a_due_reminder_once(pg_app, pg_url, two, smtp):
    inbox, smtp_url = smtp
    users = [ApiClient(pg_app).register(email=f"r{i}-{uuid.uuid4().hex[:6]}@example.org")
             for i in range(4)]
    tokens = [u.post("/tokens", {"name": "r"}).json["token"] for u in users]
    reminders = 0
    for index, token in enumerate(tokens):  # written through either process
        for minute in range(5):
            created = requests.post(
                f"{two[(index + minute) % 2].url}/api/v1/reminders",
                json={"target": "reflection", "time": f"08:0{minute}", "channels": ["email"]},
                headers={"Authorization": f"Bearer {token}"})
            assert created.status_code == 201, created.text
            reminders += 1
    with pg_app.app_context():
        Reminder.update(next_fire_at=(clock.now() - datetime.timedelta(minutes=2))
                        .replace(tzinfo=None)).execute()
    database.close_all()
    env = {**os.environ, "DATABASE_URL": pg_url, "ORBIT_SMTP_URL": smtp_url,
           "ORBIT_MAIL_FROM": "orbit@example.org", "ORBIT_SECRET_KEY": ""}
    now = clock.now().isoformat()
    processes = [subprocess.Popen([sys.executable, "-m", "flask", "--app", "server", "reminders",
                                   "dispatch", "--now", now], env=env, cwd=ROOT, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(2)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [p.returncode for p in processes] == [0, 0], [err[-2000:] for _, err in outputs]
    recipients = sorted(message["To"] for message in inbox.messages)
    assert recipients == sorted(u.user["email"] for u in users for _ in range(5)), outputs
    with pg_app.app_context():
        assert [d.status for d in Delivery.select()] == ["sent"] * reminders
    database.close_all()
    # The dispatcher signed its unsubscribe links with the key the app processes use.
    link = inbox.messages[0]["List-Unsubscribe"].strip("<>")
    path = link[link.index("/api/v1/"):]
    assert requests.post(f"{two[1].url}{path}").status_code == 200
    with pg_app.app_context():
        assert Reminder.select().where(~Reminder.enabled).count() == 1
    database.close_all()
