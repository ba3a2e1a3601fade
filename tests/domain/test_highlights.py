"""The weekly summary's highlights (server/domain/weekly.py)."""
from server.domain.weekly import highlights


def summary_with(identities):
    return {"habits": [], "identities": [{"statement": s, "votes": v} for s, v in identities]}


def test_most_votes_names_the_identity_with_most():
    assert highlights(summary_with([("I move", 4), ("I create", 2)]), {}) == [
        "Most votes: “I move” (4)."]


def test_a_tie_for_most_votes_names_every_identity_in_it():
    lines = highlights(summary_with([("I move", 4), ("I rest", 0), ("I create", 4),
                                     ("I call", 4)]), {})
    assert lines == ["Most votes: “I move”, “I create” and “I call” (4 each)."]
    assert highlights(summary_with([("I move", 3), ("I create", 3)]), {}) == [
        "Most votes: “I move” and “I create” (3 each)."]


def test_no_votes_no_line():
    assert highlights(summary_with([("I move", 0)]), {}) == []
