"""The weekly summary by email, through a real SMTP server on 127.0.0.1 (aiosmtpd), parsed back
with the standard email package: both parts, the headers, and no private habit's name."""
import email
import email.policy

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
    assert "http" not in html.replace(app.config["BASE_URL"], "")  # nothing fetched from anywhere
    assert "<link" not in html and "<img" not in html and "<style" not in html


def test_without_smtp_settings_the_command_says_what_to_set(app, client):
    result = app.test_cli_runner().invoke(args=["summary", "send", "--user", client.user["email"]])
    assert result.exit_code != 0
    assert "ORBIT_SMTP_URL" in result.output and "ORBIT_MAIL_FROM" in result.output
