"""The mood history (issue 25): a year in pixels, mood by weekday, and one month's entries.

Pure rules on plain values; "today" is passed in. A day has at most one mood (one reflection a
day), so a cell is that mood, empty (no mood that day) or still to come.
"""
import datetime
from dataclasses import dataclass

FIRST_DAY = datetime.date(1970, 1, 1)  # no earlier day exists for Orbit
MOODS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class DayMood:
    """A day's reflection as the history needs it."""
    day: datetime.date
    mood: int
    note: str = ""


@dataclass(frozen=True)
class Cell:
    day: datetime.date
    mood: int | None
    state: str  # "mood", "empty" (a past or present day without one) or "future"


@dataclass(frozen=True)
class WeekdayMood:
    weekday: int  # Monday = 0 ... Sunday = 6
    count: int
    average: float | None  # None when no day of that weekday has a mood


@dataclass(frozen=True)
class YearSummary:
    count: int  # days with a mood
    average: float | None
    counts: tuple  # days of each mood, 1 to 5


@dataclass(frozen=True)
class MonthPage:
    start: datetime.date  # its first day
    end: datetime.date  # its last day
    previous: datetime.date | None  # first day of the month before, when there is one to see
    next: datetime.date | None
    entries: list  # DayMood, newest first

    @property
    def month(self):
        """The month, as its first day."""
        return self.start


def average(moods):
    """The mean of some moods, to two decimals; None for none."""
    return round(sum(moods) / len(moods), 2) if moods else None


def year_cells(year, moods, today):
    """One cell a day from 1 January to 31 December of `year`."""
    by_day = {entry.day: entry.mood for entry in moods}
    day, end, cells = datetime.date(year, 1, 1), datetime.date(year, 12, 31), []
    while True:
        mood = by_day.get(day)
        state = "mood" if mood is not None else "future" if day > today else "empty"
        cells.append(Cell(day, mood, state))
        if day == end:
            return cells
        day += datetime.timedelta(days=1)


def weekday_moods(moods, first_weekday=0):
    """The average mood of each weekday, with how many days it rests on, in week order."""
    by_weekday = {weekday: [] for weekday in range(7)}
    for entry in moods:
        by_weekday[entry.day.weekday()].append(entry.mood)
    order = [(first_weekday + offset) % 7 for offset in range(7)]
    return [WeekdayMood(weekday, len(by_weekday[weekday]), average(by_weekday[weekday]))
            for weekday in order]


def year_summary(moods):
    """How many days of the year have a mood, their average, and the days of each mood."""
    values = [entry.mood for entry in moods]
    return YearSummary(len(values), average(values),
                       tuple(values.count(mood) for mood in MOODS))


def months_of_year(moods):
    """The year's figures month by month, January first: the text equivalent of the calendar."""
    by_month = {month: [] for month in range(1, 13)}
    for entry in moods:
        by_month[entry.day.month].append(entry)
    return [year_summary(by_month[month]) for month in range(1, 13)]


def month_end(month):
    """The last day of the month that begins on `month`."""
    after = next_month(month)
    return after - datetime.timedelta(days=1) if after else datetime.date.max


def next_month(month):
    """The first day of the month after the one that begins on `month`; None after 9999-12."""
    if month.year == datetime.MAXYEAR and month.month == 12:
        return None
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def previous_month(month):
    """The first day of the month before; None before January 1970."""
    if month <= FIRST_DAY:
        return None
    return (month - datetime.timedelta(days=1)).replace(day=1)


def month_page(month, moods, today, first_mood_day=None):
    """The month that begins on `month`: its entries newest first, and the months either side.
    Earlier months are offered back to the first mood (or to this month when there is none);
    later ones up to today's month."""
    end = month_end(month)
    entries = sorted((entry for entry in moods if month <= entry.day <= end),
                     key=lambda entry: entry.day, reverse=True)
    earliest = min(first_mood_day or today, today).replace(day=1)
    before = previous_month(month)
    after = next_month(month)
    return MonthPage(month, end, before if before and before >= earliest else None,
                     after if after and after <= today else None, entries)


def history_years(mood_years, year, today):
    """The years to offer: those with a mood, today's and the one on show, oldest first."""
    return sorted(set(mood_years) | {year, today.year})
