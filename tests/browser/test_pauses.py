"""Issue #15, pauses: pause a habit from its screen with the dates, find it under "Paused" on
Today, resume it; pause everything from Settings and come back. At 390x844, light and dark."""
import shutil
from pathlib import Path

from playwright.sync_api import expect

from tests.clock import day

SHOTS = Path("/tmp/shots")



def shot(page, shoot, name):
    """The screenshot, also kept under /tmp/shots to look at."""
    shoot(page, name)
    SHOTS.mkdir(exist_ok=True)
    source = Path(__file__).resolve().parent / "screenshots" / f"{name}.png"
    shutil.copy(source, SHOTS / source.name)


def section(page, name):
    return page.get_by_role("region", name=name)


def test_pause_a_habit_see_it_under_paused_and_resume_it(signed_up, call_api, shoot):
    page = signed_up
    walk = call_api("return api.createHabit({ name: 'Walk', start_date: arg })", day(-7))
    call_api("return api.createHabit({ name: 'Read', start_date: arg })", day(-7))
    call_api("await api.putCheckin(arg.id, arg.day, {})", {"id": walk["id"], "day": day(-3)})
    page.goto(f"/#/habit/{walk['id']}")
    page.get_by_role("button", name="Pause Walk").click()
    dialog = page.get_by_role("dialog", name="Pause Walk")
    expect(dialog).to_be_visible()
    dialog.get_by_label("First day").fill(day(-2))
    dialog.get_by_label("Note").fill("Sprained ankle")
    shot(page, shoot, "pause-sheet")
    dialog.get_by_role("button", name="Pause", exact=True).click()
    expect(dialog).to_be_hidden()
    banner = page.locator(".paused-banner")
    expect(banner).to_contain_text("Paused until you resume.")
    expect(banner).to_contain_text("Sprained ankle")
    # The heatmap shows the paused days as their own state, the logged day as done.
    for offset in (-2, -1, 0):
        cell = page.locator(f'.chart-heatmap [data-date="{day(offset)}"]')
        expect(cell).to_have_class("hm hm-paused")
    expect(page.locator(f'.chart-heatmap [data-date="{day(-3)}"]')).to_have_class("hm hm-done")
    expect(page.locator(".legend")).to_contain_text("Paused")
    shot(page, shoot, "pause-habit-screen")
    page.emulate_media(color_scheme="dark")
    shot(page, shoot, "pause-habit-screen-dark")
    page.emulate_media(color_scheme="light")

    # Today: Walk rests under its own heading, Read is due.
    page.goto("/#/today")
    paused = section(page, "Paused")
    expect(paused.locator(".habit-name")).to_have_text(["Walk"])
    expect(paused).to_contain_text("Paused until you resume")
    expect(section(page, "Due").locator(".habit-name")).to_have_text(["Read"])
    expect(section(page, "Due").locator(".habit-card")).not_to_contain_text("null")
    shot(page, shoot, "pause-today")
    page.emulate_media(color_scheme="dark")
    shot(page, shoot, "pause-today-dark")
    page.emulate_media(color_scheme="light")

    page.get_by_role("button", name="Resume Walk").click()
    expect(page.get_by_role("region", name="Paused")).to_have_count(0)
    expect(section(page, "Due").locator(".habit-name")).to_have_text(["Walk", "Read"])
    # Resumed from today: the pause kept its two past days.
    pauses = call_api("return api.listPauses()")
    assert [(p["start"], p["end"]) for p in pauses] == [(day(-2), day(-1))]


def test_pause_everything_from_settings_and_come_back(signed_up, call_api, shoot):
    page = signed_up
    for name in ("Walk", "Read"):
        call_api("return api.createHabit({ name: arg.name, start_date: arg.start })",
                 {"name": name, "start": day(-7)})
    call_api("return api.createHabit({ name: 'Swim', start_date: arg,"
             " schedule: { type: 'per_week', times: 3 } })", day(-7))
    page.goto("/#/settings")
    page.get_by_role("button", name="Pause everything").click()
    dialog = page.get_by_role("dialog", name="Pause everything")
    dialog.get_by_label("Last day").fill(day(6))
    dialog.get_by_label("Note").fill("Hospital")
    dialog.get_by_role("button", name="Pause everything").click()
    expect(dialog).to_be_hidden()
    row = section(page, "Pause everything").locator(".paused-banner")
    expect(row).to_contain_text("Everything is paused until")
    expect(row).to_contain_text("Hospital")
    settings = section(page, "Pause everything")
    expect(settings.get_by_role("button", name="Pause everything")).to_be_hidden()
    shot(page, shoot, "pause-settings")

    page.goto("/#/today")
    paused = section(page, "Paused")
    expect(paused.locator(".habit-name")).to_have_text(["Walk", "Read", "Swim"])
    expect(paused.locator(".paused-banner")).to_contain_text("Everything is paused until")
    # Today is paused, so the week asks one time fewer (as for a skipped day).
    expect(paused.locator('[data-habit-id] .period')).to_have_text("0 of 2 this week")
    expect(page.get_by_role("region", name="Due")).to_have_count(0)
    shot(page, shoot, "pause-today-everything")
    page.goto("/#/week")  # the week's rows say how many days rested
    expect(page.locator('.week-habit', has_text="Walk")).to_contain_text("1 day paused")
    page.goto("/#/today")

    page.get_by_role("button", name="Resume everything").click()
    expect(page.get_by_role("region", name="Paused")).to_have_count(0)
    expect(section(page, "Due").locator(".habit-name")).to_have_text(["Walk", "Read", "Swim"])
    expect(page.locator("[data-habit-id] .period")).to_have_text("0 of 3 this week")
    assert call_api("return api.listPauses()") == []  # it had not begun before today: removed
