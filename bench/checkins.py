"""Load benchmark: check-in PUTs through gunicorn, next to a bare Flask + Peewee app.

For SQLite and PostgreSQL (postgresql://postgres@127.0.0.1:5432/test unless --pg-url; a database
of its own is created and dropped): Orbit and bench/bare_app.py (one insert per request) each
served as `make run` serves Orbit (gunicorn, 2 workers of 8 threads, 127.0.0.1), loaded by 8 and
then 32 clients on keep-alive connections, in alternating runs (bare, Orbit, Orbit, bare...) so
that whatever else the machine does weighs on both alike. Orbit's clients each PUT a value to a
habit of their own with an API token, walking back over the last 300 days (creates, then
updates; most move the habit's revision on). Then GET /today and GET /summaries/weekly of the
heavy user of bench/stats.py (40 habits, 5 years) at 8 clients, and one dispatcher pass over
10,000 reminders (bench/reminders.py) on each database.
Run: python -m bench.checkins [--seconds 3] [--rounds 4] [--databases sqlite,postgresql] [--readme]
"""
import argparse
import datetime
import http.client
import json
import os
import statistics
import tempfile
from types import SimpleNamespace

import psycopg2

from server import create_app
from server.db import database

from .load import call, cookie_header, gunicorn, run_clients, scratch_database, summarize
from .reminders import one_pass
from .stats import build_user, write_readme

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
HABITS = 32


def sign_up(port, email):
    """A new account with an API token; (auth headers, user JSON)."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    status, body, response = call(connection, "POST", "/api/v1/auth/register",
                                  {"email": email, "password": "a long password"})
    assert status == 201, body
    cookie = cookie_header(response)
    headers = {"Cookie": cookie, "X-CSRF-Token": json.loads(body)["csrf_token"]}
    token = json.loads(call(connection, "POST", "/api/v1/tokens", {"name": "bench"}, headers)[1])
    return {"Authorization": f"Bearer {token['token']}"}, json.loads(body)["user"]


def checkin_user(port):
    """A user with one count habit per client; the PUT of client `index`'s n-th request."""
    auth, _ = sign_up(port, "bench@example.org")
    connection = http.client.HTTPConnection("127.0.0.1", port)
    today = datetime.date.today()
    started = (today - datetime.timedelta(days=400)).isoformat()  # habits kept for a while
    habits = [json.loads(call(connection, "POST", "/api/v1/habits",
                              {"name": f"h{i}", "measure": "count", "target": 5,
                               "start_date": started}, auth)[1])["id"]
              for i in range(HABITS)]

    def put(index, n):
        day = today - datetime.timedelta(days=1 + n % 300)
        return ("PUT", f"/api/v1/habits/{habits[index % HABITS]}/checkins/{day}",
                {"value": n % 9}, auth)
    return put


def bare_put(index, n):
    """The bare app's insert, with the same body as Orbit's PUT."""
    return "PUT", f"/items/{index}", {"value": n % 9}, {}


def compare_puts(bare_port, orbit_port, orbit_put, clients, seconds, rounds):
    """Alternating runs of both apps at `clients` clients: their pooled figures, and the ratio of
    their rates in each round (both measured back to back, under the same load)."""
    apps = {"bare": (bare_port, bare_put), "orbit": (orbit_port, orbit_put)}
    pooled = {name: ([], []) for name in apps}
    for name, (port, make) in apps.items():  # warm-up: pools filled, code paths hot
        run_clients(port, clients, 1, make)
    ratios = []
    for r in range(rounds):
        rates = {}
        for name in (["bare", "orbit"] if r % 2 == 0 else ["orbit", "bare"]):
            port, make = apps[name]
            latencies, errors = run_clients(port, clients, seconds, make)
            rates[name] = len(latencies) / seconds
            pooled[name][0].extend(latencies)
            pooled[name][1].extend(errors)
        ratios.append(rates["orbit"] / rates["bare"])
    figures = {name: summarize(lat, seconds * rounds, err) for name, (lat, err) in pooled.items()}
    figures["ratios"] = sorted(ratios)
    return figures


def heavy_reads(url, port, seconds):
    """GET /today and GET /summaries/weekly of bench/stats.py's heavy user at 8 clients."""
    auth, user = sign_up(port, "heavy@example.org")
    app = create_app({"DATABASE_URL": url})
    with app.app_context(), database.connection_context():
        build_user(SimpleNamespace(user=user), 5)
    database.close_all()
    results = {}
    for path in ("/api/v1/today", "/api/v1/summaries/weekly"):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        assert call(connection, "GET", path, headers=auth)[0] == 200  # the cold one: caches it
        run_clients(port, 8, 1, lambda i, n: ("GET", path, None, auth))
        latencies, errors = run_clients(port, 8, seconds, lambda i, n: ("GET", path, None, auth))
        results[path] = summarize(latencies, seconds, errors)
    return results


def bench_database(kind, pg_url, seconds, rounds):
    """Every figure of one database."""
    with tempfile.TemporaryDirectory() as directory, \
            scratch_database(kind, directory, pg_url, "orbit") as orbit_url, \
            scratch_database(kind, directory, pg_url, "bare") as bare_url, \
            gunicorn("server:create_app()", orbit_url, init_db=True) as orbit_port, \
            gunicorn("bench.bare_app:create_app()", bare_url) as bare_port:
        orbit_put = checkin_user(orbit_port)
        puts = {clients: compare_puts(bare_port, orbit_port, orbit_put, clients, seconds, rounds)
                for clients in (8, 32)}
        reads = heavy_reads(orbit_url, orbit_port, seconds)
    with tempfile.TemporaryDirectory() as directory, \
            scratch_database(kind, directory, pg_url, "reminders") as url:
        dispatch = one_pass(10_000, "minute", url)
    return {"puts": puts, "reads": reads, "dispatch": dispatch}


def table(results, seconds, rounds, load):
    """The Markdown the README shows."""
    lines = ["| database | clients | bare app PUT/s | Orbit PUT/s | Orbit / bare: median "
             "(range) of the rounds | bare p50 / p99 "
             "| Orbit p50 / p99 | errors |", "|---|---|---|---|---|---|---|---|"]
    for kind, result in results.items():
        for clients, figures in result["puts"].items():
            bare, orbit = figures["bare"], figures["orbit"]
            lines.append(
                f"| {kind} | {clients} | {bare['rate']:.0f} | {orbit['rate']:.0f} "
                f"| **{statistics.median(figures['ratios']):.2f}** "
                f"({figures['ratios'][0]:.2f}–{figures['ratios'][-1]:.2f}) "
                f"| {bare['p50']:.1f} / {bare['p99']:.1f} ms "
                f"| {orbit['p50']:.1f} / {orbit['p99']:.1f} ms "
                f"| {bare['errors'] + orbit['errors']} |")
    lines += ["", "| database | GET /today, heavy user, 8 clients | GET /summaries/weekly, "
              "8 clients | one dispatcher pass |", "|---|---|---|---|"]
    for kind, result in results.items():
        today, weekly = (result["reads"][p] for p in ("/api/v1/today", "/api/v1/summaries/weekly"))
        lines.append(f"| {kind} | {today['rate']:.0f}/s, p50 {today['p50']:.0f} ms, p99 "
                     f"{today['p99']:.0f} ms | {weekly['rate']:.0f}/s, p50 {weekly['p50']:.0f} ms, "
                     f"p99 {weekly['p99']:.0f} ms | {result['dispatch']} |")
    lines.append(f"\n{rounds} rounds of {seconds:g} s per app and client count, the apps "
                 "alternating; rates and percentiles pooled over the rounds, the ratio taken "
                 f"in each round. Load average {load[0]:.1f} at the start, {load[1]:.1f} at the "
                 f"end, on {os.cpu_count()} cores.")
    return "\n".join(lines)


def reachable(pg_url):
    """True when the PostgreSQL server of `pg_url` accepts a connection."""
    try:
        psycopg2.connect(pg_url, connect_timeout=3).close()
    except psycopg2.OperationalError:
        return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--pg-url", default=PG_URL)
    parser.add_argument("--databases", default="sqlite,postgresql",
                        help="which of sqlite,postgresql")
    parser.add_argument("--readme", action="store_true", help="write the tables into the README")
    args = parser.parse_args()
    kinds = [kind for kind in ("sqlite", "postgresql") if kind in args.databases.split(",")]
    if "postgresql" in kinds and not reachable(args.pg_url):
        print(f"PostgreSQL at {args.pg_url} does not answer: measuring SQLite only.")
        kinds.remove("postgresql")
    started = os.getloadavg()[0]
    results = {kind: bench_database(kind, args.pg_url, args.seconds, args.rounds)
               for kind in kinds}
    text = table(results, args.seconds, args.rounds, (started, os.getloadavg()[0]))
    print(text)
    if args.readme:
        write_readme(text, "checkins")


if __name__ == "__main__":
    main()
