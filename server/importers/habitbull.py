"""HabitBull CSV exports: one row per habit and day (1 = done, 0 = not, larger numbers for
counted habits), the category of each habit, its description and a comment per day."""
import datetime
import statistics

from .csv_files import rows_of
from .plan import (DESCRIPTION_MAX, NOTE_MAX, VALUE_MAX, HabitPlan, IdentityPlan, Plan, clipped,
                   habit_name, refuse)

HEADER = ("HabitName", "HabitDescription", "HabitCategory", "CalendarDate", "Value",
          "CommentText")
WHAT = "a HabitBull CSV export"
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y")


def is_habitbull(line):
    return line.startswith(",".join(HEADER[:3]))


def parse_date(text, line):
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    refuse(f"Line {line}: “{text[:20]}” is not a date (yyyy-MM-dd or M/d/yyyy).")


def parse_value(text, line):
    try:
        return float(text.strip() or "0")
    except ValueError:
        refuse(f"Line {line}: the value “{text[:20]}” is not a number.")


def read_habitbull(data):
    """The Plan of a HabitBull CSV export (bytes)."""
    plan = Plan("habitbull")
    habits = {}  # name -> {"description", "category", "days": {date: (value, [notes])}}
    overflow = 0
    for row in rows_of(data, HEADER, WHAT):
        name = (row.get("HabitName") or "").strip()
        if not name:
            refuse(f"Line {row['_line']}: the habit has no name.")
        day = parse_date(row.get("CalendarDate") or "", row["_line"])
        value = parse_value(row.get("Value") or "", row["_line"])
        habit = habits.setdefault(name, {"description": row.get("HabitDescription") or "",
                                         "category": (row.get("HabitCategory") or "").strip(),
                                         "first": day, "days": {}})
        habit["first"] = min(habit["first"], day)
        if not 0 <= value <= VALUE_MAX:  # e.g. -2150000000: an overflowed counter in the app
            overflow += 1
            continue
        stored, notes = habit["days"].get(day, (0.0, []))
        comment = (row.get("CommentText") or "").strip()
        habit["days"][day] = (max(stored, value), notes + [comment] * bool(
            comment and comment not in notes))  # duplicate rows merged
    if overflow:
        plan.warn(f"{overflow} value(s) out of range (such as -2150000000) were left out.")
    categories = sorted({h["category"] for h in habits.values() if h["category"]})
    for category in categories:
        plan.identities.append(IdentityPlan(key=f"category:{category}", fields={
            "statement": clipped(plan, category, 140, f"The category “{category[:40]}”")}))
    for name, habit in habits.items():
        plan.habits.append(habitbull_habit(plan, name, habit))
    return plan


def habitbull_habit(plan, name, habit):
    title = habit_name(plan, name)
    positive = [value for value, _ in habit["days"].values() if value > 0]
    counted = any(value > 1 for value in positive)
    fields = {"name": title, "kind": "build", "schedule": {"type": "daily"},
              "description": clipped(plan, habit["description"], DESCRIPTION_MAX,
                                     f"The description of “{title}”")}
    if counted:
        target = float(statistics.median(positive))
        fields.update(measure="count", target=target)
        plan.warn(f"“{title}” has numbers above 1: it is a count habit now, with a daily target "
                  f"of {target:g} (its median).")
    else:
        fields.update(measure="check")
    checkins, lost_notes = {}, 0
    for day, (value, notes) in sorted(habit["days"].items()):
        note = clipped(plan, "\n".join(notes), NOTE_MAX, f"A comment of “{title}”")
        if value <= 0:
            lost_notes += bool(note)
            continue
        entry = {"status": "done", "value": value} if counted else {"status": "done"}
        if note:
            entry["note"] = note
        checkins[day] = entry
    if lost_notes:
        plan.warn(f"{lost_notes} comment(s) of “{title}” were on days not done and were left "
                  "out.")
    return HabitPlan(key=f"name:{name}", fields=fields, checkins=checkins,
                     start_date=habit["first"],
                     identity_key=f"category:{habit['category']}" if habit["category"] else None)
