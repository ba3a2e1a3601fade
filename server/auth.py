"""Who is calling: password hashing, cookie sessions with CSRF, API tokens, login throttling
with device cookies."""
import datetime
import hashlib
import hmac
import math
import secrets
from functools import wraps

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, g, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadData, URLSafeTimedSerializer
from peewee import OperationalError

from .clock import utcnow
from .db import database
from .errors import ApiError
from .models import ApiToken, LoginAttempt, LoginSession, Setting, SignUp, User
from .prepared import Prepared

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
TOKEN_TOUCH_EVERY = datetime.timedelta(minutes=1)

DEVICE_COOKIE = "orbit_device"
DEVICE_COOKIE_AGE = datetime.timedelta(days=365)
DEVICE_ACCOUNTS = 5  # accounts one shared browser (a household's tablet) stays trusted for
LOGIN_MAX_PER_DEVICE = 5  # failures a trusted browser may make in the window (config overrides)
FOR_THIS_ACCOUNT = ("Too many attempts for this account. Try again in {wait}, or from a device "
                    "you've signed in on before.")
FROM_THIS_DEVICE = "Too many attempts from this device. Try again in {wait}."
FROM_THIS_ADDRESS = "Too many sign-in attempts from this network. Try again in {wait}."

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
    g.user, g.via_token = None, False
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
    """401 before 403: authentication first, then CSRF for cookie-authenticated writes."""
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


def client_address():
    """The caller's address (a proxy in front should set REMOTE_ADDR via ProxyFix)."""
    return request.remote_addr or "unknown"


def throttle_login(email):
    """Count this sign-in attempt, or refuse it with 429 (API.md) when its budget is spent.

    A browser that signed in to this account before (its device cookie, as in OWASP's "Slow Down
    Online Guessing Attacks with Device Cookies") has a budget of its own, so nobody's wrong
    guesses lock the owner out of their own phone; every other client shares the email's. The
    address's limit holds either way. The attempt stays counted unless the password is right."""
    config = current_app.config
    g.login_device = device = trusted_device(email)
    address = client_address()
    if device:
        first = (LoginAttempt.device == device,
                 config.get("LOGIN_MAX_PER_DEVICE", LOGIN_MAX_PER_DEVICE), FROM_THIS_DEVICE)
    else:
        first = (untrusted_failures(email), config["LOGIN_MAX_PER_EMAIL"], FOR_THIS_ACCOUNT)
    claim(LoginAttempt, {"email": email, "address": address, "device": device},
          [first, (LoginAttempt.address == address, config["LOGIN_MAX_PER_ADDRESS"],
                   FROM_THIS_ADDRESS)],
          config["LOGIN_WINDOW_SECONDS"])


def untrusted_failures(email):
    """The condition of an email's attempts made without its device cookie."""
    return (LoginAttempt.email == email) & LoginAttempt.device.is_null()


def throttle_sign_up():
    """Count this sign-up, or refuse it with 429 when this address made too many recently: one
    address creating accounts by the hundred slows the server for everyone."""
    config = current_app.config
    address = client_address()
    claim(SignUp, {"address": address},
          [(SignUp.address == address, config["SIGN_UP_MAX_PER_ADDRESS"],
            "Too many new accounts from here; try again later.")],
          config["SIGN_UP_WINDOW_SECONDS"])


def claim(model, values, limits, window_seconds):
    """Record an attempt (committed at once, in the database so that every app process agrees),
    then refuse it, forgotten again, when its window held `limit` others matching `condition` for
    any (condition, limit, message); the message may say how long to {wait}.

    Counting after a committed insert keeps a burst honest: of the attempts let through, the last
    to count saw every other one, so never more than `limit` pass. (Checking before inserting
    let 6 of a burst of 30 sign-ins through a limit of 5.)"""
    with database.atomic():
        row = model.create(**values)
    window = datetime.timedelta(seconds=window_seconds)
    for condition, limit, message in limits:
        recent = model.select(model.created_at).where(
            condition, model.id != row.id, model.created_at > row.created_at - window)
        others = [r.created_at for r in recent.order_by(model.created_at.desc()).limit(limit)]
        if len(others) >= limit:
            model.delete().where(model.id == row.id).execute()
            retry = max(1, int((others[-1] + window - utcnow()).total_seconds()) + 1)
            raise ApiError(429, message.format(wait=in_minutes(retry)),
                           headers={"Retry-After": str(retry)})


def in_minutes(seconds):
    """A wait as people say it: "1 minute", "15 minutes" (rounded up)."""
    minutes = math.ceil(seconds / 60)
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def clear_login_failures(email):
    """A successful sign-in forgives the earlier failures of its kind: those of this device when
    it came with its device cookie (others' failures keep counting: the owner signing in on their
    phone must not hand a guesser five new tries), else the email's untrusted ones."""
    device = g.get("login_device")
    which = LoginAttempt.device == device if device else untrusted_failures(email)
    LoginAttempt.delete().where(which).execute()


def device_serializer():
    """Signs device cookies with the app's secret key (a salt of their own: no session cookie,
    nor anything else signed with that key, passes for one)."""
    return URLSafeTimedSerializer(current_app.secret_key, salt="orbit.device")


def device_entries():
    """This browser's device cookie: [account uuid, nonce] pairs, newest first; none when it is
    absent, forged, tampered with or older than its year."""
    try:
        entries = device_serializer().loads(request.cookies.get(DEVICE_COOKIE, ""),
                                            max_age=DEVICE_COOKIE_AGE.total_seconds())
    except BadData:  # no cookie at all is a bad signature too
        return []
    return [entry for entry in entries if isinstance(entry, list) and len(entry) == 2
            and all(isinstance(part, str) for part in entry)] if isinstance(entries, list) else []


def trusted_device(email):
    """The hash of this browser's device nonce for the account of `email`, or None when the
    browser has not signed in to that account (or the account does not exist)."""
    nonces = dict(device_entries())
    user = User.select(User.uuid).where(User.email == email).first() if nonces else None
    nonce = nonces.get(str(user.uuid)) if user else None
    return hash_token(nonce) if nonce else None


def remember_device(response, user):
    """After a sign-in (or sign-up), give this browser a new device cookie for the account,
    keeping those of the other accounts signed in here (at most DEVICE_ACCOUNTS)."""
    account = str(user.uuid)
    kept = [entry for entry in device_entries() if entry[0] != account][:DEVICE_ACCOUNTS - 1]
    value = device_serializer().dumps([[account, secrets.token_urlsafe(16)], *kept])
    response.set_cookie(DEVICE_COOKIE, value, max_age=int(DEVICE_COOKIE_AGE.total_seconds()),
                        path=url_for("api.accounts.login").rsplit("/", 1)[0],
                        secure=current_app.config["SESSION_COOKIE_SECURE"] or request.is_secure,
                        httponly=True, samesite="Lax")
    return response
