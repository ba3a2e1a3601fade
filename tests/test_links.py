"""Absolute links are right on any host and port (issue 21): a real gunicorn on a random port
hands out a calendar feed whose URL, and every link inside it, point at that port; behind a
trusted proxy the forwarded scheme and host, and not when the proxy is not trusted; with
ORBIT_BASE_URL set, that. Links made with no request at hand (the dispatcher's email, its
unsubscribe link, a push's "open" and "Done" URLs) point where the server was last reached."""
import datetime
import email
import email.policy
import json
import os
import re

import http_ece
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from icalendar import Calendar

from server import create_app, links
from server.db import database, init_db
from server.models import PushSubscription, Reminder, ServerAddress, User
from server.notify.dispatcher import dispatch

from .api.test_push import b64
from .servers import Gunicorn, dispatcher_until, free_port

PROXIED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "orbit.example.org"}
SECRET = "servers-test"  # the Gunicorn helper's ORBIT_SECRET_KEY: tokens signed alike


@pytest.fixture
def served_database(tmp_path):
    """A migrated SQLite database in tmp_path, nobody connected to it."""
    url = f"sqlite:///{tmp_path}/orbit.db"
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    with app.app_context():
        init_db()
    database.close_all()
    return url


@pytest.fixture
def serve(served_database, tmp_path):
    """Start a gunicorn (no dispatcher of its own) with extra environment; stopped at the end."""
    servers = []

    def start(**environ):
        server = Gunicorn(served_database, tmp_path / "gunicorn.log", workers=1, threads=2,
                          ORBIT_DISPATCHER="off", **environ)
        servers.append(server)
        return server.start()
    yield start
    for server in servers:
        server.stop()


def signed_in(base, email="links@example.org"):
    """A requests session of a user signed up on the server at `base`, signed in with an API
    token: a Secure session cookie (an https ORBIT_BASE_URL) would not travel to the test's
    plain-HTTP port, which stands where a TLS proxy would talk to the server."""
    browser = requests.Session()
    browser.headers["Connection"] = "close"
    response = browser.post(f"{base}/api/v1/auth/register",
                            json={"email": email, "password": "a long password"})
    assert response.status_code == 201, response.text
    for cookie in browser.cookies:
        cookie.secure = False
    token = browser.post(f"{base}/api/v1/tokens", json={"name": "links test"},
                         headers={"X-CSRF-Token": response.json()["csrf_token"]})
    assert token.status_code == 201, token.text
    browser.cookies.clear()
    browser.headers["Authorization"] = f"Bearer {token.json()['token']}"
    return browser


def with_reminders(browser, base, channels=("email",)):
    """A habit with a reminder, and a reflection reminder: what a feed lists. The habit's id."""
    habit = browser.post(f"{base}/api/v1/habits", json={
        "name": "Walk", "measure": "check", "start_date": "2000-01-01"})
    assert habit.status_code == 201, habit.text
    for body in ({"target": "habit", "habit_id": habit.json()["id"], "time": "08:00"},
                 {"target": "reflection", "time": "21:00"}):
        response = browser.post(f"{base}/api/v1/reminders", json={**body,
                                                                 "channels": list(channels)})
        assert response.status_code == 201, response.text
    return habit.json()["id"]


def feed_links(feed_url, headers=None):
    """Subscribe to the feed as a calendar app does (no sign-in): every URL inside it."""
    response = requests.get(feed_url, headers=headers, timeout=10)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(
        "text/calendar"), response.text
    urls = [str(event["url"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]
    assert len(urls) == 2, response.text
    return urls


def test_the_feed_points_at_the_port_it_was_reached_on(serve):
    server = serve()
    browser = signed_in(server.url)
    habit = with_reminders(browser, server.url)
    url = browser.post(f"{server.url}/api/v1/calendar/token").json()["url"]
    assert re.fullmatch(rf"{server.url}/api/v1/calendar/[\w-]+\.ics", url), url
    assert browser.get(f"{server.url}/api/v1/calendar/token").json()["url"] == url
    assert sorted(feed_links(url)) == [f"{server.url}/#/habit/{habit}", f"{server.url}/#/today"]


def test_a_trusted_proxy_names_the_address(serve):
    server = serve(ORBIT_TRUSTED_PROXIES="1")
    browser = signed_in(server.url)
    with_reminders(browser, server.url)
    url = browser.post(f"{server.url}/api/v1/calendar/token", headers=PROXIED).json()["url"]
    assert url.startswith("https://orbit.example.org/api/v1/calendar/"), url
    # The proxy forwards the calendar app's request to the same port, with its headers.
    direct = url.replace("https://orbit.example.org", server.url)
    assert all(link.startswith("https://orbit.example.org/#/")
               for link in feed_links(direct, PROXIED))
    assert all(link.startswith(f"{server.url}/#/") for link in feed_links(direct))


def test_an_untrusted_proxy_names_nothing(serve):
    server = serve()  # ORBIT_TRUSTED_PROXIES unset: anyone could send those headers
    browser = signed_in(server.url)
    with_reminders(browser, server.url)
    url = browser.post(f"{server.url}/api/v1/calendar/token", headers=PROXIED).json()["url"]
    assert url.startswith(f"{server.url}/api/v1/calendar/"), url
    assert all(link.startswith(f"{server.url}/#/") for link in feed_links(url, PROXIED))


def test_orbit_base_url_wins_everywhere(serve, smtp, served_database):
    inbox, smtp_url = smtp
    base = "https://orbit.example.org"
    server = serve(ORBIT_BASE_URL=f"{base}/", ORBIT_TRUSTED_PROXIES="1")
    browser = signed_in(server.url)
    login = requests.post(f"{server.url}/api/v1/auth/login", timeout=10, json={
        "email": "links@example.org", "password": "a long password"})
    assert "secure" in login.headers["Set-Cookie"].lower()  # an https base URL: Secure cookies
    with_reminders(browser, server.url)
    url = browser.post(f"{server.url}/api/v1/calendar/token",
                       headers={"X-Forwarded-Host": "elsewhere.example.org"}).json()["url"]
    assert url.startswith(f"{base}/api/v1/calendar/"), url
    direct = url.replace(base, server.url)
    assert all(link.startswith(f"{base}/#/") for link in feed_links(direct))
    message = dispatched_email(served_database, smtp_url, inbox, ORBIT_BASE_URL=base)
    assert f"Open Orbit: {base}/#/" in message.get_body(("plain",)).get_content()
    assert str(message["List-Unsubscribe"]).strip().startswith(f"<{base}/api/v1/unsubscribe/")


def fire_now(served_database, **where):
    """Make reminders due a minute ago by the machine's clock (the processes run on it)."""
    app = create_app({"DATABASE_URL": served_database, "TESTING": True})
    fire = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=1)
    with app.app_context(), database.connection_context():
        query = Reminder.update(next_fire_at=fire.replace(tzinfo=None))
        for field, value in where.items():
            query = query.where(getattr(Reminder, field) == value)
        query.execute()
    database.close_all()


def dispatched_email(served_database, smtp_url, inbox, **environ):
    """Run the dispatcher (`flask reminders run`, a process of its own with no request at hand)
    until the due reflection reminder's email arrives: that message. Its HOST and PORT name
    nothing that serves, so a link from them would be wrong."""
    fire_now(served_database, target="reflection")
    env = {**{k: v for k, v in os.environ.items() if k != "ORBIT_BASE_URL"},
           "DATABASE_URL": served_database, "ORBIT_SMTP_URL": smtp_url,
           "ORBIT_MAIL_FROM": "orbit@example.org", "ORBIT_SECRET_KEY": SECRET,
           "HOST": "127.0.0.1", "PORT": str(free_port()), **environ}
    dispatcher_until(lambda: inbox.messages, env, "no reminder email arrived")
    [raw] = inbox.messages
    return email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)


def test_the_dispatchers_email_links_where_the_server_was_last_reached(serve, smtp, served_database):
    inbox, smtp_url = smtp
    server = serve()
    browser = signed_in(server.url)
    with_reminders(browser, server.url)
    assert browser.get(f"{server.url}/api/v1/me").status_code == 200
    message = dispatched_email(served_database, smtp_url, inbox)
    text = message.get_body(("plain",)).get_content()
    assert f"Open Orbit: {server.url}/#/today" in text, text
    unsubscribe = str(message["List-Unsubscribe"]).strip().strip("<>")
    assert unsubscribe.startswith(f"{server.url}/api/v1/unsubscribe/"), unsubscribe
    assert f"Stop this reminder: {unsubscribe}" in text
    # The link works where it points: one click turns the reminder off.
    assert requests.post(unsubscribe, data="List-Unsubscribe=One-Click", timeout=10).ok
    reminders = browser.get(f"{server.url}/api/v1/reminders").json()
    assert [r["enabled"] for r in reminders if r["target"] == "reflection"] == [False]


def test_push_urls_link_where_the_server_was_last_reached(serve, served_database, http_receiver):
    received, address = http_receiver
    server = serve()
    browser = signed_in(server.url, email="pushed@example.org")
    habit = with_reminders(browser, server.url, channels=("push",))
    assert browser.get(f"{server.url}/api/v1/me").status_code == 200
    server.stop()  # the address stays known after the server is gone
    private = ec.generate_private_key(ec.SECP256R1())
    auth = os.urandom(16)
    app = create_app({"DATABASE_URL": served_database, "TESTING": True, "SECRET_KEY": SECRET,
                      "PUSH_EXTRA_HOSTS": ("127.0.0.1",), "PORT": str(free_port())})
    with app.app_context(), database.connection_context():
        # The device as the subscribe endpoint stores it (its push service is the test's own).
        PushSubscription.create(
            user=User.get(User.email == "pushed@example.org"),
            endpoint=f"http://{address}/push/device", auth=b64(auth),
            p256dh=b64(private.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)))
    database.close_all()
    fire_now(served_database, target="habit")
    with app.app_context(), database.connection_context():
        assert dispatch(app.config, datetime.datetime.now(datetime.timezone.utc)) == {"sent": 1}
    [(_, _, body)] = received
    payload = json.loads(http_ece.decrypt(body, private_key=private, auth_secret=auth,
                                          version="aes128gcm"))
    assert re.fullmatch(rf"{server.url}/#/today/[\d-]+\?focus={habit}", payload["url"]), payload
    assert payload["action"]["url"].startswith(f"{server.url}/api/v1/actions/"), payload


def test_with_no_address_known_links_start_with_host_and_port(served_database):
    port = str(free_port())
    app = create_app({"DATABASE_URL": served_database, "TESTING": True, "HOST": "0.0.0.0",
                      "PORT": port})
    with app.app_context(), database.connection_context():
        assert ServerAddress.select().count() == 0
        assert links.absolute("/#/today") == f"http://127.0.0.1:{port}/#/today"
    database.close_all()


def test_the_address_is_written_when_it_changes_only(app, client, anon):
    """A signed-in request records where it came; the same again writes nothing; an anonymous
    one (any Host header at all) never counts."""
    assert client.get("/me").status_code == 200
    with app.app_context():
        assert ServerAddress.get().url == "http://localhost"
        ServerAddress.update(url="http://elsewhere:1").execute()
    client.get("/me")  # this process saw localhost already: no read, no write
    with app.app_context():
        assert ServerAddress.get().url == "http://elsewhere:1"
    anon.get("/healthz", headers={"Host": "evil.example.org"})
    anon.post("/auth/login", {"email": "x@example.org", "password": "wrong password"},
              headers={"Host": "evil.example.org"})
    with app.app_context():
        assert ServerAddress.get().url == "http://elsewhere:1"
    client.token = client.post("/tokens", {"name": "elsewhere"}).json["token"]  # no cookie there
    client.get("/me", headers={"Host": "orbit.home:8443"})  # reached somewhere new
    with app.app_context():
        assert ServerAddress.get().url == "http://orbit.home:8443"
