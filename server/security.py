"""The security headers every response carries, and trusting a reverse proxy's forwarded headers.

The Content-Security-Policy is an HTTP header, not a <meta> tag: only a header can forbid framing
(frame-ancestors), and proxies and scanners see it. Everything comes from this origin, and the DOM
is never written as HTML strings: Trusted Types makes innerHTML and friends throw (app.js's
default policy lets same-origin script URLs through, for the service worker)."""
from flask import current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "object-src 'none'",
    "worker-src 'self'",  # the service worker (web/sw.js); Web Push needs nothing more
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types default",
])
# The server's own small HTML pages (the unsubscribe page): no script at all, their inline styles.
PAGE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
               "frame-ancestors 'none'; base-uri 'none'")
# Features the app never uses, refused for it and anything it might embed. Only names every
# current browser knows: an unknown one is a console error in Chromium.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
HSTS = "max-age=31536000"
# The release's scripts and style sheets (/r/<release>/…) are never a document, and the policy,
# Permissions-Policy, X-Frame-Options and COOP apply to documents (and the policy to workers, which
# sw.js is, at an address of its own) only. On HTTP/1.1 those four were 370 bytes on each of the
# ~50 files of a first load, 18 KB of it (make bench-web); the files keep nosniff and the
# Referrer-Policy (a style sheet's own requests follow it).
SUBRESOURCE_TYPES = {"text/javascript", "application/javascript", "text/css"}


def security_headers(response):
    """after_request: headers every response carries; API answers are private and never cached."""
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint != "web.release_file" or response.mimetype not in SUBRESOURCE_TYPES:
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        headers.setdefault("X-Frame-Options", "DENY")  # frame-ancestors, without CSP 2
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    # Browsers ignore HSTS received over plain HTTP, so it is sent only where it means something.
    if request.is_secure or current_app.config["SESSION_COOKIE_SECURE"]:
        headers.setdefault("Strict-Transport-Security", HSTS)
    if request.path.startswith("/api/"):
        headers.setdefault("Cache-Control", "no-store")
    if response.status_code == 204:
        del headers["Content-Type"]  # no content, so no type (Flask would say text/html)
    return response


def trust_proxies(app):
    """Behind `TRUSTED_PROXIES` reverse proxies (ORBIT_TRUSTED_PROXIES, 0 = none, the default),
    take the client's address, scheme, host and port from their X-Forwarded-For, -Proto, -Host
    and -Port: the throttles then count real clients, the session cookie is Secure behind an
    HTTPS proxy, and links point where the client reached the proxy (server/links.py).
    Off by default, because without a proxy anyone could send those headers."""
    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
