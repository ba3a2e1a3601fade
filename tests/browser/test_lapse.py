"""A kind restart after a lapse in the app (issue 24): Today greets a habit missed yesterday with a
restart line instead of a mark; after two misses in a row it offers a smaller step or a pause, one
tap to either (the editor with the step filled in; the pause sheet); a quit habit's slip says how
many days were kept before it; the editor's "Never miss twice" choice, and the bridged day on
the calendar. Dates count from the tests' clock (the page's too), so this holds on every day.
Screens at 390x844 and 360x740, light and dark."""
import re

from playwright.sync_api import expect

from tests.clock import day

SIZES = (((390, 844), "390"), ((360, 740), "360"))


def card(page, name):
    return page.locator(".habit-card").filter(has=page.locator(".habit-name", has_text=name))


def habit_with_days(call_api, body, done=(), values=None):
    habit = call_api("return await api.createHabit(arg)", body)
    for offset in done:
        data = {"value": values} if values is not None else {}
        call_api("await api.putCheckin(arg[0], arg[1], arg[2])", [habit["id"], day(offset), data])
    return habit


def shoot_sizes(page, shoot, name, locator):
    for (width, height), size in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        locator.scroll_into_view_if_needed()
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            shoot(page, f"95-{name}-{size}-{scheme}")
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 390, "height": 844})


def test_the_restart_line_and_its_two_one_tap_follow_ups(signed_up, call_api, shoot):
    page = signed_up
    habit_with_days(call_api, {"name": "Stretch", "start_date": day(-4)}, done=(-4, -3, -2))
    read = habit_with_days(call_api, {"name": "Read", "measure": "minutes", "target": 20,
                                      "start_date": day(-5)}, done=(-5, -4, -3), values=20)
    quiet = habit_with_days(call_api, {"name": "No reactive messages", "kind": "quit",
                                       "start_date": day(-10)}, done=(-6, 0))
    page.reload()
    page.get_by_role("heading", level=1, name="Today").wait_for()

    # One miss: a restart line, and the card is a plain one still to do (no mark of a miss).
    stretch = card(page, "Stretch")
    expect(stretch.locator(".restart-line")).to_have_text("Yesterday didn't happen. Today counts.")
    expect(stretch).to_have_class(re.compile("state-todo"))
    expect(stretch.locator(".restart-actions")).to_have_count(0)

    # Two in a row: a smaller step or a pause.
    reading = card(page, "Read")
    expect(reading.locator(".restart-line")).to_have_text(
        "Two days in a row didn't happen. Make it smaller, or rest it a while?")
    expect(reading.locator(".habit-restart .hint")).to_contain_text("try 15 minutes?")
    smaller = reading.get_by_role("link", name="Make Read smaller")
    pause = reading.get_by_role("button", name="Pause Read")
    for target in (smaller, pause):
        box = target.bounding_box()
        assert box["height"] >= 44 and box["x"] + box["width"] <= page.viewport_size["width"]

    # A slip says how many days were kept before it, in calm words and colours.
    slipped = card(page, "No reactive messages")
    expect(slipped.locator(".habit-slip")).to_have_text("After 5 days kept. Those days still count.")
    expect(slipped.locator(".habit-meta")).to_contain_text("A slip")
    fill = slipped.locator(".log-button").evaluate("el => getComputedStyle(el).backgroundColor")
    assert fill == "rgb(138, 108, 89)", fill  # clay (--slip), not the alarm red of errors
    shoot_sizes(page, shoot, "restart-today", reading)

    # One tap: the editor, with the smaller step filled in; Save applies it from today.
    smaller.click()
    expect(page.get_by_role("heading", level=1, name="Edit habit")).to_be_visible()
    expect(page.locator(".suggestion-banner")).to_be_visible()
    expect(page.locator('input[name="target"]')).to_have_value("15")
    shoot(page, "95-restart-smaller-editor")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1, name="Read")).to_be_visible()
    assert call_api("return await api.getHabit(arg)", read["id"])["target"] == 15

    # The other tap: the pause sheet; paused, the habit rests and the restart steps aside.
    page.goto("/#/today")
    card(page, "Read").get_by_role("button", name="Pause Read").click()
    sheet = page.get_by_role("dialog", name="Pause Read")
    expect(sheet).to_be_visible()
    sheet.get_by_role("button", name="Pause", exact=True).click()
    expect(sheet).to_have_count(0)
    expect(page.locator(".paused-section").locator(".habit-name", has_text="Read")).to_be_visible()
    expect(card(page, "Read").locator(".habit-restart")).to_have_count(0)
    assert [p["habit_id"] for p in call_api("return await api.listPauses()")] == [read["id"]]

    # Today counts: done, the restart line has done its work.
    stretch.locator(".log-button").click()
    expect(stretch).to_have_class(re.compile("state-done"))
    expect(stretch.locator(".habit-restart")).to_have_count(0)
    assert quiet["id"]


def test_never_miss_twice_in_the_editor_and_the_bridged_day(signed_up, call_api, shoot):
    page = signed_up
    walk = habit_with_days(call_api, {"name": "Walk", "start_date": day(-6)},
                           done=(-6, -5, -4, -2, -1))  # -3 missed
    page.goto(f"/#/habit/{walk['id']}/edit")
    choice = page.get_by_label("Never miss twice")
    expect(choice).not_to_be_checked()
    expect(page.get_by_text("One missed day (or week) between two done ones keeps your streak.")).to_be_visible()
    choice.check()
    shoot_sizes(page, shoot, "never-miss-twice-editor", page.locator('[data-field="never_miss_twice"]'))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1, name="Walk")).to_be_visible()
    saved = call_api("return await api.getHabit(arg)", walk["id"])
    assert saved["never_miss_twice"] is True and len(saved["rules"]) == 1

    # The habit's calendar: the missed day shown as bridged (not done), the streak unbroken.
    cell = page.locator(f'.chart-heatmap [data-date="{day(-3)}"]')
    expect(cell).to_have_class(re.compile("hm-bridged"))
    expect(cell.locator("title")).to_have_text(re.compile("Missed once, streak held"))
    expect(page.locator(".legend")).to_contain_text("Missed once, streak held")
    shoot_sizes(page, shoot, "bridged-calendar", page.locator(".chart-heatmap"))
    page.goto("/#/today")
    expect(card(page, "Walk").locator(".streak")).to_contain_text("5 days")

    # Missed yesterday, with never miss twice: the restart line says the streak holds.
    habit_with_days(call_api, {"name": "Journal", "start_date": day(-3), "never_miss_twice": True},
                    done=(-3, -2))
    page.reload()
    journal = card(page, "Journal")
    expect(journal.locator(".restart-line")).to_have_text(
        "Yesterday didn't happen. Today counts. The streak holds.")
    expect(journal.locator(".streak")).to_contain_text("2 days")
    shoot_sizes(page, shoot, "restart-held", journal)

    # A quit habit has no such choice: its streak counts the days since the last slip.
    page.goto("/#/new")
    page.locator('input[name="kind"][value="quit"]').check()
    expect(page.get_by_label("Never miss twice")).to_be_hidden()
