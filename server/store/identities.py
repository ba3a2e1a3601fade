"""Identities: who the user is becoming."""
from ..db import database
from ..errors import ApiError
from ..models import Identity
from .common import position_after_last


def identities_of(user):
    """The user's identities by position, then id."""
    return list(Identity.select().where(Identity.user == user)
                .order_by(Identity.position, Identity.id))


def identity_of(user, identity_id):
    """The user's identity with this id; 404 when it is not theirs."""
    identity = Identity.get_or_none(Identity.id == identity_id, Identity.user == user)
    if identity is None:
        raise ApiError(404, "There is no such identity.")
    return identity


def create_identity(user, data):
    """Create an identity, placed last unless a position is given."""
    if "position" not in data:
        data["position"] = position_after_last(Identity, user)
    with database.atomic():
        return Identity.create(user=user, **data)


def update_identity(identity, data):
    """Apply a PATCH of an identity (an empty one changes nothing)."""
    if not data:  # an empty PATCH: Peewee cannot build an UPDATE without columns
        return identity
    with database.atomic():
        Identity.update(**data).where(Identity.id == identity.id).execute()
    identity.__data__.update(data)
    return identity


def delete_identity(identity):
    """Delete it; its habits stay, with identity_id null (ON DELETE SET NULL)."""
    with database.atomic():
        Identity.delete().where(Identity.id == identity.id).execute()
