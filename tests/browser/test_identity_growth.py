"""Issue #15, identities you can watch grow: an identity's screen (votes per week as bars with a
text equivalent, this month against last, its habits, the latest evidence), reached from the
identities list and from a habit; and Today grouped by identity, a group collapsed and still
collapsed after a reload. At 390x844 and 360x740, light and dark."""
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import expect

from tests import clock
from tests.clock import day

SHOTS = Path("/tmp/shots")
RUN_DAYS = [0, 1, 3, 5, 8, 10, 12, 15, 20, 40]

SET_UP = """
  const { days, runDays } = arg;
  const move = await api.createIdentity({ statement: 'I move my body', color: '#2f9e6e' });
  const art = await api.createIdentity({ statement: 'I make art again', color: '#c2410c' });
  const run = await api.createHabit({ name: 'Run', identity_id: move.id, start_date: days[60] });
  const pages = await api.createHabit({ name: 'Read about training', measure: 'count',
    unit: 'pages', target: 10, identity_id: move.id, start_date: days[60] });
  const scroll = await api.createHabit({ name: 'No doomscrolling', kind: 'quit',
    identity_id: move.id, start_date: days[2] });
  const paint = await api.createHabit({ name: 'Sketch something', identity_id: art.id });
  const water = await api.createHabit({ name: 'Drink water' });
  for (const ago of runDays) {
    const note = ago === 0 ? 'Along the river, 5 km' : undefined;
    await api.putCheckin(run.id, days[ago], { status: 'done', note });
  }
  await api.putCheckin(pages.id, days[2], { value: 12, note: 'Chapter three: rest days' });
  await api.putCheckin(pages.id, days[9], { value: 5 });
  return { move: move.id, art: art.id, run: run.id, pages: pages.id, scroll: scroll.id,
    paint: paint.id, water: water.id };
"""



def set_up(call_api):
    return call_api(SET_UP, {"days": [day(-n) for n in range(61)], "runDays": RUN_DAYS})


def expected_this_week():
    """Votes of 'I move my body' since Monday: Run's days, Read's 12 of 10 pages two days ago,
    and the quit habit's kept days since its start two days ago."""
    today = clock.today()
    monday = today - timedelta(days=today.weekday())
    votes = [today - timedelta(days=n) for n in RUN_DAYS + [2, 2, 1, 0]]
    return sum(1 for d in votes if d >= monday)


def snap(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(150)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    page.screenshot(path=str(SHOTS / f"{name}-full.png"), full_page=True)


def no_sideways_scroll(page):
    wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not wide, "the page scrolls sideways"


def small_targets(page, selector):
    """Controls under `selector` smaller than 44x44 px (labels: those of checkboxes)."""
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
      .filter((el) => el.tagName !== 'LABEL'
        || document.getElementById(el.htmlFor)?.type === 'checkbox')
      .filter((el) => el.checkVisibility())
      .map((el) => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
      .filter(([, r]) => r.height < 44 || r.width < 44)
      .map(([t, r]) => `${t}: ${r.width}x${r.height}`)""", selector)


def test_identity_screen_shows_votes_growing_and_the_evidence(signed_up, call_api):
    page = signed_up
    ids = set_up(call_api)

    # From the identities list: the statement opens its screen.
    page.get_by_role("link", name="Identities").click()
    expect(page.get_by_role("heading", level=1, name="Identities")).to_be_visible()
    assert small_targets(page, ".screen a, .screen button") == []
    snap(page, "identities-list")
    page.get_by_role("link", name="I move my body").click()
    expect(page.get_by_role("heading", level=1, name="I move my body")).to_be_visible()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#/identities/{ids['move']}")

    # 26 bars, the last this week's, and a table with the same 26 weeks for screen readers.
    bars = page.locator(".chart-votes svg rect")
    expect(bars).to_have_count(26)
    assert bars.last.get_attribute("data-votes") == str(expected_this_week())
    assert page.locator(".chart-votes svg").get_attribute("aria-hidden") == "true"
    table = page.locator(".chart-votes table.visually-hidden")
    expect(table.locator("tbody tr")).to_have_count(26)
    expect(table.locator("tbody tr").last).to_contain_text(f"(this week){expected_this_week()}")
    total = len(RUN_DAYS) + 1 + 3  # Run's days, one Read day at the target, three kept days
    expect(page.locator(".chart-votes figcaption")).to_contain_text(f"{total} votes in 26 weeks")

    # This month against last, in numbers and a sentence.
    month = page.get_by_role("region", name="This month against last")
    expect(month.locator(".month-sentence")).to_contain_text("so far this month")

    # Its habits, each a link; the evidence: newest first, ten of them, notes and habits named.
    habits = page.get_by_role("list", name="Habits for “I move my body”")
    expect(habits.get_by_role("link")).to_have_count(3)
    evidence = page.get_by_role("region", name="Latest evidence").locator("li")
    expect(evidence).to_have_count(10)
    expect(evidence.first).to_contain_text("Along the river, 5 km")
    expect(evidence.first).to_contain_text("Run")
    latest = page.get_by_role("region", name="Latest evidence")
    expect(latest).to_contain_text("Chapter three: rest days")
    expect(latest).to_contain_text("12 pages")
    assert small_targets(page, ".identity-screen a, .identity-screen button") == []
    no_sideways_scroll(page)
    snap(page, "identity-light")
    page.emulate_media(color_scheme="dark")
    snap(page, "identity-dark")
    page.emulate_media(color_scheme="light")

    # From a habit: its identity chip opens the same screen.
    habits.get_by_role("link", name="Read about training").click()
    expect(page.get_by_role("heading", level=1, name="Read about training")).to_be_visible()
    snap(page, "habit-identity-chip")
    page.get_by_role("link", name="I move my body").click()
    expect(page.get_by_role("heading", level=1, name="I move my body")).to_be_visible()

    # A small phone: nothing scrolls sideways.
    page.set_viewport_size({"width": 360, "height": 740})
    page.reload()
    expect(page.get_by_role("heading", level=1, name="I move my body")).to_be_visible()
    no_sideways_scroll(page)
    snap(page, "identity-360")


def test_today_grouped_by_identity_keeps_a_group_collapsed(signed_up, call_api):
    page = signed_up
    set_up(call_api)

    # Off by default: Due and Not due, as before.
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    expect(page.locator(".identity-group")).to_have_count(0)

    page.get_by_role("link", name="Settings").click()
    switch = page.get_by_role("switch", name="Group Today by identity")
    expect(switch).not_to_be_checked()
    switch.check()
    switch.scroll_into_view_if_needed()
    snap(page, "settings-group-today")
    assert small_targets(page, ".screen a, .screen button, .screen label[for]") == []
    page.get_by_role("link", name="Today").click()

    # One group per identity in their order, habits without an identity last.
    groups = page.locator(".identity-group")
    expect(groups).to_have_count(3)
    assert groups.locator(".group-name").all_inner_texts() == [
        "I move my body", "I make art again", "No identity"]
    move = page.get_by_role("button", name="I move my body")
    expect(move).to_have_attribute("aria-expanded", "true")
    expect(groups.nth(0).locator(".habit-card")).to_have_count(3)
    expect(groups.nth(2)).to_contain_text("Drink water")
    assert small_targets(page, ".group-toggle") == []

    # A tap inside a group logs as anywhere else, and the group's count follows.
    art = groups.nth(1)
    expect(art.locator(".group-count")).to_have_text("0/1")
    art.locator(".habit-card", has_text="Sketch something").locator(".log-button").click()
    expect(art.locator(".group-count")).to_have_text("1/1")
    snap(page, "today-grouped-light")

    # Collapsed, then reloaded: still collapsed; the other groups stay open.
    move.click()
    expect(move).to_have_attribute("aria-expanded", "false")
    expect(groups.nth(0).locator(".habit-card").first).to_be_hidden()
    page.reload()
    move = page.get_by_role("button", name="I move my body")
    expect(move).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".identity-group").nth(0).locator(".group-body")).to_be_hidden()
    art_toggle = page.get_by_role("button", name="I make art again")
    expect(art_toggle).to_have_attribute("aria-expanded", "true")
    page.emulate_media(color_scheme="dark")
    snap(page, "today-grouped-dark")
    page.emulate_media(color_scheme="light")

    page.set_viewport_size({"width": 360, "height": 740})
    no_sideways_scroll(page)
    snap(page, "today-grouped-360")

    # Opened again, and the choice switched off: Today is a list of Due and Not due again.
    move.click()
    expect(move).to_have_attribute("aria-expanded", "true")
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("switch", name="Group Today by identity").uncheck()
    page.get_by_role("link", name="Today").click()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    expect(page.locator(".identity-group")).to_have_count(0)
