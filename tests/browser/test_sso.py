"""OpenID Connect from the sign-in screen at 390x844 (issue 22), through the real provider's own
login page (oidc-provider, tests/oidc_server.py): the button, the provider, back on Today; the
one-time password that links an existing account; and the screen when passwords are off."""
import pytest

from tests import clock
from tests.oidc_server import OidcProvider

from tests.browser.conftest import PASSWORD

PEOPLE = {"phone-new": {"email": "oidc-new@example.com", "email_verified": True},
          "phone-old": {"email": "oidc-old@example.com", "email_verified": True}}


@pytest.fixture(scope="module")
def provider(live_app, tmp_path_factory):
    app, base = live_app
    running = OidcProvider([f"{base}/api/v1/auth/oidc/callback"],
                           tmp_path_factory.mktemp("oidc-browser"), accounts=PEOPLE)
    before = {key: app.config.get(key) for key in ("OIDC_ISSUER", "OIDC_CLIENT_ID",
                                                    "OIDC_CLIENT_SECRET", "OIDC_NAME",
                                                    "PASSWORD_LOGIN")}
    app.config.update(running.config(name="Pocket ID"))
    yield running
    app.config.update(before)
    app.extensions.pop("orbit_oidc", None)
    running.stop()


def provider_page_errors(console_errors):
    """The provider's development login page asks for a web font from the internet (not reached
    here) and a favicon it has not: its own console lines, not Orbit's."""
    console_errors.allow("net::ERR_NAME_NOT_RESOLVED")
    console_errors.allow("status of 404 (Not Found)")


def at_provider(page, login):
    """The provider's development login page: any password signs `login` in."""
    page.locator("input[name=login]").wait_for()
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("anything")
    page.locator("button[type=submit]").click()


def test_sign_in_with_the_provider_creates_the_account(app_page, provider, live_server, shoot,
                                                       console_errors):
    provider_page_errors(console_errors)
    app_page.goto(live_server + "/#/signin")
    button = app_page.get_by_role("link", name="Sign in with Pocket ID")
    button.wait_for()
    assert app_page.get_by_label("Email").is_visible()  # passwords are on: both ways
    shoot(app_page, "sso-sign-in")
    button.click()
    app_page.wait_for_url(f"{provider.issuer}/**")
    shoot(app_page, "sso-provider-login")
    at_provider(app_page, "phone-new")
    app_page.get_by_role("heading", level=1, name="Today").wait_for()
    shoot(app_page, "sso-today")
    me = app_page.evaluate("fetch('/api/v1/me').then((r) => r.json())")
    assert (me["email"], me["timezone"]) == ("oidc-new@example.com", clock.ZONE)  # the phone's


def test_an_existing_account_is_linked_with_its_password_once(app_page, provider, live_server,
                                                             sign_up, shoot, console_errors):
    provider_page_errors(console_errors)
    console_errors.allow("status of 401")  # the wrong password, refused
    sign_up(app_page, "oidc-old@example.com")
    app_page.evaluate("fetch('/api/v1/auth/csrf').then((r) => r.json()).then((b) => fetch("
                      "'/api/v1/auth/logout', {method: 'POST', headers: {'X-CSRF-Token': "
                      "b.csrf_token}}))")
    app_page.goto(live_server + "/#/signin")
    app_page.get_by_role("link", name="Sign in with Pocket ID").click()
    at_provider(app_page, "phone-old")
    app_page.get_by_role("heading", level=1, name="Link your Pocket ID sign-in").wait_for()
    shoot(app_page, "sso-link")
    app_page.get_by_label("Password").fill("not it")
    app_page.get_by_role("button", name="Link and sign in").click()
    app_page.get_by_text("This is not the password of this account.").wait_for()
    app_page.get_by_label("Password").fill(PASSWORD)
    app_page.get_by_role("button", name="Link and sign in").click()
    app_page.get_by_role("heading", level=1, name="Today").wait_for()


def test_with_passwords_off_the_screen_offers_the_provider_only(app_page, provider, live_app,
                                                              live_server, shoot):
    app, _ = live_app
    app.config.update(PASSWORD_LOGIN=False)
    try:
        app_page.goto(live_server + "/#/signin")
        app_page.get_by_role("link", name="Sign in with Pocket ID").wait_for()
        assert not app_page.get_by_label("Email").is_visible()
        assert not app_page.get_by_role("button", name="Sign in", exact=True).is_visible()
        shoot(app_page, "sso-only")
    finally:
        app.config.update(PASSWORD_LOGIN=True)


def test_behind_a_signing_proxy_the_app_opens_signed_in(page, live_app, live_server,
                                                       console_errors, shoot):
    """A reverse proxy's header (ORBIT_TRUSTED_HEADER) on a first visit: the sign-up screen's
    first request is signed in by it, and the app picks the session up and opens on Today."""
    import ipaddress
    app, _ = live_app
    app.config.update(TRUSTED_HEADER="Remote-Email",
                      TRUSTED_HEADER_FROM=[ipaddress.ip_network("127.0.0.1/32")])
    try:
        page.set_default_timeout(10_000)
        page.set_extra_http_headers({"Remote-Email": "proxied@example.com"})
        page.clock.install(time=clock.now())
        page.goto(live_server + "/")
        page.get_by_role("heading", level=1, name="Today").wait_for()
        shoot(page, "sso-proxy-today")
        me = page.evaluate("fetch('/api/v1/me').then((r) => r.json())")
        assert me["email"] == "proxied@example.com"
        csrf = page.evaluate("fetch('/api/v1/auth/csrf').then((r) => r.json())")["csrf_token"]
        made = page.evaluate("""(csrf) => fetch('/api/v1/identities', {method: 'POST',
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
            body: JSON.stringify({statement: 'I read'})}).then((r) => r.status)""", csrf)
        assert made == 201
    finally:
        app.config.update(TRUSTED_HEADER="", TRUSTED_HEADER_FROM=[])
