"""Check-ins: the one write path (PUT, DELETE and batch replays here; imports through
checkins_bulk.py, judged by the same merged_checkin)."""
import datetime

from marshmallow import ValidationError
from peewee import JOIN, fn

from ..clock import utcnow
from .. import domain
from ..db import database, locked, retry_on_deadlock
from ..errors import ApiError, FieldError, validation_error_body
from ..models import Checkin, CheckinTombstone, Habit, HabitRule
from ..prepared import Prepared, returning_id
from . import checkpoints, webhook_events
from .common import EPOCH, local_today
from .habits import attach_rules, lock_habit
from .specs import habit_spec

# A PUT's reads in one query, built once: the user's habit with its rules (a row per rule, oldest
# first), the day's stored check-in and the day's tombstone (both may be missing). Run once the
# habit's row is held (see lock_day).
HABIT_DAY = Prepared(lambda habit_id, user_id, day: HabitRule.select(
    HabitRule, Habit, Checkin, CheckinTombstone)
    .join(Habit)
    .join(Checkin, JOIN.LEFT_OUTER, on=(Checkin.habit == Habit.id) & (Checkin.day == day))
    .switch(Habit)
    .join(CheckinTombstone, JOIN.LEFT_OUTER,
          on=(CheckinTombstone.habit == Habit.id) & (CheckinTombstone.day == day))
    .where(Habit.id == habit_id, Habit.user == user_id, Habit.import_run.is_null())
    .order_by(HabitRule.effective_from),
    {Habit: "habit", Checkin: "stored", CheckinTombstone: "tombstone"},
    habit_id=int, user_id=int, day=datetime.date)
HOLD_HABIT = Prepared(lambda habit_id, user_id: locked(Habit.shown(Habit.id).where(
    Habit.id == habit_id, Habit.user == user_id)), habit_id=int, user_id=int)
NEXT_REVISION = Prepared(lambda habit_id, user_id: Habit.update(revision=Habit.revision + 1)
                         .where(Habit.id == habit_id, Habit.user == user_id),
                         habit_id=int, user_id=int)
CHECKIN_FIELDS = {"status": str, "value": float, "note": str, "acted_at": datetime.datetime,
                  "updated_at": datetime.datetime}
INSERT_CHECKIN = Prepared(lambda **f: returning_id(Checkin.insert(
    user=f.pop("user_id"), habit=f.pop("habit_id"), day=f.pop("day"), **f), Checkin),
    user_id=int, habit_id=int, day=datetime.date, **CHECKIN_FIELDS)
UPDATE_CHECKIN = Prepared(lambda checkin_id, **f: Checkin.update(**f).where(
    Checkin.id == checkin_id), checkin_id=int, **CHECKIN_FIELDS)
MOVE_START = Prepared(lambda habit_id, day: Habit.update(
    start_date=day, revision=Habit.revision + 1).where(Habit.id == habit_id), habit_id=int,
    day=datetime.date)
DELETE_TOMBSTONE = Prepared(lambda habit_id, day: CheckinTombstone.delete().where(
    CheckinTombstone.habit == habit_id, CheckinTombstone.day == day), habit_id=int,
    day=datetime.date)


def check_day(user, day):
    """Check-ins and reflections exist from 1970-01-01 to the user's today, never later."""
    if not EPOCH <= day <= local_today(user):
        raise ValidationError({"date": [FieldError(
            "Dates run from 1970-01-01 to today; the future cannot be logged yet.",
            "out_of_range", min=EPOCH.isoformat(), max=local_today(user).isoformat())]})


def merged_checkin(habit, stored, data):
    """The check-in after this write: given fields replace, the others are kept (RULES.md)."""
    quit = habit.kind == "quit"
    status = data.get("status", stored.status if stored else ("slip" if quit else "done"))
    value = data["value"] if "value" in data else (stored.value if stored else None)
    note = data["note"] if "note" in data else (stored.note if stored else "")
    if quit:
        if status != "slip":
            raise ValidationError({"status": [FieldError(
                "Quit habits take `slip` only; they cannot be skipped.", "not_allowed")]})
        value = 1.0 if value is None else value
    elif status == "slip":
        raise ValidationError({"status": [FieldError("Build habits take `done` or `skipped`.",
                                                     "not_allowed")]})
    elif habit.measure == "check":
        if value is not None:
            raise ValidationError({"value": [FieldError("A check habit takes no value.",
                                                        "not_allowed")]})
    elif status == "done" and value is None:
        raise ValidationError({"value": [FieldError(
            f"How many {habit.unit or habit.measure}? A value is required (0 is allowed).",
            "required")]})
    return {"status": status, "value": value, "note": note}


@retry_on_deadlock
def put_checkin(user, habit, day, data, client_time=None):
    """Create or update the habit's check-in of `day`; returns (checkin, created). `habit`: a
    habit row, or the id of one of the user's habits (404 when it is not theirs).

    With `client_time` (a replay from a device), a write older than the stored one, or than the
    day's deletion, changes nothing (and the check-in is None when there is none).
    """
    acted_at = as_naive_utc(client_time) if client_time else utcnow()
    with database.atomic():
        # The merge of kept fields, the client_time comparison and the start date below read what
        # the previous writer committed, and write before the next one reads (db.locked). A
        # back-fill moves the revision on as it takes the row (a replay only if it changes).
        bumped = not client_time and checkpoints.is_cached_day(user, day)
        habit, stored, tombstone = lock_day(user, getattr(habit, "id", habit), day, bumped)
        check_day(user, day)  # after the 404: a habit not theirs says nothing about the date
        if client_time:
            newer = stored.acted_at if stored else (tombstone.acted_at if tombstone else None)
            if newer is not None and acted_at < newer:
                return (with_done(habit, stored) if stored else None), False
        fields = merged_checkin(habit, stored, data)
        fields.update(acted_at=acted_at, updated_at=utcnow())
        created = stored is None
        changed = webhook_events.changes(stored, fields)
        if created:
            stored = Checkin(user=user, habit=habit, day=day, **fields)
            stored.id = INSERT_CHECKIN.insert(user_id=user.id, habit_id=habit.id, day=day,
                                              **fields)
            if tombstone:
                DELETE_TOMBSTONE.execute(habit_id=habit.id, day=day)
        else:
            UPDATE_CHECKIN.execute(checkin_id=stored.id, **fields)
            stored.__data__.update(fields)
        if day < habit.start_date:  # the habit now starts earlier: every cached state is off
            move_start(habit, day)
        elif not bumped:
            checkpoints.invalidate_if_cached(user, habit, day)
        if changed:  # told to the user's webhooks in this same transaction
            webhook_events.checkin_logged(user, habit, with_done(habit, stored))
    return with_done(habit, stored), created


def lock_day(user, habit_id, day, bump):
    """Hold the user's habit's row (moving its revision on when `bump`) and read it as committed:
    (the habit with its rules, the day's check-in, its tombstone), the last two None when there is
    none; 404 when the habit is not the user's. The reads come after the row is held, in a
    statement of their own: on PostgreSQL a statement sees what was committed when it began, so a
    join locking the habit as it waits would read the check-in from before the previous writer's
    commit (a lost update). SQLite holds the database from BEGIN on."""
    hold, key = None, {"habit_id": habit_id, "user_id": user.id}
    if bump:
        hold = (NEXT_REVISION, key)
    elif database.obj.for_update:
        hold = (HOLD_HABIT, key)
    rules = HABIT_DAY.rows(hold, day=day, **key)  # one round trip on PostgreSQL
    if not rules:
        raise ApiError(404, "There is no such habit.")
    habit = rules[0].habit
    habit.rules = rules
    return habit, present(rules[0].stored), present(rules[0].tombstone)


def present(joined):
    """The row of an outer join, or None where the join found none (Peewee then leaves a row
    of nulls, or nothing)."""
    return joined if joined is not None and joined.id is not None else None


def delete_checkin(user, habit, day, client_time=None):
    """Delete the check-in of `day` if any. The start date is derived (RULES.md): deleting the
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
        webhook_events.checkin_deleted(user, habit, day)
        if day == habit.start_date < habit.set_start_date:
            earliest = Checkin.select(fn.MIN(Checkin.day)).where(Checkin.habit == habit).scalar()
            move_start(habit, min(habit.set_start_date, earliest or habit.set_start_date))
        else:
            checkpoints.invalidate_if_cached(user, habit, day)


def move_start(habit, day):
    """The habit's effective start date is now `day`: every cached state is off."""
    MOVE_START.execute(habit_id=habit.id, day=day)
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
    """Attach the derived `done` (RULES.md "Check-ins: done, kept, skipped") for dumping."""
    spec = spec or habit_spec(habit)
    checkin.done = domain.is_done(spec, domain.Entry(checkin.day, checkin.status, checkin.value),
                                  checkin.day)
    return checkin


def as_naive_utc(instant):
    """An aware instant as the naive UTC the database stores."""
    return instant.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def run_batch(user, items, load_item, dump_checkin):
    """Apply batch items one by one; each succeeds or fails alone (RULES.md)."""
    loaded, results = [], []
    for raw in items:
        try:
            loaded.append(load_item(raw))
        except ValidationError as err:
            loaded.append(err)
    ids = {item["habit_id"] for item in loaded if isinstance(item, dict)}
    habits = {h.id: h for h in attach_rules(list(
        Habit.shown().where(Habit.user == user, Habit.id.in_(list(ids)))))} if ids else {}
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
        raise ValidationError({"habit_id": [FieldError("Unknown habit.", "not_found")]})
    fields = {k: item[k] for k in ("status", "value", "note") if k in item}
    if item["op"] == "delete":
        check_day(user, item["date"])
        delete_checkin(user, habit, item["date"], item.get("client_time"))
        stored = Checkin.get_or_none(Checkin.habit == habit, Checkin.day == item["date"])
        return with_done(habit, stored) if stored else None
    return put_checkin(user, habit, item["date"], fields, item.get("client_time"))[0]
