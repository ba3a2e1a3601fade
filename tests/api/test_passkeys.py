"""Passkeys through the API with a software authenticator (tests/api/authenticator.py): adding
one, signing in with it, and every refusal: a spent or expired challenge, another origin or RP
id, no user verification, a counter that went back, a removed passkey, the last way in."""
import datetime

import pytest
from werkzeug.middleware.proxy_fix import ProxyFix

from ..conftest import PASSWORD, ApiClient
from .authenticator import UP, Authenticator
from .helpers import error_of, field_errors


def add_passkey(client, authenticator=None, name="Phone"):
    """Add a passkey to `client`'s account; (the authenticator, the passkey's JSON)."""
    authenticator = authenticator or Authenticator()
    options = client.post("/me/passkeys/options").json["public_key"]
    response = client.post("/me/passkeys", {"credential": authenticator.create(options),
                                            "name": name})
    assert response.status_code == 201, response.json
    return authenticator, response.json


def sign_in_answer(anon, authenticator, **kwargs):
    """An assertion of `authenticator` to a fresh sign-in challenge."""
    options = anon.post("/auth/passkey/options").json["public_key"]
    return authenticator.get(options, **kwargs)


def sign_in(anon, credential):
    return anon.post("/auth/passkey", {"credential": credential})


def test_a_passkey_added_in_settings_signs_in(app, client, anon):
    authenticator, passkey = add_passkey(client)
    assert passkey["name"] == "Phone" and passkey["last_used_at"] is None
    options = anon.post("/auth/passkey/options").json["public_key"]
    # Discoverable: no account named, user verification required, this server's RP id.
    assert options["rpId"] == "localhost" and options["userVerification"] == "required"
    assert "allowCredentials" not in options or options["allowCredentials"] == []
    response = sign_in(anon, authenticator.get(options))
    assert response.status_code == 200, response.json
    assert response.json["user"]["email"] == client.user["email"]
    anon.csrf = response.json["csrf_token"]
    assert anon.get("/me").json["id"] == client.user["id"]
    assert anon.patch("/me", {"week_start": "sun"}).status_code == 200  # CSRF as any session
    [listed] = client.get("/me/passkeys").json
    assert listed["last_used_at"] is not None
    ways = client.get("/me/sign-in").json
    assert ways["password"]["set"] is True and [p["id"] for p in ways["passkeys"]] == [
        passkey["id"]]


def test_the_creation_options_ask_for_a_discoverable_verified_passkey(client):
    _, first = add_passkey(client)
    options = client.post("/me/passkeys/options").json["public_key"]
    selection = options["authenticatorSelection"]
    assert selection["residentKey"] == "required" and selection["userVerification"] == "required"
    assert options["rp"]["id"] == "localhost" and options["user"]["name"] == client.user["email"]
    assert len(options["excludeCredentials"]) == 1  # the passkey it has already


def test_an_assertion_is_good_once(client, anon):
    authenticator, _ = add_passkey(client)
    answer = sign_in_answer(anon, authenticator)
    assert sign_in(anon, answer).status_code == 200
    error_of(sign_in(ApiClient(anon.http.application), answer), 401, "unauthorized")


def test_a_challenge_is_spent_even_by_a_refused_answer(client, anon):
    authenticator, _ = add_passkey(client)
    options = anon.post("/auth/passkey/options").json["public_key"]
    error_of(sign_in(anon, authenticator.get(options, origin="http://evil.example")), 401,
             "unauthorized")
    error_of(sign_in(anon, authenticator.get(options)), 401, "unauthorized")


def test_a_challenge_expires(app, client, anon):
    authenticator, _ = add_passkey(client)
    options = anon.post("/auth/passkey/options").json["public_key"]
    now = app.config["NOW"]()
    app.config["NOW"] = lambda: now + datetime.timedelta(minutes=5, seconds=1)
    error_of(sign_in(anon, authenticator.get(options)), 401, "unauthorized")
    # and a fresh one, asked for then, works
    assert sign_in(anon, sign_in_answer(anon, authenticator)).status_code == 200


def test_an_expired_challenge_adds_nothing(app, client):
    options = client.post("/me/passkeys/options").json["public_key"]
    now = app.config["NOW"]()
    app.config["NOW"] = lambda: now + datetime.timedelta(minutes=6)
    response = client.post("/me/passkeys", {"credential": Authenticator().create(options)})
    assert field_errors(response, "credential")
    assert client.get("/me/passkeys").json == []


@pytest.mark.parametrize("where", [{"origin": "http://evil.example"},
                                   {"origin": "https://localhost"},
                                   {"origin": "http://localhost:8080"},
                                   {"rp_id": "evil.example"}])
def test_another_origin_or_rp_id_is_refused(client, anon, where):
    authenticator, _ = add_passkey(client)
    error_of(sign_in(anon, sign_in_answer(anon, authenticator, **where)), 401, "unauthorized")
    # ... and on adding one
    options = client.post("/me/passkeys/options").json["public_key"]
    response = client.post("/me/passkeys", {"credential": Authenticator().create(options, **where)})
    assert field_errors(response, "credential")
    assert len(client.get("/me/passkeys").json) == 1


def test_the_origin_follows_the_host_the_request_came_to(app):
    authenticator = Authenticator(origin="http://orbit.home.arpa:5101", rp_id="orbit.home.arpa")
    host = {"headers": {"Host": "orbit.home.arpa:5101"}}
    client = ApiClient(app)
    signed_up = client.post("/auth/register", {"email": "home@example.org", "password": PASSWORD},
                            **host)
    client.csrf = signed_up.json["csrf_token"]
    response = client.post("/me/passkeys/options", **host)
    assert response.status_code == 200, response.json
    options = response.json["public_key"]
    assert options["rp"]["id"] == "orbit.home.arpa"
    response = client.post("/me/passkeys", {"credential": authenticator.create(options)}, **host)
    assert response.status_code == 201, response.json
    anon = ApiClient(app)
    options = anon.post("/auth/passkey/options", **host).json["public_key"]
    error_of(sign_in(anon, authenticator.get(options)), 401, "unauthorized")  # sent elsewhere
    options = anon.post("/auth/passkey/options", **host).json["public_key"]
    assert anon.post("/auth/passkey", {"credential": authenticator.get(options)},
                     **host).status_code == 200


def test_the_base_url_wins_over_the_host(app, client):
    app.config["BASE_URL"] = "https://orbit.example.org"
    options = client.post("/me/passkeys/options").json["public_key"]
    assert options["rp"]["id"] == "orbit.example.org"
    response = client.post("/me/passkeys", {"credential": Authenticator().create(options)})
    assert field_errors(response, "credential")  # made on http://localhost
    options = client.post("/me/passkeys/options").json["public_key"]
    made_there = Authenticator(origin="https://orbit.example.org", rp_id="orbit.example.org")
    assert client.post("/me/passkeys", {"credential": made_there.create(options)}
                       ).status_code == 201


def test_user_verification_is_required(client, anon):
    options = client.post("/me/passkeys/options").json["public_key"]
    response = client.post("/me/passkeys", {"credential": Authenticator().create(options, flags=UP)})
    assert field_errors(response, "credential")
    authenticator, _ = add_passkey(client)
    error_of(sign_in(anon, sign_in_answer(anon, authenticator, flags=UP)), 401, "unauthorized")


def test_a_counter_that_goes_back_is_refused(client, anon):
    authenticator, _ = add_passkey(client)
    assert sign_in(anon, sign_in_answer(anon, authenticator, count=5)).status_code == 200
    # A copy of the key (a cloned authenticator) signs with an older counter.
    authenticator.counter = 2
    error_of(sign_in(anon, sign_in_answer(anon, authenticator)), 401, "unauthorized")
    authenticator.counter = 4  # equal to the stored 5 after the +1: still not greater
    error_of(sign_in(anon, sign_in_answer(anon, authenticator)), 401, "unauthorized")
    authenticator.counter = 5
    assert sign_in(anon, sign_in_answer(anon, authenticator)).status_code == 200


def test_a_removed_passkey_signs_nobody_in(client, anon):
    authenticator, passkey = add_passkey(client)
    assert client.delete(f"/me/passkeys/{passkey['id']}").status_code == 204
    error_of(sign_in(anon, sign_in_answer(anon, authenticator)), 401, "unauthorized")
    assert client.get("/me/passkeys").json == []


def test_a_passkey_of_the_other_user_handle_is_refused(client, other, anon):
    authenticator, _ = add_passkey(client)
    answer = sign_in_answer(anon, authenticator)
    answer["response"]["userHandle"] = other.post("/me/passkeys/options").json[
        "public_key"]["user"]["id"]
    error_of(sign_in(anon, answer), 401, "unauthorized")


def test_rename_and_list(client):
    _, passkey = add_passkey(client, name=None)
    assert passkey["name"] == "Passkey"
    renamed = client.patch(f"/me/passkeys/{passkey['id']}", {"name": "YubiKey"})
    assert renamed.json["name"] == "YubiKey"
    assert [p["name"] for p in client.get("/me/passkeys").json] == ["YubiKey"]


def test_the_same_passkey_twice_is_a_conflict(client):
    authenticator, _ = add_passkey(client)
    options = client.post("/me/passkeys/options").json["public_key"]
    error_of(client.post("/me/passkeys", {"credential": authenticator.create(options)}), 409,
             "conflict")


def test_another_users_challenge_adds_nothing(client, other):
    options = other.post("/me/passkeys/options").json["public_key"]
    response = client.post("/me/passkeys", {"credential": Authenticator().create(options)})
    assert field_errors(response, "credential")
    assert other.get("/me/passkeys").json == [] and client.get("/me/passkeys").json == []


def test_tokens_cannot_reach_passkeys(client):
    client.token = client.post("/tokens", {"name": "script"}).json["token"]
    client.csrf = None
    client.http.delete_cookie("session")
    for method, path in (("GET", "/me/passkeys"), ("POST", "/me/passkeys/options"),
                         ("GET", "/me/sign-in"), ("POST", "/me/sign-out-everywhere")):
        error_of(client.call(method, path), 403, "forbidden")


def test_writes_need_the_csrf_token(client):
    _, passkey = add_passkey(client)
    client.csrf = None
    for method, path in (("POST", "/me/passkeys/options"), ("DELETE", f"/me/passkeys/{passkey['id']}"),
                         ("PATCH", f"/me/passkeys/{passkey['id']}"),
                         ("POST", "/me/sign-out-everywhere")):
        error_of(client.call(method, path, {"name": "x"} if method == "PATCH" else None), 403,
                 "csrf_failed")


def test_passkey_sign_ins_are_throttled_by_address(app, client, anon):
    app.config["LOGIN_MAX_PER_ADDRESS"] = 3
    authenticator, _ = add_passkey(client)
    for _ in range(3):
        answer = sign_in_answer(anon, authenticator, origin="http://evil.example")
        error_of(sign_in(anon, answer), 401, "unauthorized")
    response = sign_in(anon, sign_in_answer(anon, authenticator))
    error_of(response, 429, "rate_limited")
    assert response.headers["Retry-After"]
    # the same budget as passwords from that address
    error_of(anon.post("/auth/login", {"email": client.user["email"], "password": PASSWORD}),
             429, "rate_limited")


def test_passkeys_off(app, client, anon):
    app.config["PASSKEYS"] = False
    for method, path in (("POST", "/auth/passkey/options"), ("POST", "/me/passkeys/options"),
                         ("GET", "/me/passkeys")):
        error_of(client.call(method, path), 404, "not_found")
    error_of(anon.post("/auth/passkey/options"), 404, "not_found")
    assert client.get("/me/sign-in").json["passkeys_enabled"] is False
    assert anon.get("/auth/passkey").json == {"enabled": False}
    app.config["PASSKEYS"] = True
    assert anon.get("/auth/passkey").json == {"enabled": True}


def test_forwarded_headers_count_only_from_a_trusted_proxy(app, client):
    forged = {"headers": {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"}}
    options = client.post("/me/passkeys/options", **forged).json["public_key"]
    assert options["rp"]["id"] == "localhost"  # ORBIT_TRUSTED_PROXIES=0: the headers are nobody's
    plain = app.wsgi_app
    app.wsgi_app = ProxyFix(plain, x_for=1, x_proto=1, x_host=1, x_port=1)  # as trust_proxies
    try:
        proxied = {"headers": {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "orbit.example.org"},
                   "base_url": "https://localhost"}
        options = client.post("/me/passkeys/options", **proxied).json["public_key"]
        assert options["rp"]["id"] == "orbit.example.org"
        there = Authenticator(origin="https://orbit.example.org", rp_id="orbit.example.org")
        response = client.post("/me/passkeys", {"credential": there.create(options)}, **proxied)
        assert response.status_code == 201, response.json
        anon = ApiClient(app)
        options = anon.post("/auth/passkey/options", **proxied).json["public_key"]
        assert anon.post("/auth/passkey", {"credential": there.get(options)},
                         **proxied).status_code == 200
    finally:
        app.wsgi_app = plain
