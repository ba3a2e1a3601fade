"""HabitBull CSV exports: one row per habit and day (1 = done, 0 = not, larger numbers for
counted habits), the category of each habit, its description and a comment per day."""
import datetime
import statistics

from .csv_files import rows_of
from .plan import (DESCRIPTION_MAX, NOTE_MAX, VALUE_MAX, HabitPlan, IdentityPlan, Plan, clipped,
                   current_limits, habit_name, refuse, too_many_habits)

HEADER = ("HabitName", "HabitDescription", "HabitCategory", "CalendarDate", "Value",
          "CommentText")
WHAT = "a HabitBull CSV export"
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y")
REMEMBERED = 100_000  # distinct date and value texts kept once parsed


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


def read_habitbull(source):
    """The Plan of a HabitBull CSV export (bytes, or a binary file), read row by row. Dates,
    values and check-ins that repeat are one object each: a million rows stay small."""
    plan = Plan("habitbull")
    limit = current_limits().habits
    habits = {}  # name -> {"description", "category", "first", "values": {date: value},
    #                       "notes": {date: [comments]}}
    dates, values = {}, {}  # their texts, read once
    overflow = 0
    for row in rows_of(source, HEADER, WHAT):
        name = (row.get("HabitName") or "").strip()
        if not name:
            refuse(f"Line {row['_line']}: the habit has no name.")
        day = remembered(dates, row.get("CalendarDate") or "", parse_date, row["_line"])
        value = remembered(values, row.get("Value") or "", parse_value, row["_line"])
        habit = habits.get(name)
        if habit is None:
            if len(habits) >= limit:
                too_many_habits(limit)
            habit = habits[name] = {"description": row.get("HabitDescription") or "",
                                    "category": (row.get("HabitCategory") or "").strip(),
                                    "first": day, "values": {}, "notes": {}}
        habit["first"] = min(habit["first"], day)
        if not 0 <= value <= VALUE_MAX:  # e.g. -2150000000: an overflowed counter in the app
            overflow += 1
            continue
        days = habit["values"]
        days[day] = max(days.get(day, 0.0), value)  # duplicate rows merged
        comment = (row.get("CommentText") or "").strip()
        if comment:
            notes = habit["notes"].setdefault(day, [])
            if comment not in notes:
                notes.append(comment)
    if overflow:
        plan.warn(f"{overflow} value(s) out of range (such as -2150000000) were left out.")
    categories = sorted({h["category"] for h in habits.values() if h["category"]})
    for category in categories:
        plan.identities.append(IdentityPlan(key=f"category:{category}", fields={
            "statement": clipped(plan, category, 140, f"The category “{category[:40]}”")}))
    entries = {}  # the check-ins without a note, one of each kind
    for name in list(habits):  # each habit's rows let go of once it is planned
        plan.habits.append(habitbull_habit(plan, name, habits.pop(name), entries))
    return plan


def remembered(known, text, parse, line):
    """`parse(text, line)`, once for each text (up to a bound: a file of all-different texts
    is parsed each time)."""
    found = known.get(text)
    if found is None:
        found = parse(text, line)
        if len(known) < REMEMBERED:
            known[text] = found
    return found


def habitbull_habit(plan, name, habit, entries):
    title = habit_name(plan, name)
    positive = [value for value in habit["values"].values() if value > 0]
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
    checkins, lost_notes, notes = {}, 0, habit["notes"]
    for day, value in sorted(habit["values"].items()):
        note = clipped(plan, "\n".join(notes[day]), NOTE_MAX, f"A comment of “{title}”") \
            if day in notes else ""
        if value <= 0:
            lost_notes += bool(note)
            continue
        if note:
            entry = {"status": "done", "value": value, "note": note} if counted else {
                "status": "done", "note": note}
        else:
            key = value if counted else None
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = {"status": "done", "value": value} if counted else {
                    "status": "done"}
        checkins[day] = entry
    if lost_notes:
        plan.warn(f"{lost_notes} comment(s) of “{title}” were on days not done and were left "
                  "out.")
    return HabitPlan(key=f"name:{name}", fields=fields, checkins=checkins,
                     start_date=habit["first"],
                     identity_key=f"category:{habit['category']}" if habit["category"] else None)
