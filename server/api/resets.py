"""Forgotten passwords: how links are given here, asking for one, checking one, using one."""
from flask import Blueprint, current_app, jsonify, request

from .. import i18n, links
from ..auth import public, start_session
from ..throttle import remember_device
from ..notify.reset_mail import mail_configured, send_reset_link
from ..schemas.accounts import (ResetLinkIn, ResetLinkOut, ResetPasswordIn, ResetRequestedOut,
                                ResetRequestIn, ResetWaysOut, SessionOut)
from ..store import resets
from .common import doc, request_json

bp = Blueprint("resets", __name__)
MINUTES = int(resets.LINK_LIFETIME.total_seconds() // 60)


@bp.get("/auth/password-reset")
@public
@doc("Whether this server emails reset links, or its operator makes them", response=ResetWaysOut)
def reset_ways():
    return ResetWaysOut().dump({"by_email": mail_configured(current_app.config)})


@bp.post("/auth/password-reset")
@public
@doc("Ask for a single-use link to choose a new password, emailed when mail is set up; the "
     "answer is the same whether or not the email has an account", body=ResetRequestIn,
     response=ResetRequestedOut, errors={429: "Too many links asked for this email or from "
                                              "this address (Retry-After says when to try again)"})
def request_reset():
    email = ResetRequestIn().load(request_json())["email"]
    config = current_app.config
    by_email = mail_configured(config)
    user, token = resets.request_reset(email)
    # Where the account's owner uses Orbit, never this request's Host: anyone may send this.
    link = links.absolute(resets.reset_path(token), user=user or 0)
    if by_email:
        # The account's language, else the one this request asks for.
        words = i18n.words_for(user, i18n.negotiate(request.accept_languages.values()))
        send_reset_link(config, user.email if user else None, link, words)
    return ResetRequestedOut().dump({"by_email": by_email, "minutes": MINUTES})


@bp.post("/auth/password-reset/check")
@public
@doc("Whether a reset link can still be used", body=ResetLinkIn, response=ResetLinkOut,
     errors={404: "The link is unknown, used already or expired (the message says which)"})
def check_reset():
    return ResetLinkOut().dump(resets.open_reset(ResetLinkIn().load(request_json())["token"]))


@bp.post("/auth/password-reset/confirm")
@public
@doc("Set a new password with a reset link: the link is spent, every session ends, every API "
     "token is revoked (as a password change does), and this browser is signed in",
     body=ResetPasswordIn, response=SessionOut,
     errors={404: "The link is unknown, used already or expired (the message says which)"})
def confirm_reset():
    data = ResetPasswordIn().load(request_json())
    user = resets.use_reset(data["token"], data["password"])
    body = SessionOut().dump({"user": user, "csrf_token": start_session(user)})
    return remember_device(jsonify(body), user)
