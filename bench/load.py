"""Serving and loading for the throughput benchmarks: gunicorn on 127.0.0.1 with the settings of
`make run` (server/gunicorn_conf.py: 2 workers of 8 threads), a scratch database of its own
(a SQLite file, or a PostgreSQL database orbit_bench_<random> dropped afterwards), and clients on
keep-alive connections for a fixed time (bounded: everything stops by itself)."""
import contextlib
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid

import psycopg2

from server.config import ROOT
from tests.servers import free_port


def call(connection, method, path, body=None, headers=None):
    """One request on a kept-alive connection: (status, body bytes, response)."""
    connection.request(method, path, body=json.dumps(body) if body is not None else None,
                       headers={"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    return response.status, response.read(), response


def admin_sql(server_url, sql):
    """One statement on a PostgreSQL server's maintenance database, outside a transaction."""
    connection = psycopg2.connect(server_url)
    connection.autocommit = True
    try:
        connection.cursor().execute(sql)
    finally:
        connection.close()


@contextlib.contextmanager
def scratch_database(kind, directory, pg_url, label):
    """A URL to an empty database: a SQLite file in `directory`, or a PostgreSQL database of its
    own on the server of `pg_url`, dropped when done."""
    if kind == "sqlite":
        yield f"sqlite:///{directory}/{label}.db"
        return
    name = f"orbit_bench_{uuid.uuid4().hex[:10]}"
    admin_sql(pg_url, f'CREATE DATABASE "{name}"')
    try:
        yield f"{pg_url.rpartition('/')[0]}/{name}"
    finally:
        admin_sql(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def gunicorn(app, database_url, init_db=False):
    """gunicorn serving `app` ("module:create_app()") as `make run` does; yields its port."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "PORT": str(port), "HOST": "127.0.0.1",
           "ORBIT_SECRET_KEY": "bench", "WORKERS": "2", "THREADS": "8"}
    if init_db:
        subprocess.run([sys.executable, "-m", "flask", "--app", "server", "init-db"], env=env,
                       cwd=ROOT, check=True, capture_output=True)
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c",
                                "python:server.gunicorn_conf", app], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit(f"gunicorn did not start: {app}")
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


def run_clients(port, clients, seconds, make_request):
    """`clients` threads, each on its own keep-alive connection, sending
    make_request(client, n) -> (method, path, body, headers) for `seconds`; returns
    (latencies in seconds, unexpected statuses)."""
    latencies, errors = [], []
    deadline = time.monotonic() + seconds

    def client(index):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n = 0
        while time.monotonic() < deadline:
            method, path, body, headers = make_request(index, n)
            started = time.perf_counter()
            try:
                status = call(connection, method, path, body, headers)[0]
            except (OSError, http.client.HTTPException) as error:  # counted, then a new connection
                errors.append(type(error).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            latencies.append(time.perf_counter() - started)
            if status >= 300:
                errors.append(status)
            n += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def summarize(latencies, seconds, errors):
    """Requests a second, p50 and p99 in milliseconds, and the error count of pooled runs."""
    quantiles = statistics.quantiles(latencies, n=100)
    return {"rate": len(latencies) / seconds, "p50": quantiles[49] * 1000,
            "p99": quantiles[98] * 1000, "errors": len(errors), "requests": len(latencies)}


def cookie_header(response):
    """The Cookie header that sends back every cookie an http.client response set (the session
    and the sign-in's device cookie)."""
    return "; ".join(value.split(";")[0] for value in response.msg.get_all("Set-Cookie") or [])
