"""New chapters and weekly prompts in the app (issue 24): a chapter added on Identities and the
evidence since it shown beside all time; Today's fresh-start card at a landmark, set aside for
good; the Week's question answered, kept and shown in the printable week. Screens at 390x844 and
360x740, light and dark."""
import datetime

from playwright.sync_api import expect

from tests import clock

SIZES = (((390, 844), "390"), ((360, 740), "360"))


def shots(page, shoot, name, locator):
    """The screen at both sizes, light and dark, with `locator` in view."""
    for (width, height), size in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            locator.scroll_into_view_if_needed()
            expect(locator).to_be_visible()
            shoot(page, f"{name}-{size}-{scheme}")
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 390, "height": 844})


def test_a_chapter_added_shows_evidence_since_it(signed_up, call_api, shoot):
    page = signed_up
    identity = call_api("return await api.createIdentity({ statement: 'I move my body' })")
    walk = call_api("return await api.createHabit(arg)", {
        "name": "Walk", "identity_id": identity["id"], "start_date": clock.day(-3)})
    for offset in (-3, -1, 0):
        call_api("await api.putCheckin(arg.id, arg.date, { status: 'done' })",
                 {"id": walk["id"], "date": clock.day(offset)})
    page.goto("/#/identities")
    chapters = page.locator("section.chapters")
    expect(chapters.get_by_text("No chapters yet.")).to_be_visible()
    form = chapters.locator("form.chapter-form").last
    form.get_by_label("Name").fill("Since the move")
    form.get_by_label("First day").fill(clock.day(-1))
    form.get_by_role("button", name="Add chapter").click()
    expect(chapters.locator(".chapter-name")).to_have_text(["Since the move"])
    expect(chapters.locator(".chapter-current")).to_have_text("Current")
    card = page.locator(".identity-card").filter(has_text="I move my body")
    # Yesterday and today since the move; three done days in all.
    expect(card.locator(".since-chapter")).to_have_text("Since the move: 2 votes · All time: 3")
    shots(page, shoot, "95-chapters-identities", chapters)
    card.get_by_role("link", name="I move my body").click()
    expect(page.locator(".identity-screen .since-chapter")).to_have_text(
        "Since the move: 2 votes · All time: 3")
    shots(page, shoot, "96-chapters-identity", page.locator(".since-card"))
    # The Week: since the chapter up to the week's last day, beside all time.
    # Scoped to the Week: the Identity screen's card reads the same until the Week replaces it.
    page.goto("/#/week")
    since = page.locator(".screen-week .since-card")
    expect(since.locator(".since-chapter")).to_have_text("Since the move: 2 votes · All time: 3")
    shots(page, shoot, "96-chapters-week", since)

    # Renamed, then removed: the since line goes with it.
    page.goto("/#/identities")
    chapters.get_by_role("button", name="Rename “Since the move”").click()
    row = chapters.locator(".chapter-row")
    row.get_by_label("Name", exact=True).fill("Since we moved")
    row.get_by_role("button", name="Save chapter").click()
    expect(card.locator(".since-chapter")).to_have_text("Since we moved: 2 votes · All time: 3")
    chapters.get_by_role("button", name="Rename “Since we moved”").click()
    chapters.locator(".chapter-row").get_by_role("button", name="Remove").click()
    page.get_by_role("dialog").get_by_role("button", name="Remove").click()
    expect(chapters.get_by_text("No chapters yet.")).to_be_visible()
    expect(card.locator(".since-chapter")).to_have_count(0)


def test_the_fresh_start_card_is_set_aside_for_good(live_app, signed_up, call_api, shoot):
    page = signed_up
    app = live_app[0]
    call_api("await api.createHabit({ name: 'Read' })")
    page.goto("/#/identities")
    page.get_by_label("At a new week").check()  # saved as it is ticked
    expect(page.get_by_text("Fresh starts saved")).to_be_visible()
    assert call_api("return await api.getFreshStart()")["landmarks"] == ["week", "month",
                                                                         "anniversary"]
    # The next Monday (weeks start on Monday), on the server and in the browser.
    ahead = 7 - clock.today().weekday()
    later = clock.now() + datetime.timedelta(days=ahead)
    try:
        app.config["NOW"] = lambda: clock.now() + datetime.timedelta(days=ahead)
        page.clock.set_system_time(later)
        page.goto("/#/today")
        page.reload()
        card = page.locator(".fresh-start")
        expect(card.locator(".fresh-start-lead")).to_have_text(
            "A new month starts here." if (clock.today() + datetime.timedelta(days=ahead)).day == 1
            else "A new week starts here.")
        shots(page, shoot, "97-fresh-start-today", card)
        card.get_by_role("button", name="Not now").click()
        expect(card).to_have_count(0)
        page.reload()
        expect(page.locator(".habit-card").first).to_be_visible()
        expect(page.locator(".fresh-start")).to_have_count(0)
        assert call_api("return await api.getFreshStart()")["offer"] is None
    finally:
        app.config["NOW"] = clock.now


def test_the_weeks_question_is_answered_and_printed(signed_up, call_api, shoot):
    page = signed_up
    habit = call_api("return await api.createHabit({ name: 'Paint' })")
    call_api("await api.putCheckin(arg.id, arg.date, { status: 'done' })",
             {"id": habit["id"], "date": clock.day()})
    call_api("await api.createChapter(arg)", {"name": "Since the move", "start": clock.day()})
    page.goto("/#/week")
    prompt = page.locator(".week-prompt")
    question = call_api("return await api.getWeekAnswer(arg)", clock.day())["question"]
    expect(prompt.locator(".prompt-question")).to_have_text(question)
    prompt.get_by_label("Your answer").fill("Painted for twenty minutes on a work night.")
    prompt.get_by_role("button", name="Save answer").click()
    expect(prompt.locator(".prompt-answer")).to_have_text("Painted for twenty minutes on a work night.")
    expect(prompt.get_by_label("Your answer")).to_be_hidden()
    shots(page, shoot, "98-week-prompt", prompt)
    page.reload()
    expect(page.locator(".week-prompt .prompt-answer")).to_have_text(
        "Painted for twenty minutes on a work night.")
    page.get_by_role("link", name="Print or share this week").click()
    sheet = page.locator(".print-sheet")
    expect(sheet.get_by_role("heading", name=question)).to_be_visible()
    expect(sheet.locator(".print-answer")).to_have_text("Painted for twenty minutes on a work night.")
    expect(sheet.locator(".since-chapter")).to_have_text("Since the move: 1 vote · All time: 1")
    shots(page, shoot, "99-week-print-answer", sheet.locator(".print-answer"))
    # The week before lists this week's answer among the answers, with its question.
    last_week = (clock.today() - datetime.timedelta(days=clock.today().weekday() + 7)).isoformat()
    page.goto(f"/#/week/{last_week}")
    answers = page.locator(".week-answers")
    expect(answers.locator(".answer-text")).to_have_text(["Painted for twenty minutes on a work night."])
    expect(answers.get_by_text(question)).to_be_visible()
    shots(page, shoot, "99-week-answers-history", answers)
