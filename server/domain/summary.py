"""Weekly summaries (RULES.md "Weekly summaries"): what a week asked of each habit and what was
done, streaks and records, strength, suggestions for the next small step. Pure: the store passes
each habit's spec and check-ins, the reflections, and today."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from .ledger import Ledger
from .model import (BUILD, CHECK, DAILY, MINUTES, PER_MONTH, PER_WEEK, QUIT, SKIPPED, WEEKDAYS,
                    Entry, Habit, rule_on)
from .periods import MET, Period, judged_periods
from .strength import strength_values
from .streaks import streaks_from
from .wording import SOURCE

ONE_DAY = timedelta(days=1)
WEEKS, MONTHS = "weeks", "months"  # what a suggestion's two rates were judged over


@dataclass(frozen=True)
class HabitWeek:
    """One habit's week: scheduled and done are None for per_month habits (month_* instead)."""

    scheduled: int | None
    done: int | None
    skipped: int
    value_total: float
    month_done: int | None = None
    month_required: int | None = None
    paused: int = 0  # days of the week a pause covered, left out of scheduled like skipped ones

    @property
    def rate(self) -> float | None:
        return None if not self.scheduled else self.done / self.scheduled


class HabitHistory:
    """A habit's periods, ledger and strength from its start date to `last`, computed once and
    read for any week up to `last`."""

    def __init__(self, habit: Habit, entries: list[Entry], last: date):
        self.habit, self.last = habit, last
        self.ledger = Ledger(habit, entries, last)
        started = habit.start_date <= last
        self.periods: list[Period] = (
            judged_periods(habit, self.ledger, habit.start_date, last, last) if started else [])
        self.strengths = (
            strength_values(habit, self.ledger, habit.start_date, last, 0.0) if started else [])

    def strength_on(self, day: date) -> float:
        """Strength on day (0 before the start date), rounded like the API's."""
        index = (day - self.habit.start_date).days
        return round(self.strengths[index], 6) if 0 <= index < len(self.strengths) else 0.0

    def week(self, week_start: date) -> HabitWeek | None:
        """The week from week_start, counted from the start date to min(week end, last); None
        when the habit had not started by then."""
        first = max(week_start, self.habit.start_date)
        last = min(week_start + 6 * ONE_DAY, self.last)
        if first > last:
            return None
        a, b = first.toordinal(), last.toordinal()
        entries = [e for day, e in self.ledger.entries.items() if a <= day <= b]
        skipped = sum(1 for e in entries if e.status == SKIPPED)
        paused = sum(1 for day in self.ledger.paused if a <= day <= b)
        value_total = sum(e.value or 0 for e in entries if e.status != SKIPPED)
        if rule_on(self.habit, last).schedule.type == PER_MONTH and self.habit.kind == BUILD:
            month = next(p for p in reversed(self.periods) if p.start <= last)
            return HabitWeek(None, None, skipped, value_total,
                             min(month.done_days, month.required), month.required, paused)
        scheduled = done = 0
        for period in self.periods:
            if period.end < week_start or period.start > last:
                continue
            if period.unit == "days" and first <= period.start:
                asked = period.required >= 1
                scheduled += asked
                done += asked and period.state == MET
            elif period.unit == "weeks":
                scheduled += period.required
                done += min(period.done_days, period.required)
            elif period.unit == "windows" and week_start <= period.end <= last:
                asked = period.required >= 1
                scheduled += asked
                done += asked and period.state == MET
        return HabitWeek(scheduled, done, skipped, value_total, paused=paused)

    def votes(self, first: date, last: date) -> int:
        """Done (build) or kept (quit) days from first to last."""
        first, last = max(first, self.habit.start_date), min(last, self.last)
        if first > last:
            return 0
        if self.habit.kind == QUIT:
            a, b = first.toordinal(), last.toordinal()
            lost = sum(1 for day in self.ledger.slipped | self.ledger.skipped if a <= day <= b)
            return (last - first).days + 1 - lost
        return self.ledger.done_between(first, last)

    def streaks(self, as_of: date):
        """(every streak newest first, current streak) as of a day up to `last`."""
        periods = [p for p in self.periods if p.start <= as_of]
        return streaks_from(periods, self.habit, as_of)

    def record_in(self, week_start: date, as_of: date):
        """The streak that grew during the week strictly longer than every streak that had ended
        before it, to a length of at least 2; or None."""
        every, _ = self.streaks(as_of)
        before = max((s.length for s in every if s.end is not None and s.end < week_start),
                     default=0)
        return next((s for s in every if s.length >= 2 and s.length > before and
                     s.end is not None and s.end >= week_start), None)


def closing_month(periods: list[Period], week_start: date, last: date) -> int | None:
    """The index in periods of the month that ended from week_start to last, or None."""
    return next((index for index, period in enumerate(periods)
                 if period.unit == "months" and week_start <= period.end <= last), None)


def month_rates(periods: list[Period], habit: Habit, week_start: date,
                last: date) -> tuple[float | None, float | None] | None:
    """A per_month habit judged by its month: the rates (done days, at most the requirement, over
    the requirement) of the month that ended from week_start to last and of the month before it,
    both judged by the rule in force on last. None when no month ended in the week, or when one
    of the two was judged by another rule (a change is given two months of its own)."""
    index = closing_month(periods, week_start, last)
    if not index:  # none ended in the week, or it was the habit's first
        return None
    before, period = periods[index - 1], periods[index]
    rule = rule_on(habit, last)
    if before.unit != "months" or any(rule_on(habit, p.start) != rule for p in (before, period)):
        return None
    return month_rate(period), month_rate(before)


def month_rate(period: Period) -> float | None:
    """done / required of a month (done counted up to the requirement), None when it asked
    nothing."""
    return min(period.done_days, period.required) / period.required if period.required else None


def suggestion(habit: Habit, name: str, unit: str, rates: tuple[float | None, float | None] | None,
               current_target: float | None, schedule: dict, span: str = WEEKS,
               words=SOURCE) -> dict | None:
    """The micro-shift of RULES.md: raise after two weeks (or, for per_month habits, two months)
    at 100%, shrink after two below half. `rates`: this one's first. Its text in `words`."""
    if habit.kind == QUIT or rates is None or None in rates:
        return None
    if rates == (1, 1):
        return _raise(habit, name, unit, current_target, schedule, span, words)
    if rates[0] < 0.5 and rates[1] < 0.5:
        return _shrink(habit, name, unit, current_target, schedule, words)
    return None


def _step(habit: Habit) -> int:
    return 5 if habit.measure == MINUTES else 1


def _amount(habit: Habit, value: float, unit: str, words=SOURCE) -> str:
    if habit.measure == MINUTES:
        return words.ngettext("{n} minute", "{n} minutes", value)
    if not unit:
        return words.number(value)
    return words._("{amount} {unit}", amount=words.number(value), unit=unit)


def _met(kind: str, name: str, span: str, words) -> str:
    """"You met Walk every week two weeks running" (a month judged whole: "in full two months
    running")."""
    if span == MONTHS:
        return words._("You met {habit} in full two months running", habit=name)
    if kind == PER_WEEK:
        return words._("You met {habit} every week two weeks running", habit=name)
    if kind == PER_MONTH:
        return words._("You met {habit} every month two weeks running", habit=name)
    if kind == WEEKDAYS:
        return words._("You met {habit} on every planned day two weeks running", habit=name)
    if kind == DAILY:
        return words._("You met {habit} every day two weeks running", habit=name)
    return words._("You met {habit} every time two weeks running", habit=name)


def _raise(habit, name, unit, target, schedule, span, words=SOURCE):
    kind = schedule["type"]
    if habit.measure != CHECK and target:
        step = _step(habit)
        new = max(math.ceil(target * 1.25 / step) * step, target + step)
        new = int(new) if float(new).is_integer() else new
        return {"action": "raise", "patch": {"target": new},
                "text": words._("{met} — try {amount}?", met=_met(kind, name, span, words),
                                amount=_amount(habit, new, unit, words))}
    if kind in (PER_WEEK, PER_MONTH):
        limit = 7 if kind == PER_WEEK else 31
        if schedule["times"] >= limit:
            return None
        times = schedule["times"] + 1
        met = _met(kind, name, span, words)
        text = (words.ngettext("{met} — try {n} time a week?", "{met} — try {n} times a week?",
                               times, met=met) if kind == PER_WEEK else
                words.ngettext("{met} — try {n} time a month?", "{met} — try {n} times a month?",
                               times, met=met))
        return {"action": "raise", "patch": {"schedule": {"type": kind, "times": times}},
                "text": text}
    if kind == WEEKDAYS and len(schedule["days"]) < 7:
        days = sorted(set(schedule["days"]) | {next(d for d in range(7)
                                                   if d not in schedule["days"])})
        return {"action": "raise", "patch": {"schedule": {"type": WEEKDAYS, "days": days}},
                "text": words._("You kept every {habit} day two weeks running — ready for one "
                                "more day a week?", habit=name)}
    return None  # daily yes/no habits: nothing to raise


def _shrink(habit, name, unit, target, schedule, words=SOURCE):
    kind = schedule["type"]
    if habit.measure != CHECK and target:
        step = _step(habit)
        new = min(math.floor(target * 0.8 / step) * step, target - step)
        if new < step:
            if target <= step:
                return None
            new = step
        new = int(new) if float(new).is_integer() else new
        return {"action": "shrink", "patch": {"target": new},
                "text": words._("{habit} has been a stretch lately. A smaller step keeps it "
                                "alive — try {amount}?", habit=name,
                                amount=_amount(habit, new, unit, words))}
    if kind in (PER_WEEK, PER_MONTH) and schedule["times"] > 1:
        times = schedule["times"] - 1
        text = (words.ngettext(
            "{habit} has been a stretch lately. Fewer, kept, beats more, missed — try {n} time "
            "a week?",
            "{habit} has been a stretch lately. Fewer, kept, beats more, missed — try {n} times "
            "a week?", times, habit=name) if kind == PER_WEEK else words.ngettext(
            "{habit} has been a stretch lately. Fewer, kept, beats more, missed — try {n} time "
            "a month?",
            "{habit} has been a stretch lately. Fewer, kept, beats more, missed — try {n} times "
            "a month?", times, habit=name))
        return {"action": "shrink", "patch": {"schedule": {"type": kind, "times": times}},
                "text": text}
    if kind == WEEKDAYS and len(schedule["days"]) > 1:
        days = sorted(schedule["days"])[:-1]
        return {"action": "shrink", "patch": {"schedule": {"type": WEEKDAYS, "days": days}},
                "text": words._("{habit} has been a stretch lately. One day fewer a week keeps "
                                "it within reach — try it?", habit=name)}
    return None
