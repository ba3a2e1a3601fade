"""Browser tests: the real app on a free port, Debian's Chromium at a 390x844 touch viewport."""
import itertools
import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests import clock
from tests.conftest import smtp_server

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "correct horse battery"
_emails = itertools.count(1)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: Playwright must never download a browser."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A phone: 390x844, touch, mobile, 2x pixels, in the tests' time zone (not the machine's)."""
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}, "has_touch": True,
            "is_mobile": True, "device_scale_factor": 2, "timezone_id": clock.ZONE}


def pytest_collection_modifyitems(items):
    """A browser test that waits on a promise that never settles fails in 3 minutes, with its
    stack, rather than holding the run (pytest.ini's limit is for the slowest API tests)."""
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.timeout(180))


@pytest.fixture(scope="session")
def mailbox():
    """A real SMTP server on 127.0.0.1 for the session (smtp_server): (inbox, smtp:// URL)."""
    with smtp_server() as server:
        yield server


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, mailbox):
    """The Orbit app (API and web/) served on 127.0.0.1 from a thread, with mail set up (to
    `mailbox`); yields (app, base URL)."""
    from server import create_app
    from server.db import init_db

    tmp = tmp_path_factory.mktemp("orbit-browser")
    app = create_app({"DATABASE_URL": f"sqlite+pool:///{tmp}/browser.db", "TESTING": True,
                      "SECRET_KEY": "test", "NOW": clock.now,
                      "SMTP_URL": mailbox[1], "MAIL_FROM": "Orbit <orbit@example.org>",
                      "SIGN_UP_MAX_PER_ADDRESS": 10_000})  # every test signs up from here
    with app.app_context():
        init_db()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(live_app):
    """The live app's base URL."""
    return live_app[1]


@pytest.fixture(scope="session")
def base_url(live_server):
    """pytest-base-url's fixture, pointed at the live server."""
    return live_server


@pytest.fixture(scope="session")
def shoot():
    """shoot(page, name): the screen as the phone shows it and the whole page, into SCREENSHOTS
    (printed once, to look at)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    print(f"\nScreenshots: {SCREENSHOTS}")

    def take(page, name):
        page.wait_for_timeout(150)  # let transitions settle
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))  # what the phone shows
        page.screenshot(path=str(SCREENSHOTS / f"{name}-full.png"), full_page=True)

    return take


class ConsoleErrors(list):
    """Console and page errors; `allow(text)` accepts the browser's log line of an expected
    failed request (Chromium logs every 4xx response as "Failed to load resource")."""

    def __init__(self):
        super().__init__()
        self.allowed = []

    def allow(self, text):
        self.allowed.append(text)

    def unexpected(self):
        return [error for error in self if not any(text in error for text in self.allowed)]


@pytest.fixture
def console_errors(page):
    """Every console error and uncaught page error of the test; asserted none unexpected at the end."""
    errors = ConsoleErrors()
    page.on("console", lambda message: errors.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    yield errors
    assert errors.unexpected() == [], "\n".join(errors.unexpected())


@pytest.fixture
def app_page(page, live_server, console_errors):
    """A page at the app's root, with console errors collected, on the tests' clock (its time runs
    on from there; a test moves it with `page.clock.set_system_time`)."""
    page.set_default_timeout(10_000)
    page.clock.install(time=clock.now())
    page.goto(live_server + "/")
    opened = page.goto

    def goto(url, **options):
        """page.goto that returns once the app shows the address: until then the screen being
        left is still in the page, and a locator could find its twin there (#/identities and
        #/identities/ID are both .screen-identities)."""
        response = opened(url, **options)
        if "#" in url:
            page.wait_for_function("() => !document.getElementById('main')"
                                   " || document.getElementById('main').dataset.shown === location.hash")
        return response

    page.goto = goto
    return page


@pytest.fixture
def email():
    """A fresh address per test, so each test is a new user."""
    return f"person{next(_emails)}@example.com"


@pytest.fixture
def sign_up():
    """sign_up(page, email): fills and sends the sign-up form, then waits for Today."""

    def submit(page, email, password=PASSWORD):
        # A first visit opens on sign-up; after a sign-out it is one link away.
        heading = page.get_by_role("heading", level=1, name=re.compile("^(Create your account|Welcome back)$"))
        if heading.inner_text() != "Create your account":
            page.get_by_role("link", name="Create an account").click()
            # Typing before the sign-up form is drawn types into the sign-in form it replaces.
            page.get_by_role("heading", level=1, name="Create your account").wait_for()
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Create account").click()
        page.get_by_role("heading", level=1, name="Today").wait_for()

    return submit


@pytest.fixture
def signed_up(app_page, email, sign_up):
    """A new user signed up through the UI, on Today."""
    sign_up(app_page, email)
    return app_page


# Wraps the page's fetch so a test can hold one request (before it is sent, or its answer before
# the app sees it): a slow phone network, without blocking Playwright's own event loop.
SLOW_NETWORK = """(() => {
  const realFetch = window.fetch;
  window.__delays = [];
  window.__held = 0;
  window.fetch = async (url, init = {}) => {
    const method = (init.method || "GET").toUpperCase();
    const index = window.__delays.findIndex((d) => String(url).includes(d.path) && (!d.method || d.method === method));
    const delay = index < 0 ? null : window.__delays.splice(index, 1)[0];
    const hold = async () => {
      window.__held += 1;
      await new Promise((resolve) => setTimeout(resolve, delay.ms));
      window.__held -= 1;
    };
    if (delay?.before) await hold();
    const response = await realFetch(url, init);
    if (delay && !delay.before) await hold();
    return response;
  };
})();"""


@pytest.fixture
def slow_network(signed_up):
    """slow_network(path, ms, method=None, before=False): the next matching request is held `ms`
    (its answer, or with `before` the request itself). The page is reloaded to install it."""
    signed_up.add_init_script(SLOW_NETWORK)
    signed_up.reload()
    signed_up.get_by_role("heading", level=1).wait_for()

    def delay(path, ms, method=None, before=False):
        signed_up.evaluate("(d) => window.__delays.push(d)",
                           {"path": path, "ms": ms, "method": method, "before": before})

    return delay


@pytest.fixture
def call_api(page):
    """call_api(script, arg=None): runs `script` in the page with the app's own api.js as `api`,
    for set-up and checks (the UI is what the tests drive)."""

    def call(script, arg=None):
        return page.evaluate(f"async (arg) => {{ const api = await import(new URL('api.js', document.querySelector('script[type=module]').src).href); {script} }}", arg)

    return call
