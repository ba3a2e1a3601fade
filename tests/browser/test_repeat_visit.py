"""A repeat visit loads nothing but API data (#10): with the service worker in control, the app
shell (the page, its modules, style sheet and drawings) comes from the worker's cache, and what
reaches the server is the API, plus at most the browser's revalidation of the worker script,
answered 304 with no body. Counted twice: by the server itself (every request it receives) and
by the page (every response not served by the service worker)."""
import threading

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from tests import clock
from tests.browser.workers import CONTROLLED, wait_for_worker


class Recorder:
    """WSGI middleware: (method, path, status) of every request the app receives."""

    def __init__(self, app):
        self.app, self.seen, self.lock = app, [], threading.Lock()

    def __call__(self, environ, start_response):
        def record(status, headers, *args):
            with self.lock:
                self.seen.append((environ["REQUEST_METHOD"], environ["PATH_INFO"],
                                  int(status.split()[0])))
            return start_response(status, headers, *args)
        return self.app(environ, record)

    def take(self):
        """What was received since the last call."""
        with self.lock:
            seen, self.seen = self.seen, []
        return seen


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """The app served on a free port with every request recorded; yields (base URL, Recorder)."""
    from server import create_app
    from server.db import database, init_db

    tmp = tmp_path_factory.mktemp("orbit-repeat")
    app = create_app({"DATABASE_URL": f"sqlite+pool:///{tmp}/repeat.db", "TESTING": True,
                      "SECRET_KEY": "test", "NOW": clock.now})
    with app.app_context():
        init_db()
    recorder = Recorder(app.wsgi_app)
    app.wsgi_app = recorder
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", recorder
    server.shutdown()
    thread.join(timeout=5)
    database.close_all()


def not_from_the_worker(page):
    """Collects the page's responses that did not come from the service worker."""
    seen = []
    page.on("response", lambda r: None if r.from_service_worker else seen.append(
        (r.request.method, r.url.split("/", 3)[3], r.status)))
    return seen


def shell_requests(seen):
    """The requests of a visit that were not API calls or a bodiless worker revalidation."""
    found = []
    for method, path, status in seen:
        path = "/" + path.lstrip("/")
        if not path.startswith("/api/v1/") and (path, status) != ("/sw.js", 304):
            found.append((method, path, status))
    return found


def assert_only_api_data(page, recorder, seen_by_page, visit):
    """The visit's screen is drawn, and only API requests reached the server."""
    expect(page.locator(".habit-card", has_text="Read")).to_be_visible()
    page.wait_for_load_state("networkidle")
    received = recorder.take()
    assert shell_requests(received) == [], (visit, received)
    assert shell_requests(seen_by_page) == [], (visit, seen_by_page)
    # Today's data: in the app's first read (GET /bootstrap, issue 23), or read on its own.
    assert {("GET", "/api/v1/today", 200), ("GET", "/api/v1/bootstrap", 200)} & set(received), (visit, received)
    assert page.evaluate(CONTROLLED)


def test_a_repeat_visit_takes_only_api_data_from_the_network(page, recorded, sign_up, email,
                                                             console_errors):
    base, recorder = recorded
    page.set_default_timeout(10_000)
    page.clock.install(time=clock.now())
    page.goto(base + "/")
    sign_up(page, email)
    page.evaluate("""async () => {
      const src = document.querySelector('script[type=module]').src;
      const api = await import(new URL('api.js', src).href);
      await api.createHabit({ name: 'Walk' });
      await api.createHabit({ name: 'Read', measure: 'count', unit: 'pages', target: 10 });
    }""")
    wait_for_worker(page)
    first_visit = recorder.take()
    assert any(path.startswith("/r/") for _, path, _ in first_visit)  # the recorder hears the shell

    # A reload with the worker in charge.
    seen_by_page = not_from_the_worker(page)
    page.reload()
    assert_only_api_data(page, recorder, seen_by_page, "reload")

    # The app closed, and opened again in a new tab.
    context = page.context
    page.close()
    page = context.new_page()
    page.clock.install(time=clock.now())
    seen_by_page = not_from_the_worker(page)
    page.goto(base + "/#/today")
    assert_only_api_data(page, recorder, seen_by_page, "new tab")
