"""Settings → Shares and a share's page at 390x844 (and 360x740), light and dark (issue 25): a
share made with a tap per habit (a private habit is not offered), its link shown once, the page
it opens showing what was chosen and asking for nothing but itself, the view listed, and the
share ended with a confirm."""
import re

from playwright.sync_api import expect

from tests import clock


def test_a_share_is_made_opened_and_ended(signed_up, call_api, shoot, browser, console_errors):
    page = signed_up
    walk = call_api("return api.createHabit({ name: 'Walk' })")
    tea = call_api("return api.createHabit({ name: 'Tea' })")
    call_api("return api.createHabit({ name: 'Therapy journal', private: true })")
    for back in range(1, 6):
        day = clock.day(-back)
        call_api("return api.putCheckin(arg.id, arg.day, { status: 'done', note: 'Walk note ' + arg.n })",
                 {"id": walk["id"], "day": day, "n": back})
        call_api("return api.putCheckin(arg.id, arg.day, { status: 'done', note: 'Tea note' })",
                 {"id": tea["id"], "day": day})
        call_api("return api.putReflection(arg, { mood: 2 + arg.length % 3 })", day)
    page.goto("/#/settings")
    page.locator(".screen-settings").get_by_role("link", name=re.compile("Share with someone")).click()
    screen = page.locator(".screen-shares")
    expect(screen.get_by_role("heading", level=1, name="Shares")).to_be_visible()
    habits = screen.get_by_role("group", name="Habits")
    expect(habits.get_by_role("checkbox")).to_have_count(2)  # the private habit is not offered
    expect(screen).not_to_contain_text("Therapy journal")
    screen.get_by_label("Who it is for").fill("Dr. Lee")
    habits.get_by_label("Walk").check()
    screen.get_by_label("Mood trend").check()
    screen.get_by_label("Notes on the chosen habits").check()
    shoot(page, "shares-01-form")
    screen.get_by_role("button", name="Create link").click()
    reveal = screen.locator(".share-reveal")
    expect(reveal).to_contain_text("The link for Dr. Lee")
    url = screen.get_by_label("Link for Dr. Lee").input_value()
    assert re.fullmatch(r"http://[^/]+/s/[A-Za-z0-9_-]{43}", url), url
    expect(screen.locator(".share-row")).to_have_count(1)
    expect(screen.locator(".share-row")).to_contain_text("Not opened yet")
    shoot(page, "shares-02-link")
    page.emulate_media(color_scheme="dark")
    shoot(page, "shares-03-link-dark")
    page.emulate_media(color_scheme="light")

    # The page, opened as Dr. Lee would: no sign-in, and no request but itself.
    for size, scheme in (({"width": 390, "height": 844}, "light"), ({"width": 390, "height": 844}, "dark"),
                         ({"width": 360, "height": 740}, "light")):
        context = browser.new_context(viewport=size, color_scheme=scheme, is_mobile=True,
                                      device_scale_factor=2, timezone_id=clock.ZONE)
        reader = context.new_page()
        requests = []
        reader.on("request", lambda request: requests.append(request.url))
        reader.goto(url)
        sheet = reader.locator(".sheet")
        expect(sheet).to_contain_text("Shared with Dr. Lee")
        expect(sheet).to_contain_text("Walk note 1")
        expect(sheet.locator("svg")).to_have_count(1)  # the mood trend
        for absent in ("Tea", "Therapy journal", "Private habit"):
            expect(sheet).not_to_contain_text(absent)
        assert requests == [url], requests
        assert reader.evaluate("document.scripts.length") == 0
        assert not reader.evaluate("document.documentElement.scrollWidth > innerWidth")
        shoot(reader, f"shares-04-page-{size['width']}-{scheme}")
        context.close()

    page.reload()
    screen = page.locator(".screen-shares")
    row = screen.locator(".share-row")
    expect(row).to_contain_text("Opened 3 times")
    row.get_by_text("Opened 3 times").click()
    expect(row.locator(".share-views li")).to_have_count(3)
    shoot(page, "shares-05-views")
    row.get_by_role("button", name="End the share for Dr. Lee").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("The link stops working at once.")
    dialog.get_by_role("button", name="End share").click()
    expect(row).to_contain_text("Ended")
    expect(row.get_by_role("button", name="Remove the share for Dr. Lee")).to_be_visible()
    shoot(page, "shares-06-ended")
    context = browser.new_context()
    gone = context.new_page().goto(url)
    assert gone.status == 404 and "This link doesn" in gone.text()
    context.close()
