"""Hostile or unlucky input: odd text, deep JSON, impossible clocks, concurrent writers."""
import threading

import pytest

from ..conftest import ApiClient, make_habit
from .helpers import day, error_of, field_errors

LONE_SURROGATE = '{"name": "\\ud800"}'


@pytest.mark.parametrize("path, body", [
    ("/habits", '{"name": "\\ud800"}'),
    ("/identities", '{"statement": "I \\udfff"}'),
    ("/me/password", '{"current_password": "\\ud800", "new_password": "long enough"}'),
])
def test_lone_surrogates_are_422(client, path, body):
    response = client.http.post(f"/api/v1{path}", data=body, headers={
        "Content-Type": "application/json", "X-CSRF-Token": client.csrf})
    error_of(response, 422, "validation_error")


def test_a_lone_surrogate_password_at_sign_up_is_422(anon):
    response = anon.http.post("/api/v1/auth/register", data='{"email": "a@example.org", '
                              '"password": "\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800"}',
                              headers={"Content-Type": "application/json"})
    field_errors(response, "password")


def test_deeply_nested_json_is_400(client):
    response = client.http.post("/api/v1/habits", data="[" * 100_000, headers={
        "Content-Type": "application/json", "X-CSRF-Token": client.csrf})
    error_of(response, 400, "bad_request")


@pytest.mark.parametrize("color", ["#aabbcc\n", "#aabbc", "aabbcc"])
def test_colours_are_exactly_hash_and_six_hex_digits(client, color):
    field_errors(client.post("/habits", {"name": "Walk", "color": color}), "color")
    field_errors(client.post("/identities", {"statement": "I", "color": color}), "color")


def test_an_email_that_grows_when_lower_cased_is_refused_not_a_500(anon):
    long = "İ" * 200 + "@example.org"
    assert anon.post("/auth/register", {"email": long, "password": "long enough"}
                     ).status_code == 422
    assert anon.post("/auth/login", {"email": long, "password": "long enough"}).status_code == 401


@pytest.mark.parametrize("client_time", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00",
                                         "1969-12-31T23:59:59+00:00"])
def test_an_impossible_client_time_fails_its_item_alone(client, client_time):
    habit = make_habit(client)
    items = [{"op": "put", "habit_id": habit["id"], "date": day(-1)},
             {"op": "delete", "habit_id": habit["id"], "date": day(-2), "client_time": client_time}]
    results = client.post("/checkins/batch", {"items": items}).json["results"]
    assert results[0]["ok"] and not results[1]["ok"]
    assert "client_time" in results[1]["error"]["fields"]


def test_concurrent_writers_all_succeed(app):
    """Several clients writing at once (like gunicorn workers): no 'database is locked', no 409."""
    clients = [ApiClient(app).register() for _ in range(4)]
    shared = make_habit(clients[0])
    habits = [make_habit(c) for c in clients]
    failures = []

    def write(client, habit):
        for offset in range(1, 16):
            for target in (habit, shared if client is clients[0] else habit):
                response = client.put(f"/habits/{target['id']}/checkins/{day(-offset)}",
                                      {"note": "x"})
                if response.status_code not in (200, 201):
                    failures.append(response.status_code)

    threads = [threading.Thread(target=write, args=pair) for pair in zip(clients, habits)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
