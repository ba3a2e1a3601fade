"""The weekly summary as RULES.md shapes it, and the week-by-week history, from plain values."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from .model import BUILD, MINUTES, PER_MONTH, QUIT, Entry, Habit, rule_on
from .moodlinks import link_text, mood_link
from .periods import MISSED, OPEN
from .plans import plan_of
from .summary import (MONTHS, WEEKS, HabitHistory, closing_month, month_rate, month_rates,
                      suggestion)
from .wording import SOURCE, listed, streak_length

ONE_DAY = timedelta(days=1)
WEEK = timedelta(days=7)
LINK_DAYS = 90
MAX_LINKS = 3
PRIVATE = "Private habit"  # the source; a summary names one in its reader's words


@dataclass(frozen=True)
class HabitInput:
    """What the summary needs of one habit: its fields, its domain spec and its check-ins."""

    id: int
    name: str
    identity_id: int | None
    kind: str
    measure: str
    unit: str
    target: float | None
    schedule: dict
    private: bool
    archived_on: date | None
    spec: Habit
    entries: list[Entry]
    appointment: bool = False  # never suggested larger or smaller
    plan_cue: str = ""
    plan_action: str = ""


def week_containing(day: date, week_start: int) -> date:
    """The first day of the user's week holding day (week_start: Monday = 0, Sunday = 6)."""
    return day - timedelta(days=(day.weekday() - week_start) % 7)


def weekly_summary(habits: list[HabitInput], identities: list[tuple[int, str]],
                   moods: dict[date, int], week_start: date, today: date,
                   hide_private: bool = False, words=SOURCE) -> dict:
    """The summary of the week from week_start, as of today. With hide_private, private habits
    are named "Private habit" everywhere (for what leaves the app: email). Its sentences are in
    `words` (server/domain/wording.py)."""
    week_end = week_start + 6 * ONE_DAY
    last = min(week_end, today)
    complete = week_end < today
    rows, histories, previous_weeks, links, records = [], {}, {}, [], {}
    for habit in habits:
        if habit.archived_on is not None and habit.archived_on <= week_end:
            continue
        history = HabitHistory(habit.spec, habit.entries, last)
        this = history.week(week_start)
        if this is None:
            continue
        name = words._("Private habit") if habit.private and hide_private else habit.name
        histories[habit.id], previous_weeks[habit.id] = history, history.week(week_start - WEEK)
        records[habit.id] = history.record_in(week_start, last)
        rows.append(habit_row(habit, name, history, this, previous_weeks[habit.id], week_start,
                              last, complete, hidden=habit.private and hide_private,
                              words=words))
        rows[-1]["record"] = records[habit.id] is not None
        link = habit_mood_link(habit, history, moods, last)
        if link is not None and not (habit.private and hide_private):
            links.append({"kind": "mood_link", "habit_id": habit.id, **link,
                          "text": link_text(habit.name, habit.kind == QUIT, link, words)})
    links.sort(key=lambda link: -abs(link["mood_done"] - link["mood_not_done"]))
    by_id = {habit.id: habit for habit in habits}
    identity_rows = [identity_votes(identity_id, statement, by_id, histories, week_start, last)
                     for identity_id, statement in identities]
    summary = {
        "week_start": week_start.isoformat(), "week_end": week_end.isoformat(),
        "complete": complete,
        "totals": totals(rows, previous_weeks, by_id),
        "habits": rows, "identities": identity_rows,
        "mood": mood_of(moods, week_start, last),
        "insights": links[:MAX_LINKS],
    }
    summary["highlights"] = highlights(summary, records, words)
    return summary


def habit_row(habit, name, history, this, previous, week_start, last, complete,
              hidden=False, words=SOURCE) -> dict:
    """One habit's line of the summary (RULES.md)."""
    _, current = history.streaks(last)
    row = {"habit_id": habit.id, "name": name, "identity_id": habit.identity_id,
           "schedule": habit.schedule, "scheduled": this.scheduled, "done": this.done,
           "skipped": this.skipped, "paused": this.paused, "rate": _rounded(this.rate),
           "value_total": this.value_total,
           "streak": {"current": current.length, "unit": current.unit},
           "strength_start": history.strength_on(week_start - ONE_DAY),
           "strength_end": history.strength_on(last),
           "suggestion": None, "plan": None}
    if complete:
        monthly = by_month(habit, last)
        if still_open(habit, last) and not habit.appointment:
            rates = (month_rates(history.periods, habit.spec, week_start, last) if monthly
                     else None if previous is None else (this.rate, previous.rate))
            row["suggestion"] = suggestion(habit.spec, name, habit.unit, rates, habit.target,
                                           habit.schedule, MONTHS if monthly else WEEKS, words)
        # A private habit's plan names it as surely as its name does.
        if not hidden and struggled(habit, this, history.periods, week_start, last, monthly):
            row["plan"] = plan_of(habit.plan_cue, habit.plan_action)
    if this.month_required is not None:
        row.update(month_done=this.month_done, month_required=this.month_required)
    return row


def by_month(habit, last) -> bool:
    """Whether the habit's week is judged by its month (a per_month build habit)."""
    return habit.kind == BUILD and rule_on(habit.spec, last).schedule.type == PER_MONTH


def struggled(habit, this, periods, week_start, last, monthly) -> bool:
    """A complete week that went hard, where a plan may help: a build habit below half of what
    was asked (a per_month one: below half in the month that ended in the week), a quit habit
    with a slip."""
    if monthly:
        index = closing_month(periods, week_start, last)
        rate = None if index is None else month_rate(periods[index])
    else:
        rate = this.rate
    if rate is None:
        return False
    return rate < 1 if habit.kind == QUIT else rate < 0.5


def still_open(habit, last) -> bool:
    """Whether a week's suggestion still stands: not when the habit's rule has changed since
    the week (the suggestion was taken, or another change made), which would only suggest the
    same step again from the new rule."""
    return rule_on(habit.spec, last) == habit.spec.rules[-1]


def totals(rows, previous_weeks, by_id) -> dict:
    """Scheduled, done and rate over the habits counted by week (per_month ones are not)."""
    counted = [row for row in rows if row["scheduled"] is not None]
    scheduled = sum(row["scheduled"] for row in counted)
    done = sum(row["done"] for row in counted)
    before = [previous_weeks[row["habit_id"]] for row in counted]
    before = [week for week in before if week is not None and week.scheduled is not None]
    before_scheduled = sum(week.scheduled for week in before)
    def in_minutes(row):
        habit = by_id[row["habit_id"]]
        return (habit.kind, habit.measure) == (BUILD, MINUTES)
    minutes = sum(row["value_total"] for row in rows if in_minutes(row))
    return {"scheduled": scheduled, "done": done,
            "rate": _rounded(done / scheduled if scheduled else None),
            "previous_rate": _rounded(sum(w.done for w in before) / before_scheduled
                                      if before_scheduled else None),
            "minutes": minutes}


def identity_votes(identity_id, statement, by_id, histories, week_start, last) -> dict:
    """Votes (done or kept days of the identity's habits) this week and the week before."""
    mine = [histories[h] for h in histories if by_id[h].identity_id == identity_id]
    return {"identity_id": identity_id, "statement": statement,
            "votes": sum(h.votes(week_start, last) for h in mine),
            "previous_votes": sum(h.votes(week_start - WEEK, week_start - ONE_DAY) for h in mine)}


def mood_of(moods: dict[date, int], week_start: date, last: date) -> dict:
    """The week's mood average and the previous week's (None without reflections)."""
    this = [m for d, m in moods.items() if week_start <= d <= last]
    before = [m for d, m in moods.items() if week_start - WEEK <= d < week_start]
    return {"average": round(fmean(this), 2) if this else None, "days": len(this),
            "previous_average": round(fmean(before), 2) if before else None}


def habit_mood_link(habit: HabitInput, history: HabitHistory, moods: dict[date, int],
                    last: date) -> dict | None:
    """Moods on done (kept) days against due-but-not-done (slipped) days, over 90 days."""
    first = max(last - (LINK_DAYS - 1) * ONE_DAY, habit.spec.start_date)
    ledger = history.ledger
    unmet = set()
    if habit.kind != QUIT:  # days of unmet periods that asked for something, not skipped
        for period in history.periods:
            if period.end >= first and period.state in (MISSED, OPEN) and period.required:
                day = max(period.start, first)
                while day <= min(period.end, last):
                    unmet.add(day.toordinal())
                    day += ONE_DAY
    done, not_done = [], []
    for day, mood in moods.items():
        if not first <= day <= last:
            continue
        ordinal = day.toordinal()
        if habit.kind == QUIT:
            if ordinal not in ledger.skipped:  # a paused day is neither kept nor slipped
                (not_done if ordinal in ledger.slipped else done).append(mood)
        elif ordinal in ledger.done:
            done.append(mood)
        elif ordinal in unmet and ordinal not in ledger.skipped:
            not_done.append(mood)
    return mood_link(done, not_done)


def highlights(summary: dict, records: dict, words=SOURCE) -> list[str]:
    """Short sentences: records, the longest streak, the identity with the most votes."""
    lines = []
    for row in summary["habits"]:
        record = records[row["habit_id"]]
        if record is not None:
            lines.append(words._("New record: {habit}, {streak} in a row.", habit=row["name"],
                                 streak=streak_length(record.length, record.unit, words)))
    alive = [row for row in summary["habits"] if row["streak"]["current"] >= 2]
    if alive:
        longest = max(alive, key=lambda row: row["streak"]["current"])
        if not longest["record"]:
            streak = longest["streak"]
            lines.append(words._("Longest streak: {habit}, {streak}.", habit=longest["name"],
                                 streak=streak_length(streak["current"], streak["unit"], words)))
    voted = [row for row in summary["identities"] if row["votes"]]
    if voted:
        most = max(row["votes"] for row in voted)
        top = [row["statement"] for row in voted if row["votes"] == most]
        if len(top) == 1:
            lines.append(words._("Most votes: “{identity}” ({votes}).", identity=top[0],
                                 votes=most))
        else:  # a tie names every identity in it
            quoted = [words.pgettext("an identity named in a list", "“{identity}”", identity=name)
                      for name in top]
            lines.append(words._("Most votes: {identities} ({votes} each).",
                                 identities=listed(quoted, words), votes=most))
    return lines


def history_rows(habits: list[HabitInput], moods: dict[date, int], newest: date, weeks: int,
                 today: date) -> list[dict]:
    """One row per week, newest first, from the week starting `newest` back."""
    histories = [(habit, HabitHistory(habit.spec, habit.entries, today)) for habit in habits]
    rows = []
    for back in range(weeks):
        week_start = newest - back * WEEK
        last = min(week_start + 6 * ONE_DAY, today)
        done = scheduled = votes = 0
        for habit, history in histories:
            if habit.archived_on is not None and habit.archived_on <= week_start + 6 * ONE_DAY:
                continue
            week = history.week(week_start)
            if week is not None and week.scheduled is not None:
                done, scheduled = done + week.done, scheduled + week.scheduled
            if habit.identity_id is not None:
                votes += history.votes(week_start, last)
        mood = mood_of(moods, week_start, last)["average"]
        rows.append({"week_start": week_start.isoformat(), "done": done, "scheduled": scheduled,
                     "rate": _rounded(done / scheduled if scheduled else None), "votes": votes,
                     "mood_average": mood})
    return rows


def _rounded(rate: float | None) -> float | None:
    return None if rate is None else round(rate, 4)

