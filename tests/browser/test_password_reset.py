"""Forgot your password? (issue 21) on a phone, 390x844 touch: from the sign-in screen to an email
read from the local SMTP server, its link, a new password and Today; the old password is refused
after. A used link says so, with the way to ask for a new one."""
import email.policy
import re
import time
from email import message_from_bytes

from playwright.sync_api import expect

from server.models import PasswordReset

OLD_PASSWORD = "correct horse battery"
NEW_PASSWORD = "a brand new password"
LINK = re.compile(r"http\S+/#/reset\?token=\S+")


def mail_to(inbox, address, seconds=10):
    """The newest message the local SMTP server received for `address`, parsed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [m for m in inbox.messages if m["To"] == address]
        if found:
            return message_from_bytes(found[-1].as_bytes(), policy=email.policy.default)
        time.sleep(0.05)
    raise AssertionError(f"no email to {address}")


def sign_in(page, address, password):
    page.get_by_label("Email").fill(address)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_the_whole_way_back_from_a_forgotten_password(app_page, live_app, live_server, mailbox,
                                                      email, sign_up, console_errors, shoot):
    page = app_page
    sign_up(page, email)
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1, name="Welcome back")).to_be_visible()
    page.get_by_label("Email").fill(email)
    forgot = page.get_by_role("link", name="Forgot password?")
    expect(forgot).to_be_in_viewport()
    assert forgot.bounding_box()["height"] >= 44  # a thumb's target
    shoot(page, "password-sign-in")
    forgot.click()

    expect(page.get_by_role("heading", level=1, name="Forgot your password?")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value(email)  # carried over from sign-in
    shoot(page, "password-forgot")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", level=1, name="Check your inbox")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(f"If an account uses {email}")
    shoot(page, "password-forgot-sent")

    message = mail_to(mailbox[0], email)
    text = message.get_body(("plain",)).get_content()
    link = LINK.search(text).group(0)
    assert link.startswith(live_server + "/#/reset?token="), link  # where the phone reached it
    assert "works once, for an hour" in text

    page.goto(link)
    expect(page.get_by_role("heading", level=1, name="Choose a new password")).to_be_visible()
    shoot(page, "password-reset")
    page.get_by_label("New password").fill("short")
    page.get_by_role("button", name="Save and sign in").click()
    expect(page.get_by_text("Use at least 8 characters.")).to_be_visible()
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save and sign in").click()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="Settings").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1, name="Welcome back")).to_be_visible()
    console_errors.allow("Failed to load resource")  # the refused old password, the used link
    sign_in(page, email, OLD_PASSWORD)
    expect(page.get_by_role("alert")).to_have_text("The email or password is not right.")
    sign_in(page, email, NEW_PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()

    page.goto(link)  # a second time: spent
    expect(page.get_by_role("heading", level=1, name="This link can't be used")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("used already")
    expect(page.get_by_role("link", name="Ask for a new link")).to_be_visible()
    shoot(page, "password-reset-used")
    with live_app[0].app_context():  # the live server is shared: leave its address unspent
        PasswordReset.delete().where(PasswordReset.email == email).execute()


def test_without_mail_the_screen_says_to_ask_the_operator(app_page, live_app, console_errors,
                                                          shoot):
    app = live_app[0]
    saved = app.config.pop("SMTP_URL")
    try:
        page = app_page
        page.goto(page.url.split("#")[0] + "#/forgot")
        expect(page.get_by_role("heading", level=1, name="Forgot your password?")).to_be_visible()
        note = page.get_by_role("note")
        expect(note).to_contain_text("the person who runs it")
        expect(note).to_contain_text("flask --app server user reset-link")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        shoot(page, "password-forgot-no-mail")
    finally:
        app.config["SMTP_URL"] = saved
