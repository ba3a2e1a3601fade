"""Field errors carry a machine code and its parameters (`codes`) beside the words (`fields`),
in a single write and per batch item, and the OpenAPI document lists every code (issue 23)."""
import ast
from pathlib import Path

from server.errors import FIELD_CODES

from ..conftest import make_habit
from .helpers import day, error_of, put_checkin

SERVER = Path(__file__).resolve().parents[2] / "server"


def codes(response):
    """The `codes` of a 422, after checking they mirror `fields` key for key."""
    error = error_of(response, 422, "validation_error")
    assert error["codes"].keys() == error["fields"].keys(), error
    return error["codes"]


def test_a_too_long_name_is_too_long_with_its_bounds_and_its_words_kept(client):
    response = client.post("/habits", {"name": "x" * 81})
    assert response.json["error"]["fields"] == {"name": ["Length must be between 1 and 80."]}
    assert codes(response) == {"name": [{"code": "too_long", "min": 1, "max": 80}]}
    response = client.post("/habits", {"name": ""})
    assert codes(response) == {"name": [{"code": "too_short", "min": 1, "max": 80}]}
    response = client.post("/habits", {"name": "Walk", "description": "x" * 501})
    assert codes(response) == {"description": [{"code": "too_long", "max": 500}]}


def test_missing_null_unknown_and_not_an_object(client):
    assert codes(client.post("/habits", {})) == {"name": [{"code": "required"}]}
    assert codes(client.post("/habits", {"name": None})) == {"name": [{"code": "null"}]}
    assert codes(client.post("/habits", {"name": "Walk", "colour": "red"})) == {
        "colour": [{"code": "unknown_field"}]}
    assert codes(client.post("/habits", {"name": 5})) == {"name": [{"code": "invalid_type"}]}
    assert codes(client.post("/habits", {"name": "Walk", "schedule": [1]})) == {
        "schedule": {"_schema": [{"code": "invalid_type"}]}}
    assert codes(client.post("/habits", {"name": "Walk", "schedule": {"type": "weekdays"}})) == {
        "schedule": {"days": [{"code": "required"}]}}


def test_numbers_dates_and_choices(client):
    habit = make_habit(client, measure="minutes", target=20)
    url = f"/habits/{habit['id']}/checkins/{day()}"
    response = client.put(url, {"value": -1})
    assert response.json["error"]["fields"] == {"value": [
        "Must be greater than or equal to 0 and less than or equal to 1000000."]}
    assert codes(response) == {"value": [{"code": "out_of_range", "min": 0, "max": 1_000_000}]}
    assert codes(client.put(url, {"value": "ten"})) == {"value": [{"code": "invalid_number"}]}
    assert codes(client.put(url, {"status": "maybe"})) == {
        "status": [{"code": "not_one_of", "choices": ["done", "skipped", "slip"]}]}
    assert codes(client.post("/habits", {"name": "Read", "start_date": "2026-02-30"})) == {
        "start_date": [{"code": "invalid_date"}]}
    assert codes(client.post("/habits", {"name": "Read", "start_date": "1969-12-31"})) == {
        "start_date": [{"code": "out_of_range", "min": "1970-01-01"}]}
    # A date in the path is coded the same way.
    assert codes(client.put(f"/habits/{habit['id']}/checkins/2026-02-30", {})) == {
        "date": [{"code": "invalid_date"}]}
    assert codes(client.post("/habits", {"name": "Read", "schedule": {
        "type": "per_week", "times": 9}})) == {
        "schedule": {"times": [{"code": "out_of_range", "min": 1, "max": 7}]}}


def test_a_measure_locked_by_check_ins(client):
    habit = make_habit(client)
    put_checkin(client, habit, day())
    response = client.patch(f"/habits/{habit['id']}", {"measure": "minutes", "target": 10})
    assert response.json["error"]["fields"] == {
        "measure": ["Cannot change once the habit has check-ins."]}
    assert codes(response) == {"measure": [{"code": "locked_after_checkins"}]}


def test_each_batch_item_carries_its_codes(client):
    habit = make_habit(client, measure="minutes", target=20)
    item = {"op": "put", "habit_id": habit["id"], "date": day()}
    response = client.post("/checkins/batch", {"items": [
        {"op": "put", "date": day()}, item | {"value": 2_000_000}, item | {"date": "2026-13-01"},
        item | {"status": "maybe"}, item | {"note": "x" * 1001}, item | {"value": 20}]})
    assert response.status_code == 200, response.json
    errors = [result.get("error") for result in response.json["results"]]
    assert [error and error["codes"] for error in errors] == [
        {"habit_id": [{"code": "required"}]},
        {"value": [{"code": "out_of_range", "min": 0, "max": 1_000_000}]},
        {"date": [{"code": "invalid_date"}]},
        {"status": [{"code": "not_one_of", "choices": ["done", "skipped", "slip"]}]},
        {"note": [{"code": "too_long", "max": 1000}]},
        None]
    assert errors[0]["fields"] == {"habit_id": ["Missing data for required field."]}


def codes_in_the_source():
    """Every code the server's source can put on an error: FieldError(text, "code") calls, the
    coded fields' error keys and kinds, and the coded validators."""
    found = set()
    for path in SERVER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "FieldError"
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)):
                found.add(node.args[1].value)  # Length's code is a name: too_short, too_long
            if isinstance(node, ast.Assign) and any(
                    getattr(t, "id", None) == "invalid_code" for t in node.targets):
                found.add(node.value.value)
    from server.schemas.fields import KEY_CODES
    return found | set(KEY_CODES.values()) | {"too_short", "too_long", "other"}


def test_every_code_the_server_can_emit_is_in_the_document(anon):
    document = anon.get("/api/v1/openapi.json").json
    enum = document["components"]["schemas"]["FieldErrorCode"]["properties"]["code"]["enum"]
    assert enum == list(FIELD_CODES) and len(set(enum)) == len(enum)  # each code once
    found = codes_in_the_source()
    assert found <= set(enum), found - set(enum)
    assert len(found) > 10  # the scan itself found the codes


def test_the_stores_refusals_carry_codes_too(client):
    """Rules that need the record (a habit's kind, today's date, a pause's days) are coded like
    the schemas' refusals, so the app never words them from English."""
    walk = make_habit(client)
    minutes = make_habit(client, name="Read", measure="minutes", target=20)
    quit_ = make_habit(client, name="Smoke", kind="quit")
    assert codes(client.put(f"/habits/{walk['id']}/checkins/{day(1)}", {})) == {"date": [
        {"code": "out_of_range", "min": "1970-01-01", "max": day()}]}
    assert codes(client.put(f"/habits/{walk['id']}/checkins/{day()}", {"status": "slip"})) == {
        "status": [{"code": "not_allowed"}]}
    assert codes(client.put(f"/habits/{quit_['id']}/checkins/{day()}",
                            {"status": "skipped"})) == {"status": [{"code": "not_allowed"}]}
    assert codes(client.put(f"/habits/{walk['id']}/checkins/{day()}", {"value": 2})) == {
        "value": [{"code": "not_allowed"}]}
    assert codes(client.put(f"/habits/{minutes['id']}/checkins/{day()}", {})) == {
        "value": [{"code": "required"}]}
    assert codes(client.post("/pauses", {"habit_id": 999999, "start": day()})) == {
        "habit_id": [{"code": "not_found"}]}
    assert codes(client.post("/pauses", {"start": day(), "end": day(-1)})) == {
        "end": [{"code": "out_of_order"}]}
    assert codes(client.get(f"/habits/{walk['id']}/calendar?from={day()}&to={day(-3)}")) == {
        "from": [{"code": "out_of_order"}]}
    assert codes(client.put(f"/reflections/{day()}", {"note": "no mood yet"})) == {
        "mood": [{"code": "required"}]}
