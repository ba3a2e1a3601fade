"""Imports that do not swamp the week (issue 24): another app's habits with no check-in in the
last 60 days arrive archived, named in the report, so Today and the week show what the user does
now; several habits can be archived or restored at once."""
from bench.imports import loop_backup

from .. import clock
from ..conftest import make_habit
from .helpers import day, error_of, field_errors, put_checkin
from .test_imports import fixture, post_file


def names(client, archived):
    return sorted(h["name"] for h in client.get(f"/habits?archived={archived}").json)


def last_week(client):
    """Last week's summary, as the Week screen reads it."""
    monday = clock.today().toordinal() - clock.today().weekday() - 7
    start = clock.today().fromordinal(monday).isoformat()
    return client.get(f"/summaries/weekly?week={start}").json


def test_a_backup_of_years_ago_arrives_archived_and_leaves_the_week_alone(client, tmp_path):
    walk, read = make_habit(client, name="Walk"), make_habit(client, name="Read")
    for offset in range(1, 15):
        put_checkin(client, walk, day(-offset))
    today_before = client.get(f"/today?date={day()}").json["habits"]
    week_before = last_week(client)
    response = post_file(client, "/import/loop", fixture("loop.db"))  # last used in 2016-2017
    assert response.status_code == 200, response.json
    report = response.json
    imported = [h for h in client.get("/habits?archived=all").json if h["name"] not in
                ("Walk", "Read")]
    assert len(imported) == report["created"]["habits"] == 9
    assert sorted(report["archived"]) == sorted(h["id"] for h in imported)
    assert all(h["archived"] for h in imported)
    assert names(client, "false") == ["Read", "Walk"]
    assert client.get(f"/today?date={day()}").json["habits"] == today_before
    assert last_week(client) == week_before  # "26 of 32" stays, not "26 of 109"
    # Their history came along whole, and one call brings them all back.
    restored = client.post("/habits/archive", {"habit_ids": report["archived"],
                                               "archived": False})
    assert restored.status_code == 200, restored.json
    assert len(restored.json) == 9 and not any(h["archived"] for h in restored.json)
    assert len(names(client, "false")) == 11


def test_a_habit_in_use_arrives_as_it_is(client, tmp_path):
    path = tmp_path / "loop.db"
    loop_backup(path, habits=2, years=0.2, today=clock.today())  # done until yesterday
    response = post_file(client, "/import/loop", path.read_bytes())
    assert response.status_code == 200, response.json
    assert response.json["archived"] == []
    assert len(names(client, "false")) == 2


def test_importing_again_never_restores_what_is_archived_here(client, tmp_path):
    path = tmp_path / "loop.db"
    loop_backup(path, habits=2, years=0.2, today=clock.today())
    post_file(client, "/import/loop", path.read_bytes())
    first = client.get("/habits").json[0]
    client.patch(f"/habits/{first['id']}", {"archived": True})  # the user put it away
    again = post_file(client, "/import/loop", path.read_bytes())
    assert again.json["updated"]["habits"] == 0
    assert client.get(f"/habits/{first['id']}").json["archived"]
    stale = post_file(client, "/import/loop", fixture("loop.db"))
    restored = client.post("/habits/archive", {"habit_ids": stale.json["archived"],
                                               "archived": False})
    assert restored.status_code == 200
    post_file(client, "/import/loop", fixture("loop.db"))  # nor archives what was restored
    assert len(names(client, "false")) == 1 + 9


def test_an_orbit_export_keeps_its_own_archived_marks(app, client):
    habit = make_habit(client, name="Old walk", start_date=day(-400))
    put_checkin(client, habit, day(-300))
    export = client.get("/export").json
    from ..conftest import ApiClient
    fresh = ApiClient(app).register()
    response = fresh.post("/import", export)
    assert response.json["archived"] == [] and names(fresh, "false") == ["Old walk"]


def test_several_habits_archived_and_restored_at_once(client):
    walk, read, swim = (make_habit(client, name=n) for n in ("Walk", "Read", "Swim"))
    response = client.post("/habits/archive", {"habit_ids": [walk["id"], swim["id"]],
                                               "archived": True})
    assert response.status_code == 200
    assert [h["name"] for h in response.json] == ["Walk", "Swim"]
    assert names(client, "false") == ["Read"] and names(client, "true") == ["Swim", "Walk"]
    archived_at = client.get(f"/habits/{walk['id']}").json["archived_at"]
    # Archiving again keeps the date it was archived; restoring brings both back.
    client.post("/habits/archive", {"habit_ids": [walk["id"], read["id"]], "archived": True})
    assert client.get(f"/habits/{walk['id']}").json["archived_at"] == archived_at
    client.post("/habits/archive", {"habit_ids": [walk["id"], read["id"], swim["id"]],
                                    "archived": False})
    assert names(client, "true") == []


def test_archiving_several_refuses_what_is_not_there(client):
    walk = make_habit(client)
    response = client.post("/habits/archive", {"habit_ids": [walk["id"], 999999],
                                               "archived": True})
    assert field_errors(response, "habit_ids") == ["Unknown habit."]
    assert response.json["error"]["codes"]["habit_ids"][0]["code"] == "not_found"
    assert not client.get(f"/habits/{walk['id']}").json["archived"]
    error_of(client.post("/habits/archive", {"habit_ids": [], "archived": True}), 422,
             "validation_error")
    error_of(client.post("/habits/archive", {"habit_ids": [walk["id"]]}), 422,
             "validation_error")
