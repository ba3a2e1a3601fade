"""Slow and idle clients cannot take `make run` down (issue 29, item 6): the app served as `make
run` serves it, on a fresh SQLite file, with 300 connections open and silent and 50 sending their
headers a byte at a time, still answers /healthz and a signed-in check-in PUT within a second, and
its workers' memory stays bounded. (gthread workers failed this: every thread was held by a
connection whose headers had not arrived.)"""
import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from .servers import ROOT, Gunicorn

IDLE, SLOW = 300, 50
TRICKLE = 2.0  # seconds between two header bytes of a slow client
HELD = 6.0  # seconds the connections are open before the first check: past any 5 s wait
ROUNDS = 3  # checks, TRICKLE apart
WITHIN = 1.0  # seconds an answer may take
GROWTH_MB = 32  # how much the workers may grow in all holding them (about 5 MB measured)


@pytest.fixture
def server(tmp_path):
    """The app as `make run` serves it (2 workers), on a fresh SQLite database."""
    url = f"sqlite:///{tmp_path}/orbit.db"
    subprocess.run([sys.executable, "-m", "flask", "--app", "server", "init-db"],
                   env={**os.environ, "DATABASE_URL": url}, cwd=ROOT, check=True,
                   capture_output=True)
    server = Gunicorn(url, tmp_path / "server.log").start()
    yield server
    server.stop()


def signed_in(server):
    """A new user's session cookies and CSRF header, and the id of their count habit."""
    browser = requests.Session()
    browser.headers["Connection"] = "close"  # nothing kept open past the set-up
    response = browser.post(f"{server.url}/api/v1/auth/register",
                            json={"email": "slow@example.org", "password": "a long password"})
    assert response.status_code == 201, response.text
    csrf = {"X-CSRF-Token": response.json()["csrf_token"]}
    habit = browser.post(f"{server.url}/api/v1/habits", headers=csrf,
                         json={"name": "Walk", "measure": "count", "target": 5,
                               "start_date": "2000-01-01"})
    assert habit.status_code == 201, habit.text
    return browser.cookies, csrf, habit.json()["id"]


@contextlib.contextmanager
def open_connections(port):
    """IDLE connections that send nothing, and SLOW ones that send a request's headers one byte
    every TRICKLE seconds (headers that never end), until the block is left."""
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(IDLE)]
    slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(SLOW)]
    header = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 10_000
    stop = threading.Event()

    def trickle():
        sent = 0
        while not stop.is_set():
            for sock in slow:
                with contextlib.suppress(OSError):  # closed by the server: that is allowed
                    sock.send(header[sent:sent + 1])
            sent += 1
            stop.wait(TRICKLE)

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        for sock in idle + slow:
            sock.close()


def timed(send):
    """(status or the error's name, seconds) of one request on a new connection."""
    started = time.monotonic()
    try:
        status = send().status_code
    except requests.RequestException as error:
        status = type(error).__name__
    return status, time.monotonic() - started


def workers_rss_mb(master):
    """The resident memory of the master's child processes, in MB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    total = 0
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(next(line for line in status.splitlines()
                          if line.startswith("VmRSS:")).split()[1])
    return total / 1024


def test_idle_and_slow_connections_do_not_stall_the_server(server):
    cookies, csrf, habit = signed_in(server)
    before = workers_rss_mb(server.process.pid)
    answers = []
    with open_connections(server.port):
        time.sleep(HELD)
        for n in range(ROUNDS):
            answers.append(("healthz", *timed(lambda: requests.get(
                f"{server.url}/healthz", timeout=WITHIN))))
            answers.append(("put", *timed(lambda: requests.put(
                f"{server.url}/api/v1/habits/{habit}/checkins/2000-01-{n + 2:02d}",
                json={"value": n + 1}, cookies=cookies, headers=csrf, timeout=WITHIN))))
            time.sleep(TRICKLE)
        during = workers_rss_mb(server.process.pid)
    slow = [answer for answer in answers
            if answer[1] not in (200, 201) or answer[2] >= WITHIN]
    assert not slow, f"answers (what, status, seconds) too slow or failed: {slow}\n{server.log()}"
    assert during - before < GROWTH_MB, (before, during)
