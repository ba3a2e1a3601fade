"""Reminders that tell you when they cannot arrive (issue 27): every reminder the API answers
with carries `undeliverable`, the server's judgement of each of its channels as things stand:
push with no device, email the server cannot send, Apprise off or with no target."""
import pytest

from .test_push import device


@pytest.fixture(autouse=True)
def local_push_service(app):
    app.config["PUSH_EXTRA_HOSTS"] = ("127.0.0.1",)


def reasons(reminder):
    return {item["channel"]: item["reason"] for item in reminder["undeliverable"]}


def made(client, channels):
    response = client.post("/reminders", {"target": "reflection", "time": "21:00",
                                          "channels": channels})
    assert response.status_code == 201, response.json
    return response.json


def every_answer(client, reminder):
    """The reminder as each endpoint answers with it: create's, the list's, GET's and PATCH's."""
    [listed] = [r for r in client.get("/reminders").json if r["id"] == reminder["id"]]
    got = client.get(f"/reminders/{reminder['id']}").json
    patched = client.patch(f"/reminders/{reminder['id']}", {"time": "21:05"}).json
    return [listed, got, patched]


def test_push_with_no_device_says_so_until_one_is_turned_on(app, client):
    reminder = made(client, ["push"])
    [item] = reminder["undeliverable"]
    assert item["channel"] == "push" and item["reason"] == "no_device"
    assert "Settings → Reminders" in item["message"]
    assert all(reasons(r) == {"push": "no_device"} for r in every_answer(client, reminder))
    device(client, "http://127.0.0.1:9")
    assert all(r["undeliverable"] == [] for r in every_answer(client, reminder))


def test_email_says_so_while_the_server_cannot_send_it(app, client):
    app.config.update(SMTP_URL=None, MAIL_FROM=None)
    reminder = made(client, ["email"])
    assert reasons(reminder) == {"email": "email_off"}
    app.config.update(SMTP_URL="smtp://127.0.0.1:9", MAIL_FROM="orbit@example.org")
    assert all(r["undeliverable"] == [] for r in every_answer(client, reminder))
    app.config.update(SMTP_URL="http://not-smtp", MAIL_FROM="orbit@example.org")  # not usable
    assert reasons(client.get(f"/reminders/{reminder['id']}").json) == {"email": "email_off"}


def test_apprise_with_no_target_or_switched_off_says_so(app, client):
    app.config.update(APPRISE=True, APPRISE_PRIVATE=True)
    reminder = made(client, ["apprise"])
    assert reasons(reminder) == {"apprise": "no_target"}
    assert client.post("/notify/targets", {"label": "Mine",
                                           "url": "json://127.0.0.1:9/x"}).status_code == 201
    assert all(r["undeliverable"] == [] for r in every_answer(client, reminder))
    app.config["APPRISE"] = False  # the operator switched Apprise off since
    assert reasons(client.get(f"/reminders/{reminder['id']}").json) == {"apprise": "apprise_off"}


def test_only_the_channels_that_cannot_arrive_are_named(app, client):
    app.config.update(SMTP_URL="smtp://127.0.0.1:9", MAIL_FROM="orbit@example.org")
    reminder = made(client, ["push", "email"])
    assert reasons(reminder) == {"push": "no_device"}
