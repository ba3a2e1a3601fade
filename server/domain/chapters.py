"""New chapters (the fresh-start effect, Dai, Milkman & Riis 2014): which chapter is current,
the evidence counted since it, and the landmark at which Today offers a fresh start.

A landmark is the first day of a week, of a month, or a chapter's anniversary. Its offer stands
for OFFER_DAYS from that day (a person who does not open the app on the Monday still sees it on
the Tuesday), for landmarks after the day the account began and after the day the last offer was
set aside: setting one aside sets aside every landmark up to that day, so each is offered once."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .ledger import Ledger

LANDMARKS = ("week", "month", "anniversary")
DEFAULT_LANDMARKS = ("month", "anniversary")
OFFER_DAYS = 3
# When two landmarks fall together, the rarer one is offered (a month's first day on a Monday).
RARITY = {"week": 0, "month": 1, "anniversary": 2}


@dataclass(frozen=True)
class Chapter:
    id: int
    name: str
    start: date


def current_chapter(chapters: list[Chapter], day: date) -> Chapter | None:
    """The chapter that began last on or before `day` (ties: the later made), or None."""
    begun = [c for c in chapters if c.start <= day]
    return max(begun, key=lambda c: (c.start, c.id), default=None)


def anniversary_in(start: date, year: int) -> date:
    """The chapter's anniversary in `year` (29 February falls on the 28th in other years)."""
    return date(year, start.month, min(start.day, calendar.monthrange(year, start.month)[1]))


def last_anniversary(start: date, day: date) -> date | None:
    """The latest anniversary of `start` on or before `day` (a year or more after it), or None."""
    if day.year <= start.year:
        return None
    found = anniversary_in(start, day.year)
    if found > day:
        found = anniversary_in(start, day.year - 1) if day.year - 1 > start.year else None
    return found


def landmarks_on(day: date, week_start: int, kinds, chapters: list[Chapter]) -> list[dict]:
    """The landmarks whose offer could stand on `day`: this week's and this month's first day,
    each chapter's latest anniversary."""
    found = []
    if "week" in kinds:
        found.append({"landmark": "week", "date": day - timedelta(
            days=(day.weekday() - week_start) % 7), "chapter": None, "years": None})
    if "month" in kinds:
        found.append({"landmark": "month", "date": day.replace(day=1), "chapter": None,
                      "years": None})
    if "anniversary" in kinds:
        for chapter in chapters:
            when = last_anniversary(chapter.start, day)
            if when is not None:
                found.append({"landmark": "anniversary", "date": when, "chapter": chapter,
                              "years": when.year - chapter.start.year})
    return found


def fresh_start_offer(day: date, week_start: int, kinds, chapters: list[Chapter], joined: date,
                      dismissed: date | None) -> dict | None:
    """The fresh start Today offers on `day`, or None: a landmark of the chosen kinds whose offer
    stands (from its day for OFFER_DAYS), after the account began and after the last one set
    aside; the rarest, then the latest, when several stand."""
    standing = [m for m in landmarks_on(day, week_start, kinds, chapters)
                if m["date"] <= day < m["date"] + timedelta(days=OFFER_DAYS)
                and m["date"] > joined and (dismissed is None or m["date"] > dismissed)]
    if not standing:
        return None
    best = max(standing, key=lambda m: (RARITY[m["landmark"]], m["date"]))
    return {**best, "chapter": best["chapter"] or current_chapter(chapters, day)}


def votes_between(habits, first: date, last: date) -> int:
    """Votes (done days; kept days of quit habits) of (spec, entries) pairs from first to last,
    both included (0 when last is before first). Entries from `first` on are enough: a vote is
    one day's."""
    if last < first:
        return 0
    return sum(Ledger(spec, entries, last).done_between(max(first, spec.start_date), last)
               for spec, entries in habits if spec.start_date <= last)
