"""Absolute links the server hands out (calendar feed, invites, emails, push): every one is made
here, so they all point where the server is really reached.

ORBIT_BASE_URL, when set, wins everywhere. Otherwise a link made while answering a request starts
with that request's scheme and host (behind ORBIT_TRUSTED_PROXIES, the forwarded ones: see
security.trust_proxies), and one made with no request at hand (the dispatcher, CLI commands) with
the address the user they are for last came to with a signed-in request, kept in the database
(else the address any signed-in request last came to, else HOST and PORT). A link for one user
never follows another person's request: a password-reset email asked for with a forged Host
header still points where its owner uses Orbit."""
import logging

from flask import current_app, g, has_request_context, request
from peewee import DatabaseError

from .clock import utcnow
from .models import ServerAddress

log = logging.getLogger(__name__)
USER_ROW = "user:{}"  # ServerAddress's row of each user
ANY_ADDRESS = {"0.0.0.0", "::", "[::]", ""}  # bound to every interface: links say this machine


def base_url(config=None, user=None):
    """The address links start with, without a trailing slash. `user` (a User or its id): the
    link is for them (an email, a push), made where they use Orbit, never from the request."""
    config = config if config is not None else current_app.config
    if config.get("BASE_URL"):
        return config["BASE_URL"]
    if user is None and has_request_context():
        return request_address()
    return last_address(user) or last_address() or environment_address(config)


def announced_address(config):
    """Where the server says it is at start-up, before any request: ORBIT_BASE_URL or HOST:PORT."""
    return config.get("BASE_URL") or environment_address(config)


def absolute(path, config=None, user=None):
    """`path` (starting with "/") as an absolute link (for `user`: see base_url)."""
    return f"{base_url(config, user)}{path}"


def served_over_https(config):
    """ORBIT_BASE_URL says the server is reached over HTTPS (its session cookie is then Secure
    even when the proxy in front talks plain HTTP to it)."""
    return (config.get("BASE_URL") or "").startswith("https://")


def push_subscriber(config):
    """The VAPID `sub` claim's https address, or None when links do not start with https."""
    base = base_url(config)
    return base if base.startswith("https://") else None


def request_address():
    """The scheme and host this request came to (werkzeug keeps a non-default port in the host)."""
    return f"{request.scheme}://{request.host}"


def last_address(user=None):
    """The address `user`'s signed-in requests last came to (without `user`: anyone's), or
    None (never reached yet)."""
    query = ServerAddress.select(ServerAddress.url)
    if user is not None:
        query = query.where(ServerAddress.name == USER_ROW.format(getattr(user, "id", user)))
    row = query.order_by(ServerAddress.changed_at.desc()).first()
    return row.url if row else None


def environment_address(config):
    """http://HOST:PORT, as `make run` and gunicorn_conf bind (a wildcard host as 127.0.0.1)."""
    host = "127.0.0.1" if config["HOST"] in ANY_ADDRESS else config["HOST"]
    return f"http://{host}:{config['PORT']}"


def remember_address(response):
    """after_request: keep the address signed-in requests come to, for the links made with no
    request at hand. Only a signed-in user's request counts (anyone can send any Host header), and
    the database is written only when the address changed: each process remembers what it last
    saw, so a request costs a comparison."""
    config = current_app.config
    if config.get("BASE_URL") or getattr(g, "user", None) is None or response.status_code >= 400:
        return response
    address, name = request_address(), USER_ROW.format(g.user.id)
    seen = current_app.extensions.setdefault("orbit_links", {})
    if seen.get(name) == address:
        return response
    try:
        if last_address(g.user) != address:
            ServerAddress.insert(name=name, url=address[:300], changed_at=utcnow()).on_conflict(
                conflict_target=[ServerAddress.name],
                update={ServerAddress.url: address[:300], ServerAddress.changed_at: utcnow()},
            ).execute()
        seen[name] = address
    except DatabaseError:  # a locked or busy database: the next request tries again
        log.warning("could not record the server's address", exc_info=True)
    return response
