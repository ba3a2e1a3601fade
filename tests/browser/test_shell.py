"""The app shell (web/index.html): its content security policy and its icons."""


def test_html_strings_are_refused(app_page, console_errors):
    """Trusted Types (in the page's CSP) turns the house rule "no innerHTML" into an error."""
    console_errors.allow("TrustedHTML")
    thrown = app_page.evaluate("""() => {
        try { document.body.insertAdjacentHTML("beforeend", "<b>x</b>"); return null; }
        catch (error) { return error.name; }
    }""")
    assert thrown == "TypeError"
    assert app_page.locator("body > b").count() == 0


def test_every_icon_the_shell_names_is_served(app_page):
    """The manifest's icons and the page's icon links (iOS needs a PNG apple-touch-icon)."""
    links = app_page.eval_on_selector_all("link[rel~=icon], link[rel=apple-touch-icon]", "els => els.map((el) => el.href)")
    manifest = app_page.request.get(app_page.eval_on_selector("link[rel=manifest]", "el => el.href")).json()
    icons = links + [app_page.url.split("#")[0].rstrip("/") + icon["src"] for icon in manifest["icons"]]
    assert len(icons) == 6  # two links; the manifest's SVG, 192, 512 and maskable 512
    for url in icons:
        response = app_page.request.get(url)
        assert response.ok, url
        assert response.headers["content-type"].startswith("image/"), url
