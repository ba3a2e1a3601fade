"""Web benchmark: Lighthouse 12 on the signed-in phone screens, as `make run` serves them.

Starts gunicorn on a fresh SQLite database, signs a user up and gives them several habits with a
few weeks of history (through the API), then runs Lighthouse (bench/web/, npm) with Debian's
Chromium and Lighthouse's default form factor (a mid-range phone on a throttled mobile network) on
Today, a habit's screen and its editor, signed in through the app's own form (bench/web/run.mjs),
five runs a screen and the median one kept. Lighthouse clears the origin's caches and service
worker before each run, so the bytes are a first load. Prints (and with --readme writes) each
category's score and the bytes transferred per screen.
Run: python -m bench.lighthouse [--readme] [--keep DIR]
"""
import argparse
import datetime
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .load import cookie_header
from .stats import write_readme

ROOT = Path(__file__).resolve().parent.parent
WEB_BENCH = ROOT / "bench" / "web"
RUNNER = WEB_BENCH / "run.mjs"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
EMAIL, PASSWORD = "lighthouse@example.org", "a long password"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET_SCORE = 0.95
TARGET_BYTES = 150 * 1024

# A user rebuilding their week: every measure, kind and schedule the screens draw differently.
IDENTITIES = [("I am someone who moves my body", "#2f7d4f"), ("I make art again", "#8a4fd0")]
HABITS = [
    {"name": "Strength training", "identity": 0, "measure": "minutes", "target": 30,
     "schedule": {"type": "per_week", "times": 3}},
    {"name": "Walk outside", "identity": 0, "measure": "count", "unit": "steps", "target": 6000},
    {"name": "Paint", "identity": 1, "measure": "minutes", "target": 20},
    {"name": "Sketchbook page", "identity": 1, "schedule": {"type": "weekdays", "days": [0, 2, 4]}},
    {"name": "Therapy session", "schedule": {"type": "per_month", "times": 4}, "private": True},
    {"name": "No reactive messages", "kind": "quit"},
    {"name": "Read", "measure": "count", "unit": "pages", "target": 10,
     "schedule": {"type": "every_n_days", "n": 2}},
]
HISTORY_DAYS = 42


def free_port():
    """A port nothing listens on, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port, directory):
    """gunicorn as `make run` starts it, on a fresh SQLite database in directory."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{directory}/bench.db", "PORT": str(port),
           "HOST": "127.0.0.1", "ORBIT_SECRET_KEY": "bench"}
    subprocess.run([sys.executable, "-m", "flask", "--app", "server", "init-db"], env=env,
                   check=True, capture_output=True)
    command = [sys.executable, "-m", "gunicorn", "-c", "python:server.gunicorn_conf",
               "server:create_app()"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start")


def request(connection, method, path, body=None, headers=None):
    """One JSON request; (status, body bytes, response)."""
    connection.request(method, path, body=json.dumps(body) if body is not None else None,
                       headers={"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    return response.status, response.read(), response


def seed(port):
    """A user with identities, habits and six weeks of check-ins and moods; the habits' ids."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    status, body, response = request(connection, "POST", "/api/v1/auth/register", {
        "email": EMAIL, "password": PASSWORD,
        "timezone": "Europe/Berlin"})
    if status != 201:
        raise SystemExit(f"sign-up failed: {status} {body[:200]!r}")
    cookie = cookie_header(response)
    headers = {"Cookie": cookie, "X-CSRF-Token": json.loads(body)["csrf_token"]}

    def call(method, path, payload=None):
        status, body, _ = request(connection, method, path, payload, headers)
        if status not in (200, 201):
            raise SystemExit(f"{method} {path}: {status} {body[:200]!r}")
        return json.loads(body)

    identity_ids = [call("POST", "/api/v1/identities", {"statement": s, "color": c})["id"]
                    for s, c in IDENTITIES]
    today = datetime.date.fromisoformat(call("GET", "/api/v1/today")["date"])
    start = today - datetime.timedelta(days=HISTORY_DAYS)
    habit_ids = []
    for spec in HABITS:
        payload = {k: v for k, v in spec.items() if k != "identity"}
        if "identity" in spec:
            payload["identity_id"] = identity_ids[spec["identity"]]
        habit = call("POST", "/api/v1/habits", {**payload, "start_date": start.isoformat()})
        habit_ids.append(habit["id"])
    items = []
    for offset in range(1, HISTORY_DAYS + 1):
        day = (today - datetime.timedelta(days=offset)).isoformat()
        for index, (spec, habit_id) in enumerate(zip(HABITS, habit_ids)):
            if (offset + index) % 4 == 0:
                continue  # a missed day now and then: the charts show both
            item = {"op": "put", "habit_id": habit_id, "date": day}
            if spec.get("kind") == "quit":
                item["value"] = 1 if offset % 9 == 0 else 0
            elif spec.get("measure") in ("count", "minutes"):
                item["value"] = round(spec["target"] * (0.6 + (offset % 5) / 5))
            items.append(item)
        call("PUT", f"/api/v1/reflections/{day}", {"mood": 2 + offset % 4})
    # Today under way: one habit done, one half done (the done and in-progress faces).
    items += [{"op": "put", "habit_id": habit_ids[2], "date": today.isoformat(), "value": 20},
              {"op": "put", "habit_id": habit_ids[1], "date": today.isoformat(), "value": 3000}]
    results = call("POST", "/api/v1/checkins/batch", {"items": items})["results"]
    refused = [r for r in results if not r["ok"]]
    if refused:
        raise SystemExit(f"{len(refused)} check-ins refused: {refused[0]}")
    return habit_ids


def lighthouse(base, screens, reports):
    """Lighthouse on each (name, hash) of screens, signed in; {name: parsed JSON report}."""
    command = ["node", str(RUNNER), base, EMAIL, PASSWORD, str(reports),
               *(f"{name}={hash_}" for name, hash_ in screens)]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return {name: (json.loads((reports / f"{name}.json").read_text()),
                   json.loads((reports / f"{name}.runs.json").read_text())) for name, _ in screens}


def summarize(name, report, performances):
    """One screen's row: category scores (and every run's performance), first-load bytes, and
    what fell short."""
    if report.get("runtimeError"):
        raise SystemExit(f"{name}: Lighthouse failed: {report['runtimeError']['message']}")
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    weight = report["audits"]["total-byte-weight"]["numericValue"]
    failing = [f"{audit_id} ({report['audits'][audit_id]['score']})"
               for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
               if ref["weight"] > 0
               for audit_id in [ref["id"]]
               if report["audits"][audit_id]["score"] not in (None, 1)]
    return {"screen": name, **scores, "runs": performances, "bytes": weight, "failing": failing,
            "final_url": report["finalDisplayedUrl"]}


def table(rows, load):
    """The rows as the Markdown table the README shows; load: the machine's load average."""
    lines = ["| screen | performance (median run) | its runs | accessibility | best practices "
             "| SEO | first load |", "|---|---|---|---|---|---|---|"]
    for row in rows:
        runs = ", ".join(f"{score:.2f}" for score in sorted(row["runs"]))
        scores = " | ".join(f"{row[c]:.2f}" for c in CATEGORIES[1:])
        lines.append(f"| {row['screen']} | {row['performance']:.2f} | {runs} | {scores} "
                     f"| {row['bytes'] / 1024:.1f} KiB |")
    met = all(row[c] >= TARGET_SCORE for row in rows for c in CATEGORIES) and all(
        row["bytes"] <= TARGET_BYTES for row in rows)
    lines.append("")
    lines.append(f"Targets: every category ≥ {TARGET_SCORE}, first load ≤ "
                 f"{TARGET_BYTES // 1024} KiB: {'met' if met else 'NOT met'} (load average "
                 f"{load:.1f} on {os.cpu_count()} cores during the runs).")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--readme", action="store_true", help="write the table to the README")
    parser.add_argument("--keep", help="a directory to keep the JSON reports in")
    args = parser.parse_args()
    if not (WEB_BENCH / "node_modules" / "lighthouse").exists():
        raise SystemExit("Lighthouse is not installed: make bench-web (npm ci in bench/web)")
    with tempfile.TemporaryDirectory() as directory:
        reports = Path(args.keep or directory)
        reports.mkdir(parents=True, exist_ok=True)
        port = free_port()
        server = start_server(port, directory)
        try:
            habit_ids = seed(port)
            screens = [("Today", "#/today"), ("Habit", f"#/habit/{habit_ids[0]}"),
                       ("Habit editor", f"#/habit/{habit_ids[0]}/edit")]
            found = lighthouse(f"http://127.0.0.1:{port}/", screens, reports)
            rows = [summarize(name, *found[name]) for name, _ in screens]
            for row in rows:
                print(row, file=sys.stderr)
        finally:
            server.terminate()
            server.wait()
    text = table(rows, os.getloadavg()[0])
    print(text)
    if args.readme:
        write_readme(text, "web")


if __name__ == "__main__":
    main()
