"""Web Push in the browser tests. Headless Chromium reaches no push service, so the page's
PushManager hands out a subscription whose keys the test made (the server encrypts for them, and
the test's own push service on 127.0.0.1 decrypts what it gets); pushes reach the service worker
through the DevTools protocol (ServiceWorker.deliverPushMessage), as a push service's would."""
import base64
import datetime
import json
import os

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from tests import clock
from tests.browser.workers import worker_in_control


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class FakeDevice:
    """A device's keys: its subscription for the page, and decryption of what is pushed to it."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.private = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        public = self.private.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        self.keys = {"p256dh": b64(public), "auth": b64(self.auth)}

    def decrypt(self, body):
        """The JSON payload of an aes128gcm body pushed to this device."""
        return json.loads(http_ece.decrypt(body, private_key=self.private, auth_secret=self.auth,
                                           version="aes128gcm"))

    def init_script(self):
        """Page script: PushManager subscribes to this device (kept in localStorage across
        reloads, dropped on unsubscribe), as a browser with a push service would."""
        return """(() => {
  const FAKE = %s;
  const KEY = "orbit-test.push-subscription";
  const subscription = () => ({ endpoint: FAKE.endpoint, expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: null },
    toJSON() { return { endpoint: FAKE.endpoint, expirationTime: null, keys: FAKE.keys }; },
    async unsubscribe() { localStorage.removeItem(KEY); return true; } });
  PushManager.prototype.subscribe = async function (options) {
    if (!options?.userVisibleOnly || options.applicationServerKey?.length !== 65) {
      throw new DOMException("bad options", "NotAllowedError");
    }
    localStorage.setItem(KEY, "1");
    return subscription();
  };
  PushManager.prototype.getSubscription = async function () {
    return localStorage.getItem(KEY) ? subscription() : null;
  };
})();""" % json.dumps({"endpoint": self.endpoint, "keys": self.keys})


def push_service_on(app, received_address):
    """Lets the live app push over http to the test's receiver on 127.0.0.1."""
    app.config["PUSH_EXTRA_HOSTS"] = ("127.0.0.1",)
    return f"http://{received_address}"


def dispatch_now(app, reminder_id):
    """The real dispatcher, one pass, with the reminder due a minute ago: what it sent."""
    from server.models import Reminder
    from server.notify.dispatcher import dispatch

    fire = (clock.now() - datetime.timedelta(minutes=1)).astimezone(datetime.timezone.utc)
    with app.app_context():
        Reminder.update(next_fire_at=fire.replace(tzinfo=None)).where(
            Reminder.id == reminder_id).execute()
        return dispatch(app.config, clock.now())


class Worker:
    """The page's service worker, driven as the browser's push service and notification tray
    would: pushes through the DevTools protocol, notifications read inside the worker."""

    def __init__(self, page, base_url):
        self.page, self.origin = page, base_url
        self.registrations = {}  # id -> its latest state (a deleted one stays deleted)
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.on("ServiceWorker.workerRegistrationUpdated", lambda event: self.registrations.update(
            (r["registrationId"], r) for r in event["registrations"]))
        self.cdp.send("ServiceWorker.enable")
        # Active and in control of the page (it caches the whole shell first): a push to a
        # registration with no active worker is dropped.
        self.until(lambda: self.registration_id() and page.context.service_workers
                   and worker_in_control(page), "no active service worker in control of the page")

    @property
    def worker(self):
        """The running service worker: Chromium stops an idle one and starts another for the
        next event, so the one found first may no longer be the one that shows notifications."""
        return self.page.context.service_workers[-1]

    def registration_id(self):
        ours = [r for r in self.registrations.values()
                if r["scopeURL"].rstrip("/") == self.origin and not r["isDeleted"]]
        return ours[-1]["registrationId"] if ours else None

    def until(self, check, what, seconds=15):
        """Polls `check` (not one evaluate awaiting a worker's promise, which could hang)."""
        for _ in range(seconds * 10):
            if check():
                return
            self.page.wait_for_timeout(100)
        raise AssertionError(what)

    def deliver(self, payload):
        """A push message with this payload, as the push service hands it to the browser."""
        self.delivered = payload
        self.cdp.send("ServiceWorker.deliverPushMessage", {
            "origin": self.origin, "registrationId": self.registration_id(),
            "data": json.dumps(payload)})

    def notifications(self):
        """The notifications on show: title, body, tag, actions, data."""
        return self.worker.evaluate("""async () => (await self.registration.getNotifications())
          .map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data,
                         actions: n.actions.map((a) => [a.action, a.title]) }))""")

    def shown(self, title):
        """Waits for the notification titled `title`; it, as notifications() gives it. A loaded
        headless Chromium now and then drops a message the DevTools protocol delivers (one run in
        five here, the worker running and in control, nothing in its console): the last one is
        delivered once more after 5 s without it, as a push service retries an unacknowledged
        message (the same tag replaces what the first would have shown)."""
        found = []

        def look():
            found.extend(n for n in self.notifications() if n["title"] == title)
            return found

        try:
            self.until(look, "", seconds=5)
        except AssertionError:
            if (getattr(self, "delivered", None) or {}).get("title") == title:
                self.deliver(self.delivered)
            self.until(look, f"no notification {title!r}: {self.notifications()}")
        return found[0]

    def click(self, tag, action):
        """The worker's own click handler on the notification with this tag (the listener only
        passes the event's notification and action to it: headless Chromium clicks nothing, and
        a made-up NotificationEvent's waitUntil is refused)."""
        self.worker.evaluate("""async ([tag, action]) => {
          const [notification] = await self.registration.getNotifications({ tag });
          await onNotificationClick(notification, action);
        }""", [tag, action])

    def windows(self):
        """The addresses of the app's windows, as the worker sees them."""
        return self.worker.evaluate("""async () => (await self.clients.matchAll({ type: "window" }))
          .map((client) => client.url)""")
