"""Backups: `flask backup` while the app writes, `flask restore` into a fresh database that the
app then opens with the data there, daily backups kept N days, and PostgreSQL's pg_dump message."""
import datetime
import logging
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from server import create_app
from server.backup import DAILY, DailyBackups, prune
from server.db import database
from server.models import Checkin
from tests import clock
from tests.api.helpers import day
from tests.conftest import PASSWORD, ApiClient, make_habit
from tests.servers import dispatcher_until

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sqlite_app(app, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("the backup commands copy SQLite; PostgreSQL is pg_dump's (tested below)")
    return app


def cli(app, *args, **kwargs):
    return app.test_cli_runner().invoke(args=list(args), **kwargs)


def integrity(path):
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def bulk_history(app, client, rows=20_000):
    """Make the database a few megabytes, so that the backup takes a while."""
    habit = make_habit(client, name="History", measure="count", target=1)
    start = datetime.date(1990, 1, 1)
    with app.app_context(), database.atomic():
        Checkin.insert_many([{"user": client.user["id"], "habit": habit["id"], "status": "done",
                              "day": start + datetime.timedelta(days=i), "value": 1,
                              "note": f"{i} " + "steady " * 60} for i in range(rows)]).execute()


def test_a_backup_taken_while_the_app_writes_restores_into_a_working_app(sqlite_app, client,
                                                                         tmp_path):
    app = sqlite_app
    bulk_history(app, client)
    habit = make_habit(client, measure="count", target=5)
    attempted, acknowledged, failures = [], [], []
    stop = threading.Event()

    def write_check_ins():
        for offset in range(0, 3000):
            if stop.is_set():
                return
            date = day(-offset)
            attempted.append(date)
            response = client.put(f"/habits/{habit['id']}/checkins/{date}", {"value": 5})
            (acknowledged if response.status_code == 201 else failures).append(date)

    writer = threading.Thread(target=write_check_ins)
    writer.start()
    while len(acknowledged) < 20 and writer.is_alive():
        time.sleep(0.01)
    before = set(acknowledged)
    backup = tmp_path / "backups" / "orbit-backup.db"
    result = cli(app, "backup", str(backup))
    during = set(attempted)
    while len(acknowledged) < len(before) + 40 and writer.is_alive():
        time.sleep(0.01)  # the app keeps writing after the backup
    stop.set()
    writer.join()
    assert result.exit_code == 0, result.output
    assert failures == [] and len(acknowledged) >= len(before) + 40
    assert f"Backed up to {backup}" in result.output
    assert integrity(backup) == "ok"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # it holds every account
    assert [p.name for p in backup.parent.iterdir()] == [backup.name]  # no temporary left
    database.close_all()

    restored = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/fresh/orbit.db",
                           "TESTING": True, "NOW": clock.now})
    result = cli(restored, "restore", str(backup))
    assert result.exit_code == 0, result.output
    member = ApiClient(restored)
    assert member.login(client.user["email"], PASSWORD).status_code == 200
    stored = {c["date"] for c in member.get(f"/habits/{habit['id']}/checkins?from={day(-3000)}"
                                            f"&to={day()}").json}
    # everything acknowledged before the backup began, nothing that was not yet attempted
    assert before <= stored <= during
    assert len(member.get("/habits").json) == 2
    history = member.get("/habits").json[0]
    assert member.get(f"/habits/{history['id']}/stats").status_code == 200
    assert member.put(f"/habits/{habit['id']}/checkins/{day()}", {"value": 1}).status_code in (
        200, 201)  # and it takes writes


def test_a_directory_gets_a_dated_backup(sqlite_app, client, tmp_path):
    result = cli(sqlite_app, "backup", str(tmp_path))
    assert result.exit_code == 0, result.output
    made = [p for p in tmp_path.iterdir() if p.name.startswith("orbit-") and p.suffix == ".db"]
    assert len(made) == 1 and integrity(made[0]) == "ok"
    assert f"{clock.now():%Y-%m-%d}" in made[0].name and not DAILY.fullmatch(made[0].name)


def test_restore_refuses_what_is_not_an_orbit_backup(sqlite_app, client, tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database " * 100)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE things (id INTEGER)")
    for path, message in ((text, "not a SQLite database"), (other, "not an Orbit database")):
        result = cli(sqlite_app, "restore", str(path), "--yes")
        assert result.exit_code != 0 and message in result.output, result.output
    assert ApiClient(sqlite_app).login(client.user["email"]).status_code == 200  # unchanged


def test_restore_over_accounts_asks_first(sqlite_app, client, tmp_path):
    backup = tmp_path / "b.db"
    assert cli(sqlite_app, "backup", str(backup)).exit_code == 0
    newcomer = ApiClient(sqlite_app).register()
    result = cli(sqlite_app, "restore", str(backup), input="n\n")
    assert result.exit_code != 0 and "holds 2 account(s)" in result.output
    assert ApiClient(sqlite_app).login(newcomer.user["email"]).status_code == 200
    result = cli(sqlite_app, "restore", str(backup), "--yes")
    assert result.exit_code == 0, result.output
    # the database is as backed up: the later account is gone, the earlier one there
    assert ApiClient(sqlite_app).login(newcomer.user["email"]).status_code == 401
    assert ApiClient(sqlite_app).login(client.user["email"]).status_code == 200


def test_daily_backups_once_a_day_keeping_n_days(sqlite_app, client, tmp_path):
    folder = tmp_path / "daily"
    folder.mkdir()
    now = clock.now()
    today = now.date()
    for back in range(1, 11):
        (folder / f"orbit-{today - datetime.timedelta(days=back)}.db").write_text("old")
    keep = {"notes.txt", "orbit-2026-13-45.db", "orbit-manual.db"}  # not daily backups
    for name in keep:
        (folder / name).write_text("mine")
    daily = DailyBackups(folder, keep_days=3)
    with sqlite_app.app_context():
        first = daily.run(now)
        assert first == folder / f"orbit-{today}.db" and integrity(first) == "ok"
        written_at = first.stat().st_mtime_ns
        assert daily.run(now + datetime.timedelta(hours=5)) is None  # at most once a day
        assert first.stat().st_mtime_ns == written_at
        assert DailyBackups(folder, 3).run(now) is None  # another dispatcher: already done
        names = {p.name for p in folder.iterdir()}
        assert names == keep | {f"orbit-{today - datetime.timedelta(days=d)}.db"
                                for d in range(3)}
        tomorrow = daily.run(now + datetime.timedelta(days=1))
        assert tomorrow.name == f"orbit-{today + datetime.timedelta(days=1)}.db"
        assert {p.name for p in folder.iterdir()} - keep == {
            f"orbit-{today + datetime.timedelta(days=d)}.db" for d in (-1, 0, 1)}


def test_prune_keeps_the_newest_n_days(tmp_path):
    today = datetime.date(2026, 3, 30)
    for back in range(20):
        (tmp_path / f"orbit-{today - datetime.timedelta(days=back)}.db").write_text("x")
    deleted = prune(tmp_path, today, 14)
    assert len(deleted) == 6 and deleted[-1] == "orbit-2026-03-16.db"
    assert sorted(p.name for p in tmp_path.iterdir())[0] == "orbit-2026-03-17.db"


def test_a_failed_daily_backup_is_tried_again_an_hour_later(sqlite_app, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    daily = DailyBackups(blocked / "backups", keep_days=14)
    now = clock.now()
    with sqlite_app.app_context():
        with pytest.raises(OSError):
            daily.run(now)
        assert daily.run(now + datetime.timedelta(minutes=59)) is None  # not every minute
        with pytest.raises(OSError):
            daily.run(now + datetime.timedelta(minutes=61))


def test_postgresql_is_backed_up_with_pg_dump(app, database_url, caplog, tmp_path):
    if not database_url.startswith("postgres"):
        pytest.skip("PostgreSQL only")
    for args in (("backup", str(tmp_path / "b.db")), ("restore", __file__, "--yes")):
        result = cli(app, *args)
        assert result.exit_code == 1 and "pg_dump" in result.output, result.output
    daily = DailyBackups(tmp_path / "daily", keep_days=14)
    with app.app_context(), caplog.at_level(logging.WARNING):
        assert daily.run(clock.now()) is None
        assert daily.run(clock.now()) is None  # said once, then off
    assert [r.message for r in caplog.records if "pg_dump" in r.message] != []
    assert len([r for r in caplog.records if "pg_dump" in r.message]) == 1
    assert not (tmp_path / "daily").exists()


def test_the_dispatcher_loop_makes_the_daily_backup(tmp_path):
    """`flask reminders run` with ORBIT_BACKUP_DIR backs up at its first pass."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/o.db", "ORBIT_SECRET_KEY": "t",
           "ORBIT_BACKUP_DIR": str(tmp_path / "daily"), "ORBIT_BACKUP_KEEP_DAYS": "3"}
    flask = [sys.executable, "-m", "flask", "--app", "server"]
    subprocess.run(flask + ["init-db"], env=env, cwd=ROOT, check=True, capture_output=True)
    daily = tmp_path / "daily"
    dispatcher_until(lambda: daily.exists() and any(DAILY.fullmatch(p.name)
                                                    for p in daily.iterdir()), env, "no backup")
    backups = [p for p in (tmp_path / "daily").iterdir() if DAILY.fullmatch(p.name)]
    assert len(backups) == 1 and integrity(backups[0]) == "ok"
    with sqlite3.connect(backups[0]) as db:
        assert db.execute("SELECT count(*) FROM schema_migration").fetchone()[0] >= 10
