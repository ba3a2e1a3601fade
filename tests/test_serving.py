"""The app as `make run` serves it (gunicorn's master, waitress in each worker: server/
gunicorn_conf.py), over real sockets: slow clients cannot stall it, and what the server refuses
itself still speaks the error envelope (tests/test_slow_clients.py floods it)."""
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from .servers import ROOT, Gunicorn


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn serving a fresh SQLite database; yields (host, port)."""
    tmp = tmp_path_factory.mktemp("serve")
    url = f"sqlite:///{tmp}/o.db"
    subprocess.run([sys.executable, "-m", "flask", "--app", "server", "init-db"],
                   env={**os.environ, "DATABASE_URL": url}, cwd=ROOT, check=True,
                   capture_output=True)
    gunicorn = Gunicorn(url, tmp / "gunicorn.log").start()
    yield "127.0.0.1", gunicorn.port
    gunicorn.stop()


def raw(server, data, timeout=5):
    """Send raw bytes; the (status, headers text, body bytes) of the answer."""
    with socket.create_connection(server, timeout=timeout) as sock:
        sock.sendall(data)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
            if b"\r\n\r\n" in answer:
                head, _, body = answer.partition(b"\r\n\r\n")
                length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:")]
                if length and len(body) >= length[0]:
                    break
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), head.decode("latin-1"), body


def envelope(head, body, code):
    assert "Content-Type: application/json" in head, head
    assert json.loads(body)["error"]["code"] == code


def test_stalled_uploads_do_not_stall_the_server(server):
    stalled = []
    for _ in range(4):  # twice as many as there are worker processes
        sock = socket.create_connection(server)
        sock.sendall(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                     b"\r\nContent-Length: 100\r\n\r\n{\"em")
        stalled.append(sock)
    try:
        started = time.monotonic()
        status, _, body = raw(server, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert (status, json.loads(body)) == (200, {"status": "ok"})
        assert time.monotonic() - started < 2
    finally:
        for sock in stalled:
            sock.close()


def test_what_the_server_refuses_itself_is_the_error_envelope(server):
    # The request line and the headers share one limit of 8 KiB (server/waitress_worker.py).
    status, head, body = raw(server, b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 431
    envelope(head, body, "too_large")
    status, head, body = raw(server, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 9000
                             + b"\r\n\r\n")
    assert status == 431
    envelope(head, body, "too_large")
    status, head, body = raw(server, b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")
    assert status == 400
    envelope(head, body, "bad_request")


def chunked(payload, size=65536):
    return b"".join(b"%x\r\n%s\r\n" % (len(payload[i:i + size]), payload[i:i + size])
                    for i in range(0, len(payload), size)) + b"0\r\n\r\n"


@pytest.mark.parametrize("payload", [
    b'{"email": "a@b.org", "password": "' + b"x" * (1024 * 1024) + b'"}',
    b'{"email": "a@b.org", "password": "long enough"}' + b" " * (2 * 1024 * 1024),
])
def test_a_chunked_body_over_a_mebibyte_is_413(server, payload):
    status, head, body = raw(server, b"POST /api/v1/auth/register HTTP/1.1\r\nHost: x\r\n"
                             b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                             b"Connection: close\r\n\r\n" + chunked(payload))
    assert status == 413, body
    envelope(head, body, "too_large")


def test_the_server_serves_the_security_headers(server):
    for request in (b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    b"GET /api/v1/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"):  # the server's own
        status, head, _ = raw(server, request)
        assert status in (200, 401, 431)
        assert "X-Content-Type-Options: nosniff" in head, head
        assert "frame-ancestors 'none'" in head, head
