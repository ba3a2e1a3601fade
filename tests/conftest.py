"""Fixtures: a fresh database per test (a SQLite file, or PostgreSQL when TEST_DATABASE_URL is
set: every API test then runs on both), the app, and signed-in API clients."""
import contextlib
import copy
import itertools
import os
import shutil
import socket
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import pytest
from peewee import IntegrityError
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from server import create_app
from tests import clock
from server.db import database, database_from_url, init_db
from server.models import MODELS

PG_URL = os.environ.get("TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgres"] if PG_URL else [])
PASSWORD = "correct horse battery"
ADDRESSES = itertools.count(1)


# Tests that take seconds each (real servers, processes, waits): left out of `make test-fast`.
SLOW = {"test_slow_clients.py", "test_two_processes.py", "test_make_run_dispatcher.py",
        "test_serving.py", "test_durability.py", "test_dispatchers.py", "test_sqlite_queue.py",
        "test_links.py"}


def pytest_collection_modifyitems(items):
    """Mark each test by what it needs (pytest.ini): `make test-fast` runs the rest."""
    for item in items:
        path = item.path
        if "browser" in path.parts:
            item.add_marker(pytest.mark.browser)
        if path.name.startswith("test_fuzz"):
            item.add_marker(pytest.mark.fuzz)
        if path.name in SLOW:
            item.add_marker(pytest.mark.slow)
        if getattr(item, "callspec", None) and item.callspec.params.get(
                "database_url") == "postgres":
            item.add_marker(pytest.mark.postgres)


def admin_sql(sql):
    """Run one statement on the server's maintenance database, outside any transaction."""
    connection = psycopg2.connect(PG_URL)
    connection.autocommit = True
    try:
        connection.cursor().execute(sql)
    finally:
        connection.close()


@pytest.fixture(scope="session")
def pg_url():
    """A PostgreSQL database of this test run's own (orbit_test_<random>), dropped at the end."""
    name = f"orbit_test_{uuid.uuid4().hex[:12]}"
    admin_sql(f'CREATE DATABASE "{name}"')
    base, _, _ = PG_URL.rpartition("/")
    yield f"{base}/{name}"
    admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/orbit.db"
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A SQLite database migrated once a run: each test's app starts from a copy of the file."""
    path = tmp_path_factory.mktemp("template") / "orbit.db"
    app = create_app({"DATABASE_URL": f"sqlite:///{path}", "TESTING": True, "NOW": clock.now})
    with app.app_context():
        init_db()
    database.close_all()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def built_apps():
    """One app a backend for the run, with the configuration it was built with: building one
    compiles every URL rule (66 ms here), most of an API test's setup."""
    return {}


@pytest.fixture
def app(database_url, request, built_apps):
    """The app on this test's own database, configured as create_app configures it for tests
    (what a test changes in app.config, or the app remembers in app.extensions, is undone for
    the next). A test that adds routes or
    hooks builds its own with create_app."""
    backend = "postgres" if database_url.startswith("postgres") else "sqlite"
    if backend == "sqlite":
        path = database_url.removeprefix("sqlite:///")
        if not os.path.exists(path):
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
    if backend not in built_apps:
        built = create_app({"DATABASE_URL": database_url, "TESTING": True, "NOW": clock.now})
        built_apps[backend] = built, copy.deepcopy(dict(built.config)), dict(built.extensions)
    app, config, extensions = built_apps[backend]
    app.config.clear()
    app.config.update(copy.deepcopy(config), DATABASE_URL=database_url)
    app.extensions.clear()  # and what the app remembered as it served (links: addresses seen)
    app.extensions.update(extensions)
    database.initialize(database_from_url(database_url, app.config["PG_PREPARE"]))
    with app.app_context():
        init_db()  # nothing left to apply: a few queries
        if backend == "postgres":
            emptied()
    yield app
    database.close_all()


def emptied():
    """Empty every table of the run's PostgreSQL database and restart its ids. DELETE, newest
    models first (they refer to older ones): a few milliseconds where TRUNCATE took 0.8 s."""
    try:
        with database.atomic():
            for model in reversed(MODELS):
                database.execute_sql(f'DELETE FROM "{model._meta.table_name}"')
    except IntegrityError:  # a model listed before one it refers to: slower, but right
        tables = ", ".join(f'"{m._meta.table_name}"' for m in MODELS)
        database.execute_sql(f"TRUNCATE {tables} CASCADE")
    sequences = database.execute_sql("SELECT sequence_name FROM information_schema.sequences "
                                     "WHERE sequence_schema = current_schema()").fetchall()
    database.execute_sql("; ".join(f'ALTER SEQUENCE "{name}" RESTART' for name, in sequences))


class ApiClient:
    """A test client that speaks JSON to /api/v1 and sends its CSRF token like the web app."""

    def __init__(self, app):
        self.http = app.test_client()
        self.csrf = None
        self.token = None
        self.user = None

    def call(self, method, path, json=None, headers=None, **kwargs):
        headers = dict(headers or {})
        if self.csrf and method != "GET":
            headers.setdefault("X-CSRF-Token", self.csrf)
        if self.token:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        url = path if path.startswith("/api/") or path.startswith("/healthz") else f"/api/v1{path}"
        return self.http.open(url, method=method, json=json, headers=headers, **kwargs)

    def get(self, path, **kw):
        return self.call("GET", path, **kw)

    def post(self, path, json=None, **kw):
        return self.call("POST", path, json, **kw)

    def put(self, path, json=None, **kw):
        return self.call("PUT", path, json, **kw)

    def patch(self, path, json=None, **kw):
        return self.call("PATCH", path, json, **kw)

    def delete(self, path, json=None, **kw):
        return self.call("DELETE", path, json, **kw)

    def register(self, email=None, password=PASSWORD, timezone=clock.ZONE):
        email = email or f"{uuid.uuid4().hex[:8]}@example.org"
        # Each sign-up from an address of its own: the sign-up throttle counts per address.
        n = next(ADDRESSES)
        address = f"10.{n // 250 % 250}.{n % 250}.1"
        response = self.post("/auth/register", {"email": email, "password": password,
                                                "timezone": timezone},
                             environ_overrides={"REMOTE_ADDR": address})
        assert response.status_code == 201, response.json
        self.csrf, self.user = response.json["csrf_token"], response.json["user"]
        return self

    def login(self, email, password=PASSWORD):
        response = self.post("/auth/login", {"email": email, "password": password})
        if response.status_code == 200:
            self.csrf, self.user = response.json["csrf_token"], response.json["user"]
        return response


@pytest.fixture
def anon(app):
    return ApiClient(app)


@pytest.fixture
def client(app):
    """A signed-in user."""
    return ApiClient(app).register()


@pytest.fixture
def other(app):
    """A second signed-in user, for isolation tests."""
    return ApiClient(app).register()


def make_habit(client, **fields):
    """Create a habit through the API and return its JSON."""
    body = {"name": "Walk"} | fields
    response = client.post("/habits", body)
    assert response.status_code == 201, response.json
    return response.json


class Inbox(Message):
    """Keeps every message the server receives."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def smtp_server():
    """A real SMTP server on 127.0.0.1: (inbox, smtp:// URL); inbox.messages fills as mail comes."""
    port = free_port()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, f"smtp://127.0.0.1:{port}"
    finally:
        controller.stop()


@pytest.fixture
def smtp():
    """A real SMTP server for one test (smtp_server)."""
    with smtp_server() as server:
        yield server


@pytest.fixture
def http_receiver():
    """An HTTP server on 127.0.0.1 keeping what is POSTed to it, (path, headers, body); a path
    ending in /gone answers 410, as a push service does for a forgotten device. Yields
    (received, "127.0.0.1:<port>")."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((self.path, dict(self.headers), body))
            self.send_response(410 if self.path.endswith("/gone") else 201)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield received, f"127.0.0.1:{server.server_port}"
    server.shutdown()
