"""Weekly summaries (RULES.md "Weekly summaries"): hand-built weeks with known answers, on both
databases. The weeks are in October 2026 (Mondays 5, 12 and 19), long before any run's today."""
import datetime

import pytest

from .. import clock
from ..conftest import ApiClient, make_habit
from .helpers import error_of

MON = datetime.date(2026, 10, 12)  # the week summarised; the week of the 5th is the one before
ONE_DAY = datetime.timedelta(days=1)


def days(first, count, step=1):
    return [(first + i * step * ONE_DAY).isoformat() for i in range(count)]


def log(client, habit, dates, **fields):
    items = [{"op": "put", "habit_id": habit["id"], "date": d} | fields for d in dates]
    results = client.post("/checkins/batch", {"items": items}).json["results"]
    assert all(r["ok"] for r in results), results


def week(client, day=MON):
    response = client.get(f"/summaries/weekly?date={day.isoformat()}")
    assert response.status_code == 200, response.json
    return response.json


def row(summary, habit):
    return next(r for r in summary["habits"] if r["habit_id"] == habit["id"])


def test_two_full_weeks_suggest_raising_and_the_minutes_add_up(client):
    paint = make_habit(client, name="Paint", measure="minutes", target=20, start_date="2026-10-01")
    log(client, paint, days(MON - 7 * ONE_DAY, 14), value=25)
    summary = week(client, MON + 3 * ONE_DAY)  # any day of the week picks it
    assert (summary["week_start"], summary["week_end"], summary["complete"]) == (
        "2026-10-12", "2026-10-18", True)
    painted = row(summary, paint)
    assert (painted["scheduled"], painted["done"], painted["rate"]) == (7, 7, 1)
    assert painted["value_total"] == 175 and summary["totals"]["minutes"] == 175
    assert painted["suggestion"] == {
        "action": "raise", "patch": {"target": 25},
        "text": "You met Paint every day two weeks running — try 25 minutes?"}
    assert client.patch(f"/habits/{paint['id']}", painted["suggestion"]["patch"]).status_code == 200
    # Taken: the week no longer suggests it (from the new target it would say 25 -> 35).
    assert row(week(client), paint)["suggestion"] is None
    assert painted["streak"] == {"current": 14, "unit": "days"}
    assert 0 < painted["strength_start"] < painted["strength_end"] < 1


def test_two_weeks_below_half_suggest_shrinking(client):
    read = make_habit(client, name="Read", measure="count", unit="pages", target=10,
                      start_date="2026-10-05")
    log(client, read, days(MON - 7 * ONE_DAY, 3), value=10)  # 3 of 7, then 2 of 7
    log(client, read, days(MON, 2), value=12)
    summary = row(week(client), read)
    assert (summary["done"], summary["rate"]) == (2, round(2 / 7, 4))
    assert summary["suggestion"]["action"] == "shrink"
    assert summary["suggestion"]["patch"] == {"target": 8}
    assert "try 8 pages" in summary["suggestion"]["text"]
    assert "fail" not in summary["suggestion"]["text"].lower()  # a coach, never a scold


def test_per_week_per_month_and_every_n_days_habits(client):
    gym = make_habit(client, name="Gym", schedule={"type": "per_week", "times": 3},
                     start_date="2026-10-01")
    new = make_habit(client, name="Try something new",
                     schedule={"type": "per_month", "times": 4}, start_date="2026-10-01")
    call = make_habit(client, name="Call mum", schedule={"type": "every_n_days", "n": 3},
                      start_date="2026-10-01")  # windows from Thu 1st: 10-12 ends 12-14 ...
    log(client, gym, days(MON, 4))  # four sessions: 3 of 3 counted
    log(client, new, ["2026-10-02", "2026-10-13"])
    log(client, call, ["2026-10-10", "2026-10-16"])
    summary = week(client)
    assert (row(summary, gym)["scheduled"], row(summary, gym)["done"]) == (3, 3)
    monthly = row(summary, new)
    assert (monthly["scheduled"], monthly["done"], monthly["rate"]) == (None, None, None)
    assert (monthly["month_done"], monthly["month_required"]) == (2, 4)
    # Windows ending in the week: 13-15 (met? no: nothing on 13-15), 16-18 (met) — and 10-12
    # ends on Monday the 12th (met, on the 10th).
    assert (row(summary, call)["scheduled"], row(summary, call)["done"]) == (3, 2)
    assert summary["totals"]["scheduled"] == 3 + 3  # the monthly habit is left out


def test_a_quit_habit_and_a_week_with_skipped_days(client):
    quit = make_habit(client, name="Late-night scrolling", kind="quit", start_date="2026-10-01")
    walk = make_habit(client, name="Walk", start_date="2026-10-01")
    log(client, quit, ["2026-10-13", "2026-10-15"])  # two slips
    log(client, walk, days(MON, 3), status="skipped")
    log(client, walk, days(MON + 3 * ONE_DAY, 3))
    summary = week(client)
    assert (row(summary, quit)["scheduled"], row(summary, quit)["done"]) == (7, 5)
    assert row(summary, quit)["suggestion"] is None
    walked = row(summary, walk)
    assert (walked["scheduled"], walked["done"], walked["skipped"]) == (4, 3, 3)


def test_identity_votes_mood_and_a_record(client):
    identity = client.post("/identities", {"statement": "I move my body"}).json
    walk = make_habit(client, name="Walk", identity_id=identity["id"], start_date="2026-09-20")
    log(client, walk, days(datetime.date(2026, 9, 21), 3))  # a 3-day streak, ended
    log(client, walk, days(MON - 2 * ONE_DAY, 5))  # Sat 10th to Wed 14th: 5 days, a record
    for day, mood in [("2026-10-06", 2), ("2026-10-08", 3), ("2026-10-12", 4), ("2026-10-13", 5)]:
        client.put(f"/reflections/{day}", {"mood": mood})
    summary = week(client)
    assert summary["identities"] == [{"identity_id": identity["id"], "statement": "I move my body",
                                      "votes": 3, "previous_votes": 2}]
    assert summary["mood"] == {"average": 4.5, "days": 2, "previous_average": 2.5}
    assert row(summary, walk)["record"] is True
    assert "New record: Walk, 5 days in a row." in summary["highlights"]
    later = week(client, MON + 7 * ONE_DAY)  # nothing grew that week
    assert row(later, walk)["record"] is False


def test_a_week_starting_on_sunday(client):
    client.patch("/me", {"week_start": "sun"})
    walk = make_habit(client, name="Walk", start_date="2026-10-01")
    log(client, walk, ["2026-10-11", "2026-10-17"])  # Sunday 11th and Saturday 17th
    summary = week(client, MON)
    assert (summary["week_start"], summary["week_end"]) == ("2026-10-11", "2026-10-17")
    assert row(summary, walk)["done"] == 2


def test_a_rule_change_in_the_middle_of_the_week(app, client):
    read = make_habit(client, name="Read", measure="count", target=10, start_date="2026-10-01")
    with app.app_context():  # made on the 1st; the target went up to 20 on Thursday the 15th
        from server.models import HabitRule
        rule = HabitRule.get(HabitRule.habit == read["id"])
        HabitRule.update(effective_from=datetime.date(2026, 10, 1)).where(
            HabitRule.id == rule.id).execute()
        HabitRule.create(habit=rule.habit, effective_from=datetime.date(2026, 10, 15),
                         schedule=rule.schedule, target=20, anchor=rule.anchor)
    log(client, read, days(MON, 7), value=15)  # done under 10, not under 20
    assert (row(week(client), read)["done"], row(week(client), read)["scheduled"]) == (3, 7)


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_the_default_week_is_the_last_complete_one_in_the_users_zone(app, zone):
    client = ApiClient(app).register(timezone=zone)
    today = clock.today(zone)
    monday = today - datetime.timedelta(days=today.weekday())
    summary = client.get("/summaries/weekly").json
    assert summary["week_start"] == (monday - 7 * ONE_DAY).isoformat()
    assert summary["complete"] is True
    this_week = client.get(f"/summaries/weekly?date={today.isoformat()}").json
    assert (this_week["week_start"], this_week["complete"]) == (monday.isoformat(), False)


def moods_and_days(client, habit, pattern):
    """Ninety days up to Sunday 18th: done on the days `pattern(i)` says, moods to match."""
    first = MON + 6 * ONE_DAY - 89 * ONE_DAY
    for i in range(90):
        day = (first + i * ONE_DAY).isoformat()
        done, mood = pattern(i)
        if done:
            log(client, habit, [day])
        if mood:
            client.put(f"/reflections/{day}", {"mood": mood})


def test_a_mood_link_with_enough_days(client):
    walk = make_habit(client, name="Walk", start_date="2026-07-01")
    # Walked every other day; a better mood on those days.
    moods_and_days(client, walk, lambda i: (i % 2 == 0, 4 + (i % 4 == 0) if i % 2 == 0
                                            else 2 + (i % 3 == 0)))
    [link] = week(client)["insights"]
    assert link["kind"] == "mood_link" and link["habit_id"] == walk["id"]
    assert link["mood_done"] > link["mood_not_done"] and link["p_value"] < 0.05
    assert link["text"].startswith("On days you did Walk, your mood averaged")
    assert link["text"].endswith("A link, not proof of cause.")


def test_no_mood_link_with_too_few_days_or_only_noise(client):
    few = make_habit(client, name="Few", start_date="2026-07-01")
    # A big difference, but moods on the last 11 days only: 6 and 5 days, too few.
    moods_and_days(client, few, lambda i: (i % 2 == 0, (5 if i % 2 == 0 else 1) if i > 78
                                           else None))
    noise = make_habit(client, name="Noise", start_date="2026-07-01")
    moods_and_days(client, noise, lambda i: (i % 2 == 0, 1 + (i * 7 % 5)))
    assert week(client)["insights"] == []


def test_history_has_a_line_per_week_newest_first(client):
    walk = make_habit(client, name="Walk", start_date=(clock.today() - 20 * ONE_DAY).isoformat())
    log(client, walk, [(clock.today() - k * ONE_DAY).isoformat() for k in range(1, 8)])
    rows = client.get("/summaries/weekly/history?weeks=6").json
    assert len(rows) == 6
    starts = [datetime.date.fromisoformat(r["week_start"]) for r in rows]
    assert starts == sorted(starts, reverse=True) and starts[0] <= clock.today()
    assert rows[-1]["rate"] is None and rows[-1]["scheduled"] == 0  # before the habit began
    error_of(client.get("/summaries/weekly/history?weeks=105"), 422, "validation_error")


def test_summaries_are_the_callers_own(client, other):
    make_habit(client, name="Mine", start_date="2026-10-01")
    assert week(other)["habits"] == []


def test_a_cached_summary_follows_every_change(app, client):
    """Each change that can alter a summary gives the summary a fresh computation would."""
    from server.models import WeeklyCache
    today = clock.today()
    identity = client.post("/identities", {"statement": "I move"}).json
    walk = make_habit(client, name="Walk", identity_id=identity["id"],
                      start_date=(today - 30 * ONE_DAY).isoformat())
    this_week = f"/summaries/weekly?date={today.isoformat()}"
    last_week = f"/summaries/weekly?date={(today - 7 * ONE_DAY).isoformat()}"
    changes = [
        lambda: client.put(f"/habits/{walk['id']}/checkins/{today.isoformat()}", {}),
        lambda: client.put(f"/habits/{walk['id']}/checkins/{(today - ONE_DAY).isoformat()}", {}),
        lambda: client.put(f"/habits/{walk['id']}/checkins/{(today - 8 * ONE_DAY).isoformat()}",
                           {}),
        lambda: client.delete(f"/habits/{walk['id']}/checkins/{today.isoformat()}"),
        lambda: client.put(f"/reflections/{(today - 7 * ONE_DAY).isoformat()}", {"mood": 4}),
        lambda: client.put(f"/reflections/{(today - 7 * ONE_DAY).isoformat()}", {"mood": 2}),
        lambda: client.patch(f"/habits/{walk['id']}", {"name": "Walk outside", "private": True}),
        lambda: client.patch(f"/identities/{identity['id']}", {"statement": "I move daily"}),
        lambda: client.patch(f"/habits/{walk['id']}", {"target": None, "schedule": {
            "type": "per_week", "times": 3}}),
        lambda: client.patch("/me", {"week_start": "sun"}),
        lambda: client.patch(f"/habits/{walk['id']}", {"archived": True}),
    ]
    def read():
        return [client.get(path).json for path in
                (this_week, last_week, "/summaries/weekly/history?weeks=4")]

    for number, change in enumerate(changes):
        before = read()  # computed and cached
        assert read() == before  # and read back from the cache
        assert change().status_code in (200, 201, 204)
        after = read()
        with app.app_context():
            WeeklyCache.delete().execute()
        assert after == read(), number  # what a computation from scratch gives
        assert after != before, number  # (each change does show in a summary)


def test_a_summary_to_share_names_no_private_habit(client):
    secret = make_habit(client, name="Therapy with Dr Vance", private=True, measure="count",
                        target=1, start_date="2026-10-01")
    log(client, secret, days(MON - 7 * ONE_DAY, 14), value=1)
    shared = client.get(f"/summaries/weekly?date={MON.isoformat()}&hide_private=true").json
    assert "Vance" not in str(shared) and row(shared, secret)["name"] == "Private habit"
    assert row(shared, secret)["suggestion"]["text"].startswith("You met Private habit")
    assert row(week(client), secret)["name"] == "Therapy with Dr Vance"  # in the app: named
