"""Benchmark: the journal's search (GET /journal?q=...) over ten years of daily notes.

The user searched has a reflection with a note every day and check-in notes for three habits on
most days (about 13,000 notes over 10 years); other users with as many notes share the database
(--others, default 4), so the index holds theirs too. Notes are made of words in several
languages, some accented, drawn with a Zipf-like skew (a few words in most notes, most words
rare). Timed warm through the app (server-side: no network) on SQLite and on PostgreSQL: a
common word, a rare one, an accent-free spelling of an accented word, a phrase, the first page
without a search, and the next page of a common word. Median and p95 of --repeat runs each.
Run: python -m bench.journal [--years 10] [--others 4] [--repeat 200] [--databases ...] [--readme]
"""
import argparse
import datetime
import random
import statistics
import tempfile
import time

from server import create_app
from server.db import database, init_db
from server.models import Checkin, Habit, Reflection, User
from tests.conftest import ApiClient

from .load import scratch_database
from .stats import write_readme

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
WORDS = ("today walk tired slept well rain sun work friend call long quiet morning evening run "
         "river park coffee café tea read book music paint anxious calm steady breathe family "
         "dinner garden lake forest train city week plan small step again better slow kind "
         "étude naïve crème brûlée über schön müde Straße mañana niño corazón qué día "
         "lighthouse harbour winter summer autumn spring letter therapy session patience "
         "message reply pause breath stretch yoga swim climb bike cook bread soup").split()
SEARCHES = [("a common word", "walk"), ("a rare word", "lighthouse"),
            ("accents left out", "creme brulee"), ("a phrase", '"long walk"'),
            ("no search (first page)", None)]


def note(rng):
    """A note of 6 to 30 words, the first words of the list the most common."""
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]
    words = rng.choices(WORDS, weights, k=rng.randint(6, 30))
    if rng.random() < 0.05:
        words[rng.randrange(len(words)):0] = ["long", "walk"]
    return " ".join(words).capitalize() + "."


def timed(client, query, repeat):
    """Median and p95 in ms of `repeat` warm GET /journal with `query` (after 5 warm-ups)."""
    for _ in range(5):
        response = client.get("/journal", query_string=query)
        assert response.status_code == 200, response.json
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get("/journal", query_string=query)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], response.json


def run(kind, years, others, repeat):
    """Every figure of one database: {label: (median, p95, entries on the page)}, notes."""
    rng = random.Random(25)
    with tempfile.TemporaryDirectory() as directory, \
            scratch_database(kind, directory, PG_URL, "journal") as url:
        app = create_app({"DATABASE_URL": url})
        with app.app_context():
            init_db()
        client = ApiClient(app).register("journal@example.org")
        with app.app_context(), database.connection_context():
            user = User.get(User.email == "journal@example.org")
            notes = add_notes(user, years, rng)
            for n in range(others):
                add_notes(User.create(email=f"other{n}@example.org", password_hash="x"), years,
                          rng)
            if kind == "postgresql":
                database.execute_sql("ANALYZE")
        figures = {}
        for label, q in SEARCHES:
            figures[label] = timed(client, {"q": q} if q else {}, repeat)
        cursor = figures["a common word"][2]["next_cursor"]
        figures["a common word, next page"] = timed(client, {"q": "walk", "before": cursor},
                                                    repeat)
        database.close_all()
    return figures, notes


def add_notes(user, years, rng):
    """`years` of notes: every day's reflection, three habits' check-ins on most days; how
    many. Inserted directly, as an import writes them (the database's index follows)."""
    today = datetime.date.today()
    days = [today - datetime.timedelta(days=n) for n in range(int(years * 365.25))]
    habits = [Habit.create(user=user, name=name, start_date=days[-1], set_start_date=days[-1])
              for name in ("Run", "Read", "Therapy homework")]
    rows = [{"user": user.id, "day": day, "mood": rng.randint(1, 5), "note": note(rng)}
            for day in days]
    checkins = [{"user": user.id, "habit": habit.id, "day": day, "status": "done",
                 "note": note(rng)} for day in days for habit in habits if rng.random() < 0.8]
    with database.atomic():
        for model, batch in ((Reflection, rows), (Checkin, checkins)):
            for start in range(0, len(batch), 2000):
                model.insert_many(batch[start:start + 2000]).execute()
    return len(rows) + len(checkins)


def table(results, years, others, repeat):
    """The Markdown the README shows."""
    kinds = list(results)
    lines = ["| GET /journal | " + " | ".join(f"{kind}: median / p95 (entries)" for kind in kinds)
             + " |", "|---|" + "---|" * len(kinds)]
    for label in results[kinds[0]][0]:
        cells = [f"{results[k][0][label][0]:.1f} / {results[k][0][label][1]:.1f} ms "
                 f"({len(results[k][0][label][2]['entries'])})" for k in kinds]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    notes = results[kinds[0]][1]
    lines.append(f"\n{years} years: the user's {notes:,} notes (a reflection every day, three "
                 f"habits' check-ins most days) among {others} other users' as many; pages of "
                 f"50, each figure {repeat} warm requests through the app (no network), "
                 f"{datetime.date.today():%B %Y}, this 2-core machine.")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--others", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--readme", action="store_true", help="write the table to the README")
    args = parser.parse_args()
    results = {kind: run(kind, args.years, args.others, args.repeat)
               for kind in args.databases.split(",")}
    text = table(results, args.years, args.others, args.repeat)
    print(text)
    if args.readme:
        write_readme(text, "journal")


if __name__ == "__main__":
    main()
