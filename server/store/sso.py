"""Accounts reached through another service (issue 22): an OpenID provider's identities, bound to
accounts by (issuer, subject), and the email a trusted reverse proxy names. Either way a new
account follows ORBIT_SIGNUPS, as a sign-up with a password does."""
import time

from flask import current_app, session

from ..auth import verify_password
from ..clock import utcnow
from ..db import database
from ..errors import ApiError
from ..models import LoginAttempt, OidcLink, User
from ..throttle import (FROM_THIS_ADDRESS, claim, clear_login_failures, client_address,
                        throttle_login, throttle_sign_up)
from . import invites
from .accounts import normalise_email

NO_PASSWORD = ""  # an account made through a provider has no password until a reset link sets one
LINK = "oidc_link"  # the session key of a sign-in waiting for the account's password
LINK_TTL = 600
CALLBACKS = "oidc:"  # LoginAttempt.email of failed callbacks: they count against the address
NO_LINK = "There is no sign-in waiting to be linked; start again from the sign-in screen."
WRONG_PASSWORD = "This is not the password of this account."
PASSWORD_OFF = "Signing in with a password is turned off here: use the button on the sign-in screen."
NO_EMAIL = ("The provider did not share a verified email address, which an Orbit account needs. "
            "Ask the operator to allow the email scope.")
EMAIL_TAKEN = ("An account with this email exists and has no password to confirm it is yours: "
               "sign in the way you usually do.")


def refuse_password_login():
    """403 when the operator turned password sign-in off (ORBIT_PASSWORD_LOGIN=off): one login
    everywhere. A reset link still works (store/resets.py): it may be an account's only way in."""
    if not current_app.config["PASSWORD_LOGIN"]:
        raise ApiError(403, PASSWORD_OFF)


def throttle_callback():
    """Count a callback against the address's sign-in budget (shared with password sign-ins),
    so that nobody tries state or codes by the thousand; 429 when it is spent."""
    address = client_address()
    claim(LoginAttempt, {"email": CALLBACKS, "address": address, "device": None},
          [(LoginAttempt.address == address, current_app.config["LOGIN_MAX_PER_ADDRESS"],
            FROM_THIS_ADDRESS)], current_app.config["LOGIN_WINDOW_SECONDS"])


def forgive_callbacks():
    """A callback that signed someone in forgives this address's failed callbacks (only those:
    password guesses keep counting under their emails)."""
    LoginAttempt.delete().where(LoginAttempt.email == CALLBACKS,
                                LoginAttempt.address == client_address()).execute()


def oidc_sign_in(claims, flow):
    """(user, None) for the account bound to this identity (or made for it now), or (None, email)
    when an account with the provider's email exists and must confirm its password first.
    Raises ApiError 403 when a new account is not let in (ORBIT_SIGNUPS), 409 when the email's
    account cannot be linked with a password."""
    issuer, subject = current_app.config["OIDC_ISSUER"], str(claims["sub"])
    email = normalise_email(str(claims.get("email") or ""))[:254]
    link = OidcLink.get_or_none(OidcLink.issuer == issuer, OidcLink.subject == subject)
    if link is not None:
        OidcLink.update(last_used_at=utcnow(), email=email or link.email).where(
            OidcLink.id == link.id).execute()
        return User.get_by_id(link.user_id), None
    if not email or claims.get("email_verified") is False:
        raise ApiError(403, NO_EMAIL)
    existing = User.get_or_none(User.email == email)
    if existing is not None:
        if existing.password_hash == NO_PASSWORD:
            raise ApiError(409, EMAIL_TAKEN)
        session[LINK] = {"issuer": issuer, "subject": subject, "email": email,
                         "user": existing.id, "at": int(time.time())}
        return None, email
    invite = flow.get("invite")
    invites.admit(invite)
    throttle_sign_up()
    with database.atomic():
        user = User.create(email=email, password_hash=NO_PASSWORD,
                           timezone=flow.get("timezone") or "UTC")
        invites.use_invite(invite, user)
        OidcLink.create(user=user, issuer=issuer, subject=subject, email=email,
                        last_used_at=utcnow())
    return user, None


def pending_link():
    """The sign-in waiting for a password in this browser: {"email"}, or None."""
    pending = session.get(LINK)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > LINK_TTL \
            or pending.get("issuer") != current_app.config["OIDC_ISSUER"]:
        return None
    return pending


def link_with_password(password):
    """Bind the waiting identity to its email's account once that account's password is given:
    throttled as a password sign-in is (the same budgets: this is one)."""
    pending = pending_link()
    if pending is None:
        raise ApiError(404, NO_LINK)
    throttle_login(pending["email"])
    user = User.get_or_none(User.id == pending["user"])
    if user is None or not verify_password(user, password):
        raise ApiError(401, WRONG_PASSWORD)
    clear_login_failures(pending["email"])
    session.pop(LINK, None)
    with database.atomic():
        OidcLink.insert(user=user, issuer=pending["issuer"], subject=pending["subject"],
                        email=pending["email"], linked_at=utcnow(), last_used_at=utcnow()
                        ).on_conflict_ignore().execute()
    return user


def providers_of(user):
    """The user's linked identities, oldest first, each with the provider's name."""
    name = current_app.config.get("OIDC_NAME")
    rows = list(OidcLink.select().where(OidcLink.user == user).order_by(OidcLink.id))
    for row in rows:
        row.name = name if row.issuer == current_app.config.get("OIDC_ISSUER") else row.issuer
    return rows


def user_for_header(email):
    """The account a trusted proxy's header names, made when sign-ups are open; None otherwise
    (an unknown email with sign-ups by invitation or closed is not signed in)."""
    email = normalise_email(email)[:254]
    user = User.get_or_none(User.email == email)
    if user is not None or invites.sign_up_mode() != "open" or "@" not in email:
        return user
    throttle_sign_up()
    with database.atomic():
        User.insert(email=email, password_hash=NO_PASSWORD).on_conflict_ignore().execute()
    return User.get(User.email == email)
