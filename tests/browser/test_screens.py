"""Every screen with some history behind it, in light and dark, with no console errors; a
screenshot of each for a person to look at."""
import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

# A few weeks of history: which days ago each habit was done (or slipped), and the values.
SEED = """async ({ days }) => {
  const api = await import(new URL('api.js', document.querySelector('script[type=module]').src).href);
  const identity = await api.createIdentity({ statement: 'I am someone who moves my body', color: '#2b9a66' });
  const calm = await api.createIdentity({ statement: 'I stay steady when things get tense', color: '#2f6fed' });
  const walk = await api.createHabit({ name: 'Walk outside', measure: 'minutes', target: 20, color: '#2b9a66',
    identity_id: identity.id, description: 'Fresh air clears my head.' });
  const strength = await api.createHabit({ name: 'Strength training', schedule: { type: 'per_week', times: 3 },
    color: '#ef6a1f', identity_id: identity.id });
  const quit = await api.createHabit({ name: 'No reactive messages', kind: 'quit', color: '#2f6fed', identity_id: calm.id });
  await api.createHabit({ name: 'Read', measure: 'count', unit: 'pages', target: 10, color: '#6e56cf',
    schedule: { type: 'weekdays', days: [0, 2, 4] } });
  for (const [ago, day] of days.entries()) {
    if (ago === 0) continue;
    if (ago % 5 !== 3) await api.putCheckin(walk.id, day, { value: ago % 4 === 1 ? 12 : 25, note: ago === 2 ? 'Saw the first frost on the river.' : undefined });
    if (ago % 2 === 0 && ago % 7 !== 6) await api.putCheckin(strength.id, day, {});
    if (ago === 9) await api.putCheckin(quit.id, day, { status: 'slip', value: 1, note: 'Replied too fast. Breathe next time.' });
    if (ago % 3 === 0) await api.putReflection(day, { mood: 2 + (ago % 4) });
  }
  await api.putCheckin(quit.id, days[days.length - 1], { status: 'slip', value: 0 });
  return { walk: walk.id };
}"""


@pytest.fixture
def seeded(signed_up):
    """The signed-up user with four habits and 45 days of history."""
    page = signed_up
    today = date.fromisoformat(page.evaluate("async () => (await (await import(new URL('api.js', document.querySelector('script[type=module]').src).href)).getToday()).date"))
    days = [(today - timedelta(days=ago)).isoformat() for ago in range(45)]
    ids = page.evaluate(SEED, {"days": days})
    page.reload()
    expect(page.get_by_role("button", name="Log 20 min of Walk outside")).to_be_visible()
    return page, ids


def test_every_screen_light_and_dark(seeded, shoot):
    page, ids = seeded
    shoot(page, "40-today")
    page.get_by_role("button", name="More for Walk outside").click()
    expect(page.get_by_role("spinbutton", name="Minutes done")).to_have_value("20")
    shoot(page, "41-today-amount-open")
    page.get_by_role("button", name="Log", exact=True).click()
    expect(page.locator(".habit-card", has_text="Walk outside")).to_contain_text("20 / 20 min")

    page.get_by_role("link", name=re.compile("^Walk outside")).click()
    expect(page.get_by_role("heading", level=1, name="Walk outside")).to_be_visible()
    expect(page.get_by_role("region", name="Notes")).to_contain_text("Saw the first frost")
    shoot(page, "42-habit-detail")

    page.get_by_role("link", name="Edit Walk outside").click()
    expect(page.get_by_label("Name")).to_have_value("Walk outside")
    shoot(page, "43-editor")

    page.get_by_role("link", name="Identities").click()
    expect(page.get_by_role("heading", name="I am someone who moves my body")).to_be_visible()
    shoot(page, "44-identities")

    page.get_by_role("link", name="Settings").click()
    page.get_by_label("Token label").fill("Phone shortcut")
    page.get_by_role("button", name="Create token").click()
    secret = page.get_by_role("textbox", name="Token for Phone shortcut")
    expect(secret).to_have_value(re.compile(r".{16,}"))
    expect(page.get_by_role("button", name="Revoke Phone shortcut")).to_be_visible()
    shoot(page, "45-settings")

    page.emulate_media(color_scheme="dark")
    for name, link in [("50-dark-today", "Today"), ("51-dark-identities", "Identities"), ("52-dark-settings", "Settings")]:
        page.get_by_role("link", name=link, exact=True).click()
        page.wait_for_load_state("networkidle")
        shoot(page, name)
    page.goto(f"/#/habit/{ids['walk']}")
    expect(page.get_by_role("heading", level=1, name="Walk outside")).to_be_visible()
    shoot(page, "53-dark-habit-detail")
    page.goto("/#/new")
    expect(page.get_by_role("heading", level=1, name="New habit")).to_be_visible()
    shoot(page, "54-dark-new-habit")


def test_every_screen_fits_a_360_px_phone(seeded, shoot):
    page, ids = seeded
    page.set_viewport_size({"width": 360, "height": 740})
    for hash_, heading in [("#/today", "Today"), (f"#/habit/{ids['walk']}", "Walk outside"),
                           (f"#/habit/{ids['walk']}/edit", "Edit habit"), ("#/new", "New habit"),
                           ("#/identities", "Identities"), ("#/settings", "Settings")]:
        page.goto("/" + hash_)
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 360, (hash_, width)
    page.goto(f"/#/habit/{ids['walk']}")
    expect(page.get_by_role("heading", level=1, name="Walk outside")).to_be_visible()
    shoot(page, "46-habit-detail-360")


def test_settings_tokens_password_and_delete_account(signed_up, email, console_errors):
    page = signed_up
    page.get_by_role("link", name="Settings").click()
    page.get_by_label("Token label").fill("Script")
    page.get_by_role("button", name="Create token").click()
    token = page.get_by_role("textbox", name="Token for Script").input_value()
    status = page.evaluate("""(token) => fetch('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })
      .then((r) => r.status)""", token)
    assert status == 200
    page.get_by_role("button", name="Revoke Script").click()
    page.get_by_role("dialog").get_by_role("button", name="Revoke").click()
    expect(page.get_by_role("button", name="Revoke Script")).to_have_count(0)

    page.get_by_role("radio", name="Sunday").check()
    page.get_by_role("button", name="Save day settings").click()
    expect(page.locator("#toast")).to_contain_text("Day settings saved")
    assert page.evaluate("() => fetch('/api/v1/me').then((r) => r.json())")["week_start"] == "sun"

    page.get_by_label("Current password").fill("correct horse battery")
    page.get_by_label("New password").fill("a brand new password")
    page.get_by_role("button", name="Change password").click()
    console_errors.allow("status of 401")  # the changed password may end this session too
    expect(page.locator("#toast")).to_contain_text("Password changed")

    if page.get_by_role("heading", level=1, name="Welcome back").is_visible():
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill("a brand new password")
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("link", name="Settings").click()
    page.get_by_text("Delete account").click()
    page.get_by_label("Your password, to confirm").fill("a brand new password")
    page.get_by_role("button", name="Delete my account").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete everything").click()
    expect(page.get_by_role("heading", level=1, name="Welcome back")).to_be_visible()
    expect(page.locator("#toast")).to_contain_text("deleted")


def test_keyboard_reaches_and_logs_a_habit(signed_up):
    page = signed_up
    page.evaluate("async () => (await import(new URL('api.js', document.querySelector('script[type=module]').src).href)).createHabit({ name: 'Journal' })")
    page.reload()
    log = page.get_by_role("button", name="Mark Journal done")
    for _ in range(30):
        page.keyboard.press("Tab")
        if log.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the log button")
    page.keyboard.press("Enter")
    expect(log).to_have_attribute("aria-pressed", "true")
    expect(log).to_be_focused()
