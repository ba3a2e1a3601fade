"""Issue #10: the installable app opens and logs with the network really cut (Playwright's
set_offline), keeps what was logged across a reload, and replays it exactly once when the
connection returns, also with two tabs open; a write the server refuses stays in view with its
reason. The manifest, icons and service worker are served with the right types."""
import json
import re
import struct
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import expect

from server import i18n
from tests import clock

from tests.browser.workers import wait_for_worker, wait_until

WEB = Path(__file__).resolve().parents[2] / "web"
OFFLINE_ERRORS = ["ERR_INTERNET_DISCONNECTED", "Failed to fetch"]


def go_offline(page, console_errors):
    """Waits until the service worker controls the page (the shell is cached), then cuts the network."""
    wait_for_worker(page)
    for text in OFFLINE_ERRORS:
        console_errors.allow(text)
    page.context.set_offline(True)


def create_habits(call_api, *names):
    return {name: call_api("return api.createHabit({ name: arg })", name)["id"] for name in names}


def checkins_of(call_api, habit_id, date):
    return call_api("return api.listCheckins(arg[0], arg[1], arg[1])", [habit_id, date])


def card(page, name):
    return page.locator(".habit-card", has_text=name)


def test_logged_offline_survives_a_reload_and_syncs_once(signed_up, call_api, console_errors, shoot):
    page = signed_up
    today = clock.today().isoformat()
    ids = create_habits(call_api, "Walk", "Stretch", "Read", "Paint")
    page.reload()
    card(page, "Paint").wait_for()
    go_offline(page, console_errors)

    page.get_by_role("button", name="Mark Walk done").click()
    expect(card(page, "Walk")).to_contain_text("Not synced yet")
    page.get_by_role("button", name="Mark Stretch done").click()
    expect(card(page, "Stretch")).to_contain_text("Not synced yet")
    page.get_by_role("button", name="Mark Read done").click()
    expect(page.get_by_role("button", name="Mark Read done")).to_have_attribute("aria-pressed", "true")
    page.locator("#toast").get_by_role("button", name="Undo").click()
    expect(page.get_by_role("button", name="Mark Read done")).to_have_attribute("aria-pressed", "false")
    page.get_by_role("button", name="More for Paint").click()
    page.get_by_role("button", name="Skip this day").click()
    expect(card(page, "Paint")).to_contain_text("Skipped")
    page.get_by_role("button", name="Good (4 of 5)").click()
    expect(page.locator(".mood-card .pending-mark")).to_be_visible()
    expect(page.locator("#sync-status")).to_contain_text("Offline")

    # Reload with no network: the shell, the day and the pending marks are all still there.
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    expect(page.get_by_role("button", name="Mark Walk done")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Mark Stretch done")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Mark Read done")).to_have_attribute("aria-pressed", "false")
    expect(card(page, "Paint")).to_contain_text("Skipped")
    for name in ("Walk", "Stretch", "Paint"):
        expect(card(page, name)).to_contain_text("Not synced yet")
    expect(card(page, "Read")).to_contain_text("Not synced yet")  # its undo waits too
    expect(page.locator(".mood-card")).to_contain_text("Feeling good")
    expect(page.locator(".mood-card .pending-mark")).to_be_visible()
    expect(page.locator("#sync-status")).to_contain_text("Offline")
    shoot(page, "70-offline-pending")

    page.context.set_offline(False)
    expect(page.locator(".pending-mark:visible")).to_have_count(0)
    expect(page.locator("#sync-status")).to_be_hidden()
    assert [c["status"] for c in checkins_of(call_api, ids["Walk"], today)] == ["done"]
    assert [c["status"] for c in checkins_of(call_api, ids["Stretch"], today)] == ["done"]
    assert [c["status"] for c in checkins_of(call_api, ids["Paint"], today)] == ["skipped"]
    assert checkins_of(call_api, ids["Read"], today) == []
    assert call_api("return (await api.getToday(arg)).reflection.mood", today) == 4
    assert page.evaluate("import(new URL('offline-store.js', document.querySelector('script[type=module]').src).href).then((s) => s.queued())") == []


def test_a_refused_write_stays_with_its_reason_until_discarded(signed_up, call_api, console_errors, live_server):
    page = signed_up
    ids = create_habits(call_api, "Walk")
    page.reload()
    card(page, "Walk").wait_for()
    go_offline(page, console_errors)
    page.get_by_role("button", name="Mark Walk done").click()
    expect(card(page, "Walk")).to_contain_text("Not synced yet")

    # Meanwhile, on another device, the habit is deleted (the context's own request client is
    # not cut off): the replayed check-in is refused for good.
    token = page.request.get(f"{live_server}/api/v1/auth/csrf").json()["csrf_token"]
    assert page.request.delete(f"{live_server}/api/v1/habits/{ids['Walk']}",
                               headers={"X-CSRF-Token": token}).status == 204
    page.context.set_offline(False)
    refused = page.get_by_role("list", name="Changes the server refused")
    expect(refused).to_contain_text(re.compile(r"Not saved: Walk, .*Unknown habit"))
    page.reload()
    expect(refused).to_contain_text("Unknown habit")  # kept, not dropped
    refused.get_by_role("button", name=re.compile("^Discard the change to Walk")).click()
    expect(page.locator("#sync-status")).to_be_hidden()
    assert page.evaluate("import(new URL('offline-store.js', document.querySelector('script[type=module]').src).href).then((s) => s.queued())") == []


def test_a_habit_screen_and_the_mood_check_open_offline_from_the_last_data(signed_up, call_api,
                                                                           console_errors):
    page = signed_up
    ids = create_habits(call_api, "Walk")
    page.goto(f"/#/habit/{ids['Walk']}")
    expect(page.get_by_role("heading", level=1, name="Walk")).to_be_visible()
    expect(page.get_by_role("region", name="Numbers")).to_be_visible()
    go_offline(page, console_errors)
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Walk")).to_be_visible()
    expect(page.get_by_role("region", name="Numbers")).to_be_visible()
    expect(page.locator("#sync-status")).to_contain_text("Offline")
    page.goto("/#/today")
    page.get_by_role("button", name="Good (4 of 5)").click()
    expect(page.locator(".mood-card .pending-mark")).to_be_visible()
    page.context.set_offline(False)
    expect(page.locator(".mood-card .pending-mark")).to_be_hidden()
    assert call_api("return (await api.getToday(arg)).reflection.mood", clock.today().isoformat()) == 4


def test_background_sync_replays_the_queue_with_no_tab_open(signed_up, call_api, console_errors,
                                                            live_server):
    """The app closed while offline: Background Sync wakes the service worker, which replays the
    queue itself. (DevTools fires the sync event: headless Chromium would fire it on a real
    change of connection, which Playwright's offline switch is not.)"""
    page = signed_up
    context = page.context
    today = clock.today().isoformat()
    ids = create_habits(call_api, "Walk", "Read")
    page.reload()
    card(page, "Read").wait_for()
    go_offline(page, console_errors)
    page.get_by_role("button", name="Mark Walk done").click()
    expect(card(page, "Walk")).to_contain_text("Not synced yet")
    page.get_by_role("button", name="Mark Read done").click()
    expect(card(page, "Read")).to_contain_text("Not synced yet")

    registrations = []
    blank = context.new_page()  # about:blank: no tab of the app, but a door to DevTools
    devtools = context.new_cdp_session(blank)
    devtools.on("ServiceWorker.workerRegistrationUpdated",
                lambda event: registrations.extend(event["registrations"]))
    devtools.send("ServiceWorker.enable")
    page.close()
    context.set_offline(False)
    [registration] = [r for r in registrations if not r["isDeleted"]]
    devtools.send("ServiceWorker.dispatchSyncEvent", {
        "origin": live_server, "registrationId": registration["registrationId"],
        "tag": "orbit-sync", "lastChance": False})

    def stored(habit_id):
        answer = context.request.get(f"{live_server}/api/v1/habits/{habit_id}/checkins",
                                     params={"from": today, "to": today})
        return [c["status"] for c in answer.json()]

    for _ in range(100):
        if stored(ids["Walk"]) and stored(ids["Read"]):
            break
        blank.wait_for_timeout(100)
    assert stored(ids["Walk"]) == ["done"] and stored(ids["Read"]) == ["done"]
    reopened = context.new_page()
    reopened.clock.install(time=clock.now())
    reopened.goto(live_server + "/#/today")
    card(reopened, "Walk").wait_for()
    expect(reopened.locator(".pending-mark:visible")).to_have_count(0)
    assert stored(ids["Walk"]) == ["done"]  # and the reopened app sent nothing twice


def test_two_tabs_replay_the_queue_once(signed_up, call_api, console_errors):
    page = signed_up
    today = clock.today().isoformat()
    ids = create_habits(call_api, "Walk", "Stretch")
    page.reload()
    card(page, "Stretch").wait_for()
    other = page.context.new_page()
    other.clock.install(time=clock.now())
    other.goto(page.url)
    card(other, "Stretch").wait_for()
    wait_for_worker(other)
    go_offline(page, console_errors)

    page.get_by_role("button", name="Mark Walk done").click()
    other.get_by_role("button", name="Mark Stretch done").click()
    expect(card(page, "Walk")).to_contain_text("Not synced yet")
    expect(card(other, "Stretch")).to_contain_text("Not synced yet")

    batches = []
    page.context.on("request", lambda request: batches.append(len(request.post_data_json["items"]))
                    if "/checkins/batch" in request.url else None)
    page.context.set_offline(False)  # both tabs hear `online` and try to replay
    expect(page.locator(".pending-mark:visible")).to_have_count(0)
    expect(other.locator(".pending-mark:visible")).to_have_count(0)
    assert sum(batches) == 2, batches  # each write sent once, by one tab or the other
    assert [c["status"] for c in checkins_of(call_api, ids["Walk"], today)] == ["done"]
    assert [c["status"] for c in checkins_of(call_api, ids["Stretch"], today)] == ["done"]


def fetch(live_server, path):
    """(content type, headers, body) of a GET."""
    with urllib.request.urlopen(live_server + path) as response:
        return response.headers.get_content_type(), response.headers, response.read()


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_manifest_icons_and_service_worker_are_served_with_their_types(live_server):
    kind, _, body = fetch(live_server, "/manifest.webmanifest")
    assert kind == "application/manifest+json"
    manifest = json.loads(body)
    assert {"name", "short_name", "id", "start_url", "background_color", "theme_color"} <= set(manifest)
    assert manifest["display"] == "standalone"
    assert [s["name"] for s in manifest["shortcuts"]] == ["Today", "Log mood"]
    purposes = set()
    for icon in manifest["icons"]:
        kind, _, data = fetch(live_server, icon["src"])
        assert kind == icon["type"], icon
        if kind == "image/png":
            width, height = png_size(data)
            assert icon["sizes"] == f"{width}x{height}"
            purposes.add((icon["purpose"], width))
    assert {("any", 192), ("any", 512), ("maskable", 512)} <= purposes

    kind, headers, sw = fetch(live_server, "/sw.js")
    assert kind == "text/javascript"
    assert headers["Cache-Control"] == "no-cache"
    release = re.search(r'const RELEASE = "(\w+)";', sw.decode()).group(1)
    # The shell the worker keeps is every script, style sheet and drawing of web/, each served
    # under this release's address.
    listed = set(re.findall(r'"([^"]+)"', sw.decode().split("const SHELL = [", 1)[1].split("];", 1)[0]))
    files = {str(path.relative_to(WEB)) for path in WEB.rglob("*")
             if path.is_file() and path.suffix in {".js", ".css", ".svg"} and path.name != "sw.js"}
    # And every shipped language's catalogue, so the app opens offline in any of them.
    files |= {f"i18n/{tag}.json" for tag in i18n.shipped() if tag != i18n.SOURCE}
    assert listed == files, listed ^ files
    for path in sorted(listed):
        assert fetch(live_server, f"/r/{release}/{path}")[2], path


def test_release_files_are_cached_for_a_year_and_the_shell_is_revalidated(live_server):
    kind, headers, html = fetch(live_server, "/")
    assert kind == "text/html" and headers["Cache-Control"] == "no-cache"
    release = re.search(r'<script type="module" src="/r/(\w+)/app.js">', html.decode()).group(1)
    request = urllib.request.Request(f"{live_server}/r/{release}/style.css",
                                     headers={"Accept-Encoding": "br, gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.headers["Content-Encoding"] in {"br", "gzip"}
        assert len(response.read()) < (WEB / "style.css").stat().st_size / 3
    # Another release's address is refused rather than answered with this release's file.
    try:
        urllib.request.urlopen(f"{live_server}/r/0ld/app.js")
        raise AssertionError("an old release's file was served")
    except urllib.error.HTTPError as error:
        assert error.code == 404


def test_an_update_is_picked_up_on_the_next_start_and_a_queued_write_survives_it(
        signed_up, call_api, console_errors, live_app):
    app, _ = live_app
    page = signed_up
    today = clock.today().isoformat()
    ids = create_habits(call_api, "Walk")
    page.reload()
    card(page, "Walk").wait_for()
    go_offline(page, console_errors)
    page.get_by_role("button", name="Mark Walk done").click()
    expect(card(page, "Walk")).to_contain_text("Not synced yet")

    # A new release is deployed while the write waits; the replay fails until the end of the test.
    page.route("**/api/v1/checkins/batch*", lambda route: route.abort())
    app.config["WEB_RELEASE"] = "next"
    try:
        page.context.set_offline(False)
        console_errors.allow("Failed to load resource")
        # The running app stays on its release: nothing of the new one is mixed in.
        page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
        wait_until(page, """async () => (await caches.keys()).join() === "orbit-shell-next"
          && (await navigator.serviceWorker.getRegistration()).active?.state === "activated" """,
                   "the new release's worker is not in charge")
        expect(card(page, "Walk")).to_contain_text("Not synced yet")
        page.reload()
        expect(page.locator("#toast")).to_contain_text("Orbit was updated")
        assert '/r/next/app.js' in page.content()
        expect(card(page, "Walk")).to_contain_text("Not synced yet")  # the write is still queued
        page.unroute("**/api/v1/checkins/batch*")
        page.reload()
        card(page, "Walk").wait_for()
        expect(card(page, "Walk")).not_to_contain_text("Not synced yet")
        expect(page.locator("#toast")).not_to_contain_text("Orbit was updated")  # once only
        assert [c["status"] for c in checkins_of(call_api, ids["Walk"], today)] == ["done"]
    finally:
        app.config.pop("WEB_RELEASE")


def test_a_replay_draws_the_servers_items_without_reading_today_again(signed_up, call_api,
                                                                      console_errors):
    """The batch answers with each habit's Today item (?include=today): the cards take them, the
    pending marks go, and the day is not read again (issue 23: one round trip)."""
    page = signed_up
    create_habits(call_api, "Walk", "Read")
    page.reload()
    card(page, "Read").wait_for()
    go_offline(page, console_errors)
    page.get_by_role("button", name="Mark Walk done").click()
    page.get_by_role("button", name="Mark Read done").click()
    expect(card(page, "Read")).to_contain_text("Not synced yet")
    reads = []
    page.on("request", lambda request: reads.append(request.url)
            if "/api/v1/today" in request.url else None)
    with page.expect_response(lambda r: "/checkins/batch?include=today" in r.url) as replayed:
        page.context.set_offline(False)
    assert [item["ok"] for item in replayed.value.json()["results"]] == [True, True]
    expect(page.locator(".pending-mark:visible")).to_have_count(0)
    for name in ("Walk", "Read"):
        expect(page.get_by_role("button", name=f"Mark {name} done")).to_have_attribute(
            "aria-pressed", "true")
    page.wait_for_timeout(500)  # a read the app would make after the replay
    assert reads == [], reads
