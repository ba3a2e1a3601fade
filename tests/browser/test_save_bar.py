"""The habit form's Save bar (#10): docked above the tab bar, always in view, and never over a
control. It used to float over the fields and hid part of the first screenful's last control
(Lighthouse's accessibility audit: target size); the screen now scrolls in the space above it."""
from pathlib import Path

from playwright.sync_api import expect

SHOTS = Path("/tmp/shots")

# Every control of the screen that shows, with its box; and the Save bar's and the tab bar's.
LAYOUT = """() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const selector = 'main :is(input, select, textarea, button, a[href])';
  const controls = [...document.querySelectorAll(selector)]
    .filter((el) => el.getClientRects().length && !el.closest('[hidden]'));
  return { bar: box(document.querySelector('.sticky-actions')),
           tabbar: box(document.getElementById('tabbar')),
           main: box(document.getElementById('main')), height: innerHeight,
           controls: controls.map((el) => ({
             name: el.getAttribute('aria-label') || el.name || el.textContent.trim(),
             ...box(el) })) };
}"""
# What a finger at the middle of the element would touch.
HIT = """(el) => {
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return el === hit || el.contains(hit) || [...(el.labels || [])].some((l) => l.contains(hit));
}"""
BAR_AT = "([x, y]) => document.elementFromPoint(x, y)?.closest('.sticky-actions') || null"


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.wait_for_timeout(150)
    page.screenshot(path=str(SHOTS / f"save-bar-{name}.png"))


def covered_by_bar(page):
    """Whatever shows through the Save bar: a grid of points over it that land outside it."""
    return page.evaluate("""() => {
      const bar = document.querySelector('.sticky-actions'), r = bar.getBoundingClientRect();
      const found = [];
      for (let x = r.left + 2; x < r.right; x += 12) for (let y = r.top + 1; y < r.bottom; y += 6) {
        const hit = document.elementFromPoint(x, y);
        if (!bar.contains(hit)) found.push(`${hit?.tagName}.${hit?.className} at ${x},${y}`);
      }
      return found;
    }""")


def open_editor(page, call_api):
    habit = call_api("return api.createHabit({ name: 'Strength training', measure: 'minutes', "
                     "target: 30, schedule: { type: 'per_week', times: 3 } })")
    page.goto(f"/#/habit/{habit['id']}/edit")
    expect(page.get_by_role("heading", level=1, name="Edit habit")).to_be_visible()
    expect(page.locator(".screen.settling")).to_have_count(0)  # takes taps (app.js, SETTLE_MS)
    return habit


def assert_save_in_reach(page):
    save = page.get_by_role("button", name="Save", exact=True)
    expect(save).to_be_in_viewport(ratio=1)
    assert save.evaluate(HIT), "something covers Save"


def test_the_save_bar_covers_no_control_and_the_last_one_scrolls_clear(signed_up, call_api, shoot):
    page = signed_up
    open_editor(page, call_api)
    layout = page.evaluate(LAYOUT)
    # The bar sits on the tab bar, and the screen's scrolling area ends where the bar begins.
    assert 0 <= layout["tabbar"]["top"] - layout["bar"]["bottom"] <= 4, layout
    assert layout["main"]["bottom"] <= layout["bar"]["top"] + 0.5, layout
    assert covered_by_bar(page) == [], "something shows through the Save bar"
    assert_save_in_reach(page)
    # The first screenful's last control (the daily minutes here) goes on below the scrolling
    # area's edge, not under the bar: what shows of it takes a tap.
    under = [c for c in layout["controls"] if c["top"] < layout["main"]["bottom"] < c["bottom"]]
    for control in under:
        x = (control["left"] + control["right"]) / 2
        assert page.evaluate(BAR_AT, [x, layout["main"]["bottom"] - 2]) is None, control
    shot(page, "editor-first-screen")
    shoot(page, "save-bar-editor")

    # The editor's last control, scrolled to: fully in view above the bar, Save still there.
    for name in ["Private", "Delete habit"]:
        control = page.get_by_role("checkbox" if name == "Private" else "button", name=name)
        control.scroll_into_view_if_needed()
        layout = page.evaluate(LAYOUT)
        box = control.bounding_box()
        assert box["y"] >= 0, (name, box)
        assert box["y"] + box["height"] <= layout["bar"]["top"] + 0.5, (name, box, layout["bar"])
        assert control.evaluate(HIT), f"{name} is covered"
        assert covered_by_bar(page) == []
        assert_save_in_reach(page)
    shot(page, "editor-scrolled-to-the-end")

    # Keyboard focus on the control nearest the bottom scrolls it clear of the bar too.
    page.evaluate("() => document.getElementById('main').scrollTo(0, 0)")
    minutes = page.get_by_label("Minutes a day")
    page.get_by_role("radio", name="Minutes").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Decrease daily amount")).to_be_focused()
    page.keyboard.press("Tab")
    expect(minutes).to_be_focused()
    box, bar_top = minutes.bounding_box(), page.evaluate(LAYOUT)["bar"]["top"]
    assert box["y"] + box["height"] <= bar_top + 0.5

    # And Save saves.
    minutes.fill("40")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Strength training")).to_be_visible()
    assert call_api("return api.listHabits()")[0]["target"] == 40


def test_a_new_habit_on_a_small_phone_and_in_dark_mode(signed_up, call_api):
    page = signed_up
    page.set_viewport_size({"width": 360, "height": 640})
    page.emulate_media(color_scheme="dark")
    page.get_by_role("button", name="New habit").click()
    expect(page.get_by_role("heading", level=1, name="New habit")).to_be_visible()
    page.get_by_label("Name").fill("Walk outside")
    page.get_by_role("radio", name="A count").check()
    expect(page.locator(".screen.settling")).to_have_count(0)
    assert covered_by_bar(page) == []
    assert_save_in_reach(page)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "sideways scroll"
    shot(page, "new-habit-360-dark")
    # A message over the form stays clear of Save (it says to tap it).
    page.get_by_label("Daily target").fill("")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("button", name="Save", exact=True).scroll_into_view_if_needed()
    assert_save_in_reach(page)
    page.get_by_label("Daily target").fill("6000")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    # Back on a screen without the bar, the page scrolls as a whole again.
    assert page.evaluate("getComputedStyle(document.body).overflow") == "visible"
    assert call_api("return api.listHabits()")[0]["name"] == "Walk outside"
