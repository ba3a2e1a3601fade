"""Days are the user's: Today follows the calendar while the app stays open, and dates shown for
instants (a token's creation) are dates in the user's time zone, not UTC's."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests import clock


def test_today_moves_on_when_the_app_comes_back_on_a_new_day(signed_up, call_api):
    page = signed_up
    call_api("await api.createHabit({ name: 'Journal' })")  # starts today (the server's today)
    today = call_api("return (await api.getToday()).date")
    now = clock.now()
    page.clock.set_system_time(now - timedelta(days=1))  # the phone last drew the app yesterday
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    expect(page.get_by_role("button", name="Mark Journal done")).to_have_count(0)

    page.clock.set_system_time(now)  # the next morning the app is brought back to the screen
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    journal = page.get_by_role("button", name="Mark Journal done")
    journal.click()
    expect(journal).to_have_attribute("aria-pressed", "true")
    day = call_api("return (await api.getToday(arg)).habits[0]", today)
    assert day["done"] and day["checkin"]["date"] == today


def test_token_dates_are_the_users_dates_and_a_revoked_token_stays_gone(signed_up, call_api):
    page = signed_up
    # A zone whose date is not UTC's date right now (UTC+14 late in the UTC day, UTC-11 early).
    zone = "Pacific/Kiritimati" if clock.now().hour >= 10 else "Pacific/Pago_Pago"
    page.get_by_role("link", name="Settings").click()
    page.get_by_label("Time zone").select_option(zone)
    page.get_by_role("button", name="Save day settings").click()
    expect(page.locator("#toast")).to_contain_text("Day settings saved")
    user_today = call_api("return (await api.getToday()).date")
    assert user_today == clock.today(zone).isoformat() != clock.today("UTC").isoformat()
    shown_today = page.evaluate("async (day) => (await import(new URL('dates.js', document.querySelector('script[type=module]').src).href)).shortDate(day)", user_today)

    for name in ("Laptop", "Phone"):
        page.get_by_label("Token label").fill(name)
        page.get_by_role("button", name="Create token").click()
        expect(page.get_by_role("button", name=f"Revoke {name}")).to_be_visible()
    expect(page.locator(".token-row").first).to_contain_text(f"Created {shown_today}")

    page.get_by_role("button", name="Revoke Phone").click()
    page.get_by_role("dialog").get_by_role("button", name="Revoke").click()
    expect(page.get_by_role("button", name="Revoke Phone")).to_have_count(0)
    page.get_by_label("Token label").fill("Shortcut")
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_role("button", name="Revoke Shortcut")).to_be_visible()
    expect(page.locator(".token-name")).to_have_text(["Laptop", "Shortcut"])  # as the server lists them
    assert call_api("return (await api.listTokens()).map((token) => token.name)") == ["Laptop", "Shortcut"]


def test_a_day_that_ends_at_four_in_the_morning(signed_up, call_api):
    """Settings → "Day ends at": the app's today then turns at 04:00, as the server's does."""
    page = signed_up
    page.get_by_role("link", name="Settings").click()
    page.get_by_label("Day ends at").select_option("04:00")
    page.get_by_role("button", name="Save day settings").click()
    expect(page.locator("#toast")).to_contain_text("Day settings saved")
    assert call_api("return (await api.getMe()).day_start") == "04:00"
    tuesday_2am = datetime(2026, 11, 3, 2, 0, tzinfo=ZoneInfo(clock.ZONE))
    page.clock.set_system_time(tuesday_2am)
    assert page.evaluate("async () => (await import(new URL('store.js', document.querySelector('script[type=module]').src).href)).today()") == "2026-11-02"
    page.clock.set_system_time(tuesday_2am + timedelta(hours=2))
    assert page.evaluate("async () => (await import(new URL('store.js', document.querySelector('script[type=module]').src).href)).today()") == "2026-11-03"
