"""Health check, the generated OpenAPI document, and the app's first read (bootstrap)."""
from flask import Blueprint, current_app, session

from ..auth import public, session_only
from ..db import database_answers
from ..schemas import BootstrapOut
from ..store import today
from ..store.common import local_today
from .common import current_user, doc
from .openapi import build_spec

bp = Blueprint("meta", __name__)
health = Blueprint("health", __name__)


@health.get("/healthz")
def healthz():
    """200 when the database answers, else 503."""
    if not database_answers():
        return {"status": "unavailable"}, 503
    return {"status": "ok"}


@bp.get("/openapi.json")
@public
@doc("This OpenAPI 3 description")
def openapi():
    if "openapi" not in current_app.extensions:
        current_app.extensions["openapi"] = build_spec(current_app)
    return current_app.extensions["openapi"]


@bp.get("/bootstrap")
@session_only
@doc("The app's first read: the signed-in user, the session's CSRF token and their Today (what "
     "GET /me, GET /auth/csrf and GET /today answer), in one round trip", response=BootstrapOut)
def bootstrap():
    user = current_user()
    return BootstrapOut().dump({"user": user, "csrf_token": session["csrf"],
                                "today": today.today(user, local_today(user))})
