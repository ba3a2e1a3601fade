"""Forgotten passwords (issue 21): the answer never tells whether an account exists (status, body,
time), a link works once and for an hour, using it ends every session and revokes every token,
the throttle holds per email and per address, and the operator's command prints a working link.
Mail goes through a real SMTP server on 127.0.0.1."""
import asyncio
import datetime
import re
import time

from aiosmtpd.controller import Controller

from server.models import ServerAddress
from tests import clock

from ..conftest import PASSWORD, ApiClient, Inbox, free_port
from .helpers import at_once, error_of

NEW_PASSWORD = "a new long password"
LINK = re.compile(r"(http\S+/#/reset\?token=(\S+))")


def with_mail(app, url):
    app.config.update(SMTP_URL=url, MAIL_FROM="Orbit <orbit@example.org>")


def ask(client, email, address="10.9.9.9"):
    return client.post("/auth/password-reset", {"email": email},
                       environ_overrides={"REMOTE_ADDR": address})


def wait_for_messages(inbox, count, seconds=10):
    deadline = time.monotonic() + seconds
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    return inbox.messages


def token_in(message):
    return LINK.search(message.get_payload(decode=True).decode()).group(2)


def test_unknown_and_known_emails_answer_alike(app, client, anon, smtp):
    inbox, url = smtp
    with_mail(app, url)
    known = ask(anon, client.user["email"].upper(), "10.9.9.1")
    unknown = ask(anon, "nobody@example.org", "10.9.9.2")
    assert known.status_code == unknown.status_code == 200
    assert known.get_data() == unknown.get_data()
    assert known.json == {"by_email": True, "minutes": 60}
    assert [m["To"] for m in wait_for_messages(inbox, 1)] == [client.user["email"]]
    time.sleep(0.3)
    assert len(inbox.messages) == 1  # nothing went to the unknown address


def test_a_slow_mail_server_does_not_slow_the_known_answer(app, client, anon):
    # Sending from the request would make the known email's answer the slow one.
    class SlowInbox(Inbox):
        async def handle_DATA(self, server, session, envelope):
            await asyncio.sleep(1.5)
            return await super().handle_DATA(server, session, envelope)

    inbox, port = SlowInbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with_mail(app, f"smtp://127.0.0.1:{port}")
        times = {}
        for email, address in ((client.user["email"], "10.9.8.1"), ("no@example.org", "10.9.8.2")):
            started = time.monotonic()
            assert ask(anon, email, address).status_code == 200
            times[email] = time.monotonic() - started
        assert max(times.values()) < 0.75, times
        assert len(wait_for_messages(inbox, 1)) == 1
    finally:
        controller.stop()


def test_a_link_works_once_and_signs_in(app, client, anon, smtp):
    inbox, url = smtp
    with_mail(app, url)
    ask(anon, client.user["email"])
    token = token_in(wait_for_messages(inbox, 1)[0])
    assert anon.post("/auth/password-reset/check", {"token": token}).status_code == 200
    used = anon.post("/auth/password-reset/confirm", {"token": token, "password": NEW_PASSWORD})
    assert used.status_code == 200, used.json
    assert used.json["user"]["email"] == client.user["email"]
    anon.csrf = used.json["csrf_token"]
    assert anon.get("/me").status_code == 200  # signed in on this client
    again = anon.post("/auth/password-reset/confirm", {"token": token, "password": "another one!"})
    assert "used already" in error_of(again, 404, "not_found")["message"]
    assert "used already" in error_of(anon.post("/auth/password-reset/check", {"token": token}),
                                      404, "not_found")["message"]
    assert ApiClient(app).login(client.user["email"], PASSWORD).status_code == 401
    assert ApiClient(app).login(client.user["email"], NEW_PASSWORD).status_code == 200


def test_two_uses_racing_with_one_link_let_one_through(app, client):
    token = operator_token(app, client.user["email"])
    clients = [ApiClient(app) for _ in range(4)]
    answers = at_once([lambda c=c, n=n: c.post("/auth/password-reset/confirm", {
        "token": token, "password": f"{NEW_PASSWORD} {n}"}) for n, c in enumerate(clients)])
    assert sorted(a.status_code for a in answers) == [200, 404, 404, 404]
    [winner] = [n for n, a in enumerate(answers) if a.status_code == 200]
    assert ApiClient(app).login(client.user["email"], f"{NEW_PASSWORD} {winner}").status_code == 200


def test_an_unknown_link_is_a_kind_404(anon):
    response = anon.post("/auth/password-reset/confirm",
                         {"token": "not-a-token", "password": NEW_PASSWORD})
    error = error_of(response, 404, "not_found")
    assert "Ask for a new link" in error["message"]


def test_the_new_password_follows_the_sign_up_rules(app, client, anon):
    token = operator_token(app, client.user["email"])
    response = anon.post("/auth/password-reset/confirm", {"token": token, "password": "short"})
    assert "password" in error_of(response, 422, "validation_error")["fields"]
    assert anon.post("/auth/password-reset/check", {"token": token}).status_code == 200  # unspent


def test_a_link_expires_after_an_hour(app, client, anon):
    start = clock.now()
    app.config["NOW"] = lambda: start
    token = operator_token(app, client.user["email"])
    app.config["NOW"] = lambda: start + datetime.timedelta(minutes=59)
    assert anon.post("/auth/password-reset/check", {"token": token}).status_code == 200
    app.config["NOW"] = lambda: start + datetime.timedelta(minutes=60)
    response = anon.post("/auth/password-reset/confirm", {"token": token, "password": NEW_PASSWORD})
    assert "expired" in error_of(response, 404, "not_found")["message"]
    assert ApiClient(app).login(client.user["email"], PASSWORD).status_code == 200


def test_using_a_link_ends_other_sessions_and_revokes_tokens(app, client, anon):
    api_token = client.post("/tokens", {"name": "script"}).json["token"]
    bearer = ApiClient(app)
    bearer.token = api_token
    assert bearer.get("/me").status_code == 200
    second = ApiClient(app)
    second.login(client.user["email"])
    token = operator_token(app, client.user["email"])
    spare = operator_token(app, client.user["email"])  # another link of the same account
    assert anon.post("/auth/password-reset/confirm",
                     {"token": token, "password": NEW_PASSWORD}).status_code == 200
    for gone in (client, second, bearer):
        error_of(gone.get("/me"), 401, "unauthorized")
    error = error_of(anon.post("/auth/password-reset/check", {"token": spare}), 404, "not_found")
    assert "used already" in error["message"]


def test_the_throttle_holds_per_email_and_per_address(app, client, anon):
    config = app.config
    for email in (client.user["email"], "nobody@example.org"):  # alike, account or not
        answers = [ask(anon, email, f"10.7.0.{n}")
                   for n in range(config["RESET_MAX_PER_EMAIL"] + 1)]
        assert [a.status_code for a in answers[:-1]] == [200] * config["RESET_MAX_PER_EMAIL"]
        error = error_of(answers[-1], 429, "rate_limited")
        assert "this address" in error["message"]
        assert 0 < int(answers[-1].headers["Retry-After"]) <= config["RESET_WINDOW_SECONDS"] + 1
    assert ask(anon, client.user["email"], "10.7.1.1").status_code == 429  # any address
    answers = [ask(anon, f"p{n}@example.org", "10.6.0.1")
               for n in range(config["RESET_MAX_PER_ADDRESS"] + 1)]
    assert [a.status_code for a in answers[:-1]] == [200] * config["RESET_MAX_PER_ADDRESS"]
    refused = error_of(answers[-1], 429, "rate_limited")
    assert "network" in refused["message"]
    assert ask(anon, "p0@example.org", "10.6.0.2").status_code == 200  # another address


def test_the_throttle_answers_alike_for_an_account_and_none(app, client, anon):
    limit = app.config["RESET_MAX_PER_EMAIL"]
    for n in range(limit):
        ask(anon, client.user["email"], f"10.5.0.{n}")
        ask(anon, "nobody@example.org", f"10.5.1.{n}")
    known = ask(anon, client.user["email"], "10.5.2.1")
    unknown = ask(anon, "nobody@example.org", "10.5.2.2")
    assert known.status_code == unknown.status_code == 429
    assert known.get_data() == unknown.get_data()


def test_without_mail_the_answer_says_so_and_the_cli_prints_a_working_link(app, client, anon):
    assert anon.get("/auth/password-reset").json == {"by_email": False}
    assert ask(anon, client.user["email"]).json == {"by_email": False, "minutes": 60}
    result = app.test_cli_runner().invoke(args=["user", "reset-link", client.user["email"]],
                                          catch_exceptions=False)
    assert result.exit_code == 0, result.output
    link, token = LINK.search(result.stdout).groups()
    assert re.fullmatch(r"https?://[^/]+/#/reset\?token=[\w-]{40,}", link), link
    assert anon.post("/auth/password-reset/confirm",
                     {"token": token, "password": NEW_PASSWORD}).status_code == 200
    assert ApiClient(app).login(client.user["email"], NEW_PASSWORD).status_code == 200
    missing = app.test_cli_runner().invoke(args=["user", "reset-link", "nobody@example.org"])
    assert missing.exit_code == 1 and "no account" in missing.output


def operator_token(app, email):
    """A reset link's token, as the operator's command prints it."""
    result = app.test_cli_runner().invoke(args=["user", "reset-link", email])
    assert result.exit_code == 0, result.output
    return LINK.search(result.stdout).group(2)


def test_the_emailed_link_points_where_its_owner_uses_orbit_not_at_the_askers_host(
        app, client, other, anon, smtp):
    """Anyone may ask for a reset with a forged Host header: the link still points where the
    account's owner signed in (it pointed at the forged host, handing the token to its owner)."""
    inbox, url = smtp
    with_mail(app, url)
    assert client.get("/me").status_code == 200  # its owner, at http://localhost
    assert other.get("/me").status_code == 200
    with app.app_context():  # another user reached it later at another address
        ServerAddress.update(url="http://elsewhere.example.org", changed_at=clock.now()).where(
            ServerAddress.name == f"user:{other.user['id']}").execute()
    response = anon.post("/auth/password-reset", {"email": client.user["email"]},
                         headers={"Host": "evil.example.org"})
    assert response.status_code == 200
    [message] = wait_for_messages(inbox, 1)
    link = LINK.search(message.get_payload(decode=True).decode()).group(1)
    assert link.startswith("http://localhost/#/reset?token="), link
