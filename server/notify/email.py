"""Sending mail: SMTP from ORBIT_SMTP_URL (smtp://user:pass@host:port, smtps://…, or
?starttls=1) as ORBIT_MAIL_FROM, and the weekly summary as an email."""
import email.policy
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from .. import i18n, links
from ..store.snoozes import snooze_token
from .summary_mail import summary_html, summary_subject, summary_text



# Header lines up to RFC 5322's 998 characters: at the default 78, a List-Unsubscribe URL went
# out folded into RFC 2047 encoded words, which mail clients do not take for a URL (RFC 2369).
POLICY = email.policy.default.clone(max_line_length=998)


class MailNotConfigured(RuntimeError):
    """Mail cannot be sent: ORBIT_SMTP_URL or ORBIT_MAIL_FROM is not set, or is not usable."""


def smtp_settings(config):
    """(scheme, host, port, user, password, starttls, sender) from the app's configuration."""
    url, sender = config.get("SMTP_URL"), config.get("MAIL_FROM")
    if not url or not sender:
        raise MailNotConfigured("Email is not set up: set ORBIT_SMTP_URL (smtp://user:pass@host:"
                                "port, smtps://… or ?starttls=1) and ORBIT_MAIL_FROM.")
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise MailNotConfigured(f"ORBIT_SMTP_URL must be smtp://… or smtps://…, not {url!r}.")
    starttls = parse_qs(parts.query).get("starttls", ["0"])[0] in ("1", "true", "yes")
    port = parts.port or (465 if parts.scheme == "smtps" else 587 if starttls else 25)
    return (parts.scheme, parts.hostname, port, unquote(parts.username or ""),
            unquote(parts.password or ""), starttls, sender)


def send(config, to, subject, text, html=None, headers=None):
    """Send one message (plain text, and HTML as the alternative when given)."""
    scheme, host, port, user, password, starttls, sender = smtp_settings(config)
    message = EmailMessage(policy=POLICY)
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Date"], message["Message-ID"] = formatdate(localtime=False), make_msgid("orbit")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    connect = smtplib.SMTP_SSL if scheme == "smtps" else smtplib.SMTP
    with connect(host, port, timeout=30) as smtp:
        if starttls:
            smtp.starttls(context=ssl.create_default_context())
        if user:
            smtp.login(user, password)
        smtp.send_message(message)
    return message


def send_summary(config, user, summary, base_url):
    """The weekly summary (computed with private habits hidden) as an email, in the user's
    language."""
    words = i18n.words_for(user)
    return send(config, user.email, summary_subject(summary, words),
                summary_text(summary, base_url, words), summary_html(summary, base_url, words))


def later_line(config, reminder, day, words):
    """A reminder email's "Later" (issue 27): a signed, expiring link to a page that asks when
    (its GET changes nothing: mail scanners open links); "" without the day it reminds of."""
    if day is None:
        return ""
    token = snooze_token(config["SECRET_KEY"], reminder, day)
    url = links.absolute(f"/api/v1/later/{token}", config, reminder.user_id)
    return "\n" + words._("Not now? Put it off (30 minutes, an hour or this evening): {url}",
                          url=url) + "\n"
