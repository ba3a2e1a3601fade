"""Passkeys (WebAuthn, with py_webauthn): the options of each ceremony and the checks of its
answer. The relying party is the server as this request reached it (server/links.py: ORBIT_BASE_URL
when set, else the request's scheme and host, forwarded ones behind trusted proxies), so the
origin and RP id a browser signed for must be exactly where it was talking to.

Challenges are random, single-use and expire: only their hash is stored, and checking an answer
deletes its row first (one DELETE; two answers racing with one challenge: one wins). Sign-ins go
through the password's throttle (counted per address) and auth.start_session."""
import binascii
import datetime
import hashlib
import json
import secrets
import uuid
from urllib.parse import urlsplit

from flask import current_app
from webauthn import (generate_authentication_options, generate_registration_options,
                      options_to_json, verify_authentication_response,
                      verify_registration_response)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (AuthenticatorSelectionCriteria,
                                      PublicKeyCredentialDescriptor, ResidentKeyRequirement,
                                      UserVerificationRequirement)

from .. import links
from ..clock import utcnow
from ..db import database
from ..errors import ApiError
from ..models import LoginAttempt, Passkey, PasskeyChallenge, User
from ..throttle import FROM_THIS_ADDRESS, claim, client_address

RP_NAME = "Orbit"
CHALLENGE_LIFETIME = datetime.timedelta(minutes=5)
MAX_PASSKEYS = 20  # per account: a list a person can read
ATTEMPT_EMAIL = "(passkey)"  # a passkey sign-in's LoginAttempt: no email, counted by address
# What a forged or broken answer can raise inside py_webauthn's parsing and checks (cbor2's
# decode errors are ValueErrors): each is a refusal, never a 500.
REFUSED = (WebAuthnException, ValueError, TypeError, KeyError, IndexError, AttributeError,
           OverflowError)
NOT_SIGNED_IN = "This passkey could not sign you in. Try again, or use your password."
NOT_ADDED = "This passkey could not be added. Try again."
EXPIRED = "This passkey request ran out of time or was used already. Try again."


def relying_party():
    """(RP id, origin): the host this request came to, and its scheme://host[:port]."""
    parts = urlsplit(links.base_url())
    return parts.hostname or "", f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def user_handle(user_uuid):
    """The WebAuthn user handle: the account's uuid as 16 bytes (never its email)."""
    return uuid.UUID(str(user_uuid)).bytes


def new_challenge(purpose, user=None, data=None):
    """A fresh challenge for `purpose` ("signin", "signup", "add"); expired ones are pruned."""
    challenge = secrets.token_bytes(32)
    now = utcnow()
    with database.atomic():
        PasskeyChallenge.delete().where(PasskeyChallenge.expires_at < now).execute()
        PasskeyChallenge.create(challenge_hash=hashlib.sha256(challenge).hexdigest(),
                                purpose=purpose, user=user, data=data, created_at=now,
                                expires_at=now + CHALLENGE_LIFETIME)
    return challenge


def take_challenge(credential, purpose, user=None):
    """The challenge `credential` answers, spent now: (bytes, its row), or None when it is not
    one of ours for this purpose (and this user), expired, or used already."""
    try:
        client_data = json.loads(base64url_to_bytes(credential["response"]["clientDataJSON"]))
        challenge = base64url_to_bytes(client_data["challenge"])
    except (*REFUSED, binascii.Error):
        return None
    query = PasskeyChallenge.select().where(
        PasskeyChallenge.challenge_hash == hashlib.sha256(challenge).hexdigest(),
        PasskeyChallenge.purpose == purpose, PasskeyChallenge.expires_at > utcnow(),
        PasskeyChallenge.user.is_null() if user is None else PasskeyChallenge.user == user)
    row = query.first()
    # The DELETE decides: of two answers sent with one challenge, only one deletes its row.
    if row is None or not PasskeyChallenge.delete().where(
            PasskeyChallenge.id == row.id).execute():
        return None
    return challenge, row


def creation_options(challenge, user_uuid, email, exclude=()):
    """navigator.credentials.create()'s options, as JSON: a discoverable credential (the browser
    offers it with no email typed), user verification required (Face ID, a fingerprint, a PIN)."""
    rp_id, _ = relying_party()
    options = generate_registration_options(
        rp_id=rp_id, rp_name=RP_NAME, user_name=email, user_id=user_handle(user_uuid),
        challenge=challenge, timeout=int(CHALLENGE_LIFETIME.total_seconds() * 1000),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(p.credential_id))
                             for p in exclude])
    return json.loads(options_to_json(options))


def verified_new_passkey(credential, challenge, user, name):
    """An unsaved Passkey for `user` from a registration answer; 422 when it does not verify."""
    rp_id, origin = relying_party()
    try:
        verified = verify_registration_response(
            credential=credential, expected_challenge=challenge, expected_rp_id=rp_id,
            expected_origin=origin, require_user_verification=True)
    except REFUSED:
        raise ApiError(422, NOT_ADDED, fields={"credential": [NOT_ADDED]}) from None
    credential_id = bytes_to_base64url(verified.credential_id)
    if Passkey.select().where(Passkey.credential_id == credential_id).exists():
        raise ApiError(409, "This passkey is added already.")
    transports = credential["response"].get("transports")
    return Passkey(user=user, credential_id=credential_id, name=name or default_name(),
                   public_key=bytes_to_base64url(verified.credential_public_key),
                   sign_count=verified.sign_count, transports=transports or None)


def default_name():
    """A passkey's name when none was given."""
    return "Passkey"


def add_options(user):
    """Options to add a passkey to the signed-in account (its passkeys excluded)."""
    mine = list(Passkey.select(Passkey.credential_id).where(Passkey.user == user))
    if len(mine) >= MAX_PASSKEYS:
        raise ApiError(409, f"An account can have {MAX_PASSKEYS} passkeys; remove one first.")
    return creation_options(new_challenge("add", user=user), user.uuid, user.email, mine)


def add_passkey(user, credential, name):
    """Verify and keep a passkey made with add_options' challenge."""
    taken = take_challenge(credential, "add", user=user)
    if taken is None:
        raise ApiError(422, EXPIRED, fields={"credential": [EXPIRED]})
    passkey = verified_new_passkey(credential, taken[0], user, name)
    with database.atomic():
        passkey.save(force_insert=True)
    return passkey


def sign_in_options():
    """Options of a passkey sign-in: no account named, the browser lists its passkeys here."""
    rp_id, _ = relying_party()
    options = generate_authentication_options(
        rp_id=rp_id, challenge=new_challenge("signin"),
        timeout=int(CHALLENGE_LIFETIME.total_seconds() * 1000),
        user_verification=UserVerificationRequirement.REQUIRED)
    return json.loads(options_to_json(options))


def throttle_passkey_sign_in():
    """Count the attempt against this address, as a password's is (429 past the limit)."""
    config = current_app.config
    address = client_address()
    claim(LoginAttempt, {"email": ATTEMPT_EMAIL, "address": address, "device": None},
          [(LoginAttempt.address == address, config["LOGIN_MAX_PER_ADDRESS"], FROM_THIS_ADDRESS)],
          config["LOGIN_WINDOW_SECONDS"])
    return address


def authenticate(credential):
    """The user a passkey assertion signs in: challenge spent, signature, origin, RP id, user
    verification and a growing sign counter checked; 401 otherwise (one message for all)."""
    address = throttle_passkey_sign_in()
    taken = take_challenge(credential, "signin")
    passkey = Passkey.select(Passkey, User).join(User).where(
        Passkey.credential_id == str(credential.get("id", ""))).first() if taken else None
    handle = credential["response"].get("userHandle")
    if passkey is None or (handle and handle != bytes_to_base64url(user_handle(passkey.user.uuid))):
        raise ApiError(401, NOT_SIGNED_IN)
    rp_id, origin = relying_party()
    try:
        verified = verify_authentication_response(
            credential=credential, expected_challenge=taken[0], expected_rp_id=rp_id,
            expected_origin=origin, credential_public_key=base64url_to_bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count, require_user_verification=True)
    except REFUSED:
        raise ApiError(401, NOT_SIGNED_IN) from None
    with database.atomic():
        # Conditional on the counter read: of two answers racing, one moves it on.
        moved = Passkey.update(sign_count=verified.new_sign_count, last_used_at=utcnow()).where(
            Passkey.id == passkey.id, Passkey.sign_count == passkey.sign_count).execute()
        if not moved:
            raise ApiError(401, NOT_SIGNED_IN)
        LoginAttempt.delete().where(LoginAttempt.email == ATTEMPT_EMAIL,
                                    LoginAttempt.address == address).execute()
    return passkey.user


def passkeys_of(user):
    """The account's passkeys, oldest first."""
    return list(Passkey.select().where(Passkey.user == user).order_by(Passkey.id))


def passkey_of(user, passkey_id):
    """One of the account's passkeys; 404 when it is not theirs."""
    passkey = Passkey.get_or_none(Passkey.id == passkey_id, Passkey.user == user)
    if passkey is None:
        raise ApiError(404)
    return passkey


def rename_passkey(user, passkey_id, name):
    """Give one of the account's passkeys a new name (None: as it is)."""
    passkey = passkey_of(user, passkey_id)
    if name is None:
        return passkey
    with database.atomic():
        Passkey.update(name=name).where(Passkey.id == passkey.id).execute()
    passkey.name = name
    return passkey
