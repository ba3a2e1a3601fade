"""What a format's reader hands to apply.py: the file's objects in Orbit's terms, each keyed by
the source's own id (so a second import finds what the first one made), and the warnings about
what could not be mapped exactly."""
import dataclasses
import datetime

from marshmallow import ValidationError

EPOCH = datetime.date(1970, 1, 1)
NAME_MAX, DESCRIPTION_MAX, UNIT_MAX, NOTE_MAX, MOOD_NOTE_MAX = 80, 500, 20, 1000, 2000
VALUE_MAX = 1_000_000


@dataclasses.dataclass
class HabitPlan:
    """One habit: its fields as POST /habits takes them, its check-ins by date, and (from an
    Orbit export) its whole rule history and identity of the file."""
    key: str
    fields: dict
    checkins: dict = dataclasses.field(default_factory=dict)  # date -> {status, value?, note?}
    start_date: datetime.date | None = None  # the date set; None: the earliest check-in
    identity_key: str | None = None
    rules: list | None = None  # [{effective_from, schedule, target, anchor}], oldest first
    extra: dict = dataclasses.field(default_factory=dict)  # Orbit: uuid, created_at, archived_at


@dataclasses.dataclass
class ReminderPlan:
    key: str
    fields: dict  # as POST /reminders takes them, without habit_id
    habit_key: str | None = None


@dataclasses.dataclass
class IdentityPlan:
    key: str
    fields: dict  # statement, color?, position?
    extra: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Plan:
    """Everything one file holds, for one source (loop, habitbull, daylio, rewire, tickmate,
    orbit)."""
    source: str
    identities: list = dataclasses.field(default_factory=list)
    habits: list = dataclasses.field(default_factory=list)
    reminders: list = dataclasses.field(default_factory=list)
    reflections: dict = dataclasses.field(default_factory=dict)  # date -> {mood, note}
    pauses: list = dataclasses.field(default_factory=list)
    warnings: list = dataclasses.field(default_factory=list)

    def warn(self, text):
        """Note something that could not be mapped exactly (each text once)."""
        if text not in self.warnings:
            self.warnings.append(text)


def refuse(message):
    """The file is not what was expected: a 422 naming `file`, and nothing is changed."""
    raise ValidationError({"file": [message]})


def clipped(plan, text, limit, what):
    """`text` cut to `limit` characters, with a warning when it was longer."""
    text = (text or "").replace("\x00", "").strip()
    if len(text) > limit:
        plan.warn(f"{what} was longer than {limit} characters and was shortened.")
        return text[:limit].rstrip()
    return text


def habit_name(plan, name):
    """A habit name Orbit takes (1 to 80 characters)."""
    return clipped(plan, name, NAME_MAX, f"The name “{(name or '')[:40]}”") or "Untitled habit"


def pace(plan, name, num, den):
    """The Orbit schedule closest to a frequency of `num` times in `den` days, the way Loop
    Habit Tracker writes frequencies; a warning names any that is not exact."""
    if num <= 0 or den <= 0:
        plan.warn(f"“{name}” had no usable frequency; it is daily now.")
        return {"type": "daily"}
    if num >= den:
        if num > den:
            plan.warn(f"“{name}” asked for {num} times in {den} days; it is daily now.")
        return {"type": "daily"}
    if den == 7:
        return {"type": "per_week", "times": num}
    if den in (30, 31):
        return {"type": "per_month", "times": num}
    if num == 1 and 2 <= den <= 365:
        return {"type": "every_n_days", "n": den}
    times = max(1, min(7, round(7 * num / den)))
    plan.warn(f"“{name}” was {num} times in {den} days: Orbit has no such schedule, so it is "
              f"{'daily' if times == 7 else f'{times} times a week'} now.")
    return {"type": "daily"} if times == 7 else {"type": "per_week", "times": times}

