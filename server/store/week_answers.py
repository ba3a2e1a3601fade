"""The weekly reflection prompt and its answer, kept with the week (scoped to the user)."""
import datetime

from ..clock import utcnow
from ..db import database, locked
from ..domain.prompts import prompt_for_week, question_in
from ..domain.wording import SOURCE
from ..domain.weekly import week_containing
from ..models import User, WeekAnswer
from .common import local_today, week_start_day

WEEK = datetime.timedelta(days=7)


def week_of(user, day):
    """The first day of the user's week holding `day`; a later day means this week (a week that
    has not begun has no evidence to ask about)."""
    return week_containing(min(day, local_today(user)), week_start_day(user))


def worded(answer, words=SOURCE):
    """A week's answer (a row or its dict) with its question in the reader's `words`."""
    fields = answer if isinstance(answer, dict) else {
        "week_start": answer.week_start, "prompt": answer.prompt, "question": answer.question,
        "answer": answer.answer, "updated_at": answer.updated_at}
    return {**fields, "question": question_in(fields["prompt"], fields["question"], words)}


def answer_of(user, day, words=SOURCE):
    """GET /summaries/weekly/answers/{date}: the week's prompt, with its answer or null. An
    answered week keeps the question it was asked (in the reader's `words`)."""
    week_start = week_of(user, day)
    row = WeekAnswer.get_or_none(WeekAnswer.user == user, WeekAnswer.week_start == week_start)
    if row is not None:
        return worded(row, words)
    key, question = prompt_for_week(week_start)
    return worded({"week_start": week_start, "prompt": key, "question": question, "answer": None,
                   "updated_at": None}, words)


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


def answers_of(user, weeks, words=SOURCE):
    """GET /summaries/weekly/answers: the answered weeks among the last `weeks`, newest first,
    their questions in the reader's `words`."""
    first = week_of(user, local_today(user)) - (weeks - 1) * WEEK
    return [worded(row, words) for row in WeekAnswer.select().where(
        WeekAnswer.user == user, WeekAnswer.week_start >= first)
        .order_by(WeekAnswer.week_start.desc())]
