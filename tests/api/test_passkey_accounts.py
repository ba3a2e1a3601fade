"""Accounts and passkeys: a sign-up with a passkey instead of a password (the sign-up rules of
a password sign-up), the last way in kept, what a password change and "sign out everywhere" end."""
import pytest

from ..conftest import PASSWORD, ApiClient
from .authenticator import Authenticator
from .helpers import error_of, field_errors
from .test_passkeys import add_passkey, sign_in, sign_in_answer


def passkey_sign_up(anon, email="pk@example.org", invite=None, authenticator=None):
    """A sign-up with a passkey: (the authenticator, the answer of the second step)."""
    authenticator = authenticator or Authenticator()
    body = {"email": email, "timezone": "Europe/Berlin"} | ({"invite": invite} if invite else {})
    response = anon.post("/auth/register/passkey/options", body)
    assert response.status_code == 200, response.json
    options = response.json["public_key"]
    answer = anon.post("/auth/register/passkey",
                       {"credential": authenticator.create(options), "name": "My phone"})
    return authenticator, answer


def test_a_passkey_sign_up_makes_an_account_with_no_password(app, anon):
    authenticator, response = passkey_sign_up(anon)
    assert response.status_code == 201, response.json
    user = response.json["user"]
    assert (user["email"], user["timezone"]) == ("pk@example.org", "Europe/Berlin")
    anon.csrf = response.json["csrf_token"]
    ways = anon.get("/me/sign-in").json
    assert ways["password"] == {"set": False, "last_used_at": None}
    assert [p["name"] for p in ways["passkeys"]] == ["My phone"]
    # no password signs it in, not even an empty one
    for password in ("", "anything"):
        error_of(ApiClient(app).post("/auth/login", {"email": "pk@example.org",
                                                     "password": password or "x"}), 401,
                 "unauthorized")
    # its passkey does
    fresh = ApiClient(app)
    assert sign_in(fresh, sign_in_answer(fresh, authenticator)).json["user"]["id"] == user["id"]


def test_a_passkey_sign_up_follows_the_sign_up_rules(app, anon, client):
    error_of(anon.post("/auth/register/passkey/options", {"email": client.user["email"]}), 409,
             "conflict")
    app.config["SIGNUPS"] = "closed"
    error_of(anon.post("/auth/register/passkey/options", {"email": "new@example.org"}), 403,
             "forbidden")
    app.config["SIGNUPS"] = "open"
    # the rules hold again at the second step: closed meanwhile
    options = anon.post("/auth/register/passkey/options", {"email": "new@example.org"}).json
    app.config["SIGNUPS"] = "closed"
    response = anon.post("/auth/register/passkey",
                         {"credential": Authenticator().create(options["public_key"])})
    error_of(response, 403, "forbidden")


def test_a_passkey_sign_up_spends_its_invite(app, anon):
    app.config["SIGNUPS"] = "invite"
    error_of(anon.post("/auth/register/passkey/options", {"email": "new@example.org"}), 403,
             "forbidden")
    token = app.test_cli_runner().invoke(args=["invite", "create"]).stdout.rpartition("=")[2]
    _, response = passkey_sign_up(anon, invite=token.strip())
    assert response.status_code == 201, response.json
    assert anon.get(f"/signups?invite={token.strip()}").json["invite_valid"] is False
    error_of(ApiClient(app).post("/auth/register/passkey/options", {
        "email": "again@example.org", "invite": token.strip()}), 403, "forbidden")


def test_passkey_sign_ups_are_throttled(app, anon):
    app.config["SIGN_UP_MAX_PER_ADDRESS"] = 1
    assert passkey_sign_up(anon, "a@example.org")[1].status_code == 201
    error_of(passkey_sign_up(ApiClient(app), "b@example.org")[1], 429, "rate_limited")


def test_a_sign_up_challenge_is_good_once(app, anon):
    authenticator = Authenticator()
    options = anon.post("/auth/register/passkey/options", {"email": "x@example.org"}).json
    credential = authenticator.create(options["public_key"])
    assert anon.post("/auth/register/passkey", {"credential": credential}).status_code == 201
    response = ApiClient(app).post("/auth/register/passkey", {"credential": credential})
    assert field_errors(response, "credential")


def test_the_last_way_in_cannot_be_removed(anon):
    authenticator, response = passkey_sign_up(anon)
    anon.csrf = response.json["csrf_token"]
    [only] = anon.get("/me/passkeys").json
    error_of(anon.delete(f"/me/passkeys/{only['id']}"), 409, "conflict")
    _, second = add_passkey(anon, name="Laptop")
    assert anon.delete(f"/me/passkeys/{only['id']}").status_code == 204
    error_of(anon.delete(f"/me/passkeys/{second['id']}"), 409, "conflict")
    # with a password set, the last passkey may go
    assert anon.post("/me/password", {"current_password": "", "new_password": PASSWORD}
                     ).status_code == 204
    assert anon.get("/me/sign-in").json["password"]["set"] is True
    assert anon.delete(f"/me/passkeys/{second['id']}").status_code == 204
    assert anon.get("/me/passkeys").json == []


def test_a_first_password_keeps_the_passkeys_and_sessions(app, anon):
    authenticator, response = passkey_sign_up(anon)
    anon.csrf = response.json["csrf_token"]
    elsewhere = ApiClient(app)
    sign_in(elsewhere, sign_in_answer(elsewhere, authenticator))
    assert anon.post("/me/password", {"current_password": "", "new_password": PASSWORD}
                     ).status_code == 204
    assert elsewhere.get("/me").status_code == 200
    assert len(anon.get("/me/passkeys").json) == 1
    assert ApiClient(app).login("pk@example.org").status_code == 200
    # ... and from then on it is a password like any: the current one is asked for
    response = anon.post("/me/password", {"current_password": "", "new_password": "another one"})
    assert field_errors(response, "current_password")


def test_a_password_change_removes_every_passkey(app, client):
    # An intruder who knew the password added one from their own session; the owner's own
    # (added in this very session) goes too: a stolen session cookie looks just like it.
    intruder = ApiClient(app)
    intruder.login(client.user["email"])
    theirs, _ = add_passkey(intruder, name="Not mine")
    add_passkey(client, name="Mine")
    response = client.post("/me/password", {"current_password": PASSWORD,
                                            "new_password": "a new password"})
    assert response.status_code == 204
    assert client.get("/me/passkeys").json == []
    error_of(intruder.get("/me"), 401, "unauthorized")
    anon = ApiClient(app)
    error_of(sign_in(anon, sign_in_answer(anon, theirs)), 401, "unauthorized")


def test_a_reset_link_removes_every_passkey(app, client):
    authenticator, _ = add_passkey(client)
    result = app.test_cli_runner().invoke(args=["user", "reset-link", client.user["email"]])
    token = result.stdout.strip().rpartition("token=")[2]
    anon = ApiClient(app)
    response = anon.post("/auth/password-reset/confirm", {"token": token, "password": "brand new pw"})
    assert response.status_code == 200, response.json
    anon.csrf = response.json["csrf_token"]
    assert anon.get("/me/passkeys").json == []
    fresh = ApiClient(app)
    error_of(sign_in(fresh, sign_in_answer(fresh, authenticator)), 401, "unauthorized")


def test_sign_out_everywhere_keeps_this_session(app, client):
    authenticator, _ = add_passkey(client)
    phone = ApiClient(app)
    assert sign_in(phone, sign_in_answer(phone, authenticator)).status_code == 200
    laptop = ApiClient(app)
    laptop.login(client.user["email"])
    token = client.post("/tokens", {"name": "script"}).json["token"]
    assert client.post("/me/sign-out-everywhere").status_code == 204
    for ended in (phone, laptop):
        error_of(ended.get("/me"), 401, "unauthorized")
    assert client.get("/me").status_code == 200
    assert client.patch("/me", {"week_start": "sun"}).status_code == 200  # CSRF token kept
    # the ways in stay (listed beside it, each removable), and so do API tokens
    assert len(client.get("/me/passkeys").json) == 1
    scripted = ApiClient(app)
    scripted.token = token
    assert scripted.get("/me").status_code == 200
    again = ApiClient(app)
    assert sign_in(again, sign_in_answer(again, authenticator)).status_code == 200


def test_a_password_sign_in_is_remembered(app, client):
    assert client.get("/me/sign-in").json["password"]["last_used_at"] is None
    ApiClient(app).login(client.user["email"])
    assert client.get("/me/sign-in").json["password"]["last_used_at"] is not None


def test_a_passkey_account_deletes_itself_with_its_session(anon):
    _, response = passkey_sign_up(anon)
    anon.csrf = response.json["csrf_token"]
    assert anon.delete("/me", {"password": ""}).status_code == 204
    error_of(anon.get("/me"), 401, "unauthorized")


@pytest.mark.parametrize("body", [
    {"credential": {}},
    {"credential": {"id": "AA", "rawId": "AA", "type": "public-key",
                    "response": {"clientDataJSON": "AA", "authenticatorData": "AA",
                                 "signature": "AA"}}},
    {"credential": {"id": "AA", "rawId": "AA", "type": "public-key",
                    "response": {"clientDataJSON": "eyJjaGFsbGVuZ2UiOjF9",  # {"challenge":1}
                                 "authenticatorData": "AA", "signature": "AA"}}},
    {"credential": {"id": "AA", "rawId": "AA", "type": "public-key", "extra": 1,
                    "response": {"clientDataJSON": "AA", "authenticatorData": "AA",
                                 "signature": "AA"}}},
])
def test_broken_answers_are_refused_not_crashed(anon, body):
    response = anon.post("/auth/passkey", body)
    assert response.status_code in (401, 422), response.json


def test_a_linked_provider_is_a_way_in_too(app, anon):
    from server import models
    if not hasattr(models, "OidcLink"):
        pytest.skip("no OpenID Connect here")
    _, response = passkey_sign_up(anon)
    anon.csrf = response.json["csrf_token"]
    [only] = anon.get("/me/passkeys").json
    with app.app_context():
        models.OidcLink.create(user=response.json["user"]["id"], issuer="https://id.example.org",
                               subject="42", email="pk@example.org")
    assert anon.delete(f"/me/passkeys/{only['id']}").status_code == 204
