"""Issue 23, offline: a mood replayed after the network returns is drawn from the PUT's own answer
(?include=today), with no GET /today; a tap while offline draws what the server said one tap
writes (the Today item's `tap`), without the app deciding it."""
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
