"""Reverse-proxy login (forward auth, issue 22): behind Authelia, Authentik or another proxy that
signs people in, ORBIT_TRUSTED_HEADER (Remote-Email) names the signed-in email, and Orbit signs
the request in as that email's account.

Anyone can send any header, so it is believed only from the addresses in
ORBIT_TRUSTED_HEADER_FROM, judged by the connection's own peer: the socket's address, before
ProxyFix (ORBIT_TRUSTED_PROXIES) replaced it with X-Forwarded-For, which a client writes itself.
From anywhere else the header is ignored, and that is logged once per address.

A request signed in this way gets an ordinary session (auth.start_session: a cookie, a CSRF token,
a LoginSession row, so signing out and revocation work as for a password), and from then on it is
that session that carries the browser; the app needs no change. Writes still need the CSRF token
(GET /auth/csrf or /bootstrap), as every cookie-signed write does. API tokens (Authorization)
are untouched: a request with one is never signed in by the header."""
import ipaddress
import logging

from flask import current_app, g, request

from .auth import end_session, start_session
from .store import sso

log = logging.getLogger(__name__)
LOGGED_AT_MOST = 100  # addresses remembered for "logged once", per process
SIGNED_IN_COOKIE = "orbit_signed_in"  # readable by the app: a session started without its asking


def peer_address():
    """The address of the connection itself, whatever X-Forwarded-For says."""
    original = request.environ.get("werkzeug.proxy_fix.orig") or {}
    return original.get("REMOTE_ADDR") or request.environ.get("REMOTE_ADDR") or ""


def trusted_peer():
    """True when the connection comes from one of ORBIT_TRUSTED_HEADER_FROM's networks."""
    try:
        address = ipaddress.ip_address(peer_address().split("%")[0])
    except ValueError:
        return False
    if getattr(address, "ipv4_mapped", None):
        address = address.ipv4_mapped
    return any(address in network for network in current_app.config["TRUSTED_HEADER_FROM"])


def ignored_once(address, header):
    """Log, once per address in this process, a header that came from an untrusted peer."""
    seen = current_app.extensions.setdefault("orbit_forward_auth", set())
    if address in seen or len(seen) >= LOGGED_AT_MOST:
        return
    seen.add(address)
    log.warning("ignored the %s header from %s, which is not in ORBIT_TRUSTED_HEADER_FROM",
                header, address)


def apply():
    """After load_caller: sign this request in as the header's email when a trusted proxy sent it
    (switching accounts when the proxy's user is not the session's); nothing otherwise."""
    header = current_app.config.get("TRUSTED_HEADER")
    if not header or g.via_token:
        return
    email = request.headers.get(header, "").strip()
    if not email:
        return
    if not trusted_peer():
        ignored_once(peer_address(), header)
        return
    if g.user is not None and g.user.email == sso.normalise_email(email):
        return
    user = sso.user_for_header(email)
    if g.user is not None:
        end_session()
    g.user = None
    if user is not None:
        start_session(user)
        g.user = user
        g.signed_in_by_server = True


def mark_signed_in(response):
    """after_request: tell the app (a readable, short-lived cookie) that the server signed this
    browser in itself, so that it asks for the session instead of showing the sign-in screen."""
    if g.get("signed_in_by_server"):
        response.set_cookie(SIGNED_IN_COOKIE, "1", max_age=300, path="/", samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"] or request.is_secure)
    return response
