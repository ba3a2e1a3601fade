"""Quick taps on a slow phone network: nothing typed is lost, nothing is written twice, and the
screen ends on what the server holds."""
from playwright.sync_api import expect



def test_typing_survives_a_tap_on_another_habit(signed_up, call_api):
    page = signed_up
    call_api("await api.createHabit({ name: 'Stretch' });"
              "await api.createHabit({ name: 'Read', measure: 'count', unit: 'pages', target: 10 });")
    page.reload()
    page.get_by_role("button", name="Add a note").click()
    page.get_by_label("Note about your day").fill("Tense morning, calmer now")
    page.get_by_role("button", name="More for Read").click()
    page.get_by_role("spinbutton", name="Pages done").fill("7")
    page.get_by_label("Note for Read").fill("Half a chapter so far")

    stretch = page.get_by_role("button", name="Mark Stretch done")
    stretch.click()
    expect(stretch).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_label("Note about your day")).to_have_value("Tense morning, calmer now")
    expect(page.get_by_label("Note about your day")).to_be_visible()
    expect(page.get_by_role("spinbutton", name="Pages done")).to_have_value("7")
    expect(page.get_by_label("Note for Read")).to_have_value("Half a chapter so far")

    # ... and can still be sent, from where it was left.
    page.get_by_role("button", name="Log", exact=True).click()
    expect(page.locator(".habit-card", has_text="Read")).to_contain_text("7 / 10 pages")
    read = call_api("return (await api.getToday()).habits.find((item) => item.habit.name === 'Read')")
    assert read["checkin"]["note"] == "Half a chapter so far"


def test_a_slow_answer_does_not_paint_over_a_later_tap(signed_up, slow_network, call_api):
    """Each tap's answer is the Today item of its own habit (issue 23): an answer that comes back
    late draws its habit only, over nothing newer, and no tap reads the day again."""
    page = signed_up
    call_api("await api.createHabit({ name: 'Stretch' }); await api.createHabit({ name: 'Walk' });")
    page.reload()
    expect(page.get_by_role("button", name="Mark Walk done")).to_be_visible()
    reads = []
    page.on("request", lambda request: reads.append(request.url) if "/api/v1/today" in request.url else None)
    slow_network("/checkins/", 1200, method="PUT")  # the first tap's answer comes back late
    page.get_by_role("button", name="Mark Stretch done").click()
    page.get_by_role("button", name="Mark Walk done").click()
    expect(page.get_by_role("button", name="Mark Walk done")).to_have_attribute("aria-pressed", "true")
    page.wait_for_function("() => window.__held === 0 && window.__delays.length === 0")
    page.wait_for_load_state("networkidle")

    expect(page.get_by_role("button", name="Mark Walk done")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Mark Stretch done")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("img", name="2 of 2 done")).to_be_visible()
    assert reads == []


def test_save_tapped_again_while_today_loads_creates_one_habit(signed_up, slow_network, call_api):
    page = signed_up
    page.get_by_role("button", name="New habit").click()
    page.get_by_label("Name").fill("Journal")
    page.wait_for_function("() => !document.querySelector('.screen.settling')")  # a new screen takes taps after a moment
    box = page.get_by_role("button", name="Save").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    slow_network("/api/v1/today", 1500)  # Today takes its time to load
    page.mouse.click(x, y)
    page.wait_for_function("() => location.hash === '#/today'")  # saved; the editor is still on screen
    page.mouse.click(x, y)  # an impatient second tap on the same spot
    expect(page.get_by_role("button", name="Mark Journal done")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert call_api("return (await api.listHabits('all')).map((habit) => habit.name)") == ["Journal"]


def test_mood_taps_end_on_the_last_one_and_keep_the_stored_note(signed_up, slow_network, call_api):
    page = signed_up
    day = call_api("return (await api.getToday()).date")
    call_api("await api.putReflection(arg, { mood: 3, note: 'Written this morning' })", day)
    page.reload()
    expect(page.locator(".mood-summary")).to_have_text("Feeling okay")
    page.get_by_role("button", name="Change mood").click()
    expect(page.get_by_role("button", name="Okay (3 of 5)")).to_have_attribute("aria-pressed", "true")
    # Meanwhile, on another device, the note is rewritten.
    call_api("await api.putReflection(arg, { mood: 3, note: 'Rewritten on the laptop' })", day)

    slow_network("/api/v1/reflections", 600, method="PUT", before=True)  # the first tap's request is slow to leave
    page.get_by_role("button", name="Low (2 of 5)").click()
    page.get_by_role("button", name="Great (5 of 5)").click()  # changed my mind
    page.wait_for_function("() => window.__held === 0")
    page.wait_for_load_state("networkidle")

    expect(page.locator(".mood-option.mood-5")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".mood-summary")).to_have_text("Feeling great")
    stored = call_api("return (await api.getToday(arg)).reflection", day)
    assert (stored["mood"], stored["note"]) == (5, "Rewritten on the laptop")


def test_a_toast_does_not_swallow_taps_meant_for_the_screen(signed_up, call_api):
    page = signed_up
    call_api("await api.createHabit({ name: 'Stretch' })")
    page.reload()
    page.get_by_role("button", name="Mark Stretch done").click()
    toast = page.locator("#toast")
    expect(toast.get_by_role("button", name="Undo")).to_be_visible()
    # A tap on the toast's words reaches the screen under it; its Undo button still takes taps.
    hit_inside = page.evaluate("""() => {
      const hit = (el) => { const r = el.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); };
      const toast = document.getElementById('toast');
      return [toast.contains(hit(toast.querySelector('span'))), hit(toast.querySelector('button'))?.textContent];
    }""")
    assert hit_inside == [False, "Undo"]
    toast.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("button", name="Mark Stretch done")).to_have_attribute("aria-pressed", "false")
