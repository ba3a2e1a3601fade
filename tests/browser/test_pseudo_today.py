"""Today and the mood card speak only the catalogue's words (issue 26), in the en-XA pseudo-locale
(every msgid accented and inside ⟦…⟧, tests/browser/test_pseudo_screens.py's check): habits of
every kind on one day (a build check done, a count with a target part done, minutes missed twice,
a check missed once, a quit habit slipped today, one a week, one not due, a paused one), the
fresh-start card of a new week, every card's panel open, the mood folded once set, an earlier
day being back-filled; and the service worker's notifications in the language the push names."""
import datetime

from playwright.sync_api import expect

from tests import clock
from tests.browser.conftest import PASSWORD
from tests.browser.push_helpers import Worker
from tests.browser.test_pseudo_screens import VISIBLE_TEXTS, browser_context_args, check, foreign  # noqa: F401
from tests.browser.workers import wait_for_worker

NAMES = ["Walk", "Read", "Meditate", "Stretch", "No sweets", "Swim", "Yoga", "Journal"]


def on(day, offset):
    return (day + datetime.timedelta(days=offset)).isoformat()


def habit(call_api, body, days=(), data=None):
    """A habit, and a check-in on each of `days` (ISO dates) with `data`."""
    made = call_api("return await api.createHabit(arg);", body)
    for each in days:
        call_api("await api.putCheckin(arg[0], arg[1], arg[2]);", [made["id"], each, data or {}])
    return made


def assert_catalogue_only(page, own, where):
    """Every text now on Today (panels open, the mood folded...) is the catalogue's."""
    texts = page.evaluate(VISIBLE_TEXTS, ".screen-today:not([data-left])")
    assert foreign(texts, own) == [], f"{where}: words that are not the catalogue's: {foreign(texts, own)}"


def test_today_and_the_mood_card_speak_the_catalogue(app_page, live_app, call_api, email, console_errors, shoot):
    app = live_app[0]
    page = app_page
    call_api("await api.register(arg.email, arg.password, 'UTC', null);", {"email": email, "password": PASSWORD})
    call_api("await api.setLandmarks(['week']);")
    # The next Monday (weeks start on Monday), for the server and the page: a fresh start.
    ahead = 7 - clock.today().weekday()
    day = clock.today() + datetime.timedelta(days=ahead)
    try:
        app.config["NOW"] = lambda: clock.now() + datetime.timedelta(days=ahead)
        page.clock.set_system_time(clock.now() + datetime.timedelta(days=ahead))
        habit(call_api, {"name": "Walk", "start_date": on(day, -2)}, days=[on(day, -2), on(day, -1), on(day, 0)])
        habit(call_api, {"name": "Read", "measure": "count", "target": 10, "unit": "pages", "start_date": on(day, -1)},
              days=[on(day, 0)], data={"value": 4})
        habit(call_api, {"name": "Meditate", "measure": "minutes", "target": 20, "start_date": on(day, -5)},
              days=[on(day, -5), on(day, -4), on(day, -3)], data={"value": 20})
        habit(call_api, {"name": "Stretch", "start_date": on(day, -4)}, days=[on(day, -4), on(day, -3), on(day, -2)])
        habit(call_api, {"name": "No sweets", "kind": "quit", "start_date": on(day, -10)}, days=[on(day, -6), on(day, 0)])
        habit(call_api, {"name": "Swim", "schedule": {"type": "per_week", "times": 3}, "start_date": on(day, -7)})
        habit(call_api, {"name": "Yoga", "schedule": {"type": "weekdays", "days": [2, 4]}, "start_date": on(day, -7)})
        journal = habit(call_api, {"name": "Journal", "start_date": on(day, -7)})
        call_api("await api.createPause(arg);", {"habit_id": journal["id"], "start": on(day, 0), "end": on(day, 3)})
        page.reload()
        page.locator(".screen-today h1").wait_for()
        page.goto("/#/identities")  # so that Today is drawn anew by check()
        page.locator(".screen-identities h1").wait_for()
        # The smaller step after two misses is the server's sentence (server/domain/lapse.py), in
        # the account's language: the pseudo-locales are the app's, never an account's.
        smaller = "Meditate has been a stretch lately. A smaller step keeps it alive — try 15 minutes?"
        own = [*NAMES, "pages", smaller]
        check(page, "#/today", own, "today")
        today = page.locator(".screen-today:not([data-left])")
        expect(today.locator(".fresh-start")).to_be_visible()
        expect(today.locator(".paused-section")).to_be_visible()
        expect(today.locator(".habit-restart")).to_have_count(4)  # Stretch, Meditate, No sweets, Swim (last week)
        expect(today.locator(".habit-slip")).to_be_visible()
        expect(today.locator(".muted-section .habit-name", has_text="Yoga")).to_be_visible()
        shoot(page, "26-pseudo-today")

        # Every card's panel (amount, note, skip, clear, order) open at once.
        for button in today.locator(".more-button").all():
            button.click()
        assert_catalogue_only(page, own, "panels open")
        shoot(page, "26-pseudo-today-panels")

        # The mood set: folded to one line, then its note open.
        today.locator(".mood-option.mood-4").click()
        expect(today.locator(".mood-card.collapsed")).to_be_visible()
        assert_catalogue_only(page, own, "mood set")
        today.locator(".mood-actions button").first.click()
        expect(today.locator(".mood-note")).to_be_visible()
        assert_catalogue_only(page, own, "mood note open")

        # A tap's toast, and an earlier day back-filled.
        today.locator(".habit-card", has_text="Read").locator(".log-button").click()
        expect(page.locator("#toast")).to_contain_text("⟦")
        check(page, f"#/today/{on(day, -1)}", own, "today")
        check(page, f"#/today/{on(day, -3)}", own, "today")
    finally:
        app.config["NOW"] = clock.now


def test_the_worker_words_a_notification_in_its_language(app_page, live_server, call_api, email, console_errors):
    """The worker's own words (Later's buttons, what Done says next) in the payload's `lang`."""
    page = app_page
    call_api("await api.register(arg.email, arg.password, 'UTC', null);", {"email": email, "password": PASSWORD})
    page.context.grant_permissions(["notifications"], origin=live_server)
    wait_for_worker(page)
    worker = Worker(page, live_server)
    worker.worker.evaluate("""() => showReminder({ title: "Stretch", body: "", tag: "pseudo", lang: "en-XA",
      action: { title: "", url: "/api/v1/actions/not-a-token" }, later: { url: "/api/v1/snooze/not-a-token" } })""")
    shown = worker.shown("Stretch")
    assert [name for name, _ in shown["actions"]] == ["done", "later-30m"]
    assert all("⟦" in title for _, title in shown["actions"]), shown["actions"]
    worker.click("pseudo", "done")  # a token the server does not know: "Not logged"
    worker.until(lambda: any("⟦" in n["title"] and "Stretch" in n["title"] for n in worker.notifications()),
                 f"no notice in the pseudo-locale: {worker.notifications()}")
    [notice] = worker.notifications()
    assert "⟦" in notice["body"] and notice["data"]["lang"] == "en-XA"
