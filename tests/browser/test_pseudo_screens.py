"""The converted screens speak only the catalogue's words (issue 26): in the en-XA pseudo-locale
(server/i18n_pseudo.py: every msgid accented and inside ⟦…⟧) each visible text of a screen comes
from web/i18n.js, or is the user's own data, a number or the brand. A string typed into a screen's
code in English shows here as plain English and fails the test, naming the screen and the string.

Today, Week and Settings (which holds sections of Today's grouping, sharing and mood history, still
being converted) are not listed; a screen is added once it passes."""
import re

import pytest

from tests.browser.conftest import PASSWORD

# Every visible text node under the screen and the tab bar, with where it is (a label, a button).
VISIBLE_TEXTS = """(selector) => {
  const roots = [document.querySelector(selector), document.getElementById("tabbar")];
  const texts = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || el.closest("[hidden], option, code, script, style")) continue;
      const box = el.getBoundingClientRect();
      const shown = getComputedStyle(el).visibility !== "hidden" && (box.width > 0 || el.closest(".visually-hidden"));
      if (shown) texts.push(node.textContent.trim());
    }
  }
  for (const el of document.querySelectorAll(`${selector} [aria-label], ${selector} [placeholder], ${selector} [title]`)) {
    for (const name of ["aria-label", "placeholder", "title"]) if (el.getAttribute(name)) texts.push(el.getAttribute(name));
  }
  return texts;
}"""
# What is not the app's words: numbers, times and dates in digits, punctuation, the brand.
NOT_WORDS = re.compile(r"^[\d\s:.,%·/–—+\-()›⋯…#]*$|^Orbit$|^Apprise$")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """The phone of the other browser tests, its language the accented pseudo-locale."""
    return {**browser_context_args, "locale": "en-XA"}


def foreign(texts, own):
    """The texts that came neither from the catalogue (⟦…⟧) nor from the user's data `own`."""
    return sorted({text for text in texts if "⟦" not in text and not NOT_WORDS.match(text)
                   and not any(text == mine or text in mine for mine in own)})


def check(page, hash_, own, name):
    """Opens `hash_`, waits for its screen, and asserts that every text on it is the catalogue's."""
    # The screen left behind stays until the next one is drawn, under the same class when both
    # are one tab's (#/identities, #/identities/ID): it is marked, and only a new one is read.
    page.evaluate("document.querySelector('main .screen')?.setAttribute('data-left', '')")
    page.goto(page.url.split("#")[0] + hash_)
    selector = f".screen-{name}:not([data-left])"
    page.locator(selector).locator("h1").first.wait_for()
    page.wait_for_load_state("networkidle")
    texts = page.evaluate(VISIBLE_TEXTS, selector)
    assert "⟦" in " ".join(texts), f"{hash_}: the pseudo-locale is not on show"
    left = foreign(texts, own)
    assert left == [], f"{hash_}: words that are not the catalogue's: {left}"


def test_the_public_screens_speak_the_catalogue(app_page):
    """Sign-up, sign-in and the password reset request, before anyone signs in."""
    for hash_, name in [("#/signup", "create-account"), ("#/signin", "sign-in"), ("#/forgot", "forgot-password")]:
        check(app_page, hash_, own=[], name=name)


def test_the_signed_in_screens_speak_the_catalogue(app_page, call_api, email, console_errors):
    """Settings' reminders, identities, one identity and a habit's editor. (A habit's own screen
    waits for its charts, charts.js and heatmap.js.)"""
    console_errors.allow("status of 404")  # GET /calendar/token: there is no calendar link yet
    call_api("await api.register(arg.email, arg.password, 'UTC', null);", {"email": email, "password": PASSWORD})
    identity = call_api("return await api.createIdentity({statement: 'I am a reader', color: '#2f6fed'});")
    habit = call_api("return await api.createHabit(arg);", {
        "name": "Read", "kind": "build", "measure": "count", "target": 10, "unit": "pages",
        "schedule": {"type": "weekdays", "days": [0, 2, 4]}, "identity_id": identity["id"]})
    call_api("await api.createHabit({name: 'Walk', kind: 'build', measure: 'check', schedule: {type: 'per_week', times: 3}});")
    app_page.reload()
    app_page.locator(".screen-today h1").wait_for()  # signed in: the app has moved to Today
    own = [email, "I am a reader", "Read", "Walk", "pages", "UTC"]
    screens = [
        ("#/settings/reminders", "settings"), ("#/identities", "identities"),
        (f"#/identities/{identity['id']}", "identities"),
        (f"#/habit/{habit['id']}/edit", "edit-habit"),
    ]
    for hash_, name in screens:
        check(app_page, hash_, own, name)
