"""POST /reminders/{id}/test answers what was sent where, and what was not and why (issue 23,
defect 5), in plain words that never echo an address, a URL or a server's own error text."""
from ..servers import free_port


def test_send_answers_each_channels_outcome(app, client, smtp):
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="orbit@example.org")
    reminder = client.post("/reminders", {"target": "reflection", "time": "21:00",
                                          "channels": ["push", "email"]}).json
    answer = client.post(f"/reminders/{reminder['id']}/test")
    assert answer.status_code == 200
    assert answer.json == {"sent": True, "outcomes": [
        {"channel": "push", "status": "not_sent",
         "message": "No device has notifications turned on."},
        {"channel": "email", "status": "sent", "message": "Sent."}]}
    assert [m["Subject"] for m in inbox.messages] == ["How was today?"]


def test_a_failed_channel_says_why_without_its_server(app, client):
    port = free_port()  # nothing listens there: the mail server is down
    app.config.update(SMTP_URL=f"smtp://mailer:s3cret@127.0.0.1:{port}",
                      MAIL_FROM="orbit@example.org")
    reminder = client.post("/reminders", {"target": "reflection", "time": "21:00",
                                          "channels": ["email"]}).json
    answer = client.post(f"/reminders/{reminder['id']}/test")
    assert answer.status_code == 200
    assert answer.json == {"sent": False, "outcomes": [
        {"channel": "email", "status": "failed",
         "message": "The mail server did not take it. Try again later."}]}
    assert str(port) not in answer.text and "s3cret" not in answer.text
    app.config.update(SMTP_URL="http://s3cret@not-mail")  # not usable: not set up, unnamed
    answer = client.post(f"/reminders/{reminder['id']}/test").json
    assert answer["outcomes"][0] == {"channel": "email", "status": "failed",
                                     "message": "Email is not set up on this server."}
    assert "s3cret" not in str(answer)
