"""Weekly summaries: the user's habits, check-ins, identities and moods as the domain's values,
and a cache of the computed summaries.

A summary reads every habit's whole history (strength and streaks start at the start date), so
a computed one is kept (WeeklyCache) under a fingerprint of all it was computed from: the habits'
rows and revisions (which move on with any change to a day older than yesterday, a rule or the
start date), the pauses, the identities, the user's zone and week start, today, and the count,
newest id and newest change of the recent check-ins (which do not move revisions) and of the
moods it reads.
The fingerprint is taken before the data is read, so a summary can be newer than its key, never
older."""
import datetime
import hashlib
import json
from zoneinfo import ZoneInfo

from peewee import EXCLUDED, fn

from .. import i18n
from ..domain import Entry
from ..domain.weekly import HabitInput, history_rows, week_containing, weekly_summary
from ..models import Chapter, Checkin, Habit, Identity, Pause, Reflection, WeeklyCache
from . import chapters
from .common import local_today, week_start_day
from .habits import attach_rules
from .pauses import ranges_of
from .specs import habit_spec
from .checkpoints import LAG

WEEK = datetime.timedelta(days=7)
MOOD_DAYS = datetime.timedelta(days=89)  # the mood links' 90 days end on the week's last day


def last_complete_week(user):
    """The first day of the last week that has ended (the default summary)."""
    return week_containing(local_today(user), week_start_day(user)) - WEEK


def summary_of_week(user, day, hide_private=False, words=None):
    """GET /summaries/weekly: the summary of the user's week holding `day`, its sentences in
    `words` (server/i18n.py; English without)."""
    words = words or i18n.words_in(i18n.SOURCE)
    today = local_today(user)
    week_start = week_containing(day, week_start_day(user))
    last = min(week_start + WEEK - datetime.timedelta(days=1), today)
    habits = habit_rows(user)
    identities = [(i.id, i.statement) for i in Identity.select().where(
        Identity.user == user).order_by(Identity.position, Identity.id)]
    key = fingerprint(user, today, habits, identities, last - MOOD_DAYS, last)

    def compute():
        inputs = habit_inputs(user, habits, last)
        summary = weekly_summary(inputs, identities, moods_between(user, last - MOOD_DAYS, last),
                                 week_start, today, hide_private, words)
        # evidence since the chapter current at the week's end, beside all time
        return {**summary, "chapter": chapters.week_evidence(inputs, chapters.chapter_values(user),
                                                             last)}
    # one kept per language: the sentences are in the reader's
    return cached(user, f"week:{week_start}:{int(hide_private)}:{words.tag}", key, compute)


def history(user, weeks):
    """GET /summaries/weekly/history: the last `weeks` weeks, this one first."""
    today = local_today(user)
    newest = week_containing(today, week_start_day(user))
    first = newest - (weeks - 1) * WEEK
    habits = habit_rows(user)
    key = fingerprint(user, today, habits, [], first, today)

    def compute():
        return history_rows(habit_inputs(user, habits, today), moods_between(user, first, today),
                            newest, weeks, today)
    return cached(user, f"history:{weeks}", key, compute)


def cached(user, name, key, compute):
    """The stored result under `name` if its key matches, else computed and stored."""
    row = WeeklyCache.get_or_none(WeeklyCache.user == user, WeeklyCache.name == name)
    if row is not None and row.key == key:
        return row.data
    data = compute()
    WeeklyCache.insert(user=user, name=name, key=key, data=data).on_conflict(
        conflict_target=[WeeklyCache.user, WeeklyCache.name],
        update={WeeklyCache.key: EXCLUDED.key, WeeklyCache.data: EXCLUDED.data}).execute()
    return data


def fingerprint(user, today, habits, identities, moods_from, last):
    """A hash of everything a summary of the days up to `last` is computed from."""
    parts = [user.timezone, user.week_start, today.isoformat(), identities,
             [(h.id, h.revision, h.name, h.private, h.identity_id, str(h.archived_at), h.kind,
               h.measure, h.unit, str(h.start_date), h.schedule, h.target, h.appointment,
               h.plan_cue, h.plan_action) for h in habits],
             # every pause, as it stands: a pause of a recent day moves no revision
             list(Pause.select(Pause.id, Pause.habit, Pause.start, Pause.end).where(
                 Pause.user == user).order_by(Pause.id).tuples()),
             list(Reflection.select(fn.COUNT(Reflection.id), fn.MAX(Reflection.id),
                                    fn.MAX(Reflection.updated_at)).where(
                 Reflection.user == user, Reflection.day.between(moods_from, last)).tuples()),
             list(Chapter.select(Chapter.id, Chapter.name, Chapter.start).where(
                 Chapter.user == user).order_by(Chapter.id).tuples())]
    if last >= today - LAG:  # the days whose check-ins do not move a habit's revision
        parts.append(list(Checkin.select(fn.COUNT(Checkin.id), fn.MAX(Checkin.id),
                                         fn.MAX(Checkin.updated_at)).where(
            Checkin.user == user, Checkin.day >= today - LAG).tuples()))
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def habit_rows(user):
    """Every habit of the user (archived ones too), with its rules."""
    return attach_rules(list(Habit.shown().where(Habit.user == user)
                             .order_by(Habit.position, Habit.id)))


def habit_inputs(user, habits, until, only_theirs=False):
    """The habits as the domain's values, with their check-ins up to `until` (`only_theirs`:
    read only these habits' rows, from the earliest start date, as a share page does)."""
    week_start = week_start_day(user)
    rests = ranges_of(user)
    entries = {h.id: [] for h in habits}
    rows = Checkin.user == user, Checkin.day <= until
    if only_theirs:
        if not habits:
            return []
        rows += Checkin.habit.in_(list(entries)), Checkin.day >= min(h.start_date for h in habits)
    for habit_id, day, status, value in (
            Checkin.select(Checkin.habit, Checkin.day, Checkin.status, Checkin.value)
            .where(*rows).order_by(Checkin.day).tuples()):
        if habit_id in entries:  # a habit created since the rows were read waits for next time
            entries[habit_id].append(Entry(day, status, value))
    zone = ZoneInfo(user.timezone)
    return [HabitInput(id=h.id, name=h.name, identity_id=h.identity_id, kind=h.kind,
                       measure=h.measure, unit=h.unit, target=h.target, schedule=h.schedule,
                       private=h.private, archived_on=archived_on(h, zone),
                       spec=habit_spec(h, week_start, rests(h.id)), entries=entries[h.id],
                       appointment=h.appointment, plan_cue=h.plan_cue, plan_action=h.plan_action)
            for h in habits]


def archived_on(habit, zone):
    """The user's date on which the habit was archived, or None."""
    if habit.archived_at is None:
        return None
    return habit.archived_at.replace(tzinfo=datetime.timezone.utc).astimezone(zone).date()


def moods_between(user, first, last):
    """The user's moods by day, from first to last."""
    return {day: mood for day, mood in Reflection.select(Reflection.day, Reflection.mood).where(
        Reflection.user == user, Reflection.day.between(first, last)).tuples()}
