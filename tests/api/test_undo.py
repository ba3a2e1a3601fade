"""Undo restores the record exactly (RULES.md "Start date"): any sequence of taps, then as
many undos (each a DELETE of what a tap created, or a PUT of exactly what it replaced), leaves
check-ins, start date, streaks and strength as they were, on both databases."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..conftest import make_habit
from .helpers import day

HABITS = [{"name": "Walk"}, {"name": "Read", "measure": "count", "target": 10},
          {"name": "Snacks", "kind": "quit", "measure": "count", "target": 2},
          {"name": "No reactive messages", "kind": "quit"},
          {"name": "Paint", "measure": "minutes", "target": 20,
           "schedule": {"type": "per_week", "times": 3}}]


def tap_body(habit, draw):
    """What one tap of the app sends for this habit (a done, an amount, a slip, a skip, a note)."""
    if habit["kind"] == "quit":
        return {"value": draw(st.integers(0, 4))} | draw(st.sampled_from([{}, {"note": "n"}]))
    if habit["measure"] == "check":
        return draw(st.sampled_from([{}, {"status": "skipped"}, {"note": "felt good"}]))
    return draw(st.sampled_from([{"value": 5}, {"value": 20}, {"status": "skipped"},
                                 {"value": 0, "note": "tried"}]))


def record(client, habit):
    """Everything a tap may change, as the API shows it."""
    path = f"/habits/{habit['id']}"
    checkins = [{k: c[k] for k in ("date", "status", "value", "note")}
                for c in client.get(f"{path}/checkins?from={day(-30)}").json]
    stats = client.get(f"{path}/stats").json
    return (checkins, client.get(path).json["start_date"], stats,
            client.get(f"{path}/strength?from={day(-30)}").json)


@given(data=st.data())
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_taps_then_as_many_undos_restore_the_record(client, data):
    habit = make_habit(client, **data.draw(st.sampled_from(HABITS)),
                       start_date=day(-data.draw(st.integers(0, 5))))
    for offset in data.draw(st.lists(st.integers(1, 12), max_size=3)):  # some earlier history
        client.put(f"/habits/{habit['id']}/checkins/{day(-offset)}", tap_body(habit, data.draw))
    before = record(client, habit)
    undo = []
    for _ in range(data.draw(st.integers(1, 6))):
        date = day(-data.draw(st.integers(0, 12)))
        path = f"/habits/{habit['id']}/checkins/{date}"
        stored = client.get(f"/habits/{habit['id']}/checkins?from={date}&to={date}").json
        undo.append((path, stored[0] if stored else None))
        if data.draw(st.booleans()) or not stored:
            assert client.put(path, tap_body(habit, data.draw)).status_code in (200, 201)
        else:
            assert client.delete(path).status_code == 204
    for path, previous in reversed(undo):
        if previous is None:
            assert client.delete(path).status_code == 204
        else:
            body = {k: previous[k] for k in ("status", "value", "note")}
            if habit["measure"] == "check" and habit["kind"] == "build":
                body.pop("value")
            assert client.put(path, body).status_code in (200, 201)
    assert record(client, habit) == before
