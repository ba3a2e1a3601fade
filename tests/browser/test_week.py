"""Issue #11: the Week screen (this week and past weeks, totals, habit bars, votes, mood, next small
steps applied in one tap, the 12-week trend) and the printable week, at 390x844 and 360 px, light
and dark."""
import re
from datetime import timedelta

from playwright.sync_api import expect

from tests import clock

# Two complete weeks of history, written through the app's own api.js: Read (10 pages a day, met
# every day: raise), Stretch (private, 3 times a week, met: raise), Paint (20 minutes on Mon, Wed
# and Fri, once a week: shrink), a quit habit with one slip, a monthly habit, and moods.
HISTORY = """
  const { before, last, identityStatement } = arg;
  const days = (monday) => Array.from({ length: 7 }, (_, i) => {
    const d = new Date(monday + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + i); return d.toISOString().slice(0, 10);
  });
  const weeks = [days(before), days(last)];
  const identity = await api.createIdentity({ statement: identityStatement, color: '#2f9e6e' });
  const read = await api.createHabit({ name: 'Read', measure: 'count', unit: 'pages', target: 10,
    start_date: before, identity_id: identity.id });
  const stretch = await api.createHabit({ name: 'Stretch', private: true, schedule: { type: 'per_week', times: 3 },
    start_date: before, identity_id: identity.id });
  const paint = await api.createHabit({ name: 'Paint', measure: 'minutes', target: 20,
    schedule: { type: 'weekdays', days: [0, 2, 4] }, start_date: before });
  const quit = await api.createHabit({ name: 'No doomscrolling', kind: 'quit', start_date: before });
  const call = await api.createHabit({ name: 'Call Mum', schedule: { type: 'per_month', times: 2 },
    start_date: before });
  const writes = [];
  for (const week of weeks) {
    week.forEach((day, i) => {
      writes.push(api.putCheckin(read.id, day, { value: 10 }));
      if (i % 2 === 0 && i < 6) writes.push(api.putCheckin(stretch.id, day, { status: 'done' }));
      writes.push(api.putReflection(day, { mood: 3 + (i % 3) }));
    });
    writes.push(api.putCheckin(paint.id, week[0], { value: 25 }));
  }
  writes.push(api.putCheckin(quit.id, weeks[1][3], { value: 1 }));
  writes.push(api.putCheckin(call.id, weeks[1][2], { status: 'done' }));
  await Promise.all(writes);
  return { read: read.id, stretch: stretch.id, paint: paint.id };
"""


def weeks():
    """This week's Monday (the users' default week start), and the two weeks before it."""
    today = clock.today()
    this = today - timedelta(days=today.weekday())
    return this, this - timedelta(days=7), this - timedelta(days=14)


def set_up_history(call_api):
    this, last, before = weeks()
    return call_api(HISTORY, {"before": before.isoformat(), "last": last.isoformat(),
                              "identityStatement": "I am someone who reads"})


def swipe(page, dx):
    """A horizontal finger swipe of dx pixels across the middle of the screen."""
    page.evaluate("""(dx) => {
      const el = document.querySelector('.screen');
      const touch = (x) => new Touch({ identifier: 1, target: el, clientX: x, clientY: 400 });
      const start = touch(100);
      el.dispatchEvent(new TouchEvent('touchstart', { touches: [start], changedTouches: [start], bubbles: true }));
      el.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(100 + dx)], bubbles: true }));
    }""", dx)


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"


def test_week_screen_light_and_dark_and_a_suggestion_applied_in_one_tap(signed_up, call_api, shoot):
    page = signed_up
    ids = set_up_history(call_api)
    this, last, before = weeks()

    # The tab opens on this week so far; the arrow goes back to last week.
    page.get_by_role("link", name="Week", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="This week")).to_be_visible()
    expect(page.get_by_role("link", name="Week", exact=True)).to_have_attribute("aria-current", "page")
    expect(page.locator(".last-week-card")).to_contain_text("next steps suggested")
    swipe(page, 160)  # to the right: a week back
    expect(page.get_by_role("heading", level=1, name="Last week")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Next week")).click()
    expect(page.get_by_role("heading", level=1, name="This week")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Previous week")).click()
    expect(page.get_by_role("heading", level=1, name="Last week")).to_be_visible()
    expect(page).to_have_url(re.compile(f"#/week/{last.isoformat()}$"))

    # Totals against the week before, a bar per habit, votes, mood and the trend with its text.
    totals = page.get_by_role("region", name="Totals")
    expect(totals).to_contain_text("done")
    expect(totals).to_contain_text("week before")
    habits = page.get_by_role("region", name="Habits")
    expect(habits.locator(".week-habit", has_text="Read")).to_contain_text("7 of 7 days")
    expect(habits.locator(".week-habit", has_text="Read")).to_contain_text("70 pages")
    expect(habits.locator(".week-habit", has_text="Stretch")).to_contain_text("3 of 3 times")
    expect(habits.locator(".week-habit", has_text="Paint")).to_contain_text("1 of 3 days")
    expect(habits.locator(".week-habit", has_text="No doomscrolling")).to_contain_text("6 of 7 days kept")
    expect(habits.locator(".week-habit", has_text="Call Mum")).to_contain_text("this month")
    votes = page.get_by_role("region", name="Votes for who you're becoming")
    expect(votes).to_contain_text("I am someone who reads")
    expect(votes).to_contain_text("10 votes, as many as the week before")
    expect(page.get_by_role("region", name="Mood")).to_contain_text("of 5, over 7 days")
    trend = page.get_by_role("region", name="Last 12 weeks")
    expect(trend.locator("svg.trend-svg")).to_have_attribute("aria-hidden", "true")
    expect(trend.locator("ul.visually-hidden li")).to_have_count(12)
    expect(trend.locator("ul.visually-hidden")).to_contain_text(re.compile(r"\d+% \(\d+ of \d+ done\)"))
    steps = page.get_by_role("region", name="Next small steps")
    expect(steps).to_contain_text("try 13 pages?")
    expect(steps.get_by_role("link", name="Make it smaller: Paint")).to_be_visible()
    no_sideways_scroll(page)
    shoot(page, "90-week-last-week")

    page.emulate_media(color_scheme="dark")
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Last week")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(15, 16, 22)"
    shoot(page, "91-week-last-week-dark")
    page.emulate_media(color_scheme="light")

    # One tap opens Read's editor with 13 pages filled in; Save applies it.
    page.get_by_role("link", name="Try it: Read").click()
    expect(page.get_by_role("heading", level=1, name="Edit habit")).to_be_visible()
    expect(page.get_by_role("note")).to_contain_text("Suggested by your week of")
    expect(page.locator(".suggested-change")).to_have_text("Daily target: 10 → 13")
    expect(page.locator("input[name=target]")).to_have_value("13")
    shoot(page, "92-week-suggestion-in-editor")
    assert call_api("return (await api.getHabit(arg)).target", ids["read"]) == 10  # not before Save
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1, name="Read")).to_be_visible()
    assert call_api("return (await api.getHabit(arg)).target", ids["read"]) == 13

    # A schedule suggestion fills the schedule in the same way.
    page.goto(f"/#/week/{last.isoformat()}")
    page.get_by_role("link", name="Try it: Stretch").click()
    expect(page.locator("input[name=per_week_times]")).to_have_value("4")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1, name="Stretch")).to_be_visible()
    assert call_api("return (await api.getHabit(arg)).schedule", ids["stretch"]) == {"type": "per_week", "times": 4}


def test_printable_week_names_no_private_habit(signed_up, call_api, shoot):
    page = signed_up
    set_up_history(call_api)
    this, last, before = weeks()
    page.goto(f"/#/week/{last.isoformat()}")
    page.get_by_role("link", name="Print or share this week").click()
    expect(page).to_have_url(re.compile(f"#/week/{last.isoformat()}/print$"))
    sheet = page.locator(".print-sheet")
    expect(sheet.get_by_role("heading", level=1)).to_contain_text(str((last + timedelta(days=6)).year))  # with its year
    expect(sheet.locator(".print-habits")).to_contain_text("Private habit")
    expect(sheet.locator(".print-habits")).to_contain_text("Read")
    assert "Stretch" not in sheet.inner_text()
    expect(page.locator("#tabbar")).to_be_hidden()
    expect(page.get_by_role("button", name="Print or save PDF")).to_be_visible()
    no_sideways_scroll(page)
    shoot(page, "93-week-print-phone")

    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print or save PDF")).to_be_hidden()
    shoot(page, "94-week-print-media")
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(media="screen", color_scheme="dark")
    shoot(page, "95-week-print-phone-dark")
    page.get_by_role("link", name="Back to the week").click()
    expect(page.get_by_role("heading", level=1, name="Last week")).to_be_visible()


def test_new_user_week_is_encouraging_at_360_px(signed_up, call_api, shoot):
    page = signed_up
    page.set_viewport_size({"width": 360, "height": 740})
    page.get_by_role("link", name="Week", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="This week")).to_be_visible()
    expect(page.get_by_role("heading", name="Your first week starts with one habit")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Previous week"))).to_have_count(0)
    shoot(page, "96-week-new-user-360")

    # A first habit today: the week so far, and a trend that says how it will grow.
    call_api("await api.createHabit({ name: 'Walk outside', measure: 'minutes', target: 20 })")
    page.reload()
    expect(page.get_by_role("heading", level=1, name="This week")).to_be_visible()
    expect(page.get_by_role("region", name="Habits")).to_contain_text("Walk outside")
    expect(page.locator(".coach")).to_contain_text(re.compile("week"))
    no_sideways_scroll(page)
    for target in page.locator(".screen a, .screen button, #tabbar a, #tabbar button").all():
        if target.is_visible():
            box = target.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, (target.inner_text(), box)
    shoot(page, "97-week-first-habit-360")
