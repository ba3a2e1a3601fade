"""Pseudo-locale checks for browser tests (issue 26): under en-XA every word the catalogue gives
is accented, longer and inside ⟦…⟧ (server/i18n_pseudo.py, generated from the .pot), and so is
every date and number web/i18n.js formats. A test's own data goes inside «…» (user_text), so
that what the user typed is told from words the app forgot to take from the catalogue.

    @pytest.mark.browser_context_args(locale="en-XA")   # navigator.languages: the app loads en-XA
    def test_x(app_page): ...; assert_from_catalogue(app_page, ".screen-today")
"""
PSEUDO = "en-XA"
RTL = "ar-XB"


# Names no language translates: the product's own.
NAMES = ["Orbit"]


def user_text(text):
    """A test's own data (a habit's name...), marked as the user's, not the catalogue's."""
    return f"«{text}»"


# Every visible text node (and placeholder) under `root`; the marked parts taken away, innermost
# first (a user's name inside a translated sentence); what still has a letter was not translated.
UNMARKED = r"""([root, names]) => {
  const scope = document.querySelector(root);
  if (!scope) throw new Error(`no ${root} on the page`);
  const strip = (text) => {
    let before;
    do {
      before = text;
      text = text.replace(/«[^«»]*»/g, "").replace(/⟦[^⟦⟧]*⟧/g, "");
    } while (text !== before);
    for (const name of names) text = text.replaceAll(name, "");
    return text;
  };
  const found = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent.trim() || parent.closest("script, style, svg")) continue;
    if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    if (/\p{L}/u.test(strip(node.textContent))) found.push(node.textContent.trim());
  }
  for (const el of scope.querySelectorAll("[placeholder]")) {
    if (el.checkVisibility() && /\p{L}/u.test(strip(el.placeholder))) found.push(`placeholder: ${el.placeholder}`);
  }
  return found;
}"""


def unmarked_texts(page, root="#main"):
    """The visible texts under `root` that came neither from the catalogue nor from the test."""
    return page.evaluate(UNMARKED, [root, NAMES])


def assert_from_catalogue(page, root="#main"):
    """Fails on any visible text under `root` not from the catalogue (nor the test's data)."""
    found = unmarked_texts(page, root)
    assert found == [], f"not from the catalogue under {root}: {found}"
