"""Snooze (issue 27): "Later" on each channel (the notification's action, the page its tap opens,
the link in a reminder email) fires the reminder once more at the time chosen, through the
dispatcher's claim, never twice, and never when the habit was done meanwhile; three dispatcher
processes at once; the signed links refused when tampered with or expired."""
import datetime
import json
import multiprocessing
import re
from urllib.parse import urlsplit

import http_ece
import pytest

from server.db import database
from server.domain.snooze import later
from server.models import Delivery, Reminder
from server.models.snooze import Snooze
from server.notify.dispatcher import dispatch

from .. import clock
from ..conftest import make_habit
from .helpers import error_of
from .test_push import device

MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def push_service(http_receiver):
    received, address = http_receiver
    return received, f"http://{address}"


@pytest.fixture(autouse=True)
def local_push_service(app):
    app.config["PUSH_EXTRA_HOSTS"] = ("127.0.0.1",)


def fire(app, reminder, now=None):
    """The reminder's regular fire, a minute ago: the dispatcher's counts."""
    now = now or clock.now()
    with app.app_context():
        Reminder.update(next_fire_at=(now - MINUTE).astimezone(datetime.timezone.utc)
                        .replace(tzinfo=None)).where(Reminder.id == reminder["id"]).execute()
        return dispatch(app.config, now)


def run(app, now):
    with app.app_context():
        return dispatch(app.config, now)


def payloads(received, keys):
    """The decrypted payloads the push service received, in order."""
    private, auth = keys
    return [json.loads(http_ece.decrypt(body, private_key=private, auth_secret=auth,
                                        version="aes128gcm")) for _, _, body in received]


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def habit_reminder(client, channels=("push",), **habit):
    made = make_habit(client, **({"name": "Stretch"} | habit))
    reminder = client.post("/reminders", {"target": "habit", "habit_id": made["id"],
                                          "time": "08:00", "channels": list(channels)}).json
    return made, reminder


def test_later_from_the_notification_fires_once_at_the_new_time(app, client, push_service):
    received, base = push_service
    keys = device(client, base)
    habit, reminder = habit_reminder(client)
    assert fire(app, reminder) == {"sent": 1}
    [first] = payloads(received, keys)
    assert first["later"]["title"] == "Later" and "/api/v1/later/" in first["page"]
    answer = client.http.post(path_of(first["later"]["url"]), json={"until": "30m"})  # no cookie
    assert answer.status_code == 200, answer.json
    at = datetime.datetime.fromisoformat(answer.json["until"])
    assert abs(at - (clock.now() + datetime.timedelta(minutes=30))) < MINUTE
    assert re.fullmatch(r"\d\d:\d\d", answer.json["local_time"])
    assert run(app, at - MINUTE) == {}  # not before its time
    assert run(app, at + MINUTE) == {"snooze_sent": 1}
    assert run(app, at + 2 * MINUTE) == {}  # never twice
    second = payloads(received, keys)[1]
    assert second["tag"] == first["tag"] == f"reminder-{reminder['id']}"
    assert second["title"] == "Stretch" and second["later"]  # it can be put off again
    with app.app_context():
        assert Delivery.select().count() == 1 and Snooze.get().status == "sent"


def test_a_snooze_is_not_sent_once_the_habit_is_done(app, client, push_service):
    received, base = push_service
    keys = device(client, base)
    habit, reminder = habit_reminder(client)
    fire(app, reminder)
    [first] = payloads(received, keys)
    at = datetime.datetime.fromisoformat(client.http.post(
        path_of(first["later"]["url"]), json={"until": "1h"}).json["until"])
    # Done meanwhile, through the notification's own Done.
    assert client.http.post(path_of(first["action"]["url"])).status_code == 204
    assert run(app, at + MINUTE) == {"snooze_skipped": 1}
    assert len(received) == 1
    with app.app_context():
        assert Snooze.get().detail == "already done"


def test_even_a_reminder_sent_on_done_days_is_not_snoozed_past_done(app, client, push_service):
    received, base = push_service
    device(client, base)
    habit, reminder = habit_reminder(client)
    client.patch(f"/reminders/{reminder['id']}", {"skip_if_done": False})
    fire(app, reminder)
    with app.app_context():
        from server.store.snoozes import snooze
        snooze(Reminder.get_by_id(reminder["id"]), clock.today(), "30m")
    client.put(f"/habits/{habit['id']}/checkins/{clock.today().isoformat()}", {"status": "done"})
    assert run(app, clock.now() + 31 * MINUTE) == {"snooze_skipped": 1}


def test_the_page_a_tap_opens_offers_done_and_later(app, client, push_service):
    received, base = push_service
    keys = device(client, base)
    habit, reminder = habit_reminder(client, name="Read <b>20</b> pages")
    fire(app, reminder)
    [first] = payloads(received, keys)
    page = client.http.get(path_of(first["page"]))
    assert page.status_code == 200 and page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert "Read &lt;b&gt;20&lt;/b&gt; pages" in text and "<b>20" not in text
    assert "?until=done&amp;done=" in text and "This evening" in text and "In 30 minutes" in text
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    with app.app_context():
        assert Snooze.select().count() == 0  # a GET changes nothing
    chosen = client.http.post(path_of(first["page"]).split("?")[0] + "?until=evening")
    assert chosen.status_code == 200 and "Orbit reminds you again at" in chosen.get_data(True)
    evening = later("evening", clock.now(), clock.ZONE_INFO)
    assert run(app, evening - MINUTE) == {}
    assert run(app, evening + MINUTE) == {"snooze_sent": 1}
    assert run(app, evening + 2 * MINUTE) == {} and len(received) == 2


def test_done_on_the_tap_page_logs_once(app, client, push_service):
    received, base = push_service
    keys = device(client, base)
    habit, reminder = habit_reminder(client, measure="minutes", target=20)
    fire(app, reminder)
    [first] = payloads(received, keys)
    done = path_of(first["page"]).replace("?done=", "?until=done&done=")
    page = client.http.post(done)
    assert page.status_code == 200 and "Done for the day" in page.get_data(True)
    [checkin] = client.get(f"/habits/{habit['id']}/checkins").json
    assert (checkin["value"], checkin["done"]) == (20, True)
    again = client.http.post(done)
    assert "used already" in again.get_data(True)
    assert len(client.get(f"/habits/{habit['id']}/checkins").json) == 1


def test_later_from_a_reminder_email(app, client, smtp):
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="orbit@example.org")
    habit, reminder = habit_reminder(client, channels=("email",))
    fire(app, reminder)
    [mail] = inbox.messages
    link = re.search(r"Put it off \(30 minutes, an hour or this evening\): (\S+)",
                     mail.get_payload()).group(1)
    page = client.http.get(path_of(link))
    assert page.status_code == 200 and "In an hour" in page.get_data(True)
    assert "until=done" not in page.get_data(True)  # an email has no Done to offer
    with app.app_context():
        assert Snooze.select().count() == 0  # mail scanners open links: the GET does nothing
    assert client.http.post(path_of(link) + "?until=1h").status_code == 200
    at = clock.now() + datetime.timedelta(hours=1)
    assert run(app, at - MINUTE) == {}
    assert run(app, at + MINUTE) == {"snooze_sent": 1}
    assert run(app, at + 2 * MINUTE) == {}
    assert [m["Subject"] for m in inbox.messages] == ["Stretch", "Stretch"]


def test_a_second_later_moves_the_time_and_it_still_fires_once(app, client, push_service):
    received, base = push_service
    keys = device(client, base)
    habit, reminder = habit_reminder(client)
    fire(app, reminder)
    [first] = payloads(received, keys)
    path = path_of(first["later"]["url"])
    client.http.post(path, json={"until": "30m"})
    client.http.post(path, json={"until": "1h"})
    assert run(app, clock.now() + 31 * MINUTE) == {}
    assert run(app, clock.now() + 61 * MINUTE) == {"snooze_sent": 1}
    assert run(app, clock.now() + 62 * MINUTE) == {} and len(received) == 2


@pytest.mark.parametrize("mangle", [
    lambda token: token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),  # the signature
    lambda token: token[:5] + ("x" if token[5] != "x" else "y") + token[6:],  # the payload
    lambda token: "forged.token",
])
def test_a_tampered_link_is_refused(app, client, push_service, mangle):
    received, base = push_service
    keys = device(client, base)
    habit, reminder = habit_reminder(client)
    fire(app, reminder)
    [first] = payloads(received, keys)
    token = urlsplit(first["later"]["url"]).path.rsplit("/", 1)[1]
    bad = mangle(token)
    error_of(client.http.post(f"/api/v1/snooze/{bad}", json={"until": "30m"}), 404, "not_found")
    error_of(client.http.get(f"/api/v1/later/{bad}"), 404, "not_found")
    error_of(client.http.post(f"/api/v1/later/{bad}?until=30m"), 404, "not_found")
    with app.app_context():
        assert Snooze.select().count() == 0


def test_an_expired_link_is_refused(app, client):
    habit, reminder = habit_reminder(client)
    with app.app_context():
        from server.store.snoozes import snooze_token
        row = Reminder.get_by_id(reminder["id"])
        token = snooze_token(app.secret_key, row, clock.today(),
                             now=clock.now() - datetime.timedelta(hours=37))
        fresh = snooze_token(app.secret_key, row, clock.today())
    error_of(client.http.post(f"/api/v1/snooze/{token}", json={"until": "30m"}), 404, "not_found")
    error_of(client.http.get(f"/api/v1/later/{token}"), 404, "not_found")
    assert client.http.post(f"/api/v1/snooze/{fresh}", json={"until": "30m"}).status_code == 200
    # A reminder turned off meanwhile: its links stop too.
    client.patch(f"/reminders/{reminder['id']}", {"enabled": False})
    error_of(client.http.post(f"/api/v1/snooze/{fresh}", json={"until": "30m"}), 404, "not_found")


def test_a_token_signed_with_another_key_is_refused(app, client):
    habit, reminder = habit_reminder(client)
    with app.app_context():
        from server.store.snoozes import snooze_token
        token = snooze_token("not the server's key", Reminder.get_by_id(reminder["id"]),
                             clock.today())
    error_of(client.http.post(f"/api/v1/snooze/{token}", json={"until": "30m"}), 404, "not_found")


def test_an_unknown_choice_is_a_422(app, client, push_service):
    received, base = push_service
    keys = device(client, base)
    habit, reminder = habit_reminder(client)
    fire(app, reminder)
    path = path_of(payloads(received, keys)[0]["later"]["url"])
    error_of(client.http.post(path, json={"until": "next week"}), 422, "validation_error")


def dispatch_in_child(app, now, barrier):
    database.close_all()
    barrier.wait(timeout=60)
    with app.app_context():
        dispatch(app.config, now)
    database.close_all()


def test_three_dispatchers_send_each_snooze_once(app, client, other, push_service, smtp):
    """A snooze from each channel (the notification's Later, the tap page, the email link), due at
    once, three dispatcher processes started together: each arrives once more, a done one not."""
    received, base = push_service
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="orbit@example.org")
    keys = device(client, base)
    _, by_action = habit_reminder(client, name="Action")
    _, by_page = habit_reminder(client, name="Page")
    done_habit, done_meanwhile = habit_reminder(client, name="Done meanwhile")
    _, by_email = habit_reminder(other, channels=("email",), name="Mail")
    for reminder in (by_action, by_page, done_meanwhile, by_email):
        fire(app, reminder)
    pushed = {p["title"]: p for p in payloads(received, keys)}
    assert client.http.post(path_of(pushed["Action"]["later"]["url"]),
                            json={"until": "30m"}).status_code == 200
    page = path_of(pushed["Page"]["page"]).split("?")[0]
    assert client.http.post(page + "?until=30m").status_code == 200
    assert client.http.post(path_of(pushed["Done meanwhile"]["later"]["url"]),
                            json={"until": "30m"}).status_code == 200
    link = re.search(r"this evening\): (\S+)", inbox.messages[0].get_payload()).group(1)
    assert client.http.post(path_of(link) + "?until=30m").status_code == 200
    client.put(f"/habits/{done_habit['id']}/checkins/{clock.today().isoformat()}",
               {"status": "done"})
    before_push, before_mail = len(received), len(inbox.messages)

    now = clock.now() + 31 * MINUTE
    database.close_all()  # each process opens its own connections
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(3)
    processes = [context.Process(target=dispatch_in_child, args=(app, now, barrier))
                 for _ in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert all(process.exitcode == 0 for process in processes)
    titles = sorted(p["title"] for p in payloads(received, keys)[before_push:])
    assert titles == ["Action", "Page"]
    assert [m["Subject"] for m in inbox.messages[before_mail:]] == ["Mail"]
    with app.app_context():
        statuses = {s.reminder_id: (s.status, s.detail) for s in Snooze.select()}
    assert statuses[done_meanwhile["id"]] == ("skipped", "already done")
    assert {statuses[r["id"]][0] for r in (by_action, by_page, by_email)} == {"sent"}
    assert run(app, now + MINUTE) == {}


def test_three_dispatcher_commands_send_each_emailed_snooze_once(app, database_url, smtp):
    """`flask reminders dispatch`, three at once, as an operator runs them: twelve reminders put
    off from their emails' Later links, each sent once more and once only."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from ..conftest import ApiClient
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="orbit@example.org")
    count = 12
    for i in range(count):
        user = ApiClient(app).register(email=f"s{i}@example.org")
        fire(app, habit_reminder(user, channels=("email",), name=f"Habit {i}")[1])
    for mail in list(inbox.messages):
        link = re.search(r"this evening\): (\S+)", mail.get_payload()).group(1)
        assert app.test_client().post(path_of(link) + "?until=30m").status_code == 200
    sent_before = len(inbox.messages)
    database.close_all()  # the processes below take the database's writers
    now = (clock.now() + 31 * MINUTE).isoformat()
    env = {**os.environ, "DATABASE_URL": database_url, "ORBIT_SMTP_URL": url,
           "ORBIT_MAIL_FROM": "orbit@example.org", "ORBIT_SECRET_KEY": "dispatch-test"}
    root = Path(__file__).resolve().parent.parent.parent
    processes = [subprocess.Popen([sys.executable, "-m", "flask", "--app", "server", "reminders",
                                   "dispatch", "--now", now], env=env, cwd=root,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(3)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert all(p.returncode == 0 for p in processes), "\n".join(e[-3000:] for _, e in outputs)
    again = sorted(m["To"] for m in inbox.messages[sent_before:])
    assert again == sorted(f"s{i}@example.org" for i in range(count))
    with app.app_context():
        assert Snooze.select().where(Snooze.status == "sent").count() == count


def test_the_tap_page_opens_orbit_where_it_was_reached(app, client, push_service):
    """Its "Open Orbit" follows the page's own request, not where the user was last seen (the
    link led to another address once the user had used Orbit elsewhere)."""
    from server.models import ServerAddress
    received, base = push_service
    keys = device(client, base)
    habit, reminder = habit_reminder(client)
    fire(app, reminder)
    [first] = payloads(received, keys)
    with app.app_context():
        ServerAddress.update(url="http://elsewhere.example.org", changed_at=clock.now()).execute()
    text = client.http.get(path_of(first["page"])).get_data(as_text=True)
    assert f'href="http://localhost/#/habit/{habit["id"]}"' in text, text
    assert "elsewhere.example.org" not in text
