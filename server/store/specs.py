"""Turn habit rows into the domain's plain values."""
from .. import domain


def habit_spec(habit, week_start=0, pauses=()):
    """The domain Habit of a habit row whose rules are attached; `pauses` its pause ranges
    (store/pauses.py ranges_of), for everything judged over its days."""
    rules = tuple(domain.Rule(effective_from=r.effective_from,
                              schedule=domain.Schedule.from_dict(r.schedule),
                              target=r.target, anchor=r.anchor) for r in habit.rules)
    return domain.Habit(kind=habit.kind, measure=habit.measure, start_date=habit.start_date,
                        rules=rules, week_start=week_start, pauses=tuple(pauses),
                        never_miss_twice=bool(habit.never_miss_twice))


def entries_of(checkins):
    """Domain entries of check-in rows."""
    return [domain.Entry(c.day, c.status, c.value) for c in checkins]
