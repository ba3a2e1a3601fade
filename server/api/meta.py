"""Health check and the generated OpenAPI document."""
from flask import Blueprint, current_app

from ..auth import public
from ..db import database_answers
from .common import doc
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
