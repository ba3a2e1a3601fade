"""Issue 23: GET /habits/{id}/overview, the habit screen's one read. Defect 2: its weekly rows
agree with the weekly summary week by week (each judged by the rule in force then); defect 3:
days before the habit existed are neither missed nor counted in the 30-day rate."""
import datetime

from tests import clock

from ..conftest import make_habit
from .helpers import error_of

ONE_DAY = datetime.timedelta(days=1)


def test_overview_is_the_habit_screens_reads_in_one(client):
    today = clock.today()
    habit = make_habit(client, name="Read", start_date=(today - 20 * ONE_DAY).isoformat())
    client.put(f"/habits/{habit['id']}/checkins/{today}", {"note": "A good chapter"})
    body = client.get(f"/habits/{habit['id']}/overview").json
    assert body["habit"] == client.get(f"/habits/{habit['id']}").json
    stats = client.get(f"/habits/{habit['id']}/stats").json
    assert {k: v for k, v in body["stats"].items() if k != "rate_days"} == stats
    assert body["strength"] == client.get(
        f"/habits/{habit['id']}/strength?from={today - 20 * ONE_DAY}&to={today}").json
    assert body["calendar"][-1] == {"date": today.isoformat(), "state": "done", "value": None}
    assert [c["note"] for c in body["checkins"]] == ["A good chapter"]
    assert body["pauses"] == [] and body["identity"] is None
    assert body["today"] == today.isoformat()
    error_of(client.get("/habits/999999/overview"), 404, "not_found")


def test_weekly_rows_agree_with_the_weekly_summary_week_by_week(client):
    """Defect 2: a weekly habit changed from 2 to 4 times a week: past weeks asked for 2."""
    today = clock.today()
    monday = today - datetime.timedelta(days=today.weekday())
    start = monday - 21 * ONE_DAY
    habit = make_habit(client, name="Gym", schedule={"type": "per_week", "times": 2},
                       start_date=start.isoformat())
    for week in range(3):
        for day in range(2 if week != 1 else 1):
            client.put(f"/habits/{habit['id']}/checkins/{start + (7 * week + day) * ONE_DAY}",
                       {"status": "done"})
    assert client.patch(f"/habits/{habit['id']}",
                        {"schedule": {"type": "per_week", "times": 4}}).status_code == 200
    completion = client.get(f"/habits/{habit['id']}/overview").json["completion"]
    assert completion["unit"] == "week"
    rows = {row["start"]: row for row in completion["rows"]}
    for week in range(3):
        week_start = start + 7 * week * ONE_DAY
        summary = client.get(f"/summaries/weekly?date={week_start}").json
        mine = next(h for h in summary["habits"] if h["habit_id"] == habit["id"])
        row = rows[week_start.isoformat()]
        assert (row["done"], row["required"]) == (mine["done"], mine["scheduled"]), week
        assert row["required"] == 2
    assert min(rows) == start.isoformat()  # no row before the habit existed


def test_days_before_a_young_habit_existed_are_not_judged(client):
    """Defect 3: a two-week-old weekly habit: the days before it are not missed, and its rate
    speaks of its 14 days, not 30."""
    today = clock.today()
    start = today - 13 * ONE_DAY
    habit = make_habit(client, name="Gym", schedule={"type": "per_week", "times": 1},
                       start_date=start.isoformat())
    body = client.get(f"/habits/{habit['id']}/overview").json
    before = [d for d in body["calendar"] if d["date"] < start.isoformat()]
    assert all(d["state"] == "before_start" for d in before)
    assert body["stats"]["rate_days"] == 14
    assert all(row["end"] >= start.isoformat() for row in body["completion"]["rows"])


def test_the_week_screen_is_its_five_reads_in_one(client):
    today = clock.today()
    make_habit(client, name="Read", start_date=(today - 20 * ONE_DAY).isoformat())
    identity = client.post("/identities", {"statement": "I read", "color": "#2f9e6e"}).json
    body = client.get("/summaries/weekly/screen").json
    monday = today - datetime.timedelta(days=today.weekday())
    assert body["summary"] == client.get(f"/summaries/weekly?date={today}").json
    assert body["last_week"] == client.get(f"/summaries/weekly?date={monday - ONE_DAY}").json
    assert body["history"] == client.get("/summaries/weekly/history?weeks=12").json
    assert body["habits"] == client.get("/habits?archived=all").json
    assert [i["id"] for i in body["identities"]] == [identity["id"]]
    past = client.get(f"/summaries/weekly/screen?date={monday - 7 * ONE_DAY}").json
    assert past["last_week"] is None and past["summary"]["week_start"] == (
        monday - 7 * ONE_DAY).isoformat()
