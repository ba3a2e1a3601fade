"""Imports written in short transactions (issue 29 item 3): an import's new habits and their
days are committed batch by batch, hidden until its last transaction, so other writers get their
turn between batches while nobody sees half an import; a failed import, or one whose process
died, is removed; two imports of one user run one after the other; a re-import keeps what the
user wrote while it was being read."""
import datetime
import threading
import time

import pytest

from bench.imports import loop_backup
from server.db import database
from server.housekeeping import housekeep
from server.importers import apply, runs
from server.models import Checkin, Habit, ImportRun, User
from server.store.checkins import put_checkin

from .. import clock
from ..conftest import make_habit
from .helpers import day, error_of
from .test_imports import post_file
from .test_races import clients_of

SLOW_BATCH = 0.3  # seconds a batch holds the write lock, as on a slow disk


@pytest.fixture
def backup(tmp_path):
    path = tmp_path / "loop.db"
    loop_backup(path, habits=4, years=0.3, today=clock.today())
    return path.read_bytes()


def slow_inserts(monkeypatch):
    """Batches of 50 rows, each holding the write lock SLOW_BATCH seconds."""
    real = apply.insert_rows

    def slow(*args, **kwargs):
        time.sleep(SLOW_BATCH)
        return real(*args, **kwargs)

    monkeypatch.setattr(runs, "BATCH", 50)
    monkeypatch.setattr(apply, "insert_rows", slow)


def test_other_writers_get_their_turn_and_nobody_sees_half_an_import(app, client, other, backup,
                                                                     monkeypatch, database_url):
    slow_inserts(monkeypatch)
    if database_url.startswith("sqlite"):  # writers wait 0.8 s for their turn, not 5 s
        monkeypatch.setattr(database.obj, "wait_seconds", 0.8)
    habit = make_habit(other)
    answers, seen, done = [], [], threading.Event()
    importer_twin, = clients_of(app, client, 1)

    def meanwhile():
        round_ = 0
        while not done.is_set():
            answers.append(other.put(f"/habits/{habit['id']}/checkins/{day(-(round_ % 60))}",
                                     {"note": f"round {round_}"}).status_code)
            seen.append(len(importer_twin.get("/habits?archived=all").json))
            round_ += 1

    thread = threading.Thread(target=meanwhile)
    thread.start()
    try:
        response = post_file(client, "/import/loop", backup)
    finally:
        done.set()
        thread.join()
    assert response.status_code == 200, response.json
    batches = -(-response.json["created"]["checkins"] // 50)
    assert batches >= 5
    assert len(answers) >= batches // 2 and set(answers) <= {200, 201}, answers
    assert set(seen) <= {0, 4}, seen  # nothing of the import, then all of it
    assert len(client.get("/habits?archived=all").json) == 4


def crash_in_the_last_transaction(monkeypatch):
    """An import whose process dies after its batches: nothing removes what it wrote."""
    def died(*args):
        raise RuntimeError("the worker was killed")

    monkeypatch.setattr(apply, "write_reflections", died)
    monkeypatch.setattr(runs, "discard", lambda *args, **kwargs: None)


def test_a_dead_import_is_never_shown_and_is_removed(app, client, backup, monkeypatch):
    crash_in_the_last_transaction(monkeypatch)
    error_of(post_file(client, "/import/loop", backup), 500, "internal_error")
    monkeypatch.undo()
    with app.app_context():
        hidden = [h.id for h in Habit.select().where(Habit.import_run.is_null(False))]
        assert len(hidden) == 4 and Checkin.select().count() > 100
    assert client.get("/habits?archived=all").json == []
    export = client.get("/export").json
    assert export["habits"] == [] and export["checkins"] == []
    assert client.get(f"/today?date={day()}").json["habits"] == []
    assert client.get(f"/habits/{hidden[0]}").status_code == 404
    assert client.put(f"/habits/{hidden[0]}/checkins/{day()}", {}).status_code == 404
    # The user's next import waits for it, then says so (it still looks alive)...
    monkeypatch.setattr(runs, "WAIT_SECONDS", 0.5)
    error_of(post_file(client, "/import/loop", backup), 409, "conflict")
    # ...and housekeeping removes it once it has been still for two minutes.
    with app.app_context():
        later = clock.now() + runs.STALE + datetime.timedelta(seconds=1)
        assert housekeep(app.config, clock.now())["import_run"] == 0
        assert housekeep(app.config, later, batch=10)["import_run"] == 1
        assert Habit.select().count() == 0 and Checkin.select().count() == 0
        assert ImportRun.select().count() == 0
    assert post_file(client, "/import/loop", backup).status_code == 200
    assert len(client.get("/habits?archived=all").json) == 4


def test_an_import_after_a_dead_one_takes_its_place(app, client, backup, monkeypatch):
    crash_in_the_last_transaction(monkeypatch)
    post_file(client, "/import/loop", backup)
    monkeypatch.undo()
    with app.app_context():
        long_ago = clock.now().replace(tzinfo=None) - runs.STALE - datetime.timedelta(seconds=1)
        ImportRun.update(touched_at=long_ago).execute()  # naive UTC, as stored
    response = post_file(client, "/import/loop", backup)
    assert response.status_code == 200, response.json
    assert response.json["created"]["habits"] == 4
    with app.app_context():
        assert Habit.select().count() == 4 and ImportRun.select().count() == 0


def test_two_imports_at_once_make_each_habit_once(app, client, backup):
    twin, = clients_of(app, client, 1)
    answers = []
    threads = [threading.Thread(target=lambda c=c: answers.append(
        post_file(c, "/import/loop", backup))) for c in (client, twin)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.status_code for a in answers] == [200, 200], [a.json for a in answers]
    assert sorted(a.json["created"]["habits"] for a in answers) == [0, 4]
    assert len(client.get("/habits?archived=all").json) == 4


def test_a_re_import_keeps_a_day_the_user_wrote_while_it_was_read(app, client, tmp_path):
    path = tmp_path / "loop.db"
    loop_backup(path, habits=2, years=0.1, today=clock.today())
    assert post_file(client, "/import/loop", path.read_bytes()).status_code == 200
    import sqlite3
    with sqlite3.connect(path) as db:  # the file changes every day's note
        db.execute("UPDATE Repetitions SET notes = 'from the file'")
    real = apply.finish

    def user_writes_first(user, *args):  # after the days were compared, before they are written
        habit = Habit.select().where(Habit.user == user).order_by(Habit.id).first()
        last = Checkin.select().where(Checkin.habit == habit).order_by(Checkin.day.desc()).first()
        put_checkin(User.get_by_id(user.id), habit.id, last.day, {"note": "mine"})
        return real(user, *args)

    apply.finish = user_writes_first
    try:
        response = post_file(client, "/import/loop", path.read_bytes())
    finally:
        apply.finish = real
    assert response.status_code == 200, response.json
    habit = client.get("/habits?archived=all").json[0]
    notes = [c["note"] for c in client.get(f"/habits/{habit['id']}/checkins?from={day(-60)}").json]
    assert notes[-1] == "mine" and set(notes[:-1]) == {"from the file"}
    assert response.json["updated"]["checkins"] > 0
