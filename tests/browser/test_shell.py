"""The app shell (web/index.html): its module preloads and its content security policy."""
import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"


def test_the_shell_preloads_every_module_of_the_app():
    """A module missing from the list loads late (one round trip per import level); a listed
    module that no longer exists is a 404 on every start."""
    html = (WEB / "index.html").read_text(encoding="utf-8")
    preloaded = set(re.findall(r'<link rel="modulepreload" href="/([^"]+)">', html))
    # app.js is the entry point itself; a service worker is never a page module.
    modules = {path.relative_to(WEB).as_posix() for path in WEB.rglob("*.js")} - {"app.js", "sw.js"}
    assert preloaded == modules


def test_html_strings_are_refused(app_page, console_errors):
    """Trusted Types (in the page's CSP) turns the house rule "no innerHTML" into an error."""
    console_errors.allow("TrustedHTML")
    thrown = app_page.evaluate("""() => {
        try { document.body.insertAdjacentHTML("beforeend", "<b>x</b>"); return null; }
        catch (error) { return error.name; }
    }""")
    assert thrown == "TypeError"
    assert app_page.locator("body > b").count() == 0
