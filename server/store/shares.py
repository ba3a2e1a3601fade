"""Shares with someone the user trusts (issue 25): made, listed, changed, revoked, and opened
by their link. Only the token's SHA-256 is stored; the link is given back once, when made."""
import datetime
import hmac
import secrets

from marshmallow import ValidationError
from peewee import fn

from ..clock import utcnow
from ..auth import hash_token
from ..db import database, locked
from ..errors import ApiError, FieldError
from ..models import Habit, Identity, Share, ShareView
from .devices import device_label

# Hashed in place of a token that names no share, so that every answer does the same work.
_NO_SHARE = "0" * 64


def state_of(share, now=None):
    """live, expired or revoked."""
    if share.revoked_at is not None:
        return "revoked"
    return "live" if share.expires_at > (now or utcnow()) else "expired"


def shares_of(user):
    """The user's shares, newest first, each with its state and its count of views."""
    shares = list(Share.select().where(Share.user == user)
                  .order_by(Share.created_at.desc(), Share.id.desc()))
    return with_views(user, shares)


def share_of(user, share_id):
    """One of the user's shares, with its state and views; 404 when it is not theirs."""
    share = Share.get_or_none(Share.id == share_id, Share.user == user)
    if share is None:
        raise ApiError(404, "There is no such share.")
    return with_views(user, [share])[0]


def with_views(user, shares):
    """The shares with `state`, `views` and `last_viewed_at`; chosen habits since deleted,
    archived or made private, and chosen identities since deleted, drop out of `habit_ids` and
    `identity_ids` (the page never shows them either)."""
    counts = {share_id: (count, last) for share_id, count, last in ShareView.select(
        ShareView.share, fn.COUNT(ShareView.id), fn.MAX(ShareView.at)).join(Share).where(
        Share.user == user, ShareView.share.in_([s.id for s in shares])).group_by(
        ShareView.share).tuples()}
    habits, identities = shareable(user)
    now = utcnow()
    for share in shares:
        share.state = state_of(share, now)
        share.views, share.last_viewed_at = counts.get(share.id, (0, None))
        share.habit_ids = [h for h in share.habit_ids if h in habits]
        share.identity_ids = [i for i in share.identity_ids if i in identities]
    return shares


def shareable(user):
    """The ids of the habits a share may show (the user's, neither archived nor private) and of
    the user's identities."""
    habits = {h for (h,) in Habit.shown(Habit.id).where(
        Habit.user == user, Habit.private == False,  # noqa: E712
        Habit.archived_at.is_null()).tuples()}
    identities = {i for (i,) in Identity.select(Identity.id).where(Identity.user == user).tuples()}
    return habits, identities


def checked_choices(user, data):
    """The chosen habits and identities must be the user's (422 not_found); a private habit is
    never shared, nor an archived one (422 not_allowed)."""
    errors = {}
    if "habit_ids" in data:
        wanted = list(dict.fromkeys(data["habit_ids"]))
        found = {h: (private, archived is not None) for h, private, archived in Habit.shown(
            Habit.id, Habit.private, Habit.archived_at).where(
            Habit.user == user, Habit.id.in_(wanted)).tuples()}
        if len(found) != len(wanted):
            errors["habit_ids"] = [FieldError("Unknown habit.", "not_found")]
        elif any(private for private, _ in found.values()):
            errors["habit_ids"] = [FieldError("A private habit is never shared.", "not_allowed")]
        elif any(archived for _, archived in found.values()):
            errors["habit_ids"] = [FieldError("An archived habit is not shared.", "not_allowed")]
        data["habit_ids"] = wanted
    if "identity_ids" in data:
        wanted = list(dict.fromkeys(data["identity_ids"]))
        if Identity.select().where(Identity.user == user, Identity.id.in_(wanted)).count() != len(
                wanted):
            errors["identity_ids"] = [FieldError("Unknown identity.", "not_found")]
        data["identity_ids"] = wanted
    if errors:
        raise ValidationError(errors)
    return data


def create_share(user, data):
    """A new share (`data` as ShareIn loads it); its clear token is on the row this once."""
    data = checked_choices(user, dict(data))
    days = data.pop("expires_in_days")
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with database.atomic():
        share = Share.create(user=user, token_hash=hash_token(token), created_at=now,
                             expires_at=now + datetime.timedelta(days=days), **data)
    share = share_of(user, share.id)
    share.token = token
    return share


def update_share(user, share, data):
    """Change what a share shows, its name or its expiry (from now); a revoked one stays so."""
    data = checked_choices(user, dict(data))
    if "expires_in_days" in data:
        data["expires_at"] = utcnow() + datetime.timedelta(days=data.pop("expires_in_days"))
    if data:
        with database.atomic():
            Share.update(**data).where(Share.id == share.id, Share.user == user).execute()
    return share_of(user, share.id)


def revoke_share(user, share):
    """End a share now; it stays listed, with its views."""
    with database.atomic():
        Share.update(revoked_at=utcnow()).where(
            Share.id == share.id, Share.user == user, Share.revoked_at.is_null()).execute()
    return share_of(user, share.id)


def delete_share(user, share):
    """Remove a share and its views."""
    with database.atomic():
        Share.delete().where(Share.id == share.id, Share.user == user).execute()


def end_shares_of(user):
    """Revoke every live share of the user (a password change: someone else may have made one)."""
    Share.update(revoked_at=utcnow()).where(Share.user == user,
                                            Share.revoked_at.is_null()).execute()


def views_of(user, share):
    """The views of one of the user's shares, newest first."""
    return list(ShareView.select().join(Share).where(
        ShareView.share == share.id, Share.user == user).order_by(
        ShareView.at.desc(), ShareView.id.desc()).limit(500))


def open_share(token, user_agent):
    """The live share of this token, its view recorded; None for an unknown, revoked or expired
    one alike. One look-up by the hash, then the stored hash compared in constant time."""
    digest = hash_token(token[:100])  # a longer token is no share's: hashed all the same
    share = Share.get_or_none(Share.token_hash == digest)
    stored = share.token_hash if share is not None else _NO_SHARE
    if not hmac.compare_digest(stored, digest):
        return None
    with database.atomic():
        # Held while the view is written: a revoke or delete meanwhile waits, then finds the
        # view (on PostgreSQL a delete in between made the insert's foreign key fail).
        share = locked(Share.select().where(Share.id == share.id), keys_shared=True).get_or_none()
        if share is None or state_of(share) != "live":
            return None
        ShareView.create(share=share, at=utcnow(), browser=device_label(user_agent))
    return share
