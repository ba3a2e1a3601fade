"""A reminder says the habit's if-then plan (issue 24), "When I get home: walk 20 minutes", on
every channel: Web Push (decrypted with the device's keys), email, Apprise, the calendar feed and
the list of what is coming; a private habit's plan never leaves the app on any of them."""
import datetime
import email
import email.policy
import json

import http_ece
import pytest
from icalendar import Calendar

from server.domain.plans import reminder_line
from server.models import Reminder
from server.notify.dispatcher import dispatch

from .. import clock
from ..conftest import make_habit
from .test_push import device

LINE = "When I get home: walk 20 minutes"
SECRET = {"name": "Therapy with Dr Vance", "private": True, "plan_cue": "I leave the office",
          "plan_action": "drive to Dr Vance"}
OPEN = {"name": "Walk", "plan_cue": "I get home", "plan_action": "walk 20 minutes"}


def fire_now(app, reminder):
    fire = (clock.now() - datetime.timedelta(minutes=1)).astimezone(datetime.timezone.utc)
    with app.app_context():
        Reminder.update(next_fire_at=fire.replace(tzinfo=None)).where(
            Reminder.id == reminder["id"]).execute()
        return dispatch(app.config, clock.now())


def remind(client, habit, channel):
    response = client.post("/reminders", {"target": "habit", "habit_id": habit["id"],
                                          "time": "08:00", "channels": [channel]})
    assert response.status_code == 201, response.json
    return response.json


def assert_private(text):
    for word in ("Vance", "Therapy", "office", "drive"):
        assert word not in text, text


@pytest.mark.parametrize("cue, action, line", [
    ("I get home", "walk 20 minutes", LINE),
    ("When I get home,", "I will walk 20 minutes", LINE),  # the form's own words, typed again
    ("it rains", "I'll walk on the treadmill", "When it rains: walk on the treadmill"),
    ("", "walk", None), ("I get home", "", None),
])
def test_the_reminder_line(cue, action, line):
    assert reminder_line(cue, action) == line


def test_push_says_the_plan_and_never_a_private_one(app, client, push_service):
    received, base = push_service
    private, auth = device(client, base)
    for fields in (OPEN, SECRET):
        assert fire_now(app, remind(client, make_habit(client, **fields), "push")) == {"sent": 1}
    payloads = [json.loads(http_ece.decrypt(body, private_key=private, auth_secret=auth,
                                            version="aes128gcm")) for _, _, body in received]
    assert [(p["title"], p["body"]) for p in payloads][0] == ("Walk", LINE)
    assert payloads[1]["title"] == "Private habit"
    assert_private(json.dumps(payloads[1]))


@pytest.fixture
def push_service(app, http_receiver):
    app.config["PUSH_EXTRA_HOSTS"] = ("127.0.0.1",)  # the test's push service, over http
    received, address = http_receiver
    return received, f"http://{address}"


def test_email_says_the_plan_and_never_a_private_one(app, client, smtp):
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="Orbit <orbit@example.org>")
    for fields in (OPEN, SECRET):
        assert fire_now(app, remind(client, make_habit(client, **fields), "email")) == {"sent": 1}
    walk, secret = [email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
                    for m in inbox.messages]
    assert walk["Subject"] == "Walk" and walk.get_content().startswith(LINE + "\n")
    assert secret["Subject"] == "Private habit"
    assert_private(secret.as_string())


def test_apprise_says_the_plan_and_never_a_private_one(app, client, http_receiver):
    received, address = http_receiver
    app.config["APPRISE"] = app.config["APPRISE_PRIVATE"] = True  # the target is local
    assert client.post("/notify/targets", {"label": "ntfy",
                                           "url": f"json://{address}/notify"}).status_code == 201
    for fields in (OPEN, SECRET):
        assert fire_now(app, remind(client, make_habit(client, **fields), "apprise")) == {
            "sent": 1}
    walk, secret = [json.loads(body) for _, _, body in received]
    assert walk["title"] == "Walk" and walk["message"].startswith(LINE + "\n")
    assert secret["title"] == "Private habit"
    assert_private(json.dumps(secret))


def test_the_calendar_feed_says_the_plan_and_never_a_private_one(client, anon):
    url = client.post("/calendar/token").json["url"]
    for fields in (OPEN, SECRET, {"name": "Read"}):
        remind(client, make_habit(client, **fields), "push")
    response = anon.get(url.split("/api/v1", 1)[1])
    assert response.status_code == 200
    events = {str(e["summary"]): e for e in Calendar.from_ical(response.data).walk("VEVENT")}
    assert set(events) == {"Walk", "Private habit", "Read"}
    assert str(events["Walk"]["description"]) == LINE
    [alarm] = events["Walk"].walk("VALARM")
    assert str(alarm["description"]) == LINE
    assert "description" not in events["Private habit"]
    assert str(events["Private habit"].walk("VALARM")[0]["description"]) == "Private habit"
    assert str(events["Read"].walk("VALARM")[0]["description"]) == "Read"  # no plan: its name
    assert_private(response.data.decode())


def test_the_app_lists_coming_reminders_with_the_plan(client):
    """The upcoming list is the app's own (private habits are named there, as on Today)."""
    remind(client, make_habit(client, **OPEN), "push")
    quit_habit = make_habit(client, name="No reactive messages", kind="quit",
                            plan_cue="a message makes my chest tight",
                            plan_action="wait ten minutes")
    remind(client, quit_habit, "push")
    items = client.get("/reminders/upcoming?hours=24").json
    assert {(i["title"], i["body"]) for i in items} == {
        ("Walk", LINE), ("No reactive messages", "When a message makes my chest tight: wait ten "
                                                 "minutes")}


def test_a_test_send_says_the_plan(app, client, smtp):
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="Orbit <orbit@example.org>")
    reminder = remind(client, make_habit(client, **OPEN), "email")
    assert client.post(f"/reminders/{reminder['id']}/test").status_code == 200
    [message] = [email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
                 for m in inbox.messages]
    assert message.get_content().startswith(LINE)


def test_the_summary_email_shows_the_plan_of_a_week_that_went_hard(app, client, smtp):
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="Orbit <orbit@example.org>")
    today = clock.today()
    last = today - datetime.timedelta(days=today.weekday() + 7)  # last week's Monday
    walk = make_habit(client, **OPEN, start_date=last.isoformat())
    secret = make_habit(client, **SECRET, start_date=last.isoformat())
    for habit in (walk, secret):  # 1 of 7: a week that went hard
        assert client.put(f"/habits/{habit['id']}/checkins/{last.isoformat()}", {}).status_code == 201
    reminder = client.post("/reminders", {"target": "weekly_summary", "time": "08:00",
                                          "channels": ["email"]}).json
    assert fire_now(app, reminder) == {"sent": 1}
    [message] = [email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
                 for m in inbox.messages]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Your plan: When I get home, I will walk 20 minutes" in text
    assert "Your plan: When I get home, I will walk 20 minutes" in html
    assert text.count("Your plan:") == 1  # the private habit's plan stays in the app
    assert_private(message.as_string())
