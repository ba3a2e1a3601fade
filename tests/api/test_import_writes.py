"""An import beside other writes: a write that cannot get its turn is a 503 to retry (never a
500) and changes nothing; on PostgreSQL a re-import racing the same user's check-ins never
deadlocks (both take the habit rows in one order) and loses nothing."""
import datetime
import sqlite3
import threading

import pytest

from bench.imports import loop_backup

from .. import clock
from ..conftest import make_habit
from .helpers import day, error_of
from .test_imports import post_file
from .test_races import clients_of


@pytest.mark.slow  # waits SQLite's busy timeout out, twice (a busy write is tried again once)
def test_a_write_that_cannot_get_its_turn_is_a_503_and_changes_nothing(app, client,
                                                                       database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock, held by another program")
    habit = make_habit(client)
    other_program = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0)
    other_program.execute("BEGIN IMMEDIATE")  # the sqlite3 shell, say, in the middle of a write
    try:
        response = client.put(f"/habits/{habit['id']}/checkins/{day()}", {})
    finally:
        other_program.rollback()
        other_program.close()
    error_of(response, 503, "unavailable")
    assert response.headers["Retry-After"] == "2"
    assert client.get(f"/habits/{habit['id']}/checkins").json == []
    assert client.put(f"/habits/{habit['id']}/checkins/{day()}", {}).status_code == 201


def test_a_re_import_racing_check_ins_neither_deadlocks_nor_loses(app, client, database_url,
                                                                  tmp_path):
    if not database_url.startswith("postgres"):
        pytest.skip("PostgreSQL's row locks (SQLite runs one writer at a time)")
    today = clock.today()
    path = tmp_path / "loop.db"
    loop_backup(path, habits=12, years=1, today=today)
    assert post_file(client, "/import/loop", path.read_bytes()).status_code == 200
    with sqlite3.connect(path) as db:  # every value changes: the re-import rewrites each day
        db.execute("UPDATE Repetitions SET value = CASE value WHEN 2 THEN 0 ELSE 2 END")
    habits = [h for h in client.get("/habits").json if h["measure"] == "check"]
    writer = clients_of(app, client, 1)[0]
    answers, written, done = [], set(), threading.Event()

    def check_ins():
        round_ = 0
        while not done.is_set() or round_ < len(habits):
            habit = habits[-1 - round_ % len(habits)]  # from the last habit back to the first
            date = (today - datetime.timedelta(days=1 + round_ % 30)).isoformat()
            answers.append(writer.put(f"/habits/{habit['id']}/checkins/{date}",
                                      {"note": f"round {round_}"}).status_code)
            written.add((habit["id"], date))
            round_ += 1

    thread = threading.Thread(target=check_ins)
    thread.start()
    try:
        imports = [post_file(client, "/import/loop", path.read_bytes()).status_code
                   for _ in range(2)]
    finally:
        done.set()
        thread.join()
    assert imports == [200, 200]
    assert answers and set(answers) <= {200, 201}, answers
    stored = {(h["id"], c["date"]) for h in habits
              for c in client.get(f"/habits/{h['id']}/checkins?from={day(-40)}").json}
    assert written <= stored  # every acknowledged check-in is there
