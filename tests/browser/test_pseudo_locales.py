"""The app under the pseudo-locales (issue 26): every visible word on the converted screens comes
from the catalogue (en-XA: ⟦accented and longer⟧, tests/browser/i18n_helpers.py), nothing
scrolls sideways on a small phone with words 40% longer, and ar-XB draws right to left.

SCREENS lists the screens converted to web/i18n.js so far; a screen joins it once converted."""
import pytest

from tests.browser.i18n_helpers import assert_from_catalogue, unmarked_texts, user_text

# (address, the screen's class): the public screens, drawn without an account.
SCREENS = [
    ("#/signup", ".screen-create-account"),
    ("#/signin", ".screen-sign-in"),
    ("#/forgot", ".screen-forgot-password"),
]


@pytest.fixture
def app_page(page, live_server):
    """The app's page with no fake clock: these screens draw no dates. (Under en-XA, the shared
    fixture's page.clock with goto's wait for "load" timed out on the session's first test.)"""
    page.set_default_timeout(20_000)
    return page


def open_screen(page, live_server, address, screen):
    page.goto(f"{live_server}/{address}", wait_until="commit")
    page.locator(f"{screen} h1").wait_for()


@pytest.mark.browser_context_args(locale="en-XA")
def test_every_word_on_the_converted_screens_comes_from_the_catalogue(app_page, live_server):
    for address, screen in SCREENS:
        open_screen(app_page, live_server, address, screen)
        assert app_page.evaluate("document.documentElement.lang") == "en-XA"
        assert_from_catalogue(app_page, screen)


@pytest.mark.browser_context_args(locale="en-XA")
def test_the_check_catches_a_word_not_from_the_catalogue(app_page, live_server):
    open_screen(app_page, live_server, "#/signin", ".screen-sign-in")
    app_page.evaluate("""(mine) => {
      const el = document.querySelector(".screen-sign-in");
      el.append(Object.assign(document.createElement("p"), { textContent: "Forgot to translate" }),
                Object.assign(document.createElement("p"), { textContent: mine }));
    }""", user_text("Walk the dog"))
    assert unmarked_texts(app_page, ".screen-sign-in") == ["Forgot to translate"]


@pytest.mark.browser_context_args(locale="en-XA", viewport={"width": 360, "height": 740})
def test_longer_words_never_scroll_sideways(app_page, live_server):
    for address, screen in SCREENS:
        open_screen(app_page, live_server, address, screen)
        assert app_page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), address


@pytest.mark.browser_context_args(locale="ar-XB", viewport={"width": 360, "height": 740})
def test_the_right_to_left_pseudo_locale_mirrors_the_page(app_page, live_server, shoot):
    for address, screen in SCREENS:
        open_screen(app_page, live_server, address, screen)
        assert app_page.evaluate("[document.documentElement.dir, getComputedStyle(document.body).direction]") == ["rtl", "rtl"], address
        assert app_page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), address
    # The heading starts at the right edge: drawn right to left, not left to right.
    box = app_page.locator(".screen-forgot-password h1").bounding_box()
    assert box["x"] + box["width"] > 360 - 40
    shoot(app_page, "rtl-forgot")
