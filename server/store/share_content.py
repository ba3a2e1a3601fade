"""What a share's page shows (issue 25), and nothing more: the chosen habits (never a private
one) and the chosen identities' habits that are not private, week by week as the weekly summary
judges them, and only the parts the user chose (summaries, mood, notes, WHO-5)."""
import datetime

from ..domain import wellbeing as who5
from ..domain.weekly import week_containing, weekly_summary
from ..models import Checkin, Habit, Identity, WellbeingCheck
from .common import local_today, week_start_day
from .habits import attach_rules
from .wellbeing import answers_of
from .weekly import habit_inputs, moods_between

WEEK = datetime.timedelta(days=7)


def shared_habits(share):
    """The habits the share shows as they are now: chosen, or of a chosen identity; never a
    private or archived one, whatever was chosen when."""
    chosen = Habit.id.in_(share.habit_ids or [0])
    if share.identity_ids:
        chosen = chosen | Habit.identity.in_(share.identity_ids)
    return attach_rules(list(Habit.shown().where(
        Habit.user == share.user_id, Habit.private == False,  # noqa: E712
        Habit.archived_at.is_null(), chosen)
        .order_by(Habit.position, Habit.id)))


def share_content(share):
    """The page's content: {name, today, weeks: [summary...] newest first, habits, identities,
    mood: [(week_start, average)], wellbeing: [(day, score)] or None, notes: [...]}."""
    user = share.user
    today = local_today(user)
    newest = week_containing(today, week_start_day(user))
    first = newest - (share.weeks - 1) * WEEK
    habits = shared_habits(share)
    identities = [(i.id, i.statement) for i in Identity.select().where(
        Identity.user == user, Identity.id.in_(share.identity_ids or [0])).order_by(
        Identity.position, Identity.id)]
    inputs = habit_inputs(user, habits, today, only_theirs=True)
    moods = moods_between(user, first - WEEK, today) if share.mood else {}
    weeks = [weekly_summary(inputs, identities, moods, newest - back * WEEK, today,
                            hide_private=True) for back in range(share.weeks)]
    return {
        "name": share.name, "today": today, "first": first,
        "habits": [{"id": h.id, "name": h.name} for h in habits],
        "identities": [{"id": i, "statement": s,
                        "habits": [h.name for h in habits if h.identity_id == i]}
                       for i, s in identities],
        "weeks": weeks,
        "mood": [(w["week_start"], w["mood"]["average"]) for w in reversed(weeks)]
        if share.mood else None,
        "wellbeing": scores_between(user, first, today) if share.wellbeing else None,
        "notes": notes_of(user, habits, first, today) if share.notes else None,
    }


def scores_between(user, first, last):
    """[(day, WHO-5 score)] of the user's checks from first to last, oldest first."""
    return [(check.day, who5.score(answers_of(check))) for check in WellbeingCheck.select().where(
        WellbeingCheck.user == user, WellbeingCheck.day.between(first, last))
        .order_by(WellbeingCheck.day)]


def notes_of(user, habits, first, last):
    """The shown habits' check-in notes in the shown weeks, newest first."""
    names = {h.id: h.name for h in habits}
    rows = (Checkin.select(Checkin.habit, Checkin.day, Checkin.note)
            .where(Checkin.user == user, Checkin.habit.in_(list(names) or [0]),
                   Checkin.day.between(first, last),
                   Checkin.note != "").order_by(Checkin.day.desc(), Checkin.id).limit(200))
    return [{"day": day, "habit": names[habit_id], "note": note}
            for habit_id, day, note in rows.tuples()]
