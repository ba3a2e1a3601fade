"""OpenID Connect sign-in (issue 22) against a real OpenID provider (oidc-provider, started on
127.0.0.1 by tests/oidc_server.py): no token endpoint is mocked. The person's part at the provider
is its own login form, posted; Orbit's part is the test client, as the browser would be."""
import time
import uuid

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from server import oidc
from server.models import OidcLink, User
from server.store import resets

from ..conftest import PASSWORD, ApiClient
from ..oidc_server import CLIENT_ID, OidcProvider, log_in_at_provider, query_of

BASE = "http://orbit.test"
CALLBACK = f"{BASE}/api/v1/auth/oidc/callback"


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    running = OidcProvider([CALLBACK], tmp_path_factory.mktemp("oidc"))
    yield running
    running.stop()


@pytest.fixture
def sso_app(app, provider):
    app.config.update(BASE_URL=BASE, **provider.config())
    return app


def start(client, **query):
    """The sign-in button: Orbit's redirect to the provider's login page."""
    answer = client.get("/auth/oidc/start", query_string=query)
    assert answer.status_code == 302, answer.json
    return answer.headers["Location"]


def sign_in(client, login, **query):
    """Button, provider's login, back to Orbit's callback: Orbit's answer to the callback."""
    back = log_in_at_provider(start(client, **query), login, CALLBACK)
    return client.get(back.removeprefix(BASE))


def methods(client):
    return client.get("/auth/methods").json


def test_the_sign_in_screen_learns_the_button(anon, sso_app):
    assert methods(anon) == {"password_login": True, "oidc": {
        "name": "Test ID", "start_url": "/api/v1/auth/oidc/start"},
        "oidc_link": None, "oidc_error": None}
    sso_app.config.update(OIDC_ISSUER="")
    assert methods(anon)["oidc"] is None
    assert anon.get("/auth/oidc/start").status_code == 404


def test_the_start_asks_for_code_with_pkce_state_and_nonce(anon, sso_app, provider):
    query = query_of(start(anon))
    assert query["response_type"] == "code" and query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == CALLBACK and "openid" in query["scope"].split()
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) >= 43
    assert len(query["state"]) >= 20 and len(query["nonce"]) >= 20
    with anon.http.session_transaction() as session:
        flow = session[oidc.PENDING]
    assert (flow["state"], flow["nonce"]) == (query["state"], query["nonce"])


def test_a_first_sign_in_creates_the_account_when_sign_ups_are_open(anon, sso_app, provider):
    answer = sign_in(anon, "ada", timezone="Europe/Paris")
    assert (answer.status_code, answer.headers["Location"]) == (302, "/")
    assert "orbit_signed_in=1" in " ".join(answer.headers.getlist("Set-Cookie"))
    me = anon.get("/me").json
    assert (me["email"], me["timezone"]) == ("ada@example.org", "Europe/Paris")
    [linked] = anon.get("/me/providers").json
    assert (linked["issuer"], linked["name"], linked["email"]) == (
        provider.issuer, "Test ID", "ada@example.org")
    assert linked["linked_at"] and linked["last_used_at"]
    # an ordinary session: writes need its CSRF token, which GET /auth/csrf gives
    assert anon.post("/identities", {"statement": "I read"}).json["error"]["code"] == "csrf_failed"
    anon.csrf = anon.get("/auth/csrf").json["csrf_token"]
    assert anon.post("/identities", {"statement": "I read"}).status_code == 201
    # signing out ends it; signing in again finds the same account, not a second one
    assert anon.post("/auth/logout").status_code == 204
    assert anon.get("/me").status_code == 401
    fresh = ApiClient(sso_app)
    assert sign_in(fresh, "ada").headers["Location"] == "/"
    assert fresh.get("/me").json["id"] == me["id"]
    with sso_app.app_context():
        assert User.select().where(User.email == "ada@example.org").count() == 1
        assert OidcLink.select().count() == 1


def test_an_email_with_a_password_account_links_after_its_password_once(anon, sso_app):
    owner = ApiClient(sso_app).register(email="bo@example.org")
    answer = sign_in(anon, "bo")
    assert answer.headers["Location"] == "/#/signin"
    assert anon.get("/me").status_code == 401  # not signed in by the email alone
    assert methods(anon)["oidc_link"] == {"email": "bo@example.org"}
    wrong = anon.post("/auth/oidc/link", {"password": "not the password"})
    assert wrong.status_code == 401
    linked = anon.post("/auth/oidc/link", {"password": PASSWORD})
    assert linked.status_code == 200, linked.json
    assert linked.json["user"]["id"] == owner.user["id"] and linked.json["csrf_token"]
    assert anon.post("/auth/oidc/link", {"password": PASSWORD}).status_code == 404  # once
    # from now on the provider signs straight in, with no password asked
    again = ApiClient(sso_app)
    assert sign_in(again, "bo").headers["Location"] == "/"
    assert again.get("/me").json["id"] == owner.user["id"]
    assert methods(again)["oidc_link"] is None
    assert [p["email"] for p in owner.get("/me/providers").json] == ["bo@example.org"]


def test_linking_guesses_are_throttled_like_sign_ins(anon, sso_app):
    ApiClient(sso_app).register(email="cy@example.org")
    sso_app.config.update(LOGIN_MAX_PER_EMAIL=2)
    sign_in(anon, "cy")
    codes = [anon.post("/auth/oidc/link", {"password": f"guess {n}"}).status_code
             for n in range(3)]
    assert codes == [401, 401, 429]
    assert anon.post("/auth/oidc/link", {"password": PASSWORD}).status_code == 429


def test_a_wrong_state_signs_nobody_in_and_spends_the_flow(anon, sso_app):
    back = log_in_at_provider(start(anon), "dee", CALLBACK)
    query = query_of(back)
    forged = anon.get("/auth/oidc/callback", query_string={**query, "state": "x" * 32})
    assert forged.headers["Location"] == "/#/signin"
    assert anon.get("/me").status_code == 401
    assert "different browser" in methods(anon)["oidc_error"]
    assert methods(anon)["oidc_error"] is None  # said once
    # the right state afterwards: the flow was spent, so the code is not good here any more
    assert anon.get(back.removeprefix(BASE)).headers["Location"] == "/#/signin"
    assert anon.get("/me").status_code == 401
    # and a callback in a browser that never started one is refused alike
    other = ApiClient(sso_app)
    assert other.get(back.removeprefix(BASE)).headers["Location"] == "/#/signin"
    assert other.get("/me").status_code == 401
    with sso_app.app_context():
        assert not User.select().where(User.email == "dee@example.org").exists()


def test_a_wrong_nonce_is_refused(anon, sso_app):
    authorization = start(anon)
    with anon.http.session_transaction() as session:  # the browser's flow expects another nonce
        flow = session[oidc.PENDING]
        session[oidc.PENDING] = {**flow, "nonce": "a-nonce-this-provider-never-saw"}
    answer = anon.get(log_in_at_provider(authorization, "dee", CALLBACK).removeprefix(BASE))
    assert answer.headers["Location"] == "/#/signin"
    assert anon.get("/me").status_code == 401
    assert "did not work" in methods(anon)["oidc_error"]


def test_sign_ups_closed_refuse_a_new_identity_but_not_a_linked_one(anon, sso_app):
    assert sign_in(ApiClient(sso_app), "eve").headers["Location"] == "/"  # linked while open
    sso_app.config.update(SIGNUPS="closed")
    answer = sign_in(anon, "dee")
    assert answer.headers["Location"] == "/#/signin"
    assert anon.get("/me").status_code == 401
    assert "not taking new accounts" in methods(anon)["oidc_error"]
    with sso_app.app_context():
        assert not User.select().where(User.email == "dee@example.org").exists()
    returning = ApiClient(sso_app)
    assert sign_in(returning, "eve").headers["Location"] == "/"
    assert returning.get("/me").json["email"] == "eve@example.org"


def test_sign_ups_by_invitation_take_the_invite_through_the_provider(anon, sso_app):
    from server.store import invites
    sso_app.config.update(SIGNUPS="invite")
    assert sign_in(ApiClient(sso_app), "dee").headers["Location"] == "/#/signin"
    with sso_app.app_context():
        token = invites.create_invite(days=7).token
    assert sign_in(anon, "dee", invite=token).headers["Location"] == "/"
    assert anon.get("/me").json["email"] == "dee@example.org"
    assert sign_in(ApiClient(sso_app), "cy", invite=token).headers["Location"] == "/#/signin"


def test_password_login_off_refuses_passwords_but_not_reset_links(anon, sso_app):
    user = ApiClient(sso_app).register(email="someone@example.org")
    sso_app.config.update(PASSWORD_LOGIN=False)
    assert methods(anon)["password_login"] is False
    refused = anon.post("/auth/login", {"email": "someone@example.org", "password": PASSWORD})
    assert (refused.status_code, refused.json["error"]["code"]) == (403, "forbidden")
    assert anon.post("/auth/register", {"email": "new@example.org",
                                         "password": PASSWORD}).status_code == 403
    assert sign_in(anon, "ada").headers["Location"] == "/"  # the provider's way in works
    # an account made through the provider has no password; a reset link can still give one
    with sso_app.app_context():
        token = resets.operator_link(User.get(User.email == "ada@example.org"))
    reset = ApiClient(sso_app).post("/auth/password-reset/confirm",
                                    {"token": token, "password": "a new password"})
    assert reset.status_code == 200 and reset.json["user"]["email"] == "ada@example.org"
    assert user.get("/me").status_code == 200  # the password account's session carries on


def test_failed_callbacks_are_throttled_per_address(anon, sso_app):
    sso_app.config.update(LOGIN_MAX_PER_ADDRESS=3)
    for _ in range(3):
        assert anon.get("/auth/oidc/callback", query_string={
            "code": "x", "state": "y"}).status_code == 302
    assert anon.get("/auth/oidc/callback", query_string={"code": "x"}).status_code == 429


def test_providers_are_the_callers_own(anon, sso_app):
    sign_in(anon, "ada")
    other = ApiClient(sso_app).register()
    assert other.get("/me/providers").json == []
    assert len(anon.get("/me/providers").json) == 1
    assert ApiClient(sso_app).get("/me/providers").status_code == 401


# The ID token itself: the provider's keys sign what this provider would; a test signs what it
# would not (an expired token, one signed by another key) and hands it to the same check the
# callback makes.

def claims_for(provider, **changes):
    now = int(time.time())
    return {"iss": provider.issuer, "aud": CLIENT_ID, "sub": "ada", "nonce": "n-1",
            "iat": now, "exp": now + 300, "email": "ada@example.org", **changes}


def signed(claims, key, alg="RS256"):
    return jwt.encode({"alg": alg, "kid": key.kid}, claims, key)


@pytest.mark.parametrize("why, changes, key", [
    ("expired", {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200}, "provider"),
    ("signed by another key", {}, "stranger"),
    ("for another client", {"aud": "someone-else"}, "provider"),
    ("from another issuer", {"iss": "http://127.0.0.1:1"}, "provider"),
    ("another nonce", {"nonce": "n-2"}, "provider"),
])
def test_an_id_token_is_refused_when(sso_app, provider, why, changes, key):
    signer = provider.key if key == "provider" else RSAKey.generate_key(
        2048, parameters={"kid": provider.key.kid}, private=True)
    with sso_app.test_request_context():
        assert oidc.verify_id_token(signed(claims_for(provider), provider.key), "n-1")["sub"] \
            == "ada"  # the same token, as the provider would make it, passes
        with pytest.raises(oidc.OidcFailed) as refused:
            oidc.verify_id_token(signed(claims_for(provider, **changes), signer), "n-1")
        assert refused.value.code == "bad_token", why


def test_an_unsigned_or_secret_signed_id_token_is_refused(sso_app, provider):
    from joserfc.jwk import OctKey
    secret = OctKey.import_key(provider.config()["OIDC_CLIENT_SECRET"].encode() * 2)
    with sso_app.test_request_context():
        with pytest.raises(oidc.OidcFailed):
            oidc.verify_id_token(jwt.encode({"alg": "HS256"}, claims_for(provider), secret,
                                            algorithms=["HS256"]), "n-1")
        header = jwt.encode({"alg": "RS256", "kid": "test-1"}, claims_for(provider), provider.key)
        unsigned = "eyJhbGciOiJub25lIn0." + header.split(".")[1] + "."
        with pytest.raises(oidc.OidcFailed):
            oidc.verify_id_token(unsigned, "n-1")


def test_an_unverified_email_makes_no_account(sso_app):
    from server.errors import ApiError
    from server.store import sso
    with sso_app.test_request_context():
        with pytest.raises(ApiError) as refused:
            sso.oidc_sign_in({"sub": str(uuid.uuid4()), "email": "x@example.org",
                              "email_verified": False}, {})
        assert refused.value.code == 403
        assert not User.select().where(User.email == "x@example.org").exists()
