"""Chapters, scoped to the user: their rows, the evidence counted since the current one, and the
fresh start Today offers (domain/chapters.py judges; this reads and remembers)."""
import datetime
from collections import defaultdict

from ..db import database
from ..domain.chapters import (DEFAULT_LANDMARKS, LANDMARKS, Chapter as ChapterValue,
                               current_chapter, fresh_start_offer, votes_between)
from ..errors import ApiError
from ..models import Chapter, Habit, User
from . import pauses
from .common import day_of, local_today, week_start_day
from .habits import attach_rules
from .specs import habit_spec
from .stats import entries_by_habit


def chapters_of(user):
    """The user's chapters, oldest first, each marked `current` or not."""
    rows = list(Chapter.select().where(Chapter.user == user).order_by(Chapter.start, Chapter.id))
    now = current_chapter(values_of(rows), local_today(user))
    for row in rows:
        row.current = now is not None and row.id == now.id
    return rows


def chapter_of(user, chapter_id):
    """The user's chapter with this id; 404 when it is not theirs."""
    chapter = Chapter.get_or_none(Chapter.id == chapter_id, Chapter.user == user)
    if chapter is None:
        raise ApiError(404, "There is no such chapter.")
    return chapter


def marked(user, chapter):
    """The chapter as the API shows it (with `current`)."""
    return next(c for c in chapters_of(user) if c.id == chapter.id)


def create_chapter(user, data):
    with database.atomic():
        return marked(user, Chapter.create(user=user, **data))


def update_chapter(user, chapter, data):
    """Apply a PATCH (an empty one changes nothing)."""
    if data:
        with database.atomic():
            Chapter.update(**data).where(Chapter.id == chapter.id).execute()
    return marked(user, chapter)


def delete_chapter(chapter):
    with database.atomic():
        Chapter.delete().where(Chapter.id == chapter.id).execute()


def values_of(rows):
    return [ChapterValue(id=c.id, name=c.name, start=c.start) for c in rows]


def chapter_values(user):
    """The user's chapters as the domain's values."""
    return values_of(Chapter.select().where(Chapter.user == user))


def reference(chapter):
    """A chapter as the reads that name it show it (ChapterRefOut), or None."""
    if chapter is None:
        return None
    return {"id": chapter.id, "name": chapter.name, "start": chapter.start.isoformat()}


def votes_since(user, habits, start, today):
    """{identity id: votes from `start` to today} of these habits (rows with their rules)."""
    habits = [h for h in habits if h.start_date <= today]
    entries = entries_by_habit([h.id for h in habits], start=start, end=today) if habits else {}
    rests, week_start = pauses.ranges_of(user), week_start_day(user)
    counts = defaultdict(int)
    for habit in habits:
        spec = habit_spec(habit, week_start, rests(habit.id))
        counts[habit.identity_id] += votes_between([(spec, entries.get(habit.id, []))], start,
                                                   today)
    return counts


def identity_since_chapter(user, habits):
    """The current chapter and the votes of these habits (one identity's) since it began, or
    None when no chapter has begun (GET /identities/{id}/votes)."""
    today = local_today(user)
    chapter = current_chapter(chapter_values(user), today)
    if chapter is None:
        return None
    return {**reference(chapter),
            "votes": sum(votes_since(user, habits, chapter.start, today).values())}


def evidence(user):
    """GET /chapters/evidence: the current chapter, and the votes since it, in all and per
    identity."""
    today = local_today(user)
    chapter = current_chapter(chapter_values(user), today)
    if chapter is None:
        return {"chapter": None, "votes": 0, "identities": []}
    habits = attach_rules(list(Habit.shown().where(Habit.user == user)))
    counts = votes_since(user, habits, chapter.start, today)
    return {"chapter": reference(chapter), "votes": sum(counts.values()),
            "identities": [{"identity_id": k, "votes": v} for k, v in sorted(
                (k, v) for k, v in counts.items() if k is not None)]}


def week_evidence(habit_inputs, chapters, last):
    """The chapter current on `last` (a week's last counted day) with the votes from its start
    to `last` beside all time up to `last`, in all and per identity; None without one. From the
    weekly summary's inputs (whole histories)."""
    chapter = current_chapter(chapters, last)
    if chapter is None:
        return None
    since, total = defaultdict(int), defaultdict(int)
    for habit in habit_inputs:
        pair = [(habit.spec, habit.entries)]
        since[habit.identity_id] += votes_between(pair, chapter.start, last)
        total[habit.identity_id] += votes_between(pair, habit.spec.start_date, last)
    return {**reference(chapter), "votes": sum(since.values()), "votes_total": sum(total.values()),
            "identities": [{"identity_id": k, "votes": since[k], "votes_total": total[k]}
                           for k in sorted(total) if k is not None]}


def landmarks_of(user):
    chosen = user.fresh_start_landmarks
    return list(DEFAULT_LANDMARKS if chosen is None else chosen)


def joined_on(user):
    """The user's day on which the account was made."""
    return day_of(user.created_at.replace(tzinfo=datetime.timezone.utc), user)


def offer(user, day=None):
    """The fresh start Today offers (on the user's today), or None."""
    day = day or local_today(user)
    chapters = chapter_values(user)
    found = fresh_start_offer(day, week_start_day(user), landmarks_of(user), chapters,
                              joined_on(user), user.fresh_start_dismissed)
    if found is None:
        return None
    return {**found, "chapter": reference(found["chapter"])}


def fresh_start(user):
    """GET /fresh-start: the landmarks chosen and today's offer."""
    return {"landmarks": landmarks_of(user), "offer": offer(user)}


def choose_landmarks(user, landmarks):
    """PATCH /fresh-start: the landmarks, in the domain's order, each once."""
    chosen = [kind for kind in LANDMARKS if kind in landmarks]
    with database.atomic():
        User.update(fresh_start_landmarks=chosen).where(User.id == user.id).execute()
    user.fresh_start_landmarks = chosen
    return fresh_start(user)


def dismiss(user):
    """POST /fresh-start/dismiss: every landmark up to today is set aside (each is offered once)."""
    today = local_today(user)
    with database.atomic():
        User.update(fresh_start_dismissed=today).where(User.id == user.id).execute()
    user.fresh_start_dismissed = today
    return fresh_start(user)
