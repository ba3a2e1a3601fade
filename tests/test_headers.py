"""Security headers on every kind of response, and when the session cookie is Secure."""
import pytest

from server import create_app
from server.config import from_environment
from server.db import database, init_db
from server.models import Reminder, SignUp
from server.notify.channels import unsubscribe_token
from server.security import CONTENT_SECURITY_POLICY, PAGE_POLICY
from tests import clock
from tests.conftest import PASSWORD, make_habit

COMMON = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
          "X-Frame-Options": "DENY"}


def directives(policy):
    """A CSP as {directive: [sources]}."""
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def assert_secured(response, policy=CONTENT_SECURITY_POLICY):
    for name, value in COMMON.items():
        assert response.headers.get(name) == value, (name, response.status_code)
    assert response.headers["Content-Security-Policy"] == policy
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP: meaningless there


def test_the_policy_keeps_the_app_to_its_origin_and_out_of_frames():
    policy = directives(CONTENT_SECURITY_POLICY)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"]  # the service worker
    assert policy["require-trusted-types-for"] == ["'script'"]
    assert policy["trusted-types"] == ["default"]
    page = directives(PAGE_POLICY)
    assert page["default-src"] == ["'none'"] and page["frame-ancestors"] == ["'none'"]
    assert "script-src" not in page  # so no script runs at all on the server's own pages


@pytest.mark.parametrize("path", ["/", "/index.html", "/app.js", "/style.css", "/sw.js",
                                  "/icons/icon.svg", "/manifest.webmanifest"])
def test_the_app_shell_carries_the_headers(anon, path):
    response = anon.http.get(path)
    assert response.status_code == 200
    assert_secured(response)


def test_the_html_relies_on_the_header_not_a_meta_tag(anon):
    html = anon.http.get("/").get_data(as_text=True)
    # A <meta> policy could only narrow the header's, and cannot forbid framing.
    assert 'http-equiv="Content-Security-Policy"' not in html


def test_api_answers_and_errors_carry_the_headers(anon, client):
    answers = [anon.http.get("/nothing-here.js"), anon.get("/openapi.json"), anon.get("/me"),
               anon.get("/no-such-endpoint"), anon.call("PUT", "/auth/login"),
               anon.http.get("/healthz"), client.get("/me"), client.post("/auth/logout")]
    assert [r.status_code for r in answers] == [404, 200, 401, 404, 405, 200, 200, 204]
    for response in answers:
        assert_secured(response)
    for response in answers[1:5] + answers[6:]:
        assert response.headers["Cache-Control"] == "no-store"


def test_a_server_error_carries_the_headers(database_url):
    app = create_app({"DATABASE_URL": database_url, "TESTING": True, "NOW": clock.now,
                      "PROPAGATE_EXCEPTIONS": False})

    def broken():
        raise RuntimeError("a bug")
    app.add_url_rule("/api/v1/broken", "broken", broken)
    response = app.test_client().get("/api/v1/broken")
    assert response.status_code == 500 and response.json["error"]["code"] == "internal_error"
    assert_secured(response)
    database.close_all()


def test_the_unsubscribe_page_has_a_policy_of_its_own(app, client):
    habit = make_habit(client)
    reminder = client.post("/reminders", {"target": "habit", "habit_id": habit["id"],
                                          "time": "08:00", "channels": ["email"]}).json
    with app.app_context():
        token = unsubscribe_token(app.secret_key, Reminder.get_by_id(reminder["id"]))
    for method in ("GET", "POST"):
        response = client.http.open(f"/api/v1/unsubscribe/{token}", method=method)
        assert response.status_code == 200 and response.mimetype == "text/html"
        assert_secured(response, PAGE_POLICY)  # its inline styles, and no script at all
    assert_secured(client.get("/unsubscribe/not-a-token"))  # an error in JSON: the app's policy


def session_cookie(response):
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert len(cookies) == 1, response.headers
    return cookies[0]


def sign_up(http, **kw):
    body = {"email": "me@example.org", "password": PASSWORD}
    return http.post("/api/v1/auth/register", json=body, **kw)


@pytest.fixture
def make_app(tmp_path):
    """An app on a fresh SQLite file, with the configuration given."""
    def make(**config):
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/o.db", "TESTING": True,
                          "NOW": clock.now} | config)
        with app.app_context():
            init_db()
        return app
    yield make
    database.close_all()


def test_the_cookie_is_not_secure_over_plain_http(make_app):
    response = sign_up(make_app().test_client())
    assert response.status_code == 201
    cookie = session_cookie(response)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_an_https_base_url_makes_the_cookie_secure_even_over_http(make_app):
    # nginx terminates TLS and talks plain HTTP to the app, with no forwarded headers trusted
    app = make_app(BASE_URL="https://orbit.example.org")
    response = sign_up(app.test_client())
    assert "Secure" in session_cookie(response)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_a_request_over_https_gets_a_secure_cookie_and_hsts(make_app):
    response = sign_up(make_app().test_client(), base_url="https://localhost")
    assert "Secure" in session_cookie(response)
    assert "Strict-Transport-Security" in response.headers


FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


def test_forwarded_headers_are_ignored_unless_proxies_are_trusted(make_app):
    app = make_app()
    response = sign_up(app.test_client(), headers=FORWARDED,
                       environ_overrides={"REMOTE_ADDR": "10.0.0.2"})
    assert "Secure" not in session_cookie(response)
    assert "Strict-Transport-Security" not in response.headers
    with app.app_context():
        assert [s.address for s in SignUp.select()] == ["10.0.0.2"]  # not the claimed address


def test_a_trusted_proxy_gives_the_scheme_and_the_client_address(make_app):
    app = make_app(TRUSTED_PROXIES=1)
    response = sign_up(app.test_client(), headers=FORWARDED,
                       environ_overrides={"REMOTE_ADDR": "10.0.0.2"})
    assert "Secure" in session_cookie(response)
    assert "Strict-Transport-Security" in response.headers
    with app.app_context():
        assert [s.address for s in SignUp.select()] == ["203.0.113.7"]


def test_one_trusted_proxy_takes_only_the_address_it_added(make_app):
    app = make_app(TRUSTED_PROXIES=1)
    # a client sends its own X-Forwarded-For; the proxy appends the address it saw
    sign_up(app.test_client(), headers={"X-Forwarded-For": "1.2.3.4, 203.0.113.9"})
    with app.app_context():
        assert [s.address for s in SignUp.select()] == ["203.0.113.9"]


@pytest.mark.parametrize("name, value", [("ORBIT_TRUSTED_PROXIES", "yes"),
                                         ("ORBIT_TRUSTED_PROXIES", "-1"),
                                         ("ORBIT_SIGNUPS", "sometimes"),
                                         ("ORBIT_BACKUP_KEEP_DAYS", "0")])
def test_a_wrong_setting_stops_the_start_with_a_clear_message(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        from_environment()


def test_settings_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("ORBIT_TRUSTED_PROXIES", "2")
    monkeypatch.setenv("ORBIT_SIGNUPS", "Invite")
    monkeypatch.setenv("ORBIT_BACKUP_KEEP_DAYS", "30")
    config = from_environment()
    assert (config["TRUSTED_PROXIES"], config["SIGNUPS"], config["BACKUP_KEEP_DAYS"]) == \
        (2, "invite", 30)
