"""Loop Habit Tracker backups, each schema version from the real files: habits, schedules, the
dates of check-ins, notes, colours and reminders; numerical and at-most habits from a version-25
database built here."""
import datetime

import pytest
from marshmallow import ValidationError

from server.importers.loop import read_loop

from .builders import WORKOUT_UUID, fixture, loop_v25

D = datetime.date


def by_name(plan):
    return {habit.fields["name"]: habit for habit in plan.habits}


def test_version_12_habits_schedules_and_days():
    plan = read_loop(fixture("loop.db"))
    names = [habit.fields["name"] for habit in plan.habits]
    assert names == ["Wake up early", "brush teeth", "Sleep early", "Vegan", "Sport",
                     "I love you", "Vegan", "Sport", "I love you"]
    wake, teeth, sleep, vegan = plan.habits[:4]
    assert wake.fields["schedule"] == {"type": "per_week", "times": 3}
    assert sleep.fields["schedule"] == {"type": "every_n_days", "n": 5}
    assert vegan.fields["schedule"] == {"type": "daily"}
    assert teeth.fields["description"] == "I want to have beautiful teeth!"
    # The oldest version has no values: every repetition is a done day, on its UTC date.
    assert len(wake.checkins) == 33
    assert all(entry == {"status": "done"} for entry in wake.checkins.values())
    assert min(wake.checkins) == D(2016, 1, 1) and max(wake.checkins) == D(2016, 3, 18)
    assert sorted(sleep.checkins) == [D(2016, 3, 15), D(2016, 3, 20)]
    # ARGB colours of version 12.
    assert wake.fields["color"] == "#00897b" and plan.habits[6].fields["color"] == "#e64a19"
    assert all(habit.fields["kind"] == "build" and habit.fields["measure"] == "check"
               for habit in plan.habits)
    assert plan.reminders == [] and plan.warnings == []
    # No uuids before version 24: Loop's id with the name keys each habit.
    assert wake.key == "id:15:Wake up early"


def test_version_21_and_22():
    hello = read_loop(fixture("databases/021.db")).habits
    assert [(h.fields["name"], h.fields["color"]) for h in hello] == [("Hello world", "#00897b")]
    assert sorted(hello[0].checkins) == [D(2017, 6, 19), D(2017, 6, 20), D(2017, 6, 21)]
    plan = read_loop(fixture("databases/022.db"))
    workout, test = plan.habits
    assert workout.fields["description"] == "Did you work out?"  # the question, up to v22
    assert workout.checkins == {D(2020, 1, 1): {"status": "done"}}
    assert test.checkins == {}
    # 18:00 on bits 0, 4, 5, 6 of 113: Saturday, Wednesday, Thursday, Friday.
    [reminder] = plan.reminders
    assert reminder.habit_key == workout.key
    assert reminder.fields == {"target": "habit", "time": "18:00", "days": [2, 3, 4, 5]}


def test_version_25_question_uuid_notes_numerical_and_at_most(tmp_path):
    plan = read_loop(loop_v25(tmp_path))
    habits = by_name(plan)
    workout = habits["Work out"]
    assert workout.key == f"uuid:{WORKOUT_UUID}"
    assert workout.fields["description"] == "Did you work out?\n\nStrength, twice."
    assert workout.checkins == {D(2020, 1, 1): {"status": "done", "note": "legs day"}}
    read = habits["Read"]
    assert read.fields.items() >= {"kind": "build", "measure": "count", "unit": "pages",
                                   "target": 20.0, "color": "#1976d2"}.items()
    assert read.checkins == {
        D(2024, 1, 1): {"status": "done", "value": 25.0, "note": "a good chapter"},
        D(2024, 1, 2): {"status": "done", "value": 12.5},
        D(2024, 1, 3): {"status": "skipped"}, D(2024, 1, 4): {"status": "skipped"}}
    coffee = habits["Coffee"]
    assert {k: coffee.fields[k] for k in ("kind", "measure", "target", "schedule")} == {
        "kind": "quit", "measure": "count", "target": 2.0, "schedule": {"type": "daily"}}
    assert coffee.checkins == {D(2024, 1, 1): {"status": "slip", "value": 3.0},
                               D(2024, 1, 2): {"status": "slip", "value": 0.0,
                                               "note": "none today"}}
    swim = habits["Swim"]
    assert swim.fields["schedule"] == {"type": "per_week", "times": 2}
    # 2 done, 3 skipped; 1 (implied by the frequency) and 0 are not check-ins.
    assert swim.checkins == {D(2024, 1, 1): {"status": "done"},
                             D(2024, 1, 3): {"status": "skipped"}}
    assert any("Swim" in w and "note" in w for w in plan.warnings)


@pytest.mark.parametrize("num, den, schedule, warned", [
    (1, 1, {"type": "daily"}, False), (7, 7, {"type": "daily"}, False),
    (3, 7, {"type": "per_week", "times": 3}, False),
    (4, 30, {"type": "per_month", "times": 4}, False),
    (2, 31, {"type": "per_month", "times": 2}, False),
    (1, 14, {"type": "every_n_days", "n": 14}, False),
    (3, 10, {"type": "per_week", "times": 2}, True),
    (6, 7, {"type": "per_week", "times": 6}, False),
])
def test_frequencies_map_to_the_closest_schedule(num, den, schedule, warned):
    from server.importers.plan import Plan, pace
    plan = Plan("loop")
    assert pace(plan, "Walk", num, den) == schedule
    assert bool(plan.warnings) == warned


def test_a_sqlite_file_without_loops_tables_is_refused(tmp_path):
    with pytest.raises(ValidationError) as refused:
        read_loop(fixture("tickmate.db"))
    assert "not a Loop Habit Tracker backup" in refused.value.messages["file"][0]
