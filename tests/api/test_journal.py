"""The journal and its search (issue 25), on both databases: every note newest first, filters,
pages, and full-text search with accents, quotes, phrases and whatever else a person types."""
import pytest

from ..conftest import make_habit
from .helpers import day, field_errors, put_checkin


def note_of(client, habit, offset, note, **body):
    return put_checkin(client, habit, day(offset), {"note": note, **body})


def reflect(client, offset, mood, note):
    response = client.put(f"/reflections/{day(offset)}", {"mood": mood, "note": note})
    assert response.status_code in (200, 201), response.json


def journal(client, **query):
    response = client.get("/journal", query_string=query)
    assert response.status_code == 200, response.json
    return response.json


def notes(client, **query):
    return [entry["note"] for entry in journal(client, **query)["entries"]]


@pytest.fixture
def written(client):
    """A few days of notes: two habits (one private, of an identity) and reflections."""
    identity = client.post("/identities", {"statement": "I move"}).json
    run = make_habit(client, name="Run", identity_id=identity["id"])
    read = make_habit(client, name="Read", private=True)
    note_of(client, run, -3, "Slow run past the café")
    reflect(client, -3, 2, "Tired, the cafe was closed")
    note_of(client, read, -2, "Read about \"deep work\" and focus")
    note_of(client, run, -1, "Work then a run in the rain")
    reflect(client, -1, 4, "Rain all day; a good run anyway")
    put_checkin(client, read, day(-1), {})  # no note: not in the journal
    return {"run": run, "read": read, "identity": identity}


def test_every_note_newest_first_the_days_reflection_before_its_check_ins(client, written):
    page = journal(client)
    assert [(e["kind"], e["day"]) for e in page["entries"]] == [
        ("reflection", day(-1)), ("checkin", day(-1)), ("checkin", day(-2)),
        ("reflection", day(-3)), ("checkin", day(-3))]
    first, second = page["entries"][:2]
    assert (first["mood"], first["habit"], first["snippet"]) == (4, None, None)
    assert second["habit"] == {"id": written["run"]["id"], "name": "Run"}
    assert second["mood"] is None and page["next_cursor"] is None


def test_filters_by_habit_identity_and_mood(client, written):
    assert notes(client, habit_id=written["read"]["id"]) == ["Read about \"deep work\" and focus"]
    assert notes(client, identity_id=written["identity"]["id"]) == [
        "Work then a run in the rain", "Slow run past the café"]
    assert notes(client, mood=2) == ["Tired, the cafe was closed"]
    assert notes(client, mood=2, habit_id=written["run"]["id"]) == []  # check-ins have no mood
    assert notes(client, q="run", identity_id=written["identity"]["id"]) == [
        "Work then a run in the rain", "Slow run past the café"]


@pytest.mark.parametrize("q, found", [
    ("café", ["Tired, the cafe was closed", "Slow run past the café"]),
    ("cafe", ["Tired, the cafe was closed", "Slow run past the café"]),
    ("CAFÉ", ["Tired, the cafe was closed", "Slow run past the café"]),
    ('"deep work"', ["Read about \"deep work\" and focus"]),
    ('"work deep"', []),  # a phrase is its words in order
    ("work", ["Work then a run in the rain", "Read about \"deep work\" and focus"]),
    ("rain run", ["Rain all day; a good run anyway", "Work then a run in the rain"]),
    ("rain -work", ["Rain all day; a good run anyway"]),
    ('run -"the rain"', ["Rain all day; a good run anyway", "Slow run past the café"]),
    ("foc*", ["Read about \"deep work\" and focus"]),
    ('"deep work', ["Read about \"deep work\" and focus"]),  # an unbalanced quote: to the end
    ('deep"work', ["Read about \"deep work\" and focus"]),
    ("cafe _", ["Tired, the cafe was closed", "Slow run past the café"]),  # "_" is no word
])
def test_search(client, written, q, found):
    assert notes(client, q=q) == found


@pytest.mark.parametrize("q", [
    '"', '""', "*", "-", "- -", "NEAR", "NEAR(rain run)", "rain NEAR run", "AND", "OR NOT", "(",
    ")", "rain)", "^run", "note:rain", "user_id:1", "{note}: x", "'", "''", "\\", "%", "_",
    "rain OR", "NOT rain", "-rain", "run*", "*run", "a" * 200, "日本語", "🙂", "\u0301", "\ue000",
])
def test_anything_typed_is_safe(client, written, q):
    response = client.get("/journal", query_string={"q": q})
    assert response.status_code == 200, response.json


def test_words_that_are_operators_are_words(client, written):
    habit = written["run"]
    note_of(client, habit, 0, "NEAR the river OR the sea, NOT here")
    assert notes(client, q="near") == ["NEAR the river OR the sea, NOT here"]
    assert notes(client, q="not here") == ["NEAR the river OR the sea, NOT here"]
    assert notes(client, q="OR") == ["NEAR the river OR the sea, NOT here"]


def test_a_query_of_no_words_is_no_search(client, written):
    assert len(notes(client, q='" * -')) == 5
    assert notes(client, q="-rain") == notes(client)  # only what to leave out: nothing to find


def test_snippets_mark_what_was_found(client, written):
    entries = journal(client, q="cafe")["entries"]
    assert entries[1]["snippet"] == [{"text": "Slow run past the ", "match": False},
                                     {"text": "café", "match": True}]
    assert entries[0]["snippet"][1] == {"text": "cafe", "match": True}
    phrase = journal(client, q='"deep work"')["entries"][0]["snippet"]
    assert [p["text"] for p in phrase if p["match"]] in (["deep", "work"], ["deep work"])


def test_pages_follow_the_cursor_to_the_end(client, written):
    seen, cursor = [], None
    for _ in range(10):
        page = journal(client, limit=2, **({"before": cursor} if cursor is not None else {}))
        seen += [e["note"] for e in page["entries"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == notes(client)
    run = [e["note"] for e in journal(client, q="run", limit=1)["entries"]]
    after = journal(client, q="run", limit=1)["next_cursor"]
    assert run + notes(client, q="run", before=after) == notes(client, q="run")


def test_edited_and_deleted_notes_leave_the_results(client, written):
    run = written["run"]
    note_of(client, run, -1, "Sunshine, a short one")
    assert notes(client, q="rain") == ["Rain all day; a good run anyway"]
    assert notes(client, q="sunshine") == ["Sunshine, a short one"]
    put_checkin(client, run, day(-1), {"note": ""})
    assert notes(client, q="sunshine") == []
    assert client.delete(f"/reflections/{day(-1)}", {}).status_code == 204
    assert notes(client, q="rain") == []
    assert client.delete(f"/habits/{run['id']}/checkins/{day(-3)}", {}).status_code == 204
    assert notes(client, q="café") == ["Tired, the cafe was closed"]
    assert client.delete(f"/habits/{written['read']['id']}").status_code == 204
    assert notes(client, q="deep") == [] and notes(client, q="work") == []


def test_never_another_users_notes(client, other, written):
    assert journal(other) == {"entries": [], "next_cursor": None}
    assert notes(other, q="run") == [] and notes(other, q="deep work") == []
    reflect(other, -1, 3, "My own rain")
    assert notes(other, q="rain") == ["My own rain"]
    assert notes(client, q="own") == []
    # the first user's (private) habit and identity are unknown to the other
    field_errors(other.get("/journal", query_string={"habit_id": written["read"]["id"]}),
                 "habit_id")
    field_errors(other.get("/journal", query_string={"identity_id": written["identity"]["id"]}),
                 "identity_id")


@pytest.mark.parametrize("query, field", [
    ({"habit_id": 999999}, "habit_id"), ({"identity_id": 999999}, "identity_id"),
    ({"mood": 6}, "mood"), ({"mood": "x"}, "mood"), ({"before": -1}, "before"),
    ({"before": 2**53}, "before"), ({"limit": 0}, "limit"), ({"limit": 101}, "limit"),
    ({"q": "x" * 201}, "q"), ({"q": "a\x00b"}, "q"), ({"colour": "red"}, "colour"),
])
def test_the_query_is_validated(client, written, query, field):
    field_errors(client.get("/journal", query_string=query), field)


def test_any_cursor_is_a_place(client, written):
    assert journal(client, before=0) == {"entries": [], "next_cursor": None}
    assert len(journal(client, before=2**53 - 1)["entries"]) == 5
