"""Back-filling earlier days from Today: yes/no and amount habits, and the start date moving back."""
import re
from datetime import date, timedelta

from playwright.sync_api import expect


def create_habit(page, body):
    """Creates a habit through the app's own api.js (setup only; the UI is what is tested)."""
    return page.evaluate("async (body) => (await import(new URL('api.js', document.querySelector('script[type=module]').src).href)).createHabit(body)", body)


def test_back_fill_earlier_days(signed_up, shoot):
    page = signed_up
    stretch = create_habit(page, {"name": "Stretch", "color": "#0e9384"})
    create_habit(page, {"name": "Read", "measure": "count", "unit": "pages", "target": 10, "color": "#2f6fed"})
    today = date.fromisoformat(stretch["start_date"])
    page.reload()

    # Yesterday: both habits start later, and logging one moves its start back.
    page.get_by_role("link", name=re.compile("^Yesterday, ")).click()
    expect(page.get_by_role("heading", level=1, name="Yesterday")).to_be_visible()
    later = page.get_by_role("region", name="Before their start date")
    expect(later).to_contain_text("Stretch")
    shoot(page, "20-back-fill-yesterday")
    page.get_by_role("button", name="Mark Stretch done").click()
    expect(page.get_by_role("region", name="Due").get_by_role("button", name="Mark Stretch done")).to_have_attribute(
        "aria-pressed", "true")

    # An exact amount: the ⋯ button opens the panel with the target filled in.
    page.get_by_role("button", name="More for Read").click()
    amount = page.get_by_role("spinbutton", name="Pages done")
    expect(amount).to_have_value("10")
    page.get_by_role("button", name="Increase pages").click()
    expect(amount).to_have_value("11")
    page.get_by_label("Note for Read").fill("A long chapter")
    shoot(page, "21-back-fill-amount")
    page.get_by_role("button", name="Log", exact=True).click()
    read_card = page.locator(".habit-card", has_text="Read")
    expect(read_card).to_contain_text("11 / 10 pages")

    # Two days ago, through the day strip, then skip a day and undo from the toast.
    two_days_ago = today - timedelta(days=2)
    page.get_by_role("navigation", name="Choose a day").locator(f'a.day-chip[href="#/today/{two_days_ago.isoformat()}"]').click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Yesterday")
    page.get_by_role("button", name="Mark Stretch done").click()
    expect(page.get_by_role("button", name="Mark Stretch done")).to_have_attribute("aria-pressed", "true")

    # Back on Today: the streak counts the back-filled days (today is still open).
    page.get_by_role("link", name="Back to today").click()
    stretch_card = page.locator(".habit-card", has_text="Stretch")
    expect(stretch_card).to_contain_text("2 days")
    page.get_by_role("button", name="Mark Stretch done").click()
    expect(stretch_card).to_contain_text("3 days")

    # Undo through the toast puts the day back as it was.
    page.locator("#toast").get_by_role("button", name="Undo").click()
    expect(stretch_card).to_contain_text("2 days")
    expect(page.get_by_role("button", name="Mark Stretch done")).to_have_attribute("aria-pressed", "false")

    # Skip a day from the panel, then clear it.
    page.get_by_role("button", name="More for Stretch").click()
    page.get_by_role("button", name="Skip this day").click()
    expect(stretch_card).to_contain_text("Skipped")
    page.get_by_role("button", name="More for Stretch").click()
    page.get_by_role("button", name="Clear day").click()
    expect(stretch_card).not_to_contain_text("Skipped")

    habit = page.evaluate(f"() => fetch('/api/v1/habits/{stretch['id']}').then((r) => r.json())")
    assert habit["start_date"] == two_days_ago.isoformat()

    # The detail's calendar shows the back-filled days and the note.
    page.get_by_role("link", name=re.compile("^Read")).click()
    expect(page.locator(".chart-heatmap .hm-done")).to_have_count(1)
    expect(page.get_by_role("region", name="Notes")).to_contain_text("A long chapter")


def test_mood_check_with_a_note(signed_up):
    page = signed_up
    page.get_by_role("button", name="Good (4 of 5)").click()
    # Once set, the mood folds to one line.
    expect(page.locator(".mood-summary")).to_have_text("Feeling good")
    expect(page.get_by_role("button", name="Good (4 of 5)")).to_be_hidden()
    page.get_by_role("button", name="Add a note").click()
    page.get_by_label("Note about your day").fill("Calm morning, tense afternoon.")
    page.get_by_role("button", name="Save note").click()
    expect(page.locator("#toast")).to_contain_text("Note saved")
    page.reload()
    expect(page.locator(".mood-summary")).to_have_text("Feeling good")
    page.get_by_role("button", name="Change mood").click()
    expect(page.get_by_role("button", name="Good (4 of 5)")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Show note").click()  # "Note" on screen
    expect(page.get_by_label("Note about your day")).to_have_value("Calm morning, tense afternoon.")
