"""Pauses (RULES.md "Pauses"): the endpoints and their rules, on both databases, and paused days
judged exactly as skipped days by /today, /stats, /strength and /calendar."""
import pytest

from ..conftest import make_habit
from .helpers import at_once, day, error_of, field_errors, local_today, put_checkin
from .test_races import clients_of


def pause(client, **body):
    response = client.post("/pauses", body)
    assert response.status_code == 201, response.json
    return response.json


def today_item(client, habit, date=None):
    items = client.get("/today" + (f"?date={date}" if date else "")).json["habits"]
    return next(item for item in items if item["habit"]["id"] == habit["id"])


def test_create_list_change_and_delete(client):
    walk, read = make_habit(client, name="Walk"), make_habit(client, name="Read")
    own = pause(client, habit_id=walk["id"], start=day(-3), end=day(2), note="Sprained ankle")
    assert {k: own[k] for k in ("habit_id", "start", "end", "note")} == {
        "habit_id": walk["id"], "start": day(-3), "end": day(2), "note": "Sprained ankle"}
    assert own["uuid"] and own["created_at"]
    everything = pause(client, start=day(5))  # every habit, until resumed
    assert (everything["habit_id"], everything["end"], everything["note"]) == (None, None, "")
    assert [p["id"] for p in client.get("/pauses").json] == [own["id"], everything["id"]]
    assert [p["id"] for p in client.get(f"/pauses?habit_id={walk['id']}").json] == [own["id"]]
    assert client.get(f"/pauses?habit_id={read['id']}").json == []
    assert client.get(f"/pauses/{own['id']}").json == own
    moved = client.patch(f"/pauses/{own['id']}", {"start": day(-4), "note": "Ankle"}).json
    assert (moved["start"], moved["end"], moved["note"]) == (day(-4), day(2), "Ankle")
    reopened = client.patch(f"/pauses/{own['id']}", {"end": None}).json
    assert reopened["end"] is None
    assert client.patch(f"/pauses/{own['id']}", {}).json == reopened
    assert client.delete(f"/pauses/{own['id']}").status_code == 204
    error_of(client.get(f"/pauses/{own['id']}"), 404, "not_found")
    error_of(client.delete(f"/pauses/{own['id']}"), 404, "not_found")
    # A habit's pauses go with it.
    pause(client, habit_id=read["id"], start=day(-1))
    assert client.delete(f"/habits/{read['id']}").status_code == 204
    assert [p["id"] for p in client.get("/pauses").json] == [everything["id"]]


@pytest.mark.parametrize("body, field", [
    ({}, "start"),
    ({"start": "2026-02-30"}, "start"),
    ({"start": "1969-12-31"}, "start"),
    ({"start": "{today}", "end": "{yesterday}"}, "end"),
    ({"start": "{far}"}, "start"),
    ({"start": "{today}", "end": "{far}"}, "end"),
    ({"start": "{today}", "note": "x" * 501}, "note"),
    ({"start": "{today}", "note": "a\u0000b"}, "note"),
    ({"start": "{today}", "habit_id": "1"}, "habit_id"),
    ({"start": "{today}", "habit_id": 999999}, "habit_id"),
    ({"start": "{today}", "until": "{today}"}, "until"),
])
def test_bad_input_is_a_422_and_changes_nothing(client, body, field):
    make_habit(client)
    values = {"today": day(), "yesterday": day(-1), "far": day(400)}
    body = {k: v.format(**values) if isinstance(v, str) and "{" in v else v
            for k, v in body.items()}
    field_errors(client.post("/pauses", body), field)
    assert client.get("/pauses").json == []


def test_bad_changes_are_refused(client):
    walk = make_habit(client)
    own = pause(client, habit_id=walk["id"], start=day(-3), end=day(2))
    field_errors(client.patch(f"/pauses/{own['id']}", {"end": day(-4)}), "end")
    field_errors(client.patch(f"/pauses/{own['id']}", {"start": day(3)}), "end")
    field_errors(client.patch(f"/pauses/{own['id']}", {"habit_id": None}), "habit_id")
    field_errors(client.get("/pauses?habit_id=x"), "habit_id")
    field_errors(client.get("/pauses?habit_id=999999"), "habit_id")
    error_of(client.call("PATCH", f"/pauses/{own['id']}", data="{", headers={
        "Content-Type": "application/json"}), 400, "bad_request")
    error_of(client.patch("/pauses/999999", {"end": day()}), 404, "not_found")
    assert client.get(f"/pauses/{own['id']}").json == own


def test_overlapping_pauses_of_the_same_scope_are_a_409(client):
    walk, read = make_habit(client, name="Walk"), make_habit(client, name="Read")
    first = pause(client, habit_id=walk["id"], start=day(-10), end=day(-5))
    for start, end in ((day(-12), day(-10)), (day(-5), None), (day(-7), day(-6)),
                       (day(-20), None)):
        error_of(client.post("/pauses", {"habit_id": walk["id"], "start": start, "end": end}),
                 409, "conflict")
    # Side by side is fine, and so are other scopes over the same days.
    pause(client, habit_id=walk["id"], start=day(-4), end=day(-2))
    pause(client, habit_id=read["id"], start=day(-10), end=day(-5))
    account = pause(client, start=day(-8), end=day(-6))
    error_of(client.post("/pauses", {"start": day(-6)}), 409, "conflict")
    later = pause(client, start=day(-1))  # open-ended
    error_of(client.post("/pauses", {"start": day(30), "end": day(31)}), 409, "conflict")
    # A change into a neighbour of the same scope is refused as well.
    error_of(client.patch(f"/pauses/{first['id']}", {"end": day(-3)}), 409, "conflict")
    error_of(client.patch(f"/pauses/{account['id']}", {"end": None}), 409, "conflict")
    assert client.patch(f"/pauses/{account['id']}", {"end": day(-2)}).status_code == 200
    assert len(client.get("/pauses").json) == 5 and later["end"] is None


def test_today_shows_paused_habits_and_resume_ends_the_pause(client):
    walk = make_habit(client, name="Walk", start_date=day(-5))
    read = make_habit(client, name="Read", start_date=day(-5))
    own = pause(client, habit_id=walk["id"], start=day(-2))
    item = today_item(client, walk)
    assert (item["paused"], item["due"], item["pause"]["id"]) == (True, False, own["id"])
    assert (today_item(client, read)["paused"], today_item(client, read)["due"]) == (False, True)
    assert today_item(client, walk, day(-3))["paused"] is False
    # Resume: the pause ends yesterday, and today the habit is due again.
    assert client.patch(f"/pauses/{own['id']}", {"end": day(-1)}).status_code == 200
    assert (today_item(client, walk)["paused"], today_item(client, walk)["due"]) == (False, True)
    assert today_item(client, walk, day(-1))["paused"] is True
    everything = pause(client, start=day())
    for habit in (walk, read):
        item = today_item(client, habit)
        assert (item["paused"], item["due"], item["pause"]["id"]) == (True, False,
                                                                      everything["id"])


def test_a_week_in_hospital_leaves_streaks_and_strength_as_skipped_days_would(client):
    """Two identical habits: one paused for a week, the other with that week marked skipped.

    The weekly habits' weeks are laid out from this week's Monday (the users' week start), so
    the streak the rule gives is the same whatever weekday the suite runs on: three met weeks,
    then last week (paused, or skipped) neutral, then this week open."""
    monday = -local_today().weekday()  # this week's first day, as an offset from today
    quits = [make_habit(client, name=f"Quit {n}", kind="quit", start_date=day(-30))
             for n in (1, 2)]
    builds = [make_habit(client, name=f"Stretch {n}", start_date=day(monday - 28),
                         schedule={"type": "per_week", "times": 3}) for n in (1, 2)]
    for week in (-4, -3, -2):
        for weekday in (0, 2, 4):
            for habit in builds:
                put_checkin(client, habit, day(monday + 7 * week + weekday))
    for habit in quits:
        put_checkin(client, habit, day(-20), {"value": 1})
    last_week = [day(monday - 7 + weekday) for weekday in range(7)]
    pause(client, habit_id=builds[0]["id"], start=last_week[0], end=last_week[-1])
    pause(client, habit_id=quits[0]["id"], start=day(-9), end=day(-3))
    for date in last_week:
        put_checkin(client, builds[1], date, {"status": "skipped"})
    paused_quit = client.get(f"/habits/{quits[0]['id']}/stats").json
    # (Quit habits cannot be skipped through the API: a paused day there is neutral, so its
    # streak counts the days kept around the pause.)
    plain_quit = client.get(f"/habits/{quits[1]['id']}/stats").json
    assert paused_quit["current_streak"]["length"] == plain_quit["current_streak"]["length"] - 7
    assert paused_quit["total_done"] == plain_quit["total_done"] - 7
    strength = client.get(f"/habits/{quits[0]['id']}/strength?from={day(-10)}&to={day(-3)}").json
    assert len({point["value"] for point in strength}) == 1  # unchanged while paused
    mine, theirs = (client.get(f"/habits/{h['id']}/stats").json for h in builds)
    assert mine == theirs
    assert {k: mine["current_streak"][k] for k in ("length", "unit", "start", "end")} == {
        "length": 3, "unit": "weeks", "start": day(monday - 28), "end": day(monday - 8)}
    for path in ("strength", "calendar"):
        mine, theirs = (client.get(f"/habits/{h['id']}/{path}?from={day(monday - 28)}").json
                        for h in builds)
        if path == "calendar":
            assert {d["state"] for d in mine if d["date"] in last_week} == {"paused"}
            mine = [d | {"state": "skipped"} if d["state"] == "paused" else d for d in mine]
        assert mine == theirs
    assert today_item(client, builds[0]) == today_item(client, builds[1]) | {
        "habit": today_item(client, builds[0])["habit"]}


def test_a_check_in_on_a_paused_day_counts(client):
    walk = make_habit(client, start_date=day(-5))
    pause(client, habit_id=walk["id"], start=day(-5))
    put_checkin(client, walk, day(-1))
    put_checkin(client, walk, day())
    item = today_item(client, walk)
    assert (item["paused"], item["done"], item["streak"]["current"]) == (True, True, 2)
    states = [d["state"] for d in client.get(f"/habits/{walk['id']}/calendar?from={day(-5)}").json]
    assert states == ["paused"] * 4 + ["done", "done"]


def test_overlapping_pauses_sent_at_once_make_one(app, client):
    walk = make_habit(client)
    writers = clients_of(app, client, 6)
    for round_ in range(5):
        start = day(-10 * (round_ + 1))
        bodies = [{"habit_id": walk["id"], "start": start, "end": day(-10 * round_ - 5 + i % 2)}
                  for i in range(len(writers))]
        answers = at_once([lambda w=w, b=b: w.post("/pauses", b) for w, b in zip(writers, bodies)])
        assert sorted(a.status_code for a in answers) == [201] + [409] * 5, round_
    assert len(client.get("/pauses").json) == 5
