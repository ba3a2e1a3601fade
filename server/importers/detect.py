"""Telling a file's format from its contents (the app's one "Import a file" button): a SQLite
database is a Loop, Rewire or Tickmate backup by its tables; text is an Orbit export (JSON) or a
HabitBull or Daylio CSV by its first line."""
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


def format_of(data):
    """"orbit", "loop", "rewire", "tickmate", "habitbull" or "daylio"; refused otherwise."""
    if is_sqlite(data):
        with opened(data, "a backup Orbit can read") as db:
            names = tables(db)
        for kind, test in (("loop", is_loop), ("rewire", is_rewire), ("tickmate", is_tickmate)):
            if test(names):
                return kind
        refuse(f"This database is not one Orbit can import. It reads {SUPPORTED}.")
    if is_orbit(data):
        return "orbit"
    if data.startswith(b"PK\x03\x04"):  # a zip: Orbit's own CSV export, most likely
        refuse("This is a zip file. Orbit's CSV export is for spreadsheets and does not import "
               "back: import the JSON export (orbit-export-….json) instead. "
               f"Orbit reads {SUPPORTED}.")
    line = first_line(data)
    if is_habitbull(line):
        return "habitbull"
    if is_daylio(line):
        return "daylio"
    refuse(f"Orbit cannot tell what this file is. It reads {SUPPORTED}.")
