"""The catalogues for the browser: GET /r/<release>/i18n/<tag>.json, a language's .po as JSON
(server/i18n.py), built once per process. Its address names the release, whose hash covers
translations/ (server/web.py), so it is cached for a year like the release's other files."""
import json

from flask import Blueprint, abort, current_app

from . import i18n
from .web import YEAR, release

catalogues = Blueprint("catalogues", __name__)


@catalogues.get("/r/<release_name>/i18n/<tag>.json")
def catalogue(release_name, tag):
    """A language's catalogue, as web/i18n.js loads it."""
    if release_name != release() or i18n.known(tag) != tag:
        abort(404)
    body = json.dumps(i18n.compiled(tag), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    response = current_app.response_class(body, mimetype="application/json")
    response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    response.add_etag()
    return response
