"""Device cookies (issue 29, item 10; OWASP's "Slow Down Online Guessing Attacks with Device
Cookies"): five wrong passwords lock an email for browsers that never signed in to it, while a
browser that did keeps signing in, on a failure budget of its own; the address's limit holds."""
import datetime

from itsdangerous import URLSafeTimedSerializer

from server.housekeeping import housekeep
from server.models import LoginAttempt, User
from tests import clock

from ..conftest import PASSWORD, ApiClient
from .helpers import error_of

DEVICE_COOKIE = "orbit_device"
AUTH_PATH = "/api/v1/auth"
FOR_THIS_ACCOUNT = ("Too many attempts for this account. Try again in 15 minutes, or from a "
                    "device you've signed in on before.")
FROM_THIS_DEVICE = "Too many attempts from this device. Try again in 15 minutes."
FROM_THIS_ADDRESS = "Too many sign-in attempts from this network. Try again in 15 minutes."
ATTACKER = "10.66.0.1"


def sign_in(api, email, password=PASSWORD, address="127.0.0.1"):
    """POST /auth/login from `address`; the response."""
    return api.post("/auth/login", {"email": email, "password": password},
                    environ_overrides={"REMOTE_ADDR": address})


def guess(api, email, times=5, address=ATTACKER):
    """`times` wrong passwords for `email`, each a 401."""
    for n in range(times):
        error_of(sign_in(api, email, f"wrong pass {n}", address), 401, "unauthorized")


def refused(response, message):
    """Assert a 429 with this message and a Retry-After of at most the window."""
    error = error_of(response, 429, "rate_limited")
    assert error["message"] == message
    assert 0 < int(response.headers["Retry-After"]) <= 15 * 60


def device_cookie(api):
    """The value of the device cookie the client holds, or None."""
    cookie = api.http.get_cookie(DEVICE_COOKIE, path=AUTH_PATH)
    return cookie.value if cookie else None


def with_device_cookie(app, value):
    """A new client (another browser) holding `value` as its device cookie."""
    api = ApiClient(app)
    api.http.set_cookie(DEVICE_COOKIE, value, path=AUTH_PATH)
    return api


def device_set_cookie(response):
    return next(h for h in response.headers.getlist("Set-Cookie")
                if h.startswith(f"{DEVICE_COOKIE}="))


def test_the_owners_browser_signs_in_while_an_attacker_has_the_email_locked(app, client):
    email = client.user["email"]
    assert client.post("/auth/logout").status_code == 204  # signed out: the cookie stays
    first_cookie = device_cookie(client)
    assert first_cookie
    attacker = ApiClient(app)
    guess(attacker, email)
    refused(sign_in(attacker, email, "wrong pass 6", ATTACKER), FOR_THIS_ACCOUNT)
    refused(sign_in(attacker, email, address="10.66.0.2"), FOR_THIS_ACCOUNT)  # even the password

    assert sign_in(client, email.upper()).status_code == 200
    assert client.get("/me").json["email"] == email
    assert device_cookie(client) not in (None, first_cookie)  # a new nonce at each sign-in
    # The owner's sign-in forgives nobody else's failures: the attacker is still locked out.
    refused(sign_in(attacker, email, address="10.66.0.3"), FOR_THIS_ACCOUNT)
    with app.app_context():
        assert LoginAttempt.select().where(LoginAttempt.email == email).count() == 5


def test_a_device_cookie_for_another_account_does_not_help(app, client, other):
    email = client.user["email"]
    guess(ApiClient(app), email)
    assert device_cookie(other)
    refused(sign_in(other, email), FOR_THIS_ACCOUNT)
    assert sign_in(client, email).status_code == 200  # the owner's own cookie does
    assert sign_in(other, other.user["email"]).status_code == 200


def test_a_forged_or_tampered_device_cookie_does_not_help(app, client):
    email = client.user["email"]
    guess(ApiClient(app), email)
    real = device_cookie(client)
    payload, rest = real.split(".", 1)
    tampered = ("A" if payload[0] != "A" else "B") + payload[1:] + "." + rest
    with app.app_context():
        account = str(User.get(User.email == email).uuid)
    forged = URLSafeTimedSerializer("a guessed key", salt="orbit.device").dumps(
        [[account, "nonce"]])
    session_cookie = client.http.get_cookie("session").value  # signed with the key, other salt
    for value in (tampered, forged, session_cookie, "", "garbage", real[:-1]):
        refused(sign_in(with_device_cookie(app, value), email), FOR_THIS_ACCOUNT)
    # The very cookie, in another client, is the same device: the test above is not vacuous.
    assert sign_in(with_device_cookie(app, real), email).status_code == 200


def test_a_devices_own_failures_lock_that_device_cookie(app, client):
    email = client.user["email"]
    guess(client, email, address="127.0.0.1")
    refused(sign_in(client, email), FROM_THIS_DEVICE)  # the right password, on this device
    with app.app_context():
        assert LoginAttempt.select().where(LoginAttempt.device.is_null(False)).count() == 5
    # They were this device's failures, not the email's: another browser still signs in ...
    assert sign_in(ApiClient(app), email, address="10.7.0.1").status_code == 200
    refused(sign_in(client, email), FROM_THIS_DEVICE)  # ... and this one waits out its window
    with app.app_context():  # 16 minutes later
        LoginAttempt.update(created_at=clock.now().replace(tzinfo=None)
                            - datetime.timedelta(minutes=16)).execute()
    assert sign_in(client, email).status_code == 200


def test_the_address_limit_holds_for_a_trusted_device(app, client):
    guesser = ApiClient(app)
    for n in range(20):
        guess(guesser, f"guess{n}@example.org", times=1, address="10.8.0.1")
    refused(sign_in(client, client.user["email"], address="10.8.0.1"), FROM_THIS_ADDRESS)
    assert sign_in(client, client.user["email"], address="10.8.0.2").status_code == 200


def test_one_browser_stays_trusted_for_each_account_signed_in_on_it(app, client, other):
    shared = ApiClient(app)
    emails = [client.user["email"], other.user["email"]]
    for email in emails:
        assert sign_in(shared, email).status_code == 200
    for email in emails:
        guess(ApiClient(app), email)
        assert sign_in(shared, email).status_code == 200


def test_the_device_cookie_is_http_only_lax_for_a_year_and_secure_over_https(app, anon, client):
    login = sign_in(anon, client.user["email"])
    for response in (login, anon.post("/auth/register", {"email": "new@example.org",
                                                         "password": PASSWORD},
                                      environ_overrides={"REMOTE_ADDR": "10.9.0.1"})):
        header = device_set_cookie(response)
        for part in ("HttpOnly", "SameSite=Lax", "Max-Age=31536000", f"Path={AUTH_PATH}"):
            assert part in header, header
        assert "Secure" not in header
    secure = anon.post("/auth/login", {"email": client.user["email"], "password": PASSWORD},
                       base_url="https://localhost")
    assert "Secure" in device_set_cookie(secure)
    # Signed, naming the account by its random id (not its email), with a random nonce.
    with app.app_context():
        account = str(User.get(User.email == client.user["email"]).uuid)
        new_account = str(User.get(User.email == "new@example.org").uuid)
    entries = URLSafeTimedSerializer(app.secret_key, salt="orbit.device").loads(
        device_cookie(anon))  # this browser signed in to both accounts, the first one last
    assert [entry[0] for entry in entries] == [account, new_account]
    assert len(entries[0][1]) >= 20


def test_housekeeping_deletes_a_devices_failures_after_their_window(app):
    now = clock.now().replace(tzinfo=None)
    window = datetime.timedelta(seconds=app.config["LOGIN_WINDOW_SECONDS"])
    second = datetime.timedelta(seconds=1)
    with app.app_context():
        stale = LoginAttempt.create(email="a@example.org", address="10.1.1.1", device="d" * 64,
                                    created_at=now - window - second)
        fresh = LoginAttempt.create(email="a@example.org", address="10.1.1.1", device="d" * 64,
                                    created_at=now - window + second)
        housekeep(app.config, clock.now())
        assert [(row.id, row.device) for row in LoginAttempt.select()] == [(fresh.id, "d" * 64)]
        assert stale.id != fresh.id
