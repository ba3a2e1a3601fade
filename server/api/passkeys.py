"""Passkeys: signing in and up with one, the account's passkeys, and the account's ways in
(with "sign out everywhere"). Off with ORBIT_PASSKEYS=off: every passkey endpoint is then a 404."""
from flask import Blueprint, current_app, jsonify, request, session

from ..auth import keep_session, public, session_only, start_session
from ..errors import ApiError
from ..schemas.accounts import SessionOut
from ..schemas.passkeys import (OptionsOut, PasskeyIn, PasskeyOut, PasskeyPatchIn,
                                PasskeySignInIn, PasskeySignUpOptionsIn, PasskeysOnOut,
                                SignInWaysOut)
from ..store import passkeys, sign_in
from ..throttle import remember_device
from .common import current_user, doc, request_json

bp = Blueprint("passkeys", __name__)
ALWAYS_THERE = {"api.passkeys.availability", "api.passkeys.sign_in_ways",
                "api.passkeys.sign_out_everywhere"}
OFF = {404: "Passkeys are off on this server (ORBIT_PASSKEYS=off)"}


@bp.before_request
def passkeys_on():
    """The passkey endpoints exist only while the operator has them on (the default)."""
    if not current_app.config["PASSKEYS"] and request.endpoint not in ALWAYS_THERE:
        raise ApiError(404)


def signed_in(user, status=200):
    """The answer of a sign-in or sign-up: a new session, and this browser's device cookie."""
    body = SessionOut().dump({"user": user, "csrf_token": start_session(user)})
    return remember_device(jsonify(body), user), status


@bp.get("/auth/passkey")
@public
@doc("Whether passkeys can sign in and up here (ORBIT_PASSKEYS)", response=PasskeysOnOut)
def availability():
    return PasskeysOnOut().dump({"enabled": current_app.config["PASSKEYS"]})


@bp.post("/auth/passkey/options")
@public
@doc("Start a passkey sign-in: the options for navigator.credentials.get() (a single-use "
     "challenge, good for 5 minutes; no account named: the browser offers its passkeys)",
     response=OptionsOut, errors=OFF)
def sign_in_options():
    return OptionsOut().dump({"public_key": passkeys.sign_in_options()})


@bp.post("/auth/passkey")
@public
@doc("Sign in with a passkey: the challenge is spent, then origin, RP id, signature, user "
     "verification and the sign counter are checked", body=PasskeySignInIn, response=SessionOut,
     errors={401: "The passkey did not sign in (unknown, removed, replayed or not verified)",
             429: "Too many sign-in attempts from this network (Retry-After)", **OFF})
def sign_in_with_passkey():
    credential = PasskeySignInIn().load(request_json())["credential"]
    return signed_in(passkeys.authenticate(credential))


@bp.post("/auth/register/passkey/options")
@public
@doc("Start a sign-up with a passkey instead of a password (the same rules as a password "
     "sign-up: ORBIT_SIGNUPS, invites); the options for navigator.credentials.create()",
     body=PasskeySignUpOptionsIn, response=OptionsOut,
     errors={403: "Sign-ups are closed, or this invite is missing or no longer valid",
             409: "An account with this email exists", **OFF})
def sign_up_options():
    data = PasskeySignUpOptionsIn().load(request_json())
    return OptionsOut().dump({"public_key": sign_in.sign_up_options(data)})


@bp.post("/auth/register/passkey")
@public
@doc("Create the account of a passkey sign-up and sign in", body=PasskeyIn, response=SessionOut,
     status=201, errors={403: "Sign-ups are closed, or the invite was used meanwhile",
                         409: "An account with this email exists",
                         429: "Too many new accounts from here (Retry-After)", **OFF})
def sign_up_with_passkey():
    data = PasskeyIn().load(request_json())
    return signed_in(sign_in.sign_up(data["credential"], data["name"]), 201)


@bp.post("/me/passkeys/options")
@session_only
@doc("Start adding a passkey: the options for navigator.credentials.create()",
     response=OptionsOut, errors={409: "The account has the most passkeys it may", **OFF})
def add_options():
    return OptionsOut().dump({"public_key": passkeys.add_options(current_user())})


@bp.post("/me/passkeys")
@session_only
@doc("Add a passkey to the account", body=PasskeyIn, response=PasskeyOut, status=201,
     errors={409: "This passkey is added already", **OFF})
def add_passkey():
    data = PasskeyIn().load(request_json())
    return PasskeyOut().dump(passkeys.add_passkey(current_user(), data["credential"],
                                                  data["name"])), 201


@bp.get("/me/passkeys")
@session_only
@doc("The account's passkeys, oldest first", response=PasskeyOut, many=True, errors=OFF)
def list_passkeys():
    return PasskeyOut(many=True).dump(passkeys.passkeys_of(current_user()))


@bp.patch("/me/passkeys/<int:passkey_id>")
@session_only
@doc("Rename a passkey", body=PasskeyPatchIn, response=PasskeyOut, errors=OFF)
def rename_passkey(passkey_id):
    data = PasskeyPatchIn().load(request_json())
    return PasskeyOut().dump(passkeys.rename_passkey(current_user(), passkey_id, data.get("name")))


@bp.delete("/me/passkeys/<int:passkey_id>")
@session_only
@doc("Remove a passkey; refused while it is the only way left to sign in", status=204,
     errors={409: "It is the account's last way in: set a password or add a passkey first",
             **OFF})
def delete_passkey(passkey_id):
    sign_in.delete_passkey(current_user(), passkey_id)
    return "", 204


@bp.get("/me/sign-in")
@session_only
@doc("The ways this account signs in (its password, its passkeys), each with its last use; a "
     "linked OpenID provider is GET /me/providers", response=SignInWaysOut)
def sign_in_ways():
    ways = sign_in.ways_in(current_user())
    return SignInWaysOut().dump(ways | {"passkeys_enabled": current_app.config["PASSKEYS"]})


@bp.post("/me/sign-out-everywhere")
@session_only
@doc("End every other session of the account; this one stays signed in (passkeys, the "
     "password and API tokens stay: remove those one by one)", status=204)
def sign_out_everywhere():
    keep_session(sign_in.sign_out_everywhere(current_user(), session["sid"]))
    return "", 204
