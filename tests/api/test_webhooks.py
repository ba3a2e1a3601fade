"""Outgoing webhooks (issue 27): added and changed through the API, told of check-ins, completed
days and weekly summaries in the writes' own transactions, signed per Standard Webhooks (checked
with the library's own verifier by a receiver this test runs), retried with back-off, never sent
inside the server's network unless the operator allows it, and discreet about private habits."""
import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from standardwebhooks import Webhook as Verifier
from standardwebhooks.webhooks import WebhookVerificationError

from server.models import WebhookMessage
from server.notify.dispatcher import dispatch
from server.notify.webhook_dispatch import BACKOFF, MAX_ATTEMPTS
from tests import clock

from ..conftest import make_habit
from .helpers import day, error_of, field_errors, put_checkin

ALL_EVENTS = ["checkin.deleted", "checkin.logged", "day.completed", "summary.ready"]


class Receiver:
    """An HTTP server on 127.0.0.1 that keeps every request (headers, body) and answers with the
    statuses it is given in turn (then 200)."""

    def __init__(self, statuses=(), delay=0):
        self.requests, self.statuses = [], list(statuses)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                time.sleep(delay)  # a slow automation
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook?token=s3cret"

    def messages(self, secret):
        """Every body received, verified with the library's own verifier: the parsed JSON."""
        return [Verifier(secret).verify(body, headers) for headers, body in self.requests]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made = []

    def make(statuses=(), delay=0):
        made.append(Receiver(statuses, delay))
        return made[-1]
    yield make
    for server in made:
        server.close()


@pytest.fixture
def private_allowed(app):
    """The operator's ORBIT_WEBHOOK_PRIVATE=1: the receiver on this machine may be called."""
    app.config["WEBHOOK_PRIVATE"] = True


def add_webhook(client, url, events=("checkin.logged",), **fields):
    response = client.post("/webhooks", {"url": url, "events": list(events)} | fields)
    assert response.status_code == 201, response.json
    return response.json


def run_dispatcher(app, now=None):
    with app.app_context():
        return dispatch(app.config, now or clock.now())


def test_a_check_in_reaches_the_webhook_signed(app, client, receiver, private_allowed):
    hook = receiver()
    made = add_webhook(client, hook.url, events=ALL_EVENTS)
    assert made["secret"].startswith("whsec_") and made["url"] == hook.url
    assert made["address"] == hook.url.split("/hook")[0]  # the path's secret is not shown again
    listed = client.get("/webhooks").json
    assert listed == [{k: made[k] for k in made if k not in ("secret", "url")}]
    assert "secret" not in json.dumps(listed) and "s3cret" not in json.dumps(listed)
    habit = make_habit(client, name="Walk")
    put_checkin(client, habit, day(), {"note": "by the river"})
    assert hook.requests == []  # the write only records it: the dispatcher sends
    counts = run_dispatcher(app)
    assert counts.get("webhook_sent") == 2, counts  # the check-in, and the day it completed
    logged, completed = hook.messages(made["secret"])
    assert logged["type"] == "checkin.logged"
    assert logged["data"]["habit"] | {"note": None} == {
        "id": habit["id"], "name": "Walk", "private": False, "kind": "build",
        "measure": "check", "unit": "", "note": None}
    assert logged["data"]["habit"]["note"] == "by the river"
    assert (logged["data"]["date"], logged["data"]["done"]) == (day(), True)
    assert completed == {"type": "day.completed", "timestamp": completed["timestamp"],
                         "data": {"date": day(), "habits_due": 1}}
    headers = hook.requests[0][0]
    assert headers["webhook-id"].startswith("msg_") and headers["webhook-signature"].startswith(
        "v1,")
    with pytest.raises(WebhookVerificationError):  # the signature is the webhook's own
        Verifier(add_webhook(client, hook.url)["secret"]).verify(hook.requests[0][1], headers)
    with pytest.raises(WebhookVerificationError):  # and covers every byte of the body
        Verifier(made["secret"]).verify(hook.requests[0][1].replace(b"Walk", b"Talk"), headers)
    [shown, _] = client.get("/webhooks").json
    assert shown["last_delivery"]["status"] == "sent"
    assert run_dispatcher(app).get("webhook_sent") is None  # sent once


def test_each_write_tells_what_it_changed(app, client, receiver, private_allowed):
    hook = receiver()
    made = add_webhook(client, hook.url, events=["checkin.logged", "checkin.deleted"])
    habit = make_habit(client, measure="count", target=3)
    put_checkin(client, habit, day(-1), {"value": 1})
    put_checkin(client, habit, day(-1), {"value": 1})  # the same again: nothing new to tell
    put_checkin(client, habit, day(-1), {"value": 4})
    assert client.delete(f"/habits/{habit['id']}/checkins/{day(-1)}").status_code == 204
    assert client.delete(f"/habits/{habit['id']}/checkins/{day(-1)}").status_code == 204
    batch = client.post("/checkins/batch", {"items": [
        {"op": "put", "habit_id": habit["id"], "date": day(), "value": 2},
        {"op": "delete", "habit_id": habit["id"], "date": day()}]})
    assert [r["ok"] for r in batch.json["results"]] == [True, True]
    error_of(client.put(f"/habits/{habit['id']}/checkins/{day()}", {"value": -1}), 422,
             "validation_error")  # refused: nothing recorded
    run_dispatcher(app)
    seen = [(m["type"], m["data"]["date"], m["data"].get("value"))
            for m in hook.messages(made["secret"])]
    assert seen == [("checkin.logged", day(-1), 1), ("checkin.logged", day(-1), 4),
                    ("checkin.deleted", day(-1), None), ("checkin.logged", day(), 2),
                    ("checkin.deleted", day(), None)]


def test_a_day_is_complete_once_when_its_last_due_habit_is_done(app, client, receiver,
                                                               private_allowed):
    hook = receiver()
    made = add_webhook(client, hook.url, events=["day.completed"])
    walk, read = make_habit(client, name="Walk"), make_habit(client, name="Read")
    make_habit(client, name="No phone in bed", kind="quit")  # kept until a slip: settled
    put_checkin(client, walk, day())
    run_dispatcher(app)
    assert hook.requests == []  # Read is still due
    put_checkin(client, read, day(), {"status": "skipped"})  # skipped settles it, not done
    put_checkin(client, walk, day(-1))  # a back-filled day completes nothing now
    run_dispatcher(app)
    assert hook.requests == []
    put_checkin(client, read, day())
    assert client.delete(f"/habits/{read['id']}/checkins/{day()}").status_code == 204
    put_checkin(client, read, day())  # done again: the day was already told
    run_dispatcher(app)
    assert [m["type"] for m in hook.messages(made["secret"])] == ["day.completed"]


def test_failed_deliveries_are_retried_with_back_off(app, client, receiver, private_allowed):
    hook = receiver(statuses=[500, 503])
    made = add_webhook(client, hook.url)
    put_checkin(client, make_habit(client), day())
    start = clock.now()
    assert run_dispatcher(app, start) == {"webhook_failed": 1}
    [shown] = client.get("/webhooks").json
    assert shown["last_delivery"]["status"] == "failed"
    assert shown["last_delivery"]["detail"] == "The address answered 500."
    assert run_dispatcher(app, start + BACKOFF / 2) == {}  # not before its back-off
    assert run_dispatcher(app, start + BACKOFF) == {"webhook_failed": 1}
    assert run_dispatcher(app, start + BACKOFF * 2.5) == {}  # the second waits twice as long
    assert run_dispatcher(app, start + BACKOFF * 3) == {"webhook_sent": 1}
    bodies = hook.messages(made["secret"])
    assert len(bodies) == 3 and bodies[0] == bodies[2]  # the same message each time
    assert len({headers["webhook-id"] for headers, _ in hook.requests}) == 1
    assert client.get("/webhooks").json[0]["last_delivery"]["status"] == "sent"


def test_retries_are_bounded(app, client, receiver, private_allowed):
    hook = receiver(statuses=[500] * 20)
    add_webhook(client, hook.url)
    put_checkin(client, make_habit(client), day())
    now = clock.now()
    for _ in range(MAX_ATTEMPTS + 2):
        run_dispatcher(app, now)
        now += BACKOFF * 2 ** MAX_ATTEMPTS
    assert len(hook.requests) == MAX_ATTEMPTS
    assert client.get("/webhooks").json[0]["last_delivery"]["status"] == "given_up"


def test_two_dispatchers_deliver_each_message_once(app, client, receiver, private_allowed):
    hook = receiver()
    add_webhook(client, hook.url, events=["checkin.logged"])
    habits = [make_habit(client, name=f"H{n}") for n in range(12)]
    for habit in habits:
        put_checkin(client, habit, day())
    barrier, results = threading.Barrier(2), []

    def run():
        with app.app_context():
            barrier.wait()
            results.append(dispatch(app.config, clock.now()))
    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [headers["webhook-id"] for headers, _ in hook.requests]
    assert len(ids) == len(set(ids)) == 12, results
    assert sum(r.get("webhook_sent", 0) for r in results) == 12
    with app.app_context():
        assert WebhookMessage.select().where(WebhookMessage.status == "sent").count() == 12


def test_private_habits_are_not_named_unless_the_webhook_may(app, client, receiver,
                                                           private_allowed):
    hook = receiver()
    discreet = add_webhook(client, hook.url)
    named = add_webhook(client, hook.url, include_private=True)
    habit = make_habit(client, name="Therapy", private=True)
    put_checkin(client, habit, day(), {"note": "talked about dad"})
    run_dispatcher(app)
    by_id = {}
    for headers, body in hook.requests:
        for made in (discreet, named):
            try:
                by_id[made["id"]] = Verifier(made["secret"]).verify(body, headers)
            except WebhookVerificationError:
                continue
    assert by_id[discreet["id"]]["data"]["habit"]["name"] == "Private habit"
    raw = b"".join(body for _, body in hook.requests)
    assert raw.count(b"Therapy") == 1 and raw.count(b"talked about dad") == 1
    assert by_id[named["id"]]["data"]["habit"]["name"] == "Therapy"
    assert "note" not in by_id[discreet["id"]]["data"]["habit"]
    # A habit made private after its check-in was recorded, before it was sent: named only
    # where private habits may be.
    walk = make_habit(client, name="Evening walk")
    put_checkin(client, walk, day())
    assert client.patch(f"/habits/{walk['id']}", {"private": True}).status_code == 200
    run_dispatcher(app)
    later = b"".join(body for _, body in hook.requests[2:])
    assert later.count(b"Evening walk") == 1 and later.count(b"Private habit") == 1
    # Turned off again: the next message is discreet too.
    assert client.patch(f"/webhooks/{named['id']}", {"include_private": False}).status_code == 200
    sent = len(hook.requests)
    put_checkin(client, habit, day(), {"note": "again"})
    run_dispatcher(app)
    assert len(hook.requests) == sent + 2
    assert b"Therapy" not in b"".join(body for _, body in hook.requests[sent:])


def test_the_weekly_summary_is_told_once_for_each_week_that_ends(app, client, receiver,
                                                               private_allowed):
    hook = receiver()
    made = add_webhook(client, hook.url, events=["summary.ready"])
    make_habit(client, name="Walk", start_date=day(-20))
    make_habit(client, name="Journal", private=True, start_date=day(-20))
    now = clock.now()
    assert run_dispatcher(app, now) == {}  # made during this week: the last one is not its own
    next_week = now + datetime.timedelta(days=7)
    assert run_dispatcher(app, next_week) == {"webhook_summary_ready": 1, "webhook_sent": 1}
    assert run_dispatcher(app, next_week) == {}
    [summary] = hook.messages(made["secret"])
    assert summary["type"] == "summary.ready"
    names = [h["name"] for h in summary["data"]["habits"]]
    assert names == ["Walk", "Private habit"]
    assert set(summary["data"]["totals"]) == {"scheduled", "done", "rate"}


def test_the_test_message_is_signed_and_its_outcome_shown(app, client, receiver,
                                                         private_allowed):
    hook = receiver(statuses=[404])
    made = add_webhook(client, hook.url)
    message = error_of(client.post(f"/webhooks/{made['id']}/test"), 409, "conflict")["message"]
    assert message == "The address answered 404."
    answer = client.post(f"/webhooks/{made['id']}/test")
    assert answer.status_code == 202 and answer.json["last_delivery"]["status"] == "sent"
    assert [m["type"] for m in hook.messages(made["secret"])] == ["webhook.test"] * 2


def test_changing_and_removing_a_webhook(app, client, receiver, private_allowed):
    first, second = receiver(), receiver()
    made = add_webhook(client, first.url)
    habit = make_habit(client)
    put_checkin(client, habit, day())
    changed = client.patch(f"/webhooks/{made['id']}", {"url": second.url,
                                                       "events": ["checkin.deleted"]})
    assert changed.status_code == 200 and changed.json["events"] == ["checkin.deleted"]
    run_dispatcher(app)  # what was waiting goes to the new address
    assert first.requests == [] and len(second.messages(made["secret"])) == 1
    put_checkin(client, habit, day(), {"status": "skipped"})  # no longer asked for
    assert client.delete(f"/webhooks/{made['id']}").status_code == 204
    run_dispatcher(app)
    assert len(second.requests) == 1 and client.get("/webhooks").json == []
    error_of(client.delete(f"/webhooks/{made['id']}"), 404, "not_found")


def test_what_a_webhook_must_be(app, client):
    for body, field in [({"url": "https://example.org/h", "events": []}, "events"),
                        ({"url": "https://example.org/h", "events": ["nope"]}, "events"),
                        ({"url": "ftp://example.org/h", "events": ["checkin.logged"]}, "url"),
                        ({"url": "https://user:pw@example.org/", "events": ["day.completed"]},
                         "url"),
                        ({"url": "https://exa mple.org/", "events": ["day.completed"]}, "url"),
                        ({"url": "https://example.org\\@127.0.0.1/", "events": ["day.completed"]},
                         "url"),
                        ({"events": ["checkin.logged"]}, "url")]:
        field_errors(client.post("/webhooks", body), field)
    for n in range(10):
        add_webhook(client, f"https://example.org/{n}")
    error_of(client.post("/webhooks", {"url": "https://example.org/x",
                                       "events": ["checkin.logged"]}), 409, "conflict")


INSIDE = ["https://127.0.0.1/hook", "https://10.1.2.3:8123/api/webhook/x", "https://localhost/x",
          "https://[::1]:8443/x", "https://2130706433/x", "https://192.168.1.20/x",
          "https://169.254.169.254/latest"]


def test_addresses_inside_the_network_are_refused(app, client, receiver):
    hook = receiver()
    for url in INSIDE + [hook.url.replace("http:", "https:")]:
        assert field_errors(client.post("/webhooks", {"url": url, "events": ["checkin.logged"]}),
                            "url") == ["This address is inside the server's own network."], url
    assert field_errors(client.post("/webhooks", {"url": hook.url, "events": ["day.completed"]}),
                        "url") == ["Use an https:// address."]  # and http is for inside only
    assert hook.requests == []


def test_a_name_that_resolves_inside_is_refused_at_every_send(app, client, receiver,
                                                              monkeypatch):
    """A webhook whose name answered with a public address when it was added, and resolves to
    this machine when sent (or one stored before the operator turned private addresses off):
    nothing reaches the receiver, and the user is told why."""
    hook = receiver()
    monkeypatch.setattr("server.store.webhooks.url_problem", lambda *args: None)
    made = add_webhook(client, hook.url.replace("http://127.0.0.1", "https://localhost"))
    put_checkin(client, make_habit(client), day())
    assert run_dispatcher(app) == {"webhook_refused": 1}
    assert hook.requests == []
    shown = client.get("/webhooks").json[0]["last_delivery"]
    assert shown["status"] == "refused"
    assert shown["detail"] == "This address is inside the server's own network."
    # Past the URL check too (DNS that changes between check and connection): the guard on
    # the socket itself stops it.
    monkeypatch.setattr("server.notify.webhooks.url_problem", lambda *args: None)
    assert error_of(client.post(f"/webhooks/{made['id']}/test"), 409, "conflict")[
        "message"] == "This address is inside the server's own network."
    assert hook.requests == []


def test_http_is_only_for_addresses_inside_where_allowed(app, client, private_allowed):
    field_errors(client.post("/webhooks", {"url": "http://8.8.8.8/hook",
                                           "events": ["checkin.logged"]}), "url")
    field_errors(client.post("/webhooks", {"url": "https://169.254.169.254/",
                                           "events": ["checkin.logged"]}), "url")  # never
    for url in ("http://127.0.0.1:8123/api/webhook/x", "https://10.1.2.3/x",
                "HTTPS://8.8.8.8/x"):
        add_webhook(client, url)


def test_a_users_events_reach_only_their_own_webhooks(app, client, other, receiver,
                                                      private_allowed):
    mine, theirs = receiver(), receiver()
    my_hook = add_webhook(client, mine.url, events=ALL_EVENTS)
    their_hook = add_webhook(other, theirs.url, events=ALL_EVENTS)
    put_checkin(other, make_habit(other, name="Their walk"), day())
    run_dispatcher(app)
    assert mine.requests == []
    assert [m["type"] for m in theirs.messages(their_hook["secret"])] == [
        "checkin.logged", "day.completed"]
    error_of(other.post(f"/webhooks/{my_hook['id']}/test"), 404, "not_found")
    assert mine.requests == [] and client.get("/webhooks").json[0]["last_delivery"] is None


def test_a_check_in_asks_nothing_of_webhooks_the_user_does_not_have(app, client, receiver,
                                                                    private_allowed):
    """The user's row says which events their webhooks ask for: a check-in of a user without
    one for it costs no query (the PUT's round trips stay as tests/api/test_hot_path.py has
    them)."""
    from .test_hot_path import Statements

    def asked(statements):
        return [s for s in statements.sql if '"webhook" AS' in s or '"webhook_message"' in s]
    habit = make_habit(client)
    made = add_webhook(client, receiver().url, events=["summary.ready"])
    with Statements() as statements:
        put_checkin(client, habit, day())
    assert asked(statements) == []
    assert client.patch(f"/webhooks/{made['id']}", {"events": ["checkin.deleted"]}).json[
        "events"] == ["checkin.deleted"]
    with Statements() as statements:
        assert client.delete(f"/habits/{habit['id']}/checkins/{day()}").status_code == 204
    assert asked(statements)  # now it asks
    assert client.delete(f"/webhooks/{made['id']}").status_code == 204
    with Statements() as statements:
        put_checkin(client, habit, day())
        assert client.delete(f"/habits/{habit['id']}/checkins/{day()}").status_code == 204
    assert asked(statements) == []


def test_a_slow_receiver_does_not_hold_the_pass(app, client, receiver, private_allowed,
                                                monkeypatch):
    """A pass sends for at most PASS_SECONDS; what is left goes in the next pass."""
    monkeypatch.setattr("server.notify.webhook_dispatch.PASS_SECONDS", 0.5)
    hook = receiver(delay=0.3)
    add_webhook(client, hook.url)
    for n in range(5):
        put_checkin(client, make_habit(client, name=f"H{n}"), day())
    first = run_dispatcher(app).get("webhook_sent", 0)
    assert 1 <= first < 5
    now = clock.now()
    while len(hook.requests) < 5 and clock.now() < now + datetime.timedelta(seconds=30):
        run_dispatcher(app)
    assert len({headers["webhook-id"] for headers, _ in hook.requests}) == len(hook.requests) == 5


def test_webhooks_added_at_once_are_all_kept_on_the_user(app, client):
    """A webhook added while another one's transaction is still open: the user's row ends up
    naming both one's events (each change holds the user's row first, then reads what the other
    committed; without it the second wrote only its own)."""
    from server.db import database
    from server.models import User
    from server.store.webhooks import create_webhook
    opened, results = threading.Event(), []

    def add(url, events, hold=False):
        with app.app_context(), database.connection_context():
            user = User.get_by_id(client.user["id"])
            with database.atomic():
                create_webhook(user, {"url": url, "events": events}, allow_private=True)
                if hold:
                    opened.set()
                    time.sleep(1)  # the other one starts meanwhile
            results.append(url)
    first = threading.Thread(target=add, args=("https://10.0.0.1/a", ["checkin.deleted"], True))
    first.start()
    assert opened.wait(10)
    add("https://10.0.0.2/b", ["day.completed"])
    first.join()
    assert sorted(results) == ["https://10.0.0.1/a", "https://10.0.0.2/b"]
    with app.app_context():
        assert User.get_by_id(client.user["id"]).webhook_events == ["checkin.deleted",
                                                                    "day.completed"]
