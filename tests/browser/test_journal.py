"""The journal in the app (issue 25): every note, check-ins' and reflections', newest first; the
search (typed and debounced, or sent with Enter) with the server's snippet marked and kept in the
address; the filters by habit, identity and mood; a note opening its day; Load more; the empty
states; the History bar. Screens at 390x844 and 360x740, light and dark, none sideways.

Every note is on a day in the last three weeks and the habits start before it: any day holds."""
from playwright.sync_api import expect

from tests import clock
from tests.browser.test_mood_history import shots


def notes(call_api):
    """Two habits (one of an identity), two check-in notes and two reflections; their days."""
    identity = call_api("return await api.createIdentity({ statement: 'I move my body' })")
    walk = call_api("return await api.createHabit({ name: 'Walk', identity_id: arg.identity, start_date: arg.start })",
                    {"identity": identity["id"], "start": clock.day(-20)})
    read = call_api("return await api.createHabit({ name: 'Read', start_date: arg })", clock.day(-20))
    call_api("await api.putCheckin(arg.id, arg.day, { status: 'done', note: 'Walked by the river with Ana' })",
             {"id": walk["id"], "day": clock.day(-3)})
    call_api("await api.putCheckin(arg.id, arg.day, { status: 'done', note: 'Finished the café chapter <b>late</b>' })",
             {"id": read["id"], "day": clock.day(-2)})
    call_api("await api.putReflection(arg, { mood: 4, note: 'Calm evening, the river again' })", clock.day(-1))
    call_api("await api.putReflection(arg, { mood: 2, note: 'Tired but okay' })", clock.day(-5))
    return identity, walk, read


def test_the_journal_lists_searches_and_filters_every_note(signed_up, call_api, shoot):
    page = signed_up
    notes(call_api)
    page.goto("/#/journal")
    screen = page.locator(".screen-journal")
    expect(screen.get_by_role("heading", name="Journal", level=1)).to_be_visible()
    entries = screen.locator(".journal-entries li")
    # Newest first: yesterday's reflection, then the two check-ins, then the older reflection.
    expect(entries).to_have_count(4)
    expect(entries.locator(".journal-owner")).to_have_text(
        ["The day's reflection · Good", "Read", "Walk", "The day's reflection · Low"])
    assert entries.locator("a").evaluate_all("(els) => els.map((el) => el.dataset.date)") == [
        clock.day(-1), clock.day(-2), clock.day(-3), clock.day(-5)]
    # What was typed is text: a note's markup is never markup.
    expect(entries.nth(1).locator(".journal-note")).to_have_text("Finished the café chapter <b>late</b>")
    expect(entries.locator("b")).to_have_count(0)
    shots(page, shoot, "journal")

    # Typing searches once typing stops; the found words are marked; the search is in the address.
    screen.get_by_label("Search your notes").press_sequentially("river", delay=30)
    expect(entries).to_have_count(2)
    expect(screen.get_by_role("status")).to_have_text("2 notes found for “river”")
    expect(entries.first.locator("mark")).to_have_text("river")
    expect(entries.nth(1).locator(".journal-note")).to_contain_text("Walked by the river with Ana")
    expect(page).to_have_url(f"{page.url.split('#')[0]}#/journal?q=river")
    shots(page, shoot, "journal-search")

    # A habit narrows to its check-ins' notes; a mood then to the reflections of that mood.
    screen.get_by_label("Habit").select_option(label="Walk")
    expect(entries).to_have_count(1)
    expect(entries.locator(".journal-owner")).to_have_text("Walk")
    screen.get_by_label("Mood").select_option(label="Good")
    expect(entries).to_have_count(1)
    expect(entries.locator(".journal-owner")).to_have_text("The day's reflection · Good")
    expect(screen.get_by_label("Habit")).to_have_value("")  # a habit and a mood cannot meet
    screen.get_by_label("Mood").select_option(label="Any")
    screen.get_by_label("Identity").select_option(label="I move my body")
    expect(entries).to_have_count(1)
    expect(entries.locator(".journal-owner")).to_have_text("Walk")

    # A note opens its day; Back comes to the same search and choices.
    entries.first.locator("a").click()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#/today/{clock.day(-3)}")
    expect(page.locator(".screen-today")).to_be_visible()
    page.go_back()
    screen = page.locator(".screen-journal")
    expect(screen.get_by_label("Search your notes")).to_have_value("river")
    expect(screen.get_by_label("Identity")).to_have_value(str(notes_identity(call_api)))
    expect(screen.locator(".journal-entries li")).to_have_count(1)

    # Enter sends at once; nothing found says so, with the way back to every note.
    screen.get_by_label("Identity").select_option(label="All")
    box = screen.get_by_label("Search your notes")
    box.fill("xylophone")
    box.press("Enter")
    expect(screen.get_by_role("status")).to_have_text(
        "No notes with these choices. Try another habit, identity or mood.")
    expect(screen.locator(".journal-entries li")).to_have_count(0)
    shots(page, shoot, "journal-nothing-found")
    screen.get_by_role("link", name="Show every note").click()
    expect(page.locator(".screen-journal .journal-entries li")).to_have_count(4)


def notes_identity(call_api):
    return call_api("return (await api.listIdentities())[0].id")


def test_an_address_with_a_search_opens_on_its_results(signed_up, call_api):
    page = signed_up
    notes(call_api)
    page.goto("/#/journal?q=cafe")  # accents left out still find the café
    screen = page.locator(".screen-journal")
    expect(screen.get_by_label("Search your notes")).to_have_value("cafe")
    expect(screen.locator(".journal-entries li")).to_have_count(1)
    expect(screen.locator(".journal-entries mark")).to_have_text("café")
    # An address naming a habit that is not the user's shows every note rather than failing.
    page.goto("/#/journal?habit_id=999999")
    expect(page.locator(".screen-journal .journal-entries li")).to_have_count(4)


def test_load_more_reads_the_next_page(signed_up, call_api):
    page = signed_up
    call_api("""for (let i = 1; i <= 53; i += 1) {
      const day = new Date(Date.parse(arg) - i * 86400000).toISOString().slice(0, 10);
      await api.putReflection(day, { mood: 3, note: `Evening note ${i}` });
    }""", clock.day())
    page.goto("/#/journal")
    screen = page.locator(".screen-journal")
    entries = screen.locator(".journal-entries li")
    expect(entries).to_have_count(50)
    screen.get_by_role("button", name="Load more notes").click()
    expect(entries).to_have_count(53)
    expect(entries.last.locator(".journal-note")).to_have_text("Evening note 53")
    expect(screen.get_by_role("button", name="Load more notes")).to_have_count(0)
    expect(entries.nth(50).locator("a")).to_be_focused()  # reading goes on where the new notes begin


def test_an_empty_journal_says_where_notes_come_from_and_the_history_bar_links(signed_up, shoot):
    page = signed_up
    page.goto("/#/journal")
    screen = page.locator(".screen-journal")
    expect(screen.get_by_role("status")).to_have_text(
        "No notes yet. A note written with a check-in or with the day's mood will gather here.")
    shots(page, shoot, "journal-empty")
    bar = screen.get_by_role("navigation", name="History")
    expect(bar.get_by_role("link")).to_have_text(["Mood", "Journal", "Wellbeing"])
    expect(bar.get_by_role("link", name="Journal")).to_have_attribute("aria-current", "page")
    bar.get_by_role("link", name="Wellbeing").click()
    expect(page.locator(".screen-wellbeing").get_by_role("heading", name="Wellbeing", level=1)).to_be_visible()
    page.locator(".screen-wellbeing").get_by_role("navigation", name="History").get_by_role("link", name="Mood").click()
    expect(page.locator(".screen-history").get_by_role("heading", name="Mood history", level=1)).to_be_visible()
    page.locator(".screen-history").get_by_role("navigation", name="History").get_by_role("link", name="Journal").click()
    expect(page.locator(".screen-journal .journal-status")).to_be_visible()
