"""A real OpenID provider for the tests: oidc-provider (tests/oidc/provider.mjs, installed by
`make test` with npm ci) on 127.0.0.1, and a person's part of signing in there, driven over
HTTP as a browser would (the provider's own login form, posted)."""
import json
import re
import subprocess
import time
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from joserfc.jwk import RSAKey

from .servers import free_port

HERE = Path(__file__).resolve().parent / "oidc"
CLIENT_ID, CLIENT_SECRET = "orbit", "orbit-test-secret"
ACCOUNTS = {  # the provider's people: subject -> claims
    "ada": {"email": "ada@example.org", "email_verified": True, "name": "Ada"},
    "bo": {"email": "bo@example.org", "email_verified": True, "name": "Bo"},
    "cy": {"email": "cy@example.org", "email_verified": True, "name": "Cy"},
    "dee": {"email": "dee@example.org", "email_verified": True, "name": "Dee"},
    "eve": {"email": "eve@example.org", "email_verified": True, "name": "Eve"},
}


class OidcProvider:
    """oidc-provider in a process of its own, signing with `key` (the tests may sign with it too,
    to make tokens the provider would not, such as an expired one)."""

    def __init__(self, redirect_uris, tmp_path, accounts=None):
        if not (HERE / "node_modules" / "oidc-provider").exists():
            pytest.fail("tests/oidc/node_modules is missing: run `make test` (npm ci there)")
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-1", "use": "sig",
                                                         "alg": "RS256"}, private=True)
        setup = {"port": self.port, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
                 "redirect_uris": redirect_uris, "accounts": accounts or ACCOUNTS,
                 "keys": [self.key.as_dict(private=True)]}
        path = tmp_path / "oidc-setup.json"
        path.write_text(json.dumps(setup))
        self.log = tmp_path / "oidc-provider.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(["node", str(HERE / "provider.mjs"), str(path)],
                                            cwd=HERE, stdout=log, stderr=log)
        try:
            self.wait_until_up()
        except BaseException:
            self.stop()  # never left running by a test that failed to start it
            raise

    def wait_until_up(self, timeout=20):
        deadline = time.monotonic() + timeout
        while True:
            try:
                if requests.get(f"{self.issuer}/.well-known/openid-configuration",
                                timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            assert self.process.poll() is None, self.log.read_text()
            assert time.monotonic() < deadline, "oidc-provider did not start"
            time.sleep(0.1)

    def config(self, name="Test ID"):
        """The app settings that turn OpenID Connect on against this provider."""
        return {"OIDC_ISSUER": self.issuer, "OIDC_CLIENT_ID": CLIENT_ID,
                "OIDC_CLIENT_SECRET": CLIENT_SECRET, "OIDC_NAME": name}

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def log_in_at_provider(authorization_url, login, redirect_uri):
    """What a person does at the provider: open the login page Orbit sent them to, type their
    login (the development form takes any password), and be sent back. Returns the callback URL
    the provider sends the browser to (not followed: the test hands it to Orbit)."""
    browser = requests.Session()
    url = authorization_url
    for _ in range(10):
        answer = browser.get(url, allow_redirects=False, timeout=10)
        if answer.is_redirect:
            url = urljoin(url, answer.headers["Location"])
            if url.startswith(redirect_uri):
                return url
            continue
        form = re.search(r'<form[^>]*action="([^"]+)"[^>]*>(.*?)</form>', answer.text, re.S)
        assert form, answer.text[:2000]
        fields = {unescape(n): unescape(v) for n, v in re.findall(
            r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.group(2))}
        fields.update(login=login, password="any")
        answer = browser.post(urljoin(url, unescape(form.group(1))), data=fields,
                              allow_redirects=False, timeout=10)
        assert answer.is_redirect, answer.text[:2000]
        url = urljoin(url, answer.headers["Location"])
        if url.startswith(redirect_uri):
            return url
    raise AssertionError("the provider never sent the browser back")


def query_of(url):
    """The query of a URL as a dict of single values."""
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
