"""A kind restart after a lapse (issue 24) through the API: the never_miss_twice field (its
validation, the streak and calendar it changes, the cache it invalidates, the export carrying
it), Today's lapse (after one miss, after two with a smaller step, gone once done), on /today,
/bootstrap and ?include=today alike, and a quit habit's slip saying how many days were kept."""
import pytest

from ..conftest import ApiClient, make_habit
from .helpers import day, error_of, put_checkin


def today_item(client, habit, date=None):
    items = client.get(f"/today?date={date or day()}").json["habits"]
    return next(item for item in items if item["habit"]["id"] == habit["id"])


def done_on(client, habit, *offsets):
    for offset in offsets:
        put_checkin(client, habit, day(offset))


def test_the_field_is_off_by_default_and_changes_with_a_patch(client):
    habit = make_habit(client)
    assert habit["never_miss_twice"] is False
    on = make_habit(client, name="Read", never_miss_twice=True)
    assert on["never_miss_twice"] is True
    assert client.get(f"/habits/{on['id']}").json["never_miss_twice"] is True
    changed = client.patch(f"/habits/{habit['id']}", {"never_miss_twice": True}).json
    assert changed["never_miss_twice"] is True and len(changed["rules"]) == 1  # not a rule
    assert client.patch(f"/habits/{habit['id']}", {"name": "Walk far"}).json["never_miss_twice"]


@pytest.mark.parametrize("value", ["yes", 1, 0, None, "true", [True]])
def test_anything_but_true_or_false_is_refused(client, value):
    error = error_of(client.post("/habits", {"name": "Walk", "never_miss_twice": value}), 422,
                     "validation_error")
    assert list(error["fields"]) == ["never_miss_twice"]
    habit = make_habit(client)
    error_of(client.patch(f"/habits/{habit['id']}", {"never_miss_twice": value}), 422,
             "validation_error")
    assert client.get(f"/habits/{habit['id']}").json["never_miss_twice"] is False


def test_one_miss_keeps_the_streak_and_the_calendar_shows_it_bridged(client):
    # Days -20..-11 done, -10 missed, -9..-1 done: the miss is deep inside a cached checkpoint.
    habit = make_habit(client, start_date=day(-20))
    done_on(client, habit, *range(-20, -10), *range(-9, 0))
    assert today_item(client, habit)["streak"] == {"current": 9, "unit": "days"}  # cached now
    client.patch(f"/habits/{habit['id']}", {"never_miss_twice": True})
    assert today_item(client, habit)["streak"] == {"current": 19, "unit": "days"}
    stats = client.get(f"/habits/{habit['id']}/stats").json
    assert stats["current_streak"]["length"] == 19 and stats["current_streak"]["start"] == day(-20)
    assert stats["total_done"] == 19  # the bridged day is no done day
    calendar = client.get(f"/habits/{habit['id']}/calendar?from={day(-11)}&to={day(-9)}").json
    assert [c["state"] for c in calendar] == ["done", "bridged", "done"]
    strength_on = client.get(f"/habits/{habit['id']}/strength?from={day(-1)}&to={day(-1)}").json
    client.patch(f"/habits/{habit['id']}", {"never_miss_twice": False})
    assert today_item(client, habit)["streak"] == {"current": 9, "unit": "days"}
    calendar = client.get(f"/habits/{habit['id']}/calendar?from={day(-11)}&to={day(-9)}").json
    assert [c["state"] for c in calendar] == ["done", "missed", "done"]
    assert client.get(f"/habits/{habit['id']}/strength?from={day(-1)}&to={day(-1)}").json == \
        strength_on  # strength is unchanged by the option


def test_two_misses_in_a_row_end_the_streak_even_so(client):
    habit = make_habit(client, start_date=day(-8), never_miss_twice=True)
    done_on(client, habit, -8, -7, -6, -3, -2, -1)  # -5 and -4 missed
    assert today_item(client, habit)["streak"]["current"] == 3


def test_a_missed_yesterday_is_greeted_with_one_miss(client):
    habit = make_habit(client, start_date=day(-4))
    done_on(client, habit, -4, -3, -2)
    assert today_item(client, habit)["lapse"] == {"misses": 1, "unit": "days",
                                                  "last_missed": day(-1), "smaller": None}
    # The same item on /bootstrap, and in a check-in's answer with ?include=today.
    boot = client.get("/bootstrap").json["today"]["habits"]
    assert boot[0]["lapse"]["misses"] == 1
    answer = client.put(f"/habits/{habit['id']}/checkins/{day()}?include=today", {}).json
    assert answer["today"]["lapse"] is None  # today counts, and it is done
    deleted = client.delete(f"/habits/{habit['id']}/checkins/{day()}?include=today").json
    assert deleted["today"]["lapse"]["misses"] == 1
    skipped = client.put(f"/habits/{habit['id']}/checkins/{day()}?include=today",
                         {"status": "skipped"}).json
    assert skipped["today"]["lapse"] is None


def test_a_second_miss_offers_a_smaller_step_that_the_patch_applies(client):
    habit = make_habit(client, name="Walk", measure="minutes", target=20, start_date=day(-5))
    put_checkin(client, habit, day(-5), {"value": 20})
    put_checkin(client, habit, day(-4), {"value": 20})
    put_checkin(client, habit, day(-3), {"value": 25})
    lapse = today_item(client, habit)["lapse"]
    assert (lapse["misses"], lapse["last_missed"]) == (2, day(-1))
    assert lapse["smaller"]["patch"] == {"target": 15} and "15 minutes" in lapse["smaller"]["text"]
    changed = client.patch(f"/habits/{habit['id']}", lapse["smaller"]["patch"]).json
    assert changed["target"] == 15
    # Days before the change are judged by the rule of their day: still two misses.
    assert today_item(client, habit)["lapse"]["misses"] == 2


def test_a_daily_yes_no_habit_is_offered_five_times_a_week(client):
    habit = make_habit(client, start_date=day(-6))
    done_on(client, habit, -6)
    smaller = today_item(client, habit)["lapse"]["smaller"]
    assert smaller["patch"] == {"schedule": {"type": "per_week", "times": 5}}


def test_an_appointment_is_never_offered_smaller(client):
    habit = make_habit(client, name="Therapy", start_date=day(-6), appointment=True)
    lapse = today_item(client, habit)["lapse"]
    assert (lapse["misses"], lapse["smaller"]) == (2, None)


def test_a_paused_habit_has_no_lapse_and_a_pause_between_counts_for_nothing(client):
    habit = make_habit(client, start_date=day(-6))
    done_on(client, habit, -6)
    pause = client.post("/pauses", {"habit_id": habit["id"], "start": day(-5), "end": day(-2)})
    assert pause.status_code == 201
    assert today_item(client, habit)["lapse"]["misses"] == 1  # only yesterday asked
    client.post("/pauses", {"habit_id": habit["id"], "start": day()})
    assert today_item(client, habit)["lapse"] is None


def test_a_habit_that_started_today_has_nothing_to_greet(client):
    habit = make_habit(client)
    assert today_item(client, habit)["lapse"] is None
    assert today_item(client, habit)["slip"] is None


def test_a_slip_says_how_many_days_were_kept_before_it(client):
    habit = make_habit(client, name="No reactive messages", kind="quit", start_date=day(-12))
    put_checkin(client, habit, day(-8))  # a slip; days -7..-1 kept since
    answer = client.put(f"/habits/{habit['id']}/checkins/{day()}?include=today", {}).json
    assert answer["today"]["slip"] == {"kept_before": 7}
    assert answer["today"]["lapse"] is None  # the slip speaks for itself
    assert today_item(client, habit, day(-8))["slip"] == {"kept_before": 4}  # days -12..-9
    # A slip of 0 records a kept day: no slip to speak of.
    answer = client.put(f"/habits/{habit['id']}/checkins/{day()}?include=today", {"value": 0}).json
    assert answer["today"]["slip"] is None
    # The day after a slip is greeted like a build habit's missed day.
    assert today_item(client, habit, day(-7))["lapse"] == {
        "misses": 1, "unit": "days", "last_missed": day(-8), "smaller": None}


def test_the_field_travels_in_the_export_and_back(app, client):
    make_habit(client, name="Walk", never_miss_twice=True)
    make_habit(client, name="Read")
    export = client.get("/export").json
    assert [h["never_miss_twice"] for h in export["habits"]] == [True, False]
    fresh = ApiClient(app).register()
    assert fresh.post("/import", export).status_code == 200
    assert {h["name"]: h["never_miss_twice"] for h in fresh.get("/habits").json} == {
        "Walk": True, "Read": False}
    csv = client.get("/export?format=csv")
    assert csv.status_code == 200
    for record in export["habits"]:  # an export from before the field: off
        record.pop("never_miss_twice")
    older = ApiClient(app).register()
    assert older.post("/import", export).status_code == 200
    assert {h["never_miss_twice"] for h in older.get("/habits").json} == {False}


def test_the_document_describes_the_lapse_and_the_field(client):
    schemas = client.get("/openapi.json").json["components"]["schemas"]
    habit_in = next(schema for name, schema in schemas.items() if name.startswith("HabitIn"))
    assert habit_in["properties"]["never_miss_twice"]["type"] == "boolean"
    assert schemas["HabitOut"]["properties"]["never_miss_twice"]["type"] == "boolean"
    item = schemas["TodayItemOut"]["properties"]
    assert {"lapse", "slip"} <= set(item)
    lapse = next(schema for name, schema in schemas.items() if name.startswith("LapseOut"))
    assert set(lapse["properties"]) == {"misses", "unit", "last_missed", "smaller"}
    calendar = next(schema for name, schema in schemas.items()
                    if name.startswith("CalendarDayOut"))
    assert "bridged" in calendar["properties"]["state"]["enum"]


def test_the_weekly_summary_counts_the_streak_the_option_keeps(client):
    habit = make_habit(client, start_date=day(-20))
    done_on(client, habit, *range(-20, -10), *range(-9, 0))  # -10 missed

    def week_streak():
        summary = client.get(f"/summaries/weekly?date={day()}").json
        return next(row["streak"] for row in summary["habits"] if row["habit_id"] == habit["id"])
    assert week_streak()["current"] == 9
    client.patch(f"/habits/{habit['id']}", {"never_miss_twice": True})
    assert week_streak()["current"] == 19  # the weekly cache knew the habit changed
