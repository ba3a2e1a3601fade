"""The reminder dispatcher as a child of gunicorn's master (server/gunicorn_conf.py), and what
`make run` says when it is ready: the address to open, and whether mail and Web Push are set."""
import os
import signal
import smtplib
import sys
import threading
from pathlib import Path

from . import links
from .config import from_environment
from .notify.email import MailNotConfigured, smtp_settings

ROOT = Path(__file__).resolve().parent.parent
RESTART_AFTER = 5  # seconds between a dispatcher that died and the next


class ServerDispatcher:
    """`flask --app server reminders run`, started with the server, started again when it dies,
    stopped (SIGTERM, then SIGKILL after 15 s) when the server stops. It runs in a session of its
    own, so a Ctrl-C reaches gunicorn, which stops it, instead of racing the restart; and it
    stops by itself when the master is gone (ORBIT_DISPATCHER_PARENT, watched in server/cli.py).

    It is started with posix_spawn, not subprocess.Popen: Popen waits on a pipe that closes when
    the child execs, and a worker gunicorn forks in that moment keeps the pipe's other end open
    (workers never exec), which left the supervising thread waiting for as long as that worker
    lived."""

    def __init__(self):
        self.pid = None
        self.stopping = threading.Event()
        self.exited = threading.Event()
        self.thread = None

    @staticmethod
    def wanted():
        """False when ORBIT_DISPATCHER=off: a separate `reminders run` delivers instead."""
        return os.environ.get("ORBIT_DISPATCHER", "on").strip().lower() not in (
            "off", "0", "false", "no")

    def start(self, log):
        if not self.wanted() or self.thread is not None:
            return
        self.thread = threading.Thread(target=self.supervise, args=(log,), daemon=True,
                                       name="dispatcher-supervisor")
        self.thread.start()

    def spawn(self):
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "ORBIT_DISPATCHER_PARENT": str(os.getpid()), "PYTHONPATH": path}
        return os.posix_spawn(sys.executable, [sys.executable, "-m", "flask", "--app", "server",
                                               "reminders", "run"], env, setsid=True)

    def supervise(self, log):
        while not self.stopping.is_set():
            self.exited.clear()
            self.pid = self.spawn()
            print(f"Reminder dispatcher started (pid {self.pid})", flush=True)
            try:
                _, status = os.waitpid(self.pid, 0)
                code = os.waitstatus_to_exitcode(status)
            except ChildProcessError:  # gunicorn's SIGCHLD handler reaped it first
                code = "reaped by the master"
            self.exited.set()
            if not self.stopping.is_set():
                log.error("Reminder dispatcher exited (%s); starting it again in %s s", code,
                          RESTART_AFTER)
                self.stopping.wait(RESTART_AFTER)

    def stop(self):
        self.stopping.set()
        if self.pid is None or self.exited.is_set():
            return
        try:
            os.kill(self.pid, signal.SIGTERM)
            if not self.exited.wait(15):
                os.kill(self.pid, signal.SIGKILL)
                self.exited.wait(5)
        except ProcessLookupError:
            pass
        if self.thread is not None:
            self.thread.join(timeout=5)


def mail_status(config):
    """One line on email: not set up, set up but its server does not answer, or ready."""
    try:
        scheme, host, port, *_ = smtp_settings(config)
    except MailNotConfigured as error:
        return f"not set up ({error})"
    try:
        connect = smtplib.SMTP_SSL if scheme == "smtps" else smtplib.SMTP
        with connect(host, port, timeout=3) as smtp:
            smtp.noop()
    except (OSError, smtplib.SMTPException) as error:
        return f"set up, but {host}:{port} does not answer ({type(error).__name__})"
    return f"ready (through {host}:{port})"


def push_status(config):
    """One line on Web Push: its key, and whether browsers will take it at this address."""
    key = ("ORBIT_VAPID_PRIVATE_KEY" if config.get("VAPID_PRIVATE_KEY")
           else "a key generated on first use and kept in the database")
    base = links.announced_address(config)
    secure = base.startswith("https://") or "//127.0.0.1" in base or "//localhost" in base
    return (f"ready ({key})" if secure else
            f"set up ({key}), but phones accept it only over HTTPS (links start with {base})")


def print_readiness(bind, dispatcher):
    """What `make run` says once it listens."""
    config = from_environment()
    host, _, port = bind.rpartition(":")
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    lines = [f"Orbit is ready: open http://{shown}:{port}/",
             f"  Mail:      {mail_status(config)}",
             f"  Web Push:  {push_status(config)}",
             "  Reminders: " + ("sent by a dispatcher started with this server" if dispatcher
                                else "ORBIT_DISPATCHER=off: run `flask --app server reminders "
                                     "run` to send them")]
    print("\n".join(lines), flush=True)
