"""Orbit: create_app(config=None) wires configuration, database, errors, the API and web/."""
from flask import Flask
from flask_compress import Compress
from werkzeug.routing import PathConverter

from . import cli, links
from .api import api, meta
from .api.common import DayConverter, IdConverter
from .api.share_page import page as share_page
from .auth import SessionInterface
from .config import TESTING_OVERRIDES, from_environment
from .db import close_connection, database, database_from_url, open_connection
from .errors import register_error_handlers
from .security import security_headers, trust_proxies
from .i18n_web import catalogues
from .web import web


class WebPathConverter(PathConverter):
    """A file of web/ at the root, never under /api/: a catch-all that matched there would answer
    a GET to a POST-only endpoint with a 404 instead of its 405."""
    regex = r"(?!api/)[^/].*?"


def create_app(config=None):
    """The Flask app: environment configuration, overridden by `config` (tests)."""
    app = Flask(__name__, static_folder=None)  # web/ is served by server/web.py
    app.config.update(from_environment())
    app.config.update(config or {})
    if app.config.get("TESTING"):
        app.config.update({k: v for k, v in TESTING_OVERRIDES.items() if k not in (config or {})})
    if "SESSION_COOKIE_SECURE" not in (config or {}):
        # Served over HTTPS (the base URL says so): the cookie never travels in clear text, even
        # when the proxy in front talks plain HTTP to the app. auth.py also marks it Secure on
        # any request that came over HTTPS (directly, or through a trusted proxy).
        app.config["SESSION_COOKIE_SECURE"] = links.served_over_https(app.config)
    trust_proxies(app)
    app.json.sort_keys = False
    app.session_interface = SessionInterface()
    app.url_map.converters.update(day=DayConverter, int=IdConverter, web=WebPathConverter)
    database.initialize(database_from_url(app.config["DATABASE_URL"], app.config["PG_PREPARE"]))

    app.before_request(open_connection)
    app.teardown_request(close_connection)
    app.after_request(security_headers)
    app.after_request(links.remember_address)  # for links made with no request at hand
    Compress(app)  # gzip/brotli for the app shell and JSON: phones on slow networks
    register_error_handlers(app)
    app.register_blueprint(api)
    app.register_blueprint(meta.health)
    app.register_blueprint(share_page)  # a share's page, /s/<token> (issue 25)
    app.register_blueprint(web)
    app.register_blueprint(catalogues)
    cli.register(app)
    return app
