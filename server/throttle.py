"""Sign-in and sign-up throttling: failures counted per account, per trusted browser and per
network (OWASP's device cookies let a browser that signed in to an account before keep signing
in while its account is locked for others), and the counters other limits share (`claim`)."""
import datetime
import math
import secrets

from flask import current_app, g, request, url_for
from itsdangerous import BadData, URLSafeTimedSerializer

from .auth import hash_token
from .clock import utcnow
from .db import database
from .errors import ApiError
from .models import LoginAttempt, SignUp, User

DEVICE_COOKIE = "orbit_device"
DEVICE_COOKIE_AGE = datetime.timedelta(days=365)
DEVICE_ACCOUNTS = 5  # accounts one shared browser (a household's tablet) stays trusted for
LOGIN_MAX_PER_DEVICE = 5  # failures a trusted browser may make in the window (config overrides)
FOR_THIS_ACCOUNT = ("Too many attempts for this account. Try again in {wait}, or from a device "
                    "you've signed in on before.")
FROM_THIS_DEVICE = "Too many attempts from this device. Try again in {wait}."
FROM_THIS_ADDRESS = "Too many sign-in attempts from this network. Try again in {wait}."


def client_address():
    """The caller's address (a proxy in front should set REMOTE_ADDR via ProxyFix)."""
    return request.remote_addr or "unknown"


def throttle_login(email):
    """Count this sign-in attempt, or refuse it with 429 (RULES.md) when its budget is spent.

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
