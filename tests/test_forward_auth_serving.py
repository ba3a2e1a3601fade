"""Reverse-proxy login on the real server (gunicorn as `make run` serves it): the trusted header
is believed from the proxy's address and ignored from any other, and a client's own
X-Forwarded-For does not make its address the proxy's. The two peers are two loopback
addresses: the tests' requests leave from 127.0.0.1 (the proxy) or 127.0.0.2 (anyone else)."""
import os
import subprocess
import sys

import pytest
import requests
from requests.adapters import HTTPAdapter

from .servers import ROOT, Gunicorn

pytestmark = pytest.mark.slow
PROXY, STRANGER = "127.0.0.1", "127.0.0.2"


class FromAddress(HTTPAdapter):
    """Connections that leave from `address` (the kernel lets any 127/8 address be a source)."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def client(address):
    session = requests.Session()
    session.mount("http://", FromAddress(address))
    return session


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("forward-auth")
    url = f"sqlite:///{tmp}/o.db"
    subprocess.run([sys.executable, "-m", "flask", "--app", "server", "init-db"],
                   env={**os.environ, "DATABASE_URL": url}, cwd=ROOT, check=True,
                   capture_output=True)
    gunicorn = Gunicorn(url, tmp / "gunicorn.log", workers=1, threads=4,
                        ORBIT_TRUSTED_HEADER="Remote-Email", ORBIT_TRUSTED_HEADER_FROM=f"{PROXY}/32",
                        ORBIT_TRUSTED_PROXIES="1", ORBIT_SIGNUPS="open").start()
    yield gunicorn
    gunicorn.stop()


def test_the_header_is_believed_from_the_proxy_only(server):
    api = f"{server.url}/api/v1"
    stranger = client(STRANGER)
    for _ in range(2):
        answer = stranger.get(f"{api}/me", headers={"Remote-Email": "ana@example.org",
                                                    "X-Forwarded-For": PROXY}, timeout=10)
        assert answer.status_code == 401, answer.text
    assert stranger.get(f"{api}/me", headers={"Remote-Email": "ana@example.org"},
                        timeout=10).status_code == 401
    assert server.log().count("ignored the Remote-Email header from 127.0.0.2") == 1

    proxy = client(PROXY)  # the proxy forwarding a client's request, as Caddy or nginx would
    me = proxy.get(f"{api}/me", headers={"Remote-Email": "ana@example.org",
                                         "X-Forwarded-For": "198.51.100.4"}, timeout=10)
    assert (me.status_code, me.json()["email"]) == (200, "ana@example.org")
    assert proxy.cookies.get("orbit_signed_in") == "1"
    # the app's next steps, unchanged: the CSRF token of the session, then a write
    headers = {"Remote-Email": "ana@example.org"}
    csrf = proxy.get(f"{api}/auth/csrf", headers=headers, timeout=10).json()["csrf_token"]
    refused = proxy.post(f"{api}/identities", json={"statement": "I walk"}, headers=headers,
                         timeout=10)
    assert refused.status_code == 403
    made = proxy.post(f"{api}/identities", json={"statement": "I walk"},
                      headers={**headers, "X-CSRF-Token": csrf}, timeout=10)
    assert made.status_code == 201, made.text
    # and still nothing for anyone else who names that email
    assert client(STRANGER).get(f"{api}/me", headers=headers, timeout=10).status_code == 401
