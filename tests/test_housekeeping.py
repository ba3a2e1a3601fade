"""Housekeeping (server/housekeeping.py): rows past their use go, in batches, rows still in use
and everything users logged stay; the dispatcher loop runs it once a day; `flask housekeeping`."""
import datetime
import logging
import os

from server.daily import OnceADay, run_daily
from server.db import database
from server.housekeeping import DailyHousekeeping, delete_in_batches, housekeep
from server.models import (ActionToken, Checkin, Habit, Invite, LoginAttempt, LoginSession,
                           SignUp, User)
from tests import clock
from tests.conftest import make_habit
from tests.servers import dispatcher_until

SECOND = datetime.timedelta(seconds=1)
DAY = datetime.timedelta(days=1)
LONG_AGO = datetime.datetime(2000, 1, 1)


def naive_now():
    return clock.now().replace(tzinfo=None)


def ids(model):
    return {row.id for row in model.select(model.id)}


class CountingTransactions:
    """The database, counting the transactions opened through it."""

    def __init__(self):
        self.opened = 0

    def atomic(self):
        self.opened += 1
        return database.atomic()


def test_rows_past_their_use_go_and_rows_in_use_stay(app, client, other):
    mine, theirs = make_habit(client), make_habit(other)
    assert client.put(f"/habits/{mine['id']}/checkins/{clock.today()}",
                      {"status": "done"}).status_code in (200, 201)
    now, n = clock.now(), naive_now()
    login_window = datetime.timedelta(seconds=app.config["LOGIN_WINDOW_SECONDS"])
    sign_up_window = datetime.timedelta(seconds=app.config["SIGN_UP_WINDOW_SECONDS"])
    month = datetime.timedelta(days=30)
    with app.app_context():
        me = User.get(User.email == client.user["email"])
        habit, their_habit = Habit.get_by_id(mine["id"]), Habit.get_by_id(theirs["id"])
        stale = {
            LoginAttempt: [LoginAttempt.create(email="x@example.org", address="10.9.9.9",
                                               created_at=n - login_window - SECOND)],
            SignUp: [SignUp.create(address="10.9.9.9", created_at=n - sign_up_window - SECOND)],
            ActionToken: [
                ActionToken.create(habit=habit, day=clock.today(), expires_at=n - DAY - SECOND),
                ActionToken.create(habit=their_habit, day=clock.today(), used_at=n - 2 * DAY,
                                   expires_at=n - DAY - SECOND)],
            Invite: [
                Invite.create(token_hash="expired", expires_at=n - month - SECOND),
                Invite.create(token_hash="withdrawn", expires_at=n + DAY,
                              revoked_at=n - month - SECOND),
                Invite.create(token_hash="used-deleted", expires_at=n - 2 * month,
                              used_at=n - month - SECOND)],
        }
        fresh = {
            LoginAttempt: [LoginAttempt.create(email="x@example.org", address="10.9.9.9",
                                               created_at=n - login_window + SECOND)],
            SignUp: [SignUp.create(address="10.9.9.9", created_at=n - sign_up_window + SECOND)],
            ActionToken: [
                ActionToken.create(habit=habit, day=clock.today(), expires_at=n - DAY + SECOND),
                ActionToken.create(habit=their_habit, day=clock.today(), expires_at=n + DAY)],
            Invite: [
                Invite.create(token_hash="open", expires_at=n + DAY),
                Invite.create(token_hash="just-expired", expires_at=n - month + SECOND),
                Invite.create(token_hash="just-withdrawn", expires_at=n + DAY,
                              revoked_at=n - month + SECOND),
                Invite.create(token_hash="used-by-me", expires_at=n - 300 * DAY,
                              used_at=n - 365 * DAY, used_by=me),
                Invite.create(token_hash="used-lately", expires_at=n - 2 * month,
                              used_at=n - month + SECOND)],
        }
        before = {model: ids(model) for model in stale}
        kept = {model: ids(model) for model in (User, LoginSession, Habit)}

        counts = housekeep(app.config, now)

        assert counts == {"login_attempt": 1, "sign_up": 1, "action_token": 2, "invite": 3,
                          "import_run": 0}
        for model, rows in stale.items():
            gone = {row.id for row in rows}
            assert ids(model) == before[model] - gone, model
            assert {row.id for row in fresh[model]} <= ids(model), model
        # Sign-ups of the test clients, sessions, accounts, habits and check-ins all stay.
        assert {model: ids(model) for model in kept} == kept
        assert Checkin.select().count() == 1
        assert housekeep(app.config, now) == dict.fromkeys(counts, 0)


def test_a_backlog_goes_in_batches(app, monkeypatch):
    with app.app_context():
        LoginAttempt.insert_many([{"email": f"a{i}@example.org", "address": "10.1.1.1",
                                   "created_at": LONG_AGO} for i in range(25)]).execute()
        keep = LoginAttempt.create(email="b@example.org", address="10.1.1.1",
                                   created_at=naive_now())
        counting = CountingTransactions()
        monkeypatch.setattr("server.housekeeping.database", counting)
        deleted = delete_in_batches(LoginAttempt, LoginAttempt.created_at < naive_now()
                                    - datetime.timedelta(hours=1), batch=10)
        assert deleted == 25 and counting.opened == 3  # 10, 10, 5: each its own transaction
        monkeypatch.undo()
        assert ids(LoginAttempt) == {keep.id}
        SignUp.insert_many([{"address": "10.1.1.1", "created_at": LONG_AGO}] * 20).execute()
        assert housekeep(app.config, clock.now(), batch=10)["sign_up"] == 20  # a batch, exactly
        assert SignUp.select().where(SignUp.created_at == LONG_AGO).count() == 0


def test_the_daily_run_is_once_a_day(app):
    now = clock.now()
    daily = DailyHousekeeping(app.config)
    with app.app_context():
        LoginAttempt.create(email="a@example.org", address="10.1.1.1", created_at=LONG_AGO)
        assert daily.run(now)["login_attempt"] == 1
        LoginAttempt.create(email="a@example.org", address="10.1.1.1", created_at=LONG_AGO)
        assert daily.run(now + datetime.timedelta(hours=5)) is None  # done today
        assert LoginAttempt.select().count() == 1
        assert daily.run(now + DAY)["login_attempt"] == 1  # the next day
        assert LoginAttempt.select().count() == 0


def test_a_failing_daily_job_leaves_the_others_running(caplog):
    class Broken(OnceADay):
        name = "broken"

        def run_once(self, now, day):
            raise OSError("disk full")

    class Counting(OnceADay):
        runs = 0

        def run_once(self, now, day):
            Counting.runs += 1

    jobs, now = [Broken(), Counting()], clock.now()
    with caplog.at_level(logging.ERROR):
        run_daily(jobs, now)
        run_daily(jobs, now + datetime.timedelta(minutes=1))
    assert Counting.runs == 1
    assert [r.getMessage() for r in caplog.records] == ["the daily broken failed"]


def test_the_dispatcher_loop_runs_housekeeping(app, database_url):
    """`flask reminders run` prunes at its first pass."""
    with app.app_context():
        LoginAttempt.create(email="a@example.org", address="10.1.1.1", created_at=LONG_AGO)
        SignUp.create(address="10.1.1.1", created_at=LONG_AGO)
    database.close_all()  # the process below takes the database's writers
    env = {**os.environ, "DATABASE_URL": database_url, "ORBIT_SECRET_KEY": "t"}
    env.pop("ORBIT_BACKUP_DIR", None)

    def pruned():
        with app.app_context():
            left = LoginAttempt.select().count() + SignUp.select().count()
        database.close_all()
        return not left
    dispatcher_until(pruned, env, "not pruned")


def test_the_command_prints_the_counts(app):
    with app.app_context():
        LoginAttempt.create(email="a@example.org", address="10.1.1.1", created_at=LONG_AGO)
    result = app.test_cli_runner().invoke(args=["housekeeping"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == ("login_attempt 1, sign_up 0, action_token 0, invite 0, "
                                     "import_run 0")
    with app.app_context():
        assert LoginAttempt.select().count() == 0
