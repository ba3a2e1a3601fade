"""Loop Habit Tracker backups: Loop's own SQLite database, of any schema version it has written
(12 with ARGB colours and no values, 21 and 22 with numerical habits, 25 with questions, uuids
and notes). Loop stores each day as the UTC midnight of that date in milliseconds."""
import datetime

from .plan import (DESCRIPTION_MAX, NOTE_MAX, UNIT_MAX, VALUE_MAX, HabitPlan, Plan, ReminderPlan,
                   clipped, habit_name, pace, refuse)
from .sqlite_files import checked, columns, number, opened, read, tables, text, whole

# Loop's 20-colour palette (light theme), by index.
PALETTE = ["#d32f2f", "#e64a19", "#f57c00", "#ff8f00", "#f9a825", "#afb42b", "#7cb342",
           "#388e3c", "#00897b", "#00acc1", "#039be5", "#1976d2", "#303f9f", "#5e35b1",
           "#8e24aa", "#d81b60", "#5d4037", "#424242", "#757575", "#9e9e9e"]
DONE, SKIP = 2, 3  # a yes/no habit's values; 0, 1 (implied by the frequency) and -1 are not logged
MINUTES = {"min", "mins", "minute", "minutes"}
EPOCH = datetime.date(1970, 1, 1)
MS_A_DAY = 86_400_000
LONG = (-2**63, 2**63 - 1)
# What Loop writes in each column read here (Java ints, longs, doubles and strings; the oldest
# versions allow NULL, read as Loop's defaults). Every row is checked against it before it is
# read, so text or a blob where Loop writes a number is a 422 naming the column, never a 500.
HABIT_KINDS = {
    "id": whole(False, *LONG), "archived": whole(), "color": whole(), "description": text(),
    "freq_den": whole(), "freq_num": whole(), "name": text(), "position": whole(),
    "reminder_days": whole(), "reminder_hour": whole(), "reminder_min": whole(),
    "type": whole(), "target_type": whole(), "target_value": number(),
    "unit": text(), "question": text(), "uuid": text()}
REPETITION_KINDS = {"id": whole(True, *LONG), "habit": whole(False, *LONG),
                    "timestamp": whole(False, *LONG), "value": whole(False), "notes": text()}


def is_loop(names):
    return {"habits", "repetitions"} <= names


def read_loop(data):
    """The Plan of a Loop backup (bytes)."""
    plan = Plan("loop")
    with opened(data, "a Loop Habit Tracker backup") as db:
        if not is_loop(tables(db)):
            refuse("This SQLite database is not a Loop Habit Tracker backup: it has no Habits "
                   "and Repetitions tables.")
        read_habits(db, plan)
    return plan


def read_habits(db, plan):
    habit_columns, rep_columns = columns(db, "Habits"), columns(db, "Repetitions")
    wanted = [c for c in ("id", "value", "notes") if c in rep_columns]
    repetitions = {}
    for row in checked(read(db, f"SELECT habit, timestamp{''.join(', ' + c for c in wanted)} "
                                "FROM Repetitions ORDER BY timestamp"),
                       "Repetitions", REPETITION_KINDS, "Loop Habit Tracker"):
        repetitions.setdefault(row["habit"], []).append(row)
    for row in checked(read(db, "SELECT * FROM Habits ORDER BY position, id"), "Habits",
                       HABIT_KINDS, "Loop Habit Tracker"):
        habit = habit_plan_of(plan, row, habit_columns)
        habit.checkins = checkins_of(plan, habit, repetitions.get(row["id"], []))
        plan.habits.append(habit)
        reminder = reminder_of(row, habit.key)
        if reminder:
            plan.reminders.append(reminder)


def habit_plan_of(plan, row, habit_columns):
    """One Loop habit as an Orbit habit (without its check-ins)."""
    def get(name, default=None):
        return row[name] if name in habit_columns and row[name] is not None else default

    # Before its uuids (version 24), Loop's ids restart at 0 in every install: with the name,
    # two phones' backups stay apart, and a second import of one finds what the first made.
    key = f"uuid:{get('uuid')}" if get("uuid") else f"id:{row['id']}:{get('name', '')}"
    name = habit_name(plan, get("name", ""))
    # Up to version 22 the question ("Did you work out?") was the description.
    text = "\n\n".join(t.strip() for t in (get("question", ""), get("description", "")) if t and
                       t.strip())
    fields = {"name": name, "description": clipped(plan, text, DESCRIPTION_MAX,
                                                   f"The description of “{name}”"),
              "color": color_of(get("color")), "archived": bool(get("archived", 0))}
    schedule = pace(plan, name, get("freq_num", 1), get("freq_den", 1))
    if get("type", 0) == 1:  # numerical: values ×1000, a target per day
        unit = get("unit", "").strip()
        measure = "minutes" if unit.lower() in MINUTES else "count"
        fields.update(measure=measure, unit="" if measure == "minutes" else clipped(
            plan, unit, UNIT_MAX, f"The unit of “{name}”"))
        target = float(get("target_value", 0))
        if get("target_type", 0) == 1:  # at most: a quit habit with that daily limit
            if schedule["type"] != "daily":
                plan.warn(f"“{name}” counted “at most” over several days; Orbit's quit habits "
                          "count each day, so its limit is now a daily one.")
            fields.update(kind="quit", target=max(0.0, target), schedule={"type": "daily"})
        else:
            if target <= 0:
                plan.warn(f"“{name}” had no target; it is 1 now.")
            fields.update(kind="build", target=target if target > 0 else 1.0, schedule=schedule)
            if schedule["type"] != "daily":
                plan.warn(f"“{name}” is judged day by day in Orbit: each time counts when a day "
                          "reaches the target, where Loop added up the period's values.")
    else:
        fields.update(kind="build", measure="check", schedule=schedule)
    return HabitPlan(key=key, fields=fields)


def checkins_of(plan, habit, rows):
    """A habit's repetitions as check-ins by date (the UTC date of Loop's timestamps)."""
    fields = habit.fields
    numerical, quit = fields["measure"] != "check", fields["kind"] == "quit"
    checkins, lost_notes, lost_skips, too_big = {}, 0, 0, 0
    for row in rows:
        day = day_of(row["timestamp"])
        raw = row["value"] if "value" in row.keys() else DONE  # the oldest: every row is done
        note = (row["notes"] if "notes" in row.keys() else None) or ""
        if raw is None:
            continue
        if numerical and raw not in (SKIP, -SKIP):
            entry = None if raw < 0 else {"status": "slip" if quit else "done",
                                          "value": raw / 1000}
            if entry and entry["value"] > VALUE_MAX:
                too_big, entry = too_big + 1, None
        elif raw in (SKIP, -SKIP):
            entry = None if quit else {"status": "skipped"}
            lost_skips += quit
        else:
            entry = {"status": "done"} if raw == DONE else None
        if day is None:  # beyond the year 9999 (or before year 1): as days.py says of others
            plan.warn("Days before 1970 or after today were left out.")
            continue
        if entry is None:
            lost_notes += bool(note.strip())
            continue
        if note.strip():
            entry["note"] = clipped(plan, note, NOTE_MAX, f"A note of “{fields['name']}”")
        checkins[day] = entry
    if lost_notes:
        plan.warn(f"{lost_notes} note(s) of “{fields['name']}” were on days without a check-in "
                  "and were left out.")
    if lost_skips:
        plan.warn(f"“{fields['name']}” had skipped days: Orbit's quit habits cannot be skipped, "
                  "so those days were left out.")
    if too_big:
        plan.warn(f"{too_big} value(s) of “{fields['name']}” were above {VALUE_MAX:,} and were "
                  "left out.")
    return checkins


def day_of(timestamp):
    """The UTC date of Loop's millisecond timestamp, or None when it is not a date."""
    try:
        return EPOCH + datetime.timedelta(days=int(timestamp) // MS_A_DAY)
    except OverflowError:
        return None


def color_of(value):
    """Loop's colour: an index into its palette, or (the oldest versions) an ARGB integer."""
    if value is None:
        return PALETTE[8]
    if 0 <= value < len(PALETTE):
        return PALETTE[value]
    return f"#{value & 0xFFFFFF:06x}"


def reminder_of(row, habit_key):
    """The habit's reminder, if it has one: days from Loop's bitmask (bit 0 Saturday, bit 1
    Sunday ... bit 6 Friday) as Orbit's weekdays (Monday = 0)."""
    keys = {k.lower() for k in row.keys()}
    hour = row["reminder_hour"] if "reminder_hour" in keys else None
    minute = row["reminder_min"] if "reminder_min" in keys else None
    if hour is None or minute is None or not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    mask = row["reminder_days"] if "reminder_days" in keys and row["reminder_days"] is not None \
        else 127
    days = sorted((bit + 5) % 7 for bit in range(7) if mask >> bit & 1)
    if not days:
        return None
    return ReminderPlan(key=f"reminder:{habit_key}", habit_key=habit_key,
                        fields={"target": "habit", "time": f"{hour:02d}:{minute:02d}",
                                "days": days})
