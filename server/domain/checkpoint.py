"""Checkpoints: a habit's state at a period boundary, so Today never reloads whole histories."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .ledger import Ledger
from .model import Entry, Habit, rule_index
from .periods import due_in, judge, judged_periods, period_bounds, period_containing
from .strength import strength_values, window
from .streaks import Streak, as_of_clamped, best_of, bridges, empty_run, fold_runs, streaks_from

VERSION = 2  # 2: pending, never miss twice's missed period still waiting (issue 24)
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class TodayState:
    """What the Today screen shows of one habit on one day."""

    due: bool
    done: bool
    current_streak: Streak
    strength: float


@dataclass(frozen=True)
class Checkpoint:
    """A habit's state at the end of a period, cached so that Today reads only recent check-ins."""

    as_of: date            # last day covered: the end of a period, or the day before the start
    entries_from: date     # resume needs the check-ins from this day on
    strength: float        # S on as_of, unrounded so that resuming loses nothing
    run: Streak            # the run alive after as_of (length 0 if none), in the last period's unit
    best: Streak           # best streak up to as_of (length 0 if none)
    total_done: int        # done (kept) days up to as_of
    pending: date | None = None  # never miss twice: the first day of a missed period not yet
    #                              bridged, the run still alive after it

    def to_dict(self) -> dict:
        """A JSON-ready form: dates as ISO strings, the float as is (JSON keeps it exactly)."""
        return {"version": VERSION, "as_of": self.as_of.isoformat(),
                "entries_from": self.entries_from.isoformat(), "strength": self.strength,
                "run": _streak_to_dict(self.run), "best": _streak_to_dict(self.best),
                "total_done": self.total_done,
                "pending": self.pending and self.pending.isoformat()}

    @classmethod
    def from_dict(cls, d: dict) -> Checkpoint:
        """Read back to_dict's form; a ValueError for another version (recompute then)."""
        if d.get("version") != VERSION:
            raise ValueError(f"unknown checkpoint version: {d.get('version')!r}")
        return cls(date.fromisoformat(d["as_of"]), date.fromisoformat(d["entries_from"]),
                   float(d["strength"]), _streak_from_dict(d["run"]),
                   _streak_from_dict(d["best"]), int(d["total_done"]),
                   d["pending"] and date.fromisoformat(d["pending"]))


def _streak_to_dict(streak: Streak) -> dict:
    return {"length": streak.length, "unit": streak.unit,
            "start": streak.start and streak.start.isoformat(),
            "end": streak.end and streak.end.isoformat()}


def _streak_from_dict(d: dict) -> Streak:
    return Streak(int(d["length"]), d["unit"], d["start"] and date.fromisoformat(d["start"]),
                  d["end"] and date.fromisoformat(d["end"]))


def make_checkpoint(habit: Habit, entries: list[Entry], through: date) -> Checkpoint:
    """The state at the end of the last period ending on or before through (through < today)."""
    bounds = [b for b in period_bounds(habit, habit.start_date, through) if b[1] <= through]
    as_of = bounds[-1][1] if bounds else habit.start_date - _ONE_DAY
    ledger = Ledger(habit, entries, as_of)
    # Every period here has ended before the day after as_of, so each is judged for good.
    periods = [judge(habit, ledger, start, end, rule, as_of + _ONE_DAY) for start, end, rule in bounds]
    ended, run, pending = fold_runs(periods, empty_run(habit), bridges(habit))
    strengths = strength_values(habit, ledger, habit.start_date, as_of, 0.0)
    # The strength of later days looks back as far as the widest window of the rules still to come.
    reach = max(window(habit, rule)[0] for rule in habit.rules[rule_index(habit, as_of + _ONE_DAY):])
    return Checkpoint(
        as_of=as_of,
        entries_from=max(habit.start_date, as_of + _ONE_DAY - timedelta(days=reach)),
        strength=strengths[-1] if strengths else 0.0,
        run=run,
        best=best_of(ended + [run]) or run,
        total_done=ledger.done_between(habit.start_date, as_of),
        pending=pending,
    )


def resume(habit: Habit, checkpoint: Checkpoint, entries_since: list[Entry], today: date) -> TodayState:
    """today's state from a checkpoint and the check-ins from checkpoint.entries_from on."""
    if today <= checkpoint.as_of:
        raise ValueError("a checkpoint can only be resumed for a day after the one it covers")
    first = checkpoint.as_of + _ONE_DAY
    ledger = Ledger(habit, entries_since, today)
    bounds = list(period_bounds(habit, first, today))
    periods = [judge(habit, ledger, start, end, rule, today) for start, end, rule in bounds]
    run = fold_runs(periods, checkpoint.run, bridges(habit), checkpoint.pending)[1]
    strengths = strength_values(habit, ledger, first, today, checkpoint.strength)
    return TodayState(
        due=due_in(habit, ledger, *bounds[-1], today),
        done=ledger.is_done(today.toordinal()),
        current_streak=as_of_clamped(run, today),
        strength=round(strengths[-1], 6),
    )


def today_state(habit: Habit, entries: list[Entry], today: date) -> TodayState:
    """today's state computed from every check-in: the fallback resume must agree with."""
    ledger = Ledger(habit, entries, today)
    periods = judged_periods(habit, ledger, habit.start_date, today, today)
    strengths = strength_values(habit, ledger, habit.start_date, today, 0.0)
    exists = today >= habit.start_date
    return TodayState(
        # due_in leaves out today's own check-in, as is_due does.
        due=exists and due_in(habit, ledger, *period_containing(habit, today), today),
        done=ledger.is_done(today.toordinal()),
        current_streak=streaks_from(periods, habit, today)[1],
        strength=round(strengths[-1], 6) if exists else 0.0,
    )
