"""Telling a file's format from its contents (the app's one "Import a file" button): a SQLite
database is a Loop, Rewire or Tickmate backup by its tables; text is an Orbit export (JSON) or a
HabitBull or Daylio CSV by its first line. A file is bytes, or a binary file (an upload waiting
on disk), of which only the first bytes are read here."""
import io
import mmap

from .csv_files import first_line
from .daylio import is_daylio
from .habitbull import is_habitbull
from .loop import is_loop
from .orbit import is_orbit
from .plan import refuse
from .rewire import is_rewire, is_tickmate
from .sqlite_files import is_sqlite, opened, tables

SUPPORTED = ("Orbit exports, Loop Habit Tracker, Rewire and Tickmate backups, and HabitBull and "
             "Daylio CSV files")
HEAD = 4096  # bytes enough to tell a format by
SMALL = 1024 * 1024  # a file up to this size is read into memory; a larger one mapped


def format_of(source):
    """"orbit", "loop", "rewire", "tickmate", "habitbull" or "daylio"; refused otherwise."""
    head = head_of(source)
    if is_sqlite(head):
        with opened(contents(source), "a backup Orbit can read") as db:
            names = tables(db)
        for kind, test in (("loop", is_loop), ("rewire", is_rewire), ("tickmate", is_tickmate)):
            if test(names):
                return kind
        refuse(f"This database is not one Orbit can import. It reads {SUPPORTED}.")
    if is_orbit(head):
        return "orbit"
    if head.startswith(b"PK\x03\x04"):  # a zip: Orbit's own CSV export, most likely
        refuse("This is a zip file. Orbit's CSV export is for spreadsheets and does not import "
               "back: import the JSON export (orbit-export-….json) instead. "
               f"Orbit reads {SUPPORTED}.")
    line = first_line(head)
    if is_habitbull(line):
        return "habitbull"
    if is_daylio(line):
        return "daylio"
    refuse(f"Orbit cannot tell what this file is. It reads {SUPPORTED}.")


def is_bytes(source):
    return isinstance(source, (bytes, bytearray, memoryview))


def head_of(source):
    """The first bytes of a file, the file left where it was."""
    if is_bytes(source):
        return bytes(source[:HEAD])
    position = source.tell()
    head = source.read(HEAD)
    source.seek(position)
    return head


def rewound(source):
    """The file ready to be read from its start."""
    if not is_bytes(source):
        source.seek(0)
    return source


def contents(source):
    """The whole file as bytes; a large file on disk as a read-only map of it, which SQLite's
    copy (sqlite_files.opened) reads page by page instead of holding it all in memory."""
    if is_bytes(source):
        return source
    size = source.seek(0, io.SEEK_END)
    source.seek(0)
    if size <= SMALL:
        return source.read()
    try:
        return mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):  # not a file on disk
        return source.read()


def whole(source):
    """The whole file as bytes (an Orbit export: JSON is parsed whole)."""
    return source if is_bytes(source) else rewound(source).read()


def size_of(source):
    """The file's size in bytes."""
    if is_bytes(source):
        return len(source)
    position = source.tell()
    size = source.seek(0, io.SEEK_END)
    source.seek(position)
    return size


__all__ = ["format_of", "contents", "head_of", "rewound", "whole", "size_of"]
