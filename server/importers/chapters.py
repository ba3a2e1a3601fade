"""Chapters and weekly answers of an Orbit export (issue 24), written in the import's last
transaction: a chapter matched by its uuid among the user's (kept on restore when no chapter has
it yet), a week's answer by its week; importing the same file twice changes nothing."""
from ..models import Chapter, WeekAnswer
from ..domain.prompts import prompt_for_week
from .orbit import naive_utc


def apply_chapters(user, plan, report):
    """Create or bring up to date the export's chapters and weekly answers (a plan of another
    format has none). The counts go to the report under `chapters` and `week_answers`."""
    created, updated = report["created"], report["updated"]
    for kind in ("chapters", "week_answers"):
        created.setdefault(kind, 0)
        updated.setdefault(kind, 0)
    for record in getattr(plan, "chapters", ()):
        fields = {"name": record["name"], "start": record["start"]}
        chapter = Chapter.get_or_none(Chapter.user == user, Chapter.uuid == record["uuid"])
        if chapter is None:
            taken = Chapter.select().where(Chapter.uuid == record["uuid"]).exists()
            # another account's uuid: one of the importer's own, found again by name and day
            if taken and Chapter.select().where(
                    Chapter.user == user, Chapter.name == fields["name"],
                    Chapter.start == fields["start"]).exists():
                continue
            Chapter.create(user=user, **fields, **({} if taken else {"uuid": record["uuid"]}),
                           **({"created_at": naive(record["created_at"])}
                              if record.get("created_at") else {}))
            created["chapters"] += 1
        elif (chapter.name, chapter.start) != (fields["name"], fields["start"]):
            Chapter.update(**fields).where(Chapter.id == chapter.id).execute()
            updated["chapters"] += 1
    for record in getattr(plan, "week_answers", ()):
        week_answer(user, record, created, updated)


def week_answer(user, record, created, updated):
    """One week's answer: the file's when the week has none or an older one."""
    stored = WeekAnswer.get_or_none(WeekAnswer.user == user,
                                    WeekAnswer.week_start == record["week_start"])
    key, question = prompt_for_week(record["week_start"])
    fields = {"prompt": record.get("prompt") or key, "question": record.get("question") or question,
              "answer": record["answer"]}
    when = naive(record.get("updated_at"))
    if stored is None:
        WeekAnswer.create(user=user, week_start=record["week_start"], **fields,
                          **({"updated_at": when} if when else {}))
        created["week_answers"] += 1
    elif stored.answer != fields["answer"] and when is not None and when > stored.updated_at:
        WeekAnswer.update(**fields, updated_at=when).where(WeekAnswer.id == stored.id).execute()
        updated["week_answers"] += 1


def naive(instant):
    """An instant as the database keeps it (naive UTC)."""
    return naive_utc(instant)
