"""Sign-up, sign-in, sign-out, CSRF tokens, the account itself and its API tokens."""
from flask import Blueprint, jsonify, request, session

from ..auth import end_session, keep_session, public, session_only, start_session
from ..throttle import remember_device
from ..schemas import (CsrfOut, DeleteMeIn, LoginIn, MePatchIn, PasswordIn, RegisterIn,
                       SessionOut, SignUpsOut, SignUpsQuery, TokenCreatedOut, TokenIn, TokenOut,
                       UserOut)
from ..store import accounts, invites, reminders
from ..store import sso
from ..store import sign_in
from .common import current_user, doc, request_json

bp = Blueprint("accounts", __name__)


@bp.post("/auth/register")
@public
@doc("Create an account and sign in", body=RegisterIn, response=SessionOut, status=201)
def register():
    sso.refuse_password_login()
    user = accounts.register(RegisterIn().load(request_json()))
    accounts.note_browser_locale(user, request.accept_languages.values())
    body = SessionOut().dump({"user": user, "csrf_token": start_session(user)})
    return remember_device(jsonify(body), user), 201


@bp.get("/signups")
@public
@doc("Who may sign up here (open, invite or closed); with ?invite=, whether that invite is good",
     query=SignUpsQuery, response=SignUpsOut)
def sign_ups():
    invite = SignUpsQuery().load(request.args).get("invite")
    valid = invites.invite_is_valid(invite) if invite else None
    return SignUpsOut().dump({"mode": invites.sign_up_mode(), "invite_valid": valid})


@bp.post("/auth/login")
@public
@doc("Sign in; this browser gets a device cookie, which lets it keep signing in to this account "
     "while others' failures have the email throttled (429)", body=LoginIn, response=SessionOut)
def login():
    sso.refuse_password_login()
    data = LoginIn().load(request_json())
    user = accounts.authenticate(data["email"], data["password"])
    sign_in.note_password_use(user)  # for the account screen's "last used"
    body = SessionOut().dump({"user": user, "csrf_token": start_session(user)})
    return remember_device(jsonify(body), user)


@bp.post("/auth/logout")
@doc("Sign out", status=204)
def logout():
    end_session()
    return "", 204


@bp.get("/auth/csrf")
@session_only
@doc("The CSRF token of the signed-in session", response=CsrfOut)
def csrf():
    return {"csrf_token": session["csrf"]}


@bp.get("/me")
@doc("The signed-in user", response=UserOut)
def me():
    user = accounts.note_browser_locale(current_user(), request.accept_languages.values())
    return UserOut().dump(user)


@bp.patch("/me")
@doc("Change time zone, week start, day start or language", body=MePatchIn, response=UserOut)
def patch_me():
    user = accounts.update_me(current_user(), MePatchIn().load(request_json()))
    reminders.reschedule_user(user)  # the same local times, in the new zone
    return UserOut().dump(user)


@bp.post("/me/password")
@session_only
@doc("Change the password; every other session ends and every API token is revoked",
     body=PasswordIn, status=204)
def change_password():
    data = PasswordIn().load(request_json())
    user = accounts.change_password(current_user(), data["current_password"], data["new_password"])
    keep_session(user)  # the other sessions end; this one carries on
    return "", 204


@bp.delete("/me")
@session_only
@doc("Delete the account and every row of it", body=DeleteMeIn, status=204)
def delete_me():
    accounts.delete_account(current_user(), DeleteMeIn().load(request_json())["password"])
    end_session()
    return "", 204


@bp.get("/tokens")
@session_only
@doc("The API tokens", response=TokenOut, many=True)
def list_tokens():
    return TokenOut(many=True).dump(accounts.tokens_of(current_user()))


@bp.post("/tokens")
@session_only
@doc("Create an API token (shown this once): full, or limited to logging chosen habits",
     body=TokenIn, response=TokenCreatedOut, status=201)
def create_token():
    token = accounts.create_token(current_user(), TokenIn().load(request_json()))
    return TokenCreatedOut().dump(token), 201


@bp.delete("/tokens/<int:token_id>")
@session_only
@doc("Revoke an API token", status=204)
def delete_token(token_id):
    accounts.delete_token(current_user(), token_id)
    return "", 204
