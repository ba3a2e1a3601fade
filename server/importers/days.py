"""Check-ins and reflections of an import, written in bulk: a Loop backup holds years of days,
and one store call a day would take minutes. Each check-in still passes the store's own rules
(store.checkins.merged_checkin); the start date, the cache revision and the tombstones are kept
right as the store keeps them on a single write."""
from marshmallow import ValidationError
from peewee import PostgresqlDatabase

from ..clock import utcnow
from ..db import database
from ..models import Checkin, CheckinTombstone, Habit, Reflection, ReflectionTombstone
from ..store.checkins import merged_checkin
from .plan import EPOCH

CHUNK = 500  # rows a statement: well under SQLite's limit of bound variables


def write_checkins(user, habit, wanted, today, plan):
    """Create or update the habit's check-ins of `wanted` (date -> fields); (created, updated).
    Days the file does not name are kept: they may have been logged in Orbit since."""
    existing = {c.day: c for c in Checkin.select(
        Checkin.id, Checkin.day, Checkin.status, Checkin.value, Checkin.note).where(
        Checkin.habit == habit).namedtuples()}  # light rows: a decade is 100,000 of them
    now = utcnow()
    rows, changes, left_out, reason = [], [], 0, None
    for day in sorted(wanted):
        if not EPOCH <= day <= today:
            plan.warn("Days before 1970 or after today were left out.")
            continue
        stored = existing.get(day)
        try:
            fields = merged_checkin(habit, stored, wanted[day])
        except ValidationError as err:
            left_out += 1
            reason = reason or next(iter(err.messages.values()))[0]
            continue
        if stored is None:
            rows.append({"user": user.id, "habit": habit.id, "day": day, "acted_at": now,
                         "updated_at": now, **fields})
        elif (stored.status, stored.value, stored.note) != (
                fields["status"], fields["value"], fields["note"]):
            changes.append((stored, fields))
    if left_out:
        plan.warn(f"{left_out} check-in(s) of “{habit.name}” did not fit the habit and were "
                  f"left out ({reason})")
    insert_rows(Checkin, rows)
    for stored, fields in changes:
        Checkin.update(acted_at=now, updated_at=now, **fields).where(
            Checkin.id == stored.id).execute()
    if rows and existing:  # a day deleted earlier is written again: forget the deletion
        forget_deletions(CheckinTombstone, CheckinTombstone.habit == habit,
                         [row["day"] for row in rows])
    if rows or changes:
        earliest = min([*existing, *(row["day"] for row in rows)])
        habit.start_date = min(habit.set_start_date, earliest)
        # Past days changed: every cached state of the habit is stale (store/summaries.py).
        Habit.update(start_date=habit.start_date, revision=Habit.revision + 1).where(
            Habit.id == habit.id).execute()
    return len(rows), len(changes)


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


def insert_rows(model, rows):
    """Insert rows (dicts of the same fields, defaults filled in) with one prepared statement.
    Peewee's insert_many builds its SQL value by value: most of a big import's time went there."""
    if not rows:
        return
    meta = model._meta
    missing = [f for f in meta.sorted_fields if f.name not in rows[0] and f.default is not None]
    fields = [meta.fields[name] for name in rows[0]] + missing
    db = database.obj
    values = [[field.db_value(row[field.name]) for field in fields[:len(rows[0])]]
              + [field.db_value(field.default()) if callable(field.default) else field.default
                 for field in missing] for row in rows]
    def quoted(name):
        return f"{db.quote[0]}{name}{db.quote[1]}"
    columns = ", ".join(quoted(field.column_name) for field in fields)
    sql = f"INSERT INTO {quoted(meta.table_name)} ({columns}) VALUES "
    cursor = db.cursor()
    if isinstance(db, PostgresqlDatabase):  # one round trip a page, not a row
        from psycopg2.extras import execute_values
        execute_values(cursor, sql + "%s", values, page_size=CHUNK)
    else:
        cursor.executemany(sql + f"({', '.join([db.param] * len(fields))})", values)
