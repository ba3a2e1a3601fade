"""Shares with someone the user trusts (issue 25): made, listed, changed, revoked, and the views
of each. The page a share's link opens is api/share_page.py."""
from flask import Blueprint

from .. import links
from ..schemas.shares import (ShareCreatedOut, ShareIn, ShareOut, SharePatchIn, ShareViewOut,
                              still_shows_something)
from ..store import shares
from .common import current_user, doc, request_json
from .share_page import page  # noqa: F401 (registered on the app beside this blueprint)

bp = Blueprint("shares", __name__)


@bp.get("/shares")
@doc("The shares, newest first, live or not, with how often each was opened",
     response=ShareOut, many=True)
def list_shares():
    return ShareOut(many=True).dump(shares.shares_of(current_user()))


@bp.post("/shares")
@doc("Share chosen habits, identities and parts through a read-only link; the link is in this "
     "answer only", body=ShareIn, response=ShareCreatedOut, status=201,
     errors={422: "a habit or identity not the caller's (not_found) or a private habit "
                  "(not_allowed)"})
def create_share():
    share = shares.create_share(current_user(), ShareIn().load(request_json()))
    share.url = links.absolute(f"/s/{share.token}")
    return ShareCreatedOut().dump(share), 201


@bp.get("/shares/<int:share_id>")
@doc("One share", response=ShareOut)
def get_share(share_id):
    return ShareOut().dump(shares.share_of(current_user(), share_id))


@bp.patch("/shares/<int:share_id>")
@doc("Change what a share shows, its name or its expiry (counted from now)", body=SharePatchIn,
     response=ShareOut, errors={422: "a habit or identity not the caller's (not_found), a "
                                     "private or archived habit (not_allowed), or nothing left "
                                     "to show (required)"})
def patch_share(share_id):
    share = shares.share_of(current_user(), share_id)
    data = SharePatchIn().load(request_json())
    still_shows_something(share, data)
    return ShareOut().dump(shares.update_share(current_user(), share, data))


@bp.post("/shares/<int:share_id>/revoke")
@doc("End a share now: its link stops working at once (it stays listed, with its views)",
     response=ShareOut)
def revoke_share(share_id):
    share = shares.share_of(current_user(), share_id)
    return ShareOut().dump(shares.revoke_share(current_user(), share))


@bp.delete("/shares/<int:share_id>")
@doc("Remove a share and its views (its link stops working)", status=204)
def delete_share(share_id):
    shares.delete_share(current_user(), shares.share_of(current_user(), share_id))
    return "", 204


@bp.get("/shares/<int:share_id>/views")
@doc("Each opening of a share's link, newest first: when, and which browser", response=ShareViewOut,
     many=True)
def list_views(share_id):
    share = shares.share_of(current_user(), share_id)
    return ShareViewOut(many=True).dump(shares.views_of(current_user(), share))
