"""What reaches the user outside the app: the calendar feed's secret, Apprise targets, and the
reminders an unsubscribe link names. Every query is scoped to the user, or to a secret token."""
import re
import secrets

from ..db import database
from ..errors import ApiError
from ..models import CalendarFeed, Habit, NotifyTarget, Reminder, User

FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def calendar_token_of(user):
    """The user's calendar feed token, or None when there is no feed."""
    row = CalendarFeed.get_or_none(CalendarFeed.user == user)
    return row.token if row else None


def new_calendar_token(user):
    """A new secret for the user's feed; the old one stops working."""
    token = secrets.token_urlsafe(24)
    with database.atomic():
        CalendarFeed.delete().where(CalendarFeed.user == user).execute()
        CalendarFeed.create(user=user, token=token)
    return token


def delete_calendar_token(user):
    """Stop the user's calendar feed."""
    CalendarFeed.delete().where(CalendarFeed.user == user).execute()


def feed_owner(token):
    """The user whose calendar feed `token` opens; 404 for any other string."""
    row = (CalendarFeed.select(CalendarFeed, User).join(User).where(
        CalendarFeed.token == token).first() if FEED_TOKEN.fullmatch(token) else None)
    if row is None:
        raise ApiError(404, "There is no such calendar.")
    return row.user


def habits_by_id(user):
    """Every habit of the user, by id (archived ones too: the feed leaves them out)."""
    return {h.id: h for h in Habit.shown().where(Habit.user == user)}


def reminder_of_uuid(uuid):
    """The reminder an unsubscribe link names (its signed uuid); 404 when it is gone."""
    reminder = Reminder.get_or_none(Reminder.uuid == uuid) if uuid else None
    if reminder is None:
        raise ApiError(404, "This link is not valid (the reminder may be deleted).")
    return reminder


def turn_off(reminder):
    """Turn the reminder off: it is no longer due."""
    Reminder.update(enabled=False, next_fire_at=None).where(Reminder.id == reminder.id).execute()


def targets_of(user):
    """The user's Apprise targets, oldest first."""
    return list(NotifyTarget.select().where(NotifyTarget.user == user).order_by(NotifyTarget.id))


def add_target(user, label, service, url):
    """A new Apprise target of the user."""
    return NotifyTarget.create(user=user, label=label, service=service[:40], url=url)


def target_of(user, target_id):
    """One of the user's Apprise targets; 404 when it is not theirs."""
    target = NotifyTarget.get_or_none(NotifyTarget.id == target_id, NotifyTarget.user == user)
    if target is None:
        raise ApiError(404)
    return target


def delete_target(target):
    """Remove an Apprise target."""
    target.delete_instance()
