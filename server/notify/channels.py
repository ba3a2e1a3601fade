"""Sending one reminder on its channels: Web Push (with a "Done" action for habits), email (with
one-click unsubscribe) and Apprise."""
import apprise
from itsdangerous import BadSignature, URLSafeSerializer

from .. import i18n, links
from ..models import NotifyTarget
from .email import MailNotConfigured, later_line, send
from .outbound import apprise_problem, guarded
from .push import NoDevice, action_token, later_payload, push
from .summary_mail import summary_html, summary_subject, summary_text


NOTHING_SENT = "no channel to send on"


class SendFailed(RuntimeError):
    """Every channel that was tried failed (the dispatcher retries later)."""


class NoTargets(SendFailed):
    """The user has no Apprise target: nothing to retry."""


def unsubscribe_token(secret_key, reminder):
    """The signed token of a reminder's unsubscribe link (no storage, no expiry). It names the
    reminder's uuid, which no other reminder ever has (a row id can come back on SQLite)."""
    return URLSafeSerializer(secret_key, salt="unsubscribe").dumps(str(reminder.uuid))


def reminder_of_token(secret_key, token):
    """The uuid an unsubscribe token names, or None when it is not one of ours."""
    try:
        value = URLSafeSerializer(secret_key, salt="unsubscribe").loads(token)
    except BadSignature:
        return None
    return value if isinstance(value, str) else None


def link_of(reminder, base_url):
    """Where tapping the reminder leads in the app."""
    if reminder.target == "habit":
        return f"{base_url}/#/habit/{reminder.habit_id}"
    if reminder.target == "weekly_summary":
        return f"{base_url}/#/week"
    return f"{base_url}/#/today"


def send_reminder(config, reminder, user, title, body, summary=None, habit=None, day=None,
                  has_device=None):
    """Send on every channel of the reminder (for `habit` on `day`); what went where, or
    SendFailed when all failed. `has_device` False: the caller knows the user has no device for
    Web Push (the dispatcher asks once for a whole batch)."""
    outcomes = send_on_channels(config, reminder, user, title, body, summary, habit, day,
                                has_device)
    sent = [o["channel"] for o in outcomes if o["status"] == "sent"]
    errors = [o["log"] for o in outcomes if o["status"] == "failed"]
    if errors and not sent:
        raise SendFailed("; ".join(errors))
    return ", ".join(sent + errors) or NOTHING_SENT


# What a user is told of a channel that did not send: plain words, never an error's own text
# (it can hold an address, a URL with its secret or what a server inside answered).
def unreachable(channel, words):
    """Why a channel did not send, for the user."""
    return {"push": words._("The push service did not answer. Try again later."),
            "email": words._("The mail server did not take it. Try again later."),
            "apprise": words._("It could not be sent. Try again later.")}[channel]


def send_on_channels(config, reminder, user, title, body, summary=None, habit=None, day=None,
                     has_device=None):
    """Send on each channel of the reminder: [{channel, status (sent, failed or not_sent), message
    (for the user), log (for the operator's records)}], in the reminder's order."""
    base_url, outcomes, words = links.base_url(config, user), [], i18n.words_for(user)
    link = link_of(reminder, base_url)
    for channel in reminder.channels:
        outcome = {"channel": channel, "status": "sent", "message": words._("Sent."), "log": channel}
        try:
            if channel == "push":
                if has_device is False:
                    continue
                push(config, user, push_payload(config, reminder, habit, title, body, link, day,
                                                words))
            elif channel == "email":
                email_reminder(config, reminder, user, title, body, link, summary, day)
            elif channel == "apprise" and config.get("APPRISE"):
                notify_targets(config, user, title, f"{body}\n{link}")
            else:  # Apprise, switched off by the operator since
                outcome |= {"status": "not_sent", "log": "apprise: off",
                            "message": words._("Apprise is not enabled on this server.")}
        except NoDevice:  # notifications are not turned on on any device: nothing to retry
            outcome |= {"status": "not_sent", "log": "push: no device",
                        "message": words._("No device has notifications turned on.")}
        except MailNotConfigured as error:  # the operator's settings: for the records only
            outcome |= {"status": "failed", "log": str(error),
                        "message": words._("Email is not set up on this server.")}
        except NoTargets:
            outcome |= {"status": "not_sent", "message": words._("There are no Apprise targets yet."),
                        "log": "apprise: no targets"}
        except Exception as error:  # noqa: BLE001 - any failure of a channel is retried
            outcome |= {"status": "failed", "message": unreachable(channel, words),
                        "log": f"{channel}: {type(error).__name__}"}  # no URL or secret in it
        outcomes.append(outcome)
    return outcomes


def push_payload(config, reminder, habit, title, body, link, day, words=None):
    """What the service worker shows: one notification per reminder (`tag`: a newer one replaces
    an older), a tap opens `url`; a build habit's carries "Done", which logs the day (its target
    amount for count and minutes habits) through a single-use action URL. A habit's `url` is its
    day on Today with its log button in focus: one tap from done where a browser shows no
    actions (Safari on iOS)."""
    words = words or i18n.words_for(reminder.user)
    payload = {"title": title, "body": body, "tag": f"reminder-{reminder.id}", "url": link,
               "lang": words.tag, "dir": words.catalogue["direction"]}
    if habit is not None and day is not None:
        payload["url"] = links.absolute(f"/#/today/{day.isoformat()}?focus={habit.id}", config,
                                        reminder.user_id)
    token = None
    if habit is not None and habit.kind == "build" and day is not None:
        value = habit.target if habit.measure != "check" else None
        token = action_token(config["SECRET_KEY"], habit, day, value)
        payload["action"] = {"title": words.pgettext("notification action", "Done"),
                             "url": links.absolute(f"/api/v1/actions/{token}", config,
                                                   reminder.user_id)}
    if day is not None:  # "Later" (issue 27): every reminder can be put off
        payload |= later_payload(config, reminder, day, token, words)
    return payload


def email_reminder(config, reminder, user, title, body, link, summary=None, day=None):
    """A reminder email with a link into the app and RFC 8058 one-click unsubscribe."""
    unsubscribe = links.absolute(
        f"/api/v1/unsubscribe/{unsubscribe_token(config['SECRET_KEY'], reminder)}", config, user)
    headers = {"List-Unsubscribe": f"<{unsubscribe}>",
               "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    words = i18n.words_for(user)
    if summary is not None:
        base_url = links.base_url(config, user)
        text = summary_text(summary, base_url, words) + "\n" + words._(
            "Stop these emails: {url}", url=unsubscribe) + "\n"
        return send(config, user.email, summary_subject(summary, words), text,
                    summary_html(summary, base_url, words), headers)
    text = (f"{body}\n\n" + words._("Open Orbit: {url}", url=link) + "\n"
            + later_line(config, reminder, day, words) + "\n"
            + words._("Stop this reminder: {url}", url=unsubscribe) + "\n")
    return send(config, user.email, title, text, None, headers)


def notify_targets(config, user, title, body):
    """Send to every Apprise target of the user; raises when none of them took it."""
    targets = list(NotifyTarget.select().where(NotifyTarget.user == user))
    if not targets:
        raise NoTargets("no Apprise targets")
    send_to_targets(config, targets, title, body)


def send_to_targets(config, targets, title, body):
    """Send through Apprise, connecting only where a user may make the server connect (an
    address inside its network only with ORBIT_APPRISE_PRIVATE=1); SendFailed when none took
    it. A target that is no longer allowed (stored before the rules, or its name now resolves
    inside) is not sent to. Each service sends from this thread, one after the other: the
    outbound guard watches this thread's sockets, and Apprise's own notify() would send from a
    pool of threads of its own."""
    allow_private = config.get("APPRISE_PRIVATE", False)
    delivered = False
    for target in targets:
        service = apprise.Apprise.instantiate(target.url, suppress_exceptions=True) or None
        if apprise_problem(service, target.url, allow_private) is not None:
            continue
        with guarded(allow_private):
            delivered |= bool(service.notify(title=title, body=body))
    if not delivered:
        raise SendFailed("Apprise could not deliver")
