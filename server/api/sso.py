"""Sign-in through another service (issue 22): the ways in this server offers, OpenID Connect's
start, callback and link step, and the providers of the signed-in account. The start and the
callback are browser navigations (302s), not JSON: the provider's login page lies between them."""
import logging

from flask import Blueprint, current_app, g, jsonify, redirect, request, session

from .. import oidc
from ..auth import public, start_session
from ..errors import ApiError
from ..schemas import SessionOut
from ..schemas.sso import (OidcCallbackQuery, OidcLinkIn, OidcStartQuery, ProviderOut,
                           SignInMethodsOut)
from ..store import sso
from ..throttle import remember_device
from .common import current_user, doc, request_json

bp = Blueprint("sso", __name__)
log = logging.getLogger(__name__)
SIGNED_IN, SIGN_IN_SCREEN = "/", "/#/signin"
ERROR = "oidc_error"  # the session key of the last failure, said once by GET /auth/methods
FAILED = {  # oidc.OidcFailed codes as the sign-in screen says them
    "provider_unreachable": "{name} did not answer. Try again in a moment.",
    "provider_refused": "{name} did not sign you in.",
    "bad_state": "That sign-in came back to a different browser or an old tab. Start again here.",
    "no_flow": "That sign-in came back to a different browser or an old tab. Start again here.",
    "flow_expired": "That sign-in took too long. Start again here.",
}
FAILED_OTHERWISE = "Signing in with {name} did not work. Start again here."
NOT_ON = "Sign-in with an OpenID provider is not set up on this server."


def provider_name():
    return current_app.config["OIDC_NAME"]


def failed(message):
    """Back to the sign-in screen, which says `message` once."""
    session[ERROR] = message.format(name=provider_name())
    return redirect(SIGN_IN_SCREEN, 302)


def require_oidc():
    if not oidc.configured():
        raise ApiError(404, NOT_ON)


@bp.get("/auth/methods")
@public
@doc("The ways in this server offers (password, an OpenID provider's button), a provider's "
     "sign-in waiting here for a password, and why the last one failed", response=SignInMethodsOut)
def sign_in_methods():
    on = oidc.configured()
    link = sso.pending_link() if on else None
    return SignInMethodsOut().dump({
        "password_login": current_app.config["PASSWORD_LOGIN"],
        "oidc": {"name": provider_name(), "start_url": "/api/v1/auth/oidc/start"} if on else None,
        "oidc_link": {"email": link["email"]} if link else None,
        "oidc_error": session.pop(ERROR, None)})


@bp.get("/auth/oidc/start")
@public
@doc("Go to the OpenID provider's login page (a redirect; state, nonce and PKCE verifier kept "
     "in this browser's session)", query=OidcStartQuery, status=302,
     errors={404: "OpenID Connect is not set up here"})
def oidc_start():
    require_oidc()
    extra = {key: value for key, value in OidcStartQuery().load(request.args).items() if value}
    try:
        return redirect(oidc.authorization_url(extra), 302)
    except oidc.OidcFailed as error:
        log.warning("OpenID Connect start failed: %s", error)
        return failed(FAILED.get(error.code, FAILED_OTHERWISE))


@bp.get("/auth/oidc/callback")
@public
@doc("Where the OpenID provider sends the browser back: the code is exchanged, the ID token "
     "verified, and the account signed in (or asked for its password once to link it); a "
     "redirect to the app either way", query=OidcCallbackQuery, status=302,
     errors={404: "OpenID Connect is not set up here"})
def oidc_callback():
    require_oidc()
    sso.throttle_callback()
    try:
        claims, flow = oidc.finish(OidcCallbackQuery().load(request.args))
        user, to_link = sso.oidc_sign_in(claims, flow)
    except oidc.OidcFailed as error:
        log.warning("OpenID Connect sign-in refused: %s", error)
        return failed(FAILED.get(error.code, FAILED_OTHERWISE))
    except ApiError as error:  # sign-ups closed, no email...: said on the sign-in screen
        if error.code == 429:
            raise
        return failed(error.description)
    sso.forgive_callbacks()
    if to_link:
        return redirect(SIGN_IN_SCREEN, 302)
    start_session(user)
    g.signed_in_by_server = True
    return redirect(SIGNED_IN, 302)


@bp.post("/auth/oidc/link")
@public
@doc("Link the provider's sign-in waiting in this browser to its email's account, with that "
     "account's password (once), and sign in", body=OidcLinkIn, response=SessionOut,
     errors={404: "No sign-in is waiting to be linked"})
def oidc_link():
    password = OidcLinkIn().load(request_json())["password"]
    require_oidc()
    user = sso.link_with_password(password)
    body = SessionOut().dump({"user": user, "csrf_token": start_session(user)})
    return remember_device(jsonify(body), user)


@bp.get("/me/providers")
@doc("The OpenID providers this account signs in with", response=ProviderOut, many=True)
def my_providers():
    return ProviderOut(many=True).dump(sso.providers_of(current_user()))
