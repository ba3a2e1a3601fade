"""If-then plans in the app (issue 24): written in the habit's editor (or taken from a starter's
example), shown under the habit on Today until it is done; the appointment mark with its one-line
explanation. Screens at 390x844 and 360x740, light and dark."""
import re
from datetime import timedelta

from playwright.sync_api import expect

from tests import clock

PLAN_TEXT = "When I get home, I will walk 20 minutes"


def card(page, name):
    return page.locator(".habit-card").filter(has=page.locator(".habit-name", has_text=name))


def test_a_plan_written_in_the_editor_shows_on_today_until_done(signed_up, call_api, shoot):
    page = signed_up
    walk = call_api("return await api.createHabit({ name: 'Walk outside', measure: 'minutes', target: 20 })")
    call_api("await api.createHabit({ name: 'Read' })")
    page.goto(f"/#/habit/{walk['id']}/edit")
    expect(page.get_by_role("heading", level=1, name="Edit habit")).to_be_visible()
    plan = page.get_by_role("group", name="If-then plan")
    expect(plan).to_be_visible()

    # Half a plan is caught beside the half that is missing, before anything is sent.
    page.get_by_label("When…").fill("I get home")
    page.get_by_role("button", name="Save").click()
    expect(page.locator('[data-field="plan_action"] .field-error')).to_have_text(
        "Write what you'll do too, or clear both.")
    expect(page.get_by_label("I will…")).to_be_focused()

    # The examples come from the starters, the one named like the habit first; one tap fills both.
    plan.get_by_text("Examples").click()
    first = plan.locator(".plan-example").first
    expect(first).to_have_text(PLAN_TEXT)
    shoot(page, "90-plan-editor-examples")
    page.emulate_media(color_scheme="dark")
    shoot(page, "90-plan-editor-examples-dark")
    page.emulate_media(color_scheme="light")
    first.click()
    expect(page.get_by_label("When…")).to_have_value("I get home")
    expect(page.get_by_label("I will…")).to_have_value("walk 20 minutes")
    expect(page.get_by_text("Orbit never suggests doing it more or less")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1, name="Walk outside")).to_be_visible()
    saved = call_api("return await api.getHabit(arg)", walk["id"])
    assert (saved["plan_cue"], saved["plan_action"], saved["appointment"]) == (
        "I get home", "walk 20 minutes", False)

    # Today: the plan under the habit, the habit without one as it was.
    page.goto("/#/today")
    walk_card = card(page, "Walk outside")
    expect(walk_card.locator(".habit-plan")).to_have_text(PLAN_TEXT)
    expect(card(page, "Read").locator(".habit-plan")).to_have_count(0)
    # Its words line up under the name, inside the card.
    text_box = walk_card.locator(".habit-plan").evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el); const b = r.getBoundingClientRect();"
        " return { x: b.x, right: b.right }; }")
    name_box = walk_card.locator(".habit-name").bounding_box()
    card_box = walk_card.bounding_box()
    assert abs(text_box["x"] - name_box["x"]) <= 1, (text_box, name_box)
    assert text_box["right"] <= card_box["x"] + card_box["width"]
    for (width, height), size in (((390, 844), "390"), ((360, 740), "360")):
        page.set_viewport_size({"width": width, "height": height})
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            expect(walk_card.locator(".habit-plan")).to_be_visible()
            shoot(page, f"91-plan-today-{size}-{scheme}")
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 390, "height": 844})

    # Done: the plan has done its work and steps aside; undone, it is back.
    walk_card.locator(".log-button").click()
    expect(walk_card).to_have_class(re.compile("state-done"))
    expect(walk_card.locator(".habit-plan")).to_have_count(0)
    page.reload()
    expect(card(page, "Walk outside").locator(".habit-plan")).to_have_count(0)


def test_editing_one_half_sends_the_whole_plan_and_the_appointment_mark(signed_up, call_api, shoot):
    page = signed_up
    therapy = call_api("return await api.createHabit({ name: 'Therapy session', plan_cue: 'it is Tuesday', "
                       "plan_action: 'leave at five', schedule: { type: 'per_week', times: 1 } })")
    page.goto(f"/#/habit/{therapy['id']}/edit")
    page.get_by_label("I will…").fill("leave at half past four")
    page.get_by_label("Appointment").check()
    for (width, height), size in (((390, 844), "390"), ((360, 740), "360")):
        page.set_viewport_size({"width": width, "height": height})
        page.get_by_role("group", name="If-then plan").scroll_into_view_if_needed()
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            shoot(page, f"92-plan-editor-{size}-{scheme}")
        page.locator('[data-field="appointment"]').scroll_into_view_if_needed()
        shoot(page, f"93-appointment-{size}-dark")
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1, name="Therapy session")).to_be_visible()
    saved = call_api("return await api.getHabit(arg)", therapy["id"])
    assert (saved["plan_cue"], saved["plan_action"], saved["appointment"]) == (
        "it is Tuesday", "leave at half past four", True)
    # Both halves cleared: no plan, and Today shows none.
    page.goto(f"/#/habit/{therapy['id']}/edit")
    expect(page.get_by_label("Appointment")).to_be_checked()
    page.get_by_label("When…").fill("")
    page.get_by_label("I will…").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1, name="Therapy session")).to_be_visible()
    saved = call_api("return await api.getHabit(arg)", therapy["id"])
    assert (saved["plan_cue"], saved["plan_action"]) == ("", "")
    page.goto("/#/today")
    expect(card(page, "Therapy session")).to_be_visible()
    expect(page.locator(".habit-plan")).to_have_count(0)


def test_a_starter_brings_its_example_plan_and_appointment_mark(signed_up):
    page = signed_up
    page.get_by_role("button", name="New habit").click()
    page.get_by_role("button", name=re.compile("^Therapy session")).first.click()
    expect(page.get_by_label("When…")).to_have_value("it is the day of my session")
    expect(page.get_by_label("I will…")).to_have_value("leave early enough to arrive calm")
    expect(page.get_by_label("Appointment")).to_be_checked()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", level=1, name="Today").wait_for()
    expect(card(page, "Therapy session").locator(".habit-plan")).to_have_text(
        "When it is the day of my session, I will leave early enough to arrive calm")


def test_the_week_shows_the_plan_of_a_habit_that_went_hard(signed_up, call_api, shoot):
    page = signed_up
    today = clock.today()
    last = today - timedelta(days=today.weekday() + 7)  # last week's Monday (weeks start Monday)
    walk = call_api("return await api.createHabit(arg)", {
        "name": "Walk outside", "start_date": last.isoformat(), "plan_cue": "I get home",
        "plan_action": "walk 20 minutes"})
    read = call_api("return await api.createHabit(arg)", {
        "name": "Read", "start_date": last.isoformat(), "plan_cue": "I get on the train",
        "plan_action": "read ten pages"})
    for offset in range(7):
        date = (last + timedelta(days=offset)).isoformat()
        call_api("await api.putCheckin(arg.id, arg.date, {})", {"id": read["id"], "date": date})
        if offset == 0:  # 1 of 7
            call_api("await api.putCheckin(arg.id, arg.date, {})", {"id": walk["id"], "date": date})
    page.goto(f"/#/week/{last.isoformat()}")
    row = page.locator(f'.week-habit[data-habit-id="{walk["id"]}"]')
    expect(row.locator(".week-habit-plan")).to_have_text(f"Your plan: {PLAN_TEXT}")
    expect(page.locator(f'.week-habit[data-habit-id="{read["id"]}"] .week-habit-plan')).to_have_count(0)
    row.scroll_into_view_if_needed()
    shoot(page, "94-plan-week")
    # The printable week, which names no private habit, lists it among the plans to lean on.
    page.goto(f"/#/week/{last.isoformat()}/print")
    expect(page.get_by_role("heading", name="Plans to lean on")).to_be_visible()
    expect(page.locator(".print-list li", has_text="Walk outside:")).to_have_text(f"Walk outside: {PLAN_TEXT}")
