"""The weekly summary by email, through a real SMTP server on 127.0.0.1 (aiosmtpd), parsed back
with the standard email package: both parts, the headers, and no private habit's name."""
import email
import email.policy

from server.notify.email import send

from .conftest import make_habit


def test_the_summary_email_has_both_parts_and_names_no_private_habit(app, client, smtp):
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="Orbit <orbit@example.org>")
    make_habit(client, name="Walk", measure="minutes", target=20, start_date="2026-10-01")
    secret = make_habit(client, name="Therapy with Dr Vance", private=True, start_date="2026-10-01")
    for day in ("2026-10-12", "2026-10-13"):
        client.put(f"/habits/{secret['id']}/checkins/{day}", {})
    result = app.test_cli_runner().invoke(args=["summary", "send", "--user", client.user["email"],
                                                "--week", "2026-10-14"])
    assert result.exit_code == 0, result.output
    assert "2026-10-12" in result.output
    [raw] = inbox.messages
    message = email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)
    assert message["To"] == client.user["email"]
    assert message["From"] == "Orbit <orbit@example.org>"
    assert message["Subject"].startswith("Your week, Mon 12 Oct – Sun 18 Oct")
    assert message["Date"] and message["Message-ID"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (text, html):
        assert "Walk" in part and "Private habit" in part
        assert "Vance" not in part and "Therapy" not in part
    # The one link is to where the server was last reached (the test client's host).
    assert "http" not in html.replace("http://localhost/#/week/", "")  # nothing fetched
    assert "<link" not in html and "<img" not in html and "<style" not in html


def test_without_smtp_settings_the_command_says_what_to_set(app, client):
    result = app.test_cli_runner().invoke(args=["summary", "send", "--user", client.user["email"]])
    assert result.exit_code != 0
    assert "ORBIT_SMTP_URL" in result.output and "ORBIT_MAIL_FROM" in result.output


def test_a_long_list_unsubscribe_header_goes_out_as_a_plain_url(smtp):
    # RFC 2369: the URL in angle brackets as it is, never folded into RFC 2047 encoded words.
    inbox, url = smtp
    link = "<http://127.0.0.1:5000/api/v1/unsubscribe/" + "x" * 120 + ">"
    send({"SMTP_URL": url, "MAIL_FROM": "orbit@example.org"}, "a@example.org", "Walk", "Go.",
         headers={"List-Unsubscribe": link})
    [raw] = inbox.messages  # parsed with compat32, which leaves encoded words as they came
    assert raw["List-Unsubscribe"].strip() == link
