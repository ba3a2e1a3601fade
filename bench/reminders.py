"""Benchmark: one dispatcher pass over 10,000 reminders (SQLite, in-process).

10,000 users each have a reflection reminder, at times spread over the day, each scheduled for
its next fire as the dispatcher keeps them; the pass runs at noon, when those of the last minute
are due. With `--due all`, every one is due at once (the dispatcher
was down): the worst pass. Sending is not timed: the reminders' channel is `push` and no device
is subscribed, so the figures are the dispatcher's own work (queries, claims, scheduling).
Run: python -m bench.reminders [--reminders 10000] [--due minute|all]
"""
import argparse
import datetime
import tempfile
import time

from server import create_app
from server.db import database, init_db
from server.models import Reminder, User
from server.notify.dispatcher import dispatch

from .stats import write_readme

UTC = datetime.timezone.utc


def build(count, due_all, now):
    """`count` users with one reminder each; their next fires spread over a day, or all past."""
    with database.atomic():
        User.insert_many([{"email": f"u{i}@example.org", "password_hash": "x", "timezone": "UTC"}
                          for i in range(count)]).execute()
        ids = [u.id for u in User.select(User.id)]
        rows = []
        for i, user_id in enumerate(ids):
            minute = i * 1440 // count
            local = datetime.time(minute // 60, minute % 60)
            fire = datetime.datetime.combine(now.date(), local, UTC)
            if due_all:
                fire = now - datetime.timedelta(minutes=1)
            elif fire < now - datetime.timedelta(minutes=1):  # passed: the next one, tomorrow
                fire += datetime.timedelta(days=1)
            rows.append({"user": user_id, "target": "reflection", "time": local.strftime("%H:%M"),
                         "days": list(range(7)), "channels": ["push"],
                         "next_fire_at": fire.replace(tzinfo=None)})
        for first in range(0, len(rows), 500):
            Reminder.insert_many(rows[first:first + 500]).execute()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--due", choices=["minute", "all"], default=None)
    parser.add_argument("--readme", action="store_true", help="both passes, into the README")
    args = parser.parse_args()
    lines = [one_pass(args.reminders, due) for due in ([args.due] if args.due else
                                                        ["minute", "all"])]
    print("\n".join(lines))
    if args.readme:
        write_readme("\n".join(f"- {line}" for line in lines), "reminders")


def one_pass(reminders, due, database_url=None):
    """A line on one pass over `reminders` reminders, of which those of a `due` are due (on a
    fresh SQLite file, or on the empty database of `database_url`)."""
    now = datetime.datetime(2026, 12, 2, 12, 0, 30, tzinfo=UTC)
    url = database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    app = create_app({"DATABASE_URL": url,
                      "TESTING": True, "NOW": lambda: now})
    with app.app_context():
        init_db()
        with database.connection_context():
            build(reminders, due == "all", now)
            began = time.perf_counter()
            counts = dispatch(app.config, now)
            seconds = time.perf_counter() - began
    database.close_all()
    shown = ", ".join(f"{n:,} {status}" for status, n in sorted(counts.items()))
    which = ("every one due (catching up after downtime)" if due == "all"
             else "those of the last minute due")
    return f"{reminders:,} reminders, {which}: one pass {seconds * 1000:,.0f} ms ({shown})"


if __name__ == "__main__":
    main()
