"""The wellbeing check (WHO-5, issue 25), scoped to the user: their choice and contacts, their
checks, and what Today and the share pages read (domain/wellbeing.py judges; this reads and
writes)."""
from ..clock import utcnow
from ..db import database, locked
from ..domain import wellbeing as who5
from ..errors import ApiError
from ..models import User, WellbeingCheck
from .common import local_today

OFF = "The wellbeing check is off. Turn it on in Settings first."


def answers_of(check):
    """A check's five answers in the instrument's order."""
    return [getattr(check, key) for key in who5.KEYS]


def checks_of(user):
    """The user's checks, oldest first."""
    return list(WellbeingCheck.select().where(WellbeingCheck.user == user)
                .order_by(WellbeingCheck.day))


def history(user):
    """[(day, score)] of the user's checks, oldest first: the screen's trend, and a share's
    WHO-5 trend when the user chose to share it."""
    return [(check.day, who5.score(answers_of(check))) for check in checks_of(user)]


def settings_of(user):
    """The user's choice (off unless they turned it on) and the support contacts they wrote."""
    return {"enabled": bool(user.wellbeing_enabled), "contacts": user.wellbeing_contacts or ""}


def put_settings(user, data):
    """Turn the check on or off and write the contacts; the fields not given are kept."""
    fields = {f"wellbeing_{key}": value for key, value in data.items()}
    if fields:
        with database.atomic():
            User.update(**fields).where(User.id == user.id).execute()
        for name, value in fields.items():
            setattr(user, name, value)
    return settings_of(user)


def last_day(user):
    """The day of the user's latest check, or None."""
    latest = (WellbeingCheck.select(WellbeingCheck.day).where(WellbeingCheck.user == user)
              .order_by(WellbeingCheck.day.desc()).first())
    return latest.day if latest else None


def invitation(user, today):
    """Whether Today invites the user to a check (no statement when the check is off)."""
    if not user.wellbeing_enabled:
        return False
    return who5.invite(True, last_day(user), user.wellbeing_set_aside, today)


def set_aside(user):
    """Set Today's invitation aside for a week (the check stays due)."""
    with database.atomic():
        User.update(wellbeing_set_aside=local_today(user)).where(User.id == user.id).execute()
    user.wellbeing_set_aside = local_today(user)
    return overview(user)


def record_check(user, answers):
    """Today's check with these answers ({key: 0..5}); (check, created). A second check on the
    same day replaces the first. Refused (409) while the check is off."""
    if not user.wellbeing_enabled:
        raise ApiError(409, OFF)
    today = local_today(user)
    with database.atomic():
        # One writer of a user's checks at a time: two first checks would both find none.
        locked(User.select(User.id).where(User.id == user.id)).get()
        check = WellbeingCheck.get_or_none(WellbeingCheck.user == user,
                                           WellbeingCheck.day == today)
        if check is None:
            return WellbeingCheck.create(user=user, day=today, acted_at=utcnow(), **answers), True
        WellbeingCheck.update(acted_at=utcnow(), **answers).where(
            WellbeingCheck.id == check.id).execute()
    return WellbeingCheck.get_by_id(check.id), False


def delete_check(user, day):
    """Remove the user's check of a day (nothing to remove is no error)."""
    with database.atomic():
        WellbeingCheck.delete().where(WellbeingCheck.user == user,
                                      WellbeingCheck.day == day).execute()


def judged(check, previous_score):
    """A check as the API shows it: answers, score, band and the change since the one before."""
    points = who5.score(answers_of(check))
    change = who5.trend(previous_score, points)
    return {"date": check.day, "answers": answers_of(check), "score": points,
            "band": who5.band(points), "low": who5.is_low(points), "change": change.change,
            "direction": change.direction, "acted_at": check.acted_at}


def overview(user):
    """GET /wellbeing: the choice, whether a check is due and when, every check judged (oldest
    first), the latest, and the contacts to offer when the latest is low."""
    today, checks, previous = local_today(user), [], None
    for check in checks_of(user):
        checks.append(judged(check, previous))
        previous = checks[-1]["score"]
    last = checks[-1]["date"] if checks else None
    latest = checks[-1] if checks else None
    enabled = bool(user.wellbeing_enabled)
    return {"enabled": enabled, "due": who5.is_due(enabled, last, today),
            "next_due": who5.next_due(last, today), "latest": latest, "checks": checks,
            "contacts": user.wellbeing_contacts or "",
            "items": [{"key": key, "text": text} for key, text in who5.ITEMS],
            "scale": [{"value": value, "label": label} for value, label in who5.SCALE]}


def judged_check(user, check):
    """One check judged against the check before it."""
    before = (WellbeingCheck.select().where(WellbeingCheck.user == user,
                                            WellbeingCheck.day < check.day)
              .order_by(WellbeingCheck.day.desc()).first())
    return judged(check, who5.score(answers_of(before)) if before else None)
