"""Settings → Webhooks on a phone (issue 27): add one with its events, copy its secret (shown
once), send a test that a receiver verifies with the Standard Webhooks library, see the last
delivery's outcome after the dispatcher sent (or failed to send) a check-in, and remove it."""
import pytest
from playwright.sync_api import expect
from standardwebhooks import Webhook as Verifier

from server.notify.dispatcher import dispatch
from tests import clock
from tests.api.test_webhooks import Receiver


@pytest.fixture
def private_allowed(live_app):
    """ORBIT_WEBHOOK_PRIVATE=1 for this test: the receivers run on this machine."""
    app = live_app[0]
    app.config["WEBHOOK_PRIVATE"] = True
    yield app
    app.config["WEBHOOK_PRIVATE"] = False


@pytest.fixture
def receivers():
    made = []

    def make(statuses=()):
        made.append(Receiver(statuses))
        return made[-1]
    yield make
    for receiver in made:
        receiver.close()


def run_dispatcher(app):
    with app.app_context():
        return dispatch(app.config, clock.now())


def webhooks_section(page):
    page.goto("/#/settings")
    section = page.get_by_role("region", name="Webhooks")
    section.scroll_into_view_if_needed()
    return section


def test_add_test_watch_and_remove_a_webhook(signed_up, call_api, private_allowed, receivers,
                                             console_errors, shoot):
    page, app = signed_up, private_allowed
    console_errors.allow("status of 422")  # the refused address, below
    console_errors.allow("status of 409")  # the test of the failing receiver
    good, failing = receivers(), receivers(statuses=[500] * 10)
    section = webhooks_section(page)
    expect(section).to_contain_text("No webhooks yet.")

    # An http address on the internet is refused on the form, nothing is added.
    section.get_by_label("Address (https://…)").fill("http://8.8.8.8/hook")
    section.get_by_role("button", name="Add webhook").click()
    expect(section.locator(".field-error")).to_contain_text("Use https for an address on the internet.")

    section.get_by_label("Address (https://…)").fill(good.url)
    section.get_by_label("The weekly summary is ready").uncheck()
    section.get_by_role("button", name="Add webhook").click()
    secret_el = section.get_by_label("Signing secret")
    expect(secret_el).to_have_value(lambda_startswith("whsec_"))
    secret = secret_el.input_value()
    address = good.url.split("/hook")[0]
    row = section.locator(".webhook-row", has_text=address)
    expect(row).to_contain_text("Tells: check-ins, removals, days done")
    expect(row).to_contain_text("Nothing sent yet.")
    assert "s3cret" not in section.inner_text()  # the URL's own secret stays out of the list
    secret_el.scroll_into_view_if_needed()
    shoot(page, "settings-webhook-secret")

    row.get_by_role("button", name=f"Send a test to {address}").click()
    expect(row.get_by_role("status")).to_have_text("Delivered. Check that it arrived.")
    assert [m["type"] for m in good.messages(secret)] == ["webhook.test"]

    # A second one whose receiver fails: after a check-in and a dispatcher pass, each row says
    # how its last delivery went.
    section.get_by_label("Address (https://…)").fill(failing.url.replace("/hook", "/broken"))
    section.get_by_label("Name private habits in what it is sent").check()
    section.get_by_role("button", name="Add webhook").click()
    expect(section.locator(".webhook-row")).to_have_count(2)
    habit = call_api("return await api.createHabit({name: 'Walk'});")
    call_api(f"return await api.putCheckin({habit['id']}, '{clock.today().isoformat()}', {{}});")
    counts = run_dispatcher(app)
    assert counts.get("webhook_sent") == 2 and counts.get("webhook_failed") == 2, counts
    page.reload()
    section = webhooks_section(page)
    rows = section.locator(".webhook-row")
    expect(rows.nth(0)).to_contain_text("Last delivered")
    expect(rows.nth(1)).to_contain_text("The address answered 500. Orbit will try again.")
    expect(rows.nth(1)).to_contain_text("Not delivered")
    expect(rows.nth(1)).to_contain_text("Names private habits")
    assert [m["type"] for m in good.messages(secret)] == ["webhook.test", "checkin.logged",
                                                         "day.completed"]
    shoot(page, "settings-webhooks")

    rows.nth(1).get_by_role("button", name="Remove").click()
    page.get_by_role("dialog").get_by_role("button", name="Remove").click()
    expect(section.locator(".webhook-row")).to_have_count(1)
    assert len(call_api("return await api.listWebhooks();")) == 1


def lambda_startswith(prefix):
    import re
    return re.compile(f"^{re.escape(prefix)}")
