"""Reverse-proxy login (issue 22): ORBIT_TRUSTED_HEADER signs a request in as the email it names,
only from ORBIT_TRUSTED_HEADER_FROM's networks, judged by the connection's own peer address
(tests/test_forward_auth_serving.py does the same over real sockets, on gunicorn)."""
import ipaddress
import logging

import pytest

from server.models import LoginSession, User

from ..conftest import PASSWORD, ApiClient

PROXY, STRANGER = "10.9.0.2", "203.0.113.7"


@pytest.fixture
def proxied(app):
    app.config.update(TRUSTED_HEADER="Remote-Email",
                      TRUSTED_HEADER_FROM=[ipaddress.ip_network("10.9.0.0/24")])
    return app


def via(client, method, path, email, peer=PROXY, **kw):
    headers = {"Remote-Email": email, **kw.pop("headers", {})}
    return client.call(method, path, headers=headers, environ_overrides={"REMOTE_ADDR": peer},
                       **kw)


def test_the_header_from_the_proxy_signs_in_with_a_session_and_csrf(proxied):
    owner = ApiClient(proxied).register(email="ana@example.org")
    browser = ApiClient(proxied)
    me = via(browser, "GET", "/me", "Ana@Example.org")
    assert (me.status_code, me.json["id"]) == (200, owner.user["id"])
    cookies = " ".join(me.headers.getlist("Set-Cookie"))
    assert "session=" in cookies and "orbit_signed_in=1" in cookies
    # a write without the session's CSRF token is refused, as for any cookie-signed write
    write = via(browser, "POST", "/identities", "ana@example.org", json={"statement": "I read"})
    assert (write.status_code, write.json["error"]["code"]) == (403, "csrf_failed")
    browser.csrf = via(browser, "GET", "/auth/csrf", "ana@example.org").json["csrf_token"]
    assert via(browser, "POST", "/identities", "ana@example.org",
               json={"statement": "I read"}).status_code == 201
    # further requests ride the session: one session row, not one a request
    for _ in range(3):
        assert via(browser, "GET", "/me", "ana@example.org").status_code == 200
    with proxied.app_context():
        assert LoginSession.select().where(LoginSession.user == owner.user["id"]).count() == 2


def test_the_header_from_anywhere_else_is_ignored_and_logged_once(proxied, caplog):
    ApiClient(proxied).register(email="ana@example.org")
    stranger = ApiClient(proxied)
    with caplog.at_level(logging.WARNING, logger="server.forward_auth"):
        for _ in range(3):
            assert via(stranger, "GET", "/me", "ana@example.org",
                       peer=STRANGER).status_code == 401
    logged = [r for r in caplog.records if r.name == "server.forward_auth"]
    assert len(logged) == 1 and STRANGER in logged[0].getMessage()


def test_a_forged_forwarded_for_does_not_make_a_peer_trusted(proxied):
    """Behind ORBIT_TRUSTED_PROXIES, X-Forwarded-For becomes the client's address for the
    throttles; it is still the socket's peer that the header is judged by."""
    from server import create_app
    ApiClient(proxied).register(email="ana@example.org")
    app = create_app({**proxied.config, "TRUSTED_PROXIES": 1})
    stranger = ApiClient(app)
    answer = via(stranger, "GET", "/me", "ana@example.org", peer=STRANGER,
                 headers={"X-Forwarded-For": PROXY})
    assert answer.status_code == 401
    # and the proxy itself, forwarding a client's address, is still believed
    assert via(ApiClient(app), "GET", "/me", "ana@example.org",
               headers={"X-Forwarded-For": STRANGER}).status_code == 200


def test_an_api_token_keeps_working_beside_it(proxied):
    owner = ApiClient(proxied).register(email="ana@example.org")
    ApiClient(proxied).register(email="bo@example.org")
    token = owner.post("/tokens", {"name": "shortcut"}).json["token"]
    bearer = ApiClient(proxied)
    answer = via(bearer, "GET", "/me", "bo@example.org",
                 headers={"Authorization": f"Bearer {token}"})
    assert (answer.status_code, answer.json["email"]) == (200, "ana@example.org")
    assert "session=" not in " ".join(answer.headers.getlist("Set-Cookie"))


def test_a_new_email_gets_an_account_only_when_sign_ups_are_open(proxied):
    assert via(ApiClient(proxied), "GET", "/me", "new@example.org").json["email"] == \
        "new@example.org"
    for mode in ("invite", "closed"):
        proxied.config.update(SIGNUPS=mode)
        assert via(ApiClient(proxied), "GET", "/me", f"{mode}@example.org").status_code == 401
    with proxied.app_context():
        assert [u.email for u in User.select().order_by(User.id)] == ["new@example.org"]
        assert User.get().password_hash == ""  # no password: the proxy is the way in


def test_another_email_from_the_proxy_switches_the_account(proxied):
    ApiClient(proxied).register(email="ana@example.org")
    ApiClient(proxied).register(email="bo@example.org")
    browser = ApiClient(proxied)
    assert via(browser, "GET", "/me", "ana@example.org").json["email"] == "ana@example.org"
    assert via(browser, "GET", "/me", "bo@example.org").json["email"] == "bo@example.org"
    # without the header, the session of the last one carries on (the proxy sends it each time)
    assert browser.get("/me", environ_overrides={"REMOTE_ADDR": PROXY}).json["email"] == \
        "bo@example.org"


def test_revocation_holds_for_header_sessions(proxied):
    owner = ApiClient(proxied).register(email="ana@example.org")
    browser = ApiClient(proxied)
    via(browser, "GET", "/me", "ana@example.org")
    cookie = browser.http.get_cookie("session").value
    owner.post("/me/password", {"current_password": PASSWORD, "new_password": "another pass"})
    copy = ApiClient(proxied)
    copy.http.set_cookie("session", cookie)
    assert copy.get("/me").status_code == 401  # the session ended with the password change


def test_off_unless_configured(app):
    ApiClient(app).register(email="ana@example.org")
    assert via(ApiClient(app), "GET", "/me", "ana@example.org", peer="127.0.0.1").status_code == 401


def test_the_configuration_wants_both_settings(monkeypatch):
    from server.config import from_environment
    monkeypatch.setenv("ORBIT_TRUSTED_HEADER", "Remote-Email")
    with pytest.raises(ValueError, match="ORBIT_TRUSTED_HEADER_FROM"):
        from_environment()
    monkeypatch.setenv("ORBIT_TRUSTED_HEADER_FROM", "10.0.0.0/8, not-an-address")
    with pytest.raises(ValueError, match="CIDR"):
        from_environment()
    monkeypatch.setenv("ORBIT_TRUSTED_HEADER_FROM", "10.0.0.0/8, ::1")
    assert [str(n) for n in from_environment()["TRUSTED_HEADER_FROM"]] == ["10.0.0.0/8", "::1/128"]
