"""Check-ins and reflections written in bulk: the store's path for imports, beside
store/checkins.py's for single writes and batch replays. A Loop backup holds years of days, and
one store call a day would take minutes; each check-in still passes the same rule
(checkins.merged_checkin), and the start date, the cache revision and the tombstones are kept
right as a single write keeps them.

A new habit's days are rows to insert (`new_rows`), written by importers/runs.py in short
batches. An existing habit's are compared with what it holds (`changes_of`) before the import's
last transaction, without holding the write lock, and written in it conditionally
(`write_changes`): a day the user logged or changed meanwhile keeps what they wrote."""
import dataclasses

from marshmallow import ValidationError
from peewee import PostgresqlDatabase, fn

from ..clock import utcnow
from ..db import database
from ..models import Checkin, CheckinTombstone, Habit, Reflection, ReflectionTombstone
from .checkins import merged_checkin
from .common import EPOCH

CHUNK = 500  # rows a statement: well under SQLite's limit of bound variables
CHANGED = ("status", "value", "note", "acted_at", "updated_at")


@dataclasses.dataclass
class Changes:
    """What an import does to one existing habit's days: rows to insert, and (id, updated_at
    seen, fields) of rows to update."""
    rows: list
    updates: list


def valid_days(habit, wanted, today, plan, stored=None):
    """(day, fields) of `wanted` (date -> fields) that fit the habit, merged with `stored`
    (date -> row) as a PUT would merge them; the others are named in the plan's warnings."""
    stored = stored or {}
    left_out, reason = 0, None
    for day in sorted(wanted):
        if not EPOCH <= day <= today:
            plan.warn("Days before 1970 or after today were left out.")
            continue
        try:
            yield day, merged_checkin(habit, stored.get(day), wanted[day])
        except ValidationError as err:
            left_out += 1
            reason = reason or next(iter(err.messages.values()))[0]
    if left_out:
        plan.warn(f"{left_out} check-in(s) of “{habit.name}” did not fit the habit and were "
                  f"left out ({reason})")


def new_rows(user, habit, wanted, today, plan):
    """The rows of a new habit's check-ins."""
    now = utcnow()
    return [{"user": user.id, "habit": habit.id, "day": day, "acted_at": now, "updated_at": now,
             **fields} for day, fields in valid_days(habit, wanted, today, plan)]


def changes_of(user, habit, wanted, today, plan):
    """The Changes `wanted` makes to an existing habit's check-ins. Days the file does not name
    are kept: they may have been logged in Orbit since."""
    stored = {c.day: c for c in Checkin.select(
        Checkin.id, Checkin.day, Checkin.status, Checkin.value, Checkin.note,
        Checkin.updated_at).where(Checkin.habit == habit).namedtuples()}  # light rows
    now = utcnow()
    changes = Changes([], [])
    for day, fields in valid_days(habit, wanted, today, plan, stored):
        row = stored.get(day)
        if row is None:
            changes.rows.append({"user": user.id, "habit": habit.id, "day": day,
                                 "acted_at": now, "updated_at": now, **fields})
        elif (row.status, row.value, row.note) != (fields["status"], fields["value"],
                                                   fields["note"]):
            changes.updates.append((row.id, row.updated_at,
                                    {**fields, "acted_at": now, "updated_at": now}))
    return changes


def write_changes(habit, changes):
    """Write an existing habit's Changes, each row only if nobody wrote that day since they were
    read; (created, updated). The habit's row is held (the import's last transaction)."""
    created = insert_rows(Checkin, changes.rows, skip_existing=True)
    updated = update_rows(changes.updates)
    if created:  # a day deleted earlier is written again: forget the deletion
        forget_deletions(CheckinTombstone, CheckinTombstone.habit == habit,
                         [row["day"] for row in changes.rows])
    if created or updated:
        earliest = Checkin.select(fn.MIN(Checkin.day)).where(Checkin.habit == habit).scalar()
        habit.start_date = min(habit.set_start_date, earliest)
        # Past days changed: every cached state of the habit is stale (checkpoints.py).
        Habit.update(start_date=habit.start_date, revision=Habit.revision + 1).where(
            Habit.id == habit.id).execute()
    return created, updated


def write_reflections(user, wanted, today, plan):
    """Create or update the user's reflections of `wanted` (date -> {mood, note}); (created,
    updated)."""
    existing = {r.day: r for r in Reflection.select().where(Reflection.user == user)}
    now = utcnow()
    rows, changes = [], []
    for day in sorted(wanted):
        if not EPOCH <= day <= today:
            plan.warn("Days before 1970 or after today were left out.")
            continue
        mood, note = wanted[day]["mood"], wanted[day].get("note", "")
        stored = existing.get(day)
        if stored is None:
            rows.append({"user": user.id, "day": day, "mood": mood, "note": note,
                         "acted_at": now, "updated_at": now})
        elif (stored.mood, stored.note) != (mood, note):
            changes.append((stored, mood, note))
    insert_rows(Reflection, rows)
    for stored, mood, note in changes:
        Reflection.update(mood=mood, note=note, acted_at=now, updated_at=now).where(
            Reflection.id == stored.id).execute()
    if rows:
        forget_deletions(ReflectionTombstone, ReflectionTombstone.user == user,
                         [row["day"] for row in rows])
    return len(rows), len(changes)


def forget_deletions(tombstones, scope, days):
    """Remove the tombstones of `days` in `scope`: those days hold a row again."""
    if not tombstones.select().where(scope).exists():
        return
    for first in range(0, len(days), CHUNK):
        tombstones.delete().where(scope, tombstones.day.in_(days[first:first + CHUNK])).execute()


def quoted(name):
    db = database.obj
    return f"{db.quote[0]}{name}{db.quote[1]}"


def insert_rows(model, rows, skip_existing=False):
    """Insert rows (dicts of the same fields, defaults filled in) with one prepared statement;
    how many were inserted. `skip_existing`: a row whose unique key is taken is left out.
    Peewee's insert_many builds its SQL value by value: most of a big import's time went there."""
    if not rows:
        return 0
    meta = model._meta
    missing = [f for f in meta.sorted_fields if f.name not in rows[0] and f.default is not None]
    fields = [meta.fields[name] for name in rows[0]] + missing
    db = database.obj
    values = [[field.db_value(row[field.name]) for field in fields[:len(rows[0])]]
              + [field.db_value(field.default()) if callable(field.default) else field.default
                 for field in missing] for row in rows]
    columns = ", ".join(quoted(field.column_name) for field in fields)
    sql = f"INSERT INTO {quoted(meta.table_name)} ({columns}) VALUES "
    tail = " ON CONFLICT DO NOTHING" if skip_existing else ""
    cursor = db.cursor()
    if isinstance(db, PostgresqlDatabase):  # one round trip a page, not a row
        from psycopg2.extras import execute_values
        return len(execute_values(cursor, sql + "%s" + tail + " RETURNING 1", values,
                                  page_size=CHUNK, fetch=True))
    cursor.executemany(sql + f"({', '.join([db.param] * len(fields))})" + tail, values)
    return cursor.rowcount


def update_rows(updates):
    """Update check-ins (id, updated_at seen, fields), each only if its updated_at is still the
    one seen; how many were."""
    if not updates:
        return 0
    db = database.obj
    meta = Checkin._meta
    sets = ", ".join(f"{quoted(meta.fields[name].column_name)} = {db.param}" for name in CHANGED)
    sql = (f"UPDATE {quoted(meta.table_name)} SET {sets} "
           f"WHERE {quoted('id')} = {db.param} AND {quoted('updated_at')} = {db.param}")
    values = [[meta.fields[name].db_value(fields[name]) for name in CHANGED]
              + [checkin_id, Checkin.updated_at.db_value(seen)]
              for checkin_id, seen, fields in updates]
    cursor = db.cursor()
    cursor.executemany(sql, values)
    return cursor.rowcount
