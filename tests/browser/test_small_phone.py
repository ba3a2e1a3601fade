"""Issue #9, items 6-8: Today on a 360x740 phone, forms that explain themselves and keep edits,
and copy that is true."""
import re
from datetime import timedelta

from playwright.sync_api import expect

from tests import clock

HABITS = ["Walk outside", "Strength training", "Read", "Journal", "Call a friend", "Stretch"]


def test_today_shows_four_habits_above_the_fold_on_a_small_phone(signed_up, call_api, shoot):
    page = signed_up
    for name in HABITS:
        call_api("await api.createHabit({ name: arg })", name)
    call_api("await api.putReflection(arg, { mood: 4, note: 'Slept well, calm morning, long walk by the river.' })",
             clock.today().isoformat())
    page.set_viewport_size({"width": 360, "height": 740})
    page.reload()
    expect(page.locator(".mood-summary")).to_have_text("Feeling good")

    # The mood is one line once set, the note folded; four habit rows clear the tab bar.
    assert page.locator(".mood-card").bounding_box()["height"] <= 64
    expect(page.get_by_label("Note about your day")).to_be_hidden()
    fold = page.locator("#tabbar").bounding_box()["y"]
    rows = [box for box in (el.bounding_box() for el in page.locator(".habit-card").all()) if box["y"] + box["height"] <= fold]
    assert len(rows) >= 4, rows
    # New habit never floats over a control or a caption: it has its place in the tab bar.
    new_habit = page.get_by_role("button", name="New habit")
    expect(new_habit).to_be_visible()
    assert new_habit.evaluate("el => Boolean(el.closest('#tabbar'))")
    shoot(page, "70-today-360")

    # Not on a habit's own screen, where charts and their captions run to the bottom.
    page.get_by_role("link", name=re.compile("^Walk outside")).click()
    expect(page.get_by_role("heading", level=1, name="Walk outside")).to_be_visible()
    expect(page.get_by_role("button", name="New habit")).to_have_count(0)

    # Back-filling: the date once, over two lines at most.
    earlier = clock.today() - timedelta(days=3)
    page.goto(f"/#/today/{earlier.isoformat()}")
    header = page.locator(".today-header")
    expect(header.get_by_role("heading", level=1)).not_to_have_text("Today")
    text = header.inner_text()
    assert len(re.findall(rf"\b{earlier.day}\b", text)) == 1, text
    assert page.locator(".today-header .screen-title").bounding_box()["height"] <= 84
    expect(page.get_by_role("link", name="Back to today")).to_be_visible()
    shoot(page, "71-back-fill-header-360")


def test_forms_explain_once_check_early_and_keep_edits(signed_up, call_api, console_errors, shoot):
    page = signed_up
    page.get_by_role("button", name="New habit").click()
    page.get_by_role("button", name="Save").click()  # no name
    name_field = page.locator('[data-field="name"]')
    expect(name_field.locator(".field-error")).to_have_text("Give it a name: up to 80 characters.")
    expect(page.get_by_text(re.compile("Length must be|Name:"))).to_have_count(0)
    expect(page.locator(".form-error, .field-error")).to_have_count(1)
    expect(page.get_by_label("Name")).to_be_focused()

    # A count target of 2.5 steps to whole numbers.
    page.get_by_role("radio", name="A count").check()
    target = page.get_by_label("Daily target")
    target.fill("2.5")
    page.get_by_role("button", name="Increase daily amount").click()
    expect(target).to_have_value("3")
    target.fill("2.5")
    page.get_by_role("button", name="Decrease daily amount").click()
    expect(target).to_have_value("2")

    # At 360 px the schedule rows and the summary fit inside the form.
    page.set_viewport_size({"width": 360, "height": 740})
    form_right = page.locator(".habit-form").bounding_box()
    for choice in ("A few times a week", "A few times a month", "Every few days", "On certain days"):
        page.get_by_role("radio", name=choice).check()
        for el in page.locator(".choice-extra:not([hidden]) *, .schedule-summary").all():
            box = el.bounding_box()
            if box:
                assert box["x"] + box["width"] <= form_right["x"] + form_right["width"] + 0.5, (choice, el.inner_text())
    shoot(page, "72-schedule-360")

    # Leaving an edited form asks first: another tab, then Back.
    page.get_by_label("Name").fill("Read")
    page.get_by_role("link", name="Today", exact=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Leave without saving?")
    shoot(page, "73-leave-edited-form")
    dialog.get_by_role("button", name="Stay").click()
    expect(page.get_by_role("heading", level=1, name="New habit")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Read")
    seen = []
    page.once("dialog", lambda d: (seen.append(d.type), d.accept()))
    page.reload()  # a reload (or closing the tab) asks through the browser
    assert seen == ["beforeunload"]
    expect(page.get_by_role("heading", level=1, name="New habit")).to_be_visible()

    # A negative amount is caught in the browser, beside the field.
    call_api("await api.createHabit({ name: 'Walk outside', measure: 'minutes', target: 20 })")
    page.goto("/#/today")
    page.get_by_role("button", name="More for Walk outside").click()
    page.get_by_role("spinbutton", name="Minutes done").fill("-5")
    writes = []
    page.on("request", lambda request: writes.append(request.url) if request.method == "PUT" else None)
    page.get_by_role("button", name="Log", exact=True).click()
    expect(page.locator('[data-field="value"] .field-error')).to_have_text(re.compile("can't be negative"))
    assert writes == []


def test_copy_says_only_what_is_true(signed_up, call_api, shoot):
    page = signed_up
    page.get_by_role("button", name="New habit").click()
    expect(page.locator("body")).not_to_contain_text(re.compile("remind|calendar feed|email", re.I))
    page.get_by_label("Name").fill("No reactive messages")
    page.get_by_role("radio", name=re.compile("^Quit")).check()
    page.get_by_role("button", name="Save").click()
    toast = page.locator("#toast")
    expect(toast).to_contain_text("No reactive messages added")
    expect(toast).not_to_contain_text("when it's done")

    read = call_api("return api.createHabit({ name: 'Read', measure: 'count', unit: 'pages', target: 1 })")
    page.reload()
    expect(page.locator(".habit-card", has_text="Read")).to_contain_text("Goal 1 page")
    expect(page.locator(".habit-card", has_text="Read")).not_to_contain_text("1 pages")

    page.get_by_role("link", name=re.compile("^No reactive messages")).click()
    tiles = page.get_by_role("region", name="Numbers")
    expect(tiles).to_contain_text("Days kept")
    expect(tiles).not_to_contain_text("Done in total")
    shoot(page, "74-quit-habit-numbers")

    page.goto(f"/#/habit/{read['id']}/edit")
    page.get_by_role("button", name="Delete habit").click()
    expect(page.get_by_role("dialog")).not_to_contain_text(re.compile("remind", re.I))
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
