"""Orbit's own export read back (an Orbit export, from this server or another): objects matched
by uuid, habits with their whole rule history, so that export → import → export is lossless."""
import datetime
import json

from marshmallow import ValidationError

from ..schemas.exports import VERSION, OrbitExport
from ..store.habits import checked_rule
from .plan import HabitPlan, IdentityPlan, Plan, ReminderPlan, refuse

WHAT = "an Orbit export"
PLAN_FIELDS = ("plan_cue", "plan_action", "appointment",  # issue 24; older exports have none
               "never_miss_twice")


def is_orbit(data):
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def document_of(data):
    """The JSON object of an uploaded file (bytes)."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        refuse(f"This file is not {WHAT}: it is not JSON.")
    if not isinstance(document, dict):
        refuse(f"This file is not {WHAT}.")
    return document


def read_orbit(document, user):
    """The Plan of an Orbit export (its JSON object, loaded), for `user`."""
    if document.get("format") != "orbit":
        raise ValidationError({"format": [f"This is not {WHAT} (its format is not “orbit”)."]})
    if isinstance(document.get("version"), int) and document["version"] > VERSION:
        raise ValidationError({"version": [
            f"This export was made by a newer Orbit (format version {document['version']}); "
            f"this server reads version {VERSION}."]})
    export = OrbitExport().load(document)
    plan = Plan("orbit")
    warn_settings(plan, export.get("user") or {}, user)
    plan.identities = [IdentityPlan(key=str(i["uuid"]), fields={
        k: i[k] for k in ("statement", "color", "position") if k in i}, extra=instants(
        i, "created_at")) for i in export["identities"]]
    identity_keys = {p.key for p in plan.identities}
    habits = {}
    for index, record in enumerate(export["habits"]):
        habit = habit_plan(record, index, identity_keys)
        habits[habit.key] = habit
    plan.habits = list(habits.values())
    for index, record in enumerate(export["checkins"]):
        key = known(habits, record["habit_uuid"], "checkins", index)
        habits[key].checkins[record["date"]] = {
            k: record[k] for k in ("status", "value", "note") if k in record}
    plan.reflections = {r["date"]: {"mood": r["mood"], "note": r.get("note", "")}
                        for r in export["reflections"]}
    for index, record in enumerate(export["reminders"]):
        habit_key = (known(habits, record["habit_uuid"], "reminders", index)
                     if record.get("habit_uuid") else None)
        plan.reminders.append(ReminderPlan(key=str(record["uuid"]), habit_key=habit_key, fields={
            k: record[k] for k in ("target", "time", "days", "channels", "enabled",
                                   "skip_if_done") if k in record}))
    for index, record in enumerate(export["pauses"]):
        if record.get("habit_uuid"):
            known(habits, record["habit_uuid"], "pauses", index)
        plan.pauses.append(record)
    # written by importers/chapters.py apply_chapters (issue 24)
    plan.chapters, plan.week_answers = export["chapters"], export["week_answers"]
    # written by importers/wellbeing.py apply_wellbeing (issue 25)
    plan.wellbeing, plan.wellbeing_checks = export.get("wellbeing"), export["wellbeing_checks"]
    return plan


def habit_plan(record, index, identity_keys):
    """One habit of the export, its rules checked as the API checks a habit's rule."""
    identity = record.get("identity_uuid")
    if identity is not None and str(identity) not in identity_keys:
        raise ValidationError({"habits": {index: {"identity_uuid": [
            "Unknown identity: it is not among the export's identities."]}}})
    rules = sorted(record["rules"], key=lambda rule: rule["effective_from"])
    if len({rule["effective_from"] for rule in rules}) != len(rules):
        raise ValidationError({"habits": {index: {"rules": [
            "Two rules take effect on the same day."]}}})
    kind, measure = record["kind"], record["measure"]
    for rule in rules:
        try:
            rule["target"] = checked_rule(kind, measure, rule["schedule"], rule["target"], True)
        except ValidationError as err:
            raise ValidationError({"habits": {index: {"rules": err.messages}}}) from None
    fields = {k: record[k] for k in ("name", "description", "unit", "color", "position",
                                     "archived", "private", *PLAN_FIELDS) if k in record}
    fields.update(kind=kind, measure=measure)
    return HabitPlan(key=str(record["uuid"]), fields=fields, rules=rules,
                     start_date=record.get("set_start_date") or record.get("start_date")
                     or rules[0]["effective_from"],
                     identity_key=str(identity) if identity is not None else None,
                     extra=instants(record, "created_at", *(
                         ["archived_at"] if record.get("archived") and record.get("archived_at")
                         else [])))


def known(habits, habit_uuid, kind, index):
    """The key of a habit the export names: one of the export's own habits, or a 422."""
    key = str(habit_uuid)
    if key not in habits:
        raise ValidationError({kind: {index: {"habit_uuid": [
            "Unknown habit: it is not among the export's habits."]}}})
    return key


def instants(record, *names):
    """The record's instants as the database keeps them (naive UTC)."""
    return {name: naive_utc(record[name]) for name in names if name in record}


def naive_utc(instant):
    if instant is None or instant.tzinfo is None:
        return instant
    return instant.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def warn_settings(plan, exported, user):
    """Days keep their dates on import; say so when the export's account counted days apart."""
    for name, label in (("timezone", "time zone"), ("week_start", "week start"),
                        ("day_start", "day start")):
        if exported.get(name) and exported[name] != getattr(user, name):
            plan.warn(f"The export's {label} was {exported[name]} (yours is "
                      f"{getattr(user, name)}); every day keeps its date.")
