"""The Reminders screen tells the truth (issues 21 and 23): when no dispatcher pass has run for
five minutes (the server's heartbeat), the screen and the reminder form say plainly that this
server is not sending reminders; a test send shows each channel's outcome from its one answer."""
import datetime
import re

import pytest
from playwright.sync_api import expect

from server.db import database
from server.models import DispatcherHeartbeat
from server.store.reminders import record_heartbeat

from tests import clock

# Chromium logs every 4xx answer: GET /calendar/token is a 404 while there is no feed.
EXPECTED = "status of 404"
NOT_SENDING = "This server is not sending reminders right now."


@pytest.fixture
def heartbeat(live_app):
    """beat(instant): a dispatcher pass at `instant`; the heartbeat is removed afterwards."""
    app = live_app[0]

    def beat(instant):
        with app.app_context(), database.connection_context():
            record_heartbeat(instant)

    yield beat
    with app.app_context(), database.connection_context():
        DispatcherHeartbeat.delete().execute()


def open_reminders(page):
    """Open the Reminders screen afresh (a reload reads the server's status again)."""
    page.goto(page.url.split("#")[0] + "#/settings/reminders")
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Reminders")).to_be_visible()
    expect(page.get_by_role("region", name="Next 24 hours")).to_be_visible()


def test_a_stale_heartbeat_is_said_on_the_screen_and_in_the_form(signed_up, heartbeat,
                                                                  console_errors):
    page = signed_up
    console_errors.allow(EXPECTED)
    heartbeat(clock.now() - datetime.timedelta(minutes=1))
    open_reminders(page)
    expect(page.get_by_text(NOT_SENDING)).to_have_count(0)

    heartbeat(clock.now() - datetime.timedelta(minutes=6))  # no pass for six minutes
    open_reminders(page)
    notice = page.locator(".not-sending-banner")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text(NOT_SENDING)
    expect(notice).to_contain_text(re.compile("Reminders last went out today at \\d\\d:\\d\\d"))
    reflection = page.get_by_role("region", name="Daily reflection")
    reflection.get_by_role("button", name="Add a reflection reminder").click()
    expect(reflection.locator("form")).to_contain_text(NOT_SENDING)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_test_send_shows_each_channels_outcome_from_one_answer(signed_up, heartbeat, mailbox,
                                                                 console_errors):
    page = signed_up
    console_errors.allow(EXPECTED)
    heartbeat(clock.now())
    open_reminders(page)
    reflection = page.get_by_role("region", name="Daily reflection")
    reflection.get_by_role("button", name="Add a reflection reminder").click()
    expect(reflection.locator("form")).not_to_contain_text(NOT_SENDING)
    reflection.get_by_label("Notification").check()
    reflection.get_by_label("Email").check()
    reflection.get_by_role("button", name="Add reminder").click()
    row = reflection.locator(".reminder-row", has_text="21:00")
    expect(row).to_contain_text("Notification and email")
    requests = []
    page.on("request", lambda request: "/api/" in request.url and requests.append(
        (request.method, request.url.split("/api/v1", 1)[1])))
    sent_before = len(mailbox[0].messages)
    row.get_by_role("button", name="Send the 21:00 reminder now, as a test").click()
    status = row.get_by_role("status")
    expect(status).to_contain_text("Email: sent.")
    expect(status).to_contain_text("Notification: No device has notifications turned on.")
    assert [method for method, _ in requests] == ["POST"]
    assert re.fullmatch(r"/reminders/\d+/test", requests[0][1])
    assert len(mailbox[0].messages) == sent_before + 1
