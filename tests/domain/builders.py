"""Small builders so each test reads as the story it checks."""
from datetime import date, timedelta

from server.domain import Entry, Habit, Rule, Schedule

MON = date(2024, 1, 1)  # a Monday; 2024 is a leap year


def day(offset: int, base: date = MON) -> date:
    """The date offset days after base (2024-01-01, a Monday)."""
    return base + timedelta(days=offset)


def schedule(kind: str = "daily", **fields) -> Schedule:
    """A schedule from API-style fields: schedule("per_week", times=3)."""
    return Schedule.from_dict({"type": kind, **fields})


def rule(effective_from: date, sched: Schedule, target=None, anchor=None) -> Rule:
    """A rule, anchored on its own first day unless told otherwise."""
    return Rule(effective_from, sched, target, anchor or effective_from)


def habit(sched: Schedule | None = None, *, kind="build", measure="check", start=MON,
          target=None, rules=None, week_start=0) -> Habit:
    """A habit with one rule from its start date, or with the rules given."""
    rules = rules or (rule(start, sched or schedule(), target, start),)
    return Habit(kind, measure, start, tuple(rules), week_start)


def done(d: date, value=None) -> Entry:
    """A done check-in."""
    return Entry(d, "done", value)


def skip(d: date) -> Entry:
    """A skipped check-in."""
    return Entry(d, "skipped", None)


def slip(d: date, value=None) -> Entry:
    """A quit habit's slip."""
    return Entry(d, "slip", value)


def done_on(*offsets: int) -> list[Entry]:
    """Done check-ins on the days offset from MON."""
    return [done(day(o)) for o in offsets]
