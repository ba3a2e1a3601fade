"""Identities: who the user is becoming, with their votes."""
from flask import Blueprint, request

from ..schemas import (EvidenceOut, EvidenceQuery, IdentityIn, IdentityOut, IdentityVotesOut,
                       VotesQuery)
from ..store import identities, stats, votes
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


@bp.get("/identities/<int:identity_id>/votes")
@doc("Votes per week for the last weeks (this one last), and this month against last",
     query=VotesQuery, response=IdentityVotesOut)
def identity_votes(identity_id):
    identity = identities.identity_of(current_user(), identity_id)
    weeks = VotesQuery().load(request.args)["weeks"]
    return IdentityVotesOut().dump(votes.identity_votes(current_user(), identity, weeks))


@bp.get("/identities/<int:identity_id>/evidence")
@doc("The latest check-ins that are votes for the identity, newest first, with their notes",
     query=EvidenceQuery, response=EvidenceOut, many=True)
def identity_evidence(identity_id):
    identity = identities.identity_of(current_user(), identity_id)
    limit = EvidenceQuery().load(request.args)["limit"]
    return EvidenceOut(many=True).dump(votes.identity_evidence(current_user(), identity, limit))
