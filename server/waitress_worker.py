"""A gunicorn worker that serves with waitress (server/gunicorn_conf.py names it).

gunicorn's master keeps what it does well: several worker processes, one restarted when it dies,
SIGTERM to stop gracefully, SIGHUP to reload. In each worker, waitress's event loop reads every
connection, and a request reaches one of the worker's threads only once its headers and body
have all arrived, so an idle or slow client holds a socket and a few kilobytes, never a thread.
(gthread workers read the headers in the thread: 20 clients sending a header byte every 10 s
held all 16 and /healthz stopped answering.) What waitress refuses itself (headers too large, a
malformed request) is answered with the API's error envelope.
"""
import json
import logging
import os
import time

from gunicorn.workers.base import Worker
from waitress import utilities, wasyncore
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server

from .errors import MESSAGES

# What one worker lets its connections hold, and for how long (README, "Slow and idle clients").
ADJUSTMENTS = {
    "channel_timeout": 30,  # a connection that sends nothing for 30 s is closed...
    "cleanup_interval": 5,  # ...at the next check, 5 s apart
    "max_request_header_size": 8192,  # the request line and headers together, as Tomcat's
    "max_request_body_size": 32 * 1024 * 1024,  # the imports' limit; each route has its own
    "inbuf_overflow": 64 * 1024,  # a larger body waits in a temporary file, not in memory
    "asyncore_use_poll": True,  # select() cannot watch file descriptors past 1024
    "clear_untrusted_proxy_headers": False,  # the app decides whom to believe (TRUSTED_PROXIES)
    "ident": "",  # no Server header
}
POLL_SECONDS = 1.0  # the loop's longest sleep: how soon it tells the master it lives, sees SIGTERM

# A full task queue only means requests wait for a thread, as they would anywhere: no warning.
logging.getLogger("waitress.queue").setLevel(logging.ERROR)

# The security headers of the app's own answers (server/security.py), for a JSON error body.
REFUSAL_HEADERS = [("X-Content-Type-Options", "nosniff"),
                   ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
                   ("Referrer-Policy", "same-origin"), ("Cache-Control", "no-store")]


def json_refusal(error, ident=None):
    """waitress's answer to a request it refuses itself, in the API's one error envelope."""
    if error.code in (413, 431):
        code, message = "too_large", (MESSAGES[413] if error.code == 413
                                      else "The request headers are too large.")
    elif error.code == 500:
        code, message = "internal_error", MESSAGES[500]
    else:  # 400, or 501 for a transfer coding other than chunked
        code, message = "bad_request", "The request is malformed."
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [("Content-Type", "application/json"), *REFUSAL_HEADERS]
    return f"{error.code} {error.reason}", headers, body


utilities.Error.to_response = json_refusal


class WaitressWorker(Worker):
    """One gunicorn worker process: waitress on the master's listening sockets, THREADS threads
    and up to `worker_connections` connections."""

    def run(self):
        """Serve until SIGTERM (or the master is gone), then finish the requests under way."""
        channels = {}  # waitress's map: listening sockets, connections, its trigger
        server = create_server(self.wsgi, map=channels, sockets=[s.sock for s in self.sockets],
                               threads=self.cfg.threads,
                               connection_limit=self.cfg.worker_connections, **ADJUSTMENTS)
        while self.alive and self.ppid == os.getppid():
            self.notify()
            wasyncore.loop(timeout=POLL_SECONDS, map=channels, use_poll=True, count=1)
        self.drain(channels)
        server.task_dispatcher.shutdown(timeout=5)
        wasyncore.close_all(channels)

    def drain(self, channels):
        """Stop accepting; serve the requests that have arrived whole and send their answers, for
        up to `graceful_timeout` seconds; close every other connection (idle, or a request still
        arriving: its client sends it again)."""
        deadline = time.monotonic() + self.cfg.graceful_timeout
        while time.monotonic() < deadline:
            busy = False
            for channel in list(channels.values()):
                if isinstance(channel, BaseWSGIServer):
                    channel.accepting = False  # the listening socket stays the master's
                elif not isinstance(channel, HTTPChannel):
                    continue  # the trigger that wakes the loop
                elif channel.requests or channel.total_outbufs_len:
                    busy = True
                else:  # idle, or a request not all there
                    channel.handle_close()
            if not busy:
                return
            self.notify()
            wasyncore.loop(timeout=0.1, map=channels, use_poll=True, count=1)
