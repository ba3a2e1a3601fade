"""Daylio CSV exports, for people who kept a mood diary before they kept habits: each day's
entries become that day's reflection (their moods' mean, notes joined), and each activity a
daily-or-weekly check habit, done on the days it appears, at the pace it was kept."""
import datetime
import math

from .csv_files import rows_of
from .plan import (MOOD_NOTE_MAX, HabitPlan, Plan, current_limits, habit_name, refuse,
                   too_many_habits)

HEADER = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
WHAT = "a Daylio CSV export"
MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}


def is_daylio(line):
    return line.startswith(",".join(HEADER[:6]))


def read_daylio(source):
    """The Plan of a Daylio CSV export (bytes, or a binary file), read row by row."""
    plan = Plan("daylio")
    limit = current_limits().habits
    days, activities, unknown = {}, {}, set()  # date -> [moods' sum, moods, notes, length]
    for row in rows_of(source, HEADER, WHAT):
        text = (row.get("full_date") or "").strip()
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            refuse(f"Line {row['_line']}: “{(row.get('full_date') or '')[:20]}” is not a date "
                   "(yyyy-MM-dd).")
        entry = days.get(day)
        if entry is None:
            entry = days[day] = [0, 0, None, 0]
        mood = (row.get("mood") or "").strip()
        if mood.lower() in MOODS:
            entry[0] += MOODS[mood.lower()]
            entry[1] += 1
        elif mood:
            unknown.add(mood)
        note = "\n".join(part.strip() for part in (row.get("note_title"), row.get("note"))
                         if part and part.strip())
        if note and entry[3] <= MOOD_NOTE_MAX:  # past it, the day's note is cut anyway
            entry[2] = entry[2] or []
            entry[2].append(note)
            entry[3] += len(note) + 2
        for name in (row.get("activities") or "").split(" | "):
            name = name.strip()
            if not name:
                continue
            dates = activities.get(name)
            if dates is None:
                if len(activities) >= limit:  # told at once, not after the whole file
                    too_many_habits(limit, "activities (each would be a habit)")
                dates = activities[name] = set()
            dates.add(day)
    for mood in sorted(unknown):
        plan.warn(f"The mood “{mood}” is not one of Daylio's five (rad, good, meh, bad, awful): "
                  "entries with it count no mood.")
    lost = shortened = 0
    for day, (total, moods, notes, _) in sorted(days.items()):
        if not moods:
            lost += bool(notes)
            continue
        note = "\n\n".join(notes or ())
        if len(note) > MOOD_NOTE_MAX:  # one warning for them all: a file may have thousands
            shortened += 1
            note = note[:MOOD_NOTE_MAX].rstrip()
        plan.reflections[day] = {"mood": math.floor(total / moods + 0.5), "note": note}
    if shortened:
        plan.warn(f"{shortened} day(s) had notes longer than {MOOD_NOTE_MAX} characters in all; "
                  "they were shortened.")
    if lost:
        plan.warn(f"{lost} day(s) with notes but no known mood were left out.")
    last = max(days, default=None)
    for name, dates in sorted(activities.items(), key=lambda item: min(item[1])):
        plan.habits.append(activity_habit(plan, name, dates, last))
    return plan


def activity_habit(plan, name, dates, last):
    """An activity as a build check habit, scheduled at the pace it was kept: its mean days a
    week from its first day to the file's last (6 or 7: daily; else that many times a week)."""
    title = habit_name(plan, name)
    first = min(dates)
    weeks = max(1.0, ((last - first).days + 1) / 7)
    per_week = max(1, min(7, math.floor(len(dates) / weeks + 0.5)))
    if per_week >= 6:
        schedule, pace = {"type": "daily"}, "daily"
    else:
        schedule = {"type": "per_week", "times": per_week}
        pace = f"{per_week} time{'s' if per_week > 1 else ''} a week"
    plan.warn(f"The activity “{title}” is a habit now, {pace}: the pace it was kept.")
    return HabitPlan(key=f"activity:{name.lower()}", start_date=first,
                     fields={"name": title, "kind": "build", "measure": "check",
                             "schedule": schedule},
                     checkins={day: {"status": "done"} for day in dates})
