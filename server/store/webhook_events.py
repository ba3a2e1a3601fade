"""What a write tells the user's webhooks: an outbox row per webhook that asked for the event,
written in the write's own transaction, so an event is recorded exactly when its change is
committed (a rolled-back or retried write records nothing twice). The dispatcher sends them
(server/notify/webhook_dispatch.py).

A write by a user whose webhooks do not ask for its event costs no query: the user's row says
which events their webhooks ask for (User.webhook_events, models/webhooks.py)."""
import uuid

from ..clock import utcnow
from ..models import Webhook, WebhookMessage
from .common import local_today
from .habits import habits_of


def hooks_of(user, *events):
    """The user's webhooks, with the events each asked for, when one asks for any of `events`
    (else none, without asking the database)."""
    if not set(events) & set(user.webhook_events or ()):
        return []
    return list(Webhook.select(Webhook.id, Webhook.events).where(Webhook.user == user.id))


def record(hooks, event, data, once_key=None):
    """One message of `event` for each of `hooks` that asked for it (once per webhook for a
    `once_key`: a second is ignored)."""
    wanted = [h.id for h in hooks if event in h.events]
    if not wanted:
        return 0
    now = utcnow()
    rows = [{"webhook": hook_id, "msg_id": f"msg_{uuid.uuid4().hex}", "event": event,
             "data": data, "once_key": once_key, "created_at": now, "next_at": now,
             "updated_at": now} for hook_id in wanted]
    query = WebhookMessage.insert_many(rows)
    return (query.on_conflict_ignore() if once_key else query).execute()


def habit_facts(habit):
    """A habit as a message names it; `private` makes it "Private habit" where it is sent
    (notify/webhooks.py discreet)."""
    return {"id": habit.id, "name": habit.name, "private": bool(habit.private),
            "kind": habit.kind, "measure": habit.measure, "unit": habit.unit}


def changes(stored, fields):
    """Whether a write changes what the check-in says (a replay of the same one tells nothing)."""
    return stored is None or any(getattr(stored, k) != fields[k]
                                 for k in ("status", "value", "note"))


def checkin_logged(user, habit, checkin):
    """A check-in was created or changed (with `done`): checkin.logged, and day.completed when
    it was the last of today's due habits to be settled."""
    hooks = hooks_of(user, "checkin.logged", "day.completed")
    if not hooks:
        return
    record(hooks, "checkin.logged", {
        "habit": habit_facts(habit) | {"note": checkin.note}, "date": checkin.day.isoformat(),
        "status": checkin.status, "value": checkin.value, "done": checkin.done})
    if checkin.done and any("day.completed" in h.events for h in hooks):
        day_completed(user, hooks, checkin.day)


def checkin_deleted(user, habit, day):
    hooks = hooks_of(user, "checkin.deleted")
    if hooks:
        record(hooks, "checkin.deleted", {"habit": habit_facts(habit), "date": day.isoformat()})


def day_completed(user, hooks, day):
    """Today is complete when every habit due today is done, skipped or paused, as GET /today
    judges them (only today: back-filling an old day completes nothing now). Once per day."""
    if day != local_today(user):
        return
    from .today import items_of  # noqa: PLC0415 - today's module reads check-ins through ours
    habits = [h for h in habits_of(user, "false") if h.start_date <= day]
    due = [item for item in items_of(user, habits, day, day) if item["due"]]
    settled = [item for item in due if item["done"] or item["paused"] or (
        item["checkin"] is not None and item["checkin"].status == "skipped")]
    if due and len(settled) == len(due):
        record(hooks, "day.completed", {"date": day.isoformat(), "habits_due": len(due)},
               once_key=f"day.completed:{day.isoformat()}")
