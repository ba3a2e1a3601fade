"""A habit's screen in one read: stats, calendar, strength, completion, notes and pauses, all
judged on the server from one load of its history."""
import datetime

from .. import domain
from ..domain.overview import completion_rows, rate_span
from ..models import Identity
from . import pauses
from .checkins import checkins_between
from .common import local_today
from .stats import full_history

STRENGTH_DAYS = 90
NOTES_DAYS = 365
CALENDAR_MONTHS = 12


def overview(user, habit):
    """GET /habits/{id}/overview, as of the user's today."""
    today = local_today(user)
    spec, entries = full_history(user, habit, today)
    strength_from = max(habit.start_date, today - datetime.timedelta(days=STRENGTH_DAYS - 1))
    calendar_from = calendar_start(habit.start_date, today)
    unit, rows = completion_rows(spec, entries, today)
    stats = domain.habit_stats(spec, entries, today)
    identity = (Identity.get_or_none(Identity.id == habit.identity_id, Identity.user == user)
                if habit.identity_id else None)
    return {
        "habit": habit, "identity": identity, "today": today,
        "period_unit": domain.unit_of(spec, domain.rule_on(spec, today)),
        "stats": {**stats, "rate_days": rate_span(spec, today)},
        "calendar": domain.calendar(spec, entries, calendar_from, today, today),
        "strength": [{"day": day, "value": value} for day, value in
                     domain.strength_series(spec, entries, strength_from, today)],
        "completion": {"unit": unit, "rows": rows},
        "checkins": checkins_between(habit, today - datetime.timedelta(days=NOTES_DAYS - 1),
                                     today),
        "pauses": pauses.pauses_of(user, habit.id),
    }


def calendar_start(start_date, today):
    """The first month the calendar shows: the start date's (a young habit's calendar starts
    where it does), at most 12 months back."""
    month = min(start_date, today).replace(day=1)
    back = today.year * 12 + today.month - 1 - (CALENDAR_MONTHS - 1)
    earliest = datetime.date(back // 12, back % 12 + 1, 1)
    return max(month, earliest)
