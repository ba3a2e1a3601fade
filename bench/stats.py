"""Benchmark: GET /today, /habits/{id}/stats, /calendar and /summaries/weekly for a heavy user.

Builds 40 habits of mixed schedules with N years of history (5 years: about 60,000 check-ins),
then times the requests through the app (server-side: no network), on a SQLite file, and again
with twice the history to show how the time grows. Prints a Markdown table and writes it into
the README.
Run: make bench  (or: python -m bench.stats --years 5)
"""
import argparse
import datetime
import random
import statistics
import tempfile
import time

from server import create_app
from server.config import ROOT
from server.db import database, init_db
from server.models import Checkin, Habit, HabitRule, User
from tests.conftest import ApiClient

SCHEDULES = [{"type": "daily"}, {"type": "weekdays", "days": [0, 2, 4]},
             {"type": "per_week", "times": 3}, {"type": "per_month", "times": 8},
             {"type": "every_n_days", "n": 3}]
MEASURES = [("check", None), ("minutes", 20.0), ("count", 10.0)]


def build_user(client, years, seed=7):
    """40 habits with `years` of history, inserted directly (the API would take minutes)."""
    rng = random.Random(seed)
    user = User.get(User.email == client.user["email"])
    today = datetime.date.today()
    start = today - datetime.timedelta(days=365 * years)
    rows = []
    with database.atomic():
        for i in range(40):
            kind = "quit" if i % 10 == 9 else "build"
            schedule = {"type": "daily"} if kind == "quit" else SCHEDULES[i % len(SCHEDULES)]
            measure, target = MEASURES[i % len(MEASURES)]
            if kind == "quit":
                target = None if measure == "check" else 0.0
            habit = Habit.create(user=user, name=f"Habit {i}", kind=kind, measure=measure,
                                 start_date=start, set_start_date=start, position=i)
            HabitRule.create(habit=habit, effective_from=start, schedule=schedule, target=target,
                             anchor=start)
            fill = 0.15 if kind == "quit" else 0.85
            day = start
            while day < today:
                if rng.random() < fill:
                    status = "slip" if kind == "quit" else rng.choice(["done"] * 12 + ["skipped"])
                    value = None if measure == "check" and kind == "build" else float(
                        rng.randint(0, int(target or 3) * 2))
                    rows.append({"user": user.id, "habit": habit.id, "day": day,
                                 "status": status, "value": value})
                day += datetime.timedelta(days=1)
        for i in range(0, len(rows), 5000):
            Checkin.insert_many(rows[i:i + 5000]).execute()
    return len(rows)


def timed(client, path, repeat):
    """Milliseconds of each of `repeat` requests."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.json
    return times


def run(years, repeat):
    app = create_app({"DATABASE_URL": f"sqlite:///{tempfile.mkdtemp()}/bench.db",
                      "TESTING": True})
    with app.app_context():
        init_db()
        client = ApiClient(app).register("bench@example.org")
        count = build_user(client, years)
    habit_id = client.get("/habits").json[0]["id"]
    cold = timed(client, "/today", 1)[0]
    today = statistics.median(timed(client, "/today", repeat))
    stats = statistics.median(timed(client, f"/habits/{habit_id}/stats", repeat))
    calendar = statistics.median(timed(client, f"/habits/{habit_id}/calendar", repeat))
    summary_cold = timed(client, "/summaries/weekly", 1)[0]
    summary = statistics.median(timed(client, "/summaries/weekly", repeat))
    database.close_all()
    return {"years": years, "checkins": count, "today_cold": cold, "today": today,
            "stats": stats, "calendar": calendar, "summary_cold": summary_cold, "summary": summary}


def table(results):
    """The results as the Markdown table the README shows."""
    lines = ["| history | check-ins | /today cold | /today warm (median) | /stats (median) "
             "| /calendar 1 year (median) | /summaries/weekly cold | /summaries/weekly warm "
             "(median) |", "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['years']} years | {r['checkins']:,} | {r['today_cold']:.0f} ms "
                     f"| {r['today']:.1f} ms | {r['stats']:.1f} ms | {r['calendar']:.1f} ms "
                     f"| {r['summary_cold']:.0f} ms | {r['summary']:.1f} ms |")
    return "\n".join(lines)


def write_readme(text, name="stats", path=ROOT / "README.md"):
    """Replace what is between the README's bench:<name> markers."""
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    readme = path.read_text()
    head, _, rest = readme.partition(begin)
    _, _, tail = rest.partition(end)
    path.write_text(f"{head}{begin}\n{text}\n{end}{tail}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--no-readme", action="store_true", help="only print the table")
    args = parser.parse_args()
    text = table([run(args.years, args.repeat), run(args.years * 2, args.repeat)])
    print(text)
    if not args.no_readme:
        write_readme(text)


if __name__ == "__main__":
    main()
