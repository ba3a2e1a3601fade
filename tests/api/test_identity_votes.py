"""An identity's votes per week and its evidence (GET /identities/{id}/votes and /evidence).

The counts below are worked out by hand on a calendar of March 2026: the server's clock is set
to Tuesday 2026-03-31 (noon UTC, a UTC user), so weeks begin on Monday the 30th (or Sunday the
29th) and February, 28 days long, is the month before."""
import datetime

import pytest

from tests import clock
from ..conftest import ApiClient, make_habit
from .helpers import error_of, field_errors, put_checkin

TUESDAY_31 = datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.timezone.utc)


def set_now(app, instant):
    app.config["NOW"] = lambda: instant


@pytest.fixture
def me(app):
    """A UTC user on Tuesday 2026-03-31 (the clock stays there unless a test moves it)."""
    set_now(app, TUESDAY_31)
    return ApiClient(app).register(timezone="UTC")


def identity(client, statement="I move my body"):
    response = client.post("/identities", {"statement": statement})
    assert response.status_code == 201, response.json
    return response.json


def log(client, habit, days, body=None):
    for day in days:
        put_checkin(client, habit, f"2026-{day}", body)


def votes(client, identity_id, weeks=3):
    response = client.get(f"/identities/{identity_id}/votes?weeks={weeks}")
    assert response.status_code == 200, response.json
    return response.json


def by_week(body):
    return {week["week_start"]: week["votes"] for week in body["weeks"]}


@pytest.fixture
def march(me):
    """Three habits of one identity with check-ins around the week boundaries of late March,
    and two habits whose check-ins must not count."""
    mine, theirs = identity(me), identity(me, "I make art")
    run = make_habit(me, name="Run", identity_id=mine["id"])
    log(me, run, ["03-22", "03-23", "03-28", "03-29", "03-30", "03-31"])
    put_checkin(me, run, "2026-03-25", {"status": "skipped"})
    pages = make_habit(me, name="Pages", identity_id=mine["id"], measure="count", target=3)
    put_checkin(me, pages, "2026-03-21", {"value": 2})  # below the target: no vote
    put_checkin(me, pages, "2026-03-26", {"value": 5})
    put_checkin(me, pages, "2026-03-29", {"value": 3})
    scroll = make_habit(me, name="No doomscrolling", identity_id=mine["id"], kind="quit",
                        start_date="2026-03-27")
    put_checkin(me, scroll, "2026-03-28", {"value": 1})  # a slip; the 27th, 29th-31st are kept
    paint = make_habit(me, name="Paint", identity_id=theirs["id"])
    loose = make_habit(me, name="Stretch")
    log(me, paint, ["03-30"])
    log(me, loose, ["03-30"])
    return {"identity": mine, "other": theirs, "run": run, "pages": pages, "scroll": scroll}


def test_votes_per_monday_week(me, march):
    body = votes(me, march["identity"]["id"])
    assert set(body) == {"identity_id", "as_of", "weeks", "this_month", "last_month",
                         "last_month_to_date", "chapter"}
    assert body["chapter"] is None  # no chapter begun (tests/api/test_chapters.py)
    assert (body["identity_id"], body["as_of"]) == (march["identity"]["id"], "2026-03-31")
    # 16-22: Run on Sunday 22 (Pages' 2 of 3 on the 21st is no vote).
    # 23-29: Run 23, 28, 29; Pages 26, 29; kept 27 and 29 (slipped 28).
    # 30-31: Run 30, 31; kept 30, 31.
    assert body["weeks"] == [{"week_start": "2026-03-16", "votes": 1},
                             {"week_start": "2026-03-23", "votes": 7},
                             {"week_start": "2026-03-30", "votes": 4}]


def test_votes_per_sunday_week(me, march):
    assert me.patch("/me", {"week_start": "sun"}).status_code == 200
    # 15-21: nothing. 22-28: Run 22, 23, 28; Pages 26; kept 27. 29-31: Run 29, 30, 31;
    # Pages 29; kept 29, 30, 31.
    assert votes(me, march["identity"]["id"])["weeks"] == [
        {"week_start": "2026-03-15", "votes": 0}, {"week_start": "2026-03-22", "votes": 5},
        {"week_start": "2026-03-29", "votes": 7}]


def test_the_current_week_agrees_with_the_identity_counts(me, march):
    """The identity's votes_this_week (from the cached checkpoints) and the last bar agree."""
    listed = me.get(f"/identities/{march['identity']['id']}").json
    assert listed["votes_this_week"] == votes(me, march["identity"]["id"])["weeks"][-1]["votes"]
    me.patch("/me", {"week_start": "sun"})
    listed = me.get(f"/identities/{march['identity']['id']}").json
    assert listed["votes_this_week"] == votes(me, march["identity"]["id"])["weeks"][-1]["votes"]
    assert listed["votes_total"] == 12  # every vote of the three habits falls in these weeks


def test_other_identities_count_their_own(me, march):
    assert by_week(votes(me, march["other"]["id"])) == {
        "2026-03-16": 0, "2026-03-23": 0, "2026-03-30": 1}


def test_votes_follow_the_current_identity(me, march):
    me.patch(f"/habits/{march['run']['id']}", {"identity_id": march["other"]["id"]})
    assert [w["votes"] for w in votes(me, march["identity"]["id"])["weeks"]] == [0, 4, 2]
    assert [w["votes"] for w in votes(me, march["other"]["id"])["weeks"]] == [1, 3, 3]


def test_archived_habits_still_vote(me, march):
    me.patch(f"/habits/{march['run']['id']}", {"archived": True})
    assert [w["votes"] for w in votes(me, march["identity"]["id"])["weeks"]] == [1, 7, 4]


def test_a_day_is_judged_by_the_target_of_its_day(app, me):
    mine = identity(me)
    set_now(app, datetime.datetime(2026, 3, 24, 12, tzinfo=datetime.timezone.utc))
    pages = make_habit(me, name="Pages", identity_id=mine["id"], measure="count", target=3)
    put_checkin(me, pages, "2026-03-23", {"value": 4})
    set_now(app, datetime.datetime(2026, 3, 26, 12, tzinfo=datetime.timezone.utc))
    assert me.patch(f"/habits/{pages['id']}", {"target": 5}).status_code == 200
    set_now(app, TUESDAY_31)
    put_checkin(me, pages, "2026-03-26", {"value": 4})  # 4 of 5 since the 26th: no vote
    put_checkin(me, pages, "2026-03-27", {"value": 5})
    put_checkin(me, pages, "2026-03-24", {"value": 3})  # 3 of 3 on the 24th: a vote
    assert [w["votes"] for w in votes(me, mine["id"])["weeks"]] == [0, 3, 0]


def test_this_month_against_last(app, me):
    """On Tuesday 10 March: this month is the 1st to the 10th; February in full, and February
    up to the 10th."""
    mine = identity(me)
    set_now(app, datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.timezone.utc))
    run = make_habit(me, name="Run", identity_id=mine["id"])
    log(me, run, ["01-31", "02-01", "02-10", "02-11", "02-28", "03-02", "03-10"])
    body = votes(me, mine["id"], weeks=1)
    assert (body["this_month"], body["last_month"], body["last_month_to_date"]) == (2, 4, 2)
    assert body["weeks"] == [{"week_start": "2026-03-09", "votes": 1}]


def test_a_shorter_month_before_counts_to_its_last_day(app, me):
    """On 31 March the same day of February is its last, the 28th: to date is the whole month."""
    mine = identity(me)
    run = make_habit(me, name="Run", identity_id=mine["id"])
    log(me, run, ["02-01", "02-27", "02-28", "03-31"])
    pages = make_habit(me, name="Pages", identity_id=mine["id"], measure="count", target=2)
    put_checkin(me, pages, "2026-02-15", {"value": 2})
    put_checkin(me, pages, "2026-03-01", {"value": 1})
    body = votes(me, mine["id"], weeks=1)
    assert (body["this_month"], body["last_month"], body["last_month_to_date"]) == (1, 4, 4)


def test_a_quit_habit_votes_every_kept_day_from_its_start(app, me):
    mine = identity(me)
    make_habit(me, name="No sugar", identity_id=mine["id"], kind="quit", start_date="2026-03-20")
    # Kept every day from Friday 20 March: 20-22 in the week of the 16th, 7, then 30-31.
    body = votes(me, mine["id"], weeks=4)
    assert [w["votes"] for w in body["weeks"]] == [0, 3, 7, 2]
    assert (body["this_month"], body["last_month"], body["last_month_to_date"]) == (12, 0, 0)


def test_paused_days_are_no_votes_unless_logged(me):
    """A pause rests a quit habit's days (neutral, not kept); a check-in on a paused day counts."""
    mine = identity(me)
    make_habit(me, name="No sugar", identity_id=mine["id"], kind="quit", start_date="2026-03-20")
    run = make_habit(me, name="Run", identity_id=mine["id"])
    log(me, run, ["03-24", "03-25"])
    assert me.post("/pauses", {"start": "2026-03-23", "end": "2026-03-27"}).status_code == 201
    # Kept: 20-22, then 28-29 and 30-31; Run's 24th and 25th were logged in the pause.
    body = votes(me, mine["id"], weeks=3)
    assert [w["votes"] for w in body["weeks"]] == [3, 4, 2]
    assert me.get(f"/identities/{mine['id']}").json["votes_total"] == 9


def test_weeks_default_to_26_ending_with_this_week(me, march):
    body = me.get(f"/identities/{march['identity']['id']}/votes").json
    assert len(body["weeks"]) == 26
    assert body["weeks"][0]["week_start"] == "2025-10-06"  # 25 weeks before Monday 30 March
    assert body["weeks"][-1] == {"week_start": "2026-03-30", "votes": 4}
    assert sum(w["votes"] for w in body["weeks"]) == 12
    longest = votes(me, march["identity"]["id"], weeks=104)["weeks"]
    assert len(longest) == 104 and longest[0]["week_start"] == "2024-04-08"
    assert votes(me, march["identity"]["id"], weeks=1)["weeks"] == [longest[-1]]


@pytest.mark.parametrize("weeks", ["0", "105", "-1", "abc", "1.5", "", "99999999999999999999"])
def test_weeks_are_validated(me, march, weeks):
    field_errors(me.get(f"/identities/{march['identity']['id']}/votes?weeks={weeks}"), "weeks")


def test_unknown_query_fields_are_refused(me, march):
    field_errors(me.get(f"/identities/{march['identity']['id']}/votes?week=3"), "week")


def test_an_identity_without_habits_has_no_votes(me):
    mine = identity(me)
    body = votes(me, mine["id"], weeks=2)
    assert body["weeks"] == [{"week_start": "2026-03-23", "votes": 0},
                             {"week_start": "2026-03-30", "votes": 0}]
    assert me.get(f"/identities/{mine['id']}/evidence").json == []


def test_another_users_identity_is_404(app, me, march):
    stranger = ApiClient(app).register()
    for path in ("votes", "evidence"):
        error_of(stranger.get(f"/identities/{march['identity']['id']}/{path}"), 404, "not_found")
        error_of(me.get(f"/identities/424242/{path}"), 404, "not_found")


def test_evidence_is_the_newest_votes_with_notes(me, march):
    put_checkin(me, march["run"], "2026-03-31", {"note": "along the river"})
    put_checkin(me, march["scroll"], "2026-03-30", {"value": 0, "note": "phone in a drawer"})
    response = me.get(f"/identities/{march['identity']['id']}/evidence?limit=6")
    assert response.status_code == 200, response.json
    rows = [(e["date"], e["habit"]["name"], e["note"]) for e in response.json]
    # Newest first, by habit position within a day; skips, slips and days below target left out.
    assert rows == [("2026-03-31", "Run", "along the river"),
                    ("2026-03-30", "Run", ""),
                    ("2026-03-30", "No doomscrolling", "phone in a drawer"),
                    ("2026-03-29", "Run", ""), ("2026-03-29", "Pages", ""),
                    ("2026-03-28", "Run", "")]
    first = response.json[0]
    assert set(first) == {"date", "habit", "status", "value", "note"}
    assert first["habit"]["id"] == march["run"]["id"] and first["status"] == "done"
    assert response.json[4]["value"] == 3


def test_evidence_reads_past_days_that_are_no_votes(me):
    """More check-ins below target than a page holds do not hide the votes before them."""
    mine = identity(me)
    pages = make_habit(me, name="Pages", identity_id=mine["id"], measure="count", target=5)
    first = datetime.date(2026, 3, 31) - datetime.timedelta(days=79)
    for offset in range(80):
        day = first + datetime.timedelta(days=offset)
        put_checkin(me, pages, day.isoformat(), {"value": 5 if offset < 3 else 1})
    days = [e["date"] for e in me.get(f"/identities/{mine['id']}/evidence").json]
    assert days == [(first + datetime.timedelta(days=n)).isoformat() for n in (2, 1, 0)]


@pytest.mark.parametrize("limit", ["0", "51", "x", "-3"])
def test_evidence_limit_is_validated(me, march, limit):
    field_errors(me.get(f"/identities/{march['identity']['id']}/evidence?limit={limit}"), "limit")


def test_on_the_suites_own_clock(app, client):
    """On whatever day the suite runs: yesterday and today both land in the last two weeks."""
    mine = identity(client)
    run = make_habit(client, name="Run", identity_id=mine["id"])
    today = clock.today()
    put_checkin(client, run, today.isoformat())
    put_checkin(client, run, (today - datetime.timedelta(days=1)).isoformat())
    body = votes(client, mine["id"], weeks=2)
    monday = today - datetime.timedelta(days=today.weekday())
    assert body["as_of"] == today.isoformat() and body["weeks"][-1]["week_start"] == str(monday)
    assert [w["votes"] for w in body["weeks"]] == ([1, 1] if today == monday else [0, 2])
    assert body["this_month"] == (2 if today.day > 1 else 1)
