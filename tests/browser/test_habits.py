"""Creating and editing every kind of habit through the editor, then archive and delete."""
import re

from playwright.sync_api import expect

from tests import clock

HABITS = [
    # name, kind, measure, target label and value, unit, schedule choice and its detail
    {"name": "Stretch", "kind": "Build", "measure": "Yes / no", "schedule": "Every day",
     "expect": {"kind": "build", "measure": "check", "target": None, "schedule": {"type": "daily"}}},
    {"name": "Read", "kind": "Build", "measure": "A count", "target": ("Daily target", "10"), "unit": "pages",
     "schedule": "On certain days", "days": ["Monday", "Wednesday", "Friday"],
     "expect": {"measure": "count", "target": 10, "unit": "pages", "schedule": {"type": "weekdays", "days": [0, 2, 4]}}},
    {"name": "Paint", "kind": "Build", "measure": "Minutes", "target": ("Minutes a day", "20"),
     "schedule": "A few times a week", "times": ("Times a week", "3"),
     "expect": {"measure": "minutes", "target": 20, "schedule": {"type": "per_week", "times": 3}}},
    {"name": "Try something new", "kind": "Build", "measure": "Yes / no",
     "schedule": "A few times a month", "times": ("Times a month", "2"),
     "expect": {"schedule": {"type": "per_month", "times": 2}}},
    {"name": "Practise Spanish", "kind": "Build", "measure": "Minutes", "target": ("Minutes a day", "15"),
     "schedule": "Every few days", "times": ("Every how many days", "3"),
     "expect": {"target": 15, "schedule": {"type": "every_n_days", "n": 3}}},
    {"name": "No reactive messages", "kind": "Quit", "measure": "Yes / no",
     "expect": {"kind": "quit", "measure": "check", "target": None, "schedule": {"type": "daily"}}},
    {"name": "Late-night scrolling", "kind": "Quit", "measure": "Minutes", "target": ("Daily limit (minutes)", "15"),
     "expect": {"kind": "quit", "measure": "minutes", "target": 15}},
    {"name": "Snacks", "kind": "Quit", "measure": "A count", "target": ("Daily limit", "2"), "unit": "snacks",
     "expect": {"kind": "quit", "measure": "count", "target": 2, "unit": "snacks"}},
]


def fill_habit(page, spec):
    page.get_by_label("Name").fill(spec["name"])
    page.get_by_role("radio", name=re.compile("^" + spec["kind"])).check()
    page.get_by_role("radio", name=spec["measure"], exact=True).check()
    if "target" in spec:
        label, value = spec["target"]
        page.get_by_label(label, exact=True).fill(value)
    if "unit" in spec:
        page.get_by_label("Unit").fill(spec["unit"])
    if "schedule" in spec:
        page.get_by_role("radio", name=spec["schedule"]).check()
    for day in spec.get("days", []):
        page.get_by_role("checkbox", name=day).check()
    if "times" in spec:
        label, value = spec["times"]
        page.get_by_label(label, exact=True).fill(value)


def names_in_section(page, title):
    """The habit names listed under a section heading of Today, in order."""
    return page.get_by_role("region", name=title, exact=True).locator(".habit-name")


def api_habits(page, archived="false"):
    return page.evaluate(f"() => fetch('/api/v1/habits?archived={archived}').then((r) => r.json())")


def test_create_every_kind_of_habit(signed_up, shoot):
    page = signed_up
    for index, spec in enumerate(HABITS):
        page.get_by_role("button", name="New habit").click()
        fill_habit(page, spec)
        if index == 1:
            expect(page.locator(".schedule-summary")).to_have_text("On Mon, Wed and Fri.")
            shoot(page, "10-editor-count-weekdays")
        if spec["name"] == "Late-night scrolling":
            shoot(page, "11-editor-quit-minutes")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
        expect(page.locator(".habit-card", has_text=spec["name"])).to_be_visible()

    stored = {habit["name"]: habit for habit in api_habits(page)}
    assert list(stored) == [spec["name"] for spec in HABITS]  # in the order they were made
    for spec in HABITS:
        for key, value in spec["expect"].items():
            assert stored[spec["name"]][key] == value, (spec["name"], key)

    # Order on Today: every habit is due on its first day but Read, due on Mondays, Wednesdays
    # and Fridays only; it is listed under "Not due today" on the other days.
    names = [spec["name"] for spec in HABITS]
    read_is_due = clock.today().weekday() in (0, 2, 4)
    due = names if read_is_due else [name for name in names if name != "Read"]
    expect(names_in_section(page, "Due")).to_have_text(due)
    expect(names_in_section(page, "Not due today")).to_have_text([] if read_is_due else ["Read"])

    # Move one up.
    page.get_by_role("button", name="More for Snacks").click()
    page.get_by_role("button", name="Move Snacks up").click()
    expect(names_in_section(page, "Due")).to_have_text(due[:-2] + ["Snacks", "Late-night scrolling"])
    assert [habit["name"] for habit in api_habits(page)][-2:] == ["Snacks", "Late-night scrolling"]

    # Quit habits log slips: any slip breaks a yes/no day; a count stays kept within its limit.
    slip = page.get_by_role("button", name="Log a slip for No reactive messages")
    slip.click()
    expect(slip).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".habit-card", has=slip)).to_have_class(re.compile("state-slipped"))
    more = page.get_by_role("button", name="More for Snacks")
    if more.get_attribute("aria-expanded") != "true":  # still open from moving it
        more.click()
    expect(page.get_by_role("spinbutton", name="How many snacks?")).to_have_value("1")
    page.get_by_role("button", name="Log", exact=True).click()
    snacks = page.locator(".habit-card", has_text="Snacks")
    expect(snacks).to_contain_text("1 / 2 snacks")
    expect(snacks).to_have_class(re.compile("state-kept"))
    expect(page.get_by_role("button", name="Add 1 page to Read")).to_be_visible()
    page.locator("#toast").evaluate("el => el.hidden = true")
    shoot(page, "12-today-every-kind")


def test_edit_archive_and_delete(signed_up, shoot):
    page = signed_up
    page.get_by_role("button", name="New habit").click()
    fill_habit(page, HABITS[1])
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name=re.compile("^Read")).click()
    page.get_by_role("link", name="Edit Read").click()

    expect(page.get_by_label("Name")).to_have_value("Read")
    expect(page.get_by_role("checkbox", name="Wednesday")).to_be_checked()
    page.get_by_label("Name").fill("Read books")
    page.get_by_label("Why it matters").fill("Stories calm me down.")
    page.get_by_label("Daily target").fill("12")
    page.get_by_role("radio", name="A few times a week").check()
    page.get_by_label("Times a week", exact=True).fill("4")
    page.get_by_label("Identity", exact=True).select_option(label="New identity…")
    page.get_by_label("New identity").fill("I keep learning")
    shoot(page, "13-editor-edit")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1, name="Read books")).to_be_visible()
    expect(page.locator(".habit-summary")).to_contain_text("4 times a week")
    expect(page.locator(".habit-summary")).to_contain_text("I keep learning")
    habit = api_habits(page)[0]
    assert (habit["target"], habit["schedule"], habit["description"]) == (
        12, {"type": "per_week", "times": 4}, "Stories calm me down.")

    # Archive: off Today, listed under Identities, and restorable.
    page.get_by_role("link", name="Edit Read books").click()
    page.get_by_role("button", name="Archive habit").click()
    page.get_by_role("dialog").get_by_role("button", name="Archive").click()
    expect(page.get_by_role("heading", level=1, name="Identities")).to_be_visible()
    expect(page.get_by_role("region", name="Archived habits")).to_contain_text("Read books")
    assert api_habits(page) == []
    page.get_by_role("region", name="Archived habits").get_by_role("link", name=re.compile("Read books")).click()
    expect(page.get_by_role("note")).to_contain_text("Archived")

    # Delete, after a confirmation that can be cancelled.
    page.get_by_role("link", name="Edit Read books").click()
    page.get_by_role("button", name="Delete habit").click()
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.get_by_role("button", name="Delete habit").click()
    shoot(page, "14-delete-confirmation")
    page.get_by_role("dialog").get_by_role("button", name="Delete").click()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    assert api_habits(page, "all") == []
