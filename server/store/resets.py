"""Forgotten passwords: a single-use link, good for an hour, sent by email or printed for the
operator. Every request is recorded and throttled alike whether or not its email has an account
(an account's row also holds its link's token hash), so the answer tells nobody which it was."""
import datetime
import secrets

from flask import current_app

from ..auth import hash_token
from ..throttle import claim, client_address
from ..clock import utcnow
from ..db import database
from ..errors import ApiError
from ..models import PasswordReset, User
from .accounts import normalise_email, replace_password

LINK_LIFETIME = datetime.timedelta(hours=1)
FOR_THIS_EMAIL = ("A few links were asked for this address already. Check your inbox and spam "
                  "folder, or try again in {wait}.")
FROM_THIS_ADDRESS = "Too many links asked for from this network. Try again in {wait}."
UNKNOWN = ("This link doesn't work: it may have been copied only in part. Ask for a new link and "
           "open it straight from the email.")
USED = "This link has been used already; each one works once. Ask for a new link if you need to."
EXPIRED = "This link has expired: each one works for an hour. Ask for a new link."


def reset_path(token):
    """The app's address (after the host) that opens the "choose a new password" screen."""
    return f"/#/reset?token={token}"


def request_reset(email):
    """Record a request for a link (429 when throttled); (user or None, clear token). The same
    work either way: one lookup, one token, one row, one count."""
    config = current_app.config
    email = normalise_email(email)[:254]  # as long as the column; no account is longer
    now = utcnow()
    keep = max(LINK_LIFETIME, datetime.timedelta(seconds=config["RESET_WINDOW_SECONDS"]))
    PasswordReset.delete().where(PasswordReset.created_at < now - keep).execute()
    user = User.get_or_none(User.email == email)
    token = secrets.token_urlsafe(32)
    address = client_address()
    claim(PasswordReset, {"email": email, "address": address, "user": user,
                          "token_hash": hash_token(token), "created_at": now,
                          "expires_at": now + LINK_LIFETIME},
          [(PasswordReset.email == email, config["RESET_MAX_PER_EMAIL"], FOR_THIS_EMAIL),
           (PasswordReset.address == address, config["RESET_MAX_PER_ADDRESS"], FROM_THIS_ADDRESS)],
          config["RESET_WINDOW_SECONDS"])
    return user, token


def operator_link(user):
    """A link made by the operator (`flask user reset-link`): no throttle, the same rules."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with database.atomic():
        PasswordReset.create(email=user.email, address="operator", user=user,
                             token_hash=hash_token(token), created_at=now,
                             expires_at=now + LINK_LIFETIME)
    return token


def open_reset(token):
    """The reset row of a link that can still be used; 404 saying why when it cannot."""
    reset = (PasswordReset.select().where(PasswordReset.token_hash == hash_token(token),
                                          PasswordReset.user.is_null(False)).first())
    if reset is None:
        raise ApiError(404, UNKNOWN)
    if reset.used_at is not None:
        raise ApiError(404, USED)
    if reset.expires_at <= utcnow():
        raise ApiError(404, EXPIRED)
    return reset


def use_reset(token, new_password):
    """Spend the link and set the new password as a password change does (every session ends,
    every token and way out is revoked); the user. One conditional UPDATE spends it, so of two
    uses racing exactly one gets through; the account's other open links go with it."""
    reset = open_reset(token)
    now = utcnow()
    with database.atomic():
        spent = PasswordReset.update(used_at=now).where(
            PasswordReset.id == reset.id, PasswordReset.used_at.is_null(),
            PasswordReset.expires_at > now).execute()
        if spent != 1:
            raise ApiError(404, USED)
        PasswordReset.update(used_at=now).where(PasswordReset.user == reset.user_id,
                                                PasswordReset.used_at.is_null()).execute()
    return replace_password(User.get_by_id(reset.user_id), new_password)
