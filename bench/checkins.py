"""Load benchmark: check-in PUTs against the app as `make run` serves it (gunicorn, SQLite).

Starts gunicorn on a fresh database with the worker model asked for, signs a user up, and runs
CLIENTS threads, each PUTting check-ins over a keep-alive connection with an API token, for
SECONDS. Prints requests a second and latency percentiles. Bounded: it stops by itself.
Run: python -m bench.checkins [--worker-class sync|gthread] [--clients 8] [--seconds 10]
"""
import argparse
import datetime
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from tests.test_serving import free_port


def request(connection, method, path, body=None, headers=None):
    connection.request(method, path, body=json.dumps(body) if body is not None else None,
                       headers={"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    return response.status, response.read(), response


def start_server(worker_class, port, directory):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{directory}/bench.db", "PORT": str(port),
           "ORBIT_SECRET_KEY": "bench"}
    subprocess.run([sys.executable, "-m", "flask", "--app", "server", "init-db"], env=env,
                   check=True, capture_output=True)
    command = [sys.executable, "-m", "gunicorn", "-c", "python:server.gunicorn_conf",
               "--worker-class", worker_class, "server:create_app()"]
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


def set_up(port):
    """A user with an API token and one habit per client; (token, habit ids)."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    status, body, response = request(connection, "POST", "/api/v1/auth/register",
                                     {"email": "bench@example.org", "password": "a long password"})
    cookie = response.getheader("Set-Cookie").split(";")[0]
    headers = {"Cookie": cookie, "X-CSRF-Token": json.loads(body)["csrf_token"]}
    created = request(connection, "POST", "/api/v1/tokens", {"name": "bench"}, headers)[1]
    token = json.loads(created)["token"]
    auth = {"Authorization": f"Bearer {token}"}
    habits = [json.loads(request(connection, "POST", "/api/v1/habits",
                                 {"name": f"h{i}", "measure": "count", "target": 5}, auth)[1])["id"]
              for i in range(32)]
    return auth, habits


def run_clients(port, auth, habits, clients, seconds):
    latencies, errors = [], []
    deadline = time.monotonic() + seconds
    today = datetime.date.today()

    def client(index):
        connection = http.client.HTTPConnection("127.0.0.1", port)
        n = 0
        while time.monotonic() < deadline:
            day = today - datetime.timedelta(days=1 + n % 300)
            started = time.perf_counter()
            status = request(connection, "PUT", f"/api/v1/habits/{habits[index]}/checkins/{day}",
                             {"value": n % 9}, auth)[0]
            latencies.append(time.perf_counter() - started)
            if status not in (200, 201):
                errors.append(status)
            n += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker-class", default="gthread")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as directory:
        process = start_server(args.worker_class, port, directory)
        try:
            auth, habits = set_up(port)
            latencies, errors = run_clients(port, auth, habits, args.clients, args.seconds)
        finally:
            process.terminate()
            process.wait(timeout=10)
    quantiles = statistics.quantiles(latencies, n=100)
    print(f"{args.worker_class}: {len(latencies) / args.seconds:.0f} PUT/s, "
          f"p50 {quantiles[49] * 1000:.1f} ms, p99 {quantiles[98] * 1000:.1f} ms, "
          f"{len(errors)} errors, {args.clients} clients")


if __name__ == "__main__":
    main()
