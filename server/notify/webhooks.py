"""Outgoing webhooks: which URLs may be called, what a message says, and sending one signed as
the Standard Webhooks spec says (https://www.standardwebhooks.com/), with the `standardwebhooks`
package: headers webhook-id, webhook-timestamp and webhook-signature ("v1,<HMAC-SHA256>")."""
import base64
import datetime
import json
import secrets
from urllib.parse import urlsplit

import requests
from standardwebhooks import Webhook as Signer

from .outbound import Refused, address_allowed, addresses_of, guarded

# What a webhook may be told of; the user picks any of them.
EVENTS = ("checkin.logged", "checkin.deleted", "day.completed", "summary.ready")
TEST_EVENT = "webhook.test"
PRIVATE_NAME = "Private habit"
TIMEOUT = (4, 8)  # seconds to connect, and to wait for the answer: the dispatcher waits too
USER_AGENT = "Orbit-Webhooks/1"

# What the user is told, in one place (never an error's own text: it can name what is inside).
WORDS = {
    "scheme": "Use an https:// address.",
    "scheme_private": "Use an https:// address (http:// only for one inside this network).",
    "form": "Use a plain web address, like https://example.org/hook.",
    "inside": "This address is inside the server's own network.",
    "http_public": "Use https for an address on the internet.",
    "sent": "Delivered.",
    "answered": "The address answered {status}.",
    "unreachable": "The address could not be reached.",
}


def new_secret():
    """A signing secret as the spec writes it: whsec_ and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def url_problem(url, allow_private=False):
    """Why a webhook URL may not be called (words for the user), or None. https only; http too
    where private addresses are allowed, to an address inside the network only (an http request
    to the internet would be read by anyone on the way). Judged on what the host resolves to
    now: it is judged again at every send, and the sockets themselves are guarded then."""
    if any(c.isspace() or c == "\\" or ord(c) < 32 for c in url):
        return WORDS["form"]
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return WORDS["form"]
    scheme = parts.scheme.lower()
    if scheme not in (("https", "http") if allow_private else ("https",)):
        return WORDS["scheme_private" if allow_private else "scheme"]
    if not parts.hostname or "@" in parts.netloc or parts.fragment:
        return WORDS["form"]
    addresses = addresses_of(parts.hostname)
    if addresses is None:
        return None  # a name that does not resolve: the send fails on its own, and is retried
    if not all(address_allowed(a, allow_private) for a in addresses):
        return WORDS["inside"]
    if scheme == "http" and any(address_allowed(a) for a in addresses):
        return WORDS["http_public"]
    return None


def discreet(value, include_private):
    """The event's data as this webhook may see it: a private habit is "Private habit", with no
    note, unless the user chose to name private habits to this webhook."""
    if isinstance(value, list):
        return [discreet(item, include_private) for item in value]
    if not isinstance(value, dict):
        return value
    if value.get("private") and not include_private:
        value = {k: v for k, v in value.items() if k != "note"} | {"name": PRIVATE_NAME}
    return {k: discreet(v, include_private) for k, v in value.items()}


def body_of(event, data, created_at, include_private):
    """The JSON body, as the spec shapes it: {type, timestamp, data}."""
    stamp = created_at.replace(tzinfo=datetime.timezone.utc).isoformat()
    return json.dumps({"type": event, "timestamp": stamp,
                       "data": discreet(data, include_private)}, separators=(",", ":"))


def signed_headers(secret, msg_id, body):
    """The spec's headers. The timestamp is the real time of sending (the receiver compares it
    with its own clock to refuse replays), whatever clock the app runs on."""
    sent_at = datetime.datetime.now(datetime.timezone.utc)
    return {"webhook-id": msg_id, "webhook-timestamp": str(int(sent_at.timestamp())),
            "webhook-signature": Signer(secret).sign(msg_id, sent_at, body.encode()),
            "Content-Type": "application/json", "User-Agent": USER_AGENT}


def deliver(config, webhook, msg_id, event, data, created_at):
    """Send one message to the webhook: (status, HTTP status or None, words for the user), the
    status sent, failed (worth retrying) or refused (the address is not one to call)."""
    allow_private = config.get("WEBHOOK_PRIVATE", False)
    problem = url_problem(webhook.url, allow_private)
    if problem:
        return "refused", None, problem
    body = body_of(event, data, created_at, webhook.include_private)
    try:
        with guarded(allow_private):
            response = requests.post(webhook.url, data=body.encode(), timeout=TIMEOUT,
                                     headers=signed_headers(webhook.secret, msg_id, body),
                                     allow_redirects=False)  # a redirect could lead inside
            response.close()
    except requests.RequestException as error:
        if refused(error):
            return "refused", None, WORDS["inside"]
        return "failed", None, WORDS["unreachable"]
    if 200 <= response.status_code < 300:
        return "sent", response.status_code, WORDS["sent"]
    return "failed", response.status_code, WORDS["answered"].format(status=response.status_code)


def refused(error):
    """Whether the outbound guard stopped the connection (requests wraps what it raised)."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, Refused):
            return True
        seen.add(id(error))
        reason = getattr(error, "reason", None)  # urllib3's wrapped error (or an SSL reason's text)
        nested = [error.args[0] if error.args else None, reason, error.__cause__,
                  error.__context__]
        error = next((e for e in nested if isinstance(e, BaseException)), None)
    return False
