"""Web Push in the app (#13) at 390x844: turning notifications on for this device from a tap
(the subscription reaches the server), the device listed and removed; a reminder the real
dispatcher pushes, shown by the service worker with "Done", which logs the day exactly once (a
second use refused), and a tap on the body that opens the habit's day with its log button in
focus; the weekly summary's tap opens the week."""
import re

import pytest
from playwright.sync_api import expect

from tests import clock

from tests.browser.push_helpers import FakeDevice, Worker, dispatch_now, push_service_on
from tests.browser.workers import wait_for_worker

EXPECTED = ["status of 404"]  # GET /notify/targets and /calendar/token while there are none


@pytest.fixture
def phone(live_app, http_receiver, signed_up, console_errors):
    """This phone's push subscription (keys of the test's), the live app allowed to push to the
    test's push service, the page reloaded with it and notifications granted."""
    app, base = live_app
    received, address = http_receiver
    fake = FakeDevice(push_service_on(app, address) + "/push/phone")
    fake.received = received
    signed_up.context.grant_permissions(["notifications"], origin=base)
    wait_for_worker(signed_up, controlling=False)  # it shows the notifications
    signed_up.add_init_script(fake.init_script())
    signed_up.reload()
    signed_up.get_by_role("heading", level=1, name="Today").wait_for()
    wait_for_worker(signed_up)
    for text in EXPECTED:
        console_errors.allow(text)
    yield fake
    app.config["PUSH_EXTRA_HOSTS"] = ()


def remind(call_api, habit, time):
    """A reminder for the habit, on the default channel (push)."""
    return call_api("return await api.createReminder({ target: 'habit', habit_id: arg[0], "
                    "time: arg[1] });", [habit["id"], time])


def subscriptions_of(app, user_email):
    from server.models import PushSubscription, User
    with app.app_context():
        return list(PushSubscription.select().join(User).where(User.email == user_email).dicts())


def test_turn_on_notifications_list_and_remove_the_device(live_app, phone, signed_up, email,
                                                          call_api, shoot):
    app, _ = live_app
    page = signed_up
    page.goto("/#/settings/reminders")
    section = page.get_by_role("region", name="Notifications")
    expect(section).to_contain_text("No device gets notifications yet")
    section.get_by_role("button", name="Turn on notifications").click()
    expect(section.locator(".device-status")).to_have_text("Notifications are on for this device.")
    expect(section.get_by_role("button", name="Turn off")).to_be_focused()
    [row] = subscriptions_of(app, email)  # the server has this phone's own subscription
    assert (row["endpoint"], row["p256dh"], row["auth"]) == (
        phone.endpoint, phone.keys["p256dh"], phone.keys["auth"])
    [listed] = call_api("return await api.listDevices();")
    assert listed["label"] == row["label"] and "Linux" in listed["label"]  # the browser's name
    rows = section.locator(".device-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(f"{listed['label']}This device")
    expect(rows.first).to_contain_text("nothing sent yet")

    # A test goes through the server, encrypted for this phone, to its push service.
    section.get_by_role("button", name="Send a test").click()
    expect(section.get_by_role("status").last).to_have_text(
        "Sent. It should arrive in a few seconds.")
    [(path, _, body)] = phone.received
    assert path == "/push/phone" and phone.decrypt(body)["tag"] == "orbit-test"
    page.reload()
    expect(section.locator(".device-row")).to_contain_text("last notification today at")
    expect(section.locator(".device-status")).to_have_text("Notifications are on for this device.")
    section.scroll_into_view_if_needed()
    shoot(page, "push-01-on")

    section.get_by_role("button", name=f"Remove {listed['label']} (this device)").click()
    page.get_by_role("dialog").get_by_role("button", name="Remove").click()
    expect(section).to_contain_text("No device gets notifications yet")
    expect(section.get_by_role("button", name="Turn on notifications")).to_be_visible()
    expect(section.get_by_role("button", name="Send a test")).to_be_hidden()
    assert subscriptions_of(app, email) == []
    # and the browser unsubscribed
    assert page.evaluate("localStorage.getItem('orbit-test.push-subscription')") is None

    # On again, then off with Turn off.
    section.get_by_role("button", name="Turn on notifications").click()
    section.get_by_role("button", name="Turn off").click()
    expect(section.get_by_role("button", name="Turn on notifications")).to_be_focused()
    assert subscriptions_of(app, email) == []

    # Signing out turns them off here: a shared phone keeps no one's notifications.
    section.get_by_role("button", name="Turn on notifications").click()
    expect(section.get_by_role("button", name="Turn off")).to_be_visible()
    assert len(subscriptions_of(app, email)) == 1
    page.goto("/#/settings")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1, name="Welcome back")).to_be_visible()
    assert subscriptions_of(app, email) == []
    assert page.evaluate("localStorage.getItem('orbit-test.push-subscription')") is None


def test_a_pushed_reminder_is_done_from_the_notification_once(live_app, live_server, phone,
                                                              signed_up, call_api, shoot):
    app, _ = live_app
    page = signed_up
    habit = call_api("return await api.createHabit({ name: 'Stretch', color: '#0e9384' });")
    other = call_api("return await api.createHabit({ name: 'Read', color: '#6e56cf' });")
    page.goto("/#/settings/reminders")
    page.get_by_role("button", name="Turn on notifications").click()
    expect(page.get_by_text("Notifications are on for this device.")).to_be_visible()
    reminder = remind(call_api, habit, "08:00")
    assert reminder["channels"] == ["push"]
    assert dispatch_now(app, reminder["id"]) == {"sent": 1}
    [(_, _, body)] = phone.received
    payload = phone.decrypt(body)  # what the server sent, as the push service hands it on
    today = clock.today().isoformat()

    worker = Worker(page, live_server)
    worker.deliver(payload)
    shown = worker.shown("Stretch")
    assert shown["body"] == "A small step today keeps it growing. Tap to log it."
    assert shown["tag"] == f"reminder-{reminder['id']}"
    # Done, and as many of Later's times as Chromium shows buttons (two): see test_snooze.py
    assert shown["actions"] == [["done", "Done"], ["later-30m", "Later: 30 min"]]

    worker.click(shown["tag"], "done")
    logged = worker.shown("Logged: Stretch")
    assert logged["tag"] == shown["tag"] and logged["actions"] == []  # in the reminder's place
    assert [n["title"] for n in worker.notifications()] == ["Logged: Stretch"]
    checkins = call_api("return await api.listCheckins(arg[0], arg[1], arg[1]);",
                        [habit["id"], today])
    assert [(c["date"], c["done"]) for c in checkins] == [(today, True)]

    # The same push again (a replay, or a second device): its Done is refused, nothing logged twice.
    worker.deliver(payload)
    worker.until(lambda: worker.notifications()[0]["title"] == "Stretch", "the push again")
    worker.click(shown["tag"], "done")
    refused = worker.shown("Not logged: Stretch")
    assert "used already" in refused["body"]
    assert len(call_api("return await api.listCheckins(arg, null, null);", habit["id"])) == 1

    # A tap on the body (browsers without actions): that day on Today, the log button in focus.
    read = remind(call_api, other, "09:00")
    assert dispatch_now(app, read["id"]) == {"sent": 1}
    worker.deliver(phone.decrypt(phone.received[-1][2]))
    tapped = worker.shown("Read")
    page.goto("/#/settings")
    worker.click(tapped["tag"], "")
    # The open window moved there (Chromium's clients.matchAll keeps a window's address from
    # before a same-document move, so the page says where it is).
    expect(page).to_have_url(f"{live_server}/#/today/{today}?focus={other['id']}")
    assert len(worker.windows()) == 1  # that window, not another one
    assert [n["title"] for n in worker.notifications()] == ["Not logged: Stretch"]  # Read's closed
    expect(page.locator(f"[data-habit-id='{other['id']}'] .log-button")).to_be_focused()
    shoot(page, "push-02-tapped-today")
    page.keyboard.press("Enter")  # the one tap left
    expect(page.locator(f"[data-habit-id='{other['id']}']")).to_have_class(re.compile("state-done"))
    assert len(call_api("return await api.listCheckins(arg, null, null);", other["id"])) == 1

    # The weekly summary's push: its tap opens the week.
    summary = call_api("return await api.createReminder("
                       "{ target: 'weekly_summary', time: '18:00', days: [0] });")
    assert dispatch_now(app, summary["id"]) == {"sent": 1}
    weekly = phone.decrypt(phone.received[-1][2])
    assert "action" not in weekly
    worker.deliver(weekly)
    week = worker.shown(weekly["title"])
    assert week["actions"] == [["later-30m", "Later: 30 min"], ["later-1h", "Later: 1 hour"]]
    worker.click(week["tag"], "")
    expect(page).to_have_url(f"{live_server}/#/week")
    assert len(worker.windows()) == 1
    expect(page.get_by_role("heading", level=1)).to_contain_text("week", ignore_case=True)
