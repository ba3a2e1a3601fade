"""The starter gallery."""
from flask import Blueprint

from ..auth import public
from ..starter import templates as starter_templates
from .common import doc

bp = Blueprint("templates", __name__)


@bp.get("/templates")
@public
@doc("Starter identities and habits")
def templates():
    return starter_templates()
