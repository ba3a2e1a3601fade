"""What reaches the user outside the app: Apprise targets (through a json:// target the test
serves) and the calendar feed (parsed back with icalendar, its recurrence expanded)."""
import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from server.models import Reminder
from server.notify.dispatcher import dispatch

from .. import clock
from ..conftest import make_habit
from .helpers import error_of, field_errors


@pytest.fixture
def receiver(http_receiver):
    """What an Apprise json:// target posts to the test's server, and that target's URL."""
    received, address = http_receiver
    return received, f"json://{address}/notify"


def test_apprise_is_off_unless_the_operator_allows_it(client):
    error_of(client.get("/notify/targets"), 404, "not_found")
    field_errors(client.post("/reminders", {"target": "reflection", "time": "08:00",
                                            "channels": ["apprise"]}), "channels")


def test_apprise_targets_deliver_and_never_show_or_name(app, client, other, receiver):
    received, url = receiver
    app.config["APPRISE"] = app.config["APPRISE_PRIVATE"] = True  # the target is local
    field_errors(client.post("/notify/targets", {"label": "x", "url": "nonsense://"}), "url")
    target = client.post("/notify/targets", {"label": "My ntfy", "url": url})
    assert target.status_code == 201 and "url" not in target.json
    assert [t["label"] for t in client.get("/notify/targets").json] == ["My ntfy"]
    assert url not in json.dumps(client.get("/notify/targets").json)
    assert other.get("/notify/targets").json == []
    error_of(other.delete(f"/notify/targets/{target.json['id']}"), 404, "not_found")
    assert client.post(f"/notify/targets/{target.json['id']}/test").status_code == 202
    habit = make_habit(client, name="Therapy with Dr Vance", private=True)
    reminder = client.post("/reminders", {"target": "habit", "habit_id": habit["id"],
                                          "time": "08:00", "channels": ["apprise"]}).json
    fire = (clock.now() - datetime.timedelta(minutes=1)).astimezone(datetime.timezone.utc)
    with app.app_context():
        Reminder.update(next_fire_at=fire.replace(tzinfo=None)).where(
            Reminder.id == reminder["id"]).execute()
        assert dispatch(app.config, clock.now()) == {"sent": 1}
    test_message, reminded = [json.loads(body) for _, _, body in received]
    assert "works" in test_message["message"]
    assert reminded["title"] == "Private habit" and "Vance" not in json.dumps(reminded)
    assert f"/#/habit/{habit['id']}" in reminded["message"]


def test_the_calendar_feed(client, anon):
    client.patch("/me", {"timezone": "America/New_York"})
    error_of(client.get("/calendar/token"), 404, "not_found")
    url = client.post("/calendar/token").json["url"]
    assert client.get("/calendar/token").json["url"] == url
    walk = make_habit(client, name="Walk", schedule={"type": "weekdays", "days": [0, 2, 4]})
    secret = make_habit(client, name="Therapy with Dr Vance", private=True)
    for habit, time in ((walk, "02:30"), (secret, "18:00")):
        client.post("/reminders", {"target": "habit", "habit_id": habit["id"], "time": time})
    client.post("/reminders", {"target": "weekly_summary", "time": "18:00"})  # not in a feed
    path = url.split("/api/v1", 1)[1]
    response = anon.get(path)  # no sign-in: the URL is the secret
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Walk", "Private habit"}
    assert b"Vance" not in response.data
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "America/New_York"
    assert events["Walk"].walk("VALARM")
    walk_event = events["Walk"]
    start = walk_event.decoded("dtstart")
    rule = rrulestr(walk_event["rrule"].to_ical().decode(), dtstart=start)
    fires = rule.between(start, start + datetime.timedelta(days=400), inc=True)
    zone = ZoneInfo("America/New_York")
    assert {f.astimezone(zone).weekday() for f in fires} == {0, 2, 4}  # the habit's days only
    spring = [f for f in fires if f.month == 3 and 8 <= f.day <= 14]
    assert spring and all(f.astimezone(zone).strftime("%H:%M") in ("02:30", "03:30")
                          for f in spring)
    assert {f.astimezone(zone).strftime("%H:%M") for f in fires} <= {"02:30", "03:30"}
    error_of(anon.get("/calendar/%00.ics"), 404, "not_found")
    new_url = client.post("/calendar/token").json["url"]  # rotating kills the old URL
    error_of(anon.get(path), 404, "not_found")
    assert anon.get(new_url.split("/api/v1", 1)[1]).status_code == 200
