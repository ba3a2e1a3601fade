"""What a pause changes beyond /today: the cached checkpoints (kept exactly right when a pause in
the past is added, moved or removed), the weekly summary, the reminders the dispatcher sends,
the upcoming list and the calendar feed; on both databases."""
import datetime

from dateutil.rrule import rrulestr
from icalendar import Calendar

from server.models import Habit

from ..conftest import make_habit
from .helpers import day, error_of, put_checkin
from .test_pauses import pause, today_item
from .test_reminders import deliveries, due_now, make_reminder, run


def revision(app, habit):
    with app.app_context():
        return Habit.get_by_id(habit["id"]).revision


def streak_and_strength(client, habit):
    """(current streak, strength) as /today resumes them from its checkpoint, after checking
    that a full recomputation (/stats) agrees."""
    item = today_item(client, habit)
    stats = client.get(f"/habits/{habit['id']}/stats").json
    assert (item["streak"]["current"], item["strength"]) == (
        stats["current_streak"]["length"], stats["strength"])
    return item["streak"]["current"], item["strength"]


def test_checkpoints_follow_pauses_added_moved_and_removed_in_the_past(app, client):
    walk = make_habit(client, start_date=day(-60))
    for offset in [*range(-60, -30), *range(-19, 0)]:  # days -30 to -20 missed
        put_checkin(client, walk, day(offset))
    before = streak_and_strength(client, walk)  # the checkpoint is cached now
    assert before[0] == 19
    own = pause(client, habit_id=walk["id"], start=day(-30), end=day(-20))
    assert streak_and_strength(client, walk)[0] == 49  # the paused days bridge the run
    client.patch(f"/pauses/{own['id']}", {"start": day(-25)})  # moved: -30 to -26 missed again
    moved = streak_and_strength(client, walk)
    assert moved[0] == 19 and moved[1] > before[1]  # fewer missed days to fade it
    client.patch(f"/pauses/{own['id']}", {"start": day(-31), "end": day(-19)})
    assert streak_and_strength(client, walk)[0] == 49
    client.delete(f"/pauses/{own['id']}")
    assert streak_and_strength(client, walk) == before
    everything = pause(client, start=day(-40), end=day(-20))  # a pause of every habit
    assert streak_and_strength(client, walk)[0] == 49
    client.patch(f"/pauses/{everything['id']}", {"end": day(-27)})  # -26 to -20 missed
    assert streak_and_strength(client, walk)[0] == 19
    client.patch(f"/pauses/{everything['id']}", {"end": None})  # open again: rests until now
    assert streak_and_strength(client, walk)[0] == 49
    assert today_item(client, walk)["due"] is False


def test_a_pause_moves_revisions_as_a_back_dated_check_in_does(app, client):
    walk = make_habit(client, start_date=day(-20))
    first = revision(app, walk)
    recent = pause(client, habit_id=walk["id"], start=day(-1), end=day(5))
    assert revision(app, walk) == first  # today and yesterday are never inside a checkpoint
    client.patch(f"/pauses/{recent['id']}", {"end": day(6)})
    client.patch(f"/pauses/{recent['id']}", {"note": "only words"})
    assert revision(app, walk) == first
    old = pause(client, habit_id=walk["id"], start=day(-10), end=day(-8))
    assert revision(app, walk) == first + 1
    client.delete(f"/pauses/{old['id']}")
    assert revision(app, walk) == first + 2
    pause(client, start=day(-12), end=day(-11))
    assert revision(app, walk) == first + 3


def test_paused_days_are_left_out_of_the_weekly_summary(client):
    walk = make_habit(client, name="Walk", start_date=day(-20))
    put_checkin(client, walk, day(-2))
    week = f"/summaries/weekly?date={day(-1)}"
    row = client.get(week).json["habits"][0]
    # Yesterday's pause moves no revision: the cached summary must still see it.
    own = pause(client, habit_id=walk["id"], start=day(-1), end=day(-1))
    paused = client.get(week).json["habits"][0]
    assert (paused["scheduled"], paused["done"], paused["paused"], paused["skipped"]) == (
        row["scheduled"] - 1, row["done"], 1, 0)
    client.delete(f"/pauses/{own['id']}")
    assert client.get(week).json["habits"][0] == row


def test_no_reminders_on_paused_days(app, client):
    walk, read = make_habit(client, name="Walk"), make_habit(client, name="Read")
    quit = make_habit(client, name="No doomscrolling", kind="quit")
    reminders = [make_reminder(client, target="habit", habit_id=h["id"])
                 for h in (walk, read, quit)]
    reflection = make_reminder(client, target="reflection")
    pause(client, habit_id=walk["id"], start=day(-1), end=day())
    pause(client, habit_id=quit["id"], start=day())
    for reminder in [*reminders, reflection]:
        now = due_now(app, reminder)
    run(app, now)
    details = [detail for _, detail in deliveries(app)]
    # Walk and the quit habit rest; Read and the reflection go out (to no device: not paused).
    assert [d == "paused that day" for d in details] == [True, False, True, False]


def test_a_pause_of_everything_silences_every_reminder(app, client):
    walk = make_habit(client, name="Walk")
    reminders = [make_reminder(client, target="habit", habit_id=walk["id"]),
                 make_reminder(client, target="reflection")]
    pause(client, start=day(-3), end=day(3), note="Hospital")
    for reminder in reminders:
        now = due_now(app, reminder)
    assert run(app, now) == {"skipped": 2}
    assert {detail for _, detail in deliveries(app)} == {"paused that day"}


def test_upcoming_and_the_calendar_feed_leave_paused_days_out(client, anon):
    walk = make_habit(client, name="Walk")
    make_reminder(client, target="habit", habit_id=walk["id"], time="08:00")
    make_reminder(client, target="reflection", time="21:00")
    assert len(client.get("/reminders/upcoming?hours=96").json) == 8
    short = pause(client, habit_id=walk["id"], start=day(2), end=day(3))
    pause(client, start=day(1), end=day(1))
    upcoming = client.get("/reminders/upcoming?hours=96").json
    days = sorted((item["at"][:10], item["title"]) for item in upcoming)
    assert days == sorted([(day(), "How was today?"), (day(2), "How was today?"),
                           (day(3), "How was today?"), (day(4), "Walk")])
    feed = anon.get(client.post("/calendar/token").json["url"].split("/api/v1", 1)[1])
    events = {str(e["summary"]): e for e in Calendar.from_ical(feed.data).walk("VEVENT")}
    fired = {}
    for name, event in events.items():
        start = event.decoded("dtstart")
        rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start, forceset=True)
        exdates = event.get("exdate", [])
        for listed in exdates if isinstance(exdates, list) else [exdates]:
            for when in listed.dts:
                rule.exdate(when.dt)
        fired[name] = [f.date().isoformat() for f in rule.between(
            start, start + datetime.timedelta(days=5), inc=True)]
    assert fired["Walk"] == [day(), day(4), day(5)]
    assert day(1) not in fired["How was today?"] and day(2) in fired["How was today?"]
    later = pause(client, habit_id=walk["id"], start=day(6))  # until resumed: stops before it
    feed = anon.get(client.post("/calendar/token").json["url"].split("/api/v1", 1)[1])
    walk_event = next(e for e in Calendar.from_ical(feed.data).walk("VEVENT")
                      if str(e["summary"]) == "Walk")
    until = walk_event["rrule"]["until"][0]
    assert until.date().isoformat() == day(5)
    error_of(client.patch(f"/pauses/{later['id']}", {"start": day(-1)}), 409, "conflict")
    client.delete(f"/pauses/{short['id']}")
    assert client.patch(f"/pauses/{later['id']}", {"start": day(-1)}).status_code == 200
    feed = anon.get(client.post("/calendar/token").json["url"].split("/api/v1", 1)[1])
    summaries = [str(e["summary"]) for e in Calendar.from_ical(feed.data).walk("VEVENT")]
    assert summaries == ["How was today?"]  # paused until resumed from today: no Walk event
