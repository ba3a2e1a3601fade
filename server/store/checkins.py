"""Check-ins: the one write path (PUT, DELETE and batch replays all come through here)."""
import datetime

from marshmallow import ValidationError
from peewee import fn

from .. import domain
from ..db import database
from ..errors import ApiError, validation_error_body
from ..models import Checkin, CheckinTombstone, Habit, utcnow
from . import summaries
from .common import EPOCH, local_today
from .habits import attach_rules, lock_habit
from .specs import habit_spec


def check_day(user, day):
    """Check-ins and reflections exist from 1970-01-01 to the user's today, never later."""
    if not EPOCH <= day <= local_today(user):
        raise ValidationError({"date": ["Dates run from 1970-01-01 to today; the future "
                                        "cannot be logged yet."]})


def merged_checkin(habit, stored, data):
    """The check-in after this write: given fields replace, the others are kept (PRODUCT.md)."""
    quit = habit.kind == "quit"
    status = data.get("status", stored.status if stored else ("slip" if quit else "done"))
    value = data["value"] if "value" in data else (stored.value if stored else None)
    note = data["note"] if "note" in data else (stored.note if stored else "")
    if quit:
        if status != "slip":
            raise ValidationError({"status": ["Quit habits take `slip` only; they cannot be "
                                              "skipped."]})
        value = 1.0 if value is None else value
    elif status == "slip":
        raise ValidationError({"status": ["Build habits take `done` or `skipped`."]})
    elif habit.measure == "check":
        if value is not None:
            raise ValidationError({"value": ["A check habit takes no value."]})
    elif status == "done" and value is None:
        raise ValidationError({"value": [f"How many {habit.unit or habit.measure}? "
                                         "A value is required (0 is allowed)."]})
    return {"status": status, "value": value, "note": note}


def put_checkin(user, habit, day, data, client_time=None):
    """Create or update the habit's check-in of `day`; returns (checkin, created).

    With `client_time` (a replay from a device), a write older than the stored one, or than the
    day's deletion, changes nothing (and the check-in is None when there is none).
    """
    check_day(user, day)
    acted_at = as_naive_utc(client_time) if client_time else utcnow()
    with database.atomic():
        # The merge of kept fields, the client_time comparison and the start date below read what
        # the previous writer committed, and write before the next one reads (db.locked).
        lock_habit(habit)
        stored = Checkin.get_or_none(Checkin.habit == habit, Checkin.day == day)
        if client_time:
            newer = (stored.acted_at if stored else
                     deleted_at(CheckinTombstone, habit=habit, day=day))
            if newer is not None and acted_at < newer:
                return (with_done(habit, stored) if stored else None), False
        fields = merged_checkin(habit, stored, data)
        now = utcnow()
        created = stored is None
        if created:
            stored = Checkin.create(user=user, habit=habit, day=day, acted_at=acted_at,
                                    updated_at=now, **fields)
            CheckinTombstone.delete().where(CheckinTombstone.habit == habit,
                                            CheckinTombstone.day == day).execute()
        else:
            Checkin.update(acted_at=acted_at, updated_at=now, **fields).where(
                Checkin.id == stored.id).execute()
            stored.__data__.update(acted_at=acted_at, updated_at=now, **fields)
        if day < habit.start_date:  # the habit now starts earlier: every cached state is off
            move_start(habit, day)
        else:
            summaries.history_changed(user, habit, day)
    return with_done(habit, stored), created


def delete_checkin(user, habit, day, client_time=None):
    """Delete the check-in of `day` if any. The start date is derived (PRODUCT.md): deleting the
    check-in that moved it back moves it forward again, to the set date or the next check-in."""
    acted_at = as_naive_utc(client_time) if client_time else utcnow()
    with database.atomic():
        lock_habit(habit)
        query = Checkin.delete().where(Checkin.habit == habit, Checkin.day == day)
        if client_time:
            query = query.where(Checkin.acted_at <= acted_at)
        deleted = query.execute()
        if deleted or not Checkin.select().where(Checkin.habit == habit,
                                                 Checkin.day == day).exists():
            mark_deleted(CheckinTombstone, acted_at, habit=habit, day=day)
        if not deleted:
            return
        if day == habit.start_date < habit.set_start_date:
            earliest = Checkin.select(fn.MIN(Checkin.day)).where(Checkin.habit == habit).scalar()
            move_start(habit, min(habit.set_start_date, earliest or habit.set_start_date))
        else:
            summaries.history_changed(user, habit, day)


def move_start(habit, day):
    """The habit's effective start date is now `day`: every cached state is off."""
    Habit.update(start_date=day, revision=Habit.revision + 1).where(Habit.id == habit.id).execute()
    habit.start_date = day


def deleted_at(tombstones, **key):
    """When the row of `key` was last deleted (naive UTC), or None."""
    row = tombstones.get_or_none(*[getattr(tombstones, k) == v for k, v in key.items()])
    return row.acted_at if row else None


def mark_deleted(tombstones, acted_at, **key):
    """Record a deletion at `acted_at`, keeping the newest (the caller holds the row's lock)."""
    before = deleted_at(tombstones, **key)
    if before is None:
        tombstones.create(acted_at=acted_at, **key)
    elif acted_at > before:
        tombstones.update(acted_at=acted_at).where(
            *[getattr(tombstones, k) == v for k, v in key.items()]).execute()


def checkins_between(habit, start, end):
    """The habit's check-ins from start to end, oldest first, each with `done`."""
    rows = (Checkin.select().where(Checkin.habit == habit, Checkin.day.between(start, end))
            .order_by(Checkin.day))
    spec = habit_spec(habit)
    return [with_done(habit, row, spec) for row in rows]


def with_done(habit, checkin, spec=None):
    """Attach the derived `done` (PRODUCT.md "Done and kept") for dumping."""
    spec = spec or habit_spec(habit)
    checkin.done = domain.is_done(spec, domain.Entry(checkin.day, checkin.status, checkin.value),
                                  checkin.day)
    return checkin


def as_naive_utc(instant):
    """An aware instant as the naive UTC the database stores."""
    return instant.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def run_batch(user, items, load_item, dump_checkin):
    """Apply batch items one by one; each succeeds or fails alone (API.md)."""
    loaded, results = [], []
    for raw in items:
        try:
            loaded.append(load_item(raw))
        except ValidationError as err:
            loaded.append(err)
    ids = {item["habit_id"] for item in loaded if isinstance(item, dict)}
    habits = {h.id: h for h in attach_rules(list(
        Habit.select().where(Habit.user == user, Habit.id.in_(list(ids)))))} if ids else {}
    for item in loaded:
        try:
            if isinstance(item, ValidationError):
                raise item  # reported like the failures of applying an item, below
            results.append({"ok": True, "checkin": dump_checkin(apply_item(user, habits, item))})
        except ValidationError as err:
            results.append({"ok": False, "error": validation_error_body(err)})
        except ApiError as err:
            results.append({"ok": False, "error": {"code": err.error_code,
                                                   "message": err.description}})
    return results


def apply_item(user, habits, item):
    """Apply one loaded batch item; the check-in after it (None once deleted)."""
    habit = habits.get(item["habit_id"])
    if habit is None:
        raise ValidationError({"habit_id": ["Unknown habit."]})
    fields = {k: item[k] for k in ("status", "value", "note") if k in item}
    if item["op"] == "delete":
        check_day(user, item["date"])
        delete_checkin(user, habit, item["date"], item.get("client_time"))
        stored = Checkin.get_or_none(Checkin.habit == habit, Checkin.day == item["date"])
        return with_done(habit, stored) if stored else None
    return put_checkin(user, habit, item["date"], fields, item.get("client_time"))[0]
