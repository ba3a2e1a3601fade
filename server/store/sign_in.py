"""The ways an account signs in, together: which it has (a password, passkeys, a linked OpenID
provider), when each was last used, removing one but never the last, signing up with a passkey
instead of a password, and ending every other session."""
import uuid

from .. import models
from ..auth import hash_token
from ..clock import utcnow
from ..db import database, locked
from ..errors import ApiError
from ..models import LoginSession, Passkey, SignInUse, User
from . import accounts, invites, passkeys

NO_PASSWORD = ""  # the password hash of an account made with a passkey: no password verifies
LAST_WAY_IN = ("This is the only way left to sign in to your account. Set a password or add "
               "another passkey first.")


def has_password(user):
    """True when a password can sign this account in."""
    return bool(user.password_hash)


def provider_links(user):
    """The account's OpenID Connect links, when that part of Orbit is there (server/oidc.py)."""
    model = getattr(models, "OidcLink", None)
    return list(model.select().where(model.user == user)) if model is not None else []


def note_password_use(user):
    """Remember that a password signed this account in just now."""
    now = utcnow()
    with database.atomic():
        SignInUse.insert(user=user, way="password", last_used_at=now).on_conflict(
            conflict_target=[SignInUse.user, SignInUse.way],
            update={SignInUse.last_used_at: now}).execute()


def ways_in(user):
    """{password: {set, last_used_at}, passkeys: [...]} of the account."""
    used = SignInUse.get_or_none(SignInUse.user == user, SignInUse.way == "password")
    return {"password": {"set": has_password(user),
                         "last_used_at": used.last_used_at if used and has_password(user) else None},
            "passkeys": passkeys.passkeys_of(user)}


def delete_passkey(user, passkey_id):
    """Remove one of the account's passkeys, unless nothing else could sign it in then (409)."""
    with database.atomic():
        # Held: two removals at once must not each leave the other "the last".
        fresh = locked(User.select().where(User.id == user.id)).get()
        passkey = passkeys.passkey_of(user, passkey_id)
        others = Passkey.select().where(Passkey.user == user, Passkey.id != passkey.id).count()
        if not has_password(fresh) and not others and not provider_links(user):
            raise ApiError(409, LAST_WAY_IN)
        Passkey.delete().where(Passkey.id == passkey.id).execute()


def sign_up_options(data):
    """Options for a new account's passkey: the sign-up rules of a password sign-up checked now
    (sign-ups open or this invite good, email free), and again when the passkey comes back."""
    email = accounts.normalise_email(data["email"])
    invites.admit(data["invite"])  # 403 when not let in (checked, not used)
    if User.select().where(User.email == email).exists():
        raise ApiError(409, "An account with this email already exists; sign in instead.")
    account = str(uuid.uuid4())
    challenge = passkeys.new_challenge("signup", data={
        "email": email, "timezone": data["timezone"], "invite": data["invite"], "uuid": account})
    return passkeys.creation_options(challenge, account, email)


def sign_up(credential, name):
    """The new account of a passkey sign-up (sign-up rules, throttle and invite as
    accounts.register: the same code); 422 when the challenge or the passkey is not good."""
    taken = passkeys.take_challenge(credential, "signup")
    if taken is None:
        raise ApiError(422, passkeys.EXPIRED, fields={"credential": [passkeys.EXPIRED]})
    challenge, row = taken
    pending = row.data
    passkey = passkeys.verified_new_passkey(credential, challenge, None, name)

    def keep(user):
        passkey.user = user
        passkey.save(force_insert=True)

    return accounts.register({"email": pending["email"], "timezone": pending["timezone"],
                              "invite": pending["invite"]},
                             passkey=(uuid.UUID(pending["uuid"]), keep))


def sign_out_everywhere(user, session_key):
    """End every session of the account but this one (the session version moves on, as a
    password change's does, and the other sessions' records go). Passkeys, the password and
    API tokens stay: they are listed on the same screen, each removable."""
    user.session_version += 1
    with database.atomic():
        User.update(session_version=user.session_version).where(User.id == user.id).execute()
        LoginSession.delete().where(LoginSession.user == user,
                                    LoginSession.key_hash != hash_token(session_key)).execute()
    return user
