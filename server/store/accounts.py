"""Users, their sessions' lifecycle and their API tokens."""
import secrets

from marshmallow import ValidationError

from ..auth import hash_password, hash_token, verify_password
from .. import i18n
from ..db import database
from ..errors import ApiError
from ..models import (ApiToken, CalendarFeed, Habit, LoginAttempt, NotifyTarget, Passkey,
                      PushSubscription, User)
from ..throttle import clear_login_failures, throttle_login, throttle_sign_up
from . import checkpoints, invites, shares, webhooks

# Verifying against this when the email is unknown makes both failures take the same time.
_DUMMY = {}


def normalise_email(email):
    """Emails match case-insensitively (lower-casing may lengthen one: "İ" becomes 2 characters)."""
    return email.strip().lower()


def register(data, passkey=None):
    """Create an account; 409 when the email is taken. `passkey`: (the account's uuid, a function
    saving its passkey in the same transaction) for an account made with a passkey instead of
    a password (store/sign_in.py)."""
    email = normalise_email(data["email"])
    if len(email) > 254:
        raise ValidationError({"email": ["Longer than maximum length 254."]})
    invites.admit(data["invite"])  # 403, before anything is written, when not let in
    throttle_sign_up()
    if User.select().where(User.email == email).exists():
        raise ApiError(409, "An account with this email already exists; sign in instead.")
    if passkey is None:
        password_hash = hash_password(data["password"])  # slow: not while holding the write lock
    with database.atomic():
        if passkey is None:
            user = User.create(email=email, password_hash=password_hash, timezone=data["timezone"])
        else:  # no password: none verifies against an empty hash
            user = User.create(uuid=passkey[0], email=email, password_hash="",
                               timezone=data["timezone"])
            passkey[1](user)
        invites.use_invite(data["invite"], user)
        return user


def authenticate(email, password):
    """The user for these credentials, counting failures; 401 and 429 as RULES.md says."""
    email = normalise_email(email)[:254]  # as long as the column; no account is longer
    throttle_login(email)  # counted now; forgiven below when the password is right
    user = User.get_or_none(User.email == email)
    if user is None or not user.password_hash:  # no account, or one with no password
        verify_password(dummy_user(), password)
    if user is None or not verify_password(user, password):
        raise ApiError(401, "The email or password is not right.")
    clear_login_failures(email)
    return user


def dummy_user():
    """A user with a throwaway hash, made once, to verify against for unknown emails."""
    if "user" not in _DUMMY:
        _DUMMY["user"] = User(password_hash=hash_password(secrets.token_hex(8)))
    return _DUMMY["user"]


def update_me(user, data):
    """Change time zone, week start or day start; cached habit states depend on them."""
    changed = {k: v for k, v in data.items() if getattr(user, k) != v}
    if changed:
        with database.atomic():
            User.update(**changed).where(User.id == user.id).execute()
            if changed.keys() - {"locale"}:  # a language changes no judged day
                checkpoints.invalidate_user(user)
        for key, value in changed.items():
            setattr(user, key, value)
    return user


def note_browser_locale(user, accept_languages):
    """Keeps the language the user's browser asks for (Accept-Language), which is what the server
    sends in until one is chosen: written only when it changes, so one read in a long while."""
    accept_languages = list(accept_languages)
    if not accept_languages:  # an API client that names no language changes nothing
        return user
    tag = i18n.negotiate(accept_languages)
    if user.browser_locale != tag:
        User.update(browser_locale=tag).where(User.id == user.id).execute()
        user.browser_locale = tag
    return user


def change_password(user, current_password, new_password):
    """Set a new password, end every session (the session version moves on) and revoke every API
    token, push device, Apprise target and calendar feed: a password is changed because someone
    else may know it, and may have set one up."""
    if not user.password_hash:  # a passkey account's first password: nobody knew one before
        return set_first_password(user, new_password)
    if not verify_password(user, current_password):
        raise ValidationError({"current_password": ["This is not your current password."]})
    return replace_password(user, new_password)


def set_first_password(user, new_password):
    """A password for an account that had none (made with a passkey): a second way in, so
    nothing is revoked."""
    user.password_hash = hash_password(new_password)
    with database.atomic():
        User.update(password_hash=user.password_hash).where(User.id == user.id).execute()
    return user


def replace_password(user, new_password):
    """change_password's work once the person is known (also a reset link's, store/resets.py)."""
    user.password_hash = hash_password(new_password)
    user.session_version += 1
    with database.atomic():
        User.update(password_hash=user.password_hash, session_version=user.session_version
                    ).where(User.id == user.id).execute()
        ApiToken.delete().where(ApiToken.user == user).execute()
        # and every way out (or in) an intruder could have set up: devices, targets, the
        # calendar feed, webhooks, passkeys (every one: this session's could be a stolen one's)
        for model in (PushSubscription, NotifyTarget, CalendarFeed, Passkey):
            model.delete().where(model.user == user).execute()
        webhooks.delete_webhooks_of(user)
        shares.end_shares_of(user)  # and every share's link: it may have been theirs
    return user


def delete_account(user, password):
    """Delete the user and, by cascade, every row that belongs to them."""
    # An account made with a passkey has no password to confirm with: its session does.
    if user.password_hash and not verify_password(user, password):
        raise ValidationError({"password": ["This is not your password."]})
    with database.atomic():
        LoginAttempt.delete().where(LoginAttempt.email == user.email).execute()
        User.delete().where(User.id == user.id).execute()


def tokens_of(user):
    """The user's API tokens, oldest first, each with the ids of the habits it may log."""
    tokens = list(ApiToken.select().where(ApiToken.user == user).order_by(ApiToken.id))
    ids = habit_ids_by_uuid(user, {u for t in tokens for u in t.habit_uuids or ()})
    for token in tokens:
        with_habit_ids(token, ids)
    return tokens


def habit_ids_by_uuid(user, uuids):
    """{uuid text: id} of the user's habits among `uuids` (deleted ones are not found)."""
    if not uuids:
        return {}
    return {str(h.uuid): h.id for h in Habit.shown(Habit.id, Habit.uuid).where(
        Habit.user == user, Habit.uuid.in_(list(uuids)))}


def with_habit_ids(token, ids):
    """The token with `habit_ids` (null when full), in the order it was given them."""
    token.habit_ids = None if token.habit_uuids is None else [
        ids[u] for u in token.habit_uuids if u in ids]
    return token


def create_token(user, data):
    """A new API token (`data` as TokenIn loads it); the clear text is returned this once and
    stored only as a hash. A check-ins token's habits must be the user's (422 otherwise)."""
    uuids, found = None, {}
    if data["scope"] == "checkins":
        wanted = list(dict.fromkeys(data["habit_ids"]))
        found = {h.id: str(h.uuid) for h in Habit.shown(Habit.id, Habit.uuid).where(
            Habit.user == user, Habit.id.in_(wanted))}
        if len(found) != len(wanted):
            raise ValidationError({"habit_ids": ["Unknown habit."]})
        uuids = [found[i] for i in wanted]
    token = "orbit_" + secrets.token_urlsafe(32)
    with database.atomic():
        row = ApiToken.create(user=user, name=data["name"], token_hash=hash_token(token),
                              scope=data["scope"], habit_uuids=uuids)
    row.token = token
    return with_habit_ids(row, {u: i for i, u in found.items()})


def delete_token(user, token_id):
    """Revoke one of the user's tokens; 404 when it is not theirs."""
    deleted = ApiToken.delete().where(ApiToken.user == user, ApiToken.id == token_id).execute()
    if not deleted:
        raise ApiError(404)
