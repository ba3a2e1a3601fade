"""Issue 23: Today opens with one API request, a tap is one round trip and draws the server's
answer, and a past day is logged with the target in force that day (defect 1)."""
from datetime import timedelta

from playwright.sync_api import expect

from tests import clock


def api_calls(page):
    calls = []
    page.on("request", lambda r: calls.append(f"{r.method} {r.url.split('/api/v1', 1)[1]}")
            if "/api/v1/" in r.url else None)
    return calls


def test_today_opens_in_one_request_and_a_tap_is_one(signed_up, call_api):
    page = signed_up
    start = (clock.today() - timedelta(days=10)).isoformat()
    call_api("""
      await api.createHabit({ name: 'Gym', schedule: { type: 'per_week', times: 3 }, start_date: arg });
      await api.createHabit({ name: 'Call Mum', schedule: { type: 'per_month', times: 2 }, start_date: arg });
      await api.createHabit({ name: 'Read', start_date: arg });
    """, start)
    calls = api_calls(page)
    page.reload()
    expect(page.get_by_role("button", name="Mark Gym done")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert calls == ["GET /bootstrap"]
    calls.clear()
    page.get_by_role("button", name="Mark Gym done").click()
    expect(page.get_by_role("button", name="Mark Gym done")).to_have_attribute("aria-pressed", "true")
    page.wait_for_load_state("networkidle")
    assert len(calls) == 1 and calls[0].startswith("PUT /habits/")
    expect(page.locator('[data-habit-id] .period').first).to_have_text("1 of 3 this week")


def test_a_past_day_logs_and_shows_the_target_in_force_that_day(signed_up, call_api):
    """Defect 1: "make it smaller" (20 -> 15 min) today, then one tap on a day before the change:
    that day asked 20, so the tap logs 20 and the day is done."""
    page = signed_up
    today = clock.today()
    earlier = today - timedelta(days=2)
    habit = call_api("""
      const habit = await api.createHabit({ name: 'Paint', measure: 'minutes', target: 20, start_date: arg });
      await api.updateHabit(habit.id, { target: 15 });
      return habit.id;
    """, (today - timedelta(days=10)).isoformat())
    page.goto(f"/#/today/{earlier.isoformat()}")
    button = page.get_by_role("button", name="Log 20 min of Paint")
    expect(button).to_be_visible()
    button.click()
    card = page.locator(f'[data-habit-id="{habit}"]')
    expect(card).to_have_class("habit-card state-done")
    expect(card).to_contain_text("20 / 20 min")
    stored = call_api("return (await api.listCheckins(arg.id, arg.day, arg.day))[0]",
                      {"id": habit, "day": earlier.isoformat()})
    assert (stored["value"], stored["done"]) == (20, True)
    page.goto("/#/today")
    expect(page.get_by_role("button", name="Log 15 min of Paint")).to_be_visible()


def test_a_habit_screen_is_one_request_and_a_young_habit_counts_its_own_days(signed_up, call_api):
    """Defect 3: a two-week-old weekly habit reads its rate over its 14 days, not the last 30."""
    page = signed_up
    start = (clock.today() - timedelta(days=13)).isoformat()
    habit = call_api("""
      const habit = await api.createHabit({ name: 'Gym', schedule: { type: 'per_week', times: 1 }, start_date: arg });
      await api.putCheckin(habit.id, arg, { status: 'done' });
      return habit.id;
    """, start)
    calls = api_calls(page)
    page.evaluate("(h) => { location.hash = h; }", f"#/habit/{habit}")
    expect(page.get_by_role("heading", level=1, name="Gym")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert calls == [f"GET /habits/{habit}/overview"]
    expect(page.locator(".stat-note")).to_contain_text("of its 14 days")
    expect(page.get_by_text("of the last 30 days")).to_have_count(0)


def test_the_week_and_its_printable_page_open_in_one_request_each(signed_up, call_api):
    """The Week screen reads its summary, trend, question and earlier answers in one request;
    the printable week reads the same screen with private habits unnamed."""
    page = signed_up
    today = clock.today()
    monday = today - timedelta(days=today.weekday())  # any day of the week before this one
    earlier = (monday - timedelta(days=7)).isoformat()
    call_api("""
      const walk = await api.createHabit({ name: 'Walk', start_date: arg.start });
      const secret = await api.createHabit({ name: 'Therapy', private: true, start_date: arg.start });
      await api.putCheckin(walk.id, arg.earlier, { status: 'done' });
      await api.putCheckin(secret.id, arg.earlier, { status: 'done' });
      await api.putWeekAnswer(arg.earlier, 'Walked to work twice.');
    """, {"start": (today - timedelta(days=20)).isoformat(), "earlier": earlier})
    calls = api_calls(page)
    page.evaluate("() => { location.hash = '#/week'; }")
    week = page.locator(".screen-week")
    expect(week.locator(".week-prompt .prompt-question")).to_be_visible()
    expect(week.locator(".week-answers .answer-text")).to_have_text(["Walked to work twice."])
    page.wait_for_load_state("networkidle")
    assert [c.split("?")[0] for c in calls] == ["GET /summaries/weekly/screen"], calls

    calls.clear()
    page.evaluate("(h) => { location.hash = h; }", f"#/week/{earlier}/print")
    sheet = page.locator(".print-sheet")
    expect(sheet.locator(".print-answer")).to_have_text("Walked to work twice.")
    expect(sheet.locator(".print-habits")).to_contain_text("Private habit")
    assert "Therapy" not in sheet.inner_text()
    page.wait_for_load_state("networkidle")
    assert calls == [f"GET /summaries/weekly/screen?date={earlier}&hide_private=true"], calls
