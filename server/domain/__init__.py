"""Orbit's domain: pure Python rules for habits, with no framework and no clock."""
from .calendar import CalendarDay, calendar
from .checkpoint import Checkpoint, TodayState, make_checkpoint, resume, today_state
from .days import day_strip
from .model import Entry, Habit, Rule, Schedule, frequency, is_done, rule_on, unit_of
from .periods import (Period, is_due, period_containing, period_progress, periods,
                      times_required)
from .stats import completion_rate, done_days, habit_stats
from .strength import strength_on, strength_series
from .streaks import Streak, best_streak, current_streak, streaks

__all__ = [
    "CalendarDay", "Checkpoint", "Entry", "Habit", "Period", "Rule", "Schedule", "Streak",
    "TodayState", "best_streak", "calendar", "completion_rate", "current_streak", "day_strip",
    "done_days", "frequency", "habit_stats", "is_done", "is_due", "make_checkpoint",
    "period_containing", "period_progress", "periods", "resume", "rule_on", "strength_on",
    "strength_series", "streaks", "times_required", "today_state", "unit_of",
]
