"""Migration 0026_note_search: the notes written before it are found by search after it, on
both databases; and the index follows writes that bypass the API (an import's bulk insert)."""
import datetime
import uuid

from playhouse.migrations import Runner

from server import create_app
from server.db import MIGRATIONS, database, init_db
from server.models import Checkin, Reflection, User
from server.importers.plan import Plan
from server.models import Habit
from server.store.checkins_bulk import insert_rows, write_reflections
from server.store.journal import journal
from tests.test_app import empty_database_url  # noqa: F401 (the fixture)


def test_notes_written_before_the_migration_are_found(empty_database_url):  # noqa: F811
    app = create_app({"DATABASE_URL": empty_database_url, "TESTING": True})
    day = datetime.date(2026, 3, 2)
    with app.app_context(), database.connection_context():
        Runner(database.obj, directory=str(MIGRATIONS)).up(target="0025_oidc")
        param = database.obj.param
        database.execute_sql(
            f'INSERT INTO "user" (uuid, email, password_hash, timezone, week_start, day_start, '
            f"session_version, created_at) VALUES ({param}, 'a@b.c', 'x', 'UTC', 'mon', '00:00', "
            f"1, {param})", (str(uuid.uuid4()), datetime.datetime(2026, 1, 1)))
        database.execute_sql(
            f"INSERT INTO reflection (uuid, user_id, day, mood, note, acted_at, updated_at) "
            f"VALUES ({param}, 1, {param}, 3, 'Un café crème, enfin', {param}, {param})",
            (str(uuid.uuid4()), day, datetime.datetime(2026, 3, 2), datetime.datetime(2026, 3, 2)))
    with app.app_context():
        assert "0026_note_search" in init_db()
        with database.connection_context():
            user = User.get()
            entries, _ = journal(user, q="cafe creme")
            assert [(e.day, e.note) for e in entries] == [(day, "Un café crème, enfin")]
            Reflection.update(note="Tea").where(Reflection.user == user).execute()
            assert journal(user, q="café")[0] == [] and len(journal(user, q="tea")[0]) == 1
            assert Checkin.select().count() == 0
    database.close_all()


def test_an_imports_bulk_reflections_are_found(app):
    with app.app_context(), database.connection_context():
        user = User.create(email="bulk@example.org", password_hash="x")
        days = {datetime.date(2026, 1, 1) + datetime.timedelta(days=n):
                {"mood": 1 + n % 5, "note": f"Day {n} of the naïve year"} for n in range(30)}
        today = datetime.date(2026, 6, 1)
        with database.atomic():
            write_reflections(user, days, today, Plan(source="daylio"))
        assert len(journal(user, q="naive", limit=100)[0]) == 30
        assert [e.note for e in journal(user, q='"day 7 of"')[0]] == ["Day 7 of the naïve year"]
        changed = {d: {"mood": 2, "note": "Rewritten"} for d in list(days)[:10]}
        with database.atomic():
            write_reflections(user, {**days, **changed}, today, Plan(source="daylio"))
        assert len(journal(user, q="naive", limit=100)[0]) == 20
        assert len(journal(user, q="rewritten", limit=100)[0]) == 10
        habit = Habit.create(user=user, name="Swim", start_date=today, set_start_date=today)
        with database.atomic():
            insert_rows(Checkin, [{"user": user.id, "habit": habit.id, "day": day,
                                   "status": "done", "note": "Cold lake, élan"} for day in days])
        found = journal(user, q="elan", limit=100)[0]
        assert len(found) == 30 and found[0].habit == {"id": habit.id, "name": "Swim"}
