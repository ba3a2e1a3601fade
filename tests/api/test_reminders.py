"""Reminders (RULES.md "Reminders"): the rules, the dispatcher's exactly-once sending and its skip
rules, email with one-click unsubscribe, on both databases."""
import datetime
import email
import email.policy
from zoneinfo import ZoneInfo

import pytest

from server.models import Delivery, Reminder
from server.notify.dispatcher import dispatch

from .. import clock
from ..conftest import ApiClient, make_habit
from .helpers import day, error_of, field_errors

MINUTE = datetime.timedelta(minutes=1)


def make_reminder(client, **fields):
    response = client.post("/reminders", {"time": "08:00"} | fields)
    assert response.status_code == 201, response.json
    return response.json


def due_now(app, reminder, ago=MINUTE):
    """Make the reminder fire `ago` before the clock's now (a local time that has just passed)."""
    fire = (clock.now() - ago).astimezone(datetime.timezone.utc).replace(tzinfo=None)
    with app.app_context():
        Reminder.update(next_fire_at=fire).where(Reminder.id == reminder["id"]).execute()
    return clock.now()


def run(app, now=None):
    with app.app_context():
        return dispatch(app.config, now or clock.now())


def deliveries(app):
    with app.app_context():
        return [(d.status, d.detail) for d in Delivery.select().order_by(Delivery.id)]


def test_reminders_and_their_rules(client, other):
    walk = make_habit(client)
    reminder = make_reminder(client, target="habit", habit_id=walk["id"])
    assert {k: reminder[k] for k in ("days", "channels", "enabled", "skip_if_done")} == {
        "days": list(range(7)), "channels": ["push"], "enabled": True, "skip_if_done": True}
    assert reminder["next_fire_at"] is not None
    evening = make_reminder(client, target="habit", habit_id=walk["id"], time="20:30",
                            days=[4, 0], channels=["email"])
    assert evening["days"] == [0, 4]
    assert [r["id"] for r in client.get("/reminders").json] == [reminder["id"], evening["id"]]
    patched = client.patch(f"/reminders/{evening['id']}", {"time": "21:00", "enabled": False})
    assert (patched.json["time"], patched.json["next_fire_at"]) == ("21:00", None)
    weekly = make_reminder(client, target="weekly_summary", time="18:00")
    assert weekly["days"] == [0]  # the user's week start
    field_errors(client.post("/reminders", {"target": "weekly_summary", "time": "18:00",
                                            "days": [0, 6]}), "days")
    field_errors(client.post("/reminders", {"target": "habit", "time": "08:00"}), "habit_id")
    field_errors(client.post("/reminders", {"target": "reflection", "time": "08:00",
                                            "habit_id": walk["id"]}), "habit_id")
    field_errors(client.post("/reminders", {"target": "reflection", "time": "24:00"}), "time")
    field_errors(client.post("/reminders", {"target": "reflection", "time": "08:00",
                                            "channels": ["apprise"]}), "channels")
    field_errors(other.post("/reminders", {"target": "habit", "time": "08:00",
                                           "habit_id": walk["id"]}), "habit_id")
    for method in ("GET", "PATCH", "DELETE"):
        error_of(other.call(method, f"/reminders/{reminder['id']}", json={}), 404, "not_found")
    assert client.delete(f"/reminders/{reminder['id']}").status_code == 204
    assert client.delete(f"/habits/{walk['id']}").status_code == 204  # its reminders go too
    assert [r["target"] for r in client.get("/reminders").json] == ["weekly_summary"]


def test_upcoming_lists_the_next_fires_in_order(client):
    walk = make_habit(client, name="Walk", private=True)
    make_reminder(client, target="habit", habit_id=walk["id"], time="20:00")
    make_reminder(client, target="reflection", time="08:00")
    items = client.get("/reminders/upcoming?hours=48").json
    assert len(items) == 4
    instants = [datetime.datetime.fromisoformat(item["at"]) for item in items]
    assert instants == sorted(instants) and instants[0] > clock.now()
    assert {item["title"] for item in items} == {"Walk", "How was today?"}  # in the app: named
    error_of(client.get("/reminders/upcoming?hours=169"), 422, "validation_error")


def test_channels_say_what_this_server_can_deliver_through(app, client):
    assert client.get("/reminders/channels").json["channels"] == ["push"]
    app.config.update(SMTP_URL="smtp://127.0.0.1:2525", MAIL_FROM="orbit@example.org")
    assert client.get("/reminders/channels").json["channels"] == ["push", "email"]
    app.config.update(APPRISE=True, SMTP_URL="http://not-mail")  # unusable: no email
    assert client.get("/reminders/channels").json["channels"] == ["push", "apprise"]
    assert ApiClient(app).get("/reminders/channels").status_code == 401


@pytest.fixture
def mail(app, smtp):
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="Orbit <orbit@example.org>")
    return inbox


def parsed(inbox):
    return [email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
            for m in inbox.messages]


def test_a_reminder_email_goes_out_once_and_unsubscribes_in_one_click(app, client, mail):
    walk = make_habit(client, name="Walk by the river")
    reminder = make_reminder(client, target="habit", habit_id=walk["id"], channels=["email"])
    now = due_now(app, reminder)
    assert run(app, now) == {"sent": 1}
    assert run(app, now) == {} and run(app, now + 5 * MINUTE) == {}  # next: tomorrow
    [message] = parsed(mail)
    assert message["Subject"] == "Walk by the river"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip().strip("<>")
    body = message.get_body(("plain",)).get_content()
    assert f"/#/habit/{walk['id']}" in body and unsubscribe in body
    path = unsubscribe.split("/api/v1", 1)[1]
    page = client.http.get(f"/api/v1{path}")
    assert page.status_code == 200 and b"Turn this reminder off" in page.data
    assert client.http.post(f"/api/v1{path}").status_code == 200  # no cookie, no CSRF
    assert client.get(f"/reminders/{reminder['id']}").json["enabled"] is False
    error_of(client.http.get("/api/v1/unsubscribe/forged"), 404, "not_found")


SKIPS = {
    "done": ({}, [("put", {})], "skipped"),
    "skipped": ({}, [("put", {"status": "skipped"})], "skipped"),
    "not done yet": ({}, [], "sent"),
    "week met": ({"schedule": {"type": "per_week", "times": 1}}, [("put-yesterday", {})], None),
    "quit, slipped": ({"kind": "quit"}, [("put", {})], "sent"),
    "archived": ({}, [("archive", None)], "skipped"),
}


@pytest.mark.parametrize("case", list(SKIPS))
def test_skip_rules(app, client, mail, case):
    fields, actions, expected = SKIPS[case]
    habit = make_habit(client, start_date=day(-10), **fields)
    reminder = make_reminder(client, target="habit", habit_id=habit["id"], channels=["email"])
    now = due_now(app, reminder)
    fire_day = (now - MINUTE).astimezone(clock.ZONE_INFO).date()
    for action, body in actions:
        if action == "archive":
            client.patch(f"/habits/{habit['id']}", {"archived": True})
        else:
            date = fire_day - datetime.timedelta(days=action == "put-yesterday")
            client.put(f"/habits/{habit['id']}/checkins/{date.isoformat()}", body)
    if expected is None:  # a per_week habit met yesterday is not due today, unless the week
        expected = "sent" if fire_day.weekday() == 0 else "skipped"  # began today (Monday)
    assert run(app, now) == {expected: 1}
    assert len(mail.messages) == (expected == "sent")


def test_skip_if_done_off_and_the_reflection(app, client, mail):
    habit = make_habit(client)
    always = make_reminder(client, target="habit", habit_id=habit["id"], channels=["email"],
                           skip_if_done=False)
    reflection = make_reminder(client, target="reflection", channels=["email"])
    now = due_now(app, always)
    due_now(app, reflection)
    fire_day = (now - MINUTE).astimezone(clock.ZONE_INFO).date().isoformat()
    client.put(f"/habits/{habit['id']}/checkins/{fire_day}", {})
    client.put(f"/reflections/{fire_day}", {"mood": 4})
    assert run(app, now) == {"sent": 1, "skipped": 1}


def test_a_reminder_more_than_half_an_hour_late_is_missed(app, client, mail):
    reminder = make_reminder(client, target="reflection", channels=["email"])
    now = due_now(app, reminder, ago=31 * MINUTE)
    assert run(app, now) == {"missed": 1}
    assert mail.messages == [] and deliveries(app)[0][0] == "missed"


def test_a_time_zone_change_never_sends_a_day_twice(app, client, mail):
    """08:00 in Berlin is sent; the user flies to New York, where 08:00 of the same date comes
    six hours later: that day's reminder is not sent again."""
    from server.domain.reminders import fire_instant
    from server.models import User
    from server.store.reminders import schedule
    client.patch("/me", {"timezone": "Europe/Berlin"})
    reminder = make_reminder(client, target="reflection", channels=["email"])
    date = clock.today() - datetime.timedelta(days=3)
    berlin = fire_instant(date, datetime.time(8), ZoneInfo("Europe/Berlin"))
    with app.app_context():
        Reminder.update(next_fire_at=berlin.replace(tzinfo=None)).where(
            Reminder.id == reminder["id"]).execute()
    assert run(app, berlin + MINUTE) == {"sent": 1}
    client.patch("/me", {"timezone": "America/New_York"})
    new_york = fire_instant(date, datetime.time(8), ZoneInfo("America/New_York"))
    with app.app_context():  # rescheduled as if the change was made just after the Berlin send
        schedule([Reminder.get_by_id(reminder["id"])], User.get(), after=berlin + MINUTE)
        assert Reminder.get_by_id(reminder["id"]).next_fire_at == new_york.replace(tzinfo=None)
    assert run(app, new_york + MINUTE) == {"taken": 1}
    assert len(mail.messages) == 1


def test_failed_sends_are_retried_with_back_off(app, client, mail):
    reminder = make_reminder(client, target="reflection", channels=["email"])
    good_url = app.config["SMTP_URL"]
    app.config["SMTP_URL"] = "smtp://127.0.0.1:9"  # nothing listens there
    now = due_now(app, reminder)
    assert run(app, now) == {"failed": 1}
    assert run(app, now + MINUTE) == {}  # not before the back-off
    app.config["SMTP_URL"] = good_url
    assert run(app, now + 3 * MINUTE) == {"sent": 1}
    assert len(mail.messages) == 1


def test_private_habits_are_never_named_in_what_is_sent(app, client, mail):
    habit = make_habit(client, name="Therapy with Dr Vance", private=True)
    reminder = make_reminder(client, target="habit", habit_id=habit["id"], channels=["email"])
    assert run(app, due_now(app, reminder)) == {"sent": 1}
    [message] = parsed(mail)
    assert message["Subject"] == "Private habit"
    assert "Vance" not in message.as_string() and "Therapy" not in message.as_string()


def test_the_weekly_summary_reminder_sends_the_summary(app, client, mail):
    make_habit(client, name="Walk", start_date=day(-20))
    reminder = make_reminder(client, target="weekly_summary", channels=["email"])
    assert run(app, due_now(app, reminder)) == {"sent": 1}
    [message] = parsed(mail)
    assert message["Subject"].startswith("Your week,")
    assert message.get_body(("html",)) is not None and message["List-Unsubscribe"]


def test_a_failure_mid_pass_is_retried_and_an_abandoned_claim_recovered(app, client, mail,
                                                                       monkeypatch):
    import server.notify.dispatcher as dispatcher
    habit = make_habit(client)
    reminder = make_reminder(client, target="habit", habit_id=habit["id"], channels=["email"])
    now = due_now(app, reminder)

    def broken(*args):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(dispatcher, "reason_not_sent", broken)
    assert run(app, now) == {"failed": 1}  # recorded, not left "sending"
    monkeypatch.undo()
    assert run(app, now + 3 * MINUTE) == {"sent": 1}
    # A claim a crashed dispatcher left "sending" is picked up after ten minutes.
    with app.app_context():
        Delivery.update(status="sending").execute()
    assert run(app, now + 5 * MINUTE) == {}
    assert run(app, now + 16 * MINUTE) == {"sent": 1}
    assert len(mail.messages) == 2


def test_a_reminder_turned_off_is_not_retried(app, client, mail):
    reminder = make_reminder(client, target="reflection", channels=["email"])
    good_url = app.config["SMTP_URL"]
    app.config["SMTP_URL"] = "smtp://127.0.0.1:9"
    now = due_now(app, reminder)
    assert run(app, now) == {"failed": 1}
    app.config["SMTP_URL"] = good_url
    client.patch(f"/reminders/{reminder['id']}", {"enabled": False})
    assert run(app, now + 3 * MINUTE) == {"skipped": 1}
    assert mail.messages == []
