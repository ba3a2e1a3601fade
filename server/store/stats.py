"""Domain state of habits: statistics, strength, calendars and identity votes.

One query loads what a habit needs, then the domain computes in memory. Today and the vote counts
read a cached checkpoint per habit (HabitSummary) and only the recent check-ins after it.
"""
import datetime
import functools
import operator
from collections import defaultdict

from peewee import EXCLUDED

from .. import domain
from ..models import Checkin, Habit, HabitSummary
from .common import local_today, week_start_day
from . import pauses
from .checkpoints import LAG
from .habits import attach_rules
from .specs import habit_spec

ONE_DAY = datetime.timedelta(days=1)
# A checkpoint older than this is recomputed rather than resumed over a long stretch. It must be
# longer than the longest period (a 365-day window), since a checkpoint stops at a period's end.
REFRESH_AFTER = datetime.timedelta(days=400)
CONDITIONS_PER_QUERY = 40


def entries_by_habit(habit_ids, start=None, end=None):
    """Domain entries of these habits (optionally within [start, end]), grouped by habit id."""
    query = Checkin.select(Checkin.habit, Checkin.day, Checkin.status, Checkin.value).where(
        Checkin.habit.in_(list(habit_ids)))
    if start is not None:
        query = query.where(Checkin.day >= start)
    if end is not None:
        query = query.where(Checkin.day <= end)
    return grouped(query)


def entries_since(starts, end):
    """Entries of each habit from its own start day (`starts`: habit id -> date) to `end`.

    Habits sharing a start day share a condition (checkpoints fall on period boundaries, so there
    are few distinct days), and the conditions go in batches: a query's size stays bounded
    however many habits there are (SQLite's parser overflows on a few hundred ORs)."""
    by_start = defaultdict(list)
    for habit_id, start in starts.items():
        by_start[start].append(habit_id)
    conditions = [Checkin.habit.in_(ids) & (Checkin.day >= start)
                  for start, ids in by_start.items()]
    entries = defaultdict(list)
    for first in range(0, len(conditions), CONDITIONS_PER_QUERY):
        since = functools.reduce(operator.or_, conditions[first:first + CONDITIONS_PER_QUERY])
        query = Checkin.select(Checkin.habit, Checkin.day, Checkin.status, Checkin.value).where(
            since, Checkin.day <= end)
        entries.update(grouped(query))
    return entries


def grouped(query):
    """Run a (habit, day, status, value) query into domain entries by habit id, oldest first."""
    entries = defaultdict(list)
    for habit_id, day, status, value in query.order_by(Checkin.day).tuples():
        entries[habit_id].append(domain.Entry(day, status, value))
    return entries


def checkpoints(habits, specs, day):
    """A valid checkpoint through at most `day - LAG` for each habit, computing missing ones."""
    through = day - LAG
    stored = {s.habit_id: s for s in HabitSummary.select().where(
        HabitSummary.habit.in_([h.id for h in habits]))}
    found, missing = {}, []
    for habit in habits:
        checkpoint = valid(stored.get(habit.id), habit)
        if checkpoint is None or not through - REFRESH_AFTER <= checkpoint.as_of <= through:
            if checkpoint is not None and checkpoint.as_of < habit.start_date <= day:
                found[habit.id] = checkpoint  # a young habit's: it covers no day at all
                continue
            missing.append((habit, checkpoint is None or checkpoint.as_of < through))
        else:
            found[habit.id] = checkpoint
    if missing:
        history = entries_by_habit([h.id for h, _ in missing], end=through)
        for habit, _ in missing:
            found[habit.id] = domain.make_checkpoint(specs[habit.id], history[habit.id], through)
        # A date before the cached checkpoint is computed, not cached over the newer one.
        save([(h, found[h.id]) for h, newer in missing if newer])
    return found


def valid(summary, habit):
    """The stored checkpoint if it is of the habit's current revision."""
    if summary is None or summary.revision != habit.revision:
        return None
    try:
        return domain.Checkpoint.from_dict(summary.data)
    except (ValueError, KeyError):
        return None


def save(pairs):
    """Store (habit, checkpoint) pairs in one statement."""
    if not pairs:
        return
    rows = [{"habit": h.id, "revision": h.revision, "data": c.to_dict()} for h, c in pairs]
    HabitSummary.insert_many(rows).on_conflict(
        conflict_target=[HabitSummary.habit],
        update={HabitSummary.revision: EXCLUDED.revision, HabitSummary.data: EXCLUDED.data}
    ).execute()


def recent_state(user, habits, day, also_from=None, end=None):
    """(specs, checkpoints, entries after each checkpoint up to `end`) of the habits for `day`."""
    week_start = week_start_day(user)
    rests = pauses.ranges_of(user)
    specs = {h.id: habit_spec(h, week_start, rests(h.id)) for h in habits}
    if not habits:
        return specs, {}, {}
    found = checkpoints(habits, specs, day)
    starts = {h: min(c.entries_from, also_from or c.entries_from) for h, c in found.items()}
    return specs, found, entries_since(starts, end or day)


def with_votes(user, identities):
    """Attach votes_total and votes_this_week: done (kept) days of each identity's habits."""
    today_ = local_today(user)
    week_begin = today_ - datetime.timedelta(days=(today_.weekday() - week_start_day(user)) % 7)
    habits = attach_rules(list(Habit.shown().where(
        Habit.user == user, Habit.identity.in_([i.id for i in identities]),
        Habit.start_date <= today_)))
    specs, found, recent = recent_state(user, habits, today_, also_from=week_begin)
    totals, this_week = defaultdict(int), defaultdict(int)
    for habit in habits:
        spec, checkpoint, entries = specs[habit.id], found[habit.id], recent[habit.id]
        after = domain.done_days(spec, entries, checkpoint.as_of + ONE_DAY, today_)
        totals[habit.identity_id] += checkpoint.total_done + len(after)
        this_week[habit.identity_id] += len(domain.done_days(spec, entries, week_begin, today_))
    for identity in identities:
        identity.votes_total = totals[identity.id]
        identity.votes_this_week = this_week[identity.id]
    return identities


def full_history(user, habit, end):
    """(spec, entries up to `end`) of one habit: the input of every statistic."""
    spec = habit_spec(habit, week_start_day(user), pauses.ranges_of(user)(habit.id))
    return spec, entries_by_habit([habit.id], end=end)[habit.id]


def habit_stats(user, habit, as_of):
    """GET /habits/{id}/stats: computed from the habit's whole history."""
    spec, entries = full_history(user, habit, as_of)
    return domain.habit_stats(spec, entries, as_of)


def strength(user, habit, start, end):
    """GET /habits/{id}/strength: one value a day from start to end."""
    spec, entries = full_history(user, habit, end)
    return [{"day": day, "value": value}
            for day, value in domain.strength_series(spec, entries, start, end)]


def calendar(user, habit, start, end):
    """GET /habits/{id}/calendar: the state of every day from start to end."""
    today_ = local_today(user)
    spec, entries = full_history(user, habit, today_)
    return domain.calendar(spec, entries, start, end, today_)
