"""The app badge (issue 27) at 390x844: the number of habits still to do today on the app's icon,
as the server counts them (GET /today's `left`), set by the page on every read of today and
every tap (a write's answer), and by the service worker after a delivered push (DevTools
protocol, as the push tests deliver), after its "Done" and after replaying the offline queue
(a DevTools sync event, as test_offline fires it); cleared when all are done and when
turned off in Settings; nothing breaks where the browser has no Badging API. The badge calls are
watched by wrapping navigator.setAppBadge and clearAppBadge, in the page with an init script and
in the worker from the DevTools protocol."""
import datetime

import pytest
from playwright.sync_api import expect

from tests import clock
from tests.browser.push_helpers import FakeDevice, Worker, dispatch_now, push_service_on
from tests.browser.workers import wait_for_worker

# Each call, in order: the count set, or "clear". The real methods are called too.
WATCH = """(() => {
  const proto = (self.WorkerNavigator || self.Navigator).prototype;
  if (proto.__watched) return;
  const set = proto.setAppBadge, clear = proto.clearAppBadge;
  self.__badges = [];
  proto.setAppBadge = function (count) {
    self.__badges.push(count);
    return set.call(this, count).catch(() => undefined);
  };
  proto.clearAppBadge = function () {
    self.__badges.push("clear");
    return clear.call(this).catch(() => undefined);
  };
  proto.__watched = true;
})();"""
NO_BADGES = """(() => {
  delete Navigator.prototype.setAppBadge;
  delete Navigator.prototype.clearAppBadge;
})();"""


def badges(page):
    return page.evaluate("self.__badges")


def last_badge(page, expected):
    """Waits until the page's last badge call is `expected`."""
    page.wait_for_function("(want) => self.__badges.at(-1) === want", arg=expected)


@pytest.fixture
def watched(signed_up):
    """The signed-up page with its badge calls watched from its first script on."""
    signed_up.add_init_script(WATCH)
    signed_up.reload()
    signed_up.get_by_role("heading", level=1, name="Today").wait_for()
    return signed_up


def habits(call_api, *names):
    """Daily habits that started a week ago."""
    start = (clock.today() - datetime.timedelta(days=7)).isoformat()
    return [call_api("return api.createHabit({ name: arg[0], start_date: arg[1] })", [name, start])
            for name in names]


def test_the_badge_counts_what_is_left_today_through_the_page(watched, call_api, shoot):
    page = watched
    assert badges(page) == ["clear"]  # a new user has nothing to do yet
    habits(call_api, "Walk", "Read", "Stretch")
    call_api("return api.createHabit({ name: 'No doomscrolling', kind: 'quit' })")
    page.reload()  # the first read of today (GET /bootstrap) counts it
    last_badge(page, 3)  # the quit habit has nothing left to do
    page.get_by_role("button", name="Mark Walk done").click()
    last_badge(page, 2)
    page.get_by_role("button", name="Mark Read done").click()
    last_badge(page, 1)
    shoot(page, "badge-01-today")
    page.get_by_role("button", name="Mark Stretch done").click()
    last_badge(page, "clear")  # all done: no number on the icon
    page.locator("#toast").get_by_role("button", name="Undo").click()  # Stretch again
    last_badge(page, 1)
    # An earlier day's changes are not today's: the badge stays.
    before = len(badges(page))
    page.goto(f"/#/today/{(clock.today() - datetime.timedelta(days=1)).isoformat()}")
    page.get_by_role("button", name="Mark Walk done").click()
    expect(page.get_by_role("button", name="Mark Walk done")).to_have_attribute("aria-pressed", "true")
    assert badges(page)[before:] == []

    # Off in Settings: cleared, and it stays off (on this device) through taps and restarts.
    page.goto("/#/settings")
    switch = page.get_by_role("switch", name="Show what's left today on the app icon")
    expect(switch).to_be_checked()
    switch.uncheck()
    last_badge(page, "clear")
    section = page.get_by_role("region", name="App badge")
    section.scroll_into_view_if_needed()
    shoot(page, "badge-02-settings")
    page.emulate_media(color_scheme="dark")
    section.evaluate("(el) => el.scrollIntoView()")
    shoot(page, "badge-03-settings-dark")
    page.emulate_media(color_scheme="light")
    page.goto("/#/today")
    page.get_by_role("button", name="Mark Stretch done").click()
    expect(page.get_by_role("button", name="Mark Stretch done")).to_have_attribute("aria-pressed", "true")
    page.reload()
    page.get_by_role("heading", level=1, name="Today").wait_for()
    page.get_by_role("button", name="Mark Read done").click()  # Read undone: 1 left
    expect(page.get_by_role("button", name="Mark Read done")).to_have_attribute("aria-pressed", "false")
    assert set(badges(page)) == {"clear"}
    page.goto("/#/settings")
    expect(switch).not_to_be_checked()
    switch.check()
    last_badge(page, 1)  # on again: the count of today as last read and written
    # Signing out clears it.
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1, name="Welcome back")).to_be_visible()
    last_badge(page, "clear")


def test_without_the_badging_api_nothing_breaks(signed_up, call_api):
    page = signed_up
    page.add_init_script(NO_BADGES)
    habits(call_api, "Walk")
    page.reload()
    page.get_by_role("button", name="Mark Walk done").click()
    expect(page.get_by_role("button", name="Mark Walk done")).to_have_attribute("aria-pressed", "true")
    page.goto("/#/settings")
    switch = page.get_by_role("switch", name="Show what's left today on the app icon")
    expect(switch).to_be_disabled()
    expect(page.get_by_role("region", name="App badge")).to_contain_text(
        "This browser doesn't show a number on app icons.")
    # (console_errors, through signed_up, asserts no error was logged)


@pytest.fixture
def phone(live_app, http_receiver, signed_up, console_errors):
    """A phone subscribed to pushes (push_helpers), its page watched, notifications granted."""
    app, base = live_app
    received, address = http_receiver
    fake = FakeDevice(push_service_on(app, address) + "/push/badge")
    fake.received = received
    signed_up.context.grant_permissions(["notifications"], origin=base)
    wait_for_worker(signed_up, controlling=False)
    signed_up.add_init_script(fake.init_script())
    signed_up.add_init_script(WATCH)
    signed_up.reload()
    signed_up.get_by_role("heading", level=1, name="Today").wait_for()
    wait_for_worker(signed_up)
    console_errors.allow("status of 404")  # GET /notify/targets and /calendar/token: none yet
    yield fake
    app.config["PUSH_EXTRA_HOSTS"] = ()


class WatchedWorker(Worker):
    """The service worker with its badge calls watched (wrapped again whenever Chromium has
    started a new worker: a wrapper lives as long as its worker)."""

    def watch(self):
        assert self.worker.evaluate("typeof self.navigator.setAppBadge") == "function"
        self.worker.evaluate(WATCH)

    def badges(self):
        return self.worker.evaluate("self.__badges || []")

    def last_badge(self, expected):
        self.until(lambda: (self.badges() or [None])[-1] == expected,
                   f"the worker's badge is not {expected!r}: {self.badges()}")


def test_the_service_worker_sets_the_badge_after_a_push_and_a_done(live_app, live_server, phone,
                                                                   signed_up, call_api):
    app, _ = live_app
    page = signed_up
    stretch, read = habits(call_api, "Stretch", "Read")
    page.goto("/#/settings/reminders")
    page.get_by_role("button", name="Turn on notifications").click()
    expect(page.get_by_text("Notifications are on for this device.")).to_be_visible()
    reminder = call_api("return await api.createReminder({ target: 'habit', habit_id: arg, "
                        "time: '08:00' });", stretch["id"])
    # Read is logged elsewhere (another device, a shortcut): the page never heard of it.
    from server.models import Checkin, Habit
    with app.app_context():
        habit = Habit.get_by_id(read["id"])
        Checkin.create(user=habit.user_id, habit=habit, day=clock.today(), status="done")
    assert dispatch_now(app, reminder["id"]) == {"sent": 1}
    payload = phone.decrypt(phone.received[-1][2])

    worker = WatchedWorker(page, live_server)
    worker.watch()
    worker.deliver(payload)
    shown = worker.shown("Stretch")
    worker.last_badge(1)  # the server's count after the push: Read is done, Stretch is not
    worker.click(shown["tag"], "done")
    worker.shown("Logged: Stretch")
    worker.last_badge("clear")  # Stretch logged from the notification: nothing left

    # Turned off in Settings (kept where the worker reads it): a push clears, never counts.
    page.goto("/#/settings")
    page.get_by_role("switch", name="Show what's left today on the app icon").uncheck()
    call_api("return api.deleteCheckin(arg[0], arg[1])", [stretch["id"], clock.today().isoformat()])
    worker.watch()
    worker.deliver(payload | {"tag": "again"})
    worker.shown("Stretch")
    worker.last_badge("clear")


def test_the_service_worker_sets_the_badge_after_replaying_the_queue(signed_up, call_api,
                                                                     console_errors, live_server):
    """The app closed while offline (as test_offline's Background Sync test): the worker replays
    the queue itself, then draws the badge from the server's count."""
    from tests.browser.test_offline import card, go_offline
    page = signed_up
    context = page.context
    habits(call_api, "Walk", "Read", "Stretch")
    page.reload()
    page.get_by_role("button", name="Mark Stretch done").wait_for()  # a card's text may name others
    go_offline(page, console_errors)
    for name in ("Walk", "Read"):
        page.get_by_role("button", name=f"Mark {name} done").click()
        expect(card(page, name)).to_contain_text("Not synced yet")
    registrations = []
    blank = context.new_page()  # no tab of the app, but a door to DevTools
    devtools = context.new_cdp_session(blank)
    devtools.on("ServiceWorker.workerRegistrationUpdated",
                lambda event: registrations.extend(event["registrations"]))
    devtools.send("ServiceWorker.enable")
    page.close()
    context.set_offline(False)
    worker = context.service_workers[-1]
    worker.evaluate(WATCH)
    [registration] = [r for r in registrations if not r["isDeleted"]]
    devtools.send("ServiceWorker.dispatchSyncEvent", {
        "origin": live_server, "registrationId": registration["registrationId"],
        "tag": "orbit-sync", "lastChance": False})
    for _ in range(100):
        if worker.evaluate("self.__badges.length"):
            break
        blank.wait_for_timeout(100)
    # Stretch is left (once per sync: Chromium may fire one more when the network is back)
    assert set(worker.evaluate("self.__badges")) == {1}
