"""Identities: who the user is becoming, with their votes."""
from flask import Blueprint

from ..schemas import IdentityIn, IdentityOut
from ..store import identities, stats
from .common import current_user, doc, request_json

bp = Blueprint("identities", __name__)


@bp.get("/identities")
@doc("The identities, by position", response=IdentityOut, many=True)
def list_identities():
    rows = identities.identities_of(current_user())
    return IdentityOut(many=True).dump(stats.with_votes(current_user(), rows))


@bp.post("/identities")
@doc("Create an identity", body=IdentityIn, response=IdentityOut, status=201)
def create_identity():
    identity = identities.create_identity(current_user(), IdentityIn().load(request_json()))
    return IdentityOut().dump(stats.with_votes(current_user(), [identity])[0]), 201


@bp.get("/identities/<int:identity_id>")
@doc("One identity", response=IdentityOut)
def get_identity(identity_id):
    identity = identities.identity_of(current_user(), identity_id)
    return IdentityOut().dump(stats.with_votes(current_user(), [identity])[0])


@bp.patch("/identities/<int:identity_id>")
@doc("Change an identity", body=IdentityIn, response=IdentityOut)
def patch_identity(identity_id):
    identity = identities.identity_of(current_user(), identity_id)
    identity = identities.update_identity(identity, IdentityIn(partial=True).load(request_json()))
    return IdentityOut().dump(stats.with_votes(current_user(), [identity])[0])


@bp.delete("/identities/<int:identity_id>")
@doc("Delete an identity (its habits stay)", status=204)
def delete_identity(identity_id):
    identities.delete_identity(identities.identity_of(current_user(), identity_id))
    return "", 204
