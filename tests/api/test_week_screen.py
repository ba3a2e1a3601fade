"""Issue 23: GET /summaries/weekly/screen is the Week screen's and the printable week's one
read: besides the summaries, trend, habits and identities, the week's question with its answer
and the answered weeks (as GET /summaries/weekly/answers/{date} and ?weeks=12 answer them), and
with hide_private the summaries name no private habit."""
import datetime

from tests import clock

from ..conftest import ApiClient, make_habit

WEEK = datetime.timedelta(days=7)


def test_the_screen_carries_the_weeks_question_and_the_answered_weeks(client, app):
    today = clock.today()
    earlier = today - 3 * WEEK
    client.put(f"/summaries/weekly/answers/{earlier}", {"answer": "Walked to work."})
    body = client.get("/summaries/weekly/screen").json
    assert body["prompt"] == client.get(f"/summaries/weekly/answers/{today}").json
    assert body["prompt"]["answer"] is None
    assert body["answers"] == client.get("/summaries/weekly/answers?weeks=12").json
    assert [a["answer"] for a in body["answers"]] == ["Walked to work."]

    client.put(f"/summaries/weekly/answers/{today}", {"answer": "Read twice."})
    past = client.get(f"/summaries/weekly/screen?date={earlier}").json
    assert past["prompt"]["answer"] == "Walked to work."
    assert past["prompt"]["week_start"] == past["summary"]["week_start"]
    assert [a["answer"] for a in past["answers"]] == ["Read twice.", "Walked to work."]
    # A later date means this week, as for the answers' own endpoint.
    later = client.get(f"/summaries/weekly/screen?date={today + 2 * WEEK}").json
    assert later["prompt"]["answer"] == "Read twice."

    # Another user's answers are not theirs to see.
    other = ApiClient(app).register().get("/summaries/weekly/screen").json
    assert other["answers"] == [] and other["prompt"]["answer"] is None


def test_the_printable_week_reads_the_screen_with_no_private_name(client):
    today = clock.today()
    secret = make_habit(client, name="Therapy with Dr Vance", private=True,
                        start_date=(today - 2 * WEEK).isoformat())
    client.put(f"/habits/{secret['id']}/checkins/{today}", {"status": "done"})
    shared = client.get(f"/summaries/weekly/screen?date={today}&hide_private=true").json
    assert "Vance" not in str(shared["summary"]) and "Vance" not in str(shared["last_week"])
    assert shared["summary"] == client.get(
        f"/summaries/weekly?date={today}&hide_private=true").json
    assert [row["name"] for row in shared["summary"]["habits"]] == ["Private habit"]
    # The habits themselves are the user's own list, as the screen has them.
    assert [h["id"] for h in shared["habits"]] == [secret["id"]]
    named = client.get("/summaries/weekly/screen").json
    assert [row["name"] for row in named["summary"]["habits"]] == ["Therapy with Dr Vance"]
    assert client.get("/summaries/weekly/screen?hide_private=maybe").status_code == 422
