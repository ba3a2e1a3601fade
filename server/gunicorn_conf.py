"""How `make run` serves Orbit with gunicorn (`gunicorn -c python:server.gunicorn_conf`).

Threaded workers: a phone on a bad network that stalls mid-upload holds one thread, not one of
the two processes (with sync workers, two stalled uploads froze the server for 30 s). A public
deployment still belongs behind a buffering proxy (nginx, Caddy), which reads whole requests
before passing them on. HOST, PORT, WORKERS and THREADS come from the environment.
"""
import json
import os

from gunicorn import util

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
worker_class = "gthread"
workers = int(os.environ.get("WORKERS", "2"))
threads = int(os.environ.get("THREADS", "8"))
keepalive = 5

# Requests gunicorn refuses itself, before the app sees them (a request line or headers too long,
# a malformed request), answered with the API's error envelope instead of gunicorn's HTML page.
CODES = {400: "bad_request", 403: "forbidden", 413: "too_large", 414: "too_large",
         431: "too_large", 500: "internal_error"}
MESSAGES = {414: "The address is too long.", 431: "The request headers are too large.",
            500: "Something went wrong on our side; nothing was changed."}

# The security headers of the app's own answers (server/security.py), for a JSON error body.
REFUSAL_HEADERS = ("X-Content-Type-Options: nosniff\r\n"
                   "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"
                   "Referrer-Policy: same-origin\r\nCache-Control: no-store\r\n")


def write_json_error(sock, status_int, reason, mesg):
    """gunicorn's util.write_error, speaking the API's one error envelope."""
    message = MESSAGES.get(status_int, "The request is malformed.")
    body = json.dumps({"error": {"code": CODES.get(status_int, "bad_request"),
                                 "message": message}}).encode()
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"{REFUSAL_HEADERS}\r\n")
    util.write_nonblock(sock, head.encode("latin-1") + body)


util.write_error = write_json_error
