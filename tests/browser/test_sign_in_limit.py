"""The sign-in limit on a phone (issue 29, item 10): after five wrong passwords from a browser
that never signed in to the account, the sign-in screen says plainly that the account rests and
for how long, and that a device signed in on before still gets in; the owner's phone does."""
import re

from playwright.sync_api import expect

from server.models import LoginAttempt

PASSWORD = "correct horse battery"
LIMIT_MESSAGE = re.compile(r"^Too many attempts for this account\. Try again in 15 minutes, or "
                           r"from a device you've signed in on before\.$")


def sign_in(page, email, password):
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_the_sign_in_screen_says_when_the_limit_applies(app_page, live_app, live_server, email,
                                                        sign_up, console_errors, shoot, browser):
    owner = app_page
    sign_up(owner, email)  # this phone has signed in to the account: it holds a device cookie
    owner.get_by_role("link", name="Settings").click()
    owner.get_by_role("button", name="Sign out").click()
    expect(owner.get_by_role("heading", level=1, name="Welcome back")).to_be_visible()

    other = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                is_mobile=True, device_scale_factor=2)
    try:
        page = other.new_page()
        page.set_default_timeout(10_000)
        page.goto(live_server + "/#/signin")
        expect(page.get_by_role("heading", level=1, name="Welcome back")).to_be_visible()
        for n in range(5):
            sign_in(page, email, f"a wrong guess {n}")
            expect(page.get_by_role("alert")).to_have_text("The email or password is not right.")
        sign_in(page, email, PASSWORD)  # the right password, from a browser new to the account
        alert = page.get_by_role("alert")
        expect(alert).to_have_text(LIMIT_MESSAGE)
        expect(alert).to_be_in_viewport()
        expect(page.get_by_label("Email")).to_have_value(email)  # nothing typed is lost
        expect(page.get_by_label("Password")).to_have_value(PASSWORD)
        box = alert.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # wraps inside the phone's width
        shoot(page, "sign-in-limit")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        other.close()

    sign_in(owner, email, PASSWORD)  # the owner's phone still gets in
    expect(owner.get_by_role("heading", level=1, name="Today")).to_be_visible()
    with live_app[0].app_context():  # the live server is shared: leave its address unspent
        LoginAttempt.delete().where(LoginAttempt.email == email).execute()
