"""The dispatcher's webhook part: each pass records the weekly summaries that became ready and
sends the outbox (server/store/webhook_events.py), exactly once whatever number of dispatchers
run, as reminders are: a message is claimed by moving it to `sending` in one conditional
statement, which one dispatcher wins. A failed send is retried with exponential back-off (1, 2,
4 … minutes), at most MAX_ATTEMPTS times; the last outcome is kept on the webhook."""
import datetime
import logging
import time
import uuid

from peewee import OP, Expression, Value

from ..db import database
from ..domain.weekly import week_containing
from ..models import Habit, User, Webhook, WebhookMessage
from ..store import weekly
from ..store.common import day_of, week_start_day
from ..store.webhook_events import habit_facts
from ..store.webhooks import record_outcome
from .webhooks import deliver

log = logging.getLogger(__name__)
BATCH = 100
PASS_SECONDS = 30  # of sending in one pass (a receiver may take TIMEOUT to answer)
MAX_ATTEMPTS = 8  # the last about two hours after the first
BACKOFF = datetime.timedelta(minutes=1)
STALLED_AFTER = datetime.timedelta(minutes=10)  # a claim left "sending" this long was abandoned
KEEP = datetime.timedelta(days=7)  # finished messages are forgotten after this
WEEK = datetime.timedelta(days=7)
UTC = datetime.timezone.utc
DUE_STATUSES = ("pending", "failed")
FINISHED = ("sent", "given_up", "refused")


def naive(instant):
    return instant.astimezone(UTC).replace(tzinfo=None)


def webhook_pass(config, now):
    """Record the summaries that are ready and send what is due at `now`: {status: count},
    keys prefixed "webhook_", empty when there was nothing to do."""
    counts = {}
    try:
        for status in [summaries_ready(now)] + send_due(config, now):
            if status:
                counts[f"webhook_{status}"] = counts.get(f"webhook_{status}", 0) + 1
        if counts:  # a pass with nothing to send writes nothing either
            WebhookMessage.delete().where(WebhookMessage.status.in_(FINISHED),
                                          WebhookMessage.updated_at < naive(now - KEEP)).execute()
    except Exception:  # noqa: BLE001 - the reminders' pass still counts (and its heartbeat)
        log.exception("the webhook part of a pass failed; the next pass goes on from here")
    return counts


def send_due(config, now):
    """Claim and send the due messages, oldest first, for at most PASS_SECONDS (slow receivers
    must not hold the reminders of the next pass back): the status of each."""
    started, statuses = time.monotonic(), []
    stalled = naive(now - STALLED_AFTER)
    due = list(WebhookMessage.select(WebhookMessage, Webhook).join(Webhook).where(
        (WebhookMessage.status.in_(DUE_STATUSES) & (WebhookMessage.next_at <= naive(now))) |
        ((WebhookMessage.status == "sending") & (WebhookMessage.updated_at < stalled)))
        .order_by(WebhookMessage.next_at, WebhookMessage.id).limit(BATCH))
    for message in due:
        if time.monotonic() - started > PASS_SECONDS:
            break  # the rest wait for the next pass, a minute on
        statuses.append(send_claimed(config, message, now) if claim(message, now) else "taken")
    return statuses


def claim(message, now):
    """Move the message to sending if it is still as it was read: one dispatcher wins."""
    return WebhookMessage.update(status="sending", updated_at=naive(now)).where(
        WebhookMessage.id == message.id, WebhookMessage.status == message.status,
        WebhookMessage.attempts == message.attempts,
        WebhookMessage.updated_at == message.updated_at).execute() == 1


def send_claimed(config, message, now):
    """Send a claimed message and record the outcome on it and on its webhook."""
    webhook, attempts = message.webhook, message.attempts + 1
    try:
        status, code, detail = deliver(config, webhook, message.msg_id, message.event,
                                       private_now(message.data), message.created_at)
    except Exception as error:  # noqa: BLE001 - whatever it was, the message is retried
        log.exception("webhook %s: %s", webhook.id, type(error).__name__)
        status, code, detail = "failed", None, "It could not be sent."
    if status == "failed" and attempts >= MAX_ATTEMPTS:
        status = "given_up"
    next_at = naive(now + BACKOFF * 2 ** (attempts - 1)) if status == "failed" else naive(now)
    with database.atomic():
        WebhookMessage.update(status=status, attempts=attempts, next_at=next_at,
                              response_status=code, detail=detail, updated_at=naive(now)).where(
            WebhookMessage.id == message.id).execute()
        record_outcome(webhook, status, detail)
    if status != "sent":
        log.warning("webhook %s %s (attempt %s): %s", webhook.id, status, attempts, detail)
    return status


def private_now(data):
    """The message's data with each habit that is private now marked so, though it was not when
    the event was recorded (made private before a retry): when in doubt, say less."""
    habits = [data["habit"]] if "habit" in data else data.get("habits", [])
    ids = [h["id"] for h in habits if not h.get("private")]
    if not ids:
        return data
    private = set(Habit.shown(Habit.id).where(Habit.id.in_(ids), Habit.private).tuples())
    for habit in habits:
        habit["private"] = habit.get("private") or (habit["id"],) in private
    return data


def summaries_ready(now):
    """Record summary.ready for each webhook that asked for it, once per week that ended since
    it was made: the dispatcher whose conditional update moves `summary_week` on records it."""
    recorded = None
    for hook in Webhook.select(Webhook, User).join(User).where(
            # the text of its JSON list, read as it is stored (no JSON encoding of the pattern)
            Expression(Webhook.events, OP.ILIKE, Value('%"summary.ready"%', converter=False))):
        user = hook.user
        week = week_containing(day_of(now, user), week_start_day(user)) - WEEK
        if hook.summary_week == week:
            continue
        with database.atomic():
            won = Webhook.update(summary_week=week).where(
                Webhook.id == hook.id, Webhook.summary_week.is_null() |
                (Webhook.summary_week != week)).execute()
            made = day_of(hook.created_at.replace(tzinfo=UTC), user)
            if won and made < week + WEEK:  # the webhook was there before the week ended
                record_summary(hook, user, week, now)
                recorded = "summary_ready"
    return recorded


def record_summary(hook, user, week, now):
    """The summary of the week that ended, as a message: totals, each habit's progress (named
    discreetly where it is sent) and the link to the week in the app."""
    summary = weekly.summary_of_week(user, week)
    private = {h.id: h for h in weekly.habit_rows(user)}
    habits = [{**habit_facts(private[row["habit_id"]]), "scheduled": row["scheduled"],
               "done": row["done"], "rate": row["rate"]}
              for row in summary["habits"] if row["habit_id"] in private]
    totals = summary["totals"]
    data = {"week_start": str(summary["week_start"]), "week_end": str(summary["week_end"]),
            "totals": {k: totals[k] for k in ("scheduled", "done", "rate")},
            "mood_average": summary["mood"]["average"], "habits": habits}
    WebhookMessage.insert(webhook=hook.id, msg_id=f"msg_{uuid.uuid4().hex}",
                          event="summary.ready", data=data,
                          once_key=f"summary.ready:{week.isoformat()}",
                          created_at=naive(now), next_at=naive(now),
                          updated_at=naive(now)).on_conflict_ignore().execute()
