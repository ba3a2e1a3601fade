"""The newcomer journey: sign up, pick a template, log it, see the streak and the charts."""
import re
import time

from playwright.sync_api import expect


def test_sign_up_to_first_logged_habit(app_page, email, shoot):
    page = app_page
    started = time.monotonic()
    # A first visit opens on sign-up.
    expect(page.get_by_role("heading", level=1, name="Create your account")).to_be_visible()
    shoot(page, "01-first-visit-sign-up")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("correct horse battery")
    shoot(page, "02-sign-up")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    shoot(page, "03-today-empty")
    page.get_by_role("button", name="New habit").click()
    expect(page.get_by_role("heading", name="Start from a template")).to_be_visible()
    shoot(page, "04-new-habit-gallery")
    page.get_by_role("button", name=re.compile(r"^Stretch,")).click()
    expect(page.get_by_label("Name")).to_have_value("Stretch")
    shoot(page, "05-template-filled")
    page.get_by_role("button", name="Save").click()

    log = page.get_by_role("button", name="Mark Stretch done")
    expect(log).to_have_attribute("aria-pressed", "false")
    log.click()
    expect(log).to_have_attribute("aria-pressed", "true")
    card = page.locator(".habit-card", has=log)
    expect(card).to_contain_text("1 day")
    assert time.monotonic() - started < 60
    page.locator("#toast").evaluate("el => el.hidden = true")
    shoot(page, "06-today-logged")

    # The template's identity was created along with the habit.
    page.get_by_role("link", name="Identities").click()
    expect(page.get_by_role("heading", name="I am someone who moves my body")).to_be_visible()
    expect(page.locator(".identity-card")).to_contain_text("1 vote this week")

    page.get_by_role("link", name="Today").click()
    page.get_by_role("link", name=re.compile("^Stretch")).click()
    expect(page.get_by_role("heading", level=1, name="Stretch")).to_be_visible()
    # A habit started today: its charts start today too.
    for title in ("Calendar", "This week", "Strength since the start", "Best streaks"):
        chart = page.get_by_role("region", name=title)
        expect(chart.locator("svg").first).to_be_visible()
    expect(page.get_by_role("region", name="Best streaks")).to_contain_text("Longest: 1 day")
    expect(page.locator(".chart-heatmap .hm-done")).to_have_count(1)
    shoot(page, "07-habit-detail")
