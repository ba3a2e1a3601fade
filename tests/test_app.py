"""The app factory, configuration, the secret key, migrations and the init-db command."""
from server import create_app
from server.config import from_environment
from server.db import database, database_from_url, init_db
from server.models import Setting

from .conftest import ApiClient


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
    assert type(sqlite).__name__ == "PooledSqliteDatabase"
    assert type(postgres).__name__ == "PooledPostgresqlDatabase"


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
