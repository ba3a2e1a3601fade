"""GET /reminders/upcoming lists what the dispatcher would send (issue 23, defect 4): a habit
already done that day, or a day whose reflection is written, is not coming; the same rule
(store.reminders.reason_not_sent) judges both."""
import datetime

import pytest

from server.notify.dispatcher import dispatch

from .. import clock
from ..conftest import make_habit


@pytest.fixture
def noon(app):
    """The app's clock at noon of the test day, in the users' time zone."""
    instant = datetime.datetime.combine(clock.today(), datetime.time(12), clock.ZONE_INFO)
    app.config["NOW"] = lambda: instant.astimezone(datetime.timezone.utc)
    return instant


def titles(client):
    return [item["title"] for item in client.get("/reminders/upcoming?hours=24").json]


def test_a_done_habit_and_a_written_reflection_are_not_listed(app, client, noon):
    walk = make_habit(client, name="Walk", start_date=(noon.date() - datetime.timedelta(days=3))
                      .isoformat())
    read = make_habit(client, name="Read", start_date=walk["start_date"])
    for habit in (walk, read):
        assert client.post("/reminders", {"target": "habit", "habit_id": habit["id"],
                                          "time": "20:00"}).status_code == 201
    assert client.post("/reminders", {"target": "reflection", "time": "21:00"}).status_code == 201
    assert titles(client) == ["Walk", "Read", "How was today?"]
    today = noon.date().isoformat()
    assert client.put(f"/habits/{walk['id']}/checkins/{today}", {}).status_code in (200, 201)
    assert titles(client) == ["Read", "How was today?"]
    assert client.put(f"/reflections/{today}", {"mood": 4}).status_code in (200, 201)
    assert titles(client) == ["Read"]
    # What is listed is what the dispatcher sends at 20:00 and 21:00: Read alone.
    with app.app_context():
        assert dispatch(app.config, noon + datetime.timedelta(hours=8, minutes=1)) == {
            "sent": 1, "skipped": 1}
        assert dispatch(app.config, noon + datetime.timedelta(hours=9, minutes=1)) == {
            "skipped": 1}


def test_each_reminder_says_when_its_next_fire_will_not_be_sent(app, client, noon):
    """The row's "Next" follows the same rule (issue 23): a done habit's reminder at 20:00 says it
    is not sent, an archived habit's says why, the others say nothing."""
    start = (noon.date() - datetime.timedelta(days=3)).isoformat()
    walk, read, swim = (make_habit(client, name=n, start_date=start)
                        for n in ("Walk", "Read", "Swim"))
    for habit in (walk, read, swim):
        client.post("/reminders", {"target": "habit", "habit_id": habit["id"], "time": "20:00"})
    client.post("/reminders", {"target": "reflection", "time": "21:00"})
    client.put(f"/habits/{walk['id']}/checkins/{noon.date().isoformat()}", {})
    client.patch(f"/habits/{swim['id']}", {"archived": True})
    client.put(f"/reflections/{noon.date().isoformat()}", {"mood": 4})
    skipped = {(r["habit_id"], r["target"]): r["next_skipped"]
               for r in client.get("/reminders").json}
    assert skipped == {(walk["id"], "habit"): "already done", (read["id"], "habit"): None,
                       (swim["id"], "habit"): "the habit is archived",
                       (None, "reflection"): "the day's reflection is written"}
    one = client.get("/reminders").json[1]
    assert client.get(f"/reminders/{one['id']}").json["next_skipped"] == one["next_skipped"]
