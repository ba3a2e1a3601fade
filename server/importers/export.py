"""Everything of one user, out: the Orbit format (JSON, version 1, read back by orbit.py) and a
zip of CSV files for spreadsheets. Private habits are included: the export is the user's own.

A spreadsheet runs a CSV cell that begins with = + - @, a tab or a carriage return as a formula
(CSV injection), so in the CSV files a text a person typed (a name, statement, description,
unit or note) that begins with one of them gets a single quote before it, as OWASP recommends,
and so does one that begins with a quote: the rule can be undone exactly (`typed_text`, the one
way back for any reader of these files; Orbit itself imports the JSON export, not these). Other
cells (numbers, dates, uuids, JSON) are written as they are."""
import csv
import io
import json
import zipfile

from .. import clock
from ..models import Chapter, Checkin, Pause, Reflection, Reminder, User, WeekAnswer
from ..models import WellbeingCheck
from ..schemas.exports import (FORMAT, VERSION, ChapterRecord, HabitRecord, IdentityRecord,
                               PauseRecord, ReflectionRecord, ReminderRecord, UserRecord,
                               WeekAnswerRecord)
from ..schemas.exports import WellbeingCheckRecord, WellbeingRecord
from ..store.wellbeing import settings_of as wellbeing_settings
from ..schemas.exports import ShareRecord
from ..models import Share
from ..schemas.fields import Instant, Number
from ..store.habits import habits_of
from ..store.identities import identities_of

INSTANT, NUMBER = Instant(), Number()
TYPED = {"statement", "name", "description", "unit", "habit_name", "note",  # the CSV's free text
         "plan_cue", "plan_action", "question", "answer"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def export_of(user):
    """The user's data in the Orbit format."""
    identities = identities_of(user)
    habits = habits_of(user, "all")
    identity_uuids = {i.id: i.uuid for i in identities}
    habit_uuids = {h.id: h.uuid for h in habits}
    return {
        "format": FORMAT, "version": VERSION, "exported_at": INSTANT._serialize(
            clock.now(), None, None),
        "user": UserRecord().dump(User.get_by_id(user.id)),
        "identities": IdentityRecord(many=True).dump(identities),
        "habits": HabitRecord(many=True).dump([habit_record(h, identity_uuids) for h in habits]),
        "checkins": checkin_records(user, habits),
        "reflections": ReflectionRecord(many=True).dump(
            {"uuid": r.uuid, "date": r.day, "mood": r.mood, "note": r.note,
             "updated_at": r.updated_at}
            for r in Reflection.select().where(Reflection.user == user).order_by(Reflection.day)),
        "reminders": ReminderRecord(many=True).dump(
            {**r.__data__, "habit_uuid": habit_uuids.get(r.habit_id)}
            for r in Reminder.select().where(Reminder.user == user).order_by(Reminder.id)),
        "pauses": PauseRecord(many=True).dump(
            {**p.__data__, "habit_uuid": habit_uuids.get(p.habit_id)}
            for p in Pause.select().where(Pause.user == user).order_by(Pause.start, Pause.id)),
        "chapters": ChapterRecord(many=True).dump(
            Chapter.select().where(Chapter.user == user).order_by(Chapter.start, Chapter.id)),
        "week_answers": WeekAnswerRecord(many=True).dump(
            WeekAnswer.select().where(WeekAnswer.user == user).order_by(WeekAnswer.week_start)),
        "wellbeing": WellbeingRecord().dump(wellbeing_settings(user)),
        "wellbeing_checks": WellbeingCheckRecord(many=True).dump(
            {**c.__data__, "date": c.day} for c in WellbeingCheck.select().where(
                WellbeingCheck.user == user).order_by(WellbeingCheck.day)),
        "shares": share_records(user, identity_uuids, habit_uuids),
    }


def share_records(user, identity_uuids, habit_uuids):
    """The shares' settings, their choices by uuid; never a token or its hash."""
    return ShareRecord(many=True).dump(
        {**s.__data__, "habit_uuids": [habit_uuids[i] for i in s.habit_ids if i in habit_uuids],
         "identity_uuids": [identity_uuids[i] for i in s.identity_ids if i in identity_uuids]}
        for s in Share.select().where(Share.user == user).order_by(Share.id))


def habit_record(habit, identity_uuids):
    return {**habit.__data__, "identity_uuid": identity_uuids.get(habit.identity_id),
            "archived": habit.archived, "schedule": habit.schedule, "target": habit.target,
            "rules": [rule.__data__ for rule in habit.rules]}


def checkin_records(user, habits):
    """The check-ins, habit by habit (in the habits' order), oldest first. Built by hand: a
    decade of days is 100,000 of them, and a schema's dump costs seconds."""
    order = {h.id: (index, str(h.uuid)) for index, h in enumerate(habits)}
    rows = (Checkin.select(Checkin.habit, Checkin.day, Checkin.status, Checkin.value,
                           Checkin.note, Checkin.updated_at)
            .where(Checkin.user == user).tuples())
    records = []
    for habit_id, day, status, value, note, updated_at in rows:
        if habit_id not in order:  # a habit of an import still being written (Habit.shown)
            continue
        index, habit_uuid = order[habit_id]
        records.append((index, day, {
            "habit_uuid": habit_uuid, "date": day.isoformat(), "status": status,
            "value": NUMBER._serialize(value, None, None), "note": note,
            "updated_at": INSTANT._serialize(updated_at, None, None)}))
    records.sort(key=lambda record: record[:2])
    return [record for _, _, record in records]


CSV_FILES = {
    "identities": ("uuid", "statement", "color", "position", "created_at"),
    "habits": ("uuid", "name", "description", "identity_uuid", "kind", "measure", "unit",
               "target", "schedule", "start_date", "color", "position", "archived", "private",
               "created_at", "never_miss_twice", "plan_cue", "plan_action", "appointment"),
    "rules": ("habit_uuid", "habit_name", "effective_from", "schedule", "target", "anchor"),
    "checkins": ("habit_uuid", "habit_name", "date", "status", "value", "note"),
    "reflections": ("date", "mood", "note"),
    "reminders": ("uuid", "target", "habit_uuid", "habit_name", "time", "days", "channels",
                  "enabled", "skip_if_done"),
    "pauses": ("uuid", "habit_uuid", "habit_name", "start", "end", "note"),
    "chapters": ("uuid", "name", "start"),
    "week_answers": ("week_start", "prompt", "question", "answer"),
    "wellbeing_checks": ("date", "cheerful", "calm", "active", "rested", "interested"),
}


def csv_zip_of(user):
    """The user's data as a zip of CSV files (bytes), one per kind of object."""
    export = export_of(user)
    names = {h["uuid"]: h["name"] for h in export["habits"]}
    export["rules"] = [{**rule, "habit_uuid": h["uuid"]} for h in export["habits"]
                       for rule in h["rules"]]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for kind, columns in CSV_FILES.items():
            text = io.StringIO()
            writer = csv.DictWriter(text, columns, extrasaction="ignore", lineterminator="\r\n")
            writer.writeheader()
            for record in export[kind]:
                writer.writerow(csv_row(record, names))
            archive.writestr(f"{kind}.csv", text.getvalue().encode("utf-8-sig"))
    return buffer.getvalue()


def csv_row(record, habit_names):
    """One record as a row of its CSV file: with its habit's name, and typed text neutralised."""
    row = {k: cell(v) for k, v in record.items()}
    row["habit_name"] = habit_names.get(record.get("habit_uuid"), "")
    return {k: neutralised(v) if k in TYPED and isinstance(v, str) else v for k, v in row.items()}


def neutralised(text):
    """`text` as a cell no spreadsheet runs: a quote before it when it begins with a formula's
    first character (OWASP) or with a quote (so that the rule can be undone)."""
    return QUOTE + text if text.startswith(FORMULA_STARTS + (QUOTE,)) else text


def typed_text(cell_text):
    """The text a person typed, from a typed-text cell of the CSV export: `neutralised` undone."""
    return cell_text[1:] if cell_text.startswith(QUOTE) else cell_text


def cell(value):
    """A CSV cell: lists and schedules as JSON, booleans as true/false, None as empty."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, separators=(",", ":"))
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value
