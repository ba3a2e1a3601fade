"""The front end (web/): the app shell at /, its files under a path that names the release, and the
service worker that keeps them for offline use.

A release is named by a hash of web/'s files, so a new release changes every file's address: those
addresses can be cached for a year without ever serving a stale file, and the shell in index.html
and sw.js (both revalidated on every visit) always names one consistent set. An old tab keeps
running the release it loaded (the app imports every module at start, none later); the next start
opens the new one."""
import hashlib
import mimetypes
from functools import lru_cache
from pathlib import Path

from flask import (Blueprint, abort, current_app, render_template_string, request,
                   send_from_directory)
from werkzeug.security import safe_join

from . import i18n
from .config import ROOT
from .precompressed import send_precompressed

WEB = ROOT / "web"
YEAR = 365 * 24 * 60 * 60
# What the shell needs to start and draw every screen: the service worker keeps these, and the
# page asks for the modules in parallel (modulepreload) rather than one import level at a time.
SHELL_SUFFIXES = {".js", ".css", ".svg"}
SW_VERSION_LINE = 'const RELEASE = "dev";'

web = Blueprint("web", __name__)


@lru_cache(maxsize=None)
def files_of_release():
    """The files of web/ (paths relative to it), sorted, and the release name: their hash."""
    digest = hashlib.sha256()
    paths = sorted(p for p in WEB.rglob("*") if p.is_file())
    for path in paths:
        digest.update(str(path.relative_to(WEB)).encode() + b"\0" + path.read_bytes())
    # The catalogues are served under the release's address too (server/i18n_web.py).
    for path in sorted((ROOT / "translations").rglob("*.po*")):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return [str(p.relative_to(WEB)) for p in paths], digest.hexdigest()[:12]


def release():
    """This release's name (WEB_RELEASE in the configuration, for tests, or the hash of web/)."""
    return current_app.config.get("WEB_RELEASE") or files_of_release()[1]


def shell_files():
    """The release's files that the service worker keeps and the page preloads."""
    return [path for path in files_of_release()[0]
            if path != "sw.js" and any(path.endswith(suffix) for suffix in SHELL_SUFFIXES)]


def revalidated(response):
    """Stored, but checked with the server (ETag) on every use: the release's entry points. An
    unchanged one is a 304 without a body (the worker's update check on each start)."""
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag(overwrite=False)
    return response.make_conditional(request)


@web.get("/")
@web.get("/index.html")
def index():
    """The app shell, naming this release's files."""
    source = (WEB / "index.html").read_text(encoding="utf-8")
    # Not app.js (the page asks for it) nor the worker's own scripts (sw-*.js), which no page runs.
    modules = [path for path in shell_files()
               if path.endswith(".js") and path != "app.js" and not path.startswith("sw-")]
    # The language the browser asks for, until the app has loaded the account's (web/i18n.js).
    words = i18n.Words(i18n.negotiate(request.accept_languages.values()))
    html = render_template_string(source, release=release(), modules=modules, lang=words.tag,
                                  dir=words.catalogue["direction"])
    response = revalidated(current_app.response_class(html, mimetype="text/html"))
    response.vary.add("Accept-Language")
    return response


@web.get("/sw.js")
def service_worker():
    """The service worker, told the release and its shell; its bytes change with every release,
    which is how the browser notices one."""
    source = (WEB / "sw.js").read_text(encoding="utf-8")
    # Every language's catalogue too: the app opens offline in any of them.
    catalogues = [f"i18n/{tag}.json" for tag in i18n.shipped() if tag != i18n.SOURCE]
    shell = ", ".join(f'"{path}"' for path in [*shell_files(), *catalogues])
    source = source.replace(SW_VERSION_LINE, f'const RELEASE = "{release()}";', 1)
    source = source.replace("const SHELL = [];", f"const SHELL = [{shell}];", 1)
    return revalidated(current_app.response_class(source, mimetype="text/javascript"))


@web.get("/r/<release_name>/<web:filename>")
def release_file(release_name, filename):
    """A file of this release: the same address never changes content, so it is cached for a
    year. Another release's address is a 404 rather than this release's file: a page of one
    release never runs a module of another."""
    if release_name != release():
        abort(404)
    path = safe_join(str(WEB), filename)
    if path is None or not Path(path).is_file():
        abort(404)
    mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return send_precompressed(Path(path), mimetype, f"public, max-age={YEAR}, immutable")


@web.get("/<web:filename>")
def web_file(filename):
    """A file of web/ at a stable address (the manifest, its icons, the favicon)."""
    return revalidated(send_from_directory(WEB, filename))
