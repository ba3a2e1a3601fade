"""Weekly summaries: the user's habits, check-ins, identities and moods as the domain's values."""
import datetime
from zoneinfo import ZoneInfo

from ..domain import Entry
from ..domain.weekly import HabitInput, history_rows, week_containing, weekly_summary
from ..models import Checkin, Habit, Identity, Reflection
from .common import local_today, week_start_day
from .habits import attach_rules
from .specs import habit_spec

WEEK = datetime.timedelta(days=7)


def last_complete_week(user):
    """The first day of the last week that has ended (the default summary)."""
    return week_containing(local_today(user), week_start_day(user)) - WEEK


def summary_of_week(user, day, hide_private=False):
    """GET /summaries/weekly: the summary of the user's week holding `day`."""
    today = local_today(user)
    week_start = week_containing(day, week_start_day(user))
    moods = moods_until(user, min(week_start + WEEK, today))
    identities = [(i.id, i.statement) for i in
                  Identity.select().where(Identity.user == user).order_by(Identity.position,
                                                                          Identity.id)]
    return weekly_summary(habit_inputs(user, week_start + WEEK), identities, moods, week_start,
                          today, hide_private)


def history(user, weeks):
    """GET /summaries/weekly/history: the last `weeks` weeks, this one first."""
    today = local_today(user)
    newest = week_containing(today, week_start_day(user))
    return history_rows(habit_inputs(user, today), moods_until(user, today), newest, weeks, today)


def habit_inputs(user, until):
    """Every habit of the user (archived ones too) with its check-ins up to `until`."""
    week_start = week_start_day(user)
    habits = attach_rules(list(Habit.select().where(Habit.user == user)
                               .order_by(Habit.position, Habit.id)))
    entries = {h.id: [] for h in habits}
    for habit_id, day, status, value in (
            Checkin.select(Checkin.habit, Checkin.day, Checkin.status, Checkin.value)
            .where(Checkin.user == user, Checkin.day <= until).order_by(Checkin.day).tuples()):
        entries[habit_id].append(Entry(day, status, value))
    zone = ZoneInfo(user.timezone)
    return [HabitInput(id=h.id, name=h.name, identity_id=h.identity_id, kind=h.kind,
                       measure=h.measure, unit=h.unit, target=h.target, schedule=h.schedule,
                       private=h.private, archived_on=archived_on(h, zone),
                       spec=habit_spec(h, week_start), entries=entries[h.id]) for h in habits]


def archived_on(habit, zone):
    """The user's date on which the habit was archived, or None."""
    if habit.archived_at is None:
        return None
    return habit.archived_at.replace(tzinfo=datetime.timezone.utc).astimezone(zone).date()


def moods_until(user, until):
    """The user's moods by day, up to `until`."""
    return {day: mood for day, mood in Reflection.select(Reflection.day, Reflection.mood).where(
        Reflection.user == user, Reflection.day <= until).tuples()}
