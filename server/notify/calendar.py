"""The calendar feed (RFC 5545, built with icalendar): one recurring event per enabled habit or
reflection reminder, in the user's time zone, with an alarm at the event. A feed cannot know what
is done, so skip-if-done does not apply; private habits are "Private habit". A habit's if-then plan
("When I get home: walk 20 minutes") is the alarm's text, never a private habit's."""
import datetime
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone, vRecur

from .. import i18n
from ..store.reminders import day_start_of, plan_line, time_of

BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def feed(user, reminders, habits, specs, today, base_url, pauses=()):
    """The .ics bytes of the user's reminders (`habits`, `specs`: by habit id), leaving out the
    days a pause rests (`pauses`: the user's, running on or after today)."""
    zone, words = ZoneInfo(user.timezone), i18n.words_for(user)
    calendar = Calendar()
    calendar.add("prodid", "-//Orbit//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", words._("Orbit reminders"))
    calendar.add("x-wr-timezone", user.timezone)
    since = today - datetime.timedelta(days=1)
    calendar.add_component(Timezone.from_tzinfo(zone, first_date=since))
    for reminder in reminders:
        habit = habits.get(reminder.habit_id)
        if reminder.target == "weekly_summary" or not reminder.enabled or (
                habit is not None and habit.archived):
            continue
        days = list(reminder.days)
        spec = specs.get(reminder.habit_id)
        if spec is not None and spec.kind == "build":
            schedule = spec.rules[-1].schedule
            if schedule.type == "weekdays":  # only the days the habit's schedule asks for
                days = [d for d in days if d in schedule.days]
        if not days:
            continue
        title = (words._("How was today?") if habit is None else
                 words._("Private habit") if habit.private else habit.name)
        plan = None if habit is None or habit.private else plan_line(habit, words)
        start = datetime.datetime.combine(max(today, habit.start_date if habit else today),
                                          time_of(reminder), zone)
        rests = [p for p in pauses if p.habit_id in (reminder.habit_id, None)]
        if any(p.end is None and p.start <= start.date() for p in rests):
            continue  # paused until resumed: nothing to remind of for now
        event = Event()
        event.add("uid", f"{reminder.uuid}@orbit")
        event.add("summary", title)
        if plan is not None:
            event.add("description", plan)
        event.add("dtstamp", datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0))
        event.add("dtstart", start)
        event.add("duration", datetime.timedelta(minutes=5))
        recur = vRecur(freq="weekly", byday=[BYDAY[d] for d in days])
        shift = calendar_shift(start, day_start_of(user))
        until = min((p.start for p in rests if p.end is None), default=None)
        if until is not None:  # the last time before a pause that runs until resumed
            last = datetime.datetime.combine(until + shift, start.time(), zone)
            recur["until"] = (last - datetime.timedelta(days=1)).astimezone(datetime.timezone.utc)
        event.add("rrule", recur)
        skipped = paused_times(rests, start, days, shift)
        if skipped:
            event.add("exdate", skipped)
        event.add("url", f"{base_url}/#/habit/{habit.id}" if habit else f"{base_url}/#/today")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", plan or title)
        alarm.add("trigger", datetime.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def calendar_shift(start, day_start):
    """A time before the user's day start falls on the calendar's next day (the user's 01:00 of
    Monday, with days turning at 04:00, is Tuesday 01:00)."""
    before = start.time() < (datetime.datetime.min + day_start).time()
    return datetime.timedelta(days=1 if before else 0)


def paused_times(rests, start, days, shift):
    """The event's times from `start` on that fall on a user's day a bounded pause rests, for
    EXDATE."""
    times = set()
    for pause in rests:
        if pause.end is None:
            continue
        day = pause.start
        while day <= pause.end:
            at = datetime.datetime.combine(day + shift, start.time(), start.tzinfo)
            if at >= start and at.weekday() in days:
                times.add(at)
            day += datetime.timedelta(days=1)
    return sorted(times)
