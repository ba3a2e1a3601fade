"""The user's webhooks (issue 27): every query scoped to the user. The secret is handed out once,
when the webhook is made."""
from marshmallow import ValidationError

from ..clock import utcnow
from ..db import database, locked
from ..errors import ApiError
from ..models import User, Webhook, WebhookMessage
from ..notify.webhooks import new_secret, url_problem

MAX_WEBHOOKS = 10  # each one is called on every check-in: a few automations, not a fan-out
WORDS = {"missing": "There is no such webhook.",
         "too_many": f"A person can have up to {MAX_WEBHOOKS} webhooks; remove one first."}


def webhooks_of(user):
    """The user's webhooks, oldest first."""
    return list(Webhook.select().where(Webhook.user == user).order_by(Webhook.id))


def webhook_of(user, webhook_id):
    """The user's webhook with this id; 404 when it is not theirs."""
    row = Webhook.get_or_none(Webhook.id == webhook_id, Webhook.user == user)
    if row is None:
        raise ApiError(404, WORDS["missing"])
    return row


def check_url(url, allow_private):
    """A URL the server may call (notify/webhooks.py url_problem), else a 422 naming `url`."""
    problem = url_problem(url, allow_private)
    if problem:
        raise ValidationError({"url": [problem]})


def create_webhook(user, data, allow_private):
    """A new webhook with a secret of its own (on the row this once: `secret`)."""
    check_url(data["url"], allow_private)
    with database.atomic():
        hold_user(user.id)  # two at once cannot both pass the count
        if Webhook.select().where(Webhook.user == user).count() >= MAX_WEBHOOKS:
            raise ApiError(409, WORDS["too_many"])
        row = Webhook.create(user=user, url=data["url"], events=sorted(set(data["events"])),
                             include_private=data.get("include_private", False),
                             secret=new_secret())
        keep_user_events(row.user_id)
    return row


def update_webhook(webhook, data, allow_private):
    """Change the URL, events or discretion; what is waiting to be sent goes to the new URL."""
    if "url" in data:
        check_url(data["url"], allow_private)
    if "events" in data:
        data = data | {"events": sorted(set(data["events"]))}
    if data:
        with database.atomic():
            hold_user(webhook.user_id)
            Webhook.update(**data).where(Webhook.id == webhook.id).execute()
            keep_user_events(webhook.user_id)
        webhook.__data__.update(data)
    return webhook


def delete_webhook(webhook):
    """Remove the webhook and whatever was still waiting to be sent to it."""
    with database.atomic():
        hold_user(webhook.user_id)
        WebhookMessage.delete().where(WebhookMessage.webhook == webhook).execute()
        Webhook.delete().where(Webhook.id == webhook.id).execute()
        keep_user_events(webhook.user_id)


def delete_webhooks_of(user):
    """Remove every webhook of the user and what waited for them (a password change: an intruder
    may have added one to read check-ins), in the caller's transaction."""
    theirs = Webhook.select(Webhook.id).where(Webhook.user == user)
    WebhookMessage.delete().where(WebhookMessage.webhook.in_(theirs)).execute()
    Webhook.delete().where(Webhook.user == user).execute()
    keep_user_events(user.id)


def hold_user(user_id):
    """Hold the user's row until the transaction ends: changes to one user's webhooks take turns,
    each reading what the one before committed (PostgreSQL; SQLite's transactions never
    interleave)."""
    locked(User.select(User.id).where(User.id == user_id), keys_shared=True).execute()


def keep_user_events(user_id):
    """Write on the user the events their webhooks ask for (models/webhooks.py), in the caller's
    transaction, which holds the user's row (hold_user): the last change writes all of them."""
    events = set()
    for (asked,) in Webhook.select(Webhook.events).where(Webhook.user == user_id).tuples():
        events.update(asked)
    User.update(webhook_events=sorted(events) or None).where(User.id == user_id).execute()


def record_outcome(webhook, status, detail):
    """The last delivery's outcome, as the settings screen shows it."""
    now = utcnow()
    Webhook.update(last_status=status, last_detail=detail, last_at=now).where(
        Webhook.id == webhook.id).execute()
    webhook.last_status, webhook.last_detail, webhook.last_at = status, detail, now
