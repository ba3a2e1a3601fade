"""Phone quality: every control is a 44 px touch target, and keyboard focus is never dropped."""
from playwright.sync_api import expect

# Buttons, links and the labels that stand for checkboxes and radio buttons (the 24 px boxes
# themselves are drawn inside a larger label or row), as shown on screen.
SMALL_TARGETS = """() => {
  const controls = [...document.querySelectorAll('button, a[href]:not(.skip-link), summary, label[for]')]
    .filter((el) => el.tagName !== 'LABEL' || ['checkbox', 'radio'].includes(document.getElementById(el.htmlFor)?.type));
  return controls.filter((el) => el.getClientRects().length && !el.closest('[hidden], .visually-hidden'))
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 44 || box.height < 44)
    .map(({ el, box }) => `${el.tagName} "${(el.getAttribute('aria-label') || el.textContent).trim()}" ${Math.round(box.width)}x${Math.round(box.height)}`);
}"""


def test_every_control_is_a_44_px_target(signed_up, call_api):
    page = signed_up
    call_api("await api.createHabit({ name: 'Read', measure: 'count', unit: 'pages', target: 10 })")
    page.reload()
    page.get_by_role("button", name="More for Read").click()
    page.get_by_role("button", name="Add a note").click()
    assert page.evaluate(SMALL_TARGETS) == [], "Today"
    for hash_, heading in [("#/new", "New habit"), ("#/settings", "Settings"), ("#/identities", "Identities")]:
        page.goto("/" + hash_)
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        page.locator("details").evaluate_all("els => els.forEach((el) => { el.open = true; })")
        assert page.evaluate(SMALL_TARGETS) == [], heading


def test_adding_an_identity_keeps_keyboard_focus_on_the_screen(signed_up):
    page = signed_up
    page.get_by_role("link", name="Identities").click()
    page.get_by_label("New identity").fill("I make art again")
    page.get_by_label("New identity").press("Enter")
    expect(page.get_by_role("heading", level=2, name="I make art again")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name="Identities")).to_be_focused()
