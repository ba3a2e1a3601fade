"""A kind restart on Today (issue 24): the lapse before a day and a quit habit's slip, judged
from the same checkpoint and recent check-ins as the rest of the Today item."""
import datetime

from .. import domain
from ..domain.lapse import LOOK_BACK, lapse, smaller

ONE_DAY = datetime.timedelta(days=1)


def look_back_from(day):
    """The first day whose check-ins Today loads, so that a lapse can be judged."""
    return day - LOOK_BACK


def lapse_item(habit, spec, checkpoint, entries, day):
    """The item's `lapse`: the misses just before `day`, and after two a smaller step (never for
    an appointment, which no suggestion touches); None when there is nothing to greet."""
    since = min(checkpoint.entries_from, look_back_from(day))
    found = lapse(spec, entries, day, since)
    if found is None:
        return None
    rule = domain.rule_on(spec, day)
    step = None
    if found.misses >= 2 and not habit.appointment:
        step = smaller(spec, habit.name, habit.unit, rule.schedule.to_dict(), rule.target)
    return {"misses": found.misses, "unit": found.unit, "last_missed": found.last_missed,
            "smaller": step}


def slip_item(habit, spec, checkpoint, entries, day, slipped):
    """The item's `slip`: for a quit habit's slipped day, the days kept before it (the streak of
    the day before, paused days bridging without counting); None otherwise."""
    if habit.kind != "quit" or not slipped:
        return None
    before = day - ONE_DAY
    if before < spec.start_date or before <= checkpoint.as_of:
        return {"kept_before": 0}
    state = domain.resume(spec, checkpoint, entries, before)
    return {"kept_before": state.current_streak.length}
