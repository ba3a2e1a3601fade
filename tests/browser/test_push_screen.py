"""Settings → Reminders (#13) at 390x844, light and dark: notifications on this device, every
reminder (reflection, weekly summary, each habit's) changed in place, the calendar link; and what
the screen says when this browser can't have notifications (iPhone outside the Home Screen, no
Push API, notifications blocked)."""
import re

import pytest
from playwright.sync_api import expect

from tests import clock
from tests.browser.test_reminders import small_targets

IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1")
EXPECTED = ["status of 404"]  # GET /notify/targets and /calendar/token while there are none


def test_every_reminder_on_one_screen_light_and_dark(signed_up, call_api, console_errors, shoot):
    page = signed_up
    for text in EXPECTED:
        console_errors.allow(text)
    stretch = call_api("return await api.createHabit({ name: 'Stretch', color: '#0e9384' });")
    call_api("return await api.createHabit({ name: 'Read', color: '#6e56cf' });")
    call_api("""await api.createReminder({ target: 'habit', habit_id: arg, time: '07:30',
      channels: ['push', 'email'] });
      await api.createReminder({ target: 'reflection', time: '21:00', channels: ['push'] });
      await api.createReminder({ target: 'weekly_summary', time: '18:00', days: [6] });
      await api.addDevice({ endpoint: 'https://fcm.googleapis.com/fcm/send/other-phone',
                            keys: { p256dh: 'BOther', auth: 'other' } });""", stretch["id"])
    page.goto("/#/settings/reminders")
    notifications = page.get_by_role("region", name="Notifications")
    # Another device has them on; this one not yet.
    expect(notifications.get_by_role("button", name="Turn on notifications")).to_be_visible()
    expect(notifications.locator(".device-row")).to_have_count(1)
    expect(notifications.locator(".device-here")).to_have_count(0)
    expect(page.get_by_role("region", name="Daily reflection")).to_contain_text(
        "Every day · Notification")

    # A habit's reminders here, as in its editor: pause one, then add one to another habit.
    section = page.get_by_role("region", name="Stretch")
    expect(section).to_contain_text("07:30")
    expect(section).to_contain_text("Notification and email")
    section.get_by_role("switch", name="07:30 reminder on").uncheck()
    expect(section.locator(".reminder-row.paused")).to_have_count(1)
    habits = page.get_by_role("region", name="Habit reminders")
    expect(habits.get_by_label("Another habit")).to_have_value(re.compile(r"\d+"))
    habits.get_by_role("button", name="Add reminders to it").click()
    read = page.get_by_role("region", name="Read")
    form = read.locator("form.reminder-form")
    expect(form.get_by_role("checkbox", name="Notification")).to_be_checked()  # a device has them
    form.get_by_label("Time").fill("20:15")
    form.get_by_role("button", name="Add reminder").click()
    expect(read.locator(".reminder-row")).to_contain_text("Every day · Notification")
    expect(habits.get_by_label("Another habit")).to_be_hidden()  # every habit has reminders now
    held = sorted((r["target"], r["time"], r["enabled"], r["channels"])
                  for r in call_api("return await api.listReminders();"))
    assert held == [("habit", "07:30", False, ["push", "email"]),
                    ("habit", "20:15", True, ["push"]), ("reflection", "21:00", True, ["push"]),
                    ("weekly_summary", "18:00", True, ["push"])]
    assert small_targets(page, ".screen") == []

    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, "push-10-reminders-light")
    page.emulate_media(color_scheme="dark")
    shoot(page, "push-11-reminders-dark")
    read.scroll_into_view_if_needed()
    shoot(page, "push-12-habit-reminders-dark")


@pytest.mark.parametrize("case", ["iphone", "no-push-api", "blocked"])
def test_what_is_said_when_this_browser_cannot(browser, browser_context_args, live_server, email,
                                              sign_up, shoot, case):
    args = {**browser_context_args, "base_url": live_server}
    if case == "iphone":
        args["user_agent"] = IPHONE
    context = browser.new_context(**args)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if case == "no-push-api":
        page.add_init_script("delete window.PushManager;")
    page.clock.install(time=clock.now())
    page.goto("/")
    sign_up(page, email)
    page.goto("/#/settings/reminders")
    section = page.get_by_role("region", name="Notifications")
    status = section.locator(".device-status")
    if case == "iphone":
        expect(status).to_contain_text(
            "add Orbit to your Home Screen first (Share → Add to Home Screen)")
        expect(section.get_by_role("button", name="Turn on notifications")).to_have_count(0)
    elif case == "no-push-api":
        expect(status).to_contain_text("This browser can't show notifications from Orbit")
        expect(section.get_by_role("button", name="Turn on notifications")).to_have_count(0)
    else:
        # Nothing granted: headless Chromium answers the prompt with a refusal, as a person can.
        section.get_by_role("button", name="Turn on notifications").click()
        expect(status).to_contain_text("Notifications are blocked for Orbit in this browser")
        expect(status).to_contain_text("allow notifications, then turn them on here")
        assert call_api_devices(page) == []
    section.scroll_into_view_if_needed()
    shoot(page, f"push-2{['iphone', 'no-push-api', 'blocked'].index(case)}-{case}")
    assert errors == []
    context.close()


def call_api_devices(page):
    return page.evaluate("async () => (await fetch('/api/v1/push/subscriptions')).json()")
