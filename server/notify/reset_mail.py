"""The "Forgot password?" email, sent from a thread of its own: the request answers at once, as
fast for an address with no account (whose thread sends nothing) as for one with."""
import logging
import threading

from .email import MailNotConfigured, send, smtp_settings

log = logging.getLogger(__name__)


def mail_configured(config):
    """True when email can be sent (ORBIT_SMTP_URL and ORBIT_MAIL_FROM are usable)."""
    try:
        smtp_settings(config)
    except MailNotConfigured:
        return False
    return True


def reset_subject(words):
    """The email's subject."""
    return words._("Your link to choose a new Orbit password")


def reset_text(link, words):
    """The plain-text body: the link, how long it lasts, and what to do if it was not you."""
    return "\n\n".join([
        words._("Someone, hopefully you, asked for a way back into Orbit."),
        words._("Choose a new password here (the link works once, for an hour):") + f"\n{link}",
        words._("Setting it signs you out everywhere else and revokes your API tokens."),
        words._("If you didn't ask, you can ignore this email: your password stays as it is."),
    ]) + "\n"


def send_reset_link(config, to, link, words):
    """Send the link to `to` from a new thread; with `to` None (no such account) the thread runs
    and sends nothing, so both answers take the same time. A failure is logged, not raised: the
    person may ask again."""
    def deliver():
        if to is None:
            return
        try:
            send(config, to, reset_subject(words), reset_text(link, words))
        except Exception as error:  # SMTP down or refusing: the person can ask for a new link
            log.warning("a password reset email could not be sent: %s", type(error).__name__)

    thread = threading.Thread(target=deliver, name="reset-mail", daemon=True)
    thread.start()
    return thread
