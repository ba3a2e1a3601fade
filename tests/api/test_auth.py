"""Sign-up, sign-in, throttling, sign-out, CSRF and the end of sessions (RULES.md "API rules
beyond the shapes")."""
import uuid

import pytest

from server.models import LoginAttempt, SignUp

from ..conftest import PASSWORD, ApiClient
from .helpers import at_once, day, error_of, field_errors

USER_KEYS = {"id", "email", "timezone", "week_start", "day_start", "locale", "created_at"}


def session_cookie_header(response):
    return next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))


def test_register_creates_the_account_and_signs_in(anon):
    response = anon.post("/auth/register", {"email": "Ann@Example.org", "password": PASSWORD,
                                            "timezone": "Europe/Berlin"})
    assert response.status_code == 201, response.json
    assert set(response.json) == {"user", "csrf_token"}
    user = response.json["user"]
    assert set(user) == USER_KEYS
    assert (user["email"], user["timezone"], user["week_start"]) == (
        "ann@example.org", "Europe/Berlin", "mon")
    assert response.json["csrf_token"]
    cookie = session_cookie_header(response)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert anon.get("/me").json == user


def test_register_defaults_to_utc(anon):
    response = anon.post("/auth/register", {"email": "bo@example.org", "password": PASSWORD})
    assert response.json["user"]["timezone"] == "UTC"


def test_the_cookie_is_secure_over_https(anon):
    response = anon.post("/auth/register", {"email": "cy@example.org", "password": PASSWORD},
                         base_url="https://localhost")
    assert response.status_code == 201
    assert "Secure" in session_cookie_header(response)


def test_an_email_is_taken_whatever_its_case(app, anon):
    ApiClient(app).register("dee@example.org")
    response = anon.post("/auth/register", {"email": "DEE@example.ORG", "password": PASSWORD})
    error_of(response, 409, "conflict")


@pytest.mark.parametrize("body, field", [
    ({"email": "eve@example.org", "password": "seven77"}, "password"),
    ({"email": "eve@example.org"}, "password"),
    ({"email": "not an email", "password": PASSWORD}, "email"),
    ({"password": PASSWORD}, "email"),
    ({"email": "eve@example.org", "password": PASSWORD, "timezone": "Mars/Olympus"}, "timezone"),
    ({"email": "eve@example.org", "password": PASSWORD, "timezone": ""}, "timezone"),
])
def test_register_validates(anon, body, field):
    field_errors(anon.post("/auth/register", body), field)
    assert anon.get("/me").status_code == 401


def test_a_password_of_eight_characters_is_enough(anon):
    response = anon.post("/auth/register", {"email": "fay@example.org", "password": "eight888"})
    assert response.status_code == 201


def test_login_signs_in_with_a_new_csrf_token(app, client):
    second = ApiClient(app)
    response = second.login(client.user["email"].upper())
    assert response.status_code == 200, response.json
    assert response.json["user"] == client.user
    assert response.json["csrf_token"] != client.csrf
    cookie = session_cookie_header(response)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert second.get("/me").json["id"] == client.user["id"]


def test_login_renews_the_csrf_token_of_the_session(client):
    old = client.csrf
    assert client.login(client.user["email"]).status_code == 200
    assert client.get("/auth/csrf").json == {"csrf_token": client.csrf}
    response = client.post("/identities", {"statement": "I rest"},
                           headers={"X-CSRF-Token": old})
    error_of(response, 403, "csrf_failed")


def test_login_fails_alike_for_an_unknown_email_and_a_wrong_password(anon, client):
    unknown = anon.post("/auth/login", {"email": "nobody@example.org", "password": PASSWORD})
    wrong = anon.post("/auth/login", {"email": client.user["email"], "password": "wrong pass"})
    assert error_of(unknown, 401, "unauthorized") == error_of(wrong, 401, "unauthorized")
    assert anon.get("/me").status_code == 401


@pytest.mark.parametrize("body, field", [
    ({"password": PASSWORD}, "email"), ({"email": "a@example.org"}, "password"),
    ({"email": "a@example.org", "password": ""}, "password"),
])
def test_login_validates(anon, body, field):
    field_errors(anon.post("/auth/login", body), field)


def fail_login(client, email, address="127.0.0.1"):
    return client.post("/auth/login", {"email": email, "password": "wrong pass"},
                       environ_overrides={"REMOTE_ADDR": address})


def retry_after(response):
    error_of(response, 429, "rate_limited")
    seconds = int(response.headers["Retry-After"])
    assert 0 < seconds <= 15 * 60
    return seconds


def test_five_failures_for_one_email_throttle_it(app, anon, client):
    email = client.user["email"]
    for _ in range(5):
        error_of(fail_login(anon, email), 401, "unauthorized")
    with app.app_context():  # counted in the database, where every app process sees them
        assert LoginAttempt.select().where(LoginAttempt.email == email).count() == 5
    retry_after(fail_login(anon, email))
    # Even the right password, and from another address: the email is what is throttled.
    right = anon.post("/auth/login", {"email": email.upper(), "password": PASSWORD},
                      environ_overrides={"REMOTE_ADDR": "10.0.0.9"})
    retry_after(right)
    other_email = ApiClient(app).register().user["email"]
    assert anon.login(other_email).status_code == 200


def test_twenty_failures_from_one_address_throttle_it(anon, client):
    for n in range(20):
        error_of(fail_login(anon, f"guess{n}@example.org", "10.0.0.1"), 401, "unauthorized")
    retry_after(fail_login(anon, "guess20@example.org", "10.0.0.1"))
    right = anon.post("/auth/login", {"email": client.user["email"], "password": PASSWORD},
                      environ_overrides={"REMOTE_ADDR": "10.0.0.1"})
    retry_after(right)
    error_of(fail_login(anon, "guess20@example.org", "10.0.0.2"), 401, "unauthorized")


def test_a_burst_of_sign_ins_tests_no_more_than_five_passwords(app, client):
    """Thirty wrong passwords at once: five are judged, the rest refused (counted atomically)."""
    anons = [ApiClient(app) for _ in range(30)]
    answers = at_once([lambda a=a, n=n: fail_login(a, client.user["email"], f"10.1.0.{n}")
                       for n, a in enumerate(anons)])
    statuses = [a.status_code for a in answers]
    # Never more than five judged (a burst may refuse even some of the first five: each counts
    # every attempt committed before it, its rivals' included).
    assert 1 <= statuses.count(401) <= 5 and statuses.count(429) == 30 - statuses.count(401)
    retry_after(anons[0].post("/auth/login", {"email": client.user["email"], "password": PASSWORD}))


def sign_up(client, address, email=None):
    return client.post("/auth/register", {"email": email or f"{uuid.uuid4().hex[:8]}@example.org",
                                          "password": PASSWORD},
                       environ_overrides={"REMOTE_ADDR": address})


def test_ten_sign_ups_an_hour_from_one_address(app, anon):
    for _ in range(10):
        assert sign_up(anon, "10.2.0.1").status_code == 201
    refused = sign_up(anon, "10.2.0.1")
    error_of(refused, 429, "rate_limited")
    assert 0 < int(refused.headers["Retry-After"]) <= 60 * 60
    assert sign_up(anon, "10.2.0.2").status_code == 201  # another address is not held up
    with app.app_context():
        # Refusals are not kept: they would hold the address up for longer.
        assert SignUp.select().where(SignUp.address == "10.2.0.1").count() == 10
    # A burst from a fresh address: ten accounts at most.
    clients = [ApiClient(app) for _ in range(16)]
    answers = at_once([lambda a=a: sign_up(a, "10.2.0.3") for a in clients])
    statuses = [a.status_code for a in answers]
    assert 1 <= statuses.count(201) <= 10 and statuses.count(429) == 16 - statuses.count(201)


def test_logout_ends_the_session(client):
    response = client.post("/auth/logout")
    assert response.status_code == 204 and response.data == b""
    error_of(client.get("/me"), 401, "unauthorized")
    error_of(client.get("/auth/csrf"), 401, "unauthorized")


def test_logout_needs_the_csrf_header_and_a_session(client, anon):
    client.csrf = None
    error_of(client.post("/auth/logout"), 403, "csrf_failed")
    assert client.get("/me").status_code == 200
    error_of(anon.post("/auth/logout"), 401, "unauthorized")


def test_csrf_answers_the_session_token(client, anon):
    assert client.get("/auth/csrf").json == {"csrf_token": client.csrf}
    error_of(anon.get("/auth/csrf"), 401, "unauthorized")


WRITES = [
    ("POST", "/identities", {"statement": "I move"}),
    ("PUT", "/reflections/{today}", {"mood": 3}),
    ("PATCH", "/me", {"week_start": "sun"}),
    ("PATCH", "/habits/{habit}", {"name": "Run"}),
    ("DELETE", "/habits/{habit}", None),
    ("PUT", "/habits/{habit}/checkins/{today}", {}),
    ("POST", "/checkins/batch", {"items": [{"op": "put", "habit_id": "{habit}", "date": "{today}"}]}),
    ("POST", "/tokens", {"name": "Phone"}),
]


def fill(value, **names):
    """Format every string in a JSON-like value; a string that is only "{habit}" becomes an int."""
    if isinstance(value, dict):
        return {k: fill(v, **names) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, **names) for v in value]
    if value == "{habit}":
        return names["habit"]
    return value.format(**names) if isinstance(value, str) else value


@pytest.mark.parametrize("token", [None, "wrong-token", ""])
@pytest.mark.parametrize("method, path, body", WRITES)
def test_cookie_writes_without_the_right_csrf_token_are_403(client, token, method, path, body):
    habit = client.post("/habits", {"name": "Walk"}).json
    before = client.get(f"/habits/{habit['id']}").json, client.get("/me").json
    names = {"habit": habit["id"], "today": day()}
    headers = {} if token is None else {"X-CSRF-Token": token}
    client.csrf = None
    response = client.call(method, path.format(**names), fill(body, **names), headers=headers)
    error_of(response, 403, "csrf_failed")
    assert (client.get(f"/habits/{habit['id']}").json, client.get("/me").json) == before
    assert client.get("/identities").json == [] and client.get("/reflections").json == []


def test_a_csrf_header_that_is_not_ascii_is_403(client):
    response = client.post("/identities", {"statement": "I move"},
                           headers={"X-CSRF-Token": "é" * 43})
    error_of(response, 403, "csrf_failed")


def test_register_and_login_need_no_csrf_header(client):
    client.csrf = None  # a signed-in browser without the header
    response = client.post("/auth/register", {"email": "gil@example.org", "password": PASSWORD})
    assert response.status_code == 201
    assert client.login("gil@example.org").status_code == 200


@pytest.mark.parametrize("method, path, body", WRITES)
def test_authentication_is_checked_before_csrf(anon, method, path, body):
    names = {"habit": 1, "today": day()}
    response = anon.call(method, path.format(**names), fill(body, **names))
    error_of(response, 401, "unauthorized")


def copy_session(app, client):
    """A second client holding the same session cookie value (as if it had been stolen)."""
    copy = ApiClient(app)
    copy.http.set_cookie("session", client.http.get_cookie("session").value)
    copy.csrf = client.csrf
    assert copy.get("/me").status_code == 200  # the copy works until the sessions end
    return copy


def test_a_password_change_ends_every_other_session_and_revokes_every_token(app, client):
    copy = copy_session(app, client)
    other_device = ApiClient(app)
    assert other_device.login(client.user["email"]).status_code == 200
    scripts = []
    for name in ("Shortcut", "Backup script"):
        script = ApiClient(app)
        script.token = client.post("/tokens", {"name": name}).json["token"]
        assert script.get("/me").status_code == 200
        scripts.append(script)
    feed = client.post("/calendar/token").json["url"].split("/api/v1", 1)[1]
    device = {"endpoint": "https://fcm.googleapis.com/fcm/send/d", "keys": {"p256dh": "B",
                                                                           "auth": "a"}}
    assert client.post("/push/subscriptions", device).status_code == 201
    app.config["WEBHOOK_PRIVATE"] = True  # a webhook to read each check-in (nothing listens)
    assert client.post("/webhooks", {"url": "https://127.0.0.1:9/spy",
                                     "events": ["checkin.logged"]}).status_code == 201
    response = client.post("/me/password", {"current_password": PASSWORD,
                                            "new_password": "a new password"})
    assert response.status_code == 204
    for ended in [copy, other_device] + scripts:
        error_of(ended.get("/me"), 401, "unauthorized")
    assert client.get("/tokens").json == []
    error_of(client.get(feed), 404, "not_found")  # every way out an intruder could have set up
    with app.app_context():
        from server.models import PushSubscription
        assert PushSubscription.select().count() == 0
    assert client.get("/webhooks").json == []
    # The session that changed it carries on, CSRF token included.
    assert client.get("/me").status_code == 200
    assert client.post("/identities", {"statement": "I carry on"}).status_code == 201
    error_of(ApiClient(app).login(client.user["email"]), 401, "unauthorized")
    assert ApiClient(app).login(client.user["email"], "a new password").status_code == 200


@pytest.mark.parametrize("body, field", [
    ({"current_password": "wrong pass", "new_password": "a new password"}, "current_password"),
    ({"current_password": PASSWORD, "new_password": "seven77"}, "new_password"),
    ({"new_password": "a new password"}, "current_password"),
    ({"current_password": PASSWORD}, "new_password"),
])
def test_a_password_change_validates(app, client, body, field):
    copy = copy_session(app, client)
    field_errors(client.post("/me/password", body), field)
    assert copy.get("/me").status_code == 200
    assert ApiClient(app).login(client.user["email"]).status_code == 200


def test_deleting_the_account_ends_every_session(app, client):
    copy = copy_session(app, client)
    assert client.delete("/me", {"password": PASSWORD}).status_code == 204
    error_of(copy.get("/me"), 401, "unauthorized")
    error_of(client.get("/me"), 401, "unauthorized")


def test_a_copied_cookie_stops_working_after_logout(app, client):
    copy = ApiClient(app)
    copy.http.set_cookie("session", client.http.get_cookie("session").value)
    assert copy.get("/me").status_code == 200
    assert client.post("/auth/logout").status_code == 204
    assert copy.get("/me").status_code == 401
