"""Imports from other apps' files (Loop Habit Tracker, Rewire, Tickmate, HabitBull, Daylio) and
Orbit's own export: each format's module reads a file into a Plan (plan.py), within the limits of
one import (plan.Limits), and apply.py writes a Plan into one user's account in one transaction,
answering with a report."""
import contextlib
import mmap

from .daylio import is_daylio, read_daylio
from .detect import contents, format_of, rewound, size_of, whole
from .habitbull import is_habitbull, read_habitbull
from .loop import read_loop
from .orbit import document_of, read_orbit
from .plan import Limits, TooSlow, limited, too_many_habits
from .rewire import read_rewire, read_tickmate

CSV_READERS = {"habitbull": read_habitbull, "daylio": read_daylio}  # read row by row
SQLITE_READERS = {"loop": read_loop, "rewire": read_rewire, "tickmate": read_tickmate}
FORMATS = ("orbit", "loop", "habitbull", "daylio", "auto")


def read_file(kind, source, user, limits=None):
    """The Plan of a file of this kind ("auto": told from its contents), for `user`: `source`
    is bytes, or a binary file (an upload waiting on disk, read from there). Refused (422) past
    `limits` (plan.Limits; by default its habits and warnings, no deadline); TooSlow past its
    seconds."""
    limits = limits or Limits()
    with limited(limits):
        if kind == "auto":
            kind = format_of(source)
        if kind == "orbit":
            return read_export(document_of(whole(source)), user, limits)
        if kind in CSV_READERS:
            plan = CSV_READERS[kind](rewound(source))
        else:
            with closed_after(contents(source)) as data:
                plan = SQLITE_READERS[kind](data)
    return plan


def read_export(document, user, limits=None):
    """The Plan of an Orbit export (its JSON object), for `user`, within `limits`."""
    limits = limits or Limits()
    with limited(limits):
        plan = read_orbit(document, user)
        if len(plan.habits) > limits.habits:  # listed whole by its schema, then counted
            too_many_habits(limits.habits)
    return plan


@contextlib.contextmanager
def closed_after(data):
    """The file's contents, its map (if it is one) closed after use."""
    try:
        yield data
    finally:
        if isinstance(data, mmap.mmap):
            data.close()


__all__ = ["FORMATS", "Limits", "TooSlow", "read_export", "read_file", "size_of", "is_daylio",
           "is_habitbull"]
