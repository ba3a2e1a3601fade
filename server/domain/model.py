"""The habit's own values: schedules, rules, check-ins, and what makes one day done."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

BUILD, QUIT = "build", "quit"
CHECK, COUNT, MINUTES = "check", "count", "minutes"
DONE, SKIPPED, SLIP = "done", "skipped", "slip"

DAILY, WEEKDAYS, PER_WEEK, PER_MONTH, EVERY_N_DAYS = (
    "daily", "weekdays", "per_week", "per_month", "every_n_days")
SCHEDULE_TYPES = (DAILY, WEEKDAYS, PER_WEEK, PER_MONTH, EVERY_N_DAYS)

UNIT_OF_TYPE = {DAILY: "days", WEEKDAYS: "days", PER_WEEK: "weeks",
                PER_MONTH: "months", EVERY_N_DAYS: "windows"}


@dataclass(frozen=True)
class Schedule:
    """How often a habit is asked for; only the fields of its type are used."""

    type: str
    days: tuple[int, ...] = ()
    times: int = 0
    n: int = 0

    @classmethod
    def from_dict(cls, d: dict) -> Schedule:
        """Build a schedule from its API JSON, e.g. {"type": "weekdays", "days": [0, 2, 4]}."""
        kind = d.get("type")
        if kind not in SCHEDULE_TYPES:
            raise ValueError(f"unknown schedule type: {kind!r}")
        if kind == WEEKDAYS:
            return cls(kind, days=tuple(sorted(set(d.get("days", ())))))
        if kind in (PER_WEEK, PER_MONTH):
            return cls(kind, times=int(d["times"]))
        if kind == EVERY_N_DAYS:
            return cls(kind, n=int(d["n"]))
        return cls(kind)

    def to_dict(self) -> dict:
        """The API JSON of this schedule, carrying only the fields its type uses."""
        if self.type == WEEKDAYS:
            return {"type": self.type, "days": list(self.days)}
        if self.type in (PER_WEEK, PER_MONTH):
            return {"type": self.type, "times": self.times}
        if self.type == EVERY_N_DAYS:
            return {"type": self.type, "n": self.n}
        return {"type": self.type}


@dataclass(frozen=True)
class Rule:
    """A schedule and target in force from effective_from; anchor aligns every_n_days windows."""

    effective_from: date
    schedule: Schedule
    target: float | None
    anchor: date


@dataclass(frozen=True)
class Habit:
    """What the domain needs of a habit; rules sorted by effective_from, week_start 0 = Monday;
    pauses: (first day, last day or None while open) ranges in which its days rest."""

    kind: str
    measure: str
    start_date: date
    rules: tuple[Rule, ...]
    week_start: int = 0
    pauses: tuple[tuple[date, date | None], ...] = ()
    # Never miss twice (build habits): one missed period between two met ones keeps the streak.
    never_miss_twice: bool = False

    def __post_init__(self):
        if not self.rules:
            raise ValueError("a habit needs at least one rule")


@dataclass(frozen=True)
class Entry:
    """A check-in: done or skipped (build), slip (quit), with an optional value."""

    day: date
    status: str
    value: float | None


def paused_on(habit: Habit, day: date) -> bool:
    """Whether day lies in one of the habit's pauses (RULES.md "Pauses")."""
    return any(first <= day and (last is None or day <= last) for first, last in habit.pauses)


def rule_index(habit: Habit, day: date) -> int:
    """Index of the rule in force on day: the last one in effect by then, else the first."""
    rules = habit.rules
    for i in range(len(rules) - 1, 0, -1):
        if rules[i].effective_from <= day:
            return i
    return 0


def rule_on(habit: Habit, day: date) -> Rule:
    """The rule in force on day."""
    return habit.rules[rule_index(habit, day)]


def is_done(habit: Habit, entry: Entry | None, day: date) -> bool:
    """Whether day is done (build) or kept (quit), judged by the rule in force that day."""
    target = rule_on(habit, day).target
    if habit.kind == QUIT:
        if entry is None or entry.status != SLIP:
            return True
        slips = 1 if entry.value is None else entry.value
        limit = 0 if habit.measure == CHECK else (target or 0)
        return slips <= limit
    if entry is None or entry.status != DONE:
        return False
    if habit.measure == CHECK:
        return True
    return (entry.value or 0) >= (target or 0)


def unit_of(habit: Habit, rule: Rule) -> str:
    """The unit of the periods a rule makes: days, weeks, months or windows."""
    if habit.kind == QUIT:
        return "days"
    return UNIT_OF_TYPE[rule.schedule.type]


def frequency(habit: Habit, rule: Rule) -> tuple[int, int]:
    """The rule's frequency as (num, den), the way Loop Habit Tracker writes it."""
    schedule = rule.schedule
    if habit.kind == QUIT or schedule.type == DAILY:
        num, den = 1, 1
    elif schedule.type == WEEKDAYS:
        num, den = len(schedule.days), 7
    elif schedule.type == PER_WEEK:
        num, den = schedule.times, 7
    elif schedule.type == PER_MONTH:
        num, den = schedule.times, 30
    else:
        num, den = 1, schedule.n
    # Loop's Frequency turns n/n into 1/1, which narrows the strength window to one day.
    return (1, 1) if num == den else (num, den)
