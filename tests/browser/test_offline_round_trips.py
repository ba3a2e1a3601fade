"""Issue 23, offline: a mood replayed after the network returns is drawn from the PUT's own answer
(?include=today), with no GET /today; a tap while offline draws what the server said one tap
writes (the Today item's `tap`), without the app deciding it."""
import datetime

from playwright.sync_api import expect

from tests import clock
from tests.browser.test_offline import card, create_habits, go_offline


def today_reads(page):
    reads = []
    page.on("request", lambda r: reads.append(r.url)
            if "/api/v1/today" in r.url or "/api/v1/bootstrap" in r.url else None)
    return reads


def test_a_mood_replayed_offline_reads_no_today(signed_up, call_api, console_errors):
    page = signed_up
    create_habits(call_api, "Walk")
    page.reload()
    card(page, "Walk").wait_for()
    go_offline(page, console_errors)
    page.get_by_role("button", name="Good (4 of 5)").click()
    expect(page.locator(".mood-card .pending-mark")).to_be_visible()
    reads = today_reads(page)
    with page.expect_response(lambda r: "/reflections/" in r.url) as replayed:
        page.context.set_offline(False)
    assert replayed.value.url.endswith("?include=today")
    assert replayed.value.json()["today"]["reflection"]["mood"] == 4
    expect(page.locator(".mood-card .pending-mark")).to_be_hidden()
    expect(page.locator(".mood-card")).to_contain_text("Feeling good")
    page.wait_for_timeout(500)  # a read the app would make after the replay
    assert reads == [], reads
    assert call_api("return (await api.getToday(arg)).reflection.mood", clock.day()) == 4


def test_a_tap_offline_writes_and_draws_the_servers_tap(signed_up, call_api, console_errors):
    """The Today item's tap is what the app copies: a past day of a minutes habit whose target
    was 20 then (15 now) is logged 20 offline, drawn at once, and replayed as 20; a count
    habit tapped twice offline adds the server's step twice."""
    page = signed_up
    today = clock.today()
    earlier = clock.day(-2)
    ids = call_api("""
      const paint = await api.createHabit({ name: 'Paint', measure: 'minutes', target: 20, start_date: arg });
      await api.updateHabit(paint.id, { target: 15 });
      const read = await api.createHabit({ name: 'Read', measure: 'count', target: 10, unit: 'pages', start_date: arg });
      return { paint: paint.id, read: read.id };
    """, (today - datetime.timedelta(days=10)).isoformat())
    page.goto(f"/#/today/{earlier}")
    screen = page.locator(".screen-today")
    button = screen.get_by_role("button", name="Log 20 min of Paint")
    expect(button).to_be_visible()
    served = call_api("return (await api.getToday(arg)).habits", earlier)
    assert {i["habit"]["name"]: i["tap"]["value"] for i in served} == {"Paint": 20, "Read": 1}
    go_offline(page, console_errors)
    button.click()
    paint = screen.locator(f'[data-habit-id="{ids["paint"]}"]')
    expect(paint).to_contain_text("Not synced yet")
    expect(paint).to_contain_text("20 / 20 min")
    add = screen.get_by_role("button", name="Add 1 page to Read")
    read = screen.locator(f'[data-habit-id="{ids["read"]}"]')
    add.click()
    expect(read).to_contain_text("1 / 10 pages")
    page.wait_for_timeout(450)  # past the double-tap guard (dom.js firstTap, 400 ms)
    add.click()
    expect(read).to_contain_text("2 / 10 pages")
    queued = page.evaluate("import(new URL('offline-store.js', document.querySelector('script[type=module]').src).href).then((s) => s.queued())")
    assert [(e["habit_id"], e["body"]) for e in queued] == [
        (ids["paint"], {"status": "done", "value": 20}), (ids["read"], {"status": "done", "value": 1}),
        (ids["read"], {"status": "done", "value": 2})]
    with page.expect_response(lambda r: "/checkins/batch" in r.url):
        page.context.set_offline(False)
    expect(screen.locator(".pending-mark:visible")).to_have_count(0)
    stored = call_api("return (await api.listCheckins(arg.id, arg.day, arg.day))[0]",
                      {"id": ids["paint"], "day": earlier})
    assert (stored["value"], stored["done"]) == (20, True)
