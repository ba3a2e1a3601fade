"""Pauses of an Orbit export: matched by uuid, written as the API writes them (no overlap with
another pause of the same scope), and the habits they cover judged again."""
from ..models import Pause
from ..store import checkpoints


def apply_pauses(user, plan, habits, report, matcher):
    """Create or bring up to date the export's pauses; `habits` by the export's habit keys."""
    created = updated = 0
    for record in plan.pauses:
        habit = habits.get(str(record["habit_uuid"])) if record.get("habit_uuid") else None
        if record.get("habit_uuid") and habit is None:
            continue  # its habit was left out (named in the warnings)
        start, end, note = record["start"], record.get("end"), record.get("note", "")
        if end is not None and end < start:
            plan.warn(f"A pause from {start} ending before it began was left out.")
            continue
        pause = matcher.find(Pause, str(record["uuid"]))
        if pause is not None and (pause.habit_id, pause.start, pause.end, pause.note) == (
                habit.id if habit else None, start, end, note):
            continue
        if overlapping(user, habit, start, end, pause):
            plan.warn(f"The pause from {start} overlaps one you have and was left out.")
            continue
        if pause is None:
            pause = Pause.create(user=user, habit=habit, start=start, end=end, note=note)
            matcher.created(Pause, str(record["uuid"]), pause)
            created += 1
        else:
            Pause.update(habit=habit, start=start, end=end, note=note).where(
                Pause.id == pause.id).execute()
            updated += 1
        if habit is None:
            checkpoints.invalidate_user(user)
        else:
            checkpoints.invalidate(habit)
    report["created"]["pauses"] += created
    report["updated"]["pauses"] += updated


def overlapping(user, habit, start, end, pause):
    """True when another pause of the same scope (the habit, or every habit) overlaps."""
    query = Pause.select().where(Pause.user == user, Pause.end.is_null() | (Pause.end >= start),
                                 Pause.habit.is_null() if habit is None else Pause.habit == habit)
    if end is not None:
        query = query.where(Pause.start <= end)
    if pause is not None:
        query = query.where(Pause.id != pause.id)
    return query.exists()
