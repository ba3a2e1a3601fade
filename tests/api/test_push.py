"""Web Push: the dispatcher's push to a push service the test runs on 127.0.0.1, its payload
decrypted with the subscription's own keys (http_ece), the VAPID JWT verified against
GET /push/key, expired subscriptions removed, and the single-use "Done" action."""
import base64
import datetime
import hashlib
import json
import os

import http_ece
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from server.models import ActionToken, PushSubscription, Reminder
from server.notify.dispatcher import dispatch

from .. import clock
from ..conftest import make_habit
from .helpers import error_of


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@pytest.fixture
def push_service(http_receiver):
    """A push service on 127.0.0.1: keeps each request; paths ending in /gone answer 410."""
    received, address = http_receiver
    return received, f"http://{address}"


@pytest.fixture(autouse=True)
def local_push_service(app):
    """The test's push service runs on 127.0.0.1 over http: allowed here only."""
    app.config["PUSH_EXTRA_HOSTS"] = ("127.0.0.1",)


def device(client, base, path="/push/device-1", user_agent=None):
    """Subscribe a device with keys of its own; its (private key, auth secret)."""
    private = ec.generate_private_key(ec.SECP256R1())
    public = private.public_key().public_bytes(serialization.Encoding.X962,
                                               serialization.PublicFormat.UncompressedPoint)
    auth = os.urandom(16)
    keys = {"p256dh": b64(public), "auth": b64(auth)}
    headers = {"User-Agent": user_agent} if user_agent else None
    response = client.post("/push/subscriptions", {"endpoint": base + path, "keys": keys},
                           headers=headers)
    assert response.status_code == 201, response.json
    return private, auth


def fire_now(app, reminder):
    fire = (clock.now() - datetime.timedelta(minutes=1)).astimezone(datetime.timezone.utc)
    with app.app_context():
        Reminder.update(next_fire_at=fire.replace(tzinfo=None)).where(
            Reminder.id == reminder["id"]).execute()
        return dispatch(app.config, clock.now())


def verify_vapid(headers, public_key_b64):
    """The JWT of the Authorization header, verified with the server's public key: its claims."""
    scheme, _, rest = headers["authorization"].partition(" ")
    params = dict(part.strip().split("=", 1) for part in rest.split(","))
    assert scheme == "vapid" and params["k"] == public_key_b64
    head, claims, signature = params["t"].split(".")
    raw = unb64(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(public_key_b64))
    key.verify(der, f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))  # raises if forged
    return json.loads(unb64(claims))


def test_a_reminder_is_pushed_encrypted_signed_and_logs_done_once(app, client, push_service):
    received, base = push_service
    key = client.get("/push/key").json["public_key"]
    assert len(unb64(key)) == 65 and client.get("/push/key").json["public_key"] == key
    private, auth = device(client, base)
    habit = make_habit(client, name="Therapy with Dr Vance", private=True, measure="minutes",
                       target=50)
    reminder = client.post("/reminders", {"target": "habit", "habit_id": habit["id"],
                                          "time": "08:00"}).json  # channels: push by default
    assert fire_now(app, reminder) == {"sent": 1}
    [(path, headers, body)] = received
    headers = {k.lower(): v for k, v in headers.items()}
    assert path == "/push/device-1" and headers["content-encoding"] == "aes128gcm"
    claims = verify_vapid(headers, key)
    # (exp is pywebpush's, from the machine's real clock, which push services check)
    assert claims["aud"] == base and isinstance(claims["exp"], int) and claims["sub"]
    payload = json.loads(http_ece.decrypt(body, private_key=private, auth_secret=auth,
                                          version="aes128gcm"))
    assert payload["title"] == "Private habit" and "Vance" not in json.dumps(payload)
    assert payload["tag"] == f"reminder-{reminder['id']}"
    # A tap on it opens that day on Today with the habit's log button in focus.
    assert payload["url"].endswith(f"/#/today/{clock.today().isoformat()}?focus={habit['id']}")
    action = payload["action"]["url"].split("/api/v1", 1)[1]
    assert client.http.post(f"/api/v1{action}").status_code == 204  # no cookie, no CSRF
    [checkin] = client.get(f"/habits/{habit['id']}/checkins").json
    assert (checkin["value"], checkin["done"]) == (50, True)
    error_of(client.http.post(f"/api/v1{action}"), 404, "not_found")  # used once already
    error_of(client.http.post("/api/v1/actions/forged.token"), 404, "not_found")
    assert len(client.get(f"/habits/{habit['id']}/checkins").json) == 1


def test_an_expired_action_is_refused(app, client):
    from server.notify.push import action_token
    habit = make_habit(client)
    with app.app_context():
        from server.models import Habit
        token = action_token(app.secret_key, Habit.get_by_id(habit["id"]), clock.today(), None)
        ActionToken.update(expires_at=datetime.datetime(2000, 1, 1)).execute()
    error_of(client.http.post(f"/api/v1/actions/{token}"), 404, "not_found")
    assert client.get(f"/habits/{habit['id']}/checkins").json == []


def test_a_device_the_push_service_forgot_is_removed(app, client, other, push_service):
    received, base = push_service
    device(client, base, "/push/gone")
    device(client, base, "/push/alive")
    device(other, base, "/push/others")
    reminder = client.post("/reminders", {"target": "reflection", "time": "08:00"}).json
    assert fire_now(app, reminder) == {"sent": 1}
    with app.app_context():
        endpoints = {s.endpoint.rsplit("/", 1)[1] for s in PushSubscription.select()}
    assert endpoints == {"alive", "others"}
    alive = {"endpoint": base + "/push/alive"}
    assert other.delete("/push/subscriptions", alive).status_code == 204
    with app.app_context():  # another user cannot remove my device
        assert PushSubscription.select().count() == 2
    assert client.delete("/push/subscriptions", alive).status_code == 204


def test_without_a_device_push_sends_nothing_and_is_not_retried(app, client):
    reminder = client.post("/reminders", {"target": "reflection", "time": "08:00"}).json
    assert fire_now(app, reminder) == {"sent": 1}
    with app.app_context():
        from server.models import Delivery
        assert Delivery.get().detail == "no channel to send on"


@pytest.mark.parametrize("endpoint", ["http://127.0.0.1:9/x", "https://10.0.0.1/push",
                                      "https://example.org/push", "ftp://fcm.googleapis.com/x"])
def test_only_a_browsers_push_service_is_accepted(app, client, endpoint):
    app.config["PUSH_EXTRA_HOSTS"] = ()
    keys = {"p256dh": "BExample", "auth": "secret"}
    response = client.post("/push/subscriptions", {"endpoint": endpoint, "keys": keys})
    error_of(response, 422, "validation_error")
    ok = client.post("/push/subscriptions", {"endpoint": "https://fcm.googleapis.com/fcm/send/x",
                                             "keys": keys})
    assert ok.status_code == 201


def test_another_user_cannot_take_over_a_device(app, client, other):
    keys = {"p256dh": "BExample", "auth": "secret"}
    endpoint = "https://updates.push.services.mozilla.com/wpush/v2/abc"
    client.post("/push/subscriptions", {"endpoint": endpoint, "keys": keys})
    other_keys = {"p256dh": "B2", "auth": "s2"}
    error_of(other.post("/push/subscriptions", {"endpoint": endpoint, "keys": other_keys}),
             409, "conflict")
    with app.app_context():
        row = PushSubscription.get()
        assert (row.user_id, row.p256dh) == (client.user["id"], "BExample")


def test_done_marks_a_skipped_day_done(app, client):
    from server.models import Habit
    from server.notify.push import action_token
    habit = make_habit(client)
    client.put(f"/habits/{habit['id']}/checkins/{clock.today().isoformat()}", {"status": "skipped"})
    with app.app_context():
        token = action_token(app.secret_key, Habit.get_by_id(habit["id"]), clock.today(), None)
    assert client.http.post(f"/api/v1/actions/{token}").status_code == 204
    assert client.get(f"/habits/{habit['id']}/checkins").json[0]["status"] == "done"


IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1")
ANDROID = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/124.0.0.0 Mobile Safari/537.36")
WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"


def test_devices_are_listed_by_the_browser_that_subscribed(app, client, other, push_service):
    received, base = push_service
    device(client, base, "/push/phone", IPHONE)
    device(client, base, "/push/tablet", ANDROID)
    device(client, base, "/push/laptop", WINDOWS)
    device(client, base, "/push/script")  # a script: no browser to name
    device(other, base, "/push/others", IPHONE)
    listed = client.get("/push/subscriptions").json
    assert [d["label"] for d in listed] == ["A browser", "Firefox on Windows", "Chrome on Android",
                                            "Safari on iPhone"]  # newest first
    phone = listed[-1]
    assert set(phone) == {"id", "label", "created_at", "last_success_at", "endpoint_sha256"}
    # The endpoint is never sent back; a browser finds itself by the hash of its own.
    assert "push/phone" not in json.dumps(listed)
    assert phone["endpoint_sha256"] == hashlib.sha256(f"{base}/push/phone".encode()).hexdigest()
    assert phone["last_success_at"] is None
    assert [d["label"] for d in other.get("/push/subscriptions").json] == ["Safari on iPhone"]

    # The push service took a notification: when is on the device.
    reminder = client.post("/reminders", {"target": "reflection", "time": "08:00"}).json
    assert fire_now(app, reminder) == {"sent": 1}
    assert len(received) == 4
    assert all(d["last_success_at"] for d in client.get("/push/subscriptions").json)
    assert other.get("/push/subscriptions").json[0]["last_success_at"] is None


def test_a_device_is_removed_from_another_one(app, client, other, push_service):
    _, base = push_service
    device(client, base, "/push/phone", IPHONE)
    device(client, base, "/push/laptop", WINDOWS)
    phone, laptop = sorted(client.get("/push/subscriptions").json, key=lambda d: d["id"])
    error_of(other.delete(f"/push/subscriptions/{phone['id']}"), 404, "not_found")
    error_of(client.delete("/push/subscriptions/999999"), 404, "not_found")
    assert client.delete(f"/push/subscriptions/{phone['id']}").status_code == 204
    assert client.get("/push/subscriptions").json == [laptop]
    error_of(client.delete(f"/push/subscriptions/{phone['id']}"), 404, "not_found")


def test_a_device_subscribing_again_keeps_one_row_with_its_new_keys(app, client, push_service):
    _, base = push_service
    device(client, base, "/push/phone", IPHONE)
    private, auth = device(client, base, "/push/phone", ANDROID)  # keys renewed
    [listed] = client.get("/push/subscriptions").json
    assert listed["label"] == "Chrome on Android"
    with app.app_context():
        assert unb64(PushSubscription.get().auth) == auth
    again = client.post("/push/subscriptions", {"endpoint": f"{base}/push/phone",
                                                "keys": {"p256dh": "B", "auth": "a"}})
    assert again.status_code == 201 and again.json == client.get("/push/subscriptions").json[0]
    assert again.json["id"] == listed["id"]


def test_a_test_push_reaches_every_device(app, client, other, push_service):
    received, base = push_service
    error_of(client.post("/push/test"), 409, "conflict")  # no device yet
    keys = [device(client, base, f"/push/device-{n}") for n in (1, 2)]
    device(other, base, "/push/others")
    assert client.post("/push/test").status_code == 202
    assert sorted(path for path, _, _ in received) == ["/push/device-1", "/push/device-2"]
    for (path, _, body) in received:
        private, auth = keys[int(path[-1]) - 1]
        payload = json.loads(http_ece.decrypt(body, private_key=private, auth_secret=auth,
                                              version="aes128gcm"))
        assert payload["tag"] == "orbit-test" and payload["title"] == "Orbit"
        assert payload["url"].endswith("/#/settings/reminders") and "action" not in payload


def test_a_test_push_to_a_forgotten_device_removes_it(app, client, push_service):
    _, base = push_service
    device(client, base, "/push/gone")
    error_of(client.post("/push/test"), 409, "conflict")
    assert client.get("/push/subscriptions").json == []


def test_a_test_push_that_cannot_reach_the_push_service_is_a_409(app, client):
    device(client, "http://127.0.0.1:9", "/push/nobody-listens")  # a closed port
    error_of(client.post("/push/test"), 409, "conflict")
    assert len(client.get("/push/subscriptions").json) == 1  # kept: it may answer later


def test_tapping_a_weekly_summary_opens_the_week(app, client, push_service):
    received, base = push_service
    private, auth = device(client, base)
    reminder = client.post("/reminders", {"target": "weekly_summary", "time": "08:00"}).json
    assert fire_now(app, reminder) == {"sent": 1}
    payload = json.loads(http_ece.decrypt(received[0][2], private_key=private, auth_secret=auth,
                                          version="aes128gcm"))
    assert payload["url"].endswith("/#/week") and "action" not in payload
    assert payload["tag"] == f"reminder-{reminder['id']}"
