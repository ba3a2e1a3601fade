"""The app shell (web/index.html) and its content security policy."""


def test_html_strings_are_refused(app_page, console_errors):
    """Trusted Types (in the page's CSP) turns the house rule "no innerHTML" into an error."""
    console_errors.allow("TrustedHTML")
    thrown = app_page.evaluate("""() => {
        try { document.body.insertAdjacentHTML("beforeend", "<b>x</b>"); return null; }
        catch (error) { return error.name; }
    }""")
    assert thrown == "TypeError"
    assert app_page.locator("body > b").count() == 0
