"""Who is calling: password hashing, cookie sessions with CSRF, API tokens (sign-in throttling
is server/throttle.py)."""
import datetime
import hashlib
import hmac
import secrets
from functools import wraps

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, g, request, session
from flask.sessions import SecureCookieSessionInterface
from peewee import OperationalError

from .clock import utcnow
from .db import database
from .errors import ApiError
from .models import ApiToken, Habit, LoginSession, Setting, User
from .prepared import Prepared

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# All a "checkins" token may reach (a shortcut that logs a habit): writing and removing a day of
# one of its habits, whose answer (with ?include=today, that habit's Today item) is all it reads.
SCOPED_ENDPOINTS = {"api.checkins.put_checkin", "api.checkins.delete_checkin"}
SCOPE_MESSAGE = "This token may only log check-ins of its own habits."
TOKEN_TOUCH_EVERY = datetime.timedelta(minutes=1)

# Every request resolves its caller: the token (or session) and its user in one query, built once.
TOKEN_WITH_USER = Prepared(lambda token_hash: ApiToken.select(ApiToken, User).join(User)
                           .where(ApiToken.token_hash == token_hash), {User: "user"},
                           token_hash=str)
SESSION_WITH_USER = Prepared(lambda key_hash, user_id: LoginSession.select(LoginSession, User)
                             .join(User).where(LoginSession.key_hash == key_hash,
                                               User.id == user_id), {User: "user"},
                             key_hash=str, user_id=int)
# Only the first request of a minute writes, and of concurrent ones only the first that commits.
TOUCH_TOKEN = Prepared(lambda token_id, now, before: ApiToken.update(last_used_at=now).where(
    ApiToken.id == token_id, ApiToken.last_used_at.is_null() | (ApiToken.last_used_at < before)),
    token_id=int, now=datetime.datetime, before=datetime.datetime)


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie session, marked Secure whenever the request came over HTTPS, with
    its key from the environment or, if unset, generated once into the database."""

    def open_session(self, app, request):
        if not app.secret_key:
            try:
                ensure_secret_key(app)
            except OperationalError:  # the database is down: no session (/healthz says 503)
                return None
        if not request.cookies.get(self.get_cookie_name(app)):
            # Nothing to verify (API tokens send no cookie): no signing serializer to build.
            return self.session_class()
        return super().open_session(app, request)

    def get_cookie_secure(self, app):
        return app.config["SESSION_COOKIE_SECURE"] or request.is_secure


def password_hasher():
    """An argon2 hasher with the configured cost (cheap in tests, the library defaults otherwise)."""
    config = current_app.config
    return PasswordHasher(time_cost=config["ARGON2_TIME_COST"],
                          memory_cost=config["ARGON2_MEMORY_COST"],
                          parallelism=config["ARGON2_PARALLELISM"])


def hash_password(password):
    """An argon2id hash of the password."""
    return password_hasher().hash(password)


def verify_password(user, password):
    """True when the password matches the user's hash."""
    try:
        return password_hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def hash_token(token):
    """API tokens are long random strings, so a plain SHA-256 is enough to store them."""
    return hashlib.sha256(token.encode()).hexdigest()


def ensure_secret_key(app):
    """Use ORBIT_SECRET_KEY, or one generated once and kept in the database for every process."""
    if app.secret_key:
        return
    with database.atomic():
        Setting.insert(key="secret_key", value=secrets.token_hex(32)).on_conflict_ignore().execute()
    app.secret_key = Setting.get_by_id("secret_key").value


def start_session(user):
    """Sign the user in on this client: a fresh session (recorded, so that signing out ends it
    for good, even for a copy of the cookie) with a new CSRF token."""
    session_key = secrets.token_urlsafe(32)
    with database.atomic():
        expired = utcnow() - current_app.permanent_session_lifetime
        LoginSession.delete().where(LoginSession.created_at < expired).execute()
        LoginSession.create(user=user, key_hash=hash_token(session_key))
    session.clear()
    session.permanent = True
    session.update(uid=user.id, sid=session_key, sv=user.session_version,
                   csrf=secrets.token_urlsafe(32))
    return session["csrf"]


def keep_session(user):
    """Keep this client signed in, CSRF token and all, after its user's session version moved on."""
    session["sv"] = user.session_version


def end_session():
    """Sign out this client: its session record goes, so the cookie is worthless everywhere."""
    if "sid" in session:
        LoginSession.delete().where(LoginSession.key_hash == hash_token(session["sid"])).execute()
    session.clear()


def load_caller():
    """Resolve g.user from a bearer token or the session cookie (None when anonymous)."""
    g.user, g.via_token, g.token_scope = None, False, None
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "The Authorization header must be 'Bearer <token>'.")
        api_token = TOKEN_WITH_USER.first(token_hash=hash_token(token.strip()))
        if api_token is None:
            raise ApiError(401, "This API token is not valid.")
        touch_token(api_token)
        g.user, g.via_token = api_token.user, True
        if api_token.scope != "full":
            g.token_scope = api_token
    elif "sid" in session:
        uid = session.get("uid")
        login = SESSION_WITH_USER.first(key_hash=hash_token(session["sid"]),
                                        user_id=uid) if isinstance(uid, int) else None
        # A session ends when signed out (no record) or when the password changed (version).
        if login is not None and login.user.session_version == session.get("sv"):
            g.user = login.user
        else:
            session.clear()


def touch_token(api_token):
    """Record when a token was last used, at most once a minute (a write per request is waste):
    no statement while the row read says it is recent, and a conditional UPDATE otherwise."""
    now = utcnow()
    before = now - TOKEN_TOUCH_EVERY
    if api_token.last_used_at is None or api_token.last_used_at < before:
        TOUCH_TOKEN.execute(token_id=api_token.id, now=now, before=before)


def check_access(public):
    """401 before 403: authentication first, then a scoped token's limits (on every endpoint,
    public or not), then CSRF for cookie-authenticated writes."""
    if g.token_scope is not None:
        check_scope(g.token_scope)
    if public:
        return
    if g.user is None:
        raise ApiError(401)
    if request.method in UNSAFE_METHODS and not g.via_token:
        # As bytes: compare_digest raises a TypeError on str with non-ASCII characters.
        sent = request.headers.get("X-CSRF-Token", "").encode()
        if not hmac.compare_digest(sent, session.get("csrf", "").encode()):
            raise ApiError(403, "The X-CSRF-Token header is missing or wrong; "
                                "get one from GET /api/v1/auth/csrf.", code="csrf_failed")


def check_scope(api_token):
    """The one place a scoped token is held to its scope: a "checkins" token reaches only
    SCOPED_ENDPOINTS, for its own habits (still the user's: by uuid, see ApiToken); 403 for
    every other endpoint and habit. Sessions and full tokens never come here."""
    habit_id = (request.view_args or {}).get("habit_id")
    if (api_token.scope != "checkins" or request.endpoint not in SCOPED_ENDPOINTS
            or habit_id is None or not Habit.shown().where(
                Habit.id == habit_id, Habit.user == api_token.user_id,
                Habit.uuid.in_(api_token.habit_uuids or [])).exists()):
        raise ApiError(403, SCOPE_MESSAGE)


def public(view):
    """Mark a view as open to anonymous callers (no authentication, no CSRF)."""
    view.public = True
    return view


def session_only(view):
    """Views an API token must not reach: tokens, password, account deletion."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if g.via_token:
            raise ApiError(403, "This needs a signed-in session, not an API token.")
        return view(*args, **kwargs)
    return wrapper
