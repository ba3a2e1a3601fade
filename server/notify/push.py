"""Web Push with pywebpush (payloads encrypted for each device, VAPID-signed): keys every app
process and dispatcher agrees on, a reminder's notification, and its single-use "Done"."""
import base64
import datetime
import json
import logging
from urllib.parse import urlsplit, urlunsplit

from cryptography.hazmat.primitives import serialization
from itsdangerous import URLSafeSerializer
from py_vapid import Vapid
from pywebpush import WebPushException, webpush
from requests import RequestException
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from .. import i18n, links
from ..clock import utcnow
from ..db import database
from ..models import ActionToken, PushSubscription, Setting
from ..store.snoozes import snooze_token
from .outbound import guarded

log = logging.getLogger(__name__)
VAPID_SETTING = "vapid_private_key"
ACTION_LIFETIME = datetime.timedelta(hours=36)  # the rest of that day, and the morning after


class NoDevice(RuntimeError):
    """Push was asked for but no device took it (none subscribed, or every one refused)."""


# The push services of the browsers people use; a subscription to anything else would make the
# server post wherever a user asks (to an address inside its own network, say).
PUSH_SERVICES = ("fcm.googleapis.com", "android.googleapis.com", "push.services.mozilla.com",
                 "push.apple.com", "notify.windows.com", "push.microsoft.com")


def push_endpoint(config, endpoint):
    """The endpoint, when it is a plain https URL of a known push service that rebuilt from its
    parsed parts is itself (tests add their own host); None otherwise. Userinfo,
    backslashes, ports, fragments and anything two URL parsers could read differently are
    refused: the check and the sender must see the same host."""
    if not endpoint.isascii() or not endpoint.isprintable() or any(c in endpoint for c in "\\@ "):
        return None
    parts = urlsplit(endpoint)
    try:
        port, sender_sees = parts.port, parse_url(endpoint)
    except (ValueError, LocationParseError):
        return None
    extra = tuple(config.get("PUSH_EXTRA_HOSTS", ()))
    host = (parts.hostname or "").lower()
    local = host in extra  # a test's push service on 127.0.0.1: http and a port allowed
    if (parts.scheme != "https" and not (local and parts.scheme == "http")) or \
            (port is not None and not local) or parts.fragment or parts.username is not None:
        return None
    if (sender_sees.host or "").lower() != host or sender_sees.port != port:
        return None
    if not any(host == h or host.endswith("." + h) for h in PUSH_SERVICES + extra):
        return None
    netloc = host if port is None else f"{host}:{port}"
    rebuilt = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    return endpoint if rebuilt == endpoint else None  # nothing either parser could read apart


def vapid_pem(config):
    """ORBIT_VAPID_PRIVATE_KEY, or a key generated on first use and kept in the database."""
    if config.get("VAPID_PRIVATE_KEY"):
        return config["VAPID_PRIVATE_KEY"]
    row = Setting.get_or_none(Setting.key == VAPID_SETTING)
    if row is None:
        vapid = Vapid()
        vapid.generate_keys()
        with database.atomic():  # the first process to store one wins; the others read it
            Setting.insert(key=VAPID_SETTING, value=vapid.private_pem().decode()
                           ).on_conflict_ignore().execute()
        row = Setting.get_by_id(VAPID_SETTING)
    return row.value


def public_key(config):
    """The application server key browsers subscribe with: the uncompressed point, base64url."""
    vapid = Vapid.from_pem(vapid_pem(config).encode())
    raw = vapid.public_key.public_bytes(serialization.Encoding.X962,
                                        serialization.PublicFormat.UncompressedPoint)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def subscriber(config):
    """The VAPID `sub` claim: the server's https address, or a mailto."""
    return links.push_subscriber(config) or "mailto:orbit@localhost"


def push(config, user, payload):
    """Send to every device of the user; a device its push service no longer knows (404, 410)
    is removed. Raises NoDevice when none took it, or the connection error when a push service
    could not be reached (worth retrying)."""
    devices = list(PushSubscription.select().where(PushSubscription.user == user))
    if not devices:
        raise NoDevice("notifications are not turned on on any device")
    vapid = Vapid.from_pem(vapid_pem(config).encode())
    delivered, unreachable = 0, None
    for device in devices:
        endpoint = push_endpoint(config, device.endpoint)
        if endpoint is None:  # stored before the endpoint rules were this strict
            log.warning("a device of user %s with a refused endpoint was removed", user.id)
            device.delete_instance()
            continue
        try:
            with guarded(allow_private=bool(config.get("PUSH_EXTRA_HOSTS"))):
                webpush({"endpoint": endpoint,
                         "keys": {"p256dh": device.p256dh, "auth": device.auth}},
                        data=json.dumps(payload), vapid_private_key=vapid,
                        vapid_claims={"sub": subscriber(config)}, ttl=12 * 3600, timeout=10)
            delivered += 1
            PushSubscription.update(last_success_at=utcnow()).where(
                PushSubscription.id == device.id).execute()
        except WebPushException as error:
            status = error.response.status_code if error.response is not None else None
            if status in (404, 410):
                device.delete_instance()  # unsubscribed, or the subscription expired
            log.warning("push to a device of user %s failed: %s", user.id, status)
        except RequestException as error:  # its push service could not be reached: try later
            unreachable = error
            log.warning("push to a device of user %s failed: %s", user.id, type(error).__name__)
    if not delivered and unreachable is not None:
        raise unreachable
    if not delivered:
        raise NoDevice("no device took the notification")


def action_token(secret_key, habit, day, value):
    """A signed, single-use, expiring token that logs `day` done for the habit. It names the
    habit's uuid as well as the row: a row id can come back on SQLite, a uuid never."""
    row = ActionToken.create(habit=habit, day=day, value=value,
                             expires_at=utcnow() + ACTION_LIFETIME)
    return URLSafeSerializer(secret_key, salt="action").dumps([row.id, str(habit.uuid)])


def later_payload(config, reminder, day, done_token=None, words=None):
    """A notification's "Later" (issue 27): `later`, the URL the service worker posts a choice to
    (30m, 1h, evening), and `page`, the page a tap opens where a browser shows no action buttons
    (Safari on iOS), with Later's choices and, given the token of its Done, Done."""
    token = snooze_token(config["SECRET_KEY"], reminder, day)
    page = f"/api/v1/later/{token}" + (f"?done={done_token}" if done_token else "")
    words = words or i18n.words_for(reminder.user)
    return {"later": {"title": words.pgettext("notification action", "Later"),
                      "url": links.absolute(f"/api/v1/snooze/{token}", config, reminder.user_id)},
            "page": links.absolute(page, config, reminder.user_id)}
