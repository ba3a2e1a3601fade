"""An identity's votes week by week, and its evidence: the latest done days of its habits.

Both read a bounded stretch of check-ins (the weeks asked for, or the newest check-ins page by
page), never a habit's whole history: a vote is one day's, so no earlier day changes it."""
import datetime

from ..domain import Entry
from ..domain.votes import is_vote, votes_over_time, window_start
from ..domain.weekly import week_containing
from ..models import Checkin, Habit
from .common import local_today, week_start_day
from . import chapters, pauses
from .habits import attach_rules
from .specs import habit_spec
from .stats import entries_by_habit

WEEK = datetime.timedelta(days=7)
EVIDENCE_PAGE = 50


def identity_habits(user, identity):
    """The identity's habits (archived ones too: their days still count), with their rules."""
    return attach_rules(list(Habit.shown().where(Habit.user == user, Habit.identity == identity)
                             .order_by(Habit.position, Habit.id)))


def identity_votes(user, identity, weeks):
    """GET /identities/{id}/votes: the last `weeks` weeks (this one last) and the two months."""
    today = local_today(user)
    week_start = week_start_day(user)
    first_week = week_containing(today, week_start) - (weeks - 1) * WEEK
    habits = [h for h in identity_habits(user, identity) if h.start_date <= today]
    entries = entries_by_habit([h.id for h in habits], start=window_start(first_week, today),
                               end=today) if habits else {}
    rests = pauses.ranges_of(user)  # a paused day is neutral: a quit habit's is not kept
    pairs = [(habit_spec(h, week_start, rests(h.id)), entries.get(h.id, [])) for h in habits]
    return {"identity_id": identity.id, "as_of": today,
            **votes_over_time(pairs, first_week, weeks, today),
            "chapter": chapters.identity_since_chapter(user, habits)}


def identity_evidence(user, identity, limit):
    """GET /identities/{id}/evidence: the newest check-ins that are votes, newest first (by day,
    then by habit position), with their habits."""
    today = local_today(user)
    habits = {h.id: h for h in identity_habits(user, identity)}
    if not habits:
        return []
    specs = {h.id: habit_spec(h, week_start_day(user)) for h in habits.values()}
    query = (Checkin.select(Checkin, Habit).join(Habit)
             .where(Checkin.user == user, Checkin.habit.in_(list(habits)), Checkin.day <= today,
                    Checkin.status != "skipped")
             .order_by(Checkin.day.desc(), Habit.position, Habit.id))
    found, page = [], 1
    # A count habit's day below its target is a check-in but no vote: read on until enough are.
    while len(found) < limit:
        rows = list(query.paginate(page, EVIDENCE_PAGE))
        found += [c for c in rows if is_vote(specs[c.habit_id], Entry(c.day, c.status, c.value))]
        if len(rows) < EVIDENCE_PAGE:
            break
        page += 1
    for checkin in found:
        checkin.habit = habits[checkin.habit_id]  # with its rules, for the target it dumps
    return found[:limit]
