"""Who may sign up, as the phone shows it: closed hides sign-up; by invitation, the invite link
opens the form and a used link says so."""
import pytest

from server.store import invites

PASSWORD = "correct horse battery"


@pytest.fixture
def sign_ups(live_app):
    """set(mode): the live server's ORBIT_SIGNUPS for this test (open again afterwards)."""
    app = live_app[0]

    def set_mode(mode):
        app.config["SIGNUPS"] = mode
    yield set_mode
    app.config["SIGNUPS"] = "open"


def invite_link(live_app):
    """A new invite, as `flask invite create` prints it, on the live server's address."""
    app, base = live_app
    with app.app_context():
        token = invites.create_invite(7).token
    return invites.invite_link(token, {**app.config, "BASE_URL": base})


def test_closed_sign_ups_hide_the_sign_up(sign_ups, app_page, shoot):
    sign_ups("closed")
    app_page.goto(app_page.url.split("#")[0] + "#/signup")
    app_page.reload()  # a first visit, with sign-ups closed
    app_page.get_by_role("heading", level=1, name="Sign-ups are closed").wait_for()
    assert app_page.get_by_role("button", name="Create account").count() == 0
    assert app_page.get_by_label("Email").count() == 0
    shoot(app_page, "signups-closed")
    app_page.get_by_role("link", name="Sign in").click()
    app_page.get_by_role("heading", level=1, name="Welcome back").wait_for()
    assert app_page.get_by_role("button", name="Sign in").is_visible()
    assert app_page.get_by_role("link", name="Create an account").count() == 0
    assert app_page.get_by_text("New to Orbit?").count() == 0
    shoot(app_page, "signups-closed-sign-in")


def test_open_sign_ups_offer_an_account(app_page):
    app_page.goto(app_page.url.split("#")[0] + "#/signin")
    app_page.get_by_role("heading", level=1, name="Welcome back").wait_for()
    app_page.get_by_role("link", name="Create an account").click()
    app_page.get_by_role("button", name="Create account").wait_for()


def test_an_invite_link_opens_the_sign_up_once(sign_ups, app_page, live_app, email, shoot,
                                               browser):
    sign_ups("invite")
    app_page.goto(app_page.url.split("#")[0] + "#/signup")
    app_page.reload()
    app_page.get_by_role("heading", level=1, name="By invitation").wait_for()
    assert app_page.get_by_label("Email").count() == 0
    assert app_page.get_by_text("Open the invite link you were given").is_visible()
    shoot(app_page, "signups-invite-needed")
    app_page.get_by_role("link", name="Sign in").click()
    app_page.get_by_role("heading", level=1, name="Welcome back").wait_for()
    assert app_page.get_by_text("New accounts here are by invitation").is_visible()
    assert app_page.get_by_role("link", name="Create an account").count() == 0

    link = invite_link(live_app)
    app_page.goto(link)
    app_page.get_by_role("heading", level=1, name="Create your account").wait_for()
    assert app_page.get_by_text("You're invited.").is_visible()
    shoot(app_page, "signups-invited")
    app_page.get_by_label("Email").fill(email)
    app_page.get_by_label("Password").fill(PASSWORD)
    app_page.get_by_role("button", name="Create account").click()
    app_page.get_by_role("heading", level=1, name="Today").wait_for()

    # The same link again, on another phone: used.
    other = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                is_mobile=True, device_scale_factor=2)
    try:
        page = other.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(link)
        page.get_by_role("heading", level=1, name="This invite has run out").wait_for()
        assert page.get_by_label("Email").count() == 0
        shoot(page, "signups-invite-used")
        assert errors == []
    finally:
        other.close()
