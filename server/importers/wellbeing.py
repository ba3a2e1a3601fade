"""The wellbeing check of an Orbit export (WHO-5, issue 25), written in the import's last
transaction: the choice and the contacts, and each day's check. An import never turns the check
off nor replaces contacts the account already has; a day's check is the file's when the account
has none that day, or an older one; importing the same file twice changes nothing."""
from ..domain.wellbeing import KEYS
from ..models import User, WellbeingCheck
from .orbit import naive_utc


def apply_wellbeing(user, plan, report):
    """Restore the export's wellbeing settings and checks (a plan of another format has none).
    The checks' counts go to the report under `wellbeing_checks`."""
    created, updated = report["created"], report["updated"]
    created.setdefault("wellbeing_checks", 0)
    updated.setdefault("wellbeing_checks", 0)
    settings = getattr(plan, "wellbeing", None) or {}
    fields = {}
    if settings.get("enabled") and not user.wellbeing_enabled:
        fields["wellbeing_enabled"] = True
    if settings.get("contacts") and not user.wellbeing_contacts:
        fields["wellbeing_contacts"] = settings["contacts"]
    if fields:
        User.update(**fields).where(User.id == user.id).execute()
        for name, value in fields.items():
            setattr(user, name, value)
    records = getattr(plan, "wellbeing_checks", ())
    # The account's checks on the file's days, in one read (the user's row is held: apply.py).
    existing = {check.day: check for check in WellbeingCheck.select().where(
        WellbeingCheck.user == user,
        WellbeingCheck.day.in_([record["date"] for record in records]))} if records else {}
    for record in records:
        answers = {key: record[key] for key in KEYS}
        when = naive_utc(record.get("acted_at"))
        stored = existing.get(record["date"])
        if stored is None:
            WellbeingCheck.create(user=user, day=record["date"], **answers,
                                  **({"acted_at": when} if when else {}))
            created["wellbeing_checks"] += 1
        elif ([getattr(stored, key) for key in KEYS] != list(answers.values())
              and when is not None and when > stored.acted_at):
            WellbeingCheck.update(**answers, acted_at=when).where(
                WellbeingCheck.id == stored.id).execute()
            updated["wellbeing_checks"] += 1
