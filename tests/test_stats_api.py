"""Today, stats, strength, calendar and votes through HTTP, and the summary cache against a full
recomputation."""
import dataclasses
import datetime
import random

import pytest

from server import domain
from server.models import Checkin, Habit
from server.store.habits import attach_rules
from server.store.specs import habit_spec

from . import clock
from .conftest import ApiClient, make_habit


def day(offset, today=None):
    """clock.day, or `offset` days from another `today`."""
    return (today + datetime.timedelta(days=offset)).isoformat() if today else clock.day(offset)


def log(client, habit, offset, body=None, today=None):
    response = client.put(f"/habits/{habit['id']}/checkins/{day(offset, today)}", body or {})
    assert response.status_code in (200, 201), response.json
    return response.json


def today_item(client, habit, date=None):
    query = f"?date={date}" if date else ""
    items = client.get(f"/today{query}").json["habits"]
    return next(item for item in items if item["habit"]["id"] == habit["id"])


def test_a_daily_habit_checked_once_has_loops_first_strength(client):
    habit = make_habit(client)
    log(client, habit, 0)
    item = today_item(client, habit)
    assert item["done"] and item["due"]
    assert item["strength"] == 0.051922
    assert item["streak"] == {"current": 1, "unit": "days"}
    assert item["checkin"]["status"] == "done"


def test_back_filled_days_build_the_streak_and_stats(client):
    habit = make_habit(client)
    for offset in (-5, -3, -2, -1):
        log(client, habit, offset)
    assert today_item(client, habit)["streak"] == {"current": 3, "unit": "days"}  # today is open
    stats = client.get(f"/habits/{habit['id']}/stats").json
    assert stats["current_streak"] == {"length": 3, "unit": "days", "start": day(-3),
                                       "end": day(-1)}
    assert stats["best_streak"]["length"] == 3
    assert [s["length"] for s in stats["streaks"]] == [3, 1]
    assert stats["total_done"] == 4
    assert stats["completion_rate"]["7"] == pytest.approx(4 / 5)
    assert sum(stats["by_weekday"]) == 4
    log(client, habit, 0)
    assert today_item(client, habit)["streak"] == {"current": 4, "unit": "days"}


def test_a_back_fill_of_yesterday_on_a_new_habit_counts_at_once(client):
    habit = make_habit(client)
    assert today_item(client, habit)["streak"]["current"] == 0  # caches the new habit's state
    log(client, habit, -1)  # moves the start date back to yesterday
    assert today_item(client, habit)["streak"] == {"current": 1, "unit": "days"}
    log(client, habit, 0)
    assert today_item(client, habit)["streak"] == {"current": 2, "unit": "days"}


def test_calendar_and_strength_series(client):
    habit = make_habit(client, measure="minutes", target=30)
    log(client, habit, -3, {"value": 30})
    log(client, habit, -2, {"value": 10})
    log(client, habit, -1, {"status": "skipped"})
    calendar = client.get(f"/habits/{habit['id']}/calendar?from={day(-4)}").json
    assert [d["state"] for d in calendar] == ["before_start", "done", "partial", "skipped", "open"]
    assert calendar[2]["value"] == 10
    strength = client.get(f"/habits/{habit['id']}/strength?from={day(-3)}").json
    assert [p["date"] for p in strength] == [day(o) for o in range(-3, 1)]
    assert strength[2]["value"] == strength[1]["value"]  # a skipped day leaves it unchanged
    assert 0 < strength[0]["value"] < strength[1]["value"]
    bad = client.get(f"/habits/{habit['id']}/calendar?from={day(0)}&to={day(-1)}")
    assert bad.status_code == 422


def test_a_past_day_is_not_due_when_the_rest_of_its_week_met_it(client):
    today = clock.today()
    monday = today - datetime.timedelta(days=today.weekday() + 7)
    habit = make_habit(client, schedule={"type": "per_week", "times": 2},
                       start_date=monday.isoformat())
    for offset in (2, 3):  # Wednesday and Thursday of last week
        log(client, habit, (monday - today).days + offset)
    assert today_item(client, habit, monday.isoformat())["due"] is False


def test_per_week_due_until_the_week_is_met(client):
    habit = make_habit(client, schedule={"type": "per_week", "times": 1})
    assert today_item(client, habit)["due"]
    log(client, habit, 0)
    item = today_item(client, habit)
    assert item["due"]  # judged without today's own check-in
    assert item["done"] and item["streak"] == {"current": 1, "unit": "weeks"}


def test_quit_habit_is_kept_until_a_slip(client):
    habit = make_habit(client, kind="quit", measure="count", target=2)
    log(client, habit, -2, {"value": 5})
    item = today_item(client, habit)
    assert item["done"] and item["streak"] == {"current": 2, "unit": "days"}
    log(client, habit, 0, {"value": 1})  # within the limit of 2
    assert today_item(client, habit)["done"]
    log(client, habit, 0, {"value": 3})
    assert today_item(client, habit)["streak"]["current"] == 0


def test_raising_a_target_keeps_earlier_days_done(client):
    habit = make_habit(client, measure="count", target=10)
    for offset in range(-14, 0):
        log(client, habit, offset, {"value": 10})
    client.patch(f"/habits/{habit['id']}", {"target": 20})
    stats = client.get(f"/habits/{habit['id']}/stats").json
    assert stats["current_streak"]["length"] == 14
    states = {d["state"] for d in client.get(
        f"/habits/{habit['id']}/calendar?from={day(-14)}&to={day(-1)}").json}
    assert states == {"done"}
    log(client, habit, 0, {"value": 10})
    assert today_item(client, habit)["done"] is False  # today the new target applies


def test_today_uses_the_users_time_zone(app):
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        client = ApiClient(app).register(timezone=zone)
        local = clock.today(zone)
        habit = make_habit(client)
        assert client.get("/today").json["date"] == local.isoformat()
        log(client, habit, 0, today=local)
        assert today_item(client, habit)["done"]


def test_identity_votes(client):
    identity = client.post("/identities", {"statement": "I move my body"}).json
    walk = make_habit(client, identity_id=identity["id"])
    quit = make_habit(client, identity_id=identity["id"], kind="quit")
    for offset in (-9, -1, 0):
        log(client, walk, offset)
    log(client, quit, -9)  # starts the quit habit with a slip; every later day is kept
    body = client.get(f"/identities/{identity['id']}").json
    today = clock.today()
    week_begin = today - datetime.timedelta(days=today.weekday())
    in_week = sum(1 for o in (-9, -1, 0) if day(o) >= week_begin.isoformat())
    kept_in_week = (today - max(week_begin, today - datetime.timedelta(days=8))).days + 1
    assert body["votes_total"] == 3 + 9
    assert body["votes_this_week"] == in_week + kept_in_week


def test_stats_endpoints_are_the_callers_only(client, other):
    habit = make_habit(client)
    for path in ("stats", "strength", "calendar", "checkins"):
        assert other.get(f"/habits/{habit['id']}/{path}").status_code == 404
    assert other.get("/today").json["habits"] == []


SCHEDULES = [{"type": "daily"}, {"type": "weekdays", "days": [0, 3, 5]},
             {"type": "per_week", "times": 2}, {"type": "per_month", "times": 5},
             {"type": "every_n_days", "n": 3}]


def full_recomputation(app, user_email, date):
    """Every habit's state on `date` computed from all of its check-ins, bypassing the cache."""
    with app.app_context():
        from server.models import User
        user = User.get(User.email == user_email)
        week_start = 6 if user.week_start == "sun" else 0
        states = {}
        for habit in attach_rules(list(Habit.select().where(Habit.user == user))):
            spec = habit_spec(habit, week_start)
            entries = [domain.Entry(c.day, c.status, c.value) for c in
                       Checkin.select().where(Checkin.habit == habit).order_by(Checkin.day)]
            state = domain.today_state(spec, [e for e in entries if e.day <= date], date)
            # On a past date, the later check-ins of its period count towards `due` too.
            states[habit.id] = dataclasses.replace(
                state, due=domain.is_due(spec, entries, date, clock.today()))
        return states


def assert_cache_matches(app, client, date=None):
    date = date or clock.today()
    expected = full_recomputation(app, client.user["email"], date)
    for item in client.get(f"/today?date={date.isoformat()}").json["habits"]:
        state = expected[item["habit"]["id"]]
        assert (item["due"], item["done"], item["strength"]) == (
            state.due, state.done, state.strength), item["habit"]["name"]
        assert item["streak"] == {"current": state.current_streak.length,
                                  "unit": state.current_streak.unit}


def test_cached_summaries_equal_a_full_recomputation(app, client):
    rng = random.Random(3)
    habits = [make_habit(client, name=f"h{i}", schedule=s) for i, s in enumerate(SCHEDULES)]
    habits.append(make_habit(client, name="quit", kind="quit", measure="minutes", target=10))
    for habit in habits:
        for offset in rng.sample(range(-90, 1), 50):
            body = {"value": rng.randint(0, 20)} if habit["kind"] == "quit" else (
                {"status": rng.choice(["done", "done", "skipped"])})
            log(client, habit, offset, body)
    assert_cache_matches(app, client)  # computes and stores the summaries
    assert_cache_matches(app, client)  # reads them back
    for habit in habits:  # back-fills and deletions behind the cached checkpoint
        log(client, habit, -120, {"value": 0} if habit["kind"] == "quit" else {})
        client.delete(f"/habits/{habit['id']}/checkins/{day(-30)}")
    assert_cache_matches(app, client)
    client.patch(f"/habits/{habits[2]['id']}", {"schedule": {"type": "per_week", "times": 4}})
    client.patch("/me", {"week_start": "sun"})
    assert_cache_matches(app, client)
    for days_back in (1, 3, 9, 40):  # earlier dates: computed, never cached over the newer state
        assert_cache_matches(app, client, clock.today() - datetime.timedelta(days=days_back))
    assert_cache_matches(app, client)


def test_changing_the_week_start_regroups_weekly_habits(client):
    habit = make_habit(client, schedule={"type": "per_week", "times": 1},
                       start_date="2025-01-01")  # a Wednesday
    log(client, habit, 0, today=datetime.date(2025, 1, 5))  # Sunday
    log(client, habit, 0, today=datetime.date(2025, 1, 6))  # Monday

    def streak():
        stats = client.get(f"/habits/{habit['id']}/stats?date=2025-01-12").json
        today = today_item(client, habit, "2025-01-12")["streak"]
        assert today == {"current": stats["current_streak"]["length"], "unit": "weeks"}
        return stats["current_streak"]

    # Weeks from Monday: Sun 5th ends the first (partial) week, Mon 6th starts the next.
    assert streak() == {"length": 2, "unit": "weeks", "start": "2025-01-01", "end": "2025-01-12"}
    client.patch("/me", {"week_start": "sun"})
    # Weeks from Sunday: both days fall in the week of the 5th; Wed 1st..Sat 4th was missed.
    assert streak() == {"length": 1, "unit": "weeks", "start": "2025-01-05", "end": "2025-01-11"}


def test_the_server_runs_on_the_configured_clock(app):
    """The NOW configuration the date runs rely on: every "today" of the server follows it."""
    app.config["NOW"] = lambda: datetime.datetime(2028, 3, 1, 10, 30, tzinfo=datetime.timezone.utc)
    client = ApiClient(app).register(timezone="Pacific/Pago_Pago")  # UTC-11: still 29 February
    habit = make_habit(client)
    assert habit["start_date"] == "2028-02-29"
    assert client.get("/today").json["date"] == "2028-02-29"
    assert client.put(f"/habits/{habit['id']}/checkins/2028-03-01", {}).status_code == 422
    assert client.get("/me").json["created_at"].startswith("2028-03-01T10:30")


def test_five_hundred_habits_of_different_ages(app, client):
    """The per-habit windows of /today and the votes stay bounded queries (SQLite's parser
    overflowed on 86 habits' ORs): starts and window lengths differ, so few share a window."""
    identity = client.post("/identities", {"statement": "I show up"}).json
    with app.app_context():  # 500 habits through the API would take most of this test's time
        from server.models import User
        from server.store.habits import create_habit
        user = User.get(User.email == client.user["email"])
        for i in range(500):
            create_habit(user, {"name": f"h{i}", "identity_id": identity["id"],
                                "schedule": {"type": "every_n_days", "n": 2 + i % 97},
                                "start_date": datetime.date.fromisoformat(day(-i))})
    habits = client.get("/habits").json
    log(client, habits[0], 0)
    log(client, habits[-1], -499)
    today = client.get("/today")
    assert today.status_code == 200 and len(today.json["habits"]) == 500
    assert sum(item["done"] for item in today.json["habits"]) == 1
    assert client.get(f"/identities/{identity['id']}").json["votes_total"] == 2
    assert client.get("/identities").status_code == 200
    assert_cache_matches(app, client)


def test_today_gives_each_habit_its_period_by_the_rule_of_its_first_day(app, client):
    """A rule changed mid-week asks for the new number of times from the next week on: the week
    under way keeps the old one (RULES.md), and /today says so to the app."""
    today = clock.today()
    monday = today - datetime.timedelta(days=today.weekday())
    habit = make_habit(client, schedule={"type": "per_week", "times": 3},
                       start_date=(monday - datetime.timedelta(days=14)).isoformat())
    daily = make_habit(client, name="Read")
    assert today_item(client, habit)["period"] == {
        "start": monday.isoformat(), "end": (monday + datetime.timedelta(days=6)).isoformat(),
        "times": 3, "required": 3, "done": 0, "unit": "weeks", "state": "open"}
    assert client.patch(f"/habits/{habit['id']}",
                        {"schedule": {"type": "per_week", "times": 4}}).status_code == 200
    expected = 3 if today > monday else 4  # on a Monday the new rule starts with the week
    assert today_item(client, habit)["period"]["times"] == expected
    later = clock.now() + datetime.timedelta(days=7 - today.weekday())  # next Monday
    app.config["NOW"] = lambda: later
    assert today_item(client, habit)["period"]["times"] == 4
    app.config["NOW"] = clock.now
    assert today_item(client, daily)["period"] == {
        "start": today.isoformat(), "end": today.isoformat(), "times": 1, "required": 1,
        "done": 0, "unit": "days", "state": "open"}
