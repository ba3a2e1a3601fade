"""New chapters (issue 24) through the API: the chapters themselves, the evidence counted since
the current one beside all time (identity reads, the weekly summary) against hand-worked data,
and the fresh start Today offers at the landmarks the user chose, once, set aside when dismissed.

The app runs on fixed days here (app.config["NOW"]), so every test holds on every real day."""
import datetime

import pytest

from ..conftest import ApiClient, make_habit
from .helpers import error_of, field_errors, put_checkin

UTC = datetime.timezone.utc


def on(app, day, hour=12):
    """Run the app at `hour` UTC on `day` (ISO) from now on."""
    instant = datetime.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)
    app.config["NOW"] = lambda: instant


@pytest.fixture
def user(app):
    """A user in UTC whose account began on Saturday 20 February 2027."""
    on(app, "2027-02-20")
    return ApiClient(app).register(timezone="UTC")


def test_chapters_are_made_renamed_and_removed(user):
    assert user.get("/chapters").json == []
    first = user.post("/chapters", {"name": "Since the move", "start": "2027-02-01"})
    assert first.status_code == 201, first.json
    assert {k: first.json[k] for k in ("name", "start", "current")} == {
        "name": "Since the move", "start": "2027-02-01", "current": True}
    # One planned ahead is not current until its first day.
    later = user.post("/chapters", {"name": "After the course", "start": "2027-03-01"}).json
    assert later["current"] is False
    assert [(c["name"], c["current"]) for c in user.get("/chapters").json] == [
        ("Since the move", True), ("After the course", False)]
    renamed = user.patch(f"/chapters/{first.json['id']}", {"name": "Since we moved"}).json
    assert (renamed["name"], renamed["start"]) == ("Since we moved", "2027-02-01")
    assert user.patch(f"/chapters/{later['id']}", {"start": "2027-02-10"}).json["current"]
    assert user.patch(f"/chapters/{later['id']}", {}).json["start"] == "2027-02-10"
    assert user.delete(f"/chapters/{later['id']}").status_code == 204
    error_of(user.delete(f"/chapters/{later['id']}"), 404, "not_found")
    assert [c["current"] for c in user.get("/chapters").json] == [True]


def test_a_chapter_needs_a_name_and_a_day(user):
    assert field_errors(user.post("/chapters", {"start": "2027-02-01"}), "name")
    assert field_errors(user.post("/chapters", {"name": "", "start": "2027-02-01"}), "name")
    assert field_errors(user.post("/chapters", {"name": "x" * 81, "start": "2027-02-01"}), "name")
    assert field_errors(user.post("/chapters", {"name": "Move"}), "start")
    assert field_errors(user.post("/chapters", {"name": "Move", "start": "1969-12-31"}), "start")
    assert field_errors(user.post("/chapters", {"name": "Move", "start": "2027-02-01",
                                                "colour": "red"}), "colour")


@pytest.fixture
def evidence(app, user):
    """Hand-worked days, 1 to 10 March 2027 (today is Wednesday the 10th; weeks start Monday):
    - Walk (identity "I move"), daily check: done on 1, 2, 3, 5, 8, 9, 10 (7 votes);
    - No reactive messages ("I move"), quit, from the 1st: a slip on the 4th (9 kept days);
    - Pages ("I read"), 3 a day: 3 on the 6th, 2 on the 7th (below target: no vote), 5 on the 9th.
    Chapter "Since the move" from Friday the 5th."""
    on(app, "2027-03-10")
    move = user.post("/identities", {"statement": "I move"}).json
    read = user.post("/identities", {"statement": "I read"}).json
    walk = make_habit(user, identity_id=move["id"], start_date="2027-03-01")
    calm = make_habit(user, name="No reactive messages", kind="quit", identity_id=move["id"],
                      start_date="2027-03-01")
    pages = make_habit(user, name="Pages", measure="count", target=3, identity_id=read["id"],
                       start_date="2027-03-01")
    for d in (1, 2, 3, 5, 8, 9, 10):
        put_checkin(user, walk, f"2027-03-{d:02}", {"status": "done"})
    put_checkin(user, calm, "2027-03-04", {"value": 1})
    for d, value in ((6, 3), (7, 2), (9, 5)):
        put_checkin(user, pages, f"2027-03-{d:02}", {"value": value})
    chapter = user.post("/chapters", {"name": "Since the move", "start": "2027-03-05"}).json
    return {"move": move["id"], "read": read["id"], "chapter": chapter}


def test_evidence_since_the_chapter_beside_all_time(user, evidence):
    # Since the 5th: Walk 5, 8, 9, 10; kept 5-10; Pages 6 and 9.
    assert user.get("/chapters/evidence").json == {
        "chapter": {"id": evidence["chapter"]["id"], "name": "Since the move",
                    "start": "2027-03-05"},
        "votes": 12, "identities": [{"identity_id": evidence["move"], "votes": 10},
                                    {"identity_id": evidence["read"], "votes": 2}]}
    votes = user.get(f"/identities/{evidence['move']}/votes?weeks=2").json
    assert votes["chapter"] == {"id": evidence["chapter"]["id"], "name": "Since the move",
                                "start": "2027-03-05", "votes": 10}
    assert user.get(f"/identities/{evidence['move']}").json["votes_total"] == 16
    # This week (8-10) and last week (1-7), each by the chapter current at its end.
    week = user.get("/summaries/weekly?date=2027-03-10").json["chapter"]
    assert (week["name"], week["votes"], week["votes_total"]) == ("Since the move", 12, 18)
    assert week["identities"] == [
        {"identity_id": evidence["move"], "votes": 10, "votes_total": 16},
        {"identity_id": evidence["read"], "votes": 2, "votes_total": 2}]
    last = user.get("/summaries/weekly?date=2027-03-07").json["chapter"]
    # up to the 7th: since the 5th Walk 5, kept 5-7, Pages 6 = 5; in all Walk 4, kept 6, Pages 1
    assert (last["votes"], last["votes_total"]) == (5, 11)


def test_a_later_chapter_becomes_current_and_earlier_weeks_keep_theirs(user, evidence):
    user.post("/chapters", {"name": "After the course", "start": "2027-03-09"})
    assert user.get("/chapters/evidence").json["votes"] == 5  # Walk 9, 10; kept 9, 10; Pages 9
    votes = user.get(f"/identities/{evidence['move']}/votes").json["chapter"]
    assert (votes["name"], votes["votes"]) == ("After the course", 4)
    assert user.get("/summaries/weekly?date=2027-03-10").json["chapter"]["name"] == \
        "After the course"  # the summary's cache knows chapters changed
    assert user.get("/summaries/weekly?date=2027-03-07").json["chapter"]["name"] == \
        "Since the move"
    user.delete(f"/chapters/{evidence['chapter']['id']}")
    assert user.get("/summaries/weekly?date=2027-03-07").json["chapter"] is None


def test_no_chapter_no_since(user):
    assert user.get("/chapters/evidence").json == {"chapter": None, "votes": 0,
                                                   "identities": []}
    identity = user.post("/identities", {"statement": "I move"}).json
    assert user.get(f"/identities/{identity['id']}/votes").json["chapter"] is None
    assert user.get("/summaries/weekly").json["chapter"] is None


def offer(user):
    """Today's offer, as GET /fresh-start and GET /today both say it."""
    fresh = user.get("/fresh-start").json["offer"]
    assert user.get("/today").json["fresh_start"] == fresh
    return fresh and (fresh["landmark"], fresh["date"])


def test_fresh_starts_at_the_chosen_landmarks_once(app, user):
    assert user.get("/fresh-start").json == {"landmarks": ["month", "anniversary"],
                                             "offer": None}
    on(app, "2027-02-22")  # a Monday: weeks are not chosen by default
    assert offer(user) is None
    assert user.patch("/fresh-start", {"landmarks": ["anniversary", "week", "month", "week"]}
                      ).json["landmarks"] == ["week", "month", "anniversary"]
    assert offer(user) == ("week", "2027-02-22")
    on(app, "2027-02-25")  # the offer stands three days
    assert offer(user) is None
    on(app, "2027-03-01")  # a Monday and a month's first day: the rarer one
    assert offer(user) == ("month", "2027-03-01")
    on(app, "2027-03-02")
    assert user.post("/fresh-start/dismiss").json["offer"] is None
    assert offer(user) is None
    on(app, "2027-03-03")
    assert offer(user) is None  # set aside for good, not only for the day
    on(app, "2027-03-08", hour=23)
    assert offer(user) == ("week", "2027-03-08")
    assert user.get("/today?date=2027-03-07").json["fresh_start"] is None  # today only


def test_a_chapters_anniversary(app, user):
    user.patch("/fresh-start", {"landmarks": ["week", "anniversary"]})
    moved = user.post("/chapters", {"name": "Since the move", "start": "2026-03-10"}).json
    user.post("/chapters", {"name": "After the course", "start": "2027-01-04"})
    on(app, "2027-03-10")
    fresh = user.get("/fresh-start").json["offer"]
    # The week of the 8th stands too: an anniversary is rarer.
    assert fresh == {"landmark": "anniversary", "date": "2027-03-10", "years": 1, "chapter": {
        "id": moved["id"], "name": "Since the move", "start": "2026-03-10"}}
    user.post("/fresh-start/dismiss")
    on(app, "2027-03-11")
    assert offer(user) is None  # the week's landmark was set aside with it
    user.patch("/fresh-start", {"landmarks": []})
    on(app, "2027-03-15")
    assert offer(user) is None


def test_no_fresh_start_for_a_landmark_before_the_account(app):
    on(app, "2027-03-01", hour=9)  # a month's first day, the day the account is made
    newcomer = ApiClient(app).register(timezone="UTC")
    assert offer(newcomer) is None
    on(app, "2027-04-01")
    assert offer(newcomer) == ("month", "2027-04-01")


def test_paused_days_are_no_votes_since_a_chapter_unless_logged(app, user):
    """A quit habit from Monday 1 March 2027, a chapter from the 3rd, an account pause of the
    5th to the 7th, a slip-free day logged on the 6th: kept days since the 3rd are 3, 4, 6, 8,
    9, 10 (the 5th and 7th rest), 6 votes; 8 in all (the 1st and 2nd too)."""
    on(app, "2027-03-10")
    identity = user.post("/identities", {"statement": "I stay steady"}).json
    calm = make_habit(user, name="No reactive messages", kind="quit", identity_id=identity["id"],
                      start_date="2027-03-01")
    assert user.post("/pauses", {"start": "2027-03-05", "end": "2027-03-07"}).status_code == 201
    put_checkin(user, calm, "2027-03-06", {"value": 0})
    user.post("/chapters", {"name": "After the separation", "start": "2027-03-03"})
    assert user.get("/chapters/evidence").json["votes"] == 6
    assert user.get(f"/identities/{identity['id']}/votes").json["chapter"]["votes"] == 6
    assert user.get(f"/identities/{identity['id']}").json["votes_total"] == 8
    week = user.get("/summaries/weekly?date=2027-03-10").json["chapter"]
    assert (week["votes"], week["votes_total"]) == (6, 8)


def test_a_habit_with_no_identity_votes_for_none_since_a_chapter(app, user):
    """Its days count in no identity's line (the fuzzer met a 500 here: None sorted with ids)."""
    move = user.post("/identities", {"statement": "I move"}).json
    walk = make_habit(user, name="Walk", identity_id=move["id"], start_date="2027-02-20")
    loose = make_habit(user, name="Loose", start_date="2027-02-20")
    chapter = user.post("/chapters", {"name": "Since the move", "start": "2027-02-20"}).json
    for habit in (walk, loose):
        put_checkin(user, habit, "2027-02-20")
    answer = user.get("/chapters/evidence")
    assert answer.status_code == 200, answer.json
    assert answer.json["chapter"]["id"] == chapter["id"]
    assert answer.json["identities"] == [{"identity_id": move["id"], "votes": 1}]
