"""PostgreSQL prepares the hot path's statements once per connection (server/pgdb.py), and
prepares nothing when told not to (behind PgBouncer in transaction mode)."""
import pytest

from server import create_app
from server.config import from_environment
from server.db import database

from .. import clock
from ..conftest import PG_URL, make_habit
from .helpers import day
from .test_hot_path import Statements, scripted

pytestmark = pytest.mark.skipif(not PG_URL, reason="PostgreSQL only (TEST_DATABASE_URL)")


@pytest.fixture
def database_url(pg_url):  # these tests run on PostgreSQL only
    return pg_url


def prepared_here(app):
    """The statements prepared on the connection this thread holds."""
    with app.app_context():
        database.connect(reuse_if_open=True)
        return {row[0] for row in database.execute_sql(
            "SELECT name FROM pg_prepared_statements").fetchall()}


def executed(statements):
    """The names of the prepared statements a request's trips executed."""
    return {s[8:].split("(")[0] for trip in statements.trips for s in trip.split("; ")
            if s.startswith("EXECUTE ")}


def test_a_connection_prepares_each_statement_once_then_executes_it(app, client):
    script = scripted(app, client)
    habit = make_habit(client, measure="count", target=5, start_date=day(-30))
    path = f"/habits/{habit['id']}/checkins/{day(-5)}"
    with Statements() as first:
        assert script.put(path, {"value": 1}).status_code == 201  # an INSERT
        assert script.put(path, {"value": 2}).status_code == 200  # an UPDATE
    with Statements() as again:
        assert script.put(path, {"value": 3}).status_code == 200
    assert first.prepares and not again.prepares  # prepared by the first PUTs, kept
    assert all(s.startswith("EXECUTE orbit_") for trip in again.trips
               for s in trip.split("; ") if s != "BEGIN"), again.trips
    assert executed(again) <= {p.split()[1] for p in first.prepares} <= prepared_here(app)
    with app.app_context():
        database.close_all()  # a new connection prepares again
    with Statements() as fresh:
        assert script.put(path, {"value": 4}).status_code == 200
    assert {p.split()[1] for p in fresh.prepares} == executed(fresh) == executed(again)
    assert client.get(f"/habits/{habit['id']}/checkins").json[0]["value"] == 4


def test_a_statement_prepared_in_a_rolled_back_transaction_is_kept(app, client):
    """PREPARE outlives a rollback: the connection may count it as prepared once sent."""
    habit = make_habit(client, measure="count", target=5, start_date=day(-30))
    path = f"/habits/{habit['id']}/checkins/{day(-5)}"
    with Statements() as refused:
        assert client.put(path, {"status": "slip"}).status_code == 422  # read, then rolled back
    assert refused.prepares
    with Statements() as accepted:
        assert client.put(path, {"value": 2}).status_code == 201
    assert not [p for p in accepted.prepares if p in refused.prepares]
    assert client.get(f"/habits/{habit['id']}/checkins").json[0]["value"] == 2


def test_with_preparing_off_no_statement_is_prepared(pg_url, client):
    app = create_app({"DATABASE_URL": pg_url, "TESTING": True, "PG_PREPARE": False,
                      "NOW": clock.now})  # the tests' day, not the machine's
    script = scripted(app, client)
    with app.app_context():
        database.close_all()
    habit = make_habit(client, measure="count", target=5, start_date=day(-30))
    with Statements() as statements:
        assert script.put(f"/habits/{habit['id']}/checkins/{day(-5)}",
                          {"value": 1}).status_code == 201
    assert not statements.prepares
    assert not [t for t in statements.trips if "EXECUTE" in t]
    assert prepared_here(app) == set()


def test_a_connection_whose_prepared_statements_were_lost_is_replaced(app, client, caplog):
    """A pooler's DISCARD ALL (or one that moved the client to another server connection) leaves
    the connection without its statements: the request fails once, the pool replaces the
    connection, and the log says what to do."""
    habit = make_habit(client, measure="count", target=5, start_date=day(-30))
    path = f"/habits/{habit['id']}/checkins/{day(-5)}"
    assert client.put(path, {"value": 1}).status_code == 201
    with app.app_context():
        database.connect(reuse_if_open=True)
        backend = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        database.connection().cursor().execute("DEALLOCATE ALL")  # as DISCARD ALL does
        database.close()
    assert client.put(path, {"value": 2}).status_code == 500
    assert "ORBIT_PG_PREPARE=0" in caplog.text
    assert client.put(path, {"value": 3}).status_code == 200
    with app.app_context():
        database.connect(reuse_if_open=True)
        assert database.execute_sql("SELECT pg_backend_pid()").fetchone()[0] != backend
        database.close()
    assert client.get(f"/habits/{habit['id']}/checkins").json[0]["value"] == 3


@pytest.mark.parametrize("value, prepare", [("0", False), ("off", False), ("False", False),
                                            ("no", False), ("1", True), ("", True)])
def test_orbit_pg_prepare_reads_as_a_yes_or_no(monkeypatch, value, prepare):
    monkeypatch.setenv("ORBIT_PG_PREPARE", value)
    assert from_environment()["PG_PREPARE"] is prepare
