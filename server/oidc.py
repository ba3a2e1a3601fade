"""OpenID Connect, the relying party's half (issue 22): discovery, the authorization code flow
with PKCE, and the ID token verified before anyone is signed in. The provider is whatever
ORBIT_OIDC_ISSUER names (Authelia, Authentik, Keycloak, Pocket ID, Google...).

What travels through the browser (state, nonce, the PKCE verifier) is kept in the signed session
cookie between the start and the callback, so that a callback is good only in the browser that
started it, once. The ID token is trusted only after its signature (the provider's JWKS), issuer,
audience, expiry and nonce all check out: the code came over the back channel, but the token is
still verified, as the specification asks of every relying party."""
import secrets
import time

import requests
from authlib.integrations.requests_client import OAuth2Session
from flask import current_app, session, url_for
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

DISCOVERY_TTL = 3600  # seconds the provider's metadata and keys are kept before asked again
FLOW_TTL = 600  # seconds between the start and the callback; a login page left open longer fails
TIMEOUT = 10
# Asymmetric algorithms only: "none" and HS256 (signed with the client secret) are refused, so a
# token is good only when the provider's private key made it.
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
              "EdDSA")
PENDING = "oidc_flow"  # the session key of a sign-in under way


class OidcFailed(Exception):
    """The callback is refused; `code` says why (server/api/sso.py words it for the user)."""

    def __init__(self, code, detail=""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def configured(config=None):
    """True when the operator turned OpenID Connect on (issuer and client id set)."""
    config = config if config is not None else current_app.config
    return bool(config.get("OIDC_ISSUER") and config.get("OIDC_CLIENT_ID"))


def redirect_uri():
    """Where the provider sends the browser back: registered with the provider as it is."""
    from . import links
    return links.absolute(url_for("api.sso.oidc_callback"))


def _cached(key, load):
    """A provider document, fetched at most once an hour per process."""
    cache = current_app.extensions.setdefault("orbit_oidc", {})
    entry = cache.get(key)
    if entry is None or entry[0] < time.monotonic():
        entry = cache[key] = (time.monotonic() + DISCOVERY_TTL, load())
    return entry[1]


def _get_json(url):
    try:
        answer = requests.get(url, timeout=TIMEOUT)
        answer.raise_for_status()
        return answer.json()
    except (requests.RequestException, ValueError) as error:
        raise OidcFailed("provider_unreachable", f"{url}: {error}") from error


def metadata():
    """The provider's discovery document; its issuer must be exactly the configured one."""
    issuer = current_app.config["OIDC_ISSUER"]

    def load():
        document = _get_json(issuer.rstrip("/") + "/.well-known/openid-configuration")
        if document.get("issuer") != issuer:
            raise OidcFailed("provider_mismatch", f"discovery says {document.get('issuer')!r}")
        return document
    return _cached("metadata", load)


def keys(refresh=False):
    """The provider's signing keys (JWKS); `refresh` asks again (the provider rotated them)."""
    if refresh:
        current_app.extensions.setdefault("orbit_oidc", {}).pop("jwks", None)
    return _cached("jwks", lambda: KeySet.import_key_set(_get_json(metadata()["jwks_uri"])))


def client():
    config = current_app.config
    return OAuth2Session(config["OIDC_CLIENT_ID"], config.get("OIDC_CLIENT_SECRET") or None,
                         scope="openid email profile", redirect_uri=redirect_uri(),
                         code_challenge_method="S256", default_timeout=TIMEOUT)


def authorization_url(extra=None):
    """Start a sign-in: the provider's login page, with a fresh state, nonce and PKCE verifier
    kept in this browser's session (with `extra`, such as an invite, for the callback)."""
    flow = {"state": secrets.token_urlsafe(24), "nonce": secrets.token_urlsafe(24),
            "verifier": secrets.token_urlsafe(48), "at": int(time.time()), **(extra or {})}
    url, _ = client().create_authorization_url(
        metadata()["authorization_endpoint"], state=flow["state"], nonce=flow["nonce"],
        code_verifier=flow["verifier"])
    session[PENDING] = flow
    return url


def finish(args):
    """The callback's work: (verified ID token claims, the flow's extras). The flow is spent
    whatever happens, so a callback cannot be replayed."""
    flow = session.pop(PENDING, None)
    if not flow or not isinstance(flow, dict):
        raise OidcFailed("no_flow")
    if args.get("error"):
        raise OidcFailed("provider_refused", str(args.get("error"))[:100])
    if not secrets.compare_digest(str(args.get("state", "")), flow["state"]):
        raise OidcFailed("bad_state")
    if args.get("iss") and args["iss"] != current_app.config["OIDC_ISSUER"]:  # RFC 9207
        raise OidcFailed("provider_mismatch", f"the callback came from {args['iss']!r}")
    if time.time() - flow["at"] > FLOW_TTL:
        raise OidcFailed("flow_expired")
    if not args.get("code"):
        raise OidcFailed("no_code")
    try:
        token = client().fetch_token(metadata()["token_endpoint"], code=args["code"],
                                     code_verifier=flow["verifier"], state=flow["state"])
    except OidcFailed:
        raise
    except Exception as error:  # the provider refused the code, or answered nonsense
        raise OidcFailed("token_refused", str(error)[:200]) from error
    if not token.get("id_token"):
        raise OidcFailed("no_id_token")
    return verify_id_token(token["id_token"], flow["nonce"]), flow


def verify_id_token(id_token, nonce):
    """The claims of an ID token made for us, now, by the configured provider's keys, carrying the
    nonce this browser's flow sent; OidcFailed("bad_token") otherwise."""
    config = current_app.config
    try:
        try:
            decoded = jwt.decode(id_token, keys(), algorithms=ALGORITHMS)
        except JoseError:  # perhaps a key the provider added since: ask once more
            decoded = jwt.decode(id_token, keys(refresh=True), algorithms=ALGORITHMS)
        jwt.JWTClaimsRegistry(
            leeway=30, iss={"essential": True, "value": config["OIDC_ISSUER"]},
            aud={"essential": True, "value": config["OIDC_CLIENT_ID"]},
            exp={"essential": True}, sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(decoded.claims)
    except (JoseError, ValueError, TypeError) as error:
        raise OidcFailed("bad_token", f"{type(error).__name__}: {error}") from error
    claims = decoded.claims
    # With several audiences, azp must name us (OpenID Connect Core 3.1.3.7, items 4 and 5).
    if isinstance(claims.get("aud"), list) and len(claims["aud"]) > 1 \
            and claims.get("azp") != config["OIDC_CLIENT_ID"]:
        raise OidcFailed("bad_token", "azp is not this client")
    return claims
