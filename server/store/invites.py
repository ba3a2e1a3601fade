"""Who may sign up (ORBIT_SIGNUPS: open, invite or closed) and the operator's invitations, each
good for one account until it expires. The links carry the token; the database keeps its hash."""
import datetime
import secrets

from flask import current_app
from peewee import JOIN

from .. import links
from ..auth import hash_token
from ..clock import utcnow
from ..db import database
from ..errors import ApiError
from ..models import Invite, User

CLOSED = "This Orbit is not taking new accounts. If you have one already, sign in."
NEEDED = "New accounts here need an invitation: open the invite link you were given."
NOT_VALID = ("This invite link is not valid any more: it was used, has expired or was withdrawn. "
             "Ask for a new one.")


def sign_up_mode():
    """open, invite or closed (ORBIT_SIGNUPS), as the operator set it."""
    return current_app.config["SIGNUPS"]


def usable(query, now):
    """Invites of `query` that can still be used at `now`."""
    return query.where(Invite.used_at.is_null(), Invite.revoked_at.is_null(),
                       Invite.expires_at > now)


def invite_is_valid(token):
    """True when the invite token could be used now (it may still lose a race)."""
    return usable(Invite.select().where(Invite.token_hash == hash_token(token)), utcnow()).exists()


def admit(invite):
    """Refuse a sign-up, before anything is written, that the mode does not let in: 403 when
    sign-ups are closed, or by invitation and this one is missing or no longer valid (checked
    before the email, so that nobody uninvited learns which addresses have accounts)."""
    mode = sign_up_mode()
    if mode == "closed":
        raise ApiError(403, CLOSED)
    if mode == "invite":
        if not invite:
            raise ApiError(403, NEEDED)
        if not invite_is_valid(invite):
            raise ApiError(403, NOT_VALID)


def use_invite(invite, user):
    """Spend the invite on the new `user`, inside the caller's transaction (the account is rolled
    back with a 403 if it cannot be used). One conditional UPDATE: of two sign-ups racing with
    one invite exactly one matches it; on PostgreSQL the second waits for the first's row lock,
    then finds the row used."""
    if sign_up_mode() != "invite":
        return
    now = utcnow()
    spent = usable(Invite.update(used_at=now, used_by=user).where(
        Invite.token_hash == hash_token(invite)), now).execute()
    if spent != 1:
        raise ApiError(403, NOT_VALID)


def create_invite(days):
    """A new invite good for `days` days; its clear token is returned this once (`.token`)."""
    token = secrets.token_urlsafe(24)
    now = utcnow()
    with database.atomic():
        invite = Invite.create(token_hash=hash_token(token), created_at=now,
                               expires_at=now + datetime.timedelta(days=days))
    invite.token = token
    return invite


def invite_link(token, config=None):
    """The address that opens the sign-up screen with the invite filled in (server/links.py)."""
    return links.absolute(f"/#/signup?invite={token}", config)


def status_of(invite, now):
    """used, withdrawn, expired or open."""
    if invite.used_at is not None:
        return "used"
    if invite.revoked_at is not None:
        return "withdrawn"
    return "expired" if invite.expires_at <= now else "open"


def all_invites():
    """Every invite, oldest first, with the email of the account each one made."""
    return list(Invite.select(Invite, User.email)
                .join(User, JOIN.LEFT_OUTER, on=(Invite.used_by == User.id))
                .order_by(Invite.id).objects())


def revoke_invite(invite_id):
    """Withdraw an unused invite: its link stops working. False when no such unused invite."""
    return bool(Invite.update(revoked_at=utcnow()).where(
        Invite.id == invite_id, Invite.used_at.is_null(), Invite.revoked_at.is_null()).execute())
