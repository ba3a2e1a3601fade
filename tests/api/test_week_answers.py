"""Weekly reflection prompts (issue 24) through the API: one question a week about the evidence,
turning week by week, answered and kept with the week (with the question as it was asked), and
listed for the week's history. The app runs on fixed days (app.config["NOW"])."""
import datetime

import pytest

from server.domain.prompts import PROMPTS, QUESTIONS

from ..conftest import ApiClient
from .helpers import field_errors

UTC = datetime.timezone.utc


def on(app, day):
    instant = datetime.datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
    app.config["NOW"] = lambda: instant


@pytest.fixture
def user(app):
    on(app, "2027-03-10")  # a Wednesday; weeks start on Monday
    return ApiClient(app).register(timezone="UTC")


def test_a_week_is_asked_one_question_and_keeps_its_answer(app, user):
    asked = user.get("/summaries/weekly/answers/2027-03-10").json
    assert asked["week_start"] == "2027-03-08" and asked["answer"] is None
    assert asked["question"] == QUESTIONS[asked["prompt"]]
    assert user.get("/summaries/weekly/answers/2027-03-14").json == asked  # any day of the week
    created = user.put("/summaries/weekly/answers/2027-03-09", {"answer": "Walked to work."})
    assert created.status_code == 201, created.json
    assert {k: created.json[k] for k in ("week_start", "prompt", "question", "answer")} == {
        **{k: asked[k] for k in ("week_start", "prompt", "question")}, "answer": "Walked to work."}
    changed = user.put("/summaries/weekly/answers/2027-03-10", {"answer": "Walked twice."})
    assert (changed.status_code, changed.json["answer"]) == (200, "Walked twice.")
    assert user.get("/summaries/weekly/answers/2027-03-08").json == changed.json
    # A later day means this week: no week that has not begun is asked about.
    assert user.get("/summaries/weekly/answers/2027-04-01").json == changed.json


def test_the_prompts_turn_week_by_week(user):
    weeks = [datetime.date(2027, 1, 4) + datetime.timedelta(weeks=n) for n in range(len(PROMPTS))]
    keys = [user.get(f"/summaries/weekly/answers/{w}").json["prompt"] for w in weeks]
    assert sorted(keys) == sorted(QUESTIONS)  # each prompt once in as many weeks
    again = weeks[-1] + datetime.timedelta(weeks=1)
    assert user.get(f"/summaries/weekly/answers/{again}").json["prompt"] == keys[0]


def test_the_history_lists_answered_weeks_newest_first(app, user):
    for day, text in (("2027-02-17", "Painted."), ("2027-03-03", "Slept."),
                      ("2027-03-10", "Walked.")):
        assert user.put(f"/summaries/weekly/answers/{day}", {"answer": text}).status_code == 201
    assert [(a["week_start"], a["answer"]) for a in
            user.get("/summaries/weekly/answers").json] == [
        ("2027-03-08", "Walked."), ("2027-03-01", "Slept."), ("2027-02-15", "Painted.")]
    assert [a["answer"] for a in user.get("/summaries/weekly/answers?weeks=2").json] == [
        "Walked.", "Slept."]
    assert user.delete("/summaries/weekly/answers/2027-03-03").status_code == 204
    assert user.delete("/summaries/weekly/answers/2027-03-03").status_code == 204
    assert [a["answer"] for a in user.get("/summaries/weekly/answers").json] == [
        "Walked.", "Painted."]
    # Next week, the question is the next one; last week's answer keeps its own.
    on(app, "2027-03-15")
    last = user.get("/summaries/weekly/answers/2027-03-10").json
    assert last["answer"] == "Walked." and last["question"] == QUESTIONS[last["prompt"]]
    assert user.get("/summaries/weekly/answers/2027-03-15").json["prompt"] != last["prompt"]


def test_an_answer_is_short_text(user):
    for body in ({}, {"answer": ""}, {"answer": "x" * 1001}, {"answer": 3}):
        assert field_errors(user.put("/summaries/weekly/answers/2027-03-10", body), "answer")
    assert field_errors(user.get("/summaries/weekly/answers?weeks=0"), "weeks")


def test_two_first_answers_at_once_both_land(app, user):
    """Two devices answering a new week together: one creates, the other updates (on PostgreSQL
    both used to find no row, and the second answered 409)."""
    import threading

    from .test_races import clients_of
    devices = clients_of(app, user, 2)
    for round_ in range(5):
        week = f"2027-0{1 + round_ // 4}-{4 + 7 * (round_ % 4):02d}"
        answers, barrier = [], threading.Barrier(2)

        def answer(device, text):
            barrier.wait()
            answers.append(device.put(f"/summaries/weekly/answers/{week}",
                                      {"answer": text}).status_code)

        threads = [threading.Thread(target=answer, args=(d, f"from {i}"))
                   for i, d in enumerate(devices)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(answers) == [200, 201], (week, answers)
        assert user.get(f"/summaries/weekly/answers/{week}").json["answer"] in (
            "from 0", "from 1")
