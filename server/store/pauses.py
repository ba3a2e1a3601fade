"""Pauses: date ranges in which one habit, or every habit of the user, rests (RULES.md "Pauses").

The domain sees them as plain (first, last or None) ranges on each habit's spec, and counts a
paused day without a check-in as a skipped day. A pause written, moved or removed changes the
judged history of the days it covers, so the cached states of the habits it covers are made
stale exactly as a back-dated check-in makes them (checkpoints.invalidate_if_cached)."""
import datetime
from collections import defaultdict

from marshmallow import ValidationError

from ..db import database, locked
from ..errors import ApiError, FieldError
from ..models import Habit, Pause, User
from . import checkpoints
from .common import local_today

AHEAD = datetime.timedelta(days=366)  # a pause may be planned up to a year ahead


def pauses_of(user, habit_id=None):
    """The user's pauses (or one habit's own), by start then id."""
    query = Pause.select().where(Pause.user == user)
    if habit_id is not None:
        query = query.where(Pause.habit == known_habit(user, habit_id))
    return list(query.order_by(Pause.start, Pause.id))


def pause_of(user, pause_id):
    """The user's pause with this id; 404 when it is not theirs."""
    pause = Pause.get_or_none(Pause.id == pause_id, Pause.user == user)
    if pause is None:
        raise ApiError(404, "There is no such pause.")
    return pause


def known_habit(user, habit_id):
    """A habit id given in a body or a query: one of the user's, or a 422 field error."""
    if not Habit.shown().where(Habit.id == habit_id, Habit.user == user).exists():
        raise ValidationError({"habit_id": [FieldError("Unknown habit.", "not_found")]})
    return habit_id


def checked_dates(user, start, end):
    """start and end as RULES.md allows them: end on or after start, neither past a year ahead."""
    latest = local_today(user) + AHEAD
    if start > latest:
        raise ValidationError({"start": [FieldError(
            "A pause can be planned up to a year ahead.", "out_of_range", max=latest.isoformat())]})
    if end is not None and end < start:
        raise ValidationError({"end": [FieldError(
            "The last day of a pause cannot be before its first.", "out_of_order")]})
    if end is not None and end > latest:
        raise ValidationError({"end": [FieldError(
            "Up to a year ahead; leave it empty to pause until you resume.", "out_of_range",
            max=latest.isoformat())]})


def refuse_overlap(user, habit_id, start, end, pause_id=None):
    """409 when another pause of the same scope (the habit, or the whole account) overlaps."""
    query = Pause.select().where(Pause.user == user, Pause.end.is_null() | (Pause.end >= start),
                                 Pause.habit.is_null() if habit_id is None
                                 else Pause.habit == habit_id)
    if end is not None:
        query = query.where(Pause.start <= end)
    if pause_id is not None:
        query = query.where(Pause.id != pause_id)
    clash = query.order_by(Pause.start).first()
    if clash is not None:
        until = clash.end.isoformat() if clash.end else "you resume"
        raise ApiError(409, f"This overlaps the pause from {clash.start.isoformat()} to "
                            f"{until}; change that one instead.")


def create_pause(user, data):
    """A new pause of one habit (habit_id) or of every habit (none given)."""
    habit_id = data.get("habit_id")
    if habit_id is not None:
        known_habit(user, habit_id)
    start, end = data["start"], data.get("end")
    checked_dates(user, start, end)
    with database.atomic():
        hold(user)
        refuse_overlap(user, habit_id, start, end)
        pause = Pause.create(user=user, habit=habit_id, start=start, end=end,
                             note=data.get("note", ""))
        rest_changed(user, habit_id, start)
    return pause


def update_pause(user, pause, data):
    """Apply a PATCH: a new end (resume: the last paused day; null: open again), start or note."""
    with database.atomic():
        hold(user)
        pause = pause_of(user, pause.id)  # as it is now, with the user's pauses held
        start, end = data.get("start", pause.start), data.get("end", pause.end)
        checked_dates(user, start, end)
        refuse_overlap(user, pause.habit_id, start, end, pause.id)
        changes = {k: data[k] for k in ("start", "end", "note") if k in data}
        if changes:
            Pause.update(**changes).where(Pause.id == pause.id).execute()
        first = first_changed_day((pause.start, pause.end), (start, end))
        if first is not None:
            rest_changed(user, pause.habit_id, first)
    return pause_of(user, pause.id)


def delete_pause(user, pause):
    """Remove a pause: its days are judged as they were logged."""
    with database.atomic():
        hold(user)
        if Pause.delete().where(Pause.id == pause.id).execute():
            rest_changed(user, pause.habit_id, pause.start)


def hold(user):
    """Hold the user's row until the transaction ends, so that two pauses written at once cannot
    both pass the overlap check (see db.locked)."""
    locked(User.select(User.id).where(User.id == user.id)).get()


def first_changed_day(before, after):
    """The first day that one of the ranges (first, last or None) covers and the other does not."""
    candidates = []
    if before[0] != after[0]:
        candidates.append(min(before[0], after[0]))
    if before[1] != after[1]:
        ends = [e for e in (before[1], after[1]) if e is not None]
        candidates.append(min(ends) + datetime.timedelta(days=1))
    return min(candidates) if candidates else None


def rest_changed(user, habit_id, day):
    """The days from `day` on rest differently: stale cached states, if they can hold that day."""
    if habit_id is None:
        if day <= local_today(user) - datetime.timedelta(days=checkpoints.FRESH_DAYS):
            checkpoints.invalidate_user(user)
    else:
        checkpoints.invalidate_if_cached(user, Habit(id=habit_id), day)


def ranges_of(user):
    """A function giving each habit id its pause ranges (its own and the account's) as the
    domain takes them: ((first, last or None), ...). One query for all of the user's habits."""
    everywhere, own = [], defaultdict(list)
    for habit_id, start, end in Pause.select(Pause.habit, Pause.start, Pause.end).where(
            Pause.user == user).tuples():
        (everywhere if habit_id is None else own[habit_id]).append((start, end))
    return lambda habit_id: tuple(everywhere + own.get(habit_id, []))


def covering(pauses, habit_id, day):
    """Of `pauses`, the one that rests the habit on `day` (its own first), or None."""
    found = [p for p in pauses if p.start <= day and (p.end is None or day <= p.end)
             and p.habit_id in (habit_id, None)]
    return min(found, key=lambda p: p.habit_id is None, default=None)


def pauses_on(user, day):
    """The user's pauses that cover `day`."""
    return list(Pause.select().where(Pause.user == user, Pause.start <= day,
                                     Pause.end.is_null() | (Pause.end >= day)))


def pauses_of_users(user_ids, since):
    """The pauses of these users still running on or after `since`, by user id."""
    found = defaultdict(list)
    if user_ids:
        for pause in Pause.select().where(Pause.user.in_(list(user_ids)),
                                          Pause.end.is_null() | (Pause.end >= since)):
            found[pause.user_id].append(pause)
    return found
