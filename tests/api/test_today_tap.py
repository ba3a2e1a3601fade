"""Issue 23: each Today item says what one tap records on its day (`tap`), so the app copies it,
also offline, and decides no status or amount itself: a build habit's tap is done (a minutes
habit's with the target in force that day, a count one more), a quit habit's a slip; tapping a
done day again clears it; a further tap adds `step`."""
import datetime

from tests import clock

from ..conftest import make_habit

ONE_DAY = datetime.timedelta(days=1)


def tap_of(client, habit, day):
    items = client.get(f"/today?date={day}").json
    item = next(i for i in items["habits"] + items["later"] if i["habit"]["id"] == habit["id"])
    return item["tap"]


def tap(status, value, clears=False, step=None):
    return {"status": status, "value": value, "clears": clears, "step": step}


def test_a_tap_is_what_the_server_says_for_each_kind(client):
    today = clock.today()
    start = (today - 10 * ONE_DAY).isoformat()
    check = make_habit(client, name="Walk", start_date=start)
    pages = make_habit(client, name="Read", measure="count", target=10, unit="pages",
                       start_date=start)
    minutes = make_habit(client, name="Paint", measure="minutes", target=20, start_date=start)
    sweets = make_habit(client, name="Sweets", kind="quit", start_date=start)
    scrolling = make_habit(client, name="Scroll", kind="quit", measure="minutes",
                           start_date=start)
    assert tap_of(client, check, today) == tap("done", None)
    assert tap_of(client, pages, today) == tap("done", 1, step=1)
    assert tap_of(client, minutes, today) == tap("done", 20)
    assert tap_of(client, sweets, today) == tap("slip", 1)
    assert tap_of(client, scrolling, today) == tap("slip", 5, step=5)

    # Each written as the app copies it: the next tap follows from what is stored.
    for habit in (check, pages, minutes, sweets, scrolling):
        body = {k: v for k, v in tap_of(client, habit, today).items() if k in ("status", "value")
                and v is not None}
        answer = client.put(f"/habits/{habit['id']}/checkins/{today}?include=today", body)
        assert answer.status_code == 201, answer.json
        assert answer.json["today"]["tap"] == tap_of(client, habit, today)
    assert tap_of(client, check, today) == tap("done", None, clears=True)
    assert tap_of(client, pages, today) == tap("done", 2, step=1)
    assert tap_of(client, minutes, today) == tap("done", 20, clears=True)
    assert tap_of(client, sweets, today) == tap("slip", 1, clears=True)
    assert tap_of(client, scrolling, today) == tap("slip", 10, step=5)
    # A minutes day logged short of its target is not done: a tap tops it up to the target.
    client.put(f"/habits/{minutes['id']}/checkins/{today}", {"status": "done", "value": 5})
    assert tap_of(client, minutes, today) == tap("done", 20)


def test_a_past_day_taps_the_target_in_force_then_and_a_later_habit_starts_there(client):
    today = clock.today()
    paint = make_habit(client, name="Paint", measure="minutes", target=20,
                       start_date=(today - 10 * ONE_DAY).isoformat())
    client.patch(f"/habits/{paint['id']}", {"target": 15})
    assert tap_of(client, paint, today - 2 * ONE_DAY) == tap("done", 20)
    assert tap_of(client, paint, today) == tap("done", 15)
    later = make_habit(client, name="Sweets", kind="quit", start_date=today.isoformat())
    assert tap_of(client, later, today - ONE_DAY) == tap("slip", 0)  # kept, tracked from then
