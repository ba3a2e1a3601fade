"""What a format's reader hands to apply.py: the file's objects in Orbit's terms, each keyed by
the source's own id (so a second import finds what the first one made), and the warnings about
what could not be mapped exactly. A file is read within limits (`limited`): so many habits, so
many warnings listed, so many seconds; a plan holds what a file may make, never more."""
import contextlib
import contextvars
import dataclasses
import datetime
import time

from marshmallow import ValidationError

EPOCH = datetime.date(1970, 1, 1)
NAME_MAX, DESCRIPTION_MAX, UNIT_MAX, NOTE_MAX, MOOD_NOTE_MAX = 80, 500, 20, 1000, 2000
VALUE_MAX = 1_000_000
NOTED_MAX = 10_000  # distinct warnings remembered (to note each once); past it, only counted


@dataclasses.dataclass(frozen=True)
class Limits:
    """What one file may make an import do: habits in it, warnings listed (then one line says
    how many more), seconds to read it (None: no deadline)."""
    habits: int = 500  # Loop allows any number; hundreds is more than anyone keeps
    warnings: int = 100
    seconds: float | None = None

    @classmethod
    def of(cls, config):
        """What one import may do on this server (config IMPORT_*), over HTTP or `flask import`."""
        return cls(habits=config["IMPORT_MAX_HABITS"], warnings=config["IMPORT_MAX_WARNINGS"],
                   seconds=config["IMPORT_SECONDS"])


class TooSlow(Exception):
    """Reading a file took longer than its limit: nothing was changed."""

    def __init__(self, seconds):
        super().__init__(f"Reading the file took longer than {seconds:g} seconds.")
        self.seconds = seconds


BUDGET = contextvars.ContextVar("import_budget", default=(Limits(), None))  # limits, deadline


@contextlib.contextmanager
def limited(limits):
    """Read a file within `limits`: the plan's lists and `in_time` check them as they go."""
    deadline = time.monotonic() + limits.seconds if limits.seconds else None
    token = BUDGET.set((limits, deadline))
    try:
        yield
    finally:
        BUDGET.reset(token)


def current_limits():
    """The limits of the file being read (the defaults outside `limited`)."""
    return BUDGET.get()[0]


def in_time():
    """Stop reading (TooSlow) once the file being read is past its deadline."""
    limits, deadline = BUDGET.get()
    if deadline is not None and time.monotonic() > deadline:
        raise TooSlow(limits.seconds)


def too_many_habits(limit, what="habits"):
    """The refusal of a file with more habits than one import makes."""
    refuse(f"This file has more than {limit:,} {what}, and one import makes at most {limit:,} "
           "habits: nothing was changed.")


class Habits(list):
    """A plan's habits, refused past the limit as a reader adds them (so a file of a million
    habits is not read whole first)."""

    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def append(self, habit):
        if len(self) >= self.limit:
            too_many_habits(self.limit)
        in_time()
        super().append(habit)


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
    habits: list = dataclasses.field(default_factory=lambda: Habits(current_limits().habits))
    reminders: list = dataclasses.field(default_factory=list)
    reflections: dict = dataclasses.field(default_factory=dict)  # date -> {mood, note}
    pauses: list = dataclasses.field(default_factory=list)
    warnings: list = dataclasses.field(default_factory=list)
    warnings_limit: int = dataclasses.field(
        default_factory=lambda: current_limits().warnings, repr=False, compare=False)
    noted: set = dataclasses.field(default_factory=set, repr=False, compare=False)
    unlisted: int = dataclasses.field(default=0, repr=False, compare=False)

    def warn(self, text):
        """Note something that could not be mapped exactly (each text once; past the limit,
        the last line counts the ones not listed)."""
        if text in self.noted:  # a set: a list searched item by item made big files quadratic
            return
        in_time()
        if len(self.noted) < NOTED_MAX:
            self.noted.add(text)
        if len(self.warnings) < self.warnings_limit:
            self.warnings.append(text)
            return
        self.unlisted += 1
        line = f"… and {self.unlisted:,} more warning{'s' if self.unlisted > 1 else ''}."
        if self.unlisted == 1:
            self.warnings.append(line)
        else:
            self.warnings[-1] = line


def refuse(message):
    """The file is not what was expected: a 422 naming `file`, and nothing is changed."""
    raise ValidationError({"file": [message]})


def clipped(plan, text, limit, what):
    """`text` cut to `limit` characters, with a warning when it was longer."""
    text = (text or "").replace("\x00", "").strip()
    in_time()
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

