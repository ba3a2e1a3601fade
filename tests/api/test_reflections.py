"""Reflections: one mood check a day (RULES.md "Reflections")."""
import pytest

from .helpers import day, field_errors

KEYS = {"uuid", "date", "mood", "note", "updated_at"}


def test_put_creates_then_updates_keeping_what_it_leaves_out(client):
    created = client.put(f"/reflections/{day()}", {"mood": 4, "note": "calm"})
    assert created.status_code == 201, created.json
    assert set(created.json) == KEYS
    assert (created.json["date"], created.json["mood"], created.json["note"]) == (day(), 4, "calm")
    updated = client.put(f"/reflections/{day()}", {"mood": 2})
    assert updated.status_code == 200, updated.json
    assert (updated.json["mood"], updated.json["note"]) == (2, "calm")
    assert updated.json["uuid"] == created.json["uuid"]
    noted = client.put(f"/reflections/{day()}", {"note": "better by evening"}).json
    assert (noted["mood"], noted["note"]) == (2, "better by evening")
    assert client.get("/reflections").json == [noted]


def test_a_new_reflection_needs_a_mood(client):
    field_errors(client.put(f"/reflections/{day()}", {"note": "no mood"}), "mood")
    assert client.get("/reflections").json == []


@pytest.mark.parametrize("body, field", [
    ({"mood": 0}, "mood"), ({"mood": 6}, "mood"), ({"mood": "3"}, "mood"), ({"mood": 3.5}, "mood"),
    ({"mood": None}, "mood"), ({"mood": True}, "mood"),
    ({"mood": 3, "note": "x" * 2001}, "note"), ({"mood": 3, "note": None}, "note"),
])
def test_put_validates(client, body, field):
    field_errors(client.put(f"/reflections/{day()}", body), field)
    assert client.get("/reflections").json == []


@pytest.mark.parametrize("mood", [1, 5])
def test_moods_run_from_1_to_5_and_notes_to_2000_characters(client, mood):
    response = client.put(f"/reflections/{day()}", {"mood": mood, "note": "x" * 2000})
    assert response.status_code == 201 and response.json["mood"] == mood


@pytest.mark.parametrize("date", ["1969-12-31", "2024-02-30", "{tomorrow}"])
def test_dates_run_from_1970_to_today(client, date):
    date = date.format(tomorrow=day(1))
    field_errors(client.put(f"/reflections/{date}", {"mood": 3}), "date")
    assert client.put("/reflections/1970-01-01", {"mood": 3}).status_code == 201


def test_the_range_is_oldest_first_and_defaults_to_the_last_365_days(client):
    for offset in (0, -365, -2, -364):
        assert client.put(f"/reflections/{day(offset)}", {"mood": 3}).status_code == 201
    assert [r["date"] for r in client.get("/reflections").json] == [day(-364), day(-2), day()]
    ranged = client.get(f"/reflections?from={day(-400)}&to={day(-2)}").json
    assert [r["date"] for r in ranged] == [day(-365), day(-364), day(-2)]


@pytest.mark.parametrize("query, field", [
    ("?from={today}&to={yesterday}", "from"), ("?from=2024-02-30", "from"),
    ("?from=1990-01-01&to=2000-01-10", "from"), ("?mood=3", "mood"),
])
def test_the_range_is_validated(client, query, field):
    query = query.format(today=day(), yesterday=day(-1))
    field_errors(client.get(f"/reflections{query}"), field)


def test_delete_removes_it_and_is_204_when_there_is_none(client):
    client.put(f"/reflections/{day(-1)}", {"mood": 3})
    client.put(f"/reflections/{day()}", {"mood": 5})
    for _ in range(2):
        response = client.delete(f"/reflections/{day()}")
        assert response.status_code == 204 and response.data == b""
    assert [r["date"] for r in client.get("/reflections").json] == [day(-1)]
