"""GET /history/mood (issue 25) against hand-made moods: the year in pixels, mood by weekday,
the year's figures and one month's entries with their notes, on both databases.

The app runs on a fixed day here (app.config["NOW"]), so every test holds on every real day."""
import datetime

import pytest

from ..conftest import ApiClient
from .helpers import error_of, field_errors

UTC = datetime.timezone.utc
TODAY = "2027-03-10"  # a Wednesday
MOODS = {  # day: (mood, note)
    "2026-11-30": (2, "dark mornings"),  # a Monday, of the year before
    "2027-02-27": (1, ""),               # Saturday
    "2027-03-01": (4, "first run"),      # Monday
    "2027-03-02": (3, ""),               # Tuesday
    "2027-03-07": (5, "sea"),            # Sunday
    "2027-03-08": (2, "cold"),           # Monday
}


@pytest.fixture
def user(app):
    """A user in UTC on Wednesday 10 March 2027, with the moods above."""
    instant = datetime.datetime.fromisoformat(TODAY).replace(hour=12, tzinfo=UTC)
    app.config["NOW"] = lambda: instant
    client = ApiClient(app).register(timezone="UTC")
    for day, (mood, note) in MOODS.items():
        assert client.put(f"/reflections/{day}", {"mood": mood, "note": note}).status_code == 201
    return client


def test_the_year_in_pixels_has_a_cell_a_day(user):
    answer = user.get("/history/mood").json
    assert (answer["today"], answer["year"], answer["years"]) == (TODAY, 2027, [2026, 2027])
    cells = answer["cells"]
    assert len(cells) == 365 and (cells[0]["date"], cells[-1]["date"]) == ("2027-01-01",
                                                                          "2027-12-31")
    moods = {cell["date"]: cell["mood"] for cell in cells if cell["state"] == "mood"}
    assert moods == {"2027-02-27": 1, "2027-03-01": 4, "2027-03-02": 3, "2027-03-07": 5,
                     "2027-03-08": 2}
    states = {cell["date"]: cell["state"] for cell in cells}
    assert (states["2027-03-09"], states[TODAY], states["2027-03-11"]) == (
        "empty", "empty", "future")
    assert answer["summary"] == {"count": 5, "average": 3.0, "counts": [1, 1, 1, 1, 1]}
    assert answer["months"][1:3] == [{"count": 1, "average": 1.0, "counts": [1, 0, 0, 0, 0]},
                                     {"count": 4, "average": 3.5, "counts": [0, 1, 1, 1, 1]}]
    assert [month["count"] for month in answer["months"]] == [0, 1, 4] + [0] * 9


def test_mood_by_weekday_in_the_users_week_order(user):
    weekdays = user.get("/history/mood").json["weekdays"]
    assert [(w["weekday"], w["count"], w["average"]) for w in weekdays] == [
        (0, 2, 3.0), (1, 1, 3.0), (2, 0, None), (3, 0, None), (4, 0, None), (5, 1, 1.0),
        (6, 1, 5.0)]
    assert user.patch("/me", {"week_start": "sun"}).status_code == 200
    weekdays = user.get("/history/mood").json["weekdays"]
    assert [w["weekday"] for w in weekdays] == [6, 0, 1, 2, 3, 4, 5]
    # The year before has its own figures: one Monday.
    last_year = user.get("/history/mood?year=2026").json
    assert [(w["weekday"], w["count"], w["average"]) for w in last_year["weekdays"]
            if w["count"]] == [(0, 1, 2.0)]


def test_the_months_entries_come_with_their_notes_and_the_months_either_side(user):
    month = user.get("/history/mood").json["month"]
    assert (month["month"], month["start"], month["end"]) == ("2027-03", "2027-03-01",
                                                              "2027-03-31")
    assert [(e["date"], e["mood"], e["note"]) for e in month["entries"]] == [
        ("2027-03-08", 2, "cold"), ("2027-03-07", 5, "sea"), ("2027-03-02", 3, ""),
        ("2027-03-01", 4, "first run")]
    assert (month["previous"], month["next"]) == ("2027-02", None)
    # A month of the year before brings its own year's calendar; back to the first mood's month.
    november = user.get("/history/mood?month=2026-11").json
    assert november["year"] == 2026 and november["summary"]["count"] == 1
    assert (november["month"]["previous"], november["month"]["next"]) == (None, "2026-12")
    assert [e["note"] for e in november["month"]["entries"]] == ["dark mornings"]
    # A year and a month of it: the same answer as the month alone.
    assert user.get("/history/mood?year=2026&month=2026-11").json == november
    # A past year opens on its December, a year to come on its January.
    assert user.get("/history/mood?year=2026").json["month"]["month"] == "2026-12"
    future = user.get("/history/mood?year=2028").json
    assert future["month"]["month"] == "2028-01" and len(future["cells"]) == 366
    assert {cell["state"] for cell in future["cells"]} == {"future"}


def test_a_deleted_or_changed_mood_is_what_the_history_shows(user):
    assert user.put("/reflections/2027-03-08", {"mood": 4}).status_code == 200
    assert user.delete("/reflections/2027-03-07", {}).status_code == 204
    month = user.get("/history/mood").json["month"]
    assert [(e["date"], e["mood"]) for e in month["entries"]] == [
        ("2027-03-08", 4), ("2027-03-02", 3), ("2027-03-01", 4)]


@pytest.mark.parametrize("query, field", [
    ("year=1969", "year"), ("year=10000", "year"), ("year=twenty", "year"),
    ("month=2027-13", "month"), ("month=1969-12", "month"), ("month=2027-3", "month"),
    ("month=2027-03%0A", "month"), ("colour=red", "colour")])
def test_bad_queries_are_field_errors(user, query, field):
    assert field_errors(user.get(f"/history/mood?{query}"), field)


def test_a_year_and_a_month_of_another_year_are_refused(user):
    refused = user.get("/history/mood?year=2026&month=2025-03")
    error_of(refused, 422, "validation_error")
    assert refused.json["error"]["codes"] == {"month": [{"code": "not_allowed"}]}


def test_the_history_needs_a_signed_in_user(anon):
    error_of(anon.get("/history/mood"), 401, "unauthorized")
