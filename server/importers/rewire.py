"""Rewire and Tickmate databases, the two other apps' files Loop Habit Tracker imports: Rewire's
habits with their schedules, done days, skips, notes and reminder; Tickmate's tracks and ticks."""
import collections
import datetime

from .plan import DESCRIPTION_MAX, NOTE_MAX, HabitPlan, Plan, ReminderPlan, clipped, habit_name
from .plan import pace, refuse
from .sqlite_files import checked, columns, opened, read, require, tables, text, whole

REWIRE_DONE, REWIRE_SKIPPED = 2, 3  # 1 is a missed day: not a check-in
PERIOD_DAYS = (7, 31, 365)  # Rewire's "n days a week / month / year"
LONG = (-2**63, 2**63 - 1)  # Android's row ids
# What each app writes in the columns read here (Java ints and longs, strings; NULL where its
# schema allows it). Every row is checked against it before it is read, so text or a blob where
# the app writes a number (or the reverse) is a 422 naming the column, never a 500.
REWIRE_HABIT_KINDS = {
    "_id": whole(False, *LONG), "Order_num": whole(), "Name": text(False), "description": text(),
    "active_days": text(), "archived": whole(), "schedule": whole(), "days": whole(),
    "period": whole(), "repeating_count": whole(), "start_date": text()}
REWIRE_CHECKIN_KINDS = {"_id": whole(True, *LONG), "Habit_id": whole(False, *LONG),
                        "date": text(False), "type": whole(False), "note": text()}
REWIRE_REMINDER_KINDS = {"_id": whole(True, *LONG), "habit_id": whole(True, *LONG),
                         "time": whole(), "active_days": text()}
TRACK_KINDS = {"_id": whole(False, *LONG), "name": text(False), "description": text(False),
               "enabled": whole(False), "multiple_entries_per_day": whole(), "order": whole()}
TICK_KINDS = {"_id": whole(True, *LONG), "_track_id": whole(True, *LONG), "year": whole(),
              "month": whole(), "day": whole()}


def is_rewire(names):
    return {"checkins", "unit"} <= names


def is_tickmate(names):
    return {"tracks", "track2groups"} <= names


def rewire_date(value):
    """Rewire's "YYYYMMDD", or None."""
    try:
        return datetime.datetime.strptime(str(value), "%Y%m%d").date()
    except ValueError:
        return None


def read_rewire(data):
    """The Plan of a Rewire backup (bytes)."""
    plan = Plan("rewire")
    with opened(data, "a Rewire backup") as db:
        if not is_rewire(tables(db)):
            refuse("This SQLite database is not a Rewire backup.")
        require(db, "Habits", REWIRE_HABIT_KINDS, "Rewire")
        wanted = [c for c in ("_id", "note") if c in columns(db, "CHECKINS")]
        checkins, more = {}, "".join(", " + c for c in wanted)
        for row in checked(read(db, f"SELECT habit_id, date, type{more} FROM CHECKINS "
                                    "ORDER BY date"), "CHECKINS", REWIRE_CHECKIN_KINDS, "Rewire",
                           "_id"):
            checkins.setdefault(row["habit_id"], []).append(row)
        reminders = {row["habit_id"]: row for row in checked(
            read(db, "SELECT _id, habit_id, time, active_days FROM REMINDERS ORDER BY _id DESC"),
            "REMINDERS", REWIRE_REMINDER_KINDS, "Rewire", "_id")}
        for row in checked(read(db, "SELECT * FROM Habits ORDER BY Order_num, _id"), "Habits",
                           REWIRE_HABIT_KINDS, "Rewire", "_id"):
            habit = rewire_habit(plan, row)
            habit.checkins = rewire_checkins(plan, habit, checkins.get(row["_id"], []))
            plan.habits.append(habit)
            reminder = rewire_reminder(reminders.get(row["_id"]), habit.key)
            if reminder:
                plan.reminders.append(reminder)
    return plan


def rewire_weekdays(value):
    """Rewire's "0,3,6" (Sunday = 0) as Orbit's weekdays (Monday = 0)."""
    try:
        return sorted({(int(d) + 6) % 7 for d in str(value or "").split(",") if d.strip()})
    except ValueError:
        return []


def rewire_habit(plan, row):
    name = habit_name(plan, row["name"])
    schedule_type, days = row["schedule"], rewire_weekdays(row["active_days"])
    if schedule_type == 0 and days:
        schedule = {"type": "daily"} if len(days) == 7 else {"type": "weekdays", "days": days}
    elif schedule_type == 1 and row["period"] in (0, 1, 2):
        schedule = pace(plan, name, row["days"] or 1, PERIOD_DAYS[row["period"]])
    elif schedule_type == 2:
        schedule = pace(plan, name, 1, row["repeating_count"] or 1)
    else:
        plan.warn(f"“{name}” had a schedule Orbit does not know; it is daily now.")
        schedule = {"type": "daily"}
    fields = {"name": name, "description": clipped(plan, row["description"], DESCRIPTION_MAX,
                                                   f"The description of “{name}”"),
              "kind": "build", "measure": "check", "schedule": schedule,
              "archived": bool(row["archived"])}
    return HabitPlan(key=f"id:{row['_id']}", fields=fields, start_date=rewire_date(
        row["start_date"]))


def rewire_checkins(plan, habit, rows):
    checkins = {}
    for row in rows:
        day = rewire_date(row["date"])
        if day is None or row["type"] not in (REWIRE_DONE, REWIRE_SKIPPED):
            continue
        entry = {"status": "done" if row["type"] == REWIRE_DONE else "skipped"}
        note = row["note"] if "note" in row.keys() else None
        if note and note.strip():
            entry["note"] = clipped(plan, note, NOTE_MAX, f"A note of “{habit.fields['name']}”")
        checkins[day] = entry
    return checkins


def rewire_reminder(row, habit_key):
    """Rewire's reminder: minutes after midnight, on its active days."""
    if row is None or not row["time"] or not 0 < row["time"] < 1440:
        return None
    days = rewire_weekdays(row["active_days"])
    if not days:
        return None
    return ReminderPlan(key=f"reminder:{habit_key}", habit_key=habit_key, fields={
        "target": "habit", "time": f"{row['time'] // 60:02d}:{row['time'] % 60:02d}",
        "days": days})


def read_tickmate(data):
    """The Plan of a Tickmate backup (bytes): daily check habits, or count habits (times a day)
    for tracks that take several ticks a day."""
    plan = Plan("tickmate")
    with opened(data, "a Tickmate backup") as db:
        if not is_tickmate(tables(db)):
            refuse("This SQLite database is not a Tickmate backup.")
        require(db, "tracks", ("_id", "name", "description"), "Tickmate")
        track_columns = columns(db, "tracks")
        tick_id = "_id, " if "_id" in columns(db, "ticks") else ""
        ticks = collections.defaultdict(collections.Counter)  # track -> (y, m, d) -> ticks
        for tick in checked(read(db, f"SELECT {tick_id}_track_id, year, month, day FROM ticks"),
                            "ticks", TICK_KINDS, "Tickmate", "_id"):
            ticks[tick["_track_id"]][tick["year"], tick["month"], tick["day"]] += 1
        order = '"order", ' if "order" in track_columns else ""
        for row in checked(read(db, f"SELECT * FROM tracks ORDER BY {order}_id"), "tracks",
                           TRACK_KINDS, "Tickmate", "_id"):
            plan.habits.append(tickmate_habit(plan, row, track_columns, ticks.get(row["_id"], {})))
    return plan


def tickmate_habit(plan, row, track_columns, ticks):
    """A track as a habit; `ticks`: how many it has on each (year, month from 0, day)."""
    name = habit_name(plan, row["name"])
    several = "multiple_entries_per_day" in track_columns and bool(row["multiple_entries_per_day"])
    fields = {"name": name, "description": clipped(plan, row["description"], DESCRIPTION_MAX,
                                                   f"The description of “{name}”"),
              "kind": "build", "schedule": {"type": "daily"},
              "archived": "enabled" in track_columns and not row["enabled"]}
    if several:
        fields.update(measure="count", unit="times", target=1.0)
        plan.warn(f"“{name}” took several ticks a day: it counts them now (done at 1 or more).")
    else:
        fields.update(measure="check")
    checkins = {}
    for (year, month, day_of_month), n in ticks.items():
        try:  # Tickmate counts months from 0; None where its schema allows it
            day = datetime.date(year, month + 1, day_of_month)
        except (TypeError, ValueError, OverflowError):
            plan.warn(f"Ticks of “{name}” on impossible dates were left out.")
            continue
        checkins[day] = {"status": "done", "value": float(n)} if several else {"status": "done"}
    return HabitPlan(key=f"id:{row['_id']}", fields=fields, checkins=checkins)
