"""Check-ins one at a time: PUT, DELETE and ranges (RULES.md "Check-ins: done, kept, skipped")."""
import datetime

import pytest

from ..conftest import ApiClient, make_habit
from .helpers import ONE_DAY, day, error_of, field_errors, local_today, put_checkin

KEYS = {"habit_id", "date", "status", "value", "note", "done", "updated_at"}


def path(habit, date):
    return f"/habits/{habit['id']}/checkins/{date}"


def test_put_creates_then_updates(client):
    habit = make_habit(client)
    created = client.put(path(habit, day()), {"note": "around the park"})
    assert created.status_code == 201, created.json
    assert set(created.json) == KEYS
    assert {k: created.json[k] for k in KEYS - {"updated_at"}} == {
        "habit_id": habit["id"], "date": day(), "status": "done", "value": None,
        "note": "around the park", "done": True}
    updated = client.put(path(habit, day()), {"status": "skipped"})
    assert updated.status_code == 200, updated.json
    assert (updated.json["status"], updated.json["done"]) == ("skipped", False)
    assert client.get(f"/habits/{habit['id']}/checkins").json == [updated.json]


def test_fields_left_out_keep_their_stored_values(client):
    habit = make_habit(client)
    put_checkin(client, habit, day(), {"status": "skipped", "note": "rain"})
    one_tap = put_checkin(client, habit, day(), {"status": "done"})
    assert (one_tap["status"], one_tap["note"]) == ("done", "rain")
    assert put_checkin(client, habit, day(), {})["note"] == "rain"
    assert put_checkin(client, habit, day(), {"note": ""})["note"] == ""


def test_a_count_habit_keeps_its_value_when_only_the_note_changes(client):
    habit = make_habit(client, measure="count", unit="pages", target=10)
    put_checkin(client, habit, day(), {"value": 12})
    after = put_checkin(client, habit, day(), {"note": "a good chapter"})
    assert (after["value"], after["note"], after["done"]) == (12, "a good chapter", True)


@pytest.mark.parametrize("body", [{"value": 1}, {"value": 0}, {"status": "skipped", "value": 1}])
def test_a_build_check_habit_takes_no_value(client, body):
    habit = make_habit(client)
    field_errors(client.put(path(habit, day()), body), "value")
    assert client.get(f"/habits/{habit['id']}/checkins").json == []


@pytest.mark.parametrize("measure", ["count", "minutes"])
def test_count_and_minutes_need_a_value_unless_skipped(client, measure):
    habit = make_habit(client, measure=measure, target=20)
    field_errors(client.put(path(habit, day()), {}), "value")
    field_errors(client.put(path(habit, day()), {"status": "done", "value": None}), "value")
    skipped = put_checkin(client, habit, day(), {"status": "skipped"})
    assert (skipped["value"], skipped["done"]) == (None, False)


@pytest.mark.parametrize("value, done", [(0, False), (19.5, False), (20, True), (45, True)])
def test_a_build_value_is_done_from_the_target_on(client, value, done):
    habit = make_habit(client, measure="minutes", target=20)
    checkin = put_checkin(client, habit, day(), {"value": value})
    assert (checkin["status"], checkin["value"], checkin["done"]) == ("done", value, done)


def test_a_quit_checkin_is_a_slip_of_one_by_default(client):
    habit = make_habit(client, kind="quit")
    checkin = put_checkin(client, habit, day(), {})
    assert (checkin["status"], checkin["value"], checkin["done"]) == ("slip", 1, False)


def test_a_quit_slip_of_zero_is_an_explicit_kept_day(client):
    habit = make_habit(client, kind="quit")
    checkin = put_checkin(client, habit, day(), {"value": 0})
    assert (checkin["status"], checkin["value"], checkin["done"]) == ("slip", 0, True)
    assert put_checkin(client, habit, day(), {"note": "close call"})["value"] == 0


@pytest.mark.parametrize("value, done", [(2, True), (3, True), (4, False)])
def test_a_quit_limit_keeps_the_day_up_to_it(client, value, done):
    habit = make_habit(client, kind="quit", measure="count", target=3)
    assert put_checkin(client, habit, day(), {"value": value})["done"] is done


@pytest.mark.parametrize("status", ["skipped", "done"])
def test_quit_habits_take_slips_only(client, status):
    habit = make_habit(client, kind="quit")
    field_errors(client.put(path(habit, day()), {"status": status}), "status")


@pytest.mark.parametrize("body, field", [
    ({"status": "slip"}, "status"), ({"status": "great"}, "status"),
    ({"value": -1}, "value"), ({"value": "many"}, "value"),
    ({"value": 5, "note": "x" * 1001}, "note"), ({"value": 5, "note": None}, "note"),
])
def test_put_validates(client, body, field):
    habit = make_habit(client, measure="count", target=3)
    field_errors(client.put(path(habit, day()), body), field)
    assert client.get(f"/habits/{habit['id']}/checkins").json == []


def test_a_note_of_1000_characters_is_taken(client):
    habit = make_habit(client)
    assert put_checkin(client, habit, day(), {"note": "x" * 1000})["note"] == "x" * 1000


@pytest.mark.parametrize("date", ["1969-12-31", "1900-01-01", "2024-02-30", "2023-02-29",
                                  "2024-13-01", "2024-00-10"])
def test_impossible_and_pre_1970_dates_are_422(client, date):
    habit = make_habit(client)
    field_errors(client.put(path(habit, date), {}), "date")
    field_errors(client.delete(path(habit, date)), "date")


def test_the_first_of_january_1970_is_the_first_date(client):
    habit = make_habit(client)
    assert client.put(path(habit, "1970-01-01"), {}).status_code == 201
    assert client.get(f"/habits/{habit['id']}").json["start_date"] == "1970-01-01"


@pytest.mark.parametrize("tz", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
@pytest.mark.parametrize("utc_offset", [-1, 0, 1])
def test_the_last_date_is_the_users_today_in_their_time_zone(app, tz, utc_offset):
    # UTC+14 is often a day ahead of UTC, UTC-11 often a day behind: judged by the user's today.
    client = ApiClient(app).register(timezone=tz)
    habit = make_habit(client)
    date = local_today("UTC") + utc_offset * ONE_DAY
    response = client.put(path(habit, date.isoformat()), {})
    if date <= local_today(tz):
        assert response.status_code == 201, response.json
    else:
        field_errors(response, "date")


def start_date(client, habit):
    return client.get(f"/habits/{habit['id']}").json["start_date"]


def test_the_start_date_is_the_set_date_or_the_earliest_checkin(client):
    """RULES.md "Start date": derived, so deleting an earlier check-in (an undo) restores it."""
    habit = make_habit(client)
    before = client.get(f"/habits/{habit['id']}/stats").json
    put_checkin(client, habit, day(-7))
    put_checkin(client, habit, day(-3))
    assert start_date(client, habit) == day(-7)
    assert client.delete(path(habit, day(-3))).status_code == 204
    assert start_date(client, habit) == day(-7)  # not the earliest: nothing moves
    assert client.delete(path(habit, day(-7))).status_code == 204
    assert start_date(client, habit) == day()  # back to the date set (today, by default)
    assert client.get(f"/habits/{habit['id']}/stats").json == before


def test_deleting_the_earliest_checkin_moves_the_start_to_the_next_one(client):
    habit = make_habit(client, start_date=day(-2))
    for offset in (-9, -5, 0):
        put_checkin(client, habit, day(offset))
    client.delete(path(habit, day(-9)))
    assert start_date(client, habit) == day(-5)
    client.delete(path(habit, day(-5)))
    assert start_date(client, habit) == day(-2)
    client.delete(path(habit, day(0)))  # on or after the set date: changes nothing
    assert start_date(client, habit) == day(-2)


def test_a_set_start_date_is_what_a_delete_returns_to(client):
    habit = make_habit(client)
    put_checkin(client, habit, day(-10))
    field_errors(client.patch(f"/habits/{habit['id']}", {"start_date": day(-9)}), "start_date")
    assert client.patch(f"/habits/{habit['id']}", {"start_date": day(-20)}).status_code == 200
    client.delete(path(habit, day(-10)))
    assert start_date(client, habit) == day(-20)


def test_a_batch_delete_restores_the_start_date_too(client):
    habit = make_habit(client, kind="quit")
    today = client.get("/today").json["habits"][0]
    client.post("/checkins/batch", {"items": [
        {"op": "put", "habit_id": habit["id"], "date": day(-4)}]})  # a slip four days back
    assert start_date(client, habit) == day(-4)
    client.post("/checkins/batch", {"items": [
        {"op": "delete", "habit_id": habit["id"], "date": day(-4)}]})
    assert start_date(client, habit) == day()
    assert client.get("/today").json["habits"][0] == today  # no kept days claimed


def test_delete_removes_the_checkin_and_is_204_when_there_is_none(client):
    habit = make_habit(client)
    put_checkin(client, habit, day())
    for _ in range(2):
        response = client.delete(path(habit, day()))
        assert response.status_code == 204 and response.data == b""
    assert client.get(f"/habits/{habit['id']}/checkins").json == []


def test_the_range_is_oldest_first(client):
    habit = make_habit(client)
    for offset in (-3, 0, -10, -1):
        put_checkin(client, habit, day(offset))
    listed = client.get(f"/habits/{habit['id']}/checkins").json
    assert [c["date"] for c in listed] == [day(-10), day(-3), day(-1), day()]


def test_the_range_defaults_to_the_365_days_ending_today(client):
    habit = make_habit(client)
    for offset in (-365, -364, 0):
        put_checkin(client, habit, day(offset))
    listed = client.get(f"/habits/{habit['id']}/checkins").json
    assert [c["date"] for c in listed] == [day(-364), day()]


@pytest.mark.parametrize("start, end, offsets", [
    (-5, -2, [-5, -3]),
    (-3, -3, [-3]),
    (-400, None, [-400, -5, -3, 0]),
    (None, -3, [-5, -3]),
    (-3, 30, [-3, 0]),  # `to` is clamped to today
])
def test_the_range_is_inclusive(client, start, end, offsets):
    habit = make_habit(client)
    for offset in (-400, -5, -3, 0):
        put_checkin(client, habit, day(offset))
    query = "&".join(f"{name}={day(offset)}" for name, offset in (("from", start), ("to", end))
                     if offset is not None)
    listed = client.get(f"/habits/{habit['id']}/checkins?{query}")
    assert listed.status_code == 200, listed.json
    assert [c["date"] for c in listed.json] == [day(n) for n in offsets]


@pytest.mark.parametrize("query, field", [
    ("?from={today}&to={yesterday}", "from"),
    ("?from={tomorrow}", "from"),
    ("?from={too_early}&to={today}", "from"),
    ("?from=2024-02-30", "from"), ("?to=yesterday", "to"), ("?since=2024-01-01", "since"),
])
def test_the_range_is_validated(client, query, field):
    habit = make_habit(client)
    today = local_today()
    query = query.format(today=today, yesterday=today - ONE_DAY, tomorrow=today + ONE_DAY,
                         too_early=today - 3660 * ONE_DAY)
    field_errors(client.get(f"/habits/{habit['id']}/checkins{query}"), field)


@pytest.mark.parametrize("query", ["?to=0001-01-01", "?from=0001-01-01&to=0001-01-02",
                                   "?to=1969-12-31"])
def test_a_range_before_1970_is_empty(client, query):
    habit = make_habit(client)
    put_checkin(client, habit, "1970-01-01")
    response = client.get(f"/habits/{habit['id']}/checkins{query}")
    assert response.status_code == 200, response.json
    assert response.json == []


def test_a_range_spans_at_most_3660_days(client):
    habit = make_habit(client)
    start = local_today() - 3659 * ONE_DAY
    put_checkin(client, habit, start.isoformat())
    listed = client.get(f"/habits/{habit['id']}/checkins?from={start}&to={local_today()}")
    assert [c["date"] for c in listed.json] == [start.isoformat()]
    end = datetime.date(2001, 1, 1)
    response = client.get(f"/habits/{habit['id']}/checkins?from={end - 3660 * ONE_DAY}&to={end}")
    field_errors(response, "from")


@pytest.mark.parametrize("method", ["PUT", "DELETE", "GET"])
def test_checkins_of_an_unknown_habit_are_404(client, method):
    suffix = f"/{day()}" if method != "GET" else ""
    error_of(client.call(method, f"/habits/424242/checkins{suffix}", {} if method == "PUT"
                         else None), 404, "not_found")


@pytest.mark.parametrize("value", [999999.99, 123456.789, 1e-46, 0.1 + 0.2, 1_000_000,
                                   33.333333333333336])
def test_awkward_numbers_read_back_exactly(client, value):
    """Values and targets are doubles on both databases: what was answered is what is stored."""
    habit = make_habit(client, measure="count", target=value)
    assert client.get(f"/habits/{habit['id']}").json["target"] == value
    answer = put_checkin(client, habit, day(), {"value": value})
    assert answer["value"] == value
    assert client.get(f"/habits/{habit['id']}/checkins").json[0]["value"] == value
    assert client.post("/checkins/batch", {"items": [
        {"op": "put", "habit_id": habit["id"], "date": day(-1), "value": value}]}).json[
        "results"][0]["checkin"]["value"] == value
