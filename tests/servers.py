"""Real app processes for the tests: gunicorn as `make run` serves it (server/gunicorn_conf.py),
on 127.0.0.1 and a port of its own, started, killed with SIGKILL and started again; and the
dispatcher loop (`flask reminders run`) run until it has done something."""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port):
    """True when something accepts connections on the port."""
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def dispatcher_until(done, env, what, timeout=30):
    """Run `flask reminders run` with `env` until `done()` is true (polled), then stop it with
    SIGTERM; fail with its error output if it stops first, or with `what` after `timeout` s."""
    process = subprocess.Popen([sys.executable, "-m", "flask", "--app", "server", "reminders",
                                "run"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while not done():
            assert process.poll() is None and time.monotonic() < deadline, \
                process.stderr.read().decode() if process.poll() is not None else what
            time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


class Gunicorn:
    """One gunicorn (a master and its workers) serving `create_app()` on `database_url`."""

    def __init__(self, database_url, log_path, workers=2, threads=8, port=None, **environ):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process = None
        self.env = {**os.environ, "DATABASE_URL": database_url, "HOST": "127.0.0.1",
                    "PORT": str(self.port), "WORKERS": str(workers), "THREADS": str(threads),
                    "ORBIT_SECRET_KEY": "servers-test",
                    # make run's dispatcher (on the machine's clock, not the tests') only where a
                    # test asks for it: ORBIT_DISPATCHER="on"
                    "ORBIT_DISPATCHER": "off", **environ}

    def start(self, timeout=30):
        """Start it and wait until /healthz says the database answers."""
        with open(self.log_path, "ab") as log:
            # A session (process group) of its own: kill() reaches the master and every worker.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "python:server.gunicorn_conf",
                 "server:create_app()"], env=self.env, cwd=ROOT, stdout=log, stderr=log,
                start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            try:
                if requests.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            assert self.process.poll() is None, f"gunicorn exited:\n{self.log()}"
            assert time.monotonic() < deadline, f"gunicorn did not start:\n{self.log()}"
            time.sleep(0.1)

    def kill(self):
        """SIGKILL the master and its workers at once, as a crash or the OOM killer would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while answers(self.port):  # a worker is gone only once the kernel has reaped it
            assert time.monotonic() < deadline, "a gunicorn worker outlived SIGKILL"
            time.sleep(0.05)

    def stop(self):
        """Stop it gracefully (SIGTERM), if it still runs."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self):
        """The end of what it wrote to stderr and stdout."""
        return Path(self.log_path).read_text(errors="replace")[-4000:]
