"""Hypothesis strategies: random habits with rule histories, and their check-ins."""
from datetime import timedelta

from hypothesis import strategies as st

from server.domain import Entry, Habit, Rule, Schedule

from .builders import MON

SPAN = 150  # days of history after the start date


def schedules():
    """Any build schedule, with small parameters so that periods stay short."""
    return st.one_of(
        st.just(Schedule("daily")),
        st.sets(st.integers(0, 6), min_size=1).map(lambda s: Schedule("weekdays", days=tuple(sorted(s)))),
        st.integers(1, 7).map(lambda t: Schedule("per_week", times=t)),
        st.integers(1, 31).map(lambda t: Schedule("per_month", times=t)),
        st.integers(2, 12).map(lambda n: Schedule("every_n_days", n=n)),
    )


@st.composite
def habits(draw):
    """A habit with one to four rules, the first possibly taking effect after the start date."""
    kind = draw(st.sampled_from(["build", "build", "quit"]))
    measure = draw(st.sampled_from(["check", "count", "minutes"]))
    start = MON + timedelta(days=draw(st.integers(0, 6)))
    offsets = sorted(draw(st.lists(st.integers(0, SPAN), min_size=1, max_size=4, unique=True)))
    rules = []
    for offset in offsets:
        sched = Schedule("daily") if kind == "quit" else draw(schedules())
        if measure == "check":
            target = None
        elif kind == "build":
            target = draw(st.sampled_from([1, 2.5, 5, 10]))
        else:
            target = draw(st.sampled_from([None, 0, 1, 3]))
        anchor = start + timedelta(days=draw(st.integers(-5, offset)))
        rules.append(Rule(start + timedelta(days=offset), sched, target, anchor))
    return Habit(kind, measure, start, tuple(rules), draw(st.sampled_from([0, 6])))


def entry_on(habit, day):
    """A strategy for one check-in of habit on day."""
    if habit.kind == "quit":
        value = st.one_of(st.none(), st.sampled_from([0, 0.5, 1, 2, 4]))
        return value.map(lambda v: Entry(day, "slip", v))
    value = st.none() if habit.measure == "check" else st.sampled_from([0, 0.1, 0.7, 1, 2.5, 3, 10, 12.3])
    return st.tuples(st.sampled_from(["done", "done", "skipped"]), value).map(
        lambda sv: Entry(day, sv[0], None if sv[0] == "skipped" else sv[1]))


@st.composite
def histories(draw):
    """(habit, check-ins at most one per day, today)."""
    habit = draw(habits())
    days = draw(st.sets(st.integers(0, SPAN), max_size=SPAN // 2))
    entries = [draw(entry_on(habit, habit.start_date + timedelta(days=d))) for d in sorted(days)]
    today = habit.start_date + timedelta(days=draw(st.integers(0, SPAN + 10)))
    return habit, entries, today
