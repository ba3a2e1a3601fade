"""A habit's check-ins indexed by day, so that every count over a range of days is a lookup."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date

from .model import BUILD, SKIPPED, Entry, Habit, is_done

# Values are summed as exact integers in units of 2**-1074 (every float is a whole number of
# those), so a sum over a window is the same to the last bit however far back the summing
# started; a checkpoint resumed halfway must agree exactly with a computation from the start.
_SCALE_BITS = 1074


def scaled(value: float) -> int:
    """The float value as an exact integer count of 2**-1074."""
    num, den = float(value).as_integer_ratio()
    return num << (_SCALE_BITS - den.bit_length() + 1)


def unscaled(total: int) -> float:
    """The float nearest to an exact scaled sum."""
    return total / (1 << _SCALE_BITS)


class Ledger:
    """The check-ins of one habit from its start date to `last`, by day ordinal.

    A paused day without a check-in is a skipped day (RULES.md "Pauses"): it joins `skipped`,
    and `paused` remembers which they are. Skipped days are neither done nor slipped, for quit
    habits too."""

    __slots__ = ("habit", "start", "last", "entries", "done", "skipped", "slipped", "paused",
                 "values", "_done_sorted", "_skipped_sorted", "_slipped_sorted")

    def __init__(self, habit: Habit, entries, last: date):
        self.habit = habit
        self.start = habit.start_date.toordinal()
        self.last = last.toordinal()
        self.entries: dict[int, Entry] = {}
        for entry in entries:
            day = entry.day.toordinal()
            if self.start <= day <= self.last:
                self.entries[day] = entry
        self.done, self.skipped, self.slipped = set(), set(), set()
        self.values: dict[int, int] = {}
        build = habit.kind == BUILD
        for day, entry in self.entries.items():
            if entry.status == SKIPPED:
                self.skipped.add(day)
            elif build:
                if is_done(habit, entry, entry.day):
                    self.done.add(day)
                if entry.value:
                    self.values[day] = scaled(max(0.0, entry.value))
            elif not is_done(habit, entry, entry.day):
                self.slipped.add(day)
        self.paused = self._paused_days()
        self.skipped |= self.paused
        self._done_sorted = sorted(self.done)
        self._skipped_sorted = sorted(self.skipped)
        self._slipped_sorted = sorted(self.slipped)

    def _paused_days(self) -> set[int]:
        """The days within the ledger that a pause covers and no check-in speaks for."""
        paused = set()
        for first, last in self.habit.pauses:
            a = max(first.toordinal(), self.start)
            b = min(self.last if last is None else last.toordinal(), self.last)
            paused.update(day for day in range(a, b + 1) if day not in self.entries)
        return paused

    def entry(self, day: date) -> Entry | None:
        """The check-in of day, if any (and if day is within the ledger)."""
        return self.entries.get(day.toordinal())

    def is_done(self, day: int) -> bool:
        """Whether the day (an ordinal) is done, or kept for a quit habit."""
        if self.habit.kind == BUILD:
            return day in self.done
        return (self.start <= day <= self.last and day not in self.slipped
                and day not in self.skipped)

    def counts(self, first: int, last: int) -> tuple[int, int]:
        """(done or kept days, skipped days) from ordinal first to last, both included."""
        if first == last:  # most periods are single days: two set lookups
            return int(self.is_done(first)), int(first in self.skipped)
        a, b = max(first, self.start), min(last, self.last)
        if a > b:
            return 0, 0
        skipped = _count(self._skipped_sorted, a, b)
        if self.habit.kind == BUILD:
            return _count(self._done_sorted, a, b), skipped
        return b - a + 1 - _count(self._slipped_sorted, a, b) - skipped, skipped

    def done_between(self, first: date, last: date) -> int:
        """Done days (kept days for quit habits) from first to last, both included."""
        return self.counts(first.toordinal(), last.toordinal())[0]

    def done_days(self, first: date, last: date) -> list[date]:
        """The done (kept) days from first to last, oldest first."""
        a, b = max(first.toordinal(), self.start), min(last.toordinal(), self.last)
        if self.habit.kind == BUILD:
            done = self._done_sorted
            days = done[bisect_left(done, a):bisect_right(done, b)]
        else:
            days = [d for d in range(a, b + 1) if d not in self.slipped and d not in self.skipped]
        return [date.fromordinal(d) for d in days]


def _count(ordinals: list[int], a: int, b: int) -> int:
    return bisect_right(ordinals, b) - bisect_left(ordinals, a) if a <= b else 0
