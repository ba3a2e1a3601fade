"""Snooze and reminders that cannot arrive (issue 27) at 390x844: "Later" on the notification
(the service worker's action), on the page a tap opens where no action buttons show (iOS), each
firing once more through the real dispatcher; the Reminders screen and form saying a reminder
cannot arrive; "Turn on notifications" ending within 15 seconds when the push service hangs."""
import datetime
import re

from playwright.sync_api import expect

from tests import clock
from tests.browser.push_helpers import Worker, dispatch_now
from tests.browser.test_push import phone, remind  # noqa: F401 - the fixture

MINUTE = datetime.timedelta(minutes=1)


def run_dispatcher(app, now):
    from server.notify.dispatcher import dispatch
    with app.app_context():
        return dispatch(app.config, now)


def snoozes_of(app, reminder_id):
    from server.models.snooze import Snooze
    with app.app_context():
        return list(Snooze.select().where(Snooze.reminder == reminder_id).dicts())


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_later_from_the_notification_comes_back_once(live_app, live_server, phone, signed_up,  # noqa: F811
                                                     call_api):
    app, _ = live_app
    page = signed_up
    habit = call_api("return await api.createHabit({ name: 'Stretch', color: '#0e9384' });")
    page.goto("/#/settings/reminders")
    page.get_by_role("button", name="Turn on notifications").click()
    expect(page.get_by_text("Notifications are on for this device.")).to_be_visible()
    reminder = remind(call_api, habit, "08:00")
    assert dispatch_now(app, reminder["id"]) == {"sent": 1}
    payload = phone.decrypt(phone.received[-1][2])
    worker = Worker(page, live_server)
    worker.deliver(payload)
    shown = worker.shown("Stretch")
    # Chromium shows two buttons: Done, and Later's first time.
    assert shown["actions"] == [["done", "Done"], ["later-30m", "Later: 30 min"]]
    worker.click(shown["tag"], "later-30m")
    worker.until(lambda: any(n["title"].startswith("Reminder at") for n in worker.notifications()),
                 f"no notice of the snooze: {worker.notifications()}")
    [put_off] = worker.notifications()
    assert re.fullmatch(r"Reminder at \d\d:\d\d: Stretch", put_off["title"])
    assert "unless it's done by then" in put_off["body"] and put_off["tag"] == shown["tag"]
    [snooze] = snoozes_of(app, reminder["id"])
    at = snooze["fire_at"].replace(tzinfo=datetime.timezone.utc)
    assert snooze["status"] == "waiting" and abs(at - (clock.now() + 30 * MINUTE)) < MINUTE
    sent = len(phone.received)
    assert run_dispatcher(app, at - MINUTE) == {}
    assert run_dispatcher(app, at + MINUTE) == {"snooze_sent": 1}
    assert run_dispatcher(app, at + 2 * MINUTE) == {}
    assert len(phone.received) == sent + 1
    assert phone.decrypt(phone.received[-1][2])["title"] == "Stretch"


def test_a_tap_where_no_buttons_show_opens_done_and_later(live_app, live_server, phone,  # noqa: F811
                                                          signed_up, call_api, shoot):
    app, _ = live_app
    page = signed_up
    habit = call_api("return await api.createHabit({ name: 'Read 20 pages', color: '#6e56cf' });")
    page.goto("/#/settings/reminders")
    page.get_by_role("button", name="Turn on notifications").click()
    expect(page.get_by_text("Notifications are on for this device.")).to_be_visible()
    reminder = remind(call_api, habit, "08:00")
    assert dispatch_now(app, reminder["id"]) == {"sent": 1}
    payload = phone.decrypt(phone.received[-1][2])
    worker = Worker(page, live_server)
    worker.deliver(payload)
    shown = worker.shown("Read 20 pages")
    # As Safari on iOS: no action buttons, so the tap itself opens the page with Done and Later.
    worker.worker.evaluate("() => { Object.defineProperty(Notification, 'maxActions', { get: () => 0 }); }")
    worker.click(shown["tag"], "")
    expect(page).to_have_url(re.compile(r"/api/v1/later/[^?]+\?done="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Read 20 pages")
    done = page.get_by_role("button", name="Done")
    evening = page.get_by_role("button", name=re.compile(r"^This evening \(\d\d:\d\d\)$"))
    for button in (done, page.get_by_role("button", name=re.compile("In 30 minutes")),
                   page.get_by_role("button", name=re.compile("In an hour")), evening):
        expect(button).to_be_visible()
        assert button.bounding_box()["height"] >= 44
    assert snoozes_of(app, reminder["id"]) == []  # opening it changed nothing
    shoot(page, "snooze-01-tap-page")
    evening.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Reminder at \d\d:\d\d$"))
    expect(page.locator("body")).to_contain_text("unless it's done by then")
    shoot(page, "snooze-02-put-off")
    [snooze] = snoozes_of(app, reminder["id"])
    at = snooze["fire_at"].replace(tzinfo=datetime.timezone.utc)
    from server.domain.snooze import later
    assert abs(at - later("evening", clock.now(), clock.ZONE_INFO)) < MINUTE
    sent = len(phone.received)
    assert run_dispatcher(app, at + MINUTE) == {"snooze_sent": 1}
    assert run_dispatcher(app, at + 2 * MINUTE) == {}
    assert len(phone.received) == sent + 1

    # Done on the page instead: logged, and the snooze of a done habit never comes.
    page.go_back()
    page.get_by_role("button", name="Done").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logged: Read 20 pages")
    page.get_by_role("link", name="Open Orbit").click()
    expect(page.locator("script[type=module]")).to_have_count(1)  # the app, not the page it left
    page.get_by_role("heading", level=1).wait_for()
    checkins = call_api("return await api.listCheckins(arg, null, null);", habit["id"])
    assert [c["done"] for c in checkins] == [True]


def test_the_reminders_screen_says_a_reminder_cannot_arrive(signed_up, call_api, shoot,
                                                            console_errors):
    page = signed_up
    console_errors.allow("status of 404")
    habit = call_api("return await api.createHabit({ name: 'Stretch', color: '#0e9384' });")
    call_api("return await api.createReminder({ target: 'habit', habit_id: arg, time: '07:30', "
             "channels: ['push'] });", habit["id"])
    page.goto("/#/settings/reminders")
    row = page.get_by_role("region", name="Stretch").locator(".reminder-row")
    note = row.locator(".undeliverable")
    expect(note).to_contain_text("This reminder can't arrive right now.")
    expect(note).to_contain_text("Notification: No device has notifications turned on")
    note.scroll_into_view_if_needed()
    shoot(page, "snooze-03-cannot-arrive")
    row.get_by_role("button", name="Edit the 07:30 reminder").click()
    form = page.locator("form.reminder-form")
    expect(form.locator(".channel-problem[data-channel='push']")).to_contain_text(
        "Can't arrive now: No device has notifications turned on")
    form.get_by_role("checkbox", name="Email").check()  # the live app sends email
    form.get_by_role("checkbox", name="Notification").uncheck()
    form.get_by_role("button", name="Save reminder").click()
    expect(page.get_by_role("region", name="Stretch").locator(".undeliverable")).to_have_count(0)


HANGING_SUBSCRIBE = """PushManager.prototype.subscribe = () => new Promise(() => {});
PushManager.prototype.getSubscription = async () => null;"""


def test_turning_notifications_on_ends_within_15_seconds(signed_up, shoot, live_server,
                                                          console_errors):
    page = signed_up
    console_errors.allow("status of 404")  # GET /calendar/token while there is none
    page.context.grant_permissions(["notifications"], origin=live_server)
    page.add_init_script(HANGING_SUBSCRIBE)  # a push service that never answers
    page.reload()
    page.get_by_role("heading", level=1, name="Today").wait_for()
    page.goto("/#/settings/reminders")
    section = page.get_by_role("region", name="Notifications")
    button = section.get_by_role("button", name="Turn on notifications")
    button.click()
    expect(button).to_have_attribute("aria-busy", "true")
    page.clock.run_for(9_000)
    expect(button).to_have_attribute("aria-busy", "true")  # still trying, 9 s in
    page.clock.run_for(6_000)  # 15 s: it has ended, whatever step hung
    status = section.locator(".device-status")
    expect(status).to_contain_text("The browser's push service didn't answer in time")
    expect(status).to_contain_text("email")
    expect(status).to_have_class(re.compile("error"))
    expect(button).not_to_have_attribute("aria-busy", "true")
    shoot(page, "snooze-04-notifications-timeout")
