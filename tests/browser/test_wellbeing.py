"""The wellbeing check in the app (issue 25): off until turned on (on its screen or in Settings);
the five WHO-5 statements as labelled radio groups, sent as one check; the score and what the
published cut-offs mean; a low score pointing to the user's own contacts (written in Settings);
the trend with its table; Today's invitation card (screens/today-wellbeing.js) and its "Not now".
Screens at 390x844 and 360x740, light and dark, none sideways.

The checks before today are written straight into the database on days counted back from today:
the server takes only today's check, and the two weeks between checks hold on any day."""
import datetime

from playwright.sync_api import expect

from tests import clock
from tests.browser.test_mood_history import shots

ITEMS = ["I have felt cheerful and in good spirits", "I have felt calm and relaxed",
         "I have felt active and vigorous", "I woke up feeling fresh and rested",
         "My daily life has been filled with things that interest me"]
KEYS = ["cheerful", "calm", "active", "rested", "interested"]


def answer(screen, labels):
    """Chooses one answer per statement, by the instrument's own words."""
    for item, label in zip(ITEMS, labels):
        screen.get_by_role("group", name=item).get_by_role("radio", name=label, exact=True).check()


def add_check(app, email, days_ago, answers):
    """A check of the user's, `days_ago` days back (the API takes only today's)."""
    from server.db import database
    from server.models import User, WellbeingCheck
    with app.app_context(), database.connection_context():
        user = User.get(User.email == email)
        WellbeingCheck.create(user=user, day=clock.today() - datetime.timedelta(days=days_ago),
                              **dict(zip(KEYS, answers)))


def test_turn_it_on_answer_five_questions_and_see_a_low_score_point_to_your_contacts(
        signed_up, call_api, shoot):
    page = signed_up
    page.goto("/#/wellbeing")
    screen = page.locator(".screen-wellbeing")
    # Off by default: what it is, the source, and the one tap that turns it on.
    expect(screen.get_by_role("heading", name="A short check on how you've been")).to_be_visible()
    expect(screen.locator(".wellbeing-cite")).to_contain_text("WHO Regional Office for Europe, 1998")
    expect(screen.locator(".wellbeing-cite")).to_contain_text("Topp CW")
    assert call_api("return await api.getWellbeingSettings()")["enabled"] is False
    shots(page, shoot, "wellbeing-off")
    screen.get_by_role("button", name="Turn on the wellbeing check").click()
    expect(page.get_by_text("Wellbeing check on")).to_be_visible()
    assert call_api("return await api.getWellbeingSettings()")["enabled"] is True

    # Due: the five statements, each a group of the six answers in the instrument's words.
    expect(screen.get_by_role("heading", name="Over the last two weeks")).to_be_visible()
    groups = screen.locator(".wellbeing-question")
    expect(groups).to_have_count(5)
    expect(groups.locator("legend")).to_have_text([f"{i}. {item}" for i, item in enumerate(ITEMS, 1)])
    expect(screen.get_by_role("group", name=ITEMS[1]).get_by_role("radio")).to_have_count(6)
    assert screen.get_by_role("group", name=ITEMS[0]).get_by_role("radio").evaluate_all(
        "(els) => els.map((el) => el.labels[0].innerText.replace(/\\s+/g, ' ').trim())") == [
            "5 All of the time", "4 Most of the time", "3 More than half of the time",
            "2 Less than half of the time", "1 Some of the time", "0 At no time"]
    shots(page, shoot, "wellbeing-questions")

    # Four of five answered: the fifth says so, nothing is sent.
    answer(screen, ["Some of the time"] * 4)
    screen.get_by_role("button", name="Save this check").click()
    expect(screen.get_by_role("group", name=ITEMS[4]).locator(".field-error")).to_have_text(
        "Choose the answer closest to how it has been.")
    assert call_api("return (await api.getWellbeing()).checks.length") == 0

    # All five at "some of the time": 5 of 25, a score of 20, the lowest band.
    answer(screen, ["Some of the time"] * 5)
    screen.get_by_role("button", name="Save this check").click()
    result = screen.locator(".wellbeing-result")
    expect(result.locator(".wellbeing-score strong")).to_have_text("20")
    expect(result).to_have_attribute("data-band", "low")
    expect(result.locator(".wellbeing-band")).to_contain_text("not a diagnosis")
    expect(result.locator(".wellbeing-change")).to_have_text("Your first check. The next ones show how it moves.")
    assert call_api("return (await api.getWellbeing()).latest.score") == 20
    # No contacts written yet: where to write them, never Orbit's advice.
    contacts = screen.locator(".wellbeing-contacts")
    expect(contacts).to_contain_text("You haven't written anyone down yet.")
    shots(page, shoot, "wellbeing-low-no-contacts")

    # Settings: the contacts written, the switch off and on again.
    contacts.get_by_role("link", name="Add contacts in Settings").click()
    section = page.locator(".screen-settings .settings-wellbeing")
    section.scroll_into_view_if_needed()
    section.get_by_label("Your support contacts").fill("Mia: 0176 555 0101\nDr. Lee, Tuesdays")
    section.get_by_role("button", name="Save contacts").click()
    expect(page.get_by_text("Contacts saved")).to_be_visible()
    switch = section.get_by_role("switch", name="Five questions every two weeks")
    expect(switch).to_be_checked()
    shoot(page, "wellbeing-settings")
    switch.uncheck()
    expect(page.get_by_text("Wellbeing check off")).to_be_visible()
    assert call_api("return await api.getWellbeingSettings()") == {
        "enabled": False, "contacts": "Mia: 0176 555 0101\nDr. Lee, Tuesdays"}
    switch.check()
    expect(page.get_by_text("Wellbeing check on")).to_be_visible()
    assert call_api("return (await api.getWellbeingSettings()).enabled") is True

    # The low score now points to the user's own words.
    section.get_by_role("link", name="Open the wellbeing check").click()
    screen = page.locator(".screen-wellbeing")
    expect(screen.locator(".wellbeing-contacts-text")).to_have_text("Mia: 0176 555 0101\nDr. Lee, Tuesdays")
    # Not due again for two weeks; answering again today replaces today's check.
    expect(screen.locator(".wellbeing-next")).to_contain_text("Your next check is due on")
    shots(page, shoot, "wellbeing-low")
    screen.get_by_text("Answer the questions now").click()
    answer(screen, ["Most of the time"] * 5)
    screen.get_by_role("button", name="Save this check").click()
    expect(screen.locator(".wellbeing-result .wellbeing-score strong")).to_have_text("80")
    expect(screen.locator(".wellbeing-result")).to_have_attribute("data-band", "good")
    expect(screen.locator(".wellbeing-contacts")).to_have_count(0)  # offered only when low
    assert call_api("return (await api.getWellbeing()).checks.length") == 1


def test_the_trend_draws_every_check_with_its_table(live_app, signed_up, email, call_api, shoot):
    page = signed_up
    call_api("await api.putWellbeingSettings({ enabled: true })")
    add_check(live_app[0], email, 42, [3, 3, 3, 3, 3])  # 60
    add_check(live_app[0], email, 28, [2, 2, 2, 2, 3])  # 44
    add_check(live_app[0], email, 14, [1, 2, 2, 2, 2])  # 36
    page.goto("/#/wellbeing")
    screen = page.locator(".screen-wellbeing")
    # Two weeks since the last: due again, the questions open.
    expect(screen.locator(".wellbeing-question")).to_have_count(5)
    expect(screen.locator(".wellbeing-result .wellbeing-score strong")).to_have_text("36")
    expect(screen.locator(".wellbeing-result")).to_have_attribute("data-band", "poor")
    expect(screen.locator(".wellbeing-change")).to_have_text("About the same as the check before (-8 points).")
    dots = screen.locator(".wellbeing-svg circle")
    assert dots.evaluate_all("(els) => els.map((el) => el.dataset.score)") == ["60", "44", "36"]
    rows = screen.locator(".chart-wellbeing table tbody tr td")
    expect(rows).to_have_text(["36", "44", "60"])  # newest first
    expect(screen.locator(".chart-wellbeing figcaption")).to_contain_text("3 checks since")
    shots(page, shoot, "wellbeing-trend")
    answer(screen, ["All of the time"] * 5)
    screen.get_by_role("button", name="Save this check").click()
    expect(screen.locator(".wellbeing-result .wellbeing-score strong")).to_have_text("100")
    expect(screen.locator(".wellbeing-change")).to_have_text("Up 64 points since the check before.")
    expect(dots).to_have_count(4)


def test_todays_invitation_card_opens_the_check_and_sets_it_aside(signed_up, call_api, shoot):
    page = signed_up
    card = """const { wellbeingInvitation } = await import(new URL('screens/today-wellbeing.js',
        document.querySelector('script[type=module]').src).href);
      const day = await api.getToday(arg);
      const cardEl = wellbeingInvitation(day.wellbeing_invite);
      if (cardEl) document.querySelector('.screen-today .today-body').prepend(cardEl);
      return Boolean(cardEl);"""
    assert call_api(card, clock.day()) is False  # off: no invitation
    call_api("await api.putWellbeingSettings({ enabled: true })")
    assert call_api(card, clock.day()) is True
    invitation = page.locator(".screen-today .wellbeing-invite")
    expect(invitation).to_contain_text("Time for your wellbeing check.")
    shoot(page, "wellbeing-today-card")
    invitation.get_by_role("button", name="Not now").click()
    expect(invitation).to_have_count(0)
    assert call_api(card, clock.day()) is False  # set aside for a week; the check stays due
    assert call_api("return (await api.getWellbeing()).due") is True
    call_api("await api.postWellbeingCheck({ cheerful: 3, calm: 3, active: 3, rested: 3, interested: 3 })")
    page.goto("/#/wellbeing")
    expect(page.locator(".screen-wellbeing .wellbeing-result .wellbeing-score strong")).to_have_text("60")
    # The invitation's link leads to the check.
    call_api("await api.deleteWellbeingCheck(arg)", clock.day())
    page.goto("/#/today")
    page.evaluate("""async () => {
      const { wellbeingInvitation } = await import(new URL('screens/today-wellbeing.js',
        document.querySelector('script[type=module]').src).href);
      document.querySelector('.screen-today .today-body').prepend(wellbeingInvitation(true));
    }""")
    page.locator(".screen-today .wellbeing-invite").get_by_role("link", name="Answer now").click()
    expect(page.locator(".screen-wellbeing .wellbeing-question")).to_have_count(5)
