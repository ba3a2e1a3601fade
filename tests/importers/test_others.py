"""Rewire and Tickmate databases, the four HabitBull CSV files, and Daylio exports built from
the documented header; and telling every format apart by its contents."""
import datetime

import pytest
from marshmallow import ValidationError

from server.importers.daylio import read_daylio
from server.importers.detect import format_of
from server.importers.habitbull import read_habitbull
from server.importers.rewire import read_rewire, read_tickmate

from .builders import daylio_csv, fixture

D = datetime.date


def by_name(plan):
    return {habit.fields["name"]: habit for habit in plan.habits}


def test_rewire_schedules_days_skips_and_reminder():
    plan = read_rewire(fixture("rewire.db"))
    habits = by_name(plan)
    assert list(habits) == ["Wake up early", "brush teeth", "Sleep early"]
    wake = habits["Wake up early"]
    assert wake.fields["schedule"] == {"type": "weekdays", "days": [0, 2, 4]}  # "1,3,5"
    assert wake.start_date == D(2016, 1, 1)
    assert wake.checkins[D(2016, 1, 1)] == {"status": "done"}
    assert wake.checkins[D(2016, 1, 13)] == {"status": "skipped"}
    assert D(2015, 12, 31) not in wake.checkins and D(2016, 1, 11) not in wake.checkins  # missed
    assert habits["brush teeth"].fields["schedule"] == {"type": "per_week", "times": 3}
    assert habits["Sleep early"].fields["schedule"] == {"type": "every_n_days", "n": 5}
    [reminder] = plan.reminders
    assert reminder.habit_key == habits["brush teeth"].key
    assert reminder.fields == {"target": "habit", "time": "08:00", "days": [0, 1, 2, 3, 6]}


def test_tickmate_tracks_and_ticks():
    plan = read_tickmate(fixture("tickmate.db"))
    habits = by_name(plan)
    assert sorted(habits) == ["I love you", "Sport", "Vegan"]
    sport = habits["Sport"]
    assert sport.fields["measure"] == "check" and len(sport.checkins) == 12
    assert D(2016, 3, 20) in sport.checkins  # month 2 counted from 0: March
    vegan = habits["Vegan"]  # several ticks a day: counted
    assert vegan.fields["measure"] == "count" and vegan.checkins[D(2016, 3, 9)] == {
        "status": "done", "value": 4.0}


def test_habitbull_the_first_file():
    plan = read_habitbull(fixture("habitbull.csv"))
    habits = by_name(plan)
    assert list(habits) == ["Breed dragons", "Reduce sleep", "No-arms pushup",
                            "Grow spiritually"]
    dragons = habits["Breed dragons"]
    assert dragons.fields["description"] == "with love and fire"
    assert dragons.checkins == {D(2016, 3, 18): {"status": "done", "note": "text"},
                                D(2016, 3, 19): {"status": "done"},
                                D(2016, 3, 21): {"status": "done"}}
    assert sorted(habits["No-arms pushup"].checkins) == [  # duplicate rows merged
        D(2016, 3, 15), D(2016, 3, 16), D(2016, 3, 18), D(2016, 3, 21)]
    assert habits["Grow spiritually"].fields["description"].startswith("transcend ego, ")
    assert [i.fields["statement"] for i in plan.identities] == [
        "Diet & Food", "Fitness", "Meditation", "Time Management"]
    assert dragons.identity_key == "category:Diet & Food"


def test_habitbull_us_dates_zeros_and_an_overflowed_value():
    plan = read_habitbull(fixture("habitbull2.csv"))
    habits = by_name(plan)
    assert habits["H1"].checkins == {D(2020, 11, 5): {"status": "done"}}
    assert habits["H2"].checkins == {} and habits["H2"].start_date == D(2020, 11, 5)
    h3 = habits["H3"]
    assert h3.checkins[D(2019, 4, 11)] == {"status": "done", "note": "text"}
    assert D(2019, 4, 13) not in h3.checkins  # 0: not done
    assert any("-2150000000" in warning for warning in plan.warnings)


@pytest.mark.parametrize("name, habit, target, day, value", [
    ("habitbull3.csv", "Pushups", 100.0, D(2021, 9, 1), 30.0),
    ("habitbull4.csv", "Caffeine", 80.0, D(2022, 11, 22), 80.0),
])
def test_habitbull_numbers_above_one_make_a_count_habit(name, habit, target, day, value):
    plan = read_habitbull(fixture(name))
    counted = by_name(plan)[habit]
    assert (counted.fields["measure"], counted.fields["target"]) == ("count", target)
    assert counted.checkins[day] == {"status": "done", "value": value}
    assert any(habit in warning and "median" in warning for warning in plan.warnings)
    if name == "habitbull3.csv":
        assert by_name(plan)["run"].fields["measure"] == "check"


DAYLIO_ROWS = [
    ["2024-03-04", "March 4", "Monday", "9:15 pm", "good", "reading | walk, long", "", "calm"],
    ["2024-03-04", "March 4", "Monday", "8:00 am", "rad", "walk, long", "Morning", "sun"],
    ["2024-03-05", "March 5", "Tuesday", "8:00 pm", "meh", "Café | reading", "", ""],
    ["2024-03-06", "March 6", "Wednesday", "8:00 pm", "sleepy", "walk, long", "", "tired"],
    ["2024-03-07", "March 7", "Thursday", "8:00 pm", "awful", "", "", ""],
    ["2024-03-07", "March 7", "Thursday", "7:00 am", "bad", "walk, long", "", ""],
]


def test_daylio_moods_notes_and_activities():
    plan = read_daylio(daylio_csv(DAYLIO_ROWS))
    assert plan.reflections == {
        D(2024, 3, 4): {"mood": 5, "note": "calm\n\nMorning\nsun"},  # (4 + 5) / 2 rounds up
        D(2024, 3, 5): {"mood": 3, "note": ""},
        D(2024, 3, 7): {"mood": 2, "note": ""}}  # (1 + 2) / 2 rounds to 2
    assert any("sleepy" in warning for warning in plan.warnings)  # a custom mood, left out
    habits = by_name(plan)
    assert list(habits) == ["reading", "walk, long", "Café"]  # by first day
    walk = habits["walk, long"]
    assert sorted(walk.checkins) == [D(2024, 3, 4), D(2024, 3, 6), D(2024, 3, 7)]
    assert walk.start_date == D(2024, 3, 4)
    # 3 days in 4 days (one week at least): 3 times a week; named in the warnings.
    assert walk.fields["schedule"] == {"type": "per_week", "times": 3}
    assert any("walk, long" in w and "3 times a week" in w for w in plan.warnings)
    assert habits["Café"].fields["schedule"] == {"type": "per_week", "times": 1}


def test_daylio_a_daily_activity_and_plain_line_endings():
    rows = [[(D(2024, 1, 1) + datetime.timedelta(days=n)).isoformat(), "", "", "", "good",
             "meditation" if n % 7 else "", "", ""] for n in range(28)]
    plan = read_daylio(daylio_csv(rows, bom=False, newline="\n"))
    assert by_name(plan)["meditation"].fields["schedule"] == {"type": "daily"}  # 6 days a week
    assert len(plan.reflections) == 28


@pytest.mark.parametrize("name, kind", [
    ("loop.db", "loop"), ("databases/021.db", "loop"), ("databases/022.db", "loop"),
    ("rewire.db", "rewire"), ("tickmate.db", "tickmate"), ("habitbull.csv", "habitbull"),
    ("habitbull2.csv", "habitbull"), ("habitbull3.csv", "habitbull"),
    ("habitbull4.csv", "habitbull"),
])
def test_every_fixture_is_told_apart(name, kind):
    assert format_of(fixture(name)) == kind


def test_daylio_and_orbit_are_told_apart():
    assert format_of(daylio_csv(DAYLIO_ROWS)) == "daylio"
    assert format_of(b'\xef\xbb\xbf {"format": "orbit", "version": 1}') == "orbit"


@pytest.mark.parametrize("data, message", [
    (b"", "cannot tell"), (b"name,date\nWalk,2024-01-01\n", "cannot tell"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "cannot tell"),
    (fixture("loop.db")[:20000], "damaged or incomplete"),
    (b"SQLite format 3\x00" + bytes(200), "damaged or incomplete"),
])
def test_unknown_and_broken_files_are_refused(data, message):
    with pytest.raises(ValidationError) as refused:
        format_of(data)
    assert message in refused.value.messages["file"][0]


@pytest.mark.parametrize("reader, data", [
    (read_habitbull, b"HabitName,Description\nWalk,x\n"),
    (read_daylio, b"date,mood\n2024-01-01,good\n"),
    (read_habitbull, b"HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\n"
                     b"Walk,,,yesterday,1,\n"),
    (read_daylio, "\ufeff" .encode() + b"\xff\xfe bad"),
])
def test_csv_files_with_the_wrong_header_or_rows_are_refused(reader, data):
    with pytest.raises(ValidationError) as refused:
        reader(data)
    assert refused.value.messages["file"]
