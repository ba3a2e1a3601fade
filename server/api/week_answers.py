"""The weekly reflection prompt: one short question about the week's evidence, answered and
kept with the week."""
from flask import Blueprint, request

from ..schemas.chapters import AnswersQuery, WeekAnswerIn, WeekAnswerOut
from ..i18n import reader_words
from ..store import week_answers
from .common import current_user, doc, request_json

bp = Blueprint("week_answers", __name__)
LATER = " (a later date means this week)"


@bp.get("/summaries/weekly/answers")
@doc("The answered weeks among the last weeks, newest first", query=AnswersQuery,
     response=WeekAnswerOut, many=True)
def list_answers():
    weeks = AnswersQuery().load(request.args)["weeks"]
    user = current_user()
    return WeekAnswerOut(many=True).dump(week_answers.answers_of(
        user, weeks, reader_words(user, request.accept_languages.values())))


@bp.get("/summaries/weekly/answers/<day:date>")
@doc("The prompt of the week holding a date, with its answer (null until answered)" + LATER,
     response=WeekAnswerOut)
def get_answer(date):
    user = current_user()
    return WeekAnswerOut().dump(week_answers.answer_of(
        user, date, reader_words(user, request.accept_languages.values())))


@bp.put("/summaries/weekly/answers/<day:date>")
@doc("Answer the prompt of the week holding a date" + LATER, body=WeekAnswerIn,
     response=WeekAnswerOut, status=(201, 200))
def put_answer(date):
    answer = WeekAnswerIn().load(request_json())["answer"]
    user = current_user()
    row, created = week_answers.put_answer(user, date, answer)
    words = reader_words(user, request.accept_languages.values())
    return WeekAnswerOut().dump(week_answers.worded(row, words)), 201 if created else 200


@bp.delete("/summaries/weekly/answers/<day:date>")
@doc("Remove the answer of the week holding a date" + LATER, status=204)
def delete_answer(date):
    week_answers.delete_answer(current_user(), date)
    return "", 204
