"""The weekly reflection prompt and its answer, kept with the week (scoped to the user)."""
import datetime

from ..clock import utcnow
from ..db import database, locked
from ..domain.prompts import prompt_for_week
from ..domain.weekly import week_containing
from ..models import User, WeekAnswer
from .common import local_today, week_start_day

WEEK = datetime.timedelta(days=7)


def week_of(user, day):
    """The first day of the user's week holding `day`; a later day means this week (a week that
    has not begun has no evidence to ask about)."""
    return week_containing(min(day, local_today(user)), week_start_day(user))


def answer_of(user, day):
    """GET /summaries/weekly/answers/{date}: the week's prompt, with its answer or null. An
    answered week keeps the question it was asked."""
    week_start = week_of(user, day)
    row = WeekAnswer.get_or_none(WeekAnswer.user == user, WeekAnswer.week_start == week_start)
    if row is not None:
        return row
    key, question = prompt_for_week(week_start)
    return {"week_start": week_start, "prompt": key, "question": question, "answer": None,
            "updated_at": None}


def put_answer(user, day, answer):
    """PUT: the answer to the week's prompt; (row, created)."""
    week_start = week_of(user, day)
    with database.atomic():
        # One writer of a user's weeks at a time: two first answers would both find none.
        locked(User.select(User.id).where(User.id == user.id)).get()
        row = WeekAnswer.get_or_none(WeekAnswer.user == user, WeekAnswer.week_start == week_start)
        if row is None:
            key, question = prompt_for_week(week_start)
            return WeekAnswer.create(user=user, week_start=week_start, prompt=key,
                                     question=question, answer=answer, updated_at=utcnow()), True
        WeekAnswer.update(answer=answer, updated_at=utcnow()).where(
            WeekAnswer.id == row.id).execute()
    row.answer, row.updated_at = answer, utcnow()
    return row, False


def delete_answer(user, day):
    """DELETE: the week's answer is gone (nothing to delete is no error)."""
    with database.atomic():
        WeekAnswer.delete().where(WeekAnswer.user == user,
                                  WeekAnswer.week_start == week_of(user, day)).execute()


def answers_of(user, weeks):
    """GET /summaries/weekly/answers: the answered weeks among the last `weeks`, newest first."""
    first = week_of(user, local_today(user)) - (weeks - 1) * WEEK
    return list(WeekAnswer.select().where(WeekAnswer.user == user, WeekAnswer.week_start >= first)
                .order_by(WeekAnswer.week_start.desc()))
