"""The app factory, configuration, the secret key, migrations and the init-db command."""
import datetime
import uuid

import pytest
from playhouse.migrations import Runner
from playhouse.pool import PooledPostgresqlDatabase, PooledSqliteDatabase

from server import create_app
from server.config import from_environment
from server.db import MIGRATIONS, database, database_from_url, init_db
from server.models import Checkin, Habit, HabitRule, Setting, User

from .conftest import BACKENDS, PG_URL, ApiClient, admin_sql


def test_configuration_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ORBIT_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("ORBIT_BASE_URL", "https://orbit.example.org/")
    config = from_environment()
    assert config["DATABASE_URL"] == f"sqlite:///{tmp_path}/orbit.db"
    assert config["BASE_URL"] == "https://orbit.example.org"
    assert "SECRET_KEY" not in config
    monkeypatch.setenv("ORBIT_SECRET_KEY", "from-env")
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/db")
    assert from_environment()["SECRET_KEY"] == "from-env"
    assert from_environment()["DATABASE_URL"] == "postgresql://u@h/db"


def test_connections_are_pooled_for_both_databases(tmp_path):
    sqlite = database_from_url(f"sqlite:///{tmp_path}/x.db")
    postgres = database_from_url("postgresql://u@127.0.0.1:5432/db")
    assert isinstance(sqlite, PooledSqliteDatabase)  # server/sqlitedb.py: one of them
    assert isinstance(postgres, PooledPostgresqlDatabase)  # server/pgdb.py: one of them


def test_sqlite_commits_reach_the_disk_before_the_answer(tmp_path):
    """WAL with synchronous FULL: an acknowledged write survives a power cut, not only a crash."""
    sqlite = database_from_url(f"sqlite:///{tmp_path}/x.db")
    sqlite.connect()
    try:
        assert sqlite.execute_sql("PRAGMA journal_mode").fetchone() == ("wal",)
        assert sqlite.execute_sql("PRAGMA synchronous").fetchone() == (2,)  # FULL
    finally:
        sqlite.close()


def test_a_generated_secret_key_is_shared_by_every_process_and_survives_restarts(database_url):
    first = create_app({"DATABASE_URL": database_url, "TESTING": True})
    with first.app_context():
        init_db()
        Setting.delete().execute()  # a fresh database on PostgreSQL too
    client = ApiClient(first).register()
    key = first.secret_key
    database.close_all()
    second = create_app({"DATABASE_URL": database_url, "TESTING": True})  # another process
    other = second.test_client()
    other.set_cookie("session", client.http.get_cookie("session").value)
    assert other.get("/api/v1/me").status_code == 200
    assert second.secret_key == key
    database.close_all()


def test_migrations_apply_once(app):
    with app.app_context():
        assert init_db() == []  # the fixture already applied them all
        assert "checkin" in database.get_tables()


def test_init_db_command_creates_the_schema(tmp_path):
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/fresh/orbit.db", "TESTING": True})
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert "0001_initial" in result.output
    again = app.test_cli_runner().invoke(args=["init-db"])
    assert "none pending" in again.output
    database.close_all()


@pytest.fixture(params=BACKENDS)
def empty_database_url(request, tmp_path):
    """A database with no schema at all, of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/empty.db"
        return
    name = f"orbit_test_{uuid.uuid4().hex[:12]}"
    admin_sql(f'CREATE DATABASE "{name}"')
    yield f"{PG_URL.rpartition('/')[0]}/{name}"
    database.close_all()
    admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_second_migration_keeps_start_dates_and_widens_numbers(empty_database_url):
    app = create_app({"DATABASE_URL": empty_database_url, "TESTING": True})
    with app.app_context(), database.connection_context():
        Runner(database.obj, directory=str(MIGRATIONS)).up(target="0001_initial")
        database.execute_sql("INSERT INTO \"user\" (uuid, email, password_hash, timezone, week_start,"
                             " session_version, created_at) VALUES (%s, 'a@b.c', 'x', 'UTC', 'mon',"
                             " 1, %s)".replace("%s", database.obj.param),
                             (str(uuid.uuid4()), datetime.datetime(2026, 1, 1)))
        start = datetime.date(2026, 1, 5)
        database.execute_sql("INSERT INTO habit (uuid, user_id, name, description, kind, measure,"
                             " unit, start_date, color, position, private, created_at, revision)"
                             " VALUES (%s, 1, 'Walk', '', 'build', 'count', '', %s, '#000000', 1,"
                             " %s, %s, 0)".replace("%s", database.obj.param),
                             (str(uuid.uuid4()), start, False, datetime.datetime(2026, 1, 1)))
    with app.app_context():
        # every later migration, in order (the list grows as migrations are added)
        later = sorted(path.stem for path in MIGRATIONS.glob("[0-9]*.py"))[1:]
        assert later[:7] == ["0002_derived_start_and_doubles", "0003_sign_up_throttle",
                             "0004_weekly_cache", "0005_reminders", "0006_tombstones",
                             "0007_push", "0008_day_start"]
        assert "0019_webhooks" in later  # outgoing webhooks (issue 27)
        assert later[later.index("0017_import_runs") + 1] == "0018_habit_plans"
        assert later[later.index("0019_webhooks") + 1] == "0020_token_scopes"  # token scopes
        assert later[later.index("0020_token_scopes") + 1] == "0021_never_miss_twice"
        assert later[later.index("0021_never_miss_twice") + 1] == "0022_chapters"  # chapters
        assert later.index("0023_snooze") > later.index("0021_never_miss_twice")  # snooze
        assert later.index("0024_passkeys") > later.index("0021_never_miss_twice")  # passkeys
        assert "0028_shares" in later  # shares (issue 25)
        assert init_db() == later
        # OpenID Connect (issue 22) after every migration numbered before it
        assert later.index("0025_oidc") == len([n for n in later if n < "0025_oidc"])
        assert later.index("0026_note_search") > later.index("0025_oidc")  # note search (issue 25)
        assert later.index("0027_wellbeing") > later.index("0025_oidc")  # WHO-5 (issue 25)
        # the account's language (issue 26) after every migration numbered before it
        assert later.index("0029_user_locale") == len([n for n in later if n < "0029_user_locale"])
        with database.connection_context():
            habit = Habit.get()
            assert (habit.start_date, habit.set_start_date) == (start, start)
            HabitRule.create(habit=habit, effective_from=start, schedule={"type": "daily"},
                             target=999999.99, anchor=start)
            Checkin.create(user=1, habit=habit, day=start, status="done", value=123456.789)
            assert HabitRule.get().target == 999999.99  # `real` kept 6 digits: 1000000
            assert Checkin.get().value == 123456.789
    database.close_all()


def test_tokens_made_before_scopes_keep_full_access(empty_database_url):
    """Migration 0020 (token scopes): a token of before it is a full one, as it was."""
    from server.auth import hash_token
    from server.models import User
    app = create_app({"DATABASE_URL": empty_database_url, "TESTING": True})
    names = sorted(path.stem for path in MIGRATIONS.glob("[0-9]*.py"))
    before = names[names.index("0020_token_scopes") - 1]
    with app.app_context(), database.connection_context():
        Runner(database.obj, directory=str(MIGRATIONS)).up(target=before)
        user = User.create(email="a@b.c", password_hash="x")
        database.execute_sql("INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES"
                             " (%s, 'Old', %s, %s)".replace("%s", database.obj.param),
                             (user.id, hash_token("orbit_old"), datetime.datetime(2026, 1, 1)))
    with app.app_context():
        assert "0020_token_scopes" in init_db()
    old = {"Authorization": "Bearer orbit_old"}
    http = app.test_client()
    assert http.get("/api/v1/tokens", headers=old).status_code == 403  # as before: session only
    assert http.post("/api/v1/identities", json={"statement": "I last"},
                     headers=old).status_code == 201
    assert http.get("/api/v1/habits", headers=old).status_code == 200
    database.close_all()


def test_a_test_leaves_an_account_behind(app):
    with app.app_context():
        User.create(email="left@example.org", password_hash="x")


def test_the_next_test_starts_on_an_empty_database(app):
    """The fixture empties (PostgreSQL) or copies afresh (SQLite) for every test."""
    with app.app_context():
        assert User.select().count() == 0
