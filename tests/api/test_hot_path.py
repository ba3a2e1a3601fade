"""The check-in PUT's hot path (#16): one write transaction with no write beyond what changes, a
token touched at most once a minute, the revision moved on exactly when the history changed,
and SQL text built once per process (server/prepared.py), on SQLite and PostgreSQL."""
import datetime
import logging

import pytest

from server.auth import touch_token
from server.db import database
from server.models import ApiToken, Checkin, Habit
from server.prepared import Prepared
from tests import clock

from ..conftest import ApiClient, admin_sql, make_habit
from .helpers import day


class Statements(logging.Handler):
    """The SQL Peewee sends while installed (it logs each as (sql, params)): `trips`, each
    query string sent, `sql`, the statements in them (a BEGIN sent with them left out, an EXECUTE
    of a prepared statement as that statement's text), and `prepares`, the PREPAREs sent in
    trips of their own the first time a connection runs a statement (server/pgdb.py)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.trips, self.prepares = [], []

    def emit(self, record):
        if isinstance(record.msg, tuple):
            sql = record.msg[0]
            (self.prepares if sql.startswith("PREPARE ") else self.trips).append(sql)

    @property
    def sql(self):
        texts = {name: sql for sql, name in getattr(database.obj, "names", {}).items()}
        return [texts[s[8:].split("(")[0]] if s.startswith("EXECUTE ") else s
                for trip in self.trips for s in trip.split("; ") if s != "BEGIN"]

    def __enter__(self):
        logger = logging.getLogger("peewee")
        self.level = logger.level
        logger.setLevel(logging.DEBUG)
        logger.addHandler(self)
        return self

    def __exit__(self, *exc):
        logger = logging.getLogger("peewee")
        logger.removeHandler(self)
        logger.setLevel(self.level)

    def writes(self):
        return [s for s in self.sql if not s.startswith("SELECT")]


def scripted(app, client):
    """A client of `client`'s user calling with an API token only (no cookie, no CSRF)."""
    script = ApiClient(app)
    script.token = client.post("/tokens", {"name": "Shortcut"}).json["token"]
    return script


def revision(app, habit_id):
    with app.app_context():
        return Habit.get_by_id(habit_id).revision


def on_postgres(app):
    return app.config["DATABASE_URL"].startswith("postgres")


def test_a_put_of_today_writes_only_the_checkin(app, client):
    script = scripted(app, client)
    habit = make_habit(client, measure="count", target=5)
    path = f"/habits/{habit['id']}/checkins/{day()}"
    assert script.put(path, {"value": 1}).status_code == 201
    with Statements() as statements:
        response = script.put(path, {"note": "kept"})
    assert response.status_code == 200 and response.json["value"] == 1
    assert [s.split(" SET")[0] for s in statements.writes()] == ['UPDATE "checkin"']
    # The caller, the row held (PostgreSQL), the habit with its rules and the day's rows, the
    # write, in 3 round trips (on PostgreSQL BEGIN, the hold and the read go together; COMMIT
    # follows).
    assert len(statements.sql) == (4 if on_postgres(app) else 3), statements.sql
    assert len(statements.trips) == 3, statements.trips


def test_a_back_fill_moves_the_revision_on_in_the_same_transaction(app, client):
    script = scripted(app, client)
    habit = make_habit(client, measure="count", target=5, start_date=day(-30))
    path = f"/habits/{habit['id']}/checkins/{day(-5)}"
    before = revision(app, habit["id"])
    assert script.put(path, {"value": 1}).status_code == 201
    with Statements() as statements:
        assert script.put(path, {"value": 2}).status_code == 200
    assert [s.split(" SET")[0] for s in statements.writes()] == ['UPDATE "habit"',
                                                                 'UPDATE "checkin"']
    # The revision's UPDATE holds the row: no SELECT ... FOR UPDATE on PostgreSQL either.
    assert len(statements.sql) == 4, statements.sql
    assert len(statements.trips) == (3 if on_postgres(app) else 4), statements.trips
    assert revision(app, habit["id"]) == before + 2


def test_the_revision_stays_for_today_a_refused_write_and_an_older_replay(app, client):
    habit = make_habit(client, measure="count", target=5, start_date=day(-30))
    put = f"/habits/{habit['id']}/checkins/"
    assert client.put(put + day(-3), {"value": 4}).status_code == 201
    before = revision(app, habit["id"])
    assert client.put(put + day(), {"value": 4}).status_code == 201
    assert client.put(put + day(-1), {"value": 4}).status_code == 201
    assert client.put(put + day(-3), {"status": "slip"}).status_code == 422  # rolled back
    old = (clock.now() - datetime.timedelta(hours=1)).isoformat()
    replay = client.post("/checkins/batch", {"items": [
        {"op": "put", "habit_id": habit["id"], "date": day(-3), "value": 9, "client_time": old}]})
    assert replay.json["results"][0]["checkin"]["value"] == 4  # older than the stored write
    assert revision(app, habit["id"]) == before
    assert client.put(put + day(-3), {"value": 5}).status_code == 200
    assert revision(app, habit["id"]) == before + 1


@pytest.mark.parametrize("date_offset, body", [(-5, {"value": 1}), (-5, {"value": "x"}),
                                               (3, {"value": 1}), (-5, None)])
def test_another_users_habit_is_404_whatever_the_body_or_date_and_stays_unchanged(
        app, client, other, date_offset, body):
    habit = make_habit(client, measure="count", target=5, start_date=day(-30))
    before = revision(app, habit["id"])
    path = f"/habits/{habit['id']}/checkins/{day(date_offset)}"
    kwargs = {"data": "not json", "content_type": "application/json"} if body is None else {}
    response = other.put(path, body, **kwargs)
    assert response.status_code == 404, response.json
    assert revision(app, habit["id"]) == before  # the back-fill's hold was rolled back
    assert client.get(f"/habits/{habit['id']}/checkins").json == []


def test_a_put_before_the_start_date_moves_it_and_the_revision(app, client):
    habit = make_habit(client, measure="count", target=5, start_date=day(-2))
    before = revision(app, habit["id"])
    assert client.put(f"/habits/{habit['id']}/checkins/{day(-9)}", {"value": 1}).status_code == 201
    assert client.get(f"/habits/{habit['id']}").json["start_date"] == day(-9)
    assert revision(app, habit["id"]) > before


def test_a_token_is_written_at_most_once_a_minute(app, client):
    script = scripted(app, client)
    started = clock.now()
    app.config["NOW"] = lambda: started
    assert script.get("/me").status_code == 200
    used = client.get("/tokens").json[0]["last_used_at"]
    assert used is not None
    for seconds in (1, 30, 59):
        app.config["NOW"] = lambda: started + datetime.timedelta(seconds=seconds)
        with Statements() as statements:
            assert script.get("/me").status_code == 200
        assert statements.writes() == []
        assert client.get("/tokens").json[0]["last_used_at"] == used
    app.config["NOW"] = lambda: started + datetime.timedelta(seconds=61)
    assert script.get("/me").status_code == 200
    assert client.get("/tokens").json[0]["last_used_at"] > used


def test_a_stale_touch_is_one_conditional_update(app, client):
    """Of concurrent requests that all saw a stale time, only the first to commit writes."""
    script = scripted(app, client)
    assert script.get("/me").status_code == 200
    with app.app_context():
        token = ApiToken.get()
        stale = token.last_used_at - datetime.timedelta(minutes=5)
        ApiToken.update(last_used_at=stale).where(ApiToken.id == token.id).execute()
        token.last_used_at = stale
        with app.test_request_context(), database.connection_context():
            touch_token(token)
            fresh = ApiToken.get_by_id(token.id).last_used_at
            touch_token(token)  # a second request that read the stale time too: no write
            assert ApiToken.get_by_id(token.id).last_used_at == fresh > stale


def test_prepared_sql_is_built_once_per_database_and_binds_each_use(app, client):
    habit = make_habit(client, measure="count", target=5, start_date=day(-9))
    for offset in (-3, -2):
        assert client.put(f"/habits/{habit['id']}/checkins/{day(offset)}",
                          {"value": 1}).status_code == 201
    builds = []

    def build(habit_id, first, last):
        builds.append(habit_id)
        return (Checkin.select().where(Checkin.habit == habit_id, Checkin.day >= first,
                                       Checkin.day <= last, Checkin.habit == habit_id)
                .order_by(Checkin.day))

    query = Prepared(build, habit_id=int, first=datetime.date, last=datetime.date)
    with app.app_context(), database.connection_context():
        for first, last, expected in ((-9, 0, [-3, -2]), (-2, -2, [-2]), (-1, 0, [])):
            rows = query.rows(habit_id=habit["id"], first=clock.today() + first * ONE,
                              last=clock.today() + last * ONE)
            assert [r.day.isoformat() for r in rows] == [day(o) for o in expected]
            assert all(isinstance(r, Checkin) and r.value == 1.0 for r in rows)
    assert len(builds) == 1


def test_prepared_refuses_a_parameter_the_query_never_uses(app):
    query = Prepared(lambda habit_id, day: Checkin.select().where(Checkin.habit == habit_id),
                     habit_id=int, day=datetime.date)
    with app.app_context(), database.connection_context():
        with pytest.raises(ValueError, match="day"):
            query.rows(habit_id=1, day=datetime.date(2020, 1, 1))


ONE = datetime.timedelta(days=1)


@pytest.fixture
def pg(app):
    """The app's PostgreSQL database (the test is skipped on SQLite); it connects when used."""
    if not on_postgres(app):
        pytest.skip("PostgreSQL only")
    with app.app_context():
        yield database.obj
        if not database.is_closed():
            database.close()


def test_postgres_begin_goes_with_the_first_statement_and_a_rollback_undoes_it(client, pg):
    with Statements() as statements:
        with pytest.raises(RuntimeError), pg.atomic():
            Habit.update(name="Changed").where(Habit.id > 0).execute()
            assert pg.connection().get_transaction_status() == 2  # in a transaction
            raise RuntimeError
    assert statements.trips[0].startswith('BEGIN; UPDATE "habit"')
    assert pg.connection().get_transaction_status() == 0  # idle: the ROLLBACK ended it
    with pg.atomic():  # nothing ran: nothing sent, nothing left open
        pass
    assert pg.connection().get_transaction_status() == 0


def test_postgres_a_cursor_of_its_own_is_inside_the_transaction(client, pg):
    """The importers' execute_values takes a cursor: the transaction starts before it."""
    make_habit(client)  # a request: it hands the connection back, atomic() takes one again
    with pytest.raises(RuntimeError), pg.atomic():
        pg.cursor().execute('UPDATE "habit" SET "name" = %s', ("Changed",))
        raise RuntimeError
    assert [h.name for h in Habit.select()] == ["Walk"]


def test_postgres_a_connection_back_from_a_request_is_not_pinged(client, pg, monkeypatch):
    """The pool pings a connection it hands out ("SELECT 1") unless it came back within a second;
    one the server dropped in the meantime is pinged, found dead and replaced."""
    pings = []
    ping = pg._adapter.is_connection_closed
    monkeypatch.setattr(pg._adapter, "is_connection_closed",
                        lambda conn: pings.append(conn) or ping(conn))
    pg.connect(reuse_if_open=True)
    backend = pg.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    pg.close()
    pg.connect()
    assert pg.execute_sql("SELECT pg_backend_pid()").fetchone()[0] == backend
    pg.close()
    assert pings == []  # back a moment ago: taken again as it is
    pg.returned_at.clear()  # as if it had come back long ago
    admin_sql(f"SELECT pg_terminate_backend({backend})")
    pg.connect()
    assert pg.execute_sql("SELECT pg_backend_pid()").fetchone()[0] != backend
    pg.close()
    assert len(pings) == 1
