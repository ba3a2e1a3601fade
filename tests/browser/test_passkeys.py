"""Passkeys end to end in Chromium at 390x844 with the DevTools protocol's virtual authenticator
(CTAP2, resident keys, user verification): one added in Settings, signing out and in with it, a
replayed assertion refused, a removed passkey refused, and a sign-up with a passkey only.
WebAuthn refuses a bare IP address as RP id, so the app is opened as localhost."""
import json
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from tests import clock

PASSWORD = "correct horse battery"  # as tests/browser/conftest.py signs up


@pytest.fixture
def local_page(page, live_server, console_errors):
    """The app at http://localhost:<port>, with a virtual platform authenticator attached."""
    page.set_default_timeout(10_000)
    page.clock.install(time=clock.now())
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True,
        "automaticPresenceSimulation": True}})
    page.authenticator = (cdp, added["authenticatorId"])
    page.origin = live_server.replace("127.0.0.1", "localhost")
    # a refused sign-in is logged by the browser as a failed request
    console_errors.allow("Failed to load resource")
    page.goto(page.origin + "/")
    return page


def credentials(page):
    cdp, authenticator = page.authenticator
    return cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]


def post(url, body):
    request = urllib.request.Request(url, data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def sign_out(page):
    page.goto(page.origin + "/#/settings")
    page.get_by_role("button", name="Sign out", exact=True).click()
    page.get_by_role("heading", level=1, name="Welcome back").wait_for()


def look(page, shoot, name, region=None):
    """Screenshots at 390x844 and 360x740, light and dark (of `region` scrolled into view)."""
    for width, height in ((390, 844), (360, 740)):
        page.set_viewport_size({"width": width, "height": height})
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            if region is not None:
                region.evaluate("(el) => el.scrollIntoView()")
            shoot(page, f"passkeys-{name}-{width}-{scheme}")
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(color_scheme="light")


def test_a_passkey_from_settings_signs_in_once_per_assertion(local_page, email, sign_up, shoot):
    page = local_page
    sign_up(page, email)
    page.goto(page.origin + "/#/settings")
    ways = page.get_by_role("region", name="How you sign in")
    expect(ways).to_contain_text("No passkeys yet")
    expect(ways).to_contain_text("Set, never used")  # signed up, never signed in with it
    ways.get_by_label("Name of the new passkey").fill("Test phone")
    ways.get_by_role("button", name="Add a passkey").click()
    expect(ways.locator(".passkey-row")).to_have_count(1)
    expect(ways.locator(".passkey-row")).to_contain_text("Test phone")
    expect(ways.locator(".passkey-row")).to_contain_text("never used")
    page.clock.run_for(10_000)  # the "Passkey added" toast goes
    [credential] = credentials(page)
    assert credential["isResidentCredential"] is True
    look(page, shoot, "account", ways)

    sign_out(page)
    button = page.get_by_role("button", name="Use a passkey")
    expect(button).to_be_visible()
    page.clock.run_for(10_000)  # the "Signed out" toast goes
    look(page, shoot, "sign-in")
    with page.expect_request(re.compile(r"/api/v1/auth/passkey$")) as sent:
        button.click()
    page.get_by_role("heading", level=1, name="Today").wait_for()
    assertion = sent.value.post_data
    assert json.loads(assertion)["credential"]["response"]["userHandle"]

    # The same assertion again, straight to the API: its challenge is spent.
    status, answer = post(page.origin + "/api/v1/auth/passkey", assertion)
    assert status == 401, answer
    assert answer["error"]["code"] == "unauthorized"

    page.goto(page.origin + "/#/settings")
    row = page.get_by_role("region", name="How you sign in").locator(".passkey-row")
    expect(row).to_contain_text("last used")
    expect(row).not_to_contain_text("never used")

    # A password change removes the passkeys, asked first.
    password = page.get_by_role("region", name="Password")
    password.get_by_label("Current password").fill(PASSWORD)
    password.get_by_label("New password").fill("a brand new password")
    password.get_by_role("button", name="Change password").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("This also removes your passkey")
    dialog.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("region", name="How you sign in")).to_contain_text("No passkeys yet")


def test_a_removed_passkey_is_refused(local_page, email, sign_up):
    page = local_page
    sign_up(page, email)
    page.goto(page.origin + "/#/settings")
    ways = page.get_by_role("region", name="How you sign in")
    ways.get_by_role("button", name="Add a passkey").click()
    expect(ways.locator(".passkey-row")).to_have_count(1)
    ways.get_by_role("button", name=re.compile("^Remove ")).click()
    page.get_by_role("dialog").get_by_role("button", name="Remove").click()
    expect(ways).to_contain_text("No passkeys yet")
    assert len(credentials(page)) == 1  # the device keeps its copy

    sign_out(page)
    page.get_by_role("button", name="Use a passkey").click()
    expect(page.locator(".form-error")).to_contain_text("This passkey could not sign you in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back")
    # the password still works
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("heading", level=1, name="Today").wait_for()


def test_a_sign_up_with_a_passkey_only(local_page, email, shoot):
    page = local_page
    page.get_by_role("heading", level=1, name="Create your account").wait_for()
    page.get_by_label("Email").fill(email)
    button = page.get_by_role("button", name="Use a passkey instead")
    expect(button).to_be_visible()
    look(page, shoot, "sign-up")
    button.click()
    page.get_by_role("heading", level=1, name="Today").wait_for()
    page.goto(page.origin + "/#/settings")
    ways = page.get_by_role("region", name="How you sign in")
    expect(ways).to_contain_text("Not set: you sign in with a passkey")
    expect(ways.locator(".passkey-row")).to_have_count(1)
    look(page, shoot, "account-passkey-only", ways)
    # Its only passkey cannot go: nothing else would sign this account in.
    ways.get_by_role("button", name=re.compile("^Remove ")).click()
    page.get_by_role("dialog").get_by_role("button", name="Remove").click()
    expect(page.locator(".toast")).to_contain_text("only way left to sign in")
    expect(ways.locator(".passkey-row")).to_have_count(1)

    sign_out(page)
    page.get_by_role("button", name="Use a passkey").click()
    page.get_by_role("heading", level=1, name="Today").wait_for()


def test_sign_out_everywhere_keeps_this_session(local_page, email, sign_up):
    page = local_page
    sign_up(page, email)
    # another device's session, signed in with the password
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    login = urllib.request.Request(page.origin + "/api/v1/auth/login", method="POST",
                                   data=json.dumps({"email": email, "password": PASSWORD}).encode(),
                                   headers={"Content-Type": "application/json"})
    assert opener.open(login, timeout=10).status == 200
    assert opener.open(page.origin + "/api/v1/me", timeout=10).status == 200
    page.goto(page.origin + "/#/settings")
    ways = page.get_by_role("region", name="How you sign in")
    expect(ways).to_contain_text("Set, last used")  # that sign-in, just now
    ways.get_by_role("button", name="End all other sessions").click()
    page.get_by_role("dialog").get_by_role("button", name="Sign them out").click()
    expect(page.locator(".toast")).to_contain_text("Every other device is signed out")
    with pytest.raises(urllib.error.HTTPError) as ended:
        opener.open(page.origin + "/api/v1/me", timeout=10)
    assert ended.value.code == 401
    page.reload()
    expect(page.get_by_role("region", name="How you sign in")).to_be_visible()
