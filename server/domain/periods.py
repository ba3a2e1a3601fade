"""Periods: the units a habit is judged in, tiling its timeline from the start date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .ledger import Ledger
from .model import (EVERY_N_DAYS, PER_MONTH, PER_WEEK, QUIT, WEEKDAYS, Entry, Habit, Rule,
                    paused_on, rule_index, unit_of)

MET, NEUTRAL, OPEN, MISSED = "met", "neutral", "open", "missed"

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Period:
    """A period judged: met, neutral, open or missed."""

    start: date
    end: date
    unit: str
    required: int
    done_days: int
    state: str


def natural_period(habit: Habit, rule: Rule, day: date) -> tuple[date, date]:
    """First and last day of the rule's own period containing day, before any clipping."""
    schedule = rule.schedule
    if habit.kind == QUIT:
        return day, day
    if schedule.type == PER_WEEK:
        first = day - timedelta(days=(day.weekday() - habit.week_start) % 7)
        return first, first + timedelta(days=6)
    if schedule.type == PER_MONTH:
        first = day.replace(day=1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - _ONE_DAY
    if schedule.type == EVERY_N_DAYS:
        # Floor division keeps the windows aligned on the anchor for days before it too.
        k = (day - rule.anchor).days // schedule.n
        first = rule.anchor + timedelta(days=k * schedule.n)
        return first, first + timedelta(days=schedule.n - 1)
    return day, day


def _segment_end(habit: Habit, index: int) -> date | None:
    """Last day before the rule after habit.rules[index] takes over, None for the last rule."""
    if index + 1 < len(habit.rules):
        return habit.rules[index + 1].effective_from - _ONE_DAY
    return None


def period_bounds(habit: Habit, first: date, last: date):
    """Yield (start, end, rule) of each period starting from first to last; first starts one."""
    cursor = first
    while cursor <= last:
        index = rule_index(habit, cursor)
        rule = habit.rules[index]
        stop = _segment_end(habit, index)
        stop = last if stop is None or stop > last else stop
        # Within one rule's reign the periods are that rule's own, the first one clipped.
        while cursor <= stop:
            end = natural_period(habit, rule, cursor)[1]
            yield cursor, end, rule
            cursor = end + _ONE_DAY


def period_containing(habit: Habit, day: date) -> tuple[date, date, Rule]:
    """(start, end, rule) of the period containing day (day on or after the start date)."""
    cursor = habit.start_date
    while True:
        index = rule_index(habit, cursor)
        rule = habit.rules[index]
        seg_end = _segment_end(habit, index)
        # Jump straight to day if this rule still reigns there, else to its last period.
        probe = day if seg_end is None or day <= seg_end else max(seg_end, cursor)
        first, end = natural_period(habit, rule, probe)
        if day <= end:
            return max(first, cursor), end, rule
        cursor = end + _ONE_DAY


def times_required(habit: Habit, rule: Rule, start: date) -> int:
    """n of the requirement: 1 per day or window, times per week or month, 0 on a day off."""
    schedule = rule.schedule
    if habit.kind == QUIT:
        return 1
    if schedule.type in (PER_WEEK, PER_MONTH):
        return schedule.times
    if schedule.type == WEEKDAYS:
        return 1 if start.weekday() in schedule.days else 0
    return 1


def requirement(n: int, skipped: int, length: int) -> int:
    """min(max(0, n - skipped), days of the period that are not skipped)."""
    return min(max(0, n - skipped), length - skipped)


def judge(habit: Habit, ledger: Ledger, start: date, end: date, rule: Rule, today: date) -> Period:
    """The period start..end judged by rule, counting check-ins up to today."""
    first, last = start.toordinal(), end.toordinal()
    done, skipped = ledger.counts(first, min(last, today.toordinal()))
    required = requirement(times_required(habit, rule, start), skipped, last - first + 1)
    if required == 0:
        # Nothing was asked (all excused or paused, a day off): bridges streaks even if something
        # was done.
        state = NEUTRAL
    elif habit.kind == QUIT:
        # A slip cannot be undone by the rest of the day, so a quit day is never left open.
        state = MET if done else MISSED
    elif done >= required:
        state = MET
    elif start <= today <= end:
        state = OPEN
    else:
        state = MISSED
    return Period(start, end, unit_of(habit, rule), required, done, state)


def judged_periods(habit: Habit, ledger: Ledger, first: date, last: date, today: date) -> list[Period]:
    """The periods starting from first (a period start) to last, judged as of today."""
    return [judge(habit, ledger, start, end, rule, today)
            for start, end, rule in period_bounds(habit, first, last)]


def periods(habit: Habit, entries, end: date, today: date) -> list[Period]:
    """Every period from the start date to the one containing min(end, today), oldest first."""
    ledger = Ledger(habit, entries, today)
    return judged_periods(habit, ledger, habit.start_date, min(end, today), today)


def due_in(habit: Habit, ledger: Ledger, start: date, end: date, rule: Rule, day: date) -> bool:
    """Whether day still needs doing in its period: the period's done days on other dates (those
    the ledger holds) are below its requirement. A paused day is never due."""
    if paused_on(habit, day):
        return False
    before = ledger.counts(start.toordinal(), day.toordinal() - 1)
    after = ledger.counts(day.toordinal() + 1, end.toordinal())
    done, skipped = before[0] + after[0], before[1] + after[1]
    required = requirement(times_required(habit, rule, start), skipped, (end - start).days + 1)
    return done < required


def is_due(habit: Habit, entries: list[Entry], day: date, today: date | None = None) -> bool:
    """Whether the habit is due on day (the Today screen), judged without day's own check-in but
    with the rest of its period up to today: on a past day, later check-ins of its week count."""
    if day < habit.start_date:
        return False
    start, end, rule = period_containing(habit, day)
    ledger = Ledger(habit, entries, min(end, today or day))
    return due_in(habit, ledger, start, end, rule, day)


def period_progress(habit: Habit, entries, day: date, today: date) -> Period:
    """The period holding day (on or after the start date) judged as of today: what it asks for
    once its skipped and paused days are taken off (required), and its done days so far."""
    start, end, rule = period_containing(habit, day)
    ledger = Ledger(habit, entries, min(end, today))
    return judge(habit, ledger, start, end, rule, today)
