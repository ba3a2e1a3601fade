"""The README's Caddy example for a reverse proxy's login, run as written: Caddy (Debian's, which
`make test` installs) with the README's Caddyfile block, in front of the real server (gunicorn),
asking a stand-in for Authelia's forward-auth endpoint that answers as Authelia does (200 with
Remote-* headers for a signed-in cookie, else a redirect to its login page). What it shows: the
proxy's answer is what Orbit believes, and a client's own Remote-Email never reaches Orbit."""
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from .servers import ROOT, Gunicorn, free_port

pytestmark = pytest.mark.slow
PEOPLE = {"ana": "ana@example.org"}  # the stand-in's signed-in sessions: cookie -> email


class Authelia(BaseHTTPRequestHandler):
    """GET /api/authz/forward-auth as Authelia answers it (its docs' "Caddy" integration)."""

    def do_GET(self):
        assert self.path.startswith("/api/authz/forward-auth"), self.path
        session = re.search(r"authelia_session=(\w+)", self.headers.get("Cookie", ""))
        who = session.group(1) if session else None
        if who in PEOPLE:
            self.send_response(200)
            for name, value in (("Remote-User", who), ("Remote-Email", PEOPLE[who]),
                                ("Remote-Name", who.title()), ("Remote-Groups", "users")):
                self.send_header(name, value)
        elif who == "bare":  # signed in, but no email to pass on (an account without one)
            self.send_response(200)
            self.send_header("Remote-User", who)
        else:
            self.send_response(302)
            self.send_header("Location", "https://auth.example.org/?rd=orbit")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def readme_caddyfile():
    """The README's Caddyfile block for forward auth, as an operator would copy it."""
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```caddy\n(.*?)```", readme, re.S)
    [block] = [b for b in blocks if "forward_auth" in b]
    return block


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not shutil.which("caddy"):
        pytest.fail("caddy is missing: `make test` installs Debian's package")
    tmp = tmp_path_factory.mktemp("caddy")
    auth = ThreadingHTTPServer(("127.0.0.1", 0), Authelia)
    threading.Thread(target=auth.serve_forever, daemon=True).start()
    url = f"sqlite:///{tmp}/o.db"
    subprocess.run([sys.executable, "-m", "flask", "--app", "server", "init-db"],
                   env={**os.environ, "DATABASE_URL": url}, cwd=ROOT, check=True,
                   capture_output=True)
    orbit = Gunicorn(url, tmp / "gunicorn.log", workers=1, threads=4,
                     ORBIT_TRUSTED_HEADER="Remote-Email", ORBIT_TRUSTED_HEADER_FROM="127.0.0.1/32",
                     ORBIT_TRUSTED_PROXIES="1", ORBIT_SIGNUPS="open")
    port = free_port()
    caddyfile = ("{\n\tadmin off\n\tauto_https off\n}\n" + readme_caddyfile()
                 .replace("orbit.example.org", f"http://127.0.0.1:{port}")
                 .replace("authelia:9091", f"127.0.0.1:{auth.server_port}")
                 .replace("orbit:8000", f"127.0.0.1:{orbit.port}"))
    (tmp / "Caddyfile").write_text(caddyfile)
    caddy = None
    try:  # whatever fails on the way up, nothing is left running
        orbit.start()
        with open(tmp / "caddy.log", "wb") as log:
            caddy = subprocess.Popen(
                ["caddy", "run", "--config", str(tmp / "Caddyfile"), "--adapter", "caddyfile"],
                stdout=log, stderr=log, env={**os.environ, "HOME": str(tmp),
                                             "XDG_DATA_HOME": str(tmp), "XDG_CONFIG_HOME": str(tmp)})
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2, allow_redirects=False)
                break
            except requests.RequestException:
                assert caddy.poll() is None, (tmp / "caddy.log").read_text()
                assert time.monotonic() < deadline, (tmp / "caddy.log").read_text()
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        if caddy is not None:
            caddy.terminate()
            caddy.wait(timeout=10)
        orbit.stop()
        auth.shutdown()


def test_the_readme_caddyfile_passes_on_the_proxys_answer_only(stack):
    forged = {"Remote-Email": "bo@example.org"}
    # not signed in at the proxy: its login page, and Orbit never asked
    away = requests.get(f"{stack}/me", headers=forged, allow_redirects=False, timeout=10)
    assert (away.status_code, away.headers["Location"]) == (302, "https://auth.example.org/?rd=orbit")
    # signed in as ana: Orbit signs ana in, whatever the client's own header said
    ana = requests.Session()
    ana.cookies.set("authelia_session", "ana")
    me = ana.get(f"{stack}/me", headers=forged, timeout=10)
    assert (me.status_code, me.json()["email"]) == (200, "ana@example.org")
    csrf = ana.get(f"{stack}/auth/csrf", timeout=10).json()["csrf_token"]
    made = ana.post(f"{stack}/identities", json={"statement": "I walk"},
                    headers={"X-CSRF-Token": csrf}, timeout=10)
    assert made.status_code == 201, made.text
    # signed in at the proxy with no email: the client's copy is stripped, nobody is signed in
    bare = requests.get(f"{stack}/me", headers=forged, cookies={"authelia_session": "bare"},
                        timeout=10)
    assert bare.status_code == 401, bare.text
