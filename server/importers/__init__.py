"""Imports from other apps' files (Loop Habit Tracker, Rewire, Tickmate, HabitBull, Daylio) and
Orbit's own export: each format's module reads a file into a Plan (plan.py), and apply.py writes
a Plan into one user's account in one transaction, answering with a report."""

from .daylio import is_daylio, read_daylio
from .detect import format_of
from .habitbull import is_habitbull, read_habitbull
from .loop import read_loop
from .orbit import document_of, read_orbit
from .rewire import read_rewire, read_tickmate

READERS = {"loop": read_loop, "habitbull": read_habitbull, "daylio": read_daylio,
           "rewire": read_rewire, "tickmate": read_tickmate}
FORMATS = ("orbit", "loop", "habitbull", "daylio", "auto")


def read_file(kind, data, user):
    """The Plan of a file (bytes) of this kind ("auto": told from its contents), for `user`."""
    if kind == "auto":
        kind = format_of(data)
    if kind == "orbit":
        return read_orbit(document_of(data), user)
    return READERS[kind](data)


__all__ = ["FORMATS", "read_file", "is_daylio", "is_habitbull"]
